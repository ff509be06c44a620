import { cnLandedCost, taxesOf, unitCents, unitEconomicsOf, type LineCents } from '../core/line-cents.js';
import type { LineTexts, PlannedLine } from '../core/line-plan.js';
import { Decimal, effectiveRateCents, formatAmount, formatCents } from '../core/money.js';
import { shared } from '../core/shared.js';
import type { Duty, LineResult } from '../core/types.js';
import { unitFields } from './document.js';

/**
 * The text of a line of `calc --format json|ndjson` (output/document.ts lineObject), made in two steps as CSV's is
 * (csv-line.ts): what comes before the fee fields when the line is priced (pass one), the rest when the fees are known
 * (pass two). In lineObject's order the line is:
 *   head ({"row":... ,"duty":"…",) | "mpf":…,"hmf":…,"fees":…,"taxes":"0.00","landedCost":…, | "effectiveDutyRate":… | unit fields | }
 * A Chinese line pays no fees: its head runs to its landed cost.
 */

const str = JSON.stringify;

const PLAIN = /^(\d+)(?:\.(\d+))?$/;

/** A quantity as written, as the line object writes it (Decimal's toString: 010.500 -> 10.5), without a Decimal for
 * the plain form a plan's lines have (up to 15 digits and 6 decimals: never in exponent form, which starts at 1e21
 * and 1e-7). */
export function quantityText(text: string): string {
  const m = PLAIN.exec(text);
  if (!m || m[1]!.length > 15 || (m[2]?.length ?? 0) > 6) return new Decimal(text).toString();
  const whole = m[1]!.replace(/^0+(?=\d)/, '');
  const part = (m[2] ?? '').replace(/0+$/, '');
  return part === '' ? whole : `${whole}.${part}`;
}

/** The fee fields of a US line, from mpf to its landed cost. */
export function usFeeFields(mpf: bigint, hmf: bigint, withFee: { fees: bigint; landed: bigint }): string {
  return `"mpf":"${formatCents(mpf)}","hmf":"${formatCents(hmf)}","fees":"${formatCents(withFee.fees)}","taxes":"0.00","landedCost":"${formatCents(withFee.landed)}",`;
}

/** The effective rate, the per-unit fields and the end of the line object. */
export function lineEnd(c: Pick<LineCents, 'side' | 'quantity' | 'price' | 'beforeTariffsPart' | 'duty' | 'customsValue'>, landed: bigint, targetMargin?: Decimal): string {
  const rate = `"effectiveDutyRate":"${effectiveRateCents(c.duty, c.customsValue)}"`;
  const cents = unitCents(c, landed, targetMargin);
  if (cents === undefined) return `${rate}}`;
  if (cents) return `${rate},"unitLandedCost":"${formatCents(cents.landed)}","unitCostBeforeTariffs":"${formatCents(cents.before)}"}`;
  let units = '';
  for (const [key, value] of Object.entries(unitFields(unitEconomicsOf(c, landed, targetMargin)))) if (value !== undefined) units += `,${str(key)}:${str(value)}`;
  return `${rate}${units}}`;
}

/** What a line object holds that its plan's lines share: encoded once. */
interface FixedFields {
  hts: string;
  into: string;
  origin: string;
  currency: string;
  duties: Pick<Duty, 'program' | 'heading' | 'rate' | 'source' | 'basis' | 'refundable'>[];
  notApplied: LineResult['notApplied'];
  rejectedClaims: LineResult['rejectedClaims'];
}

/** A line's own figures, as text: the amounts as formatCents writes them (digits, a sign, a point: quoted as JSON
 * without escaping). */
export interface LineFigures {
  row: number;
  /** the sku and description as JSON strings ("" when the line has none) */
  skuJson: string;
  descriptionJson: string;
  date: string;
  customsValue: string;
  quantity: string | undefined;
  bases: string[];
  amounts: string[];
  duty: string;
  /** a Chinese line's fields after its duty (it pays no fees): consumption tax, VAT, fees, taxes, landed cost */
  cn?: [string, string, string, string, string];
}

