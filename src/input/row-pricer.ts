import { priceLine } from '../core/bill.js';
import { plannedOf } from '../core/line-cents.js';
import { samePlanned, type LinePlan, type PlannedLine } from '../core/line-plan.js';
import { PlanMemo } from '../core/plan-memo.js';
import { engineLine, plannedLine, type PricedLine } from '../core/priced-line.js';
import type { LedgerView, RowError } from '../core/types.js';
import { codeWindows } from '../core/windows.js';
import type { HeaderMap } from './columns.js';
import { QuickReader, type QuickRow } from './fast-row.js';
import type { CsvRecord } from './read.js';
import { parseRow, type LineDefaults } from './row.js';

/**
 * Prices the rows of a bill, one at a time. A row in the plain form (fast-row.ts) whose kind of line the engine has
 * priced in its window of dates is priced by the engine's memo (src/core/plan-memo.ts), in whole cents; every other
 * row is read in full and priced by the engine. Either way the row comes back as one PricedLine.
 */
export class RowPricer {
  private readonly reader: QuickReader | undefined;
  private readonly memo: PlanMemo;

  /** `plans`: false when every line must come with the engine's every detail (the table, the 7501, --explain) */
  constructor(private readonly header: HeaderMap, private readonly defaults: LineDefaults, private readonly ledger: LedgerView,
    private readonly options: { plans: boolean; explain: boolean }) {
    // a plan's lines are those of the engine without --explain: with it, every line is the engine's
    this.reader = options.plans && !options.explain ? new QuickReader(header, defaults, (side, code, r) => codeWindows(ledger, side, code, r)) : undefined;
    this.memo = new PlanMemo(ledger);
  }

  private planned(plan: LinePlan, p: PlannedLine, record: CsvRecord, quick: QuickRow): PricedLine {
    const { sku, description } = this.reader!.labels(record.cells);
    return plannedLine(plan, p, { row: record.row, entry: quick.entry, date: quick.date, sku, description, quantity: quick.quantity, price: quick.price });
  }

  /** The row priced, or why it is not. */
  price(record: CsvRecord): PricedLine | RowError[] {
    const quick = this.reader?.read(record.cells);
    const plan = quick && this.memo.plan(quick);
    const p = plan && plan.price(quick.amounts);
    if (p) return this.planned(plan, p, record, quick);
    const line = parseRow(record.row, record.cells, this.header, this.defaults);
    const r = Array.isArray(line) ? undefined : priceLine(line, this.ledger, this.options.explain);
    const priced = r && !('row' in r) ? r : undefined;
    const cents = priced && plannedOf(priced);
    if (quick) {
      this.memo.learn(quick, priced, cents);
      // the memo now has a plan for this line only if the plan gives it the engine's result to the cent and to the
      // word (samePricing): it is written as the plan's line, so the encoders make a plan's texts once, not per line
      const learnt = priced && this.memo.plan(quick);
      const p = learnt && learnt.price(quick.amounts);
      if (learnt && p && samePlanned(p, cents!)) return this.planned(learnt, p, record, quick);
    }
    if (priced) return engineLine(priced, cents);
    return Array.isArray(line) ? line : [r as RowError];
  }
}
