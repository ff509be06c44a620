import { priceBill } from '../core/bill.js';
import { Decimal } from '../core/money.js';
import { sideTotals } from '../core/totals.js';
import type { Side } from '../core/types.js';
import { csvHeader, csvLine } from '../output/csv.js';
import { lineObject, resultDocument, allTotals } from '../output/document.js';
import { renderTable } from '../output/table.js';
import { render7501 } from '../output/entry7501.js';
import { withScenarios } from '../rates/scenario.js';
import { loadLedger } from '../rates/load.js';
import { EXIT, UserError } from './errors.js';
import { makeChalk, write } from './io.js';
import { readBill } from './read-bill.js';
import { parseEncoding, parseDateOption, parseFormat, parseFx, parseMode, parseOrigin, parsePercent, parseSide, type CommonOptions } from './options.js';
import { staleWarnings } from './stale.js';
import { summarizeWarnings } from './warnings.js';

export interface CalcOptions extends CommonOptions {
  scenario?: string[];
  strict?: boolean;
  failOver?: string;
  targetMargin?: string;
  failOnStale?: boolean;
  encoding?: string;
  decimalComma?: boolean;
  color?: boolean;
}

export async function runCalc(file: string | undefined, opts: CalcOptions): Promise<number> {
  const date = parseDateOption(opts.date);
  const into = parseSide(opts.into);
  const origin = parseOrigin(opts.origin);
  const mode = parseMode(opts.mode);
  const format = parseFormat(opts.format, Boolean(process.stdout.isTTY));
  const fx = parseFx(opts.fx);
  const failOver = parsePercent(opts.failOver, '--fail-over');
  const targetMargin = parsePercent(opts.targetMargin, '--target-margin');
  if (targetMargin && targetMargin.greaterThanOrEqualTo(100)) throw new UserError('--target-margin must be under 100%', EXIT.usage);
  const ledger = withScenarios(loadLedger(), opts.scenario);
  const encoding = parseEncoding(opts.encoding);
  const { headers, lines, rejected, cellsByRow } = await readBill(file, { into, origin, date, mode, fx, decimalComma: Boolean(opts.decimalComma) }, format === 'csv', encoding);
  const priced = priceBill(lines, ledger, { explain: opts.explain });
  const allRejected = [...rejected, ...priced.rejected].sort((a, b) => a.row - b.row);
  const dates = lines.length > 0 ? lines.map((l) => l.date) : [date];
  const warnings = summarizeWarnings([...staleWarnings(ledger.reviewedThrough, dates, [...new Set<Side>([into, ...lines.map((l) => l.into)])]), ...priced.warnings]);
  const query = { date, mode, into, ...(origin ? { origin } : {}) };

  const c = makeChalk(opts.color, process.stdout, process.env);
  if (format === 'json') write(JSON.stringify(resultDocument(query, ledger, priced.lines, allRejected, warnings, targetMargin), null, 2) + '\n');
  else if (format === 'ndjson') {
    for (const r of priced.lines) write(JSON.stringify(lineObject(r, targetMargin)) + '\n');
    write(JSON.stringify({ totals: allTotals(priced.lines), rejected: allRejected, warnings }) + '\n');
  } else if (format === 'csv') {
    write(csvHeader(headers));
    for (const r of priced.lines) write(csvLine(r, cellsByRow.get(r.line.row) ?? [], targetMargin));
  } else if (format === '7501') write(render7501(priced.lines));
  else write(renderTable(priced.lines, c, Boolean(opts.explain), targetMargin));

  const e = makeChalk(opts.color, process.stderr, process.env);
  for (const w of warnings) process.stderr.write(`${e.yellow('warning:')} ${w}\n`);
  for (const r of allRejected) process.stderr.write(`${e.red('rejected:')} row ${r.row}, column ${r.column}: ${r.message}\n`);
  const stale = staleWarnings(ledger.reviewedThrough, dates, [...new Set<Side>([into, ...lines.map((l) => l.into)])]);
  if (opts.failOnStale && stale.length > 0) {
    process.stderr.write(`fail-on-stale: ${stale.join('; ')}\n`);
    return EXIT.input;
  }
  const rowsIn = lines.length + rejected.length;
  if (allRejected.length > 0) {
    process.stderr.write(`${rowsIn} rows read: ${priced.lines.length} priced, ${new Set(allRejected.map((r) => r.row)).size} rejected\n`);
    return opts.strict ? EXIT.input : EXIT.rejected;
  }
  if (failOver) {
    const t = sideTotals(priced.lines, 'US');
    if (t && new Decimal(t.effectiveDutyRate).greaterThan(failOver)) {
      process.stderr.write(`fail-over: the bill's effective duty rate ${t.effectiveDutyRate}% exceeds ${failOver.toString()}%\n`);
      return EXIT.gate;
    }
  }
  return EXIT.ok;
}
