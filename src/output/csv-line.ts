import { landedBeforeFees, lineCentsOfPlanned, taxesOf, unitTexts, type LineCents } from '../core/line-cents.js';
import type { LineTexts, PlannedLine } from '../core/line-plan.js';
import { shared } from '../core/shared.js';
import { effectiveRateCents, formatCents, type Decimal } from '../core/money.js';
import { csvCell } from './csv.js';

/**
 * The text of a line of `calc --format csv`, made in two steps: everything but the columns that wait for the entry's
 * fees when the line is priced (pass one), the rest when the fees are known (pass two). In CSV order the line is:
 *   head (input cells ... duty,) | mpf,hmf,fees, | consumption tax,vat,taxes, | landed, | effective rate, | unit columns | ,duties
 * A Chinese line pays no fees, so all but the per-unit columns is known in pass one.
 */

/** What CSV output needs of a priced line: its figures in whole cents and its two cells of text. */
export interface PricedCents extends LineCents {
  /** the hts_code cell, CSV-escaped */
  htsCell: string;
  /** the duties cell ("program heading rate amount; ..."), CSV-escaped */
  dutiesCell: string;
}

/** The text of a plan's lines (or one line's, priced by the engine) that does not change with their amounts. */
export class PlanText {
  readonly htsCell: string;
  private readonly prefixes: string[];
  /** whether the duties cell must be escaped: only its fixed text can hold a comma, a quote or a formula start */
  private readonly escaped: boolean;

  constructor(readonly plan: LineTexts) {
    this.htsCell = shared(csvCell(plan.hts));
    this.prefixes = plan.duties.map((d, i) => shared(`${i > 0 ? '; ' : ''}${d.program} ${d.heading} ${d.rate} `));
    const sample = this.prefixes.join('0.00');
    this.escaped = csvCell(sample) !== sample;
  }

  dutiesCell(amounts: readonly bigint[]): string {
    let text = '';
    for (let i = 0; i < amounts.length; i++) text += this.prefixes[i]! + formatCents(amounts[i]!);
    return this.escaped ? csvCell(text) : text;
  }

  priced(p: PlannedLine, line: { quantity?: string | undefined; price?: string | undefined }): PricedCents {
    const c = lineCentsOfPlanned(this.plan, p, line) as PricedCents;
    c.htsCell = this.htsCell;
    c.dutiesCell = this.dutiesCell(p.amounts);
    return c;
  }
}

/**
 * What pass one writes of a line: `head`, the text before the fee columns (for China, up to and with the landed
 * cost); `tail`, the text after the per-unit columns (with them and the effective rate when there is no quantity).
 */
export function linePieces(p: PricedCents, cellsText: string): { head: string; rate: string; tail: string } {
  let head = `${cellsText},${p.htsCell},${p.side},${p.side === 'US' ? 'USD' : 'CNY'},${formatCents(p.customsValue)},${formatCents(p.duty)},`;
  if (p.side === 'CN') head += `0.00,0.00,0.00,${formatCents(p.consumptionTax)},${formatCents(p.vat)},${formatCents(taxesOf(p))},${formatCents(landedBeforeFees(p))},`;
  const rate = `${effectiveRateCents(p.duty, p.customsValue)},`;
  return { head, rate, tail: `,${p.dutiesCell}\n` };
}

/** The columns of a US line from mpf to landed cost: "mpf,hmf,fees,0.00,0.00,0.00,landed,". */
export function usFeeColumns(mpf: bigint, hmf: bigint, withFee: { fees: bigint; landed: bigint }): string {
  return `${formatCents(mpf)},${formatCents(hmf)},${formatCents(withFee.fees)},0.00,0.00,0.00,${formatCents(withFee.landed)},`;
}

/** The four per-unit columns (unit landed cost, margins before and after, target price), empty without a quantity. */
export function unitColumns(c: Pick<LineCents, 'side' | 'quantity' | 'price' | 'beforeTariffsPart'>, landed: bigint, targetMargin?: Decimal): string {
  const u = unitTexts(c, landed, targetMargin);
  if (!u) return ',,,';
  return `${u.unitLandedCost},${csvCell(u.marginBefore ?? '')},${csvCell(u.marginAfter ?? '')},${u.targetPrice ?? ''}`;
}
