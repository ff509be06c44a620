// Section 232, stacking, in-transit, US content, exclusions and postal duties (issue 3), worked by hand
// from us-measures.md §4, §7-§9, §12 and us-measures-checked.md.
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/money.js';
import type { BillLine, LedgerView } from '../../src/core/types.js';
import { computeUsDuties, type UsDuties } from '../../src/core/us-duties.js';
import { loadLedger } from '../../src/rates/load.js';
import { line } from './bill-line.js';
import { fixtureLedger, measure } from './ledger-fixture.js';

const ledger = loadLedger();
const d = (s: string) => new Decimal(s);

function price(code: string, value: string, date: string, extra: Partial<BillLine> = {}, l: LedgerView = ledger): UsDuties {
  const r = computeUsDuties(line(code, value, date, extra), l, true);
  if ('message' in r) throw new Error(r.message);
  return r;
}
const amounts = (r: UsDuties) => r.duties.map((x) => `${x.heading} ${x.amount.toFixed(2)}`);

describe('E1b (JAS article of 2025-04-04; fixture rates, entered 2025-04-05): aluminium derivative, $25 of non-US aluminium content', () => {
  it('2.50 + 20.00 + 25.00 + 25% × 25 = 6.25; no reciprocal on a 232 derivative: 53.75', () => {
    const fixture = fixtureLedger('2.5%', [
      measure('f', 'IEEPA fentanyl', '9903.01.24', '20%'),
      measure('s', 'Section 301', '9903.88.03', '25%'),
      measure('a', 'Section 232 aluminium', '9903.85.08', '25%', { base: 'metal', metal: 'aluminum' }),
      measure('r', 'IEEPA reciprocal', '9903.01.63', '34%', { except: [{ heading: '9903.01.33', whenApplied: ['Section 232 aluminium'], reason: 'Section 232 article' }] }),
    ]);
    const r = price('76169910', '100.00', '2025-04-05', { metalValue: d('25.00') }, fixture);
    expect(r.duty.toFixed(2)).toBe('53.75');
    expect(r.notApplied).toContainEqual(expect.objectContaining({ heading: '9903.01.63', reason: expect.stringMatching(/9903\.01\.33/) }));
  });
});

describe('E4 (real CBP Form 7501, 2026): 7326.90.8688, $14,172.00', () => {
  it('301 List 3 25% = 3,543.00; 9903.82.02 50% on full value = 7,086.00; MFN 2.9% = 410.988 -> 410.99; total 11,039.99', () => {
    const r = price('7326908688', '14172.00', '2026-08-01');
    expect(amounts(r)).toEqual(['7326.90.86.88 410.99', '9903.88.03 3543.00', '9903.82.02 7086.00']);
    expect(r.duty.toFixed(2)).toBe('11039.99');
  });
  it('between 2026-04-06 and 2026-07-23 there is still no Section 122 line: 9903.82.02 goods are exempt (9903.03.06)', () => {
    const r = price('7326908688', '14172.00', '2026-05-01');
    expect(r.duty.toFixed(2)).toBe('11039.99');
    expect(r.notApplied).toContainEqual(expect.objectContaining({ heading: '9903.03.01', reason: expect.stringMatching(/9903\.03\.06/) }));
  });
});

