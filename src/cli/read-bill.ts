import { printable } from '../core/printable.js';
import type { BillLine, RowError } from '../core/types.js';
import { mapHeader, type HeaderMap } from '../input/columns.js';
import { CsvSyntaxError, shown } from '../input/csv-tokenizer.js';
import { DecodeError, readCsv, type CsvRecord } from '../input/read.js';
import { parseRow, type LineDefaults } from '../input/row.js';
import { UserError } from './errors.js';
import { openInput } from './io.js';

/** A bill opened for reading: its header read and checked, its rows still to stream. */
export interface BillSource {
  name: string;
  headers: string[];
  header: HeaderMap;
  /** the rows after the header, a batch at a time */
  batches: AsyncGenerator<CsvRecord[]>;
}

/** File-level problems of a CSV as user errors that name the place (decoding, broken quoting). */
async function* translated(batches: AsyncGenerator<CsvRecord[]>, name: string): AsyncGenerator<CsvRecord[]> {
  try {
    yield* batches;
  } catch (e) {
    if (e instanceof DecodeError) throw new UserError(`${name}: ${e.message}: if the file is in another encoding, pass --encoding (e.g. gb18030 for Chinese Windows files, latin1)`);
    if (e instanceof CsvSyntaxError) throw new UserError(`${name}: the CSV cannot be read near line ${e.line}: ${e.message}`);
    throw e;
  }
}

/** Open a CSV bill (a file, or standard input for - / none) and read its header. */
export async function openBill(file: string | undefined, encoding?: string): Promise<BillSource> {
  const name = file === undefined || file === '-' ? 'standard input' : file;
  const all = translated(readCsv(openInput(file), { encoding }), name);
  const first = await all.next();
  if (first.done) throw new UserError(`${name}: empty file: expected a header row with at least the columns hts and value`);
  const [top, ...rest] = first.value;
  const headers = top!.cells;
  if (headers.length > MAX_COLUMNS) throw new UserError(`${name}: row 1 (header) has ${headers.length.toLocaleString('en-US')} columns: a bill has at most ${MAX_COLUMNS.toLocaleString('en-US')}, as in Excel`);
  const long = headers.findIndex((h) => h.length > 1000);
  if (long >= 0) throw new UserError(`${name}: row 1 (header), column ${long + 1} is a header of ${headers[long]!.length.toLocaleString('en-US')} characters (${shown(headers[long]!)}): a column name is at most 1,000`);
  const header = mapHeader(headers);
  if (header.errors.length > 0) throw new UserError(`${name}: row 1 (header): ${header.errors.join('; ')}`);
  async function* batches(): AsyncGenerator<CsvRecord[]> {
    if (rest.length > 0) yield rest;
    yield* all;
  }
  return { name, headers, header, batches: batches() };
}

/** The longest cell read, in characters (1 MiB: 32 times Excel's limit, so a bill from a spreadsheet never meets it). */
export const MAX_CELL = 1 << 20;
/** The most columns a bill has: Excel's limit. */
export const MAX_COLUMNS = 16_384;

/** A row with more cells than the header (usually an unquoted comma), or a cell longer than MAX_CELL. */
export function raggedRow(record: CsvRecord, headers: string[]): RowError | undefined {
  if (record.cells.length > headers.length) {
    return { row: record.row, column: '(row)', message: `has ${record.cells.length} cells but the header has ${headers.length}: check for an unquoted comma` };
  }
  const long = record.cells.findIndex((c) => c.length > MAX_CELL);
  if (long < 0) return undefined;
  const cell = record.cells[long]!;
  return { row: record.row, column: headers[long] || `column ${long + 1}`, message: `is ${cell.length.toLocaleString('en-US')} characters long (${shown(cell)}): a cell holds at most ${MAX_CELL.toLocaleString('en-US')} characters (1 MiB)` };
}

export interface ReadBill {
  headers: string[];
  lines: BillLine[];
  rejected: RowError[];
}

/** Read a whole bill into memory (compare, refund); file-level problems throw, row problems are collected. */
export async function readBill(file: string | undefined, defaults: LineDefaults, encoding?: string): Promise<ReadBill> {
  const bill = await openBill(file, encoding);
  const lines: BillLine[] = [];
  const rejected: RowError[] = [];
  for await (const batch of bill.batches) for (const record of batch) {
    const ragged = raggedRow(record, bill.headers);
    if (ragged) {
      rejected.push(ragged);
      continue;
    }
    const parsed = parseRow(record.row, record.cells, bill.header, defaults);
    if (Array.isArray(parsed)) rejected.push(...parsed);
    else lines.push(parsed);
  }
  for (const w of bill.header.warnings) process.stderr.write(`warning: row 1 (header): ${printable(w.text)}\n`);
  if (lines.length === 0 && rejected.length === 0) process.stderr.write(`warning: ${printable(bill.name)} has a header and no rows: nothing to price\n`);
  return { headers: bill.headers, lines, rejected };
}
