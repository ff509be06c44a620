// US measures from 2026-06-01 to 2026-12-04, checked against figures worked by hand from measures-2026-checked.md
// (its worked examples first) and the HTSUS heading and note texts it quotes. MFN rates are the column 1 general rates
// of HTSUS 2026 Rev 10. Values are $10,000 unless said; fees on or after 2026-10-01: MPF 0.3464% = 34.64, HMF 12.50.
import { describe, expect, it } from 'vitest';
import { warningText } from '../../src/core/warning.js';
import { priceBill } from '../../src/core/bill.js';
import { computeUsDuties } from '../../src/core/us-duties.js';
import { Decimal } from '../../src/core/money.js';
import { parseRate } from '../../src/core/rate.js';
import type { BillLine } from '../../src/core/types.js';
import { loadLedger } from '../../src/rates/load.js';
import { applyScenario } from '../../src/rates/scenario.js';
import { line } from './bill-line.js';

const ledger = loadLedger();
const truce = applyScenario('examples/scenarios/us-truce-extended.json', ledger);

function duties(code: string, date: string, extra: Partial<BillLine> = {}, value = '10000.00', l = ledger) {
  const r = computeUsDuties(line(code, value, date, extra), l);
  if ('message' in r) throw new Error(r.message);
  return r;
}
const amounts = (code: string, date: string, extra: Partial<BillLine> = {}, value = '10000.00', l = ledger) =>
  duties(code, date, extra, value, l).duties.map((d) => `${d.heading} ${d.amount.toFixed(2)}`);
const total = (code: string, date: string, extra: Partial<BillLine> = {}, value = '10000.00', l = ledger) =>
  duties(code, date, extra, value, l).duty.toFixed(2);

describe('the worked examples of measures-2026-checked.md §1 (forced-labor Section 301, note 52)', () => {
  it('4202.92.31 backpack: 17.6% MFN 1,760 + List 3 2,500 + 12.5% 1,250; with fees 5,557.14', () => {
    expect(amounts('4202923120', '2026-10-01')).toEqual(['4202.92.31.20 1760.00', '9903.88.03 2500.00', '9903.05.31 1250.00']);
    const bill = priceBill([line('4202923120', '10000.00', '2026-10-01')], ledger);
    expect(bill.lines[0]!.landedCost.minus(bill.lines[0]!.customsValue).toFixed(2)).toBe('5557.14'); // 5,510 + 34.64 + 12.50
  });
  it('7208.10.15 pickled steel: 9903.91.01 2,500 + 9903.82.02 5,000; the forced-labor duty is not owed (9903.05.90); with fees 7,547.14', () => {
    const r = duties('7208101500', '2026-10-01');
    expect(r.duties.map((d) => `${d.heading} ${d.amount.toFixed(2)}`)).toEqual(['7208.10.15.00 0.00', '9903.91.01 2500.00', '9903.82.02 5000.00']);
    expect(r.notApplied.find((n) => n.heading === '9903.05.31')!.reason).toMatch(/reported under 9903\.05\.90$/);
    const bill = priceBill([line('7208101500', '10000.00', '2026-10-01')], ledger);
    expect(bill.lines[0]!.landedCost.minus(bill.lines[0]!.customsValue).toFixed(2)).toBe('7547.14');
  });
  it('8504.40.95.80 not for UAS use: List 3 2,500 + 1,250 = 3,750 (no drone duty: 9903.08.20)', () => {
    expect(total('8504409580', '2026-10-01')).toBe('3750.00');
  });
  it('8204.20.00 socket wrenches: 9% + 25% + 12.5% = 46.5%', () => {
    expect(total('8204200000', '2026-10-01')).toBe('4650.00');
  });
  it('8507.60 Li-ion batteries (not vehicle batteries): 3.4% + 9903.91.06 25% + 12.5% = 40.9%', () => {
    expect(total('8507600090', '2026-10-01')).toBe('4090.00');
  });
  it('8704.23.01 truck over 20 t: MFN 25% + 9903.74.01 25% + 9903.88.01 25% = 75%; forced-labor 0 (9903.05.90)', () => {
    expect(total('8704230100', '2026-10-01')).toBe('7500.00');
  });
  it('starts at 12:01 a.m. 2026-07-24 (entries of 07-23 pay Section 122 instead): 8204.20.00 at 9% + 25% + 10% then + 12.5%', () => {
    expect([total('8204200000', '2026-07-23'), total('8204200000', '2026-07-24')]).toEqual(['4400.00', '4650.00']);
  });
  it('Hong Kong pays 9903.05.43; Macau has no heading (note 52 lists none)', () => {
    expect(amounts('8204200000', '2026-10-01', { origin: 'HK' })).toContain('9903.05.43 1250.00');
    expect(amounts('8204200000', '2026-10-01', { origin: 'MO' }).some((a) => a.startsWith('9903.05'))).toBe(false);
  });
  it('in transit (9903.05.85): loaded before 07-24 and entered before 12:01 a.m. 07-28; an entry of 07-28 pays', () => {
    const transit = { loadedOn: '2026-07-20' };
    expect(total('8204200000', '2026-07-27', transit)).toBe('3400.00'); // 9% + 25%
    expect(duties('8204200000', '2026-07-27', transit).notApplied.some((n) => n.reason.endsWith('reported under 9903.05.85'))).toBe(true);
    expect(total('8204200000', '2026-07-28', transit)).toBe('4650.00');
  });
  it('note 52(b) goods (.86, smartphones 8517.13.00) pay none; claimed pharmaceutical use (.89) lifts it from 2804.10.00 hydrogen', () => {
    expect(amounts('8517130000', '2026-10-01')).toEqual(['8517.13.00.00 0.00']);
    // hydrogen 2804.10.00: MFN 3.7% = 370, List 3 2,500; 12.5% = 1,250 unless claimed for pharmaceutical use
    expect(total('2804100000', '2026-10-01')).toBe('4120.00');
    expect(total('2804100000', '2026-10-01', { claims: ['9903.05.89'] })).toBe('2870.00');
  });
});

