import { Decimal, ZERO, effectiveRate, effectiveRateCents, fromCents } from './money.js';
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

interface CentSide {
  customsValue: bigint;
  duty: bigint;
  /** duty by program: the programs in order of first sight, their sums, and each one's place */
  programs: string[];
  sums: bigint[];
  place: Map<string, number>;
  mpf: bigint;
  hmf: bigint;
  consumptionTax: bigint;
  vat: bigint;
  landedCost: bigint;
}

/** Totals in whole cents, line by line; the same sums as TotalsAccumulator. */
export class CentTotals {
  private readonly sides = new Map<Side, CentSide>();

  private side(side: Side): CentSide {
    let t = this.sides.get(side);
    if (!t) {
      t = { customsValue: 0n, duty: 0n, programs: [], sums: [], place: new Map(), mpf: 0n, hmf: 0n, consumptionTax: 0n, vat: 0n, landedCost: 0n };
      this.sides.set(side, t);
    }
    return t;
  }

  /** A line's figures but its fees (its landed cost before them), or with `sign` -1 takes them away. */
  addLine(side: Side, f: { customsValue: bigint; duty: bigint; consumptionTax: bigint; vat: bigint }, landedBeforeFees: bigint,
    programs: readonly string[], amounts: readonly bigint[], sign = 1n): void {
    const t = this.side(side);
    for (let i = 0; i < programs.length; i++) {
      let at = t.place.get(programs[i]!);
      if (at === undefined) {
        at = t.programs.push(programs[i]!) - 1;
        t.sums.push(0n);
        t.place.set(programs[i]!, at);
      }
      t.sums[at] = t.sums[at]! + (sign === 1n ? amounts[i]! : -amounts[i]!);
    }
    if (sign === 1n) {
      t.customsValue += f.customsValue;
      t.duty += f.duty;
      t.consumptionTax += f.consumptionTax;
      t.vat += f.vat;
      t.landedCost += landedBeforeFees;
    } else {
      t.customsValue -= f.customsValue;
      t.duty -= f.duty;
      t.consumptionTax -= f.consumptionTax;
      t.vat -= f.vat;
      t.landedCost -= landedBeforeFees;
    }
  }

  /** A US entry's fees (part of its landed cost too). */
  addFees(side: Side, mpf: bigint, hmf: bigint): void {
    const t = this.side(side);
    t.mpf += mpf;
    t.hmf += hmf;
    t.landedCost += mpf + hmf;
  }

  get(side: Side): SideTotals | undefined {
    const t = this.sides.get(side);
    if (!t) return undefined;
    const d = fromCents;
    return {
      currency: side === 'US' ? 'USD' : 'CNY', customsValue: d(t.customsValue), duty: d(t.duty),
      byProgram: new Map(t.programs.map((p, i) => [p, d(t.sums[i]!)])), mpf: d(t.mpf), hmf: d(t.hmf), fees: d(t.mpf + t.hmf),
      consumptionTax: d(t.consumptionTax), vat: d(t.vat), taxes: d(t.consumptionTax + t.vat), landedCost: d(t.landedCost),
      effectiveDutyRate: effectiveRateCents(t.duty, t.customsValue),
    };
  }
}
