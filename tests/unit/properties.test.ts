// Property tests (fast-check): invariants on random bills and rates.
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { priceBill } from '../../src/core/bill.js';
import { Decimal } from '../../src/core/money.js';
import { sideTotals } from '../../src/core/totals.js';
import type { BillLine, Measure } from '../../src/core/types.js';
import { computeUsDuties } from '../../src/core/us-duties.js';
import { mapHeader } from '../../src/input/columns.js';
import { parseRow } from '../../src/input/row.js';
import { csvCell } from '../../src/output/csv.js';
import { loadLedger } from '../../src/rates/load.js';
import { fixtureLedger, measure } from './ledger-fixture.js';

const ledger = loadLedger();
const header = mapHeader(['hts', 'value', 'date', 'origin']);
const defaults = { into: 'US' as const, date: '2025-04-15', mode: 'ocean' as const, fx: new Map() };

const codes = fc.constantFrom('8517.13.00.00', '6110.20.20.79', '9503.00.00.90', '8541.10.00', '7326.90.86.88', '9999.99.99', 'abc', '0201.10.05.90', '');
const values = fc.oneof(fc.integer({ min: 0, max: 10_000_000_00 }).map((c) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`), fc.constantFrom('abc', '-5', '1,5', '', '1.234'));
const dates = fc.constantFrom('2025-01-15', '2025-04-15', '2025-06-01', '2026-03-01', '2025-02-30', 'x', '');
const origins = fc.constantFrom('CN', 'HK', 'VN', 'China', '');
const records = fc.array(fc.tuple(codes, values, dates, origins), { minLength: 1, maxLength: 40 });

function price(recs: string[][]) {
  const lines: BillLine[] = [];
  const rejectedRows = new Set<number>();
  recs.forEach((cells, i) => {
    const parsed = parseRow(i + 2, cells, header, defaults);
    if (Array.isArray(parsed)) rejectedRows.add(i + 2);
    else lines.push(parsed);
  });
  const priced = priceBill(lines, ledger);
  for (const r of priced.rejected) rejectedRows.add(r.row);
  return { priced, rejectedRows };
}

describe('properties', () => {
  it('rows in = rows priced + rows rejected, whatever the rows', () => {
    fc.assert(fc.property(records, (recs) => {
      const { priced, rejectedRows } = price(recs.map((r) => [...r]));
      const pricedRows = new Set(priced.lines.map((l) => l.line.row));
      expect([...pricedRows].filter((r) => rejectedRows.has(r))).toEqual([]);
      expect(pricedRows.size + rejectedRows.size).toBe(recs.length);
    }), { numRuns: 150 });
  });

  it('totals are the sums of the rounded lines', () => {
    fc.assert(fc.property(records, (recs) => {
      const { priced } = price(recs.map((r) => [...r]));
      const t = sideTotals(priced.lines, 'US');
      if (!t) return;
      const sum = (f: (l: typeof priced.lines[number]) => Decimal) => priced.lines.reduce((a, l) => a.plus(f(l)), new Decimal(0)).toFixed(2);
      expect(t.duty.toFixed(2)).toBe(sum((l) => l.duty));
      expect(t.fees.toFixed(2)).toBe(sum((l) => l.fees));
      expect(t.landedCost.toFixed(2)).toBe(sum((l) => l.landedCost));
      for (const [program, amount] of t.byProgram) {
        expect(amount.toFixed(2)).toBe(sum((l) => l.duties.filter((d) => d.program === program).reduce((a, d) => a.plus(d.amount), new Decimal(0))));
      }
      // every line's duty is the sum of its duties, each in whole cents
      for (const l of priced.lines) {
        expect(l.duty.toFixed(2)).toBe(l.duties.reduce((a, d) => a.plus(d.amount), new Decimal(0)).toFixed(2));
        for (const d of l.duties) expect(d.amount.decimalPlaces()).toBeLessThanOrEqual(2);
      }
    }), { numRuns: 100 });
  });

  // random ad valorem measures: rates in hundredths of a percent, values in cents
  const rates = fc.array(fc.integer({ min: 0, max: 20000 }), { minLength: 1, maxLength: 6 });
  const pct = (hundredths: number) => `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}%`;
  const ledgerOf = (mfn: number, rs: number[]) => fixtureLedger(pct(mfn), rs.map((r, i): Measure => measure(`m${i}`, `P${i}`, `9903.00.${String(i).padStart(2, '0')}`, pct(r))));
  const lineOf = (cents: bigint) => ({ row: 2, code: '8517130000', into: 'US' as const, origin: 'CN', date: '2025-06-01', mode: 'ocean' as const, currency: 'USD', value: new Decimal(`${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`), entry: '1', claims: [], passthrough: {} });

  it('equals an independent exact computation in integers of cents', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 5000 }), rates, (cents, mfn, rs) => {
      const r = computeUsDuties(lineOf(cents), ledgerOf(mfn, rs));
      if ('message' in r) throw new Error(r.message);
      // amount = cents x hundredths / 10,000, rounded half up to a whole cent
      const exact = (h: number) => (cents * BigInt(h) * 2n + 10000n) / 20000n;
      const expected = [mfn, ...rs].reduce((a, h) => a + exact(h), 0n);
      expect(r.duty.times(100).toFixed(0)).toBe(expected.toString());
    }), { numRuns: 300 });
  });

  it('raising any rate never lowers the duty', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), rates, fc.nat(), fc.integer({ min: 1, max: 5000 }), (cents, rs, pick, raise) => {
      const i = pick % rs.length;
      const higher = rs.map((r, j) => (j === i ? r + raise : r));
      const a = computeUsDuties(lineOf(cents), ledgerOf(0, rs));
      const b = computeUsDuties(lineOf(cents), ledgerOf(0, higher));
      if ('message' in a || 'message' in b) throw new Error('unexpected rejection');
      expect(b.duty.greaterThanOrEqualTo(a.duty)).toBe(true);
    }), { numRuns: 200 });
  });

  it('CSV output parses back to the same values (formula starts neutralised with a quote)', () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 30 }), { minLength: 1, maxLength: 8 }), (cells) => {
      const line = cells.map(csvCell).join(',') + '\n';
      const back = (parse(line, { relax_column_count: true }) as string[][])[0] ?? [''];
      expect(back).toEqual(cells.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c)));
    }), { numRuns: 300 });
  });
});