describe('Section 232 metals by period', () => {
  it('2018 steel 25% on mill products from 2025-01-01 (us-measures-checked.md row 42)', () => {
    const r = price('7208101500', '1000.00', '2025-01-15'); // MFN Free; 9903.80.01 25% of 1,000
    expect(amounts(r)).toContain('9903.80.01 250.00');
  });
  it('derivatives outside chapters 72/73 pay on the metal content; the rest pays reciprocal from 2025-06-04', () => {
    // 9403.10.00 metal office furniture (MFN Free), 2025-09-01, $1,000, metal 400: fentanyl 200, 301 List 3 250,
    // steel 50% × 400 = 200, reciprocal 10% × 600 = 60 -> 710; the aluminium list holds the line too, but metal_value is charged once
    const r = price('94031000', '1000.00', '2025-09-01', { metalValue: d('400.00') });
    expect(amounts(r)).toEqual(['9403.10.00 0.00', '9903.01.24 200.00', '9903.88.03 250.00', '9903.81.91 200.00', '9903.01.25 60.00']);
    expect(r.notApplied).toContainEqual(expect.objectContaining({ heading: '9903.85.08', reason: expect.stringMatching(/already charged/) }));
  });
  it('steel and aluminium content in their own columns are charged each under its heading', () => {
    // steel 300 × 50% = 150, aluminium 100 × 50% = 50, reciprocal 10% × (1,000 - 400) = 60
    const r = price('94031000', '1000.00', '2025-09-01', { metalValues: { steel: d('300'), aluminum: d('100') } });
    expect(amounts(r)).toEqual(['9403.10.00 0.00', '9903.01.24 200.00', '9903.88.03 250.00', '9903.81.91 150.00', '9903.85.08 50.00', '9903.01.25 60.00']);
  });
  it('a derivative on metal content without metal_value is rejected, naming the column', () => {
    expect(computeUsDuties(line('94031000', '1000.00', '2025-09-01'), ledger)).toMatchObject({ column: 'metal_value' });
  });
  it('from 2026-04-06, a 15% tier is a floor with MFN: 8504.23.00 (MFN 1.6%) pays 13.4% under 9903.82.10', () => {
    const r = price('85042300', '1000.00', '2026-05-01'); // 16 + 301 List 1 250 + 134 = 400
    expect(amounts(r)).toEqual(['8504.23.00 16.00', '9903.88.01 250.00', '9903.82.10 134.00']);
  });
  it('from 2026-04-06, goods outside chapters 72-76 with metal under 15% by weight may claim 9903.82.03 and pay Section 122 instead', () => {
    const r = price('85042300', '1000.00', '2026-05-01', { claims: ['9903.82.03'] }); // 16 + 250 + Section 122 100
    expect(amounts(r)).toEqual(['8504.23.00 16.00', '9903.88.01 250.00', '9903.03.01 100.00']);
  });
  it('a chapter 73 article cannot claim the 15% weight rule: the claim is rejected with the reason', () => {
    const r = price('7326908688', '1000.00', '2026-05-01', { claims: ['9903.82.03'] });
    expect(amounts(r)).toContain('9903.82.02 500.00');
    expect(r.rejectedClaims).toEqual([{ claim: '9903.82.03', reason: expect.stringMatching(/not in the scope of 9903\.82\.03/) }]);
  });
});

describe('other Section 232 measures and their stacking', () => {
  it('autos 25% exclude the reciprocal duty; fentanyl and 301 stack', () => {
    // 8703.23.01 (MFN 2.5%) on 2025-06-01, $10,000: 250 + fentanyl 2,000 + 301 List 1 2,500 + autos 2,500
    const r = price('87032301', '10000.00', '2025-06-01');
    expect(r.duty.toFixed(2)).toBe('7250.00');
    expect(r.notApplied).toContainEqual(expect.objectContaining({ heading: '9903.01.25', reason: expect.stringMatching(/9903\.01\.33/) }));
  });
  it('upholstered wooden furniture 25% from 2025-10-14, still with fentanyl', () => {
    // 9401.61.40.11 (MFN Free) on 2025-11-01: fentanyl 20% + 301 (9903.88.04) 25% + wood 25% = 700 on $1,000
    expect(price('9401614011', '1000.00', '2025-11-01').duty.toFixed(2)).toBe('700.00');
    expect(price('9401614011', '1000.00', '2025-10-13').duties.map((x) => x.heading)).not.toContain('9903.76.02');
  });
  it('semiconductors apply only when the note 39(b) parameters are claimed, and then no fentanyl', () => {
    const plain = price('8471500150', '1000.00', '2026-02-01');
    expect(plain.duties.map((x) => x.heading)).toContain('9903.01.24');
    const claimed = price('8471500150', '1000.00', '2026-02-01', { claims: ['9903.79.01'] });
    expect(claimed.duties.map((x) => x.heading)).toContain('9903.79.01');
    expect(claimed.duties.map((x) => x.heading)).not.toContain('9903.01.24');
  });
});

