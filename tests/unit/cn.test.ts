// China's side (issue 4): worked examples of ../shared/reference/cn-measures.md §7, corrected by cn-measures-checked.md.
import { describe, expect, it } from 'vitest';
import { warningText } from '../../src/core/warning.js';
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
    expect(r.warnings.map(warningText).join()).toMatch(/3‰/);
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
    expect(r.warnings.map(warningText).join()).toMatch(/13:01 on the entry date/);
  });
  it('goods shipped before 2025-04-10 12:01 and declared by 2025-05-13 do not pay the 125%', () => {
    expect(rate(cn('12019019', '1000.00', '2025-04-20', { claims: ['cn-exclusion'], loadedOn: '2025-04-05' }))).toBe('13');
  });
  it('from 2026-11-10 13:01 the 24 suspended points return (34%), with a warning', () => {
    const r = cn('12019019', '1000.00', '2026-11-10T13:01', { claims: ['cn-exclusion'] });
    expect(rate(r)).toBe('37');
    expect(r.warnings.map(warningText).join()).toMatch(/2027-01-10/);
  });
});

describe('claims, warnings and lines the ledger does not know', () => {
  it('the April 2025 waiver is a claim for its goods only, with a warning that no list was published', () => {
    const ic = cn('85423190', '1000.00', '2025-04-20', { claims: ['cn-april-waiver'] });
    expect(rate(ic)).toBe('0');
    expect(ic.warnings.map(warningText).join()).toMatch(/never published/);
    expect(cn('12019019', '1000.00', '2025-04-20', { claims: ['cn-april-waiver'] }).rejectedClaims[0]!.reason).toMatch(/not in the scope/);
  });
  it('a line of an incomplete annex warns, and the unknown 2018-2019 status warns', () => {
    expect(cn('03061700', '1000.00', '2025-06-01', { mfnRate: parseRate('5%')!, vatRate: d('9') }).warnings.map(warningText).join()).toMatch(/annex 2 of 税委会公告2025年第2号/);
    expect(cn('85423190', '1000.00', '2025-06-01').warnings.map(warningText).join()).toMatch(/2018-2019 Section 301 countermeasure lists/);
  });
  it('a line without a base rate asks for mfn_rate', () => {
    expect(computeCnDuties(line('39011000', '1000.00', '2025-06-01', { into: 'CN', origin: 'US', currency: 'CNY' }), ledger)).toMatchObject({ column: 'hts', message: expect.stringMatching(/mfn_rate/) });
  });
  it('a split line names its 10-digit lines', () => {
    expect(ledger.cnLine('10059000')).toEqual({ error: expect.stringMatching(/1005900001 .*1%.*1005900090 .*65%/) });
  });
});

