import type { LinePlan, PlannedLine } from '../core/line-plan.js';
import { unitFigures } from '../core/margin.js';
import { Decimal, effectiveRateCents, formatAmount, formatCents, fromCents, perUnitCents, toCents } from '../core/money.js';
import type { LineResult, Side } from '../core/types.js';
import { csvCell } from '../output/csv.js';

/**
 * The text of a line of `calc --format csv`, made in two steps: everything but the columns that wait for the entry's
 * fees when the line is priced (pass one), the rest when the fees are known (pass two). In CSV order the line is:
 *   head (input cells ... duty,) | mpf,hmf,fees, | consumption tax,vat,taxes, | landed, | effective rate, | unit columns | ,duties
 * A Chinese line pays no fees, so all but the per-unit columns is known in pass one.
 */

/** What CSV output needs of a priced line, in whole cents. */
export interface PricedCents {
  side: Side;
  /** the hts_code cell, CSV-escaped */
  htsCell: string;
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
  /** the duties cell ("program heading rate amount; ..."), CSV-escaped */
  dutiesCell: string;
  /** quantity and price as plain decimals, for per-unit figures */
  quantity?: string;
  price?: string;
}

/** A line priced by the engine, in cents. */
export function pricedOfResult(r: LineResult): PricedCents {
  const l = r.line;
  const cents = (d: Decimal | undefined) => (d === undefined ? 0n : toCents(d));
  const amounts = r.duties.map((d) => toCents(d.amount));
  return {
    side: l.into, htsCell: csvCell(r.hts), value: cents(l.value), carriage: l.into === 'US' ? cents(l.freight) + cents(l.insurance) : 0n,
    customsValue: toCents(r.customsValue), duty: toCents(r.duty), consumptionTax: toCents(r.consumptionTax), vat: toCents(r.vat),
    beforeTariffsPart: r.cnBeforeTariffs !== undefined ? toCents(r.cnBeforeTariffs) : amounts.filter((_, i) => r.duties[i]!.program !== 'MFN').reduce((s, a) => s + a, 0n),
    programs: r.duties.map((d) => d.program), amounts, dutiesCell: csvCell(r.duties.map((d) => `${d.program} ${d.heading} ${d.rate} ${formatAmount(d.amount)}`).join('; ')),
    ...(l.quantity !== undefined ? { quantity: l.quantity.toString() } : {}), ...(l.price !== undefined ? { price: l.price.toString() } : {}),
  };
}

/** The text of a plan's lines that does not change with their amounts. */
export class PlanText {
  readonly htsCell: string;
  private readonly prefixes: string[];
  /** whether the duties cell must be escaped: only its fixed text can hold a comma, a quote or a formula start */
  private readonly escaped: boolean;

  constructor(readonly plan: LinePlan) {
    this.htsCell = csvCell(plan.hts);
    this.prefixes = plan.duties.map((d, i) => `${i > 0 ? '; ' : ''}${d.program} ${d.heading} ${d.rate} `);
    const sample = this.prefixes.join('0.00');
    this.escaped = csvCell(sample) !== sample;
  }

  dutiesCell(amounts: readonly bigint[]): string {
    let text = '';
    for (let i = 0; i < amounts.length; i++) text += this.prefixes[i]! + formatCents(amounts[i]!);
    return this.escaped ? csvCell(text) : text;
  }

  priced(p: PlannedLine, line: { value: bigint; carriage: bigint; quantity: string | undefined; price: string | undefined }): PricedCents {
    const out: PricedCents = {
      side: this.plan.side, htsCell: this.htsCell, value: line.value, carriage: line.carriage, customsValue: p.customsValue, duty: p.duty,
      consumptionTax: p.consumptionTax, vat: p.vat, beforeTariffsPart: p.beforeTariffsPart, programs: this.plan.programs, amounts: p.amounts,
      dutiesCell: this.dutiesCell(p.amounts),
    };
    if (line.quantity !== undefined) out.quantity = line.quantity;
    if (line.price !== undefined) out.price = line.price;
    return out;
  }
}

/** The landed cost of a line before its fees. */
export function landedBeforeFees(p: PricedCents): bigint {
  const taxes = p.consumptionTax + p.vat;
  return p.side === 'US' ? p.value + p.duty + taxes + p.carriage : p.customsValue + p.duty + taxes;
}

/**
 * What pass one writes of a line: `head`, the text before the fee columns (for China, up to and with the landed
 * cost); `tail`, the text after the per-unit columns (with them and the effective rate when there is no quantity).
 */
export function linePieces(p: PricedCents, cellsText: string): { head: string; rate: string; tail: string } {
  let head = `${cellsText},${p.htsCell},${p.side},${p.side === 'US' ? 'USD' : 'CNY'},${formatCents(p.customsValue)},${formatCents(p.duty)},`;
  if (p.side === 'CN') head += `0.00,0.00,0.00,${formatCents(p.consumptionTax)},${formatCents(p.vat)},${formatCents(p.consumptionTax + p.vat)},${formatCents(landedBeforeFees(p))},`;
  const rate = `${effectiveRateCents(p.duty, p.customsValue)},`;
  return { head, rate, tail: `,${p.dutiesCell}\n` };
}

/** The columns of a US line from mpf to landed cost: "mpf,hmf,fees,0.00,0.00,0.00,landed,". */
export function usFeeColumns(mpf: bigint, hmf: bigint, landed: bigint): string {
  return `${formatCents(mpf)},${formatCents(hmf)},${formatCents(mpf + hmf)},0.00,0.00,0.00,${formatCents(landed)},`;
}

/** a quantity of at most 21 digits, whose per-unit cost in whole cents is the Decimal engine's (money.ts perUnitCents) */
const PLAIN_DECIMAL = /^(\d{1,15})(?:\.(\d{1,6}))?$/;

/** The four per-unit columns (unit landed cost, margins before and after, target price), empty without a quantity. */
export function unitColumns(side: Side, quantity: string | undefined, price: string | undefined, beforeTariffsPart: bigint, landed: bigint, targetMargin?: Decimal): string {
  if (quantity === undefined) return ',,,';
  const before = side === 'US' ? landed - beforeTariffsPart : beforeTariffsPart;
  const plain = PLAIN_DECIMAL.exec(quantity);
  if (plain && price === undefined && targetMargin === undefined) {
    // the unit landed cost alone (the usual case) in whole cents; margins and target prices take the Decimal path
    const q = { num: BigInt(plain[1]! + (plain[2] ?? '')), den: 10n ** BigInt((plain[2] ?? '').length) };
    return q.num === 0n ? ',,,' : `${formatCents(perUnitCents(landed, q))},,,`;
  }
  const u = unitFigures({ quantity: new Decimal(quantity), ...(price !== undefined ? { price: new Decimal(price) } : {}), landedCost: fromCents(landed), beforeTariffs: fromCents(before) }, targetMargin);
  if (!u) return ',,,';
  return `${formatAmount(u.unitLandedCost)},${csvCell(u.marginBefore ?? '')},${csvCell(u.marginAfter ?? '')},${u.targetPrice ? formatAmount(u.targetPrice) : ''}`;
}
