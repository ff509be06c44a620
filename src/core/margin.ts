import { Decimal, ZERO, roundCents, sum } from './money.js';
import type { LineResult } from './types.js';

export interface UnitEconomics {
  /** landed cost per unit of `quantity`, to the cent */
  unitLandedCost: Decimal;
  /** the same without the additional (trade-war) duties: MFN, fees and taxes kept */
  unitCostBeforeTariffs: Decimal;
  price?: Decimal;
  /** (price − unit cost) / price, in percent, two decimals; none at a price of 0 (a margin of nothing is undefined) */
  marginBefore?: string;
  marginAfter?: string;
  /** the lowest price, to the cent, whose margin after tariffs is at least the target */
  targetPrice?: Decimal;
}

const HUNDRED = new Decimal(100);

/** The duties a line would not pay without the trade war: all but MFN (margins before tariffs leave them out). */
export function isAdditional(program: string): boolean {
  return program !== 'MFN';
}

function margin(price: Decimal, cost: Decimal): string {
  return price.minus(cost).times(HUNDRED).dividedBy(price).toFixed(2);
}

/** Per-unit cost, margins and the price for a target margin of a line with a quantity (and a selling price). */
export function unitEconomics(r: LineResult, targetMargin?: Decimal): UnitEconomics | undefined {
  // US: the landed cost less the additional duties (fees do not depend on them); China: the base rate's duty and
  // the taxes on it, computed with the line
  const before = r.cnBeforeTariffs ?? r.landedCost.minus(sum(r.duties.filter((d) => isAdditional(d.program)).map((d) => d.amount)));
  return unitFigures({ quantity: r.line.quantity, price: r.line.price, landedCost: r.landedCost, beforeTariffs: before }, targetMargin);
}

/** What per-unit figures are made of: a line's quantity, selling price, landed cost and landed cost before tariffs. */
export interface UnitInputs {
  quantity?: Decimal;
  price?: Decimal;
  landedCost: Decimal;
  beforeTariffs: Decimal;
}

export function unitFigures(f: UnitInputs, targetMargin?: Decimal): UnitEconomics | undefined {
  const q = f.quantity;
  if (q === undefined || q.isZero()) return undefined;
  const unitLandedCost = roundCents(f.landedCost.dividedBy(q));
  const unitCostBeforeTariffs = roundCents(f.beforeTariffs.dividedBy(q));
  const out: UnitEconomics = { unitLandedCost, unitCostBeforeTariffs };
  const price = f.price;
  if (price !== undefined) out.price = price;
  if (price !== undefined && !price.isZero()) {
    out.marginBefore = margin(price, f.beforeTariffs.dividedBy(q));
    out.marginAfter = margin(price, f.landedCost.dividedBy(q));
  }
  if (targetMargin !== undefined && targetMargin.lessThan(HUNDRED)) {
    // price = cost / (1 − m), rounded up to the cent so the margin is not below the target
    const exact = f.landedCost.dividedBy(q).dividedBy(HUNDRED.minus(targetMargin).dividedBy(HUNDRED));
    out.targetPrice = Decimal.max(ZERO, exact.toDecimalPlaces(2, Decimal.ROUND_UP));
  }
  return out;
}
