// China's side (issue 4): worked examples of ../shared/reference/cn-measures.md §7, corrected by cn-measures-checked.md.
import { describe, expect, it } from 'vitest';
import { priceBill } from '../../src/core/bill.js';
import { computeCnDuties, type CnLine } from '../../src/core/cn-duties.js';
import { Decimal } from '../../src/core/money.js';
import { parseRate } from '../../src/core/rate.js';
import type { BillLine } from '../../src/core/types.js';
import { loadLedger } from '../../src/rates/load.js';
import { line } from './bill-line.js';

const ledger = loadLedger();
const d = (s: string) => new Decimal(s);
function cn(code: string, value: string, date: string, extra: Partial<BillLine> = {}): CnLine {
  const r = computeCnDuties(line(code, value, date, { into: 'CN', origin: 'US', currency: 'CNY', ...extra }), ledger, true);
  if ('message' in r) throw new Error(r.message);
  return r;
}
const rate = (r: CnLine) => r.duty.times(100).dividedBy(r.customsValue).toDecimalPlaces(2).toString();

describe('Ex.1 US soybeans, 2025-09-04 (23%), the source method: CV = CNF x FX', () => {
  it('CV 3,344.47; duty 769.23; VAT 9% 370.23; duty-paid 4,483.93', () => {
    // 467.34 USD x 7.1564 = 3,344.472 -> 3,344.47; 3 + 10 (No. 2) + 10 (No. 4) = 23%, the 301 layers excluded
    const r = cn('12019019', String(d('467.34').times('7.1564')), '2025-09-04', { claims: ['cn-exclusion'] });
    expect([r.customsValue, r.duty, r.vat].map((x) => x.toFixed(2))).toEqual(['3344.47', '769.23', '370.23']);
    expect(r.customsValue.plus(r.duty).plus(r.vat).toFixed(2)).toBe('4483.93');
    expect(r.duties.map((x) => `${x.rate} ${x.amount.toFixed(2)}`)).toEqual(['3% 100.33', '10% 334.45', '10% 334.45']);
  });
  it('the legal customs value adds 3‰ insurance on CFR when insurance is unknown: CV 3,354.50, duty 771.54, VAT 371.34 (cn-measures-checked.md #57)', () => {
    // insurance 3‰ x (3,000.00 + 344.47) = 10.03; CV 3,354.50; duty 23% = 771.535 -> 771.54; VAT 9% x 4,126.04 = 371.34
    const r = cn('12019019', '3000.00', '2025-09-04', { freight: d('344.47'), claims: ['cn-exclusion'] });
    expect([r.customsValue, r.duty, r.vat].map((x) => x.toFixed(2))).toEqual(['3354.50', '771.54', '371.34']);
    expect(r.warnings.join()).toMatch(/3‰/);
  });
  it('without an exclusion the 2018-2019 layers apply: 3 + 25 + 2.5 + 10 + 10 = 50.5%', () => {
    expect(rate(cn('12019019', '1000.00', '2025-09-04'))).toBe('50.5');
  });
  it('Ex.2: after 2025-11-10 13:01, 13%: duty 434.78, VAT 340.13 on CV 3,344.47', () => {
    const r = cn('12019019', '3344.47', '2025-11-10T13:01', { claims: ['cn-exclusion'] });
    expect([r.duty, r.vat].map((x) => x.toFixed(2))).toEqual(['434.78', '340.13']);
  });
});

describe('Ex.3 Brazil soybeans, same date (control)', () => {
  it('485.55 USD x 7.1427 = 3,468.14; 3% duty 104.04; VAT 321.50; 3,893.68', () => {
    const r = cn('12019019', String(d('485.55').times('7.1427')), '2025-09-04', { origin: 'BR' });
    expect([r.customsValue, r.duty, r.vat].map((x) => x.toFixed(2))).toEqual(['3468.14', '104.04', '321.50']);
    expect(r.customsValue.plus(r.duty).plus(r.vat).toFixed(2)).toBe('3893.68');
  });
});

describe('Ex.4 US LNG after +15% (2025-02-10)', () => {
  it('CV 3,835.32; duty 15% 575.30; VAT 9% 396.96; 4,807.58', () => {
    const r = cn('27111100', '3835.32', '2025-02-10', { claims: ['cn-exclusion'] });
    expect([r.duty, r.vat].map((x) => x.toFixed(2))).toEqual(['575.30', '396.96']);
    expect(r.customsValue.plus(r.duty).plus(r.vat).toFixed(2)).toBe('4807.58');
  });
});

describe('Ex.5 US frozen pork, 2025-06-01, with an exclusion', () => {
  it('12 + 25 (2018 list) + 10 (No. 2) + 10 (No. 4) = 57%: duty 5,700.00, VAT 1,413.00', () => {
    const r = cn('02032900', '10000.00', '2025-06-01', { claims: ['cn-exclusion'] });
    expect([r.duty, r.vat].map((x) => x.toFixed(2))).toEqual(['5700.00', '1413.00']);
  });
  it('after 2025-11-10 13:01: 47%', () => {
    expect(rate(cn('02032900', '10000.00', '2025-11-11', { claims: ['cn-exclusion'] }))).toBe('47');
  });
});

