// The built-in ledger (rates/), checked against rates worked by hand from us-measures.md and us-measures-checked.md.
import { describe, expect, it } from 'vitest';
import { warningText } from '../../src/core/warning.js';
import { priceBill } from '../../src/core/bill.js';
import { computeUsDuties } from '../../src/core/us-duties.js';
import { loadLedger } from '../../src/rates/load.js';
import { line } from './bill-line.js';

const ledger = loadLedger();

function stack(code: string, date: string, value = '1000.00') {
  const r = computeUsDuties(line(code, value, date), ledger);
  if ('message' in r) throw new Error(r.message);
  return r;
}
const headings = (code: string, date: string) => stack(code, date).duties.slice(1).map((d) => `${d.heading} ${d.rate}`);

describe('the known answer of issue 2', () => {
  it('smartphone 8517.13.00.00, $10,000, 2025-04-15, ocean: duty 2,000, MPF 34.64, HMF 12.50, landed 12,047.14', () => {
    const priced = priceBill([line('8517130000', '10000.00', '2025-04-15')], ledger);
    const r = priced.lines[0]!;
    expect(r.duties.map((d) => [d.heading, d.amount.toFixed(2)])).toEqual([['8517.13.00.00', '0.00'], ['9903.01.24', '2000.00']]);
    expect(r.notApplied).toEqual([expect.objectContaining({ heading: '9903.01.63', reason: expect.stringMatching(/Annex II.*9903\.01\.32/) })]);
    expect([r.duty, r.mpf, r.hmf, r.landedCost].map((x) => x.toFixed(2))).toEqual(['2000.00', '34.64', '12.50', '12047.14']);
  });
});

describe('headline check of us-measures.md §1 on a List 4A article (6110.20.20.79, MFN 16.5%)', () => {
  // m + 7.5 (List 4A) + fentanyl + reciprocal / Section 122, by period
  it.each([
    ['2025-01-15', '240.00', 'm + 4A'], // 16.5 + 7.5 = 24% of 1,000 = 240
    ['2025-02-10', '340.00', '+ fentanyl 10'],
    ['2025-03-10', '440.00', '+ fentanyl 20'],
    ['2025-04-06', '540.00', '+ reciprocal 10'],
    ['2025-04-09', '1280.00', '+ reciprocal 84'],
    ['2025-04-15', '1690.00', '+ reciprocal 125 (the 145%)'],
    ['2025-06-01', '540.00', 'reciprocal back to 10'],
    ['2025-11-15', '440.00', 'fentanyl 10 + reciprocal 10'],
    ['2026-03-01', '340.00', 'IEEPA ended; Section 122 10'],
    ['2026-07-23', '340.00', 'last day of Section 122'],
    ['2026-07-24', '365.00', 'Section 122 lapsed; forced-labor 301 12.5 (note 52): 16.5 + 7.5 + 12.5 = 36.5%'],
  ])(
    '%s: duty %s on $1,000 (%s)', (date, duty) => {
      expect(stack('6110202079', date!).duty.toFixed(2)).toBe(duty);
    });
});

describe('Section 301 four-year review replaces the list heading (us-measures-checked.md §5, row 39)', () => {
  it('diodes 8541.10.00: 9903.91.05 at 50% from 2025-01-01', () => {
    expect(headings('85411000', '2025-01-15')).toEqual(['9903.91.05 50%']);
  });
  it('medical gloves 4015.12.10: 50% in 2025 (9903.91.05), 100% from 2026-01-01 (9903.91.08)', () => {
    expect(headings('4015121010', '2025-01-15').filter((h) => h.startsWith('9903.9'))).toEqual(['9903.91.05 50%']);
    expect(headings('4015121010', '2026-01-15').filter((h) => h.startsWith('9903.9'))).toEqual(['9903.91.08 100%']);
  });
  it('EVs 8703.80.00: 9903.91.03 at 100%', () => {
    expect(headings('8703800020', '2025-01-15')).toEqual(['9903.91.03 100%']);
  });
});

describe('Annex II and the electronics memo (9903.01.32)', () => {
  it('laptops 8471.30.01: fentanyl only on 2025-04-15; the memo is retroactive to 2025-04-05', () => {
    expect(headings('8471300100', '2025-04-15')).toEqual(['9903.01.24 20%']);
    expect(headings('8471300100', '2025-04-05')).toEqual(['9903.01.24 20%']);
  });
  it('coffee 0901.11: reciprocal until the agricultural EO (2025-11-13), exempt after', () => {
    expect(headings('0901110025', '2025-11-12')).toContain('9903.01.25 10%');
    expect(headings('0901110025', '2025-11-13')).not.toContain('9903.01.25 10%');
  });
});

describe('Section 122 (2026-02-24 to 2026-07-24)', () => {
  it('applies to any origin, with its exemptions list', () => {
    const vn = computeUsDuties(line('9403608040', '1000.00', '2026-03-01', { origin: 'VN' }), ledger);
    expect('duties' in vn && vn.duties.map((d) => d.heading)).toContain('9903.03.01');
    expect(headings('8517130000', '2026-03-01')).toEqual([]); // smartphones: note 2(aa)(ii)
  });
  it('ends for entries from 2026-07-24 (HTSUS 2026 Rev 13 end-dates it), with no warning of its end', () => {
    expect(stack('9403608040', '2026-03-01').warnings.map(warningText).join()).not.toMatch(/150-day|not confirmed/);
    expect(headings('9403608040', '2026-07-23')).toContain('9903.03.01 10%');
    expect(headings('9403608040', '2026-07-24')).not.toContain('9903.03.01 10%');
  });
});

