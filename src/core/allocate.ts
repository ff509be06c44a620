import { Decimal, ZERO } from './money.js';

/**
 * Split an amount (whole cents) over lines in proportion to their weights so the parts add up exactly:
 * each part is floored to the cent and the leftover cents go to the largest remainders (earlier line on a tie).
 */
export function allocateCents(total: Decimal, weights: Decimal[]): Decimal[] {
  if (weights.length === 0) return [];
  const cents = total.times(100);
  const weightSum = weights.reduce((a, w) => a.plus(w), ZERO);
  const shares = weights.map((w) => (weightSum.isZero() ? cents.dividedBy(weights.length) : cents.times(w).dividedBy(weightSum)));
  const floors = shares.map((s) => s.floor());
  let left = cents.minus(floors.reduce((a, f) => a.plus(f), ZERO));
  const order = shares.map((s, i) => ({ i, frac: s.minus(floors[i]!) }))
    .sort((a, b) => b.frac.comparedTo(a.frac) || a.i - b.i);
  for (const { i } of order) {
    if (left.lessThanOrEqualTo(0)) break;
    floors[i] = floors[i]!.plus(1);
    left = left.minus(1);
  }
  return floors.map((f) => f.dividedBy(100));
}
