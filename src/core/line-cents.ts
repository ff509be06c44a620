import { isAdditional, unitFigures, type UnitEconomics } from './margin.js';
import { Decimal, decimalFraction, formatAmount, formatCents, fromCents, perUnitCents, toCents } from './money.js';
import type { LinePlan, PlannedLine } from './line-plan.js';
import type { LineResult, Side } from './types.js';

/**
 * A priced line in whole cents, its fees aside: what the integer-cent path of `calc --format csv` carries (from a plan,
 * src/core/line-plan.ts, or from the engine's LineResult). The landed cost and the per-unit figures are composed here
 * as finishUsLine, finishCnLine and unitEconomics compose them for a LineResult.
 */
export interface LineCents {
  side: Side;
  /** US: the line's value and its freight and insurance (landed cost = value + duty + fees + carriage) */
  value: bigint;
  carriage: bigint;
  customsValue: bigint;
  duty: bigint;
  consumptionTax: bigint;
  vat: bigint;
  /** US: the additional duties (landed cost before tariffs = landed cost less these); China: that figure itself */
  beforeTariffsPart: bigint;
  programs: readonly string[];
  amounts: readonly bigint[];
  /** quantity and price as plain decimals, for per-unit figures */
  quantity?: string;
  price?: string;
}

/** A line the engine priced, in the cents of a planned line. */
export function plannedOf(r: LineResult): PlannedLine {
  const l = r.line;
  const cents = (d: Decimal | undefined) => (d === undefined ? 0n : toCents(d));
  const amounts = r.duties.map((d) => toCents(d.amount));
  return {
    value: toCents(l.value), carriage: l.into === 'US' ? cents(l.freight) + cents(l.insurance) : 0n, customsValue: toCents(r.customsValue),
    bases: r.duties.map((d) => toCents(d.base)), amounts, duty: toCents(r.duty), consumptionTax: toCents(r.consumptionTax), vat: toCents(r.vat),
    beforeTariffsPart: l.into === 'CN' ? cents(r.cnBeforeTariffs) : amounts.filter((_, i) => isAdditional(r.duties[i]!.program)).reduce((a, b) => a + b, 0n),
  };
}

/** The figures of a line the engine priced, in cents. */
export function lineCentsOf(r: LineResult): LineCents {
  const l = r.line;
  return lineCentsOfPlanned({ side: l.into, programs: r.duties.map((d) => d.program) }, plannedOf(r),
    { quantity: l.quantity?.toString(), price: l.price?.toString() });
}

/** The figures of a line a plan priced, in cents; its quantity and price as written. */
export function lineCentsOfPlanned(plan: Pick<LinePlan, 'side' | 'programs'>, p: PlannedLine, line: { quantity?: string | undefined; price?: string | undefined }): LineCents {
  // one object literal and plain assignments, not spreads: a million of these keep one shape and stay fast
  const c: LineCents = {
    side: plan.side, value: p.value, carriage: p.carriage, customsValue: p.customsValue, duty: p.duty, consumptionTax: p.consumptionTax, vat: p.vat,
    beforeTariffsPart: p.beforeTariffsPart, programs: plan.programs, amounts: p.amounts,
  };
  if (line.quantity !== undefined) c.quantity = line.quantity;
  if (line.price !== undefined) c.price = line.price;
  return c;
}

/** Whether two lists hold the same items in the same order. */
export function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Whether two lines have the same figures in cents (and the same duties). */
export function sameCents(a: LineCents, b: LineCents): boolean {
  return a.side === b.side && a.value === b.value && a.carriage === b.carriage && a.customsValue === b.customsValue && a.duty === b.duty
    && a.consumptionTax === b.consumptionTax && a.vat === b.vat && a.beforeTariffsPart === b.beforeTariffsPart
    && sameList(a.programs, b.programs) && sameList(a.amounts, b.amounts);
}

/** A line's taxes: consumption tax and VAT (China's; a US line has none). */
export function taxesOf(c: Pick<LineCents, 'consumptionTax' | 'vat'>): bigint {
  return c.consumptionTax + c.vat;
}

