import { describe, expect, it } from 'vitest';
import { allocateCents } from '../../src/core/allocate.js';
import fc from 'fast-check';
import { UsFeeCents, usEntryFees } from '../../src/core/fees.js';
import { MODES } from '../../src/core/types.js';
import { Decimal } from '../../src/core/money.js';
import { fixtureLedger } from './ledger-fixture.js';

const ledger = fixtureLedger('Free', []);
const d = (s: string) => new Decimal(s);
const fees = (value: string, date: string, mode: 'ocean' | 'air' = 'ocean') => usEntryFees(d(value), date, mode, ledger);

describe('MPF (19 CFR 24.23): 0.3464% per formal entry, clamped to the fiscal year', () => {
  it.each([
    // value, date, MPF: worked by hand
    ['10000.00', '2025-04-15', '34.64'], // 0.3464% × 10,000 = 34.64, between 32.71 and 634.62 (E5, E6)
    ['10000.00', '2025-10-01', '34.64'], // FY2026, still between 33.58 and 651.50
    ['5000.00', '2025-04-15', '32.71'], // 17.32 < FY2025 minimum
    ['5000.00', '2025-10-01', '33.58'], // 17.32 < FY2026 minimum
    ['9443.00', '2025-04-15', '32.71'], // 32.710552 -> 32.71, the minimum itself
    ['9444.00', '2025-04-15', '32.71'], // 32.714016 -> 32.71
    ['9446.00', '2025-04-15', '32.72'], // 32.720944 -> 32.72, just over the minimum
    ['183204.00', '2025-04-15', '634.62'], // 634.618656 -> 634.62 = maximum
    ['1000000.00', '2025-04-15', '634.62'], // 3,464.00 > FY2025 maximum
    ['1000000.00', '2025-09-30', '634.62'], // last day of FY2025
    ['1000000.00', '2025-10-01', '651.50'], // first day of FY2026
    ['2500.00', '2025-04-15', '32.71'], // $2,500 is a formal entry
    ['2499.99', '2025-04-15', '2.62'], // under $2,500: informal, automated fee FY2025
    ['2499.99', '2025-10-01', '2.69'], // FY2026 informal
  ])('%s on %s -> %s', (value, date, mpf) => {
    expect(fees(value, date).mpf.toFixed(2)).toBe(mpf);
  });

  it('FY2027 (FR Doc 2026-15530) from 2026-10-01: min 34.58, max 670.86, informal 2.77 (measures-2026-checked.md §8)', () => {
    expect(fees('1000000.00', '2026-09-30').mpf.toFixed(2)).toBe('651.50'); // FY2026 maximum, last day
    expect(fees('1000000.00', '2026-10-01').mpf.toFixed(2)).toBe('670.86');
    expect(fees('193700.00', '2026-10-01').mpf.toFixed(2)).toBe('670.86'); // 0.3464% = 670.98, over the maximum
    expect(fees('2500.01', '2026-10-01').mpf.toFixed(2)).toBe('34.58'); // 8.66 raised to the minimum
    expect(fees('2500.01', '2026-09-30').mpf.toFixed(2)).toBe('33.58');
    expect(fees('10000.00', '2026-10-01').mpf.toFixed(2)).toBe('34.64'); // 34.64 is over the minimum
    expect(fees('1000.00', '2026-10-01').mpf.toFixed(2)).toBe('2.77');
    expect(fees('1000.00', '2026-10-01').warnings).toEqual([]);
  });
});

describe('HMF (19 CFR 24.24): 0.125% of ocean cargo', () => {
  it('ocean pays, air does not', () => {
    expect(fees('10000.00', '2025-04-15').hmf.toFixed(2)).toBe('12.50');
    expect(fees('10000.00', '2025-04-15', 'air').hmf.toFixed(2)).toBe('0.00');
    expect(fees('1234.00', '2025-04-15').hmf.toFixed(2)).toBe('1.54'); // 1.5425
    expect(fees('1236.00', '2025-04-15').hmf.toFixed(2)).toBe('1.55'); // 1.545 half up
  });
});

describe('the fees of many entries in whole cents (a streamed bill) = usEntryFees', () => {
  const dates = ['2024-12-31', '2025-01-01', '2025-04-15', '2025-09-30', '2025-10-01', '2026-09-30', '2026-10-01', '2027-03-01'];
  // the informal ceiling and the values where MPF reaches FY2025's minimum and maximum, either side
  const edges = [0n, 1n, 249999n, 250000n, 944300n, 944400n, 944600n, 18320400n, 18320500n, 10n ** 17n];
  it('gives each value, date and mode the MPF, HMF and warnings of the Decimal computation', () => {
    fc.assert(fc.property(fc.constantFrom(...dates), fc.constantFrom(...MODES), fc.oneof(fc.constantFrom(...edges), fc.bigInt({ min: 0n, max: 10n ** 12n })), (date, mode, value) => {
      const rule = new UsFeeCents(date, mode, ledger);
      const expected = usEntryFees(new Decimal(value.toString()).dividedBy(100), date, mode, ledger);
      const got = rule.fees(value);
      expect([got.mpf, got.hmf]).toEqual([BigInt(expected.mpf.times(100).toFixed(0)), BigInt(expected.hmf.times(100).toFixed(0))]);
      expect(rule.warnings).toEqual(expected.warnings);
    }), { numRuns: 2000 });
  });
  it('gives the fees of the Decimal computation to values past its 40 exact digits too', () => {
    fc.assert(fc.property(fc.constantFrom(...dates), fc.bigInt({ min: 10n ** 36n, max: 10n ** 45n }), (date, value) => {
      const expected = usEntryFees(new Decimal(value.toString()).dividedBy(100), date, 'ocean', ledger);
      expect(new UsFeeCents(date, 'ocean', ledger).fees(value).hmf).toBe(BigInt(expected.hmf.times(100).toFixed(0)));
    }), { numRuns: 300 });
  });
  it('10,000.00 by vessel on 2025-04-15: MPF 34.64, HMF 12.50; 2,499.99: the informal 2.62', () => {
    const rule = new UsFeeCents('2025-04-15', 'ocean', ledger);
    expect(rule.fees(1_000_000n)).toEqual({ mpf: 3464n, hmf: 1250n });
    expect(rule.fees(249_999n).mpf).toBe(262n);
  });
});

describe('allocateCents: pro rata, cents add up exactly', () => {
  it.each([
    ['51.96', ['10000', '5000'], ['34.64', '17.32']],
    ['0.10', ['1', '1', '1'], ['0.04', '0.03', '0.03']],
    ['32.71', ['1', '1'], ['16.36', '16.35']],
    ['0.01', ['3', '1'], ['0.01', '0.00']],
    ['1.00', ['0', '0'], ['0.50', '0.50']], // no value at all: split evenly
    // 86.25 x w / 24,900 = 34.6385, 16.6265, 8.6596, 22.1687, 4.1566; floors sum to 86.21, the 4 cents left go to
    // the remainders .96, .87, .85, .66 (rounding each share instead would give 86.26)
    ['86.25', ['10000', '4800', '2500', '6400', '1200'], ['34.64', '16.62', '8.66', '22.17', '4.16']],
  ])('%s over %j', (total, weights, parts) => {
    const out = allocateCents(d(total), weights.map(d));
    expect(out.map((x) => x.toFixed(2))).toEqual(parts);
    expect(out.reduce((a, b) => a.plus(b), d('0')).toFixed(2)).toBe(total);
  });
});
