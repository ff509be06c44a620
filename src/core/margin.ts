import { Decimal, ZERO, roundCents, sum } from './money.js';
import type { LineResult } from './types.js';

export interface UnitEconomics {
  /** landed cost per unit of `quantity`, to the cent */
  unitLandedCost: Decimal;
  /** the same without the additional (trade-war) duties: MFN, fees and taxes kept */
  unitCostBeforeTariffs: Decimal;
  price?: Decimal;
  /** (price − unit cost) / price, in percent, two decimals */
  marginBefore?: string;
  marginAfter?: string;
  /** the lowest price, to the cent, whose margin after tariffs is at least the target */
  targetPrice?: Decimal;
}

const HUNDRED = new Decimal(100);

function margin(price: Decimal, cost: Decimal): string {
  return price.isZero() ? '0.00' : price.minus(cost).times(HUNDRED).dividedBy(price).toFixed(2);
}

/** Per-unit cost, margins and the price for a target margin of a line with a quantity (and a selling price). */
export function unitEconomics(r: LineResult, targetMargin?: Decimal): UnitEconomics | undefined {
  const q = r.line.quantity;
  if (q === undefined || q.isZero()) return undefined;
  // US: the landed cost less the additional duties (fees do not depend on them); China: the base rate's duty and
  // the taxes on it, computed with the line
  const before = r.cnBeforeTariffs ?? r.landedCost.minus(sum(r.duties.filter((d) => d.program !== 'MFN').map((d) => d.amount)));
  const unitLandedCost = roundCents(r.landedCost.dividedBy(q));
  const unitCostBeforeTariffs = roundCents(before.dividedBy(q));
  const out: UnitEconomics = { unitLandedCost, unitCostBeforeTariffs };
  const price = r.line.price;
  if (price !== undefined) {
    out.price = price;
    out.marginBefore = margin(price, before.dividedBy(q));
    out.marginAfter = margin(price, r.landedCost.dividedBy(q));
  }
  if (targetMargin !== undefined && targetMargin.lessThan(HUNDRED)) {
    // price = cost / (1 − m), rounded up to the cent so the margin is not below the target
    const exact = r.landedCost.dividedBy(q).dividedBy(HUNDRED.minus(targetMargin).dividedBy(HUNDRED));
    out.targetPrice = Decimal.max(ZERO, exact.toDecimalPlaces(2, Decimal.ROUND_UP));
  }
  return out;
}