describe('Section 232 pharmaceuticals (note 40): a 100% total with MFN', () => {
  it('3004.90.92.01 patented, MFN Free: 9903.04.60 10,000.00 (the worked example); at MFN 6.5%, 650 + 9,350', () => {
    expect(amounts('3004909201', '2026-10-01')).toEqual(['3004.90.92.01 0.00', '9903.04.60 10000.00']);
    expect(amounts('3004909201', '2026-10-01', { mfnRate: parseRate('6.5%')! })).toEqual(['3004.90.92.01 650.00', '9903.04.60 9350.00']);
  });
  it('a generic (claim 9903.04.67) pays no 232 duty', () => {
    expect(total('3004909201', '2026-10-01', { claims: ['9903.04.67'] })).toBe('0.00');
  });
  it('the grace heading 9903.04.61 is claimable to 2026-09-28, not on 2026-09-29', () => {
    expect(total('3004909201', '2026-09-28', { claims: ['9903.04.61'] })).toBe('0.00');
    const late = duties('3004909201', '2026-09-29', { claims: ['9903.04.61'] });
    expect(late.duty.toFixed(2)).toBe('10000.00');
    expect(late.rejectedClaims.map((c) => c.claim)).toEqual(['9903.04.61']);
  });
  it('the Rev 20 list (149 lines) from 2026-09-29: 3004.90.92.12 (levofloxacin) is added then; 3004.20.00.83, which Rev 20 splits into listed lines, stays listed', () => {
    expect([total('3004909212', '2026-09-28', {}, '1000.00'), total('3004909212', '2026-09-29', {}, '1000.00')]).toEqual(['0.00', '1000.00']);
    expect(total('3004200083', '2026-10-01', {}, '1000.00')).toBe('1000.00');
  });
  it('before 2026-07-31 there is no pharmaceuticals duty', () => {
    expect(total('3004909201', '2026-07-30')).toBe('0.00');
  });
});

