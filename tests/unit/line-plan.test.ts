// The integer-cent path (src/core/line-plan.ts) against the Decimal engine: a plan made from one line prices every
// other line of its kind to the cent as the engine does, or declines it when the line's amounts change a decision.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCnDuties } from '../../src/core/cn-duties.js';
import { centAmounts, planLine, type PlannedLine } from '../../src/core/line-plan.js';
import { Decimal, toCents } from '../../src/core/money.js';
import type { BillLine } from '../../src/core/types.js';
import { computeUsDuties } from '../../src/core/us-duties.js';
import { loadLedger } from '../../src/rates/load.js';
import { line as billLine } from './bill-line.js';

const ledger = loadLedger();
const money = (cents: number) => new Decimal(cents).dividedBy(100);
/** A bill line by its printed code. */
const line = (code: string, value: string, date: string, extra: Partial<BillLine> = {}) => billLine(code.replaceAll('.', ''), value, date, extra);

/** Kinds of line with every kind of base: full value, metal content (one or per metal), remainders, floors, specific rates, claims, China. */
const KINDS: { name: string; make: (value: Decimal, metal: Decimal, quantity: Decimal) => BillLine }[] = [
  { name: 'smartphone at the 145% peak', make: (v) => line('8517.13.00.00', v.toString(), '2025-04-15') },
  { name: 'sweater, 301 list 4A and reciprocal', make: (v) => line('6110.20.20.79', v.toString(), '2025-06-01') },
  { name: 'furniture: steel content, reciprocal on the rest', make: (v, m) => line('9403.10.00.40', v.toString(), '2025-09-04', { metalValue: m }) },
  { name: 'furniture: steel and aluminum content apart', make: (v, m) => line('9403.10.00.40', v.toString(), '2025-09-04', { metalValues: { steel: m.dividedBy(2).toDecimalPlaces(2), aluminum: m.dividedBy(3).toDecimalPlaces(2) } }) },
  { name: 'transformer: 2026 metal tier with a 15% floor', make: (v, m) => line('8504.23.00', v.toString(), '2026-05-01', { metalValue: m }) },
  { name: 'frozen beef: specific MFN per kg', make: (v, _m, q) => line('0201.10.05.90', v.toString(), '2025-09-04', { quantity: q, unit: 'kg' }) },
  { name: 'batteries with a claim, AD/CVD, freight and insurance', make: (v, m) => line('8507.60.00.90', v.toString(), '2025-11-15', { claims: ['9903.94.06'], extraRate: new Decimal('37.5'), freight: m, insurance: new Decimal('12.34') }) },
  { name: 'auto part: metal content', make: (v, m) => line('8708.29.51.60', v.toString(), '2026-03-01', { metalValue: m }) },
  { name: 'China: soybeans, CIF', make: (v, m) => line('1201.90.19', v.toString(), '2025-04-15', { into: 'CN', origin: 'US', currency: 'CNY', freight: m, insurance: new Decimal('12.34') }) },
  { name: 'China: chips, layers split by rate', make: (v) => line('8542.31.90', v.toString(), '2025-11-15', { into: 'CN', origin: 'US', currency: 'CNY' }) },
  // consumption tax = (customs value + duty) / (1 - ct) x ct: 3% on this car (3870.23 on 125,137.50), 10% on wine
  { name: 'China: car, consumption tax 3%', make: (v, m) => line('8703.31.21.10', v.toString(), '2026-03-01', { into: 'CN', origin: 'US', currency: 'CNY', freight: m, insurance: new Decimal('10.00') }) },
  { name: 'China: wine, consumption tax 10%', make: (v) => line('2204.21.00', v.toString(), '2025-04-15', { into: 'CN', origin: 'US', currency: 'CNY' }) },
  { name: 'China: pork with its quantity', make: (v, _m, q) => line('0203.29.00', v.toString(), '2026-03-01', { into: 'CN', origin: 'US', currency: 'CNY', quantity: q }) },
];

/** The engine's figures of a line, as a plan gives them. */
function engine(l: BillLine): (PlannedLine & { valueDependent?: boolean }) | undefined {
  if (l.into === 'CN') {
    const r = computeCnDuties(l, ledger);
    if ('row' in r) return undefined;
    return { value: toCents(l.value), carriage: 0n, customsValue: toCents(r.customsValue), bases: r.duties.map((d) => toCents(d.base)), amounts: r.duties.map((d) => toCents(d.amount)), duty: toCents(r.duty), consumptionTax: toCents(r.consumptionTax),
      vat: toCents(r.vat), beforeTariffsPart: toCents(r.beforeTariffs), ...(r.valueDependent ? { valueDependent: true } : {}) };
  }
  const r = computeUsDuties(l, ledger);
  if ('row' in r) return undefined;
  const cents = (d: Decimal | undefined) => (d === undefined ? 0n : toCents(d));
  return { value: toCents(l.value), carriage: cents(l.freight) + cents(l.insurance), customsValue: toCents(l.value), bases: r.duties.map((d) => toCents(d.base)), amounts: r.duties.map((d) => toCents(d.amount)), duty: toCents(r.duty), consumptionTax: 0n, vat: 0n,
    beforeTariffsPart: r.duties.filter((d) => d.program !== 'MFN').reduce((s, d) => s + toCents(d.amount), 0n), ...(r.valueDependent ? { valueDependent: true } : {}) };
}

