import { Decimal, ZERO, effectiveRate, sum } from './money.js';
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

/** Totals of one side: sums of the rounded line amounts. */
export function sideTotals(lines: LineResult[], side: Side): SideTotals | undefined {
  const mine = lines.filter((l) => l.line.into === side);
  if (mine.length === 0) return undefined;
  const byProgram = new Map<string, Decimal>();
  for (const l of mine) for (const d of l.duties) byProgram.set(d.program, (byProgram.get(d.program) ?? ZERO).plus(d.amount));
  const customsValue = sum(mine.map((l) => l.customsValue));
  const duty = sum(mine.map((l) => l.duty));
  return {
    currency: side === 'US' ? 'USD' : 'CNY',
    customsValue, duty, byProgram,
    mpf: sum(mine.map((l) => l.mpf)),
    hmf: sum(mine.map((l) => l.hmf)),
    fees: sum(mine.map((l) => l.fees)),
    consumptionTax: sum(mine.map((l) => l.consumptionTax)),
    vat: sum(mine.map((l) => l.vat)),
    taxes: sum(mine.map((l) => l.taxes)),
    landedCost: sum(mine.map((l) => l.landedCost)),
    effectiveDutyRate: effectiveRate(duty, customsValue),
  };
}