describe('Section 201 quartz (note 41), Section 232 drones (note 43), Section 232 polysilicon', () => {
  it('6810.99.00.20 quartz slab, in quota by default: Free + 9903.45.30 2,500 + List 3 2,500 + 1,250; over quota 5,000 instead', () => {
    expect(total('6810990020', '2026-09-01')).toBe('6250.00');
    expect(total('6810990020', '2026-09-01', { claims: ['9903.45.31'] })).toBe('8750.00');
    expect(total('6810990020', '2026-08-14')).toBe('3750.00'); // before 2026-08-15
  });
  it('8806.22 drone of 250 g-7 kg: 9903.08.22 2,500 + List 1 2,500 + 1,250; thermal imaging 10,000 instead of 2,500', () => {
    expect(total('8806220000', '2026-10-01')).toBe('6250.00');
    expect(total('8806220000', '2026-10-01', { claims: ['thermal-imaging'] })).toBe('13750.00');
    expect(total('8806220000', '2026-09-02')).toBe('3750.00'); // before 2026-09-03
  });
  it('8541.42 solar cells: 9903.91.02 5,000 + 12.5% 1,250; from 2026-12-04 + 15% polysilicon 1,500, with a warning on its heading', () => {
    expect(total('8541420010', '2026-12-03')).toBe('6250.00');
    const r = duties('8541420010', '2026-12-04');
    expect(r.duty.toFixed(2)).toBe('7750.00');
    expect(r.warnings.map(warningText).join()).toMatch(/no HTSUS revision carrying its Chapter 99 heading/);
  });
});

describe('maritime Section 301 and the truce after 2026-11-09', () => {
  it('8426.19.00 cranes: only a ship-to-shore crane pays 9903.92.10; from 2026-11-10 also 9903.91.14 +100%, unless the truce scenario', () => {
    // $1,000: other crane 0 + 12.5% = 125; ship-to-shore 250 + 125; from 11-10 + 1,000
    expect(total('8426190000', '2026-08-01', {}, '1000.00')).toBe('125.00');
    expect(total('8426190000', '2026-11-09', { claims: ['ship-to-shore-crane'] }, '1000.00')).toBe('375.00');
    const after = duties('8426190000', '2026-11-10', { claims: ['ship-to-shore-crane'] }, '1000.00');
    expect(after.duty.toFixed(2)).toBe('1375.00');
    expect(after.warnings.map(warningText).join()).toMatch(/announced extended to 2027-01-10.*us-truce-extended/);
    expect(total('8426190000', '2026-11-10', { claims: ['ship-to-shore-crane'] }, '1000.00', truce)).toBe('375.00');
  });
  it('a Section 301 exclusion ends with 2026-11-09: claimed on 11-10 it is refused and the lapse is warned; the truce scenario keeps it', () => {
    // 8504.40.95.80 (an exclusion line): List 3 2,500 + 12.5% 1,250
    expect(total('8504409580', '2026-11-09', { claims: ['9903.88.69'] })).toBe('1250.00');
    const lapsed = duties('8504409580', '2026-11-10', { claims: ['9903.88.69'] });
    expect(lapsed.duty.toFixed(2)).toBe('3750.00');
    expect(lapsed.warnings.map(warningText).join()).toMatch(/ran through 2026-11-09 by their text/);
    expect(total('8504409580', '2026-11-10', { claims: ['9903.88.69'] }, '10000.00', truce)).toBe('1250.00');
  });
});