/**
 * The JSON encoder of a line object (lineObject's fields, in its order) up to its fee fields: for a US line up to
 * and with its duty, for a Chinese one up to and with its landed cost. The fields a plan's lines share are encoded
 * once; each line adds its own.
 */
export class LineJson {
  private readonly place: string;
  private readonly currency: string;
  private readonly duties: [string, string, string][];
  private readonly afterDuties: string;

  readonly isChinese: boolean;

  constructor(f: FixedFields) {
    this.isChinese = f.into === 'CN';
    this.place = shared(`,"hts":${str(f.hts)},"into":${str(f.into)},"origin":${str(f.origin)}`);
    this.currency = shared(`,"currency":${str(f.currency)}`);
    this.duties = f.duties.map((d) => [
      shared(`{"program":${str(d.program)},"heading":${str(d.heading)},"rate":${str(d.rate)},"base":`), ',"amount":',
      shared(`,"source":${str(d.source)}${d.basis ? `,"basis":${str(d.basis)}` : ''}${d.refundable ? `,"refundable":${str(d.refundable)}` : ''}}`),
    ]);
    this.afterDuties = shared(`],"notApplied":${str(f.notApplied)}${f.rejectedClaims.length > 0 ? `,"rejectedClaims":${str(f.rejectedClaims)}` : ''},"duty":`);
  }

  head(v: LineFigures): string {
    let text = `{"row":${v.row}`;
    if (v.skuJson !== '') text += `,"sku":${v.skuJson}`;
    if (v.descriptionJson !== '') text += `,"description":${v.descriptionJson}`;
    text += `${this.place},"date":${str(v.date)}${this.currency},"customsValue":"${v.customsValue}"`;
    if (v.quantity !== undefined) text += `,"quantity":${str(v.quantity)}`;
    text += ',"duties":[';
    for (let i = 0; i < this.duties.length; i++) {
      const [before, between, after] = this.duties[i]!;
      text += `${i > 0 ? ',' : ''}${before}"${v.bases[i]}"${between}"${v.amounts[i]}"${after}`;
    }
    text += `${this.afterDuties}"${v.duty}",`;
    if (v.cn) {
      const [consumptionTax, vat, fees, taxes, landedCost] = v.cn;
      text += `"consumptionTax":"${consumptionTax}","vat":"${vat}","fees":"${fees}","taxes":"${taxes}","landedCost":"${landedCost}",`;
    }
    return text;
  }
}

/** The text of a plan's lines (or one line's, priced by the engine) before their fee fields. */
export class PlanJson {
  private readonly json: LineJson;

  constructor(plan: LineTexts) {
    this.json = new LineJson({ hts: plan.hts, into: plan.side, origin: plan.origin, currency: plan.currency, duties: plan.duties, notApplied: plan.notApplied, rejectedClaims: plan.rejectedClaims });
  }

  /** The head of a line of this plan from its own fields (`figures`, or as kept between the two passes). */
  head(v: LineFigures): string {
    return this.json.head(v);
  }

  /** A line's own fields in the head, as text: its row, sku and description, date and quantity as written, figures in cents. */
  figures(line: { row: number; date: string; sku: string | undefined; description: string | undefined; quantity?: string | undefined }, p: PlannedLine): LineFigures {
    return {
      row: line.row, skuJson: line.sku === undefined ? '' : str(line.sku), descriptionJson: line.description === undefined ? '' : str(line.description), date: line.date, customsValue: formatCents(p.customsValue),
      quantity: line.quantity === undefined ? undefined : quantityText(line.quantity), bases: p.bases.map(formatCents), amounts: p.amounts.map(formatCents),
      duty: formatCents(p.duty), ...(this.json.isChinese ? { cn: [formatCents(p.consumptionTax), formatCents(p.vat), '0.00', formatCents(taxesOf(p)), formatCents(cnLandedCost(p))] as [string, string, string, string, string] } : {}),
    };
  }
}
