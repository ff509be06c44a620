import type { EntryBook } from '../core/entry-book.js';
import type { Decimal } from '../core/money.js';
import type { SideTotals } from '../core/totals.js';
import type { LineResult, RowError, Side } from '../core/types.js';
import type { Warning } from '../core/warning.js';
import type { SaidWarning } from '../core/warning-summary.js';
import type { LineTexts } from '../core/line-plan.js';
import type { PricedLine } from '../core/priced-line.js';
import type { CsvRecord } from '../input/read.js';
import type { Ledger } from '../rates/load.js';

/**
 * How `calc` writes its result in one format (csv-encoder.ts, json-encoder.ts, table-encoder.ts,
 * entry7501-encoder.ts): the streaming driver (src/cli/calc-stream.ts) prices each row once, hands the encoder the
 * priced line to keep a record of between the two passes, and in pass two hands each record back with its entry's
 * fee shares (or its declaration's exemption); the encoder writes the line's text. Every format gets the same figures: a plan's lines are the
 * engine's to the cent and to the word (checked for each kind of line in each window before a plan serves it:
 * src/core/plan-memo.ts).
 */

/** Pass one's record of a line (src/cli/record-file.ts): row, entry id, kind (its lowest bit: CN_RECORD), two i64, text. */
export interface RecordOut {
  write(row: number, entryId: number, kind: number, x: bigint, y: bigint, text: string): void;
}

/** A record read back in pass two; its text is bytes[from, to) until the next record. */
export interface RecordIn {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly x: bigint;
  readonly y: bigint;
  readonly bytes: Buffer;
  readonly from: number;
  readonly to: number;
  text(from?: number, to?: number): string;
}

/** The kind bit of a record of a line into China (no fees; an exemption may apply to its declaration). */
export const CN_RECORD = 1;

/** Standard output, buffered. */
export interface Output {
  add(text: string): void;
  addBytes(from: Buffer, start: number, end: number): void;
}

/** What an encoder is given: the run's ledger, entries and bill, and how to price a row again. */
export interface EncodeContext {
  ledger: Ledger;
  book: EntryBook;
  headers: string[];
  targetMargin: Decimal | undefined;
  explain: boolean;
  /** a row priced in pass one, priced again by the engine */
  priceAgain(row: number, cells: string[]): LineResult;
  warn(w: Warning): void;
}

export interface LineEncoder {
  /** whether its lines may be priced by their kind's plan; if not, each comes with the engine's every detail
   * (`result`: the table, the 7501, --explain) */
  plans: boolean;
  /** rows between forced full collections (lines that keep every detail); absent: collected when the heap grew */
  gcEvery?: number;
  /** keep a priced line (its entry has its value and duty) */
  keep(record: CsvRecord, entryId: number, line: PricedLine, records: RecordOut): void;
  /** each US entry's fees once set (the totals in cents take them whole) */
  entryFees?(mpf: bigint, hmf: bigint): void;
  /** the output before the first line (after pass one: the bill's warnings about columns are known) */
  begin(out: Output): void;
  /** a US line with its share of its entry's fees */
  usLine(record: RecordIn, mpf: bigint, hmf: bigint, out: Output): void;
  /** a Chinese line; `exemption`: its declaration pays no duty (small consignment) */
  cnLine(record: RecordIn, exemption: string | undefined, out: Output): void;
  totals(side: Side): SideTotals | undefined;
  /** the output after the last line */
  end(rejected: RowError[], warnings: readonly SaidWarning[], out: Output): void;
}

/** What an encoder makes of a plan's texts (its lines' fixed text), made once per plan (or per engine line). */
export function perTexts<T>(make: (texts: LineTexts) => T): (texts: LineTexts) => T {
  const made = new WeakMap<LineTexts, T>();
  return (texts) => {
    let t = made.get(texts);
    if (t === undefined) made.set(texts, (t = make(texts)));
    return t;
  };
}
