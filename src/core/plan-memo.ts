import { BoundedCache } from './bounded-cache.js';
import { plannedOf } from './line-cents.js';
import { planLine, samePricing, type CentAmounts, type LinePlan, type PlannedLine } from './line-plan.js';
import type { LedgerView, LineResult } from './types.js';

/** kinds of line (code, claims, origin...) remembered at once */
const KIND_LIMIT = 20_000;
/** windows of dates (or dates, for a kind whose texts name the date) remembered at once per kind of line */
const WINDOWS_PER_KIND = 1_000;
/** plans of one kind of line tried on a new date (the ledger changes a few times a year: one plan serves every date between two changes) */
const PLANS_PER_KIND = 8;
/** lines of a kind in a window that may make its plan before its lines all go to the engine */
const TRIES = 3;

/** A line's kind (everything but its amounts decides it: code, claims, origin, rates given...) and window of dates. */
export interface KindOfLine {
  kind: string;
  window: string;
  amounts: CentAmounts;
}

/** What the memo knows of a kind of line: its plans, and per window the plan that serves it, or how many of its lines came without one. */
interface Kind {
  plans: LinePlan[];
  windows: BoundedCache<string, LinePlan | number>;
}

/**
 * The engine's memo of a long bill: lines of one kind in one window of dates are priced alike, so once the engine has
 * priced one, a plan (line-plan.ts) prices the others in whole cents. A plan serves a window only after it gave a line
 * of that window exactly the engine's own result (samePricing: every figure and every word); made on one date, it is
 * tried on the next window of its kind the same way. Memory stays bounded however long the bill.
 */
export class PlanMemo {
  private readonly kinds = new BoundedCache<string, Kind>(KIND_LIMIT);

  constructor(private readonly ledger: LedgerView) {}

  /** The plan that prices lines of this kind in this window, when one is known. */
  plan(q: KindOfLine): LinePlan | undefined {
    const slot = this.kinds.get(q.kind)?.windows.get(q.window);
    return typeof slot === 'object' ? slot : undefined;
  }

  /** A line of this kind that no plan priced, as the engine priced it without --explain (or refused it: undefined), and its figures in cents. */
  learn(q: KindOfLine, r: LineResult | undefined, cents: PlannedLine | undefined = r && plannedOf(r)): void {
    let kind = this.kinds.get(q.kind);
    if (!kind) this.kinds.set(q.kind, (kind = { plans: [], windows: new BoundedCache(WINDOWS_PER_KIND) }));
    const slot = kind.windows.get(q.window);
    if (typeof slot === 'object') return;
    const seen = slot ?? 0;
    if (!r || !cents) {
      kind.windows.set(q.window, seen + 1);
      return;
    }
    const serving = kind.plans.find((plan) => {
      const p = plan.price(q.amounts);
      return p !== undefined && samePricing(plan, p, r, cents);
    });
    if (serving) {
      // the plan that served last is tried first next time (windows near each other usually share one)
      if (kind.plans[0] !== serving) kind.plans = [serving, ...kind.plans.filter((p) => p !== serving)];
      kind.windows.set(q.window, serving);
      return;
    }
    // the first few lines of a kind in a window may make its plan (checked against the engine's result for the line)
    const plan = seen < TRIES ? planLine(r.line, this.ledger, { r, cents }) : undefined;
    if (plan) {
      // a kind whose texts name the date (a claim not applied "on 2025-04-15") has a plan per date: the latest are kept to try
      kind.plans = [plan, ...kind.plans.slice(0, PLANS_PER_KIND - 1)];
      kind.windows.set(q.window, plan);
    } else kind.windows.set(q.window, seen + 1);
  }
}
