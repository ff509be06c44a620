// Issue 6: margins, timelines, ledger diffs, scenarios and refunds, worked by hand.
import { describe, expect, it } from 'vitest';
import { priceBill } from '../../src/core/bill.js';
import { ledgerDiff } from '../../src/core/ledger-diff.js';
import { unitEconomics } from '../../src/core/margin.js';
import { Decimal } from '../../src/core/money.js';
import { ieepaRefunds } from '../../src/core/refund.js';
import { rateTimeline } from '../../src/core/timeline.js';
import { loadLedger } from '../../src/rates/load.js';
import { applyScenario } from '../../src/rates/scenario.js';
import { LedgerError } from '../../src/rates/load.js';
import { line } from './bill-line.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ledger = loadLedger();
const d = (s: string) => new Decimal(s);

describe('per-unit landed cost and margins', () => {
  // toys 9503.00.00.90, $1,000, 100 units, 2025-04-15: fentanyl 200 + reciprocal 1,250 = 1,450; informal MPF 2.62; HMF 1.25
  const r = priceBill([line('9503000090', '1000.00', '2025-04-15', { quantity: d('100'), price: d('25.00') })], ledger).lines[0]!;
  it('landed 2,453.87: 24.54 a unit, 10.04 before the additional duties', () => {
    expect(r.landedCost.toFixed(2)).toBe('2453.87');
    const u = unitEconomics(r)!;
    expect([u.unitLandedCost, u.unitCostBeforeTariffs].map((x) => x.toFixed(2))).toEqual(['24.54', '10.04']);
  });
  it('at 25.00 a unit the margin falls from 59.85% to 1.85%; 40% needs 40.90 (24.5387 / 0.6, up to the cent)', () => {
    const u = unitEconomics(r, d('40'))!;
    expect([u.marginBefore, u.marginAfter, u.targetPrice!.toFixed(2)]).toEqual(['59.85', '1.85', '40.90']);
  });
  it('20% needs 30.68, not the half-up 30.67 (24.5387 / 0.8 = 30.673375; at 30.67 the margin would be 19.99%)', () => {
    expect(unitEconomics(r, d('20'))!.targetPrice!.toFixed(2)).toBe('30.68');
  });
  it('no quantity, no per-unit figures', () => {
    expect(unitEconomics(priceBill([line('9503000090', '1000.00', '2025-04-15')], ledger).lines[0]!)).toBeUndefined();
  });
});

describe('rate timeline', () => {
  it('6110.20.20.79 from 24% through the 169% of April 2025 and back (us-measures.md §1 headline check)', () => {
    const points = rateTimeline({ side: 'US', code: '6110202079', origin: 'CN', claims: [] }, d('16.5'), ledger, '2025-01-01', '2026-08-01');
    expect(points.map((p) => `${p.from} ${p.total.toString()}`)).toEqual([
      '2025-01-01 24', '2025-02-04 34', '2025-03-04 44', '2025-04-05 54', '2025-04-09 128', '2025-04-10 169',
      '2025-05-14 54', '2025-11-10 44', '2026-02-24 34', '2026-07-24 36.5',
    ]);
    expect(points[5]!.changes).toEqual(['IEEPA reciprocal 84% -> 125% (9903.01.63)']);
  });
  it('China: soybeans step at Beijing times', () => {
    const points = rateTimeline({ side: 'CN', code: '12019019', origin: 'US', claims: ['cn-exclusion'] }, d('3'), ledger, '2025-04-01', '2025-06-01');
    expect(points.map((p) => `${p.from} ${p.total.toString()}`)).toEqual(['2025-04-01 13', '2025-04-10T12:01 97', '2025-04-12 138', '2025-05-14T12:01 23']);
  });
});