describe('a plan prices its kind of line as the engine does', () => {
  for (const kind of KINDS) {
    it(kind.name, () => {
      const plan = planLine(kind.make(new Decimal('10000.00'), new Decimal('2500.00'), new Decimal('40')), ledger);
      expect(plan, 'a plan is made').toBeDefined();
      fc.assert(fc.property(fc.integer({ min: 0, max: 2_000_000_000 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 1_000_000 }), (cents, share, grams) => {
        const value = money(cents);
        const l = kind.make(value, money(Math.floor((cents * share) / 100)), new Decimal(grams).dividedBy(1000));
        const expected = engine(l);
        const got = plan!.price(centAmounts(l));
        if (got === undefined) expect(expected?.valueDependent, 'declined only when the amounts decide').toBe(true);
        else {
          const { valueDependent, ...figures } = expected!;
          expect(valueDependent).toBeUndefined();
          expect(got).toEqual(figures);
        }
      }), { numRuns: 300 });
    });
  }

  it('declines a line whose metal content is its whole value (the engine then leaves the reciprocal duty out)', () => {
    const plan = planLine(line('9403.10.00.40', '10000.00', '2025-09-04', { metalValue: new Decimal('2500.00') }), ledger)!;
    const whole = line('9403.10.00.40', '800.00', '2025-09-04', { metalValue: new Decimal('800.00') });
    expect(engine(whole)?.valueDependent).toBe(true);
    expect(plan.price(centAmounts(whole))).toBeUndefined();
  });

  it('prices a consumption tax by hand: 3% of 125,137.50 / 0.97 = 3870.23 (the car of cn-duties)', () => {
    const car = line('8703.31.21.10', '100000.00', '2026-03-01', { into: 'CN', origin: 'US', currency: 'CNY', freight: new Decimal('100.00'), insurance: new Decimal('10.00') });
    const p = planLine(car, ledger)!.price(centAmounts(car))!;
    // customs value 100,110.00; duty 25% = 25,027.50; VAT 13% of 100,110.00 + 25,027.50 + 3,870.23 = 16,771.00
    expect([p.customsValue, p.duty, p.consumptionTax, p.vat]).toEqual([10_011_000n, 2_502_750n, 387_023n, 1_677_100n]);
  });

  it('leaves to the engine a line whose consumption tax falls on a half cent', () => {
    // wine on 2025-04-15 pays 179% (14 + 15 + 25 + 125); ct_rate 20%: tax = (customs value + duty) / 0.8 x 0.2 = base / 4
    const at = (value: string) => line('2204.21.00', value, '2025-04-15', { into: 'CN', origin: 'US', currency: 'CNY', ctRate: new Decimal('20') });
    const plan = planLine(at('1000.00'), ledger)!;
    // 1000.01 + 1790.02 = 2790.03: 697.5075 -> 697.51; 1000.03 + 1790.05 = 2790.08: 697.52 exactly
    expect(plan.price(centAmounts(at('1000.01')))?.consumptionTax).toBe(69_751n);
    expect(plan.price(centAmounts(at('1000.03')))?.consumptionTax).toBe(69_752n);
    // 1000.02 + 1790.04 = 2790.06: 697.515, on the half cent
    expect(plan.price(centAmounts(at('1000.02')))).toBeUndefined();
  });

  it('makes no plan from a line whose amounts decided something, nor from a US content line', () => {
    expect(planLine(line('9403.10.00.40', '800.00', '2025-09-04', { metalValue: new Decimal('800.00') }), ledger)).toBeUndefined();
    expect(planLine(line('8703.23.01', '30000.00', '2026-03-01', { usContentValue: new Decimal('1000.00') }), ledger)).toBeUndefined();
  });

  it('carries the kind\'s warnings, about the row or not', () => {
    const plan = planLine(line('8507.60.00.90', '1000.00', '2025-01-15', { claims: ['9903.94.06'] }), ledger)!;
    expect(plan.warnings).toContainEqual({ perRow: true, warning: { code: 'claim-not-applied', text: expect.stringMatching(/^claim 9903\.94\.06 not applied/) } });
  });
});
