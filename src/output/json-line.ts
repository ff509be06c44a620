import { cnLandedCost, taxesOf, unitCents, unitEconomicsOf, type LineCents } from '../core/line-cents.js';
import type { PlannedLine } from '../core/line-plan.js';
import { Decimal, effectiveRateCents, formatCents } from '../core/money.js';
import { shared } from '../core/shared.js';
import type { LineResult } from '../core/types.js';
import { lineObject, unitFields } from './document.js';

/**
 * The text of a line of `calc --format json|ndjson` (output/document.ts lineObject), made in two steps as CSV's is
 * (csv-line.ts): what comes before the fee fields when the line is priced (pass one), the rest when the fees are known
 * (pass two). In lineObject's order the line is:
 *   head ({"row":... ,"duty":"…",) | "mpf":…,"hmf":…,"fees":…,"taxes":"0.00","landedCost":…, | "effectiveDutyRate":… | unit fields | }
 * A Chinese line pays no fees: its head runs to its landed cost.
 */

/** The text of a line the engine priced, before its fee fields (Chinese: before its effective rate). */
export function headOfResult(r: LineResult): string {
  const text = JSON.stringify(lineObject(r));
  // a key: inside a JSON string a quote is escaped, so this text occurs only as the line object's own field
  return text.slice(0, text.lastIndexOf(r.line.into === 'US' ? ',"mpf":"' : ',"effectiveDutyRate":"') + 1);
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
  const units = JSON.stringify(unitFields(unitEconomicsOf(c, landed, targetMargin)));
  return `${rate}${units === '{}' ? '' : `,${units.slice(1, -1)}`}}`;
}

/** Values no real line has, put in a plan's template line where its own figures go (found again in the text). */
const ROW = 987_650_001;
const QUANTITY = new Decimal('987650002.5');
const DATE = '9876-05-04T03:21';
const marks = new Map<number, Decimal>();
const amountMark = (i: number) => marks.get(i) ?? marks.set(i, new Decimal(`987654321${String(i).padStart(4, '0')}.77`)).get(i)!;
const MARK = /987650001|987650002\.5|9876-05-04T03:21|987654321(\d{4})\.77/g;

/** Where a figure of a plan's line goes in its text. */
type Slot = { row: true } | { quantity: true } | { date: true } | { amount: number };

/**
 * The text of a plan's lines before their fee fields: the template line's text (lineObject), cut where a line's own
 * figures go: its row (with its sku and description), date, quantity, customs value, each duty's base and amount, its duty,
 * and for China its taxes and landed cost. Undefined when the template's text does not give each place once.
 */
export class PlanJson {
  private constructor(private readonly pieces: string[], private readonly slots: Slot[]) {}

  static of(template: LineResult): PlanJson | undefined {
    const { sku: _sku, description: _description, ...line } = template.line;
    const duties = template.duties.map((d, i) => ({ ...d, base: amountMark(1 + 2 * i), amount: amountMark(2 + 2 * i) }));
    const marked: LineResult = {
      ...template, duties, customsValue: amountMark(0), duty: amountMark(9000), consumptionTax: amountMark(9001), vat: amountMark(9002),
      taxes: amountMark(9003), landedCost: amountMark(9004), line: { ...line, row: ROW, date: DATE, ...(line.quantity !== undefined ? { quantity: QUANTITY } : {}) },
    };
    const head = headOfResult(marked);
    const pieces: string[] = [];
    const slots: Slot[] = [];
    let from = 0;
    for (const m of head.matchAll(MARK)) {
      pieces.push(shared(head.slice(from, m.index)));
      slots.push(m[0] === String(ROW) ? { row: true } : m[0] === QUANTITY.toString() ? { quantity: true } : m[0] === DATE ? { date: true } : { amount: Number(m[1]) });
      from = m.index! + m[0].length;
    }
    pieces.push(shared(head.slice(from)));
    const expected = 2 + (line.quantity !== undefined ? 1 : 0) + 1 + 2 * duties.length + 1 + (line.into === 'CN' ? 4 : 0);
    const distinct = new Set(slots.map((s) => JSON.stringify(s)));
    return slots.length === expected && distinct.size === expected ? new PlanJson(pieces, slots) : undefined;
  }

  /** The head of a line of this plan: its row, sku and description, date and quantity as written, figures in cents. */
  head(line: { row: number; date: string; sku: string | undefined; description: string | undefined; quantity: string | undefined }, p: PlannedLine): string {
    let text = this.pieces[0]!;
    for (let i = 0; i < this.slots.length; i++) {
      const s = this.slots[i]!;
      if ('row' in s) {
        text += String(line.row);
        if (line.sku !== undefined) text += `,"sku":${JSON.stringify(line.sku)}`;
        if (line.description !== undefined) text += `,"description":${JSON.stringify(line.description)}`;
      } else if ('quantity' in s) text += new Decimal(line.quantity!).toString();
      else if ('date' in s) text += line.date;
      else text += formatCents(figure(s.amount, p));
      text += this.pieces[i + 1]!;
    }
    return text;
  }
}

/** The figure of a place of the template (amountMark's number). */
function figure(i: number, p: PlannedLine): bigint {
  if (i === 0) return p.customsValue;
  if (i === 9000) return p.duty;
  if (i === 9001) return p.consumptionTax;
  if (i === 9002) return p.vat;
  if (i === 9003) return taxesOf(p);
  if (i === 9004) return cnLandedCost(p);
  return i % 2 === 1 ? p.bases[(i - 1) / 2]! : p.amounts[(i - 2) / 2]!;
}