describe('in-transit rules from loaded_on and the mode', () => {
  // 6110.20.20.79, $1,000, 2025-04-15: MFN 165 + fentanyl 200 + 301 List 4A 75, plus the reciprocal
  it('loaded on a vessel before 2025-04-10: 10% under 9903.01.25 instead of 125% under 9903.01.63', () => {
    const r = price('6110202079', '1000.00', '2025-04-15', { loadedOn: '2025-04-08' });
    expect(amounts(r)).toContain('9903.01.25 100.00');
    expect(r.duty.toFixed(2)).toBe('540.00');
  });
  it('loaded before 2025-04-05 and entered before 2025-06-16: no reciprocal duty (9903.01.28)', () => {
    const r = price('6110202079', '1000.00', '2025-04-15', { loadedOn: '2025-04-01' });
    expect(r.duty.toFixed(2)).toBe('440.00');
    expect(r.notApplied).toContainEqual(expect.objectContaining({ reason: expect.stringMatching(/9903\.01\.28$/) }));
  });
  it('vessel only: the same goods by air pay 125%', () => {
    expect(price('6110202079', '1000.00', '2025-04-15', { loadedOn: '2025-04-08', mode: 'air' }).duty.toFixed(2)).toBe('1690.00');
  });
  it('fentanyl: loaded before 2025-02-01 and entered before 2025-03-07 (9903.01.23), any mode', () => {
    // 2025-03-05: MFN 165 + 301 75 (+ fentanyl 200 without the rule)
    expect(price('6110202079', '1000.00', '2025-03-05', { loadedOn: '2025-01-30', mode: 'air' }).duty.toFixed(2)).toBe('240.00');
    expect(price('6110202079', '1000.00', '2025-03-07', { loadedOn: '2025-01-30' }).duty.toFixed(2)).toBe('440.00');
  });
});

describe('US content (9903.01.34)', () => {
  it('at least 20% of value: reciprocal on the non-US content only', () => {
    // 2025-06-01, $1,000 with $300 US content: reciprocal 10% × 700 = 70; 165 + 200 + 75 + 70 = 510
    const r = price('6110202079', '1000.00', '2025-06-01', { usContentValue: d('300.00') });
    expect(amounts(r)).toContain('9903.01.25 70.00');
    expect(r.duty.toFixed(2)).toBe('510.00');
  });
  it('under 20%: no split', () => {
    expect(price('6110202079', '1000.00', '2025-06-01', { usContentValue: d('150.00') }).duty.toFixed(2)).toBe('540.00');
  });
});

describe('Section 301 exclusions are claims', () => {
  it('accepted: 7326.90.86.88 is named in note 20(vvv); the 301 duty is not charged', () => {
    // 2025-06-01, $1,000: MFN 29 + fentanyl 200 + steel derivative (ch. 73, full value) 25% until 2025-06-04 = 250 -> 479;
    // reciprocal excluded (a 232 article, before 2025-06-04)
    const r = price('7326908688', '1000.00', '2025-06-01', { claims: ['9903.88.69'] });
    expect(r.duty.toFixed(2)).toBe('479.00');
    expect(r.notApplied).toContainEqual(expect.objectContaining({ heading: '9903.88.03', reason: expect.stringMatching(/reported under 9903\.88\.69$/) }));
    expect(r.rejectedClaims).toEqual([]);
  });
  it('refused: a product outside the exclusion keeps its 301 duty and the claim is rejected with the reason', () => {
    const r = price('6110202079', '1000.00', '2025-06-01', { claims: ['9903.88.69'] });
    expect(amounts(r)).toContain('9903.88.15 75.00');
    expect(r.rejectedClaims).toEqual([{ claim: '9903.88.69', reason: '6110.20.20.79 is not in the scope of 9903.88.69' }]);
  });
  it('refused after the exclusion ended (2026-11-09 was the last day)', () => {
    const r = price('7326908688', '1000.00', '2026-11-10', { claims: ['9903.88.69'] });
    expect(amounts(r)).toContain('9903.88.03 250.00');
    expect(r.rejectedClaims[0]!.reason).toMatch(/until 2026-11-10/);
  });
});