describe('fixes found by differential testing', () => {
  it('a line on two note 16(c) lists pays its 9903.82 heading once (note 16(a))', () => {
    // 8716.39.00.90 on (vi) and (vii): Free + List 3 250 + 25% 250 on $1,000 (2026-05-01, before the forced-labor duty)
    expect(amounts('8716390090', '2026-05-01', {}, '1000.00').filter((a) => a.startsWith('9903.82'))).toEqual(['9903.82.09 250.00']);
    // 7614.10.10 on (ii) and (iv): 4.9% 49 + List 2 250 + 50% 500 = 799
    expect(total('7614101000', '2026-05-01', {}, '1000.00')).toBe('799.00');
  });
  it('a laptop (8471.30.01) is not an auto part unless claimed (note 33(h)(ii)): no 9903.94.05 by default, 25% when claimed', () => {
    expect(total('8471300100', '2026-08-01')).toBe('0.00'); // Free; 52(b) exempts it from the forced-labor duty
    expect(amounts('8471300100', '2026-08-01', { claims: ['9903.94.05'] })).toContain('9903.94.05 2500.00');
  });
});

describe('postal items after 2026-07-24: the ordinary duties on a postal informal entry', () => {
  it('a $100 sweater by mail: 16.5% + 7.5% + 12.5% = 36.50, informal MPF 2.69 (FY2026), no HMF', () => {
    const bill = priceBill([line('6110202010', '100.00', '2026-08-01', { mode: 'postal' })], ledger);
    expect(bill.rejected).toEqual([]);
    const l = bill.lines[0]!;
    expect([l.duty.toFixed(2), l.mpf.toFixed(2), l.hmf.toFixed(2)]).toEqual(['36.50', '2.69', '0.00']);
  });
});

describe('Section 232 appliances (2025-06-23), Section 201 solar (to 2026-02-06), Proclamation 11032 (2026-06-08)', () => {
  it('a refrigerator-freezer pays 50% on its steel content from 2025-06-23 (9903.81.91)', () => {
    const on = (date: string) => duties('8418100010', date, { metalValue: new Decimal('300.00') }, '1000.00').duties.filter((d) => d.heading === '9903.81.91').map((d) => d.amount.toFixed(2));
    expect([on('2025-06-20'), on('2025-06-23')]).toEqual([[], ['150.00']]);
  });
  it('solar modules 8541.43: 9903.45.25 14.25% to 2025-02-06, 14% to 2026-02-06, then none', () => {
    const s201 = (date: string) => amounts('8541430010', date).filter((a) => a.startsWith('9903.45'));
    expect([s201('2025-02-06'), s201('2025-02-07'), s201('2026-02-06'), s201('2026-02-07')])
      .toEqual([['9903.45.25 1425.00'], ['9903.45.25 1400.00'], ['9903.45.25 1400.00'], []]);
  });
  it('Proclamation 11032 re-cuts note 16(c) from 2026-06-08: plows 8432.10 move from (vii) 25% to the (x) tier, 15% in all (MFN Free)', () => {
    const metals = (code: string, date: string, claims: string[] = []) => amounts(code, date, { claims }).filter((a) => a.startsWith('9903.82'));
    expect([metals('8432100020', '2026-06-05'), metals('8432100020', '2026-06-08')]).toEqual([['9903.82.09 2500.00'], ['9903.82.10 1500.00']]);
    // wheel loaders move from (vii) to the new (xi), still 25% under 9903.82.09
    expect([metals('8429511015', '2026-06-05'), metals('8429511015', '2026-06-08')]).toEqual([['9903.82.09 2500.00'], ['9903.82.09 2500.00']]);
    // a (vii) part for industrial equipment (hydraulic cylinders 8412.21.00, MFN Free) claimed under note 16(k): 15% in
    // all from 2026-06-08 (9903.82.25: 15% - 0 = 1,500) instead of 25%; before 2026-06-08 the claim does nothing
    expect([metals('8412210015', '2026-06-05', ['9903.82.25']), metals('8412210015', '2026-06-08', ['9903.82.25'])])
      .toEqual([['9903.82.09 2500.00'], ['9903.82.25 1500.00']]);
  });
});
