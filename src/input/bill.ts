import type { Readable } from 'node:stream';
import { today } from '../core/dates.js';
import { Decimal } from '../core/money.js';
import type { BillLine, Mode, RowError, Side } from '../core/types.js';
import { mapHeader, type HeaderMap } from './columns.js';
import { CsvSyntaxError, shown } from './csv-tokenizer.js';
import { DecodeError, readCsv, type CsvRecord } from './read.js';
import { FIRST_DATE, isValidInstant, parseRow, type LineDefaults } from './row.js';

/** A problem with the bill as a whole (not a row): undecodable bytes, broken quoting, a header that cannot be used. */
export class BillError extends Error {}

/** A bill opened for reading: its header read and checked, its rows still to stream. */
export interface BillSource {
  name: string;
  headers: string[];
  header: HeaderMap;
  /** the rows after the header, a batch at a time */
  batches: AsyncGenerator<CsvRecord[]>;
}

/** The longest cell read, in characters (1 MiB: 32 times Excel's limit, so a bill from a spreadsheet never meets it). */
export const MAX_CELL = 1 << 20;
/** The most columns a bill has: Excel's limit. */
export const MAX_COLUMNS = 16_384;

/** File-level problems of a CSV as errors that name the place (decoding, broken quoting). */
async function* translated(batches: AsyncGenerator<CsvRecord[]>, name: string): AsyncGenerator<CsvRecord[]> {
  try {
    yield* batches;
  } catch (e) {
    if (e instanceof DecodeError) throw new BillError(`${name}: ${e.message}: if the file is in another encoding, pass --encoding (e.g. gb18030 for Chinese Windows files, latin1)`);
    if (e instanceof CsvSyntaxError) throw new BillError(`${name}: the CSV cannot be read near line ${e.line}: ${e.message}`);
    throw e;
  }
}

/** Open a CSV bill from a stream of its bytes and read its header; `name` is how messages call it. */
export async function openBillStream(input: Readable, name: string, encoding?: string): Promise<BillSource> {
  const all = translated(readCsv(input, { encoding }), name);
  const first = await all.next();
  if (first.done) throw new BillError(`${name}: empty file: expected a header row with at least the columns hts and value`);
  const [top, ...rest] = first.value;
  const headers = top!.cells;
  if (headers.length > MAX_COLUMNS) throw new BillError(`${name}: row 1 (header) has ${headers.length.toLocaleString('en-US')} columns: a bill has at most ${MAX_COLUMNS.toLocaleString('en-US')}, as in Excel`);
  const long = headers.findIndex((h) => h.length > 1000);
  if (long >= 0) throw new BillError(`${name}: row 1 (header), column ${long + 1} is a header of ${headers[long]!.length.toLocaleString('en-US')} characters (${shown(headers[long]!)}): a column name is at most 1,000`);
  const header = mapHeader(headers);
  if (header.errors.length > 0) throw new BillError(`${name}: row 1 (header): ${header.errors.join('; ')}`);
  async function* batches(): AsyncGenerator<CsvRecord[]> {
    if (rest.length > 0) yield rest;
    yield* all;
  }
  return { name, headers, header, batches: batches() };
}

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

/** One row of a bill read: its line, or every column that is wrong with it. */
export type BillRow = { row: number; line: BillLine } | { row: number; errors: RowError[] };

/** The rows of an opened bill as lines or errors, in order, one at a time. */
export async function* billRows(bill: BillSource, defaults: LineDefaults): AsyncGenerator<BillRow> {
  for await (const batch of bill.batches) for (const record of batch) {
    const ragged = raggedRow(record, bill.headers);
    if (ragged) {
      yield { row: record.row, errors: [ragged] };
      continue;
    }
    const parsed = parseRow(record.row, record.cells, bill.header, defaults);
    yield Array.isArray(parsed) ? { row: record.row, errors: parsed } : { row: record.row, line: parsed };
  }
}

/** How the rows of a bill are read when a column does not say (as tariff calc's options). */
export interface BillOptions {
  /** the importing side (default US) */
  into?: Side;
  /** country of origin, ISO 3166 alpha-2 (default CN into the US) */
  origin?: string;
  /** YYYY-MM-DD or YYYY-MM-DDTHH:MM (default today, local time) */
  date?: string;
  mode?: Mode;
  /** exchange rates, e.g. { 'EUR:USD': '1.0832' } */
  fx?: Record<string, string>;
  /** amounts written 1.234,56 */
  decimalComma?: boolean;
  /** the CSV's character encoding (default utf-8) */
  encoding?: string;
}

/** A bill as CSV bytes (a file's or standard input's stream) or as records keyed by column name (hts, value, ...). */
export type BillInput = Readable | Iterable<Record<string, string | number | undefined>>;

function lineDefaults(o: BillOptions): LineDefaults {
  const date = o.date ?? today();
  if (!isValidInstant(date) || date < FIRST_DATE) throw new BillError(`date "${date}" is not a date from ${FIRST_DATE}: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM`);
  const fx = new Map<string, Decimal>();
  for (const [pair, rate] of Object.entries(o.fx ?? {})) {
    // as --fx takes them: FROM:TO and a positive decimal
    if (!/^[A-Za-z]{3}:[A-Za-z]{3}$/.test(pair) || !/^\d+(\.\d+)?$/.test(rate) || new Decimal(rate).isZero()) {
      throw new BillError(`fx "${pair}": "${rate}" is not an exchange rate: expected e.g. { 'EUR:USD': '1.0832' }`);
    }
    fx.set(pair.toUpperCase(), new Decimal(rate));
  }
  return { into: o.into ?? 'US', ...(o.origin ? { origin: o.origin.toUpperCase() } : {}), date, mode: o.mode ?? 'ocean', fx, decimalComma: Boolean(o.decimalComma) };
}

/** Records as a bill: the columns are the first record's keys, rows numbered from 2 as a spreadsheet's under a header. */
function recordSource(records: Iterable<Record<string, string | number | undefined>>): BillSource {
  const list = [...records];
  const headers = Object.keys(list[0] ?? { hts: '', value: '' });
  const header = mapHeader(headers);
  if (header.errors.length > 0) throw new BillError(`the records' columns: ${header.errors.join('; ')}`);
  async function* batches(): AsyncGenerator<CsvRecord[]> {
    yield list.map((r, i) => ({ row: i + 2, cells: headers.map((h) => (r[h] === undefined ? '' : String(r[h]))), plain: false }));
  }
  return { name: 'records', headers, header, batches: batches() };
}

/** The rows of a bill, one at a time, each a line or what is wrong with it (a bill-level problem throws BillError). */
export async function* streamBill(input: BillInput, options: BillOptions = {}): AsyncGenerator<BillRow> {
  const defaults = lineDefaults(options);
  const bill = Symbol.asyncIterator in input ? await openBillStream(input as Readable, 'bill', options.encoding) : recordSource(input as Iterable<Record<string, string>>);
  yield* billRows(bill, defaults);
}

/** A whole bill read into memory: its lines and its rejected rows. */
export async function readBill(input: BillInput, options: BillOptions = {}): Promise<{ lines: BillLine[]; rejected: RowError[] }> {
  const lines: BillLine[] = [];
  const rejected: RowError[] = [];
  for await (const r of streamBill(input, options)) {
    if ('line' in r) lines.push(r.line);
    else rejected.push(...r.errors);
  }
  return { lines, rejected };
}
