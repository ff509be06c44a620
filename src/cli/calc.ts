import { trippedGates } from '../core/gates.js';
import { EntryBook } from '../core/entry-book.js';
import type { BillLine, Side } from '../core/types.js';
import { warning, type Warning } from '../core/warning.js';
import { WarningCollector, summarizeWarnings } from '../core/warning-summary.js';
import { parseRow, type LineDefaults } from '../input/row.js';
import { csvEncoder } from '../output/csv-encoder.js';
import { entry7501Encoder } from '../output/entry7501-encoder.js';
import type { Query } from '../output/document.js';
import { jsonEncoder } from '../output/json-encoder.js';
import { tableEncoder } from '../output/table-encoder.js';
import { loadLedger } from '../rates/load.js';
import { withScenarios } from '../rates/scenario.js';
import { streamCalc } from './calc-stream.js';
import { EXIT, UserError, exitFor } from './errors.js';
import { makeChalk, reportProblems } from './io.js';
import { parseDateOption, parseEncoding, parseFormat, parseFx, parseMode, parseOrigin, parsePercent, parseAmountGates, parseSide, type CommonOptions } from './options.js';
import { Progress } from './progress.js';
import { openBill } from './read-bill.js';
import { priceAgain, type Run } from './run.js';
import { failsOnStale, staleWarnings } from './stale.js';

export interface CalcOptions extends CommonOptions {
  scenario?: string[];
  strict?: boolean;
  failOver?: string;
  failOverAmount?: string[];
  targetMargin?: string;
  failOnStale?: boolean;
  encoding?: string;
  decimalComma?: boolean;
  quiet?: boolean;
  color?: boolean;
}

/**
 * `tariff calc`: the options read, the bill streamed twice by the one driver (calc-stream.ts) into the format's
 * encoder (src/output: csv-encoder.ts, json-encoder.ts for JSON and NDJSON, table-encoder.ts, entry7501-encoder.ts),
 * then the warnings, rejected rows and gates said, and the exit code chosen.
 */
export async function runCalc(file: string | undefined, opts: CalcOptions): Promise<number> {
  const date = parseDateOption(opts.date);
  const into = parseSide(opts.into);
  const origin = parseOrigin(opts.origin);
  const mode = parseMode(opts.mode);
  const format = parseFormat(opts.format, Boolean(process.stdout.isTTY));
  const fx = parseFx(opts.fx);
  const failOver = parsePercent(opts.failOver, '--fail-over');
  const amountGates = parseAmountGates(opts.failOverAmount);
  const targetMargin = parsePercent(opts.targetMargin, '--target-margin');
  if (targetMargin && targetMargin.greaterThanOrEqualTo(100)) throw new UserError('--target-margin must be under 100%', EXIT.usage);
  const encoding = parseEncoding(opts.encoding);
  const ledger = withScenarios(loadLedger(), opts.scenario);
  const defaults: LineDefaults = { into, origin, date, mode, fx, decimalComma: Boolean(opts.decimalComma) };
  const bill = await openBill(file, encoding);
  const run: Run = {
    ledger, defaults, explain: Boolean(opts.explain), progress: new Progress(Boolean(process.stderr.isTTY) && !opts.quiet), bill,
    book: new EntryBook(), warnings: new WarningCollector(), rejected: [], sides: new Set<Side>(), rowsIn: 0,
  };
  for (const w of bill.header.warnings) run.warnings.add({ code: 'header-unknown-column', text: w.text, header: true });
  if (opts.explain && (format === 'csv' || format === '7501')) {
    run.warnings.add(warning('explain-not-shown', `--explain is not shown in the ${format === 'csv' ? 'CSV (its duties column lists the measures applied)' : '7501 view'}: for every measure considered, applied or not, use --explain with --format table, json or ndjson`));
  }
  const query: Query = { date, mode, into, ...(origin ? { origin } : {}) };
  const ctx = {
    ledger, book: run.book, headers: bill.headers, targetMargin, explain: run.explain, warn: (w: Warning) => run.warnings.add(w),
    priceAgain: (row: number, cells: string[]) => priceAgain(run, { row, cells }),
    lineOf: (row: number, cells: string[]) => parseRow(row, cells, bill.header, defaults) as BillLine,
  };
  const encoder = format === 'csv' ? csvEncoder(ctx)
    : format === 'json' || format === 'ndjson' ? jsonEncoder(ctx, format, query)
      : format === '7501' ? entry7501Encoder(ctx) : tableEncoder(ctx, () => makeChalk(opts.color, process.stdout, process.env));
  const totals = await streamCalc(run, encoder);
  run.progress.done();
  // the sides of the lines priced (a Chinese bill is not warned about the US ledger); none priced: the --into side
  const stale = staleWarnings(ledger.reviewedThrough, [run.latest ?? date], run.sides.size > 0 ? [...run.sides] : [into]);
  const allWarnings = [...summarizeWarnings(stale), ...run.warnings.summary()];
  const rejected = run.rejected.sort((a, b) => a.row - b.row);
  await totals.end(rejected, allWarnings);

  reportProblems(opts.color, allWarnings, rejected);
  if (rejected.length > 0) {
    const rejectedRows = new Set(rejected.map((r) => r.row)).size;
    process.stderr.write(`${run.rowsIn} rows read: ${run.rowsIn - rejectedRows} priced, ${rejectedRows} rejected\n`);
  }
  // every condition that holds is said; the exit code is the first by precedence (errors.ts)
  const isStale = failsOnStale(opts.failOnStale, stale);
  const gates = trippedGates((side) => totals.get(side), failOver, amountGates);
  for (const g of gates) process.stderr.write(`fail-over: ${g}\n`);
  return exitFor({ input: rejected.length > 0 && opts.strict, rejected: rejected.length > 0, stale: isStale, gate: gates.length > 0 });
}