describe('a declaration with little duty (small consignment, Tariff Law Art. 32(1))', () => {
  it('the ordinary duty and the taxes are waived, the 2025 additional duty is not (第4号 二: 此次加征的关税不予减免)', () => {
    // ICs 85423190, 2025-06-01: 0% + 10% (第4号) = 10% of 400.00 = 40.00, at most RMB 50: a small consignment.
    // The MFN part (0.00) and VAT are waived; the 10% is "不予减免": 40.00 stays due; VAT 0.00
    const priced = priceBill([line('85423190', '400.00', '2025-06-01', { into: 'CN', origin: 'US', currency: 'CNY' })], ledger);
    expect([priced.lines[0]!.duty, priced.lines[0]!.vat].map((x) => x.toFixed(2))).toEqual(['40.00', '0.00']);
    expect(priced.warnings.map(warningText).join()).toMatch(/RMB 50/);
  });
  it('a US parcel worth 10 USD still pays the additional duty', () => {
    // 10 USD x 7.1564 = 71.564 -> CV 71.56 CNY; stethoscopes 9018901000, MFN 4%, 2026-06-01:
    // 4% + 10% = 14% x 71.56 = 10.0184 -> 10.02 <= 50: small consignment. MFN 4% (2.86) waived, VAT 13% waived;
    // 第4号's 10% is not reduced: 71.56 x 10% = 7.156 -> 7.16 due; landed cost 71.56 + 7.16 = 78.72
    const priced = priceBill([line('9018901000', '71.56', '2026-06-01', { into: 'CN', origin: 'US', currency: 'CNY' })], ledger);
    const l = priced.lines[0]!;
    expect([l.duty, l.consumptionTax, l.vat, l.landedCost].map((x) => x.toFixed(2))).toEqual(['7.16', '0.00', '0.00', '78.72']);
    expect(l.duties.map((x) => `${x.program} ${x.amount.toFixed(2)}`)).toEqual(['MFN 0.00', 'CN 2025 第4号 (all goods) 7.16']);
    expect(l.duties[1]!.basis).toMatch(/due in a small consignment: 税委会公告2025年第4号 二/);
    expect(priced.warnings.map(warningText).join()).toMatch(/2025 additional duties stay due: 此次加征的关税不予减免/);
  });
  it('the same parcel after 2026-11-10 13:01 pays 34% (the default reading)', () => {
    // 4% + 34% = 38% x 71.56 = 27.1928 -> 27.19 <= 50: exempt; 34% x 71.56 = 24.3304 -> 24.33 due
    const priced = priceBill([line('9018901000', '71.56', '2026-12-01', { into: 'CN', origin: 'US', currency: 'CNY' })], ledger);
    expect(priced.lines[0]!.duty.toFixed(2)).toBe('24.33');
  });
  it('a small consignment of non-US goods pays nothing', () => {
    // Brazilian soybeans 1,000.00 CNY: 3% = 30.00 <= 50, no additional layer: duty 0.00, VAT 0.00
    const priced = priceBill([line('12019019', '1000.00', '2026-06-01', { into: 'CN', origin: 'BR', currency: 'CNY' })], ledger);
    expect([priced.lines[0]!.duty, priced.lines[0]!.vat].map((x) => x.toFixed(2))).toEqual(['0.00', '0.00']);
  });
  it('above it, the duty is due', () => {
    const priced = priceBill([line('85423190', '600.00', '2025-06-01', { into: 'CN', origin: 'US', currency: 'CNY' })], ledger);
    expect(priced.lines[0]!.duty.toFixed(2)).toBe('60.00');
    expect(priced.lines[0]!.vat.toFixed(2)).toBe('85.80');
  });
});