describe('ledger diff', () => {
  it('April 2025 into the US: autos start, the reciprocal starts and steps up', () => {
    const changes = ledgerDiff(ledger.measures, 'US', '2025-04-01', '2025-04-30').map((c) => `${c.at} ${c.kind} ${c.heading} ${c.previousRate ?? ''}${c.rate}`);
    expect(changes).toEqual(expect.arrayContaining([
      '2025-04-03 started 9903.94.01 25%', '2025-04-05 started 9903.01.25 10%', '2025-04-09 changed 9903.01.63 10%84%', '2025-04-10 changed 9903.01.63 84%125%',
    ]));
  });
  it('November 2025 into China: No. 2 ends at 13:01', () => {
    const changes = ledgerDiff(ledger.measures, 'CN', '2025-11-01', '2025-11-30');
    expect(changes.map((c) => `${c.at} ${c.kind} ${c.heading}`)).toEqual(['2025-11-10T13:01 ended 税委会公告2025年第2号', '2025-11-10T13:01 ended 税委会公告2025年第2号']);
  });
});

describe('scenarios', () => {
  it('Section 301 List 3 at 50% from 2027-01-01 doubles the 301 duty of a List 3 article from then only', () => {
    const s = applyScenario('examples/scenarios/us-301-list3-50.json', ledger);
    // 9403.20.00.50 (MFN Free, List 3), $1,000: 301 at 25% or 50%, plus the forced-labor 301 at 12.5% = 125.00
    const on = (l: typeof ledger, date: string) => priceBill([line('9403200050', '1000.00', date)], l).lines[0]!.duty.toFixed(2);
    expect([on(ledger, '2027-02-01'), on(s, '2027-02-01'), on(s, '2026-12-01')]).toEqual(['375.00', '625.00', '375.00']);
  });
  it('the Chinese suspension extended to 2027-01-10 keeps soybeans at 13% in December 2026 (37% without it)', () => {
    const s = applyScenario('examples/scenarios/cn-suspension-extended.json', ledger);
    const rate = (l: typeof ledger) => priceBill([line('12019019', '1000.00', '2026-12-01', { into: 'CN', origin: 'US', currency: 'CNY', claims: ['cn-exclusion'] })], l).lines[0]!.duty.toFixed(2);
    expect([rate(ledger), rate(s)]).toEqual(['370.00', '130.00']);
  });
  it('a scenario is validated like the ledger: file, entry and field of every problem', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scn-')), 'bad.json');
    fs.writeFileSync(file, JSON.stringify({ scenario: 'bad', remove: ['no-such-id'], change: [{ id: 'us-301-list3', set: { rate: 'fifty', colour: 'red' } }] }));
    try {
      applyScenario(file, ledger);
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(LedgerError);
      expect((e as LedgerError).issues.map((i) => `${i.entry} ${i.field}`)).toEqual(['remove no-such-id id', 'change[0] set.colour', 'change[0] set.rate']);
    }
  });
});

describe('IEEPA refunds', () => {
  it('entries before 2026-02-24 paid IEEPA duties; an entry after paid none', () => {
    const lines = priceBill([
      line('8517130000', '10000.00', '2025-04-15', { entry: 'A' }), // fentanyl 20% = 2,000 (9903.01.24)
      line('6110202079', '1000.00', '2025-04-15', { entry: 'A' }), // fentanyl 200 + reciprocal 125% 1,250 (9903.01.63)
      line('9503000090', '5000.00', '2025-10-01', { entry: 'B', liquidatedOn: '2026-08-20' }), // fentanyl 1,000 + reciprocal 10% 500 (9903.01.25)
      line('9503000090', '5000.00', '2026-03-02', { entry: 'C' }), // after Learning Resources: none
    ], ledger).lines;
    const r = ieepaRefunds(lines, ledger.refund, '2026-09-01');
    expect(r.total.toFixed(2)).toBe('4950.00');
    expect(Object.fromEntries([...r.byHeading].map(([h, a]) => [h, a.toFixed(2)]))).toEqual({ '9903.01.24': '3200.00', '9903.01.63': '1250.00', '9903.01.25': '500.00' });
    expect(r.entries.map((e) => [e.entry, e.ieepa.toFixed(2)])).toEqual([['A', '3450.00'], ['B', '1500.00'], ['C', '0.00']]);
    expect(r.entries[1]!.route).toMatch(/within 80 days.*68 days left/);
    expect(ieepaRefunds(lines, ledger.refund, '2026-12-01').entries[1]!.route).toMatch(/outside CAPE Phase 1/);
  });
});
