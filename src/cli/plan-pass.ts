import { BoundedCache } from '../core/bounded-cache.js';
import { planLine } from '../core/line-plan.js';
import { toCents } from '../core/money.js';
import type { LineResult } from '../core/types.js';
import { QuickReader } from '../input/fast-row.js';
import { dateWindows } from '../core/windows.js';
import type { CsvRecord } from '../input/read.js';
import type { PlanKeeper, RecordOut, Slot } from '../output/line-encoder.js';
import { enter, priceRow, rows, type Run } from './run.js';

/** kinds of line (code, claims, origin...) remembered at once by the integer-cent path */
const KIND_LIMIT = 20_000;
/** windows of dates (or dates, for a kind whose texts name the date) remembered at once per kind of line */
const WINDOWS_PER_KIND = 1_000;
/** plans of one kind of line tried on a new date (the ledger changes a few times a year: one plan serves every date between two changes) */
const PLANS_PER_KIND = 8;

/**
 * Pass one of the integer-cent path: rows in the plain form whose kind of line (code, claims, origin, rates given...)
 * has a plan for their date are priced in whole cents (src/core/line-plan.ts); the engine prices the others. The
 * engine prices the first line of each kind on each date: a plan of the kind made on another date serves that date
 * too when it gives that line exactly what the engine gave it, otherwise the next few lines may make a plan for it.
 * Each line's value and duty go to its entry; `keep` writes what pass two needs.
 */
export async function planPassOne<T>(run: Run, keep: PlanKeeper<T>, priced: (record: CsvRecord, entryId: number, r: LineResult) => void, records: RecordOut): Promise<void> {
  const reader = new QuickReader(run.bill.header, run.defaults, dateWindows(run.ledger));
  const kinds = new BoundedCache<string, Kind<T>>(KIND_LIMIT);
  for await (const batch of rows(run)) for (const record of batch) {
    const quick = reader.read(record.cells);
    let kind = quick ? kinds.get(quick.kind) : undefined;
    if (quick && !kind) kinds.set(quick.kind, (kind = { plans: [], windows: new BoundedCache(WINDOWS_PER_KIND) }));
    const slot = quick ? kind!.windows.get(quick.window) : undefined;
    if (quick && typeof slot === 'object') {
      const p = slot.plan.price(quick.amounts);
      if (p) {
        for (const w of slot.plan.warnings) run.warnings.addAbout(w.warning, w.perRow ? record.row : undefined);
        // the side and date of the kind's lines on this date were noted with the first of them (enter, below)
        const id = run.book.add(quick.into, quick.entry, quick.date, run.defaults.mode, quick.amounts.value, p.duty);
        keep.planned(record, id, slot, quick, p, reader, records);
        continue;
      }
    }
    const r = priceRow(run, record);
    if (quick && r && typeof slot !== 'object') {
      const { plans, windows } = kind!;
      const serving = plans.find((s) => {
        const p = s.plan.price(quick.amounts);
        return p !== undefined && keep.same(s, record, quick, p, r, reader);
      });
      if (serving) {
        // the plan that served last is tried first next time (windows near each other usually share one)
        if (plans[0] !== serving) kind!.plans = [serving, ...plans.filter((s) => s !== serving)];
        windows.set(quick.window, serving);
      } else {
        // the first few lines of a kind in a window may make its plan (made from the engine's result for the line)
        const seen = slot ?? 0;
        const plan = seen <= 2 ? planLine(r.line, run.ledger) : undefined;
        const text = plan ? keep.textOf(plan, r) : undefined;
        if (plan && text !== undefined) {
          const made = { plan, text };
          // a kind whose texts name the date (a claim not applied "on 2025-04-15") has a plan per date: the latest are kept to try
          kind!.plans = [made, ...plans.slice(0, PLANS_PER_KIND - 1)];
          windows.set(quick.window, made);
        } else windows.set(quick.window, seen + 1);
      }
    } else if (quick && typeof slot !== 'object') kind!.windows.set(quick.window, (slot ?? 0) + 1);
    if (!r) continue;
    priced(record, enter(run, r.line.into, r.line.entry, r.line.date, toCents(r.line.value), toCents(r.duty)), r);
  }
}

/** What pass one knows of a kind of line: its plans, and per window of dates the plan that serves it, or how many of
 * its lines were seen without one. */
interface Kind<T> {
  plans: Slot<T>[];
  windows: BoundedCache<string, Slot<T> | number>;
}