describe('consumption tax only on the lines its schedule names (issue 15)', () => {
  it('grape must 2204.30 is not wine: no consumption tax', () => {
    // 22043000, US, 2026-06-01, mfn_rate 20% given: 20 + 15 (2018 list: 22043000 is line 83 of the 128) + 25 (list 3, 2204)
    // + 10 (第4号) = 70%: duty 7,000.00; CT 0; VAT 13% x 17,000.00 = 2,210.00
    const r = cn('22043000', '10000.00', '2026-06-01', { mfnRate: parseRate('20%')!, vatRate: d('13') });
    expect([r.duty, r.consumptionTax, r.vat].map((x) => x.toFixed(2))).toEqual(['7000.00', '0.00', '2210.00']);
  });
  it('bottled US wine 22042100, 2026-06-01: 14 + 15 (2018 list) + 25 (list 3 from 2019-06-01) + 10 = 64%, CT 10%, VAT 13%', () => {
    // duty 64% x 10,000 = 6,400.00; CT (10,000 + 6,400) / 0.9 x 10% = 1,822.222 -> 1,822.22;
    // VAT 13% x (10,000 + 6,400 + 1,822.22) = 2,368.8886 -> 2,368.89; landed 20,591.11
    const r = cn('22042100', '10000.00', '2026-06-01');
    expect([r.duty, r.consumptionTax, r.vat].map((x) => x.toFixed(2))).toEqual(['6400.00', '1822.22', '2368.89']);
    expect(r.customsValue.plus(r.duty).plus(r.consumptionTax).plus(r.vat).toFixed(2)).toBe('20591.11');
    expect(r.warnings.map(warningText).join()).not.toMatch(/MFN|not re-checked/);
  });
  it('the same wine with a Section 301 exclusion: 14 + 15 + 10 = 39% (the 2018 list is not excludable)', () => {
    // duty 3,900.00; CT 13,900 / 0.9 x 10% = 1,544.444 -> 1,544.44; VAT 13% x 15,444.44 = 2,007.7772 -> 2,007.78
    const r = cn('22042100', '10000.00', '2026-06-01', { claims: ['cn-exclusion'] });
    expect([r.duty, r.consumptionTax, r.vat].map((x) => x.toFixed(2))).toEqual(['3900.00', '1544.44', '2007.78']);
  });
  it('wine before 2019-06-01 paid list 3 at 10% (from 2018-09-24 12:01), and nothing of it before', () => {
    expect(rate(cn('22042100', '10000.00', '2018-10-01'))).toBe('39'); // 14 + 15 + 10
    expect(rate(cn('22042100', '10000.00', '2018-09-24T12:00'))).toBe('29'); // 14 + 15
    expect(rate(cn('22042100', '10000.00', '2019-06-01'))).toBe('54'); // 14 + 15 + 25
  });
  it('a US car 8703.22 in 2026: 15 + 10 = 25%, CT 3%, VAT 13%', () => {
    // duty 25,000.00; CT (125,000 / 0.97) x 3% = 3,865.979 -> 3,865.98; VAT 13% x 128,865.98 = 16,752.5774 -> 16,752.58
    const r = cn('8703221000', '100000.00', '2026-06-01');
    expect([r.duty, r.consumptionTax, r.vat].map((x) => x.toFixed(2))).toEqual(['25000.00', '3865.98', '16752.58']);
  });
  it('a line that names its own consumption tax uses it (8703312110, diesel 1.0-1.5 l: 3%)', () => {
    // 2025-01-15, no 2025 layer yet: duty 15% = 15,000.00; CT 115,000 / 0.97 x 3% = 3,556.70
    const r = cn('8703312110', '100000.00', '2025-01-15');
    expect(r.consumptionTax.toFixed(2)).toBe('3556.70');
  });
});

describe('the 2018-2019 Section 301 countermeasures the references give (issue 15)', () => {
  it('coal is on list 2 (税委会公告〔2018〕7号, 25% from 2018-08-23 12:01)', () => {
    // coking coal 27011210, mfn_rate 0% given, 2026-06-01: 25 (list 2) + 15 (第1号 annex 1) + 10 (第4号) = 50%; excluded: 25%
    expect(rate(cn('27011210', '1000.00', '2026-06-01', { mfnRate: parseRate('0%')! }))).toBe('50');
    expect(rate(cn('27011210', '1000.00', '2026-06-01', { mfnRate: parseRate('0%')!, claims: ['cn-exclusion'] }))).toBe('25');
    expect(rate(cn('27011210', '1000.00', '2018-08-23T12:00', { mfnRate: parseRate('0%')! }))).toBe('0');
    expect(rate(cn('27011210', '1000.00', '2018-08-23T12:01', { mfnRate: parseRate('0%')! }))).toBe('25');
  });
  it('LNG paid list 3 at 10% from 2018-09-24 12:01, 25% from 2019-06-01', () => {
    expect(rate(cn('27111100', '1000.00', '2018-10-01'))).toBe('10');
    expect(rate(cn('27111100', '1000.00', '2019-06-01'))).toBe('25');
  });
});

