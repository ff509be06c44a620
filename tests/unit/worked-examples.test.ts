// The worked examples of ../shared/reference/us-measures.md §12, each with the parameters it states.
import { describe, expect, it } from 'vitest';
import { priceBill } from '../../src/core/bill.js';
import { Decimal } from '../../src/core/money.js';
import { computeUsDuties } from '../../src/core/us-duties.js';
import { line } from './bill-line.js';
import { fixtureLedger, measure } from './ledger-fixture.js';

function duties(result: ReturnType<typeof computeUsDuties>) {
  if ('message' in result) throw new Error(result.message);
  return result;
}

describe('E1a (JAS article of 2025-04-04; fixture rates, entered 2025-04-05): $100, MFN 2.5%, 301 25%, fentanyl 20%, reciprocal 34%', () => {
  const ledger = fixtureLedger('2.5%', [
    measure('f', 'IEEPA fentanyl', '9903.01.24', '20%'),
    measure('s', 'Section 301', '9903.88.03', '25%'),
    measure('r', 'IEEPA reciprocal', '9903.01.63', '34%'),
  ]);
  it('2.50 + 20.00 + 25.00 + 34.00 = 81.50, each on the same $100 (no duty on duty)', () => {
    const r = duties(computeUsDuties(line('84799400', '100.00', '2025-04-05'), ledger));
    expect(r.duties.map((d) => [d.program, d.amount.toFixed(2), d.base.toFixed(2)])).toEqual([
      ['MFN', '2.50', '100.00'], ['IEEPA fentanyl', '20.00', '100.00'], ['Section 301', '25.00', '100.00'], ['IEEPA reciprocal', '34.00', '100.00'],
    ]);
    expect(r.duty.toFixed(2)).toBe('81.50');
  });
});

describe('E2 (HelpWithTariffs, May 2025): $10,000 apparel, MFN 5%, 301 25%, fentanyl 20%, reciprocal 125%', () => {
  const ledger = fixtureLedger('5%', [
    measure('f', 'IEEPA fentanyl', '9903.01.24', '20%'),
    measure('r', 'IEEPA reciprocal', '9903.01.63', '125%'),
    measure('s', 'Section 301', '9903.88.03', '25%'),
  ]);
  it('2,000 + 12,500 + 500 + 2,500 = 17,500 (175% of value)', () => {
    const r = duties(computeUsDuties(line('61102020', '10000.00', '2025-04-20'), ledger));
    expect(Object.fromEntries(r.duties.map((d) => [d.program, d.amount.toFixed(2)]))).toEqual({
      MFN: '500.00', 'IEEPA fentanyl': '2000.00', 'IEEPA reciprocal': '12500.00', 'Section 301': '2500.00',
    });
    expect(r.duty.toFixed(2)).toBe('17500.00');
  });
});

describe('E5 (DutyWise, FY2026 fees): $10,000, MFN 3%, 301 25%, ocean', () => {
  const ledger = fixtureLedger('3%', [measure('s', 'Section 301', '9903.88.03', '25%')]);
  it('duty 300 + 2,500 = 2,800; MPF 34.64; HMF 12.50; duty and fees 2,847.14', () => {
    const priced = priceBill([line('39269099', '10000.00', '2025-11-01')], ledger);
    const r = priced.lines[0]!;
    expect(r.duty.toFixed(2)).toBe('2800.00');
    expect(r.mpf.toFixed(2)).toBe('34.64');
    expect(r.hmf.toFixed(2)).toBe('12.50');
    expect(r.duty.plus(r.fees).toFixed(2)).toBe('2847.14');
    expect(r.landedCost.toFixed(2)).toBe('12847.14');
  });
});

describe('stacking rules are data', () => {
  it('an exception on a product list exempts the line and reports its heading', () => {
    const ledger = fixtureLedger('Free', [
      measure('r', 'IEEPA reciprocal', '9903.01.63', '125%', { except: [{ heading: '9903.01.32', list: 'annex', reason: 'Annex II' }] }),
    ], { annex: ['851713'] });
    const r = duties(computeUsDuties(line('8517130000', '1000.00', '2025-04-15'), ledger));
    expect(r.duty.toFixed(2)).toBe('0.00');
    expect(r.notApplied).toEqual([{ program: 'IEEPA reciprocal', heading: '9903.01.63', reason: 'Annex II; reported under 9903.01.32', reportedUnder: '9903.01.32' }]);
  });
  it('a claim exempts only when made', () => {
    const ledger = fixtureLedger('Free', [
      measure('f', 'IEEPA fentanyl', '9903.01.24', '20%', { except: [{ heading: '9903.01.21', claim: 'donation', reason: 'donation' }] }),
    ]);
    expect(duties(computeUsDuties(line('62034240', '500.00', '2025-04-15'), ledger)).duty.toFixed(2)).toBe('100.00');
    expect(duties(computeUsDuties(line('62034240', '500.00', '2025-04-15', { claims: ['donation'] }), ledger)).duty.toFixed(2)).toBe('0.00');
  });
  it('a replacing measure displaces the list heading (four-year review over a 9903.88 list)', () => {
    const ledger = fixtureLedger('Free', [
      measure('l', 'Section 301', '9903.88.02', '25%'),
      measure('y', 'Section 301', '9903.91.05', '50%', { replaces: ['9903.88.'] }),
    ]);
    const r = duties(computeUsDuties(line('85411000', '1000.00', '2025-04-15'), ledger));
    expect(r.duties.map((d) => d.heading)).toEqual(['8541.10.00', '9903.91.05']);
    expect(r.duty.toFixed(2)).toBe('500.00');
    expect(r.notApplied[0]!.reason).toMatch(/replaced by 9903.91.05/);
  });
  it('a measure applies from its from-date (inclusive) to its to-date (exclusive)', () => {
    const ledger = fixtureLedger('Free', [measure('r', 'IEEPA reciprocal', '9903.01.63', '125%', { from: '2025-04-10', to: '2025-05-14' })]);
    const on = (date: string) => duties(computeUsDuties(line('94036080', '100.00', date), ledger)).duty.toFixed(2);
    expect([on('2025-04-09'), on('2025-04-10'), on('2025-05-13'), on('2025-05-14')]).toEqual(['0.00', '125.00', '125.00', '0.00']);
  });
  it('origin: a China measure does not reach goods of Vietnam', () => {
    const ledger = fixtureLedger('Free', [measure('r', 'IEEPA reciprocal', '9903.01.63', '125%')]);
    expect(duties(computeUsDuties(line('94036080', '100.00', '2025-04-15', { origin: 'VN' }), ledger)).duty.toFixed(2)).toBe('0.00');
  });
});

describe('specific MFN rates need a quantity in the rate unit', () => {
  const ledger = fixtureLedger('2.4¢/kg + 5%', []);
  it('rejects without quantity, naming the unit', () => {
    const r = computeUsDuties(line('02031000', '1000.00', '2025-04-15'), ledger);
    expect(r).toMatchObject({ column: 'quantity' });
    expect((r as { message: string }).message).toMatch(/kg/);
  });
  it('1,000 kg, $1,000: 24.00 + 50.00 = 74.00', () => {
    const r = duties(computeUsDuties(line('02031000', '1000.00', '2025-04-15', { quantity: new Decimal('1000') }), ledger));
    expect(r.duty.toFixed(2)).toBe('74.00');
  });
});
