import { Decimal, ZERO, effectiveRate } from './money.js';
import type { LineResult, Side } from './types.js';

export interface SideTotals {
  currency: string;
  customsValue: Decimal;
  duty: Decimal;
  byProgram: Map<string, Decimal>;
  mpf: Decimal;
  hmf: Decimal;
  fees: Decimal;
  consumptionTax: Decimal;
  vat: Decimal;
  taxes: Decimal;
  landedCost: Decimal;
  effectiveDutyRate: string;
}

/** Totals built line by line (a streamed bill never holds its lines): sums of the rounded line amounts. */
export class TotalsAccumulator {
  private readonly sides = new Map<Side, Omit<SideTotals, 'effectiveDutyRate'>>();

  add(r: LineResult): void {
    const side = r.line.into;
    let t = this.sides.get(side);
    if (!t) {
      t = { currency: side === 'US' ? 'USD' : 'CNY', customsValue: ZERO, duty: ZERO, byProgram: new Map(), mpf: ZERO, hmf: ZERO, fees: ZERO, consumptionTax: ZERO, vat: ZERO, taxes: ZERO, landedCost: ZERO };
      this.sides.set(side, t);
    }
    for (const d of r.duties) t.byProgram.set(d.program, (t.byProgram.get(d.program) ?? ZERO).plus(d.amount));
    t.customsValue = t.customsValue.plus(r.customsValue);
    t.duty = t.duty.plus(r.duty);
    t.mpf = t.mpf.plus(r.mpf);
    t.hmf = t.hmf.plus(r.hmf);
    t.fees = t.fees.plus(r.fees);
    t.consumptionTax = t.consumptionTax.plus(r.consumptionTax);
    t.vat = t.vat.plus(r.vat);
    t.taxes = t.taxes.plus(r.taxes);
    t.landedCost = t.landedCost.plus(r.landedCost);
  }

  get(side: Side): SideTotals | undefined {
    const t = this.sides.get(side);
    return t ? { ...t, effectiveDutyRate: effectiveRate(t.duty, t.customsValue) } : undefined;
  }
}

/** Totals of one side: sums of the rounded line amounts. */
export function sideTotals(lines: LineResult[], side: Side): SideTotals | undefined {
  const acc = new TotalsAccumulator();
  for (const l of lines) if (l.line.into === side) acc.add(l);
  return acc.get(side);
}
