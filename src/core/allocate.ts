import { CentWeights } from './allocate-stream.js';
import { Decimal, fromCents, toCents } from './money.js';

/**
 * Split an amount (whole cents) over lines in proportion to their weights so the parts add up exactly:
 * each part is floored to the cent and the leftover cents go to the largest remainders (earlier line on a tie).
 * Worked in integers (the weights scaled to whole numbers), so a tie is a tie: quotients rounded to 40 digits
 * would break it by their last digit.
 */
export function allocateCents(total: Decimal, weights: Decimal[]): Decimal[] {
  if (weights.length === 0) return [];
  const places = Math.max(0, ...weights.map((w) => w.decimalPlaces()));
  const integers = new CentWeights();
  for (const w of weights) integers.push(BigInt(w.times(new Decimal(10).pow(places)).toFixed(0)));
  const split = integers.split(toCents(total));
  return weights.map((_, i) => fromCents(split.share(i)));
}
