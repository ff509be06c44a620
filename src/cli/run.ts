import { priceLine } from '../core/bill.js';
import type { SideTotals } from '../core/totals.js';
import type { BillLine, LineResult, RowError, Side } from '../core/types.js';
import type { CsvRecord } from '../input/read.js';
import { parseRow, type LineDefaults } from '../input/row.js';
import type { Ledger } from '../rates/load.js';
import { collectGarbage, collectIfGrown } from './collect-garbage.js';
import type { EntryBook } from '../core/entry-book.js';
import type { Progress } from './progress.js';
import { raggedRow, type BillSource } from './read-bill.js';
import type { WarningCollector, SaidWarning } from '../core/warning-summary.js';
import { warning } from '../core/warning.js';

/** rows between two looks at the heap of a long run with output from the record file (record-file.ts) */
export const CHECK_HEAP_EVERY = 10_000;

/** What both passes of `calc` share: the bill, the ledger, what is found along the way. */
export interface Run {
  ledger: Ledger;
  defaults: LineDefaults;
  explain: boolean;
  progress: Progress;
  bill: BillSource;
  book: EntryBook;
  warnings: WarningCollector;
  rejected: RowError[];
  sides: Set<Side>;
  latest?: string;
  rowsIn: number;
}

/** What a pass two leaves: the totals, and how to end the output once warnings and rejected rows are known. */
export interface Finished {
  get(side: Side): SideTotals | undefined;
  end(rejected: RowError[], warnings: readonly SaidWarning[]): Promise<void>;
}

/**
 * The rows of the bill that are not ragged, a batch at a time, counted, with progress shown (and with `gcEvery`, a
 * full collection every so many rows). The batch is the reader's own array, filtered in place: the consumer lets
 * each record go once it is done with it (`take`).
 */
export async function* rows(run: Run, gcEvery = 0): AsyncGenerator<CsvRecord[]> {
  for await (const batch of run.bill.batches) {
    let kept = 0;
    for (const record of batch) {
      run.rowsIn++;
      run.progress.tick(run.rowsIn);
      if (gcEvery > 0 && run.rowsIn % gcEvery === 0) collectGarbage();
      else if (gcEvery === 0 && run.rowsIn % CHECK_HEAP_EVERY === 0) collectIfGrown();
      const ragged = raggedRow(record, run.bill.headers);
      if (ragged) run.rejected.push(ragged);
      else batch[kept++] = record;
    }
    batch.length = kept;
    yield batch;
  }
}

/**
 * The record at `i` of a batch, taken out of it. A record still held by its batch outlives the young collections
 * that come while the rest of the batch is priced, and V8 then moves such records (and, learning from it, every later
 * one) to the old generation: measured on the real bill of 1,000,000 lines, letting each go once read took the young
 * collections from about 1 s to 0.1 s (README, Performance).
 */
export function take(batch: CsvRecord[], i: number): CsvRecord {
  const record = batch[i]!;
  (batch as (CsvRecord | undefined)[])[i] = undefined;
  return record;
}

/** A line priced: its side and date are seen, its value and duty go to its entry; returns the entry's id. */
export function enter(run: Run, into: Side, entry: string, date: string, value: bigint, duty: bigint): number {
  run.sides.add(into);
  if (run.latest === undefined || date > run.latest) run.latest = date;
  return run.book.add(into, entry, date, run.defaults.mode, value, duty);
}

/** A row priced in pass one, priced again by the engine (a refusal now is a defect, not a user error). */
export function priceAgain(run: Run, record: Pick<CsvRecord, 'row' | 'cells'>): LineResult {
  const line = parseRow(record.row, record.cells, run.bill.header, run.defaults) as BillLine;
  // with --explain as in pass one: the line keeps every measure considered
  const r = priceLine(line, run.ledger, run.explain);
  if ('row' in r) throw new Error(`row ${record.row} was priced but not again: ${r.message}`);
  return r;
}

/** Once every row is read: each entry's fees and each Chinese declaration's exemption are decided. */
export function afterPassOne(run: Run, feesOf?: (mpf: bigint, hmf: bigint) => void): void {
  if (run.rowsIn === 0) run.warnings.add(warning('no-rows', `${run.bill.name} has a header and no rows: nothing to price`));
  run.book.settle(run.ledger, run.warnings, feesOf);
}