describe('MFN lines', () => {
  it('10-digit lines inherit the 8-digit rate', () => {
    expect(ledger.tariffLine('6110202079')).toMatchObject({ mfnText: '16.5%', mfnFrom: '61102020' });
  });
  it('an unknown code is an error naming the edition', () => {
    expect(ledger.tariffLine('9999999999')).toEqual({ error: expect.stringMatching(/9999\.99\.99\.99 is not a line of the HTSUS 2026/) });
  });
  it('a rate form the calculator does not compute asks for mfn_rate', () => {
    const r = computeUsDuties(line('2003100127', '100.00', '2025-04-15'), ledger);
    expect(r).toMatchObject({ column: 'mfn_rate' });
  });
});

const total = (code: string, date: string) => stack(code, date, '1000.00').duty.toFixed(2);

describe('lines only partly under a four-year-review heading (us-measures.md §6; -checked rows 34, 37, 39)', () => {
  it('Li-ion batteries in 2025: EV batteries 25% (9903.91.01), the others List 4A 7.5%; EV batteries are auto parts (Section 232), other Li-ion batteries only when claimed', () => {
    // 2025-06-01 on $1,000: MFN 3.4% + fentanyl 20% + 301 + auto parts 25% (9903.94.05, 8507.60 in note 33(g)); no reciprocal (9903.01.33)
    expect(total('8507600010', '2025-06-01')).toBe('734.00'); // 34 + 200 + 250 + 250
    expect(stack('8507600010', '2025-06-01').warnings.map(warningText).join()).toMatch(/note 31\(b\)/);
    // other Li-ion batteries: note 33(g) names 8507.60 whole, but 9903.94.05 covers parts of passenger vehicles and light
    // trucks only (note 33(h)(ii): the rest is 9903.94.06), so by default no auto parts duty and the reciprocal 10%:
    // 34 + 200 + 75 + 100 = 409
    expect(total('8507600090', '2025-06-01')).toBe('409.00');
    expect(stack('8507600090', '2025-06-01').warnings.map(warningText).join()).toMatch(/claim 9903\.94\.05/);
    // claimed as a vehicle part: 34 + 200 + 75 + 250 = 559
    const claimed = computeUsDuties(line('8507600090', '1000.00', '2025-06-01', { claims: ['9903.94.05'] }), ledger);
    expect('duty' in claimed && claimed.duty.toFixed(2)).toBe('559.00');
  });
  it('disposable textile face masks 6307.90.9870: 25% in 2025 (9903.91.04), never two 9903.91 headings', () => {
    expect(headings('6307909870', '2025-01-15')).toEqual(['9903.91.04 25%']); // MFN 7% -> 70 + 250 = 320
    expect(total('6307909870', '2025-01-15')).toBe('320.00');
    expect(headings('6307909842', '2026-03-01').filter((h) => h.startsWith('9903.9'))).toEqual(['9903.91.07 50%']);
  });
});

describe('dates and scope of the lists', () => {
  it('Annex II removals take effect on their date (EO 14346, 2025-09-08): 2818.30.00.00', () => {
    expect(headings('2818300000', '2025-09-07')).not.toContain('9903.01.25 10%');
    expect(headings('2818300000', '2025-09-08')).toContain('9903.01.25 10%');
  });
  it('chapter 98 entries pay no IEEPA duty (U.S. notes 2(s), 2(u))', () => {
    expect(headings('9801001010', '2025-06-01')).toEqual([]);
  });
  it('an 8-digit code printed only as its statistical line is that line', () => {
    const r = stack('84713001', '2025-04-15');
    expect(r.hts).toBe('8471.30.01.00');
    expect(headings('28046100', '2025-04-15')).toContain('9903.91.05 50%');
  });
});

describe('what the ledger knows it does not price is said', () => {
  it('a Section 301 exclusion the HTSUS points at (7326.90.86.88, 9903.88.69)', () => {
    expect(stack('7326908688', '2025-06-01').warnings.map(warningText).join()).toMatch(/9903\.88\.69/);
  });
  it('Section 232 semiconductors apply only when the note 39(b) parameters are claimed', () => {
    expect(stack('8471500150', '2026-02-01').warnings.map(warningText).join()).toMatch(/claim 9903\.79\.01/);
  });
  it('after Section 122: the forced-labor 301 duty, confirmed (no warning that a successor is unknown)', () => {
    // wooden furniture 9403.60.80.40, List 3: 9903.88.03 25% + 9903.05.31 12.5% (note 52(a) stacks on the China lists)
    expect(headings('9403608040', '2026-08-01')).toEqual(['9903.88.03 25%', '9903.05.31 12.5%']);
    expect(stack('9403608040', '2026-08-01').warnings.map(warningText).join()).not.toMatch(/not confirmed/);
  });
});

describe('Section 122 exemptions split as note 2(aa) splits them', () => {
  it('aircraft-part lines are exempt only when civil aircraft use is claimed (9903.03.05)', () => {
    // aircraft tyres 4011.30.00 (MFN Free) on 2026-03-01, $1,000: Section 122 is 10% = 100.00 unless civil aircraft use is claimed
    const plain = stack('40113000', '2026-03-01');
    expect(plain.duties.map((d) => d.heading)).toContain('9903.03.01');
    const claimed = computeUsDuties(line('40113000', '1000.00', '2026-03-01', { claims: ['civil-aircraft'] }), ledger);
    expect('duty' in claimed && plain.duty.minus(claimed.duty).toFixed(2)).toBe('100.00');
    expect('notApplied' in claimed && claimed.notApplied.map((n) => n.heading + ' ' + n.reason).join()).toMatch(/9903\.03\.01 .*9903\.03\.05/);
  });
});
