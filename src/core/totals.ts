import { effectiveRateCents, fromCents, toCents, type Decimal } from './money.js';
import { landedBeforeFees, lineCentsOf, type LineCents } from './line-cents.js';
import { finishCnLine } from './bill.js';
import type { LedgerView, LineResult, Side } from './types.js';

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
  // one way of summing: the whole-cent totals of the CSV path
  private readonly cents = new CentTotals();

  add(r: LineResult): void {
    this.cents.addLine(r.line.into, lineCentsOf(r), toCents(r.landedCost) - toCents(r.fees));
    this.cents.addFees(r.line.into, toCents(r.mpf), toCents(r.hmf));
  }

  get(side: Side): SideTotals | undefined {
    return this.cents.get(side);
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

  /** A line's figures but its fees (its landed cost before them). */
  addLine(side: Side, c: Pick<LineCents, 'customsValue' | 'duty' | 'consumptionTax' | 'vat' | 'programs' | 'amounts'>, landedBeforeFees: bigint): void {
    const t = this.side(side);
    for (let i = 0; i < c.programs.length; i++) {
      let at = t.place.get(c.programs[i]!);
      if (at === undefined) {
        at = t.programs.push(c.programs[i]!) - 1;
        t.sums.push(0n);
        t.place.set(c.programs[i]!, at);
      }
      t.sums[at] = t.sums[at]! + c.amounts[i]!;
    }
    t.customsValue += c.customsValue;
    t.duty += c.duty;
    t.consumptionTax += c.consumptionTax;
    t.vat += c.vat;
    t.landedCost += landedBeforeFees;
  }

  /** Take a line's figures away again (a line priced anew, e.g. without duty in an exempt declaration). */
  subtractLine(side: Side, c: LineCents): void {
    this.addLine(side, { customsValue: -c.customsValue, duty: -c.duty, consumptionTax: -c.consumptionTax, vat: -c.vat, programs: c.programs,
      amounts: c.amounts.map((a) => -a) }, -landedBeforeFees(c));
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

/** A Chinese line of an exempt declaration (small consignment), priced again without duty (`priced`: the engine's line
 * as pass one priced it; `explain`: as --explain lists its measures); the totals in cents take the difference. */
export function exemptLine(priced: LineResult, ledger: LedgerView, exemption: string, totals: CentTotals, explain = false): LineResult {
  totals.subtractLine('CN', lineCentsOf(priced));
  // its warnings were said in pass one; with an exemption, finishCnLine makes a new line and leaves `priced` as it was
  const finished = finishCnLine(priced, ledger, explain, exemption);
  const after = lineCentsOf(finished);
  totals.addLine('CN', after, landedBeforeFees(after));
  return finished;
}
