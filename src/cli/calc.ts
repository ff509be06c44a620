import { priceBill } from '../core/bill.js';
import { Decimal } from '../core/money.js';
import { sideTotals } from '../core/totals.js';
import type { BillLine, RowError, Side } from '../core/types.js';
import { mapHeader } from '../input/columns.js';
import { readCsv } from '../input/read.js';
import { parseRow } from '../input/row.js';
import { csvHeader, csvLine } from '../output/csv.js';
import { lineObject, resultDocument, allTotals } from '../output/document.js';
import { renderTable } from '../output/table.js';
import { render7501 } from '../output/entry7501.js';
import { loadLedger } from '../rates/load.js';
import { EXIT, UserError } from './errors.js';
import { makeChalk, openInput, write } from './io.js';
import { parseDateOption, parseFormat, parseFx, parseMode, parseOrigin, parsePercent, parseSide, type CommonOptions } from './options.js';
import { staleWarnings } from './stale.js';

export interface CalcOptions extends CommonOptions {
  strict?: boolean;
  failOver?: string;
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
  const ledger = loadLedger();
  const input = openInput(file);

  const lines: BillLine[] = [];
  const rejected: RowError[] = [];
  const cellsByRow = new Map<number, string[]>();
  let headers: string[] | undefined;
  let header: ReturnType<typeof mapHeader> | undefined;
  try {
    for await (const record of readCsv(input)) {
      if (!header) {
        headers = record.cells;
        header = mapHeader(headers);
        if (header.errors.length > 0) throw new UserError(`${file ?? 'standard input'}: row 1 (header): ${header.errors.join('; ')}`);
        continue;
      }
      if (record.cells.length > headers!.length) {
        rejected.push({ row: record.row, column: '(row)', message: `has ${record.cells.length} cells but the header has ${headers!.length}: check for an unquoted comma` });
        continue;
      }
      const parsed = parseRow(record.row, record.cells, header, { into, origin, date, mode, fx });
      if (Array.isArray(parsed)) rejected.push(...parsed);
      else {
        lines.push(parsed);
        if (format === 'csv') cellsByRow.set(record.row, record.cells);
      }
    }
  } catch (e) {
    if (e instanceof UserError) throw e;
    const err = e as { code?: string; lines?: number; message: string };
    if (err.code?.startsWith('CSV_')) throw new UserError(`${file ?? 'standard input'}: the CSV cannot be read near line ${err.lines ?? '?'}: ${err.message}`);
    throw e;
  }
  if (!header) throw new UserError(`${file ?? 'standard input'}: empty file: expected a header row with at least the columns hts and value`);

  const priced = priceBill(lines, ledger, { explain: opts.explain });
  const allRejected = [...rejected, ...priced.rejected].sort((a, b) => a.row - b.row);
  const dates = lines.length > 0 ? lines.map((l) => l.date) : [date];
  const warnings = [...staleWarnings(ledger.reviewedThrough, dates, [...new Set<Side>([into, ...lines.map((l) => l.into)])]), ...priced.warnings];
  const query = { date, mode, into, ...(origin ? { origin } : {}) };

  const c = makeChalk(opts.color, process.stdout, process.env);
  if (format === 'json') write(JSON.stringify(resultDocument(query, ledger, priced.lines, allRejected, warnings), null, 2) + '\n');
  else if (format === 'ndjson') {
    for (const r of priced.lines) write(JSON.stringify(lineObject(r)) + '\n');
    write(JSON.stringify({ totals: allTotals(priced.lines), rejected: allRejected, warnings }) + '\n');
  } else if (format === 'csv') {
    write(csvHeader(headers!));
    for (const r of priced.lines) write(csvLine(r, cellsByRow.get(r.line.row) ?? []));
  } else if (format === '7501') write(render7501(priced.lines));
  else write(renderTable(priced.lines, c, Boolean(opts.explain)));

  const e = makeChalk(opts.color, process.stderr, process.env);
  for (const w of warnings) process.stderr.write(`${e.yellow('warning:')} ${w}\n`);
  for (const r of allRejected) process.stderr.write(`${e.red('rejected:')} row ${r.row}, column ${r.column}: ${r.message}\n`);
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