describe('Ex.6 consumption tax formula (wine, 14% duty, 10% CT, 17% VAT)', () => {
  it('per 10,000: duty 1,400.00; CT 11,400 / 0.9 x 10% = 1,266.67; VAT 2,153.33; taxes 48.2% of value', () => {
    const r = cn('22042100', '10000.00', '2025-06-01', { origin: 'FR', mfnRate: parseRate('14%')!, ctRate: d('10'), vatRate: d('17') });
    expect([r.duty, r.consumptionTax, r.vat].map((x) => x.toFixed(2))).toEqual(['1400.00', '1266.67', '2153.33']);
    expect(r.duty.plus(r.consumptionTax).plus(r.vat).toFixed(2)).toBe('4820.00');
  });
  it('passenger cars: the consumption tax of an 8703.22 car (1.0-1.5 L) is 3%; an 8703.23 car needs ct_rate', () => {
    // 100,000 CNY, MFN 15%, 2025-01-15 (no 2025 layer yet): duty 15,000; CT (115,000 / 0.97) x 3% = 3,556.70; VAT 13% x 118,556.70 = 15,412.37
    const r = cn('8703221000', '100000.00', '2025-01-15');
    expect([r.duty, r.consumptionTax, r.vat].map((x) => x.toFixed(2))).toEqual(['15000.00', '3556.70', '15412.37']);
    expect(computeCnDuties(line('8703231000', '100000.00', '2025-01-15', { into: 'CN', origin: 'US', currency: 'CNY' }), ledger)).toMatchObject({ column: 'ct_rate' });
  });
});

describe('the across-the-board measure steps at 12:01 and 13:01 Beijing time (soybeans, with an exclusion)', () => {
  it.each([
    ['2025-04-10T12:00', '13'], // 3 + 10 (No. 2)
    ['2025-04-10T12:01', '97'], // + 84 (No. 4 as raised by No. 5 at the same instant: 34% never applied)
    ['2025-04-11T23:59', '97'],
    ['2025-04-12T00:00', '138'], // + 125 (No. 6)
    ['2025-05-14T12:00', '138'],
    ['2025-05-14T12:01', '23'], // + 10 (No. 7)
    ['2025-11-10T12:30', '23'], // the 12:01-13:01 hour: 10% (cn-measures-checked.md #13)
    ['2025-11-10T13:00', '23'],
    ['2025-11-10T13:01', '13'], // No. 2 stopped (No. 9)
  ])('%s: %s%%', (date, expected) => {
    expect(rate(cn('12019019', '1000.00', date, { claims: ['cn-exclusion'] }))).toBe(expected);
  });
  it('a date without a time on a transition day takes the later rate and warns that the time matters', () => {
    const r = cn('12019019', '1000.00', '2025-11-10', { claims: ['cn-exclusion'] });
    expect(rate(r)).toBe('13');
    expect(r.warnings.join()).toMatch(/13:01 on the entry date/);
  });
  it('goods shipped before 2025-04-10 12:01 and declared by 2025-05-13 do not pay the 125%', () => {
    expect(rate(cn('12019019', '1000.00', '2025-04-20', { claims: ['cn-exclusion'], loadedOn: '2025-04-05' }))).toBe('13');
  });
  it('from 2026-11-10 13:01 the 24 suspended points return (34%), with a warning', () => {
    const r = cn('12019019', '1000.00', '2026-11-10T13:01', { claims: ['cn-exclusion'] });
    expect(rate(r)).toBe('37');
    expect(r.warnings.join()).toMatch(/2027-01-10/);
  });
});

describe('claims, warnings and lines the ledger does not know', () => {
  it('the April 2025 waiver is a claim for its goods only, with a warning that no list was published', () => {
    const ic = cn('85423190', '1000.00', '2025-04-20', { claims: ['cn-april-waiver'] });
    expect(rate(ic)).toBe('0');
    expect(ic.warnings.join()).toMatch(/never published/);
    expect(cn('12019019', '1000.00', '2025-04-20', { claims: ['cn-april-waiver'] }).rejectedClaims[0]!.reason).toMatch(/not in the scope/);
  });
  it('a line of an incomplete annex warns, and the unknown 2018-2019 status warns', () => {
    expect(cn('03061700', '1000.00', '2025-06-01', { mfnRate: parseRate('5%')!, vatRate: d('9') }).warnings.join()).toMatch(/annex 2 of 税委会公告2025年第2号/);
    expect(cn('85423190', '1000.00', '2025-06-01').warnings.join()).toMatch(/2018-2019 Section 301 countermeasure lists/);
  });
  it('a line without a base rate asks for mfn_rate', () => {
    expect(computeCnDuties(line('39011000', '1000.00', '2025-06-01', { into: 'CN', origin: 'US', currency: 'CNY' }), ledger)).toMatchObject({ column: 'hts', message: expect.stringMatching(/mfn_rate/) });
  });
  it('a split line names its 10-digit lines', () => {
    expect(ledger.cnLine('10059000')).toEqual({ error: expect.stringMatching(/1005900001 .*1%.*1005900090 .*65%/) });
  });
});

describe('a declaration with little duty (small consignment, Tariff Law Art. 32(1))', () => {
  it('duty of RMB 50 or less is exempt, with a warning that the amount is not established', () => {
    // ICs 85423190, 2025-06-01: 0% + 10% = 10%: 400.00 CNY -> 40.00 duty -> exempt; VAT 13% x 400 = 52.00
    const priced = priceBill([line('85423190', '400.00', '2025-06-01', { into: 'CN', origin: 'US', currency: 'CNY' })], ledger);
    expect([priced.lines[0]!.duty, priced.lines[0]!.vat].map((x) => x.toFixed(2))).toEqual(['0.00', '52.00']);
    expect(priced.warnings.join()).toMatch(/RMB 50/);
  });
  it('above it, the duty is due', () => {
    const priced = priceBill([line('85423190', '600.00', '2025-06-01', { into: 'CN', origin: 'US', currency: 'CNY' })], ledger);
    expect(priced.lines[0]!.duty.toFixed(2)).toBe('60.00');
  });
});