/** The landed cost of a Chinese line: CIF + duty + taxes (it pays no fees). */
export function cnLandedCost(c: Pick<LineCents, 'customsValue' | 'duty' | 'consumptionTax' | 'vat'>): bigint {
  return c.customsValue + c.duty + taxesOf(c);
}

/** The landed cost of a line before its fees: US value + duty + taxes + freight and insurance; China CIF + duty + taxes. */
export function landedBeforeFees(c: LineCents): bigint {
  return c.side === 'US' ? c.value + c.duty + taxesOf(c) + c.carriage : cnLandedCost(c);
}

/** A US line's fees (its MPF and HMF shares) and its landed cost with them. */
export function withFees(landedBeforeFees: bigint, mpf: bigint, hmf: bigint): { fees: bigint; landed: bigint } {
  const fees = mpf + hmf;
  return { fees, landed: landedBeforeFees + fees };
}

/** a quantity of at most 21 digits, whose per-unit cost in whole cents is the Decimal engine's (money.ts perUnitCents) */
const PLAIN_DECIMAL = /^(\d{1,15})(?:\.(\d{1,6}))?$/;

/** Per-unit figures as written: unit landed cost, margins before and after tariffs, target price. */
interface UnitTexts {
  unitLandedCost: string;
  marginBefore?: string;
  marginAfter?: string;
  targetPrice?: string;
}

/** The per-unit figures of a line of `landed` cents, as unitEconomics gives them for a LineResult (undefined without a quantity). */
export function unitEconomicsOf(c: Pick<LineCents, 'side' | 'quantity' | 'price' | 'beforeTariffsPart'>, landed: bigint, targetMargin?: Decimal): UnitEconomics | undefined {
  if (c.quantity === undefined) return undefined;
  const before = c.side === 'US' ? landed - c.beforeTariffsPart : c.beforeTariffsPart;
  return unitFigures({ quantity: new Decimal(c.quantity), ...(c.price !== undefined ? { price: new Decimal(c.price) } : {}), landedCost: fromCents(landed), beforeTariffs: fromCents(before) }, targetMargin);
}

/**
 * The per-unit figures of a line of `landed` cents as CSV writes them (unitEconomics for a LineResult), or undefined without a quantity.
 * The unit landed cost alone, the usual case, is worked in whole cents; margins and target prices in Decimal.
 */
/** The unit landed cost and unit cost before tariffs in whole cents, when the quantity is a plain decimal and there is
 * no price nor target margin (unitFigures' roundings, exactly: perUnitCents); null: take unitEconomicsOf. */
export function unitCents(c: Pick<LineCents, 'side' | 'quantity' | 'price' | 'beforeTariffsPart'>, landed: bigint, targetMargin?: Decimal): { landed: bigint; before: bigint } | undefined | null {
  if (c.quantity === undefined) return undefined;
  const plain = c.price === undefined && targetMargin === undefined ? PLAIN_DECIMAL.exec(c.quantity) : null;
  if (!plain) return null;
  const q = decimalFraction(plain[1]!, plain[2]);
  if (q.num === 0n) return undefined;
  const before = c.side === 'US' ? landed - c.beforeTariffsPart : c.beforeTariffsPart;
  return { landed: perUnitCents(landed, q), before: perUnitCents(before, q) };
}

export function unitTexts(c: Pick<LineCents, 'side' | 'quantity' | 'price' | 'beforeTariffsPart'>, landed: bigint, targetMargin?: Decimal): UnitTexts | undefined {
  const cents = unitCents(c, landed, targetMargin);
  if (cents !== null) return cents && { unitLandedCost: formatCents(cents.landed) };
  const u = unitEconomicsOf(c, landed, targetMargin);
  if (!u) return undefined;
  return {
    unitLandedCost: formatAmount(u.unitLandedCost), ...(u.marginBefore !== undefined ? { marginBefore: u.marginBefore } : {}),
    ...(u.marginAfter !== undefined ? { marginAfter: u.marginAfter } : {}), ...(u.targetPrice ? { targetPrice: formatAmount(u.targetPrice) } : {}),
  };
}
