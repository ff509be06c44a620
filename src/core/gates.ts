import { Decimal, formatAmount, rateExceeds } from './money.js';
import type { SideTotals } from './totals.js';
import type { Side } from './types.js';

/** A money threshold of --fail-over-amount: on the duty of every side, or only of the side whose currency it names. */
export interface AmountGate {
  amount: Decimal;
  currency?: string;
}

/** The CI gates of a bill: each side's effective duty rate against `percent`, each side's duty against the amounts. */
export function trippedGates(totals: (side: Side) => SideTotals | undefined, percent: Decimal | undefined, amounts: readonly AmountGate[]): string[] {
  const out: string[] = [];
  for (const side of ['US', 'CN'] as const) {
    const t = totals(side);
    if (!t) continue;
    if (percent && rateExceeds(t.duty, t.customsValue, percent)) {
      out.push(`into ${side}: the effective duty rate ${t.effectiveDutyRate}% exceeds ${percent.toString()}%`);
    }
    for (const g of amounts) {
      if (g.currency !== undefined && g.currency !== t.currency) continue;
      if (t.duty.greaterThan(g.amount)) out.push(`into ${side}: the duty ${formatAmount(t.duty)} ${t.currency} exceeds ${formatAmount(g.amount)} ${t.currency}`);
    }
  }
  return out;
}
