import { BoundedCache } from '../core/bounded-cache.js';
import { finishCnLine } from '../core/bill.js';
import { landedBeforeFees, lineCentsOf } from '../core/line-cents.js';
import { planLine, type LinePlan, type PlannedLine } from '../core/line-plan.js';
import { toCents } from '../core/money.js';
import type { CentTotals } from '../core/totals.js';
import type { LineResult } from '../core/types.js';
import { QuickReader, type QuickRow } from '../input/fast-row.js';
import type { CsvRecord } from '../input/read.js';
import { enter, priceAgain, priceRow, rows, type Run } from './run.js';

/** kinds of line (code, date, claims...) remembered at once by the integer-cent path */
const PLAN_LIMIT = 20_000;

/** A kind of line with a plan: the plan, the text of its lines in the output's format, and their date (for their entry's fees). */
export interface Slot<T> {
  plan: LinePlan;
  text: T;
  date: string;
}

/** What pass one does with each line in an output's format (csv-passes.ts, json-passes.ts). */
export interface Keeper<T> {
  /** the text of a plan's lines, from the line the plan is made from; undefined: the kind's lines go to the engine */
  textOf(plan: LinePlan, priced: LineResult): T | undefined;
  /** a line priced by a plan (its entry has its value and duty); `reader` read it */
  planned(record: CsvRecord, entryId: number, slot: Slot<T>, quick: QuickRow, p: PlannedLine, reader: QuickReader): void;
  /** a line priced by the engine */
  priced(record: CsvRecord, entryId: number, r: LineResult): void;
}

/**
 * Pass one of the integer-cent path: rows in the plain form whose kind of line (code, date, claims...) has a plan are
 * priced in whole cents (src/core/line-plan.ts); the engine prices the others, and the first lines of each kind,
 * from which plans are made. Each line's value and duty go to its entry; `keep` writes what pass two needs.
 */
export async function planPassOne<T>(run: Run, keep: Keeper<T>): Promise<void> {
  const reader = new QuickReader(run.bill.header, run.defaults);
  // per kind of line: its plan, or how many of its lines were seen without one
  const plans = new BoundedCache<string, Slot<T> | number>(PLAN_LIMIT);
  for await (const batch of rows(run)) for (const record of batch) {
    const quick = reader.read(record.cells);
    const slot = quick ? plans.get(quick.key) : undefined;
    if (quick && typeof slot === 'object') {
      const p = slot.plan.price(quick.amounts);
      if (p) {
        for (const w of slot.plan.warnings) run.warnings.addAt(w.perRow ? record.row : undefined, w.message);
        // the side and date of a plan's lines were noted with the line it was made from (enter, below)
        const id = run.book.add(quick.into, quick.entry, slot.date, run.defaults.mode, quick.amounts.value, p.duty);
        keep.planned(record, id, slot, quick, p, reader);
        continue;
      }
    }
    const priced = priceRow(run, record);
    if (quick && typeof slot !== 'object') {
      // a kind's first line only counts; the next few may make its plan (a kind seen once costs nothing more)
      const seen = slot ?? 0;
      const plan = priced && seen >= 1 && seen <= 3 ? planLine(priced.line, run.ledger) : undefined;
      const text = plan ? keep.textOf(plan, priced!) : undefined;
      plans.set(quick.key, plan && text !== undefined ? { plan, text, date: priced!.line.date } : seen + 1);
    }
    if (!priced) continue;
    const id = enter(run, priced.line.into, priced.line.entry, priced.line.date, toCents(priced.line.value), toCents(priced.duty));
    keep.priced(record, id, priced);
  }
}

/** A Chinese line of an exempt declaration priced again by the engine, without duty; the totals take the difference. */
export function exemptedLine(run: Run, row: number, cells: string[], exemption: string, totals: CentTotals): LineResult {
  const record = { row, cells };
  const before = lineCentsOf(priceAgain(run, record));
  totals.subtractLine('CN', before);
  // its warnings were said in pass one
  const finished = finishCnLine(priceAgain(run, record), run.ledger, false, exemption);
  const after = lineCentsOf(finished);
  totals.addLine('CN', after, landedBeforeFees(after));
  return finished;
}