describe('postal items', () => {
  it('2025-06-01, China: 54% replaces every other duty, MFN included', () => {
    const r = price('6110202079', '100.00', '2025-06-01', { mode: 'postal' });
    expect(amounts(r)).toEqual(['postal (de minimis) 54.00']);
  });
  it('a date without a postal regime in the ledger is rejected, saying which dates it can price', () => {
    const r = computeUsDuties(line('6110202079', '100.00', '2025-03-01', { mode: 'postal' }), ledger);
    expect(r).toMatchObject({ column: 'date', message: expect.stringMatching(/2025-05-02 to 2025-05-14/) });
  });
});

describe('review fixes (Section 232 lists and stacking)', () => {
  it('a heading printed bare in note 16(c) is on its list: 7609 pays 9903.82.02 from 2026-04-06, no Section 122', () => {
    const r = price('7609000000', '1000.00', '2026-05-01'); // MFN 5.7% 57 + 301 9903.91.01 250 + 232 500
    expect(amounts(r)).toEqual(['7609.00.00.00 57.00', '9903.91.01 250.00', '9903.82.02 500.00']);
  });
  it('a line on both the autos and the truck lists pays one of them: trucks, or autos when 9903.74.05 is claimed', () => {
    const trucks = price('8704600000', '1000.00', '2025-12-01').duties.map((x) => x.heading);
    expect(trucks).toContain('9903.74.01');
    expect(trucks).not.toContain('9903.94.01');
    const autos = price('8704600000', '1000.00', '2025-12-01', { claims: ['9903.74.05'] }).duties.map((x) => x.heading);
    expect(autos).toContain('9903.94.01');
    expect(autos).not.toContain('9903.74.01');
  });
  it('an auto part on a metal-content list needs no metal_value: the metals duty does not reach it', () => {
    // 8708.29.51.60 on 2025-06-01, $1,000: MFN 2.5% 25 + fentanyl 200 + 301 List 3 250 + auto parts 250 = 725
    expect(price('8708295160', '1000.00', '2025-06-01').duty.toFixed(2)).toBe('725.00');
  });
  it('a part on both parts lists is an auto part unless claimed otherwise', () => {
    expect(price('8708295160', '1000.00', '2026-05-01').duties.map((x) => x.heading)).toContain('9903.94.05');
  });
  it('US-melted metal on lists (ix)-(x): 10% in all with MFN under 9903.82.07', () => {
    const r = price('8428390000', '1000.00', '2026-05-01', { claims: ['9903.82.06'] }); // MFN Free: 301 List 1 250 + 100
    expect(amounts(r)).toEqual(['8428.39.00.00 0.00', '9903.88.01 250.00', '9903.82.07 100.00']);
  });
  it('one steel heading per line: nails of the 2020 list are reported under 9903.81.89, and 9903.80.03 before 2025-03-12', () => {
    expect(price('7317005503', '1000.00', '2025-04-20').duties.map((x) => x.heading).filter((h) => h.startsWith('9903.8'))).toEqual(['9903.88.03', '9903.81.89']);
    expect(price('7317005503', '1000.00', '2025-02-01').duties.map((x) => x.heading).filter((h) => h.startsWith('9903.8'))).toEqual(['9903.88.03', '9903.80.03']);
  });
});