describe('soybeans at 125% (2025-04-12 to 2025-05-14 12:01), CV 10,000.00', () => {
  it('with the exclusion: 3 + 10 (第2号) + 125 (第6号) = 138%: duty 13,800.00, VAT 9% x 23,800.00 = 2,142.00', () => {
    const r = cn('12019019', '10000.00', '2025-04-20', { claims: ['cn-exclusion'] });
    expect([r.duty, r.vat].map((x) => x.toFixed(2))).toEqual(['13800.00', '2142.00']);
  });
  it('without: + 25 (list 1) + 2.5 (list 4) = 165.5%: duty 16,550.00, VAT 9% x 26,550.00 = 2,389.50', () => {
    const r = cn('12019019', '10000.00', '2025-04-20');
    expect([r.duty, r.vat].map((x) => x.toFixed(2))).toEqual(['16550.00', '2389.50']);
  });
});

describe('VAT and the open question after 2026-11-10 13:01 (issue 15)', () => {
  it('a vat_rate other than 13 or 9 under the VAT Law (from 2026-01-01) warns; before, it does not', () => {
    expect(cn('12019019', '1000.00', '2026-06-01', { vatRate: d('17') }).warnings.map(warningText).join()).toMatch(/vat_rate 17% is not a rate of the VAT Law Art\. 10/);
    expect(cn('12019019', '1000.00', '2026-06-01', { vatRate: d('9') }).warnings.map(warningText).join()).not.toMatch(/vat_rate/);
    expect(cn('12019019', '1000.00', '2025-06-01', { vatRate: d('17') }).warnings.map(warningText).join()).not.toMatch(/vat_rate/);
  });
  it('every line priced at 34% after 2026-11-10 13:01 carries the warning, naming the scenario', () => {
    const priced = priceBill([line('12019019', '1000.00', '2026-12-01', { into: 'CN', origin: 'US', currency: 'CNY', claims: ['cn-exclusion'] }),
      line('85423190', '1000.00', '2026-12-01', { into: 'CN', origin: 'US', currency: 'CNY' })], ledger);
    for (const l of priced.lines) expect(l.warnings.map(warningText).join()).toMatch(new RegExp(`row ${l.line.row}: 税委会公告2025年第4号: OPEN QUESTION: 34% .*cn-suspension-extended\\.json`));
    // 3 + 34 = 37%; 0 + 34 = 34%
    expect(priced.lines.map((l) => l.duty.toFixed(2))).toEqual(['370.00', '340.00']);
  });
  it('before it, no line carries it', () => {
    expect(cn('85423190', '1000.00', '2026-11-10T13:00').warnings.map(warningText).join()).not.toMatch(/OPEN QUESTION/);
  });
});

describe("lines.json: each line's own source (issue 15)", () => {
  it('no line but soybeans cites the soybean page, and every line cites at least one source with a URL', async () => {
    const file = JSON.parse((await import('node:fs')).readFileSync('rates/cn/lines.json', 'utf8')) as { lines: { code: string; sources: { url: string }[] }[] };
    for (const l of file.lines) {
      expect(l.sources.length, l.code).toBeGreaterThan(0);
      for (const s of l.sources) expect(s.url, l.code).toMatch(/^https?:\/\//);
      if (!l.code.startsWith('1201')) expect(l.sources.map((s) => s.url), l.code).not.toContain('https://htshub.com/cn-hs/detail/1201909000');
    }
  });
  it('a diesel car over 2.5 l (8703336390, MFN 15%) asks for its consumption tax by engine size', () => {
    expect(computeCnDuties(line('8703336390', '100000.00', '2026-06-01', { into: 'CN', origin: 'US', currency: 'CNY' }), ledger)).toMatchObject({ column: 'ct_rate' });
    // with ct_rate 12 (2.5-3.0 l): 15 + 10 = 25%: 25,000.00; CT 125,000 / 0.88 x 12% = 17,045.4545 -> 17,045.45
    expect(cn('8703336390', '100000.00', '2026-06-01', { ctRate: d('12') }).consumptionTax.toFixed(2)).toBe('17045.45');
  });
});
