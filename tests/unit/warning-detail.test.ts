// A warning line as said on stderr, read back as data with its stable code (JSON's warningDetails).
import { describe, expect, it } from 'vitest';
import { warningDetail } from '../../src/core/warning.js';
import { trippedGates } from '../../src/core/gates.js';
import { Decimal } from '../../src/core/money.js';
import type { SideTotals } from '../../src/core/totals.js';

describe('warningDetail', () => {
  it.each([
    ['the US ledger is reviewed through 2026-07-23; for 2026-12-01 measures taken after that date may be missing', { code: 'ledger-stale' }],
    ['row 5: claim 9903.94.06 not applied: no measure', { code: 'claim-not-applied', rows: [5] }],
    ['rows 2, 3, 4, 5, 6 and 1,203 more: 8542.31.90: unknown list', { code: 'line-notice', rows: [2, 3, 4, 5, 6], moreRows: 1203 }],
    ['rows 8, 9: 7318.15.80.66, 7606.12.30.96: HTSUS 2026 Rev 10 … whose text is not in hand: …', { code: 'measure-unconfirmed', rows: [8, 9] }],
    ['row 1 (header): column "orign" is not a bill column and is not read: did you mean "origin"?', { code: 'header-unknown-column', rows: [1] }],
    ['9903.01.28: the entry cutoff comes from CBP guidance', { code: 'measure-note' }],
    ['something new', { code: 'other' }],
  ])('%s', (text, expected) => {
    expect(warningDetail(text)).toMatchObject(expected);
  });
});

describe('trippedGates', () => {
  const side = (currency: string, customsValue: string, duty: string, effectiveDutyRate: string) =>
    ({ currency, customsValue: new Decimal(customsValue), duty: new Decimal(duty), effectiveDutyRate } as SideTotals);
  const totals = { US: side('USD', '10000.00', '2000.00', '20.00'), CN: side('CNY', '3344.47', '769.23', '23.00') };
  const get = (s: 'US' | 'CN') => totals[s];

  it('gates each side on its rate: 20% passes at 20, 23.00% (769.23 / 3,344.47 = 23.0003%) trips', () => {
    expect(trippedGates(get, new Decimal(20), [])).toEqual(['into CN: the effective duty rate 23.00% exceeds 20%']);
    expect(trippedGates(get, new Decimal(23.01), [])).toEqual([]);
  });

  it('an amount without currency gates each side in its own; with one, only that side', () => {
    expect(trippedGates(get, undefined, [{ amount: new Decimal(1000) }])).toEqual(['into US: the duty 2000.00 USD exceeds 1000.00 USD']);
    expect(trippedGates(get, undefined, [{ amount: new Decimal(500), currency: 'CNY' }])).toEqual(['into CN: the duty 769.23 CNY exceeds 500.00 CNY']);
    expect(trippedGates(get, undefined, [{ amount: new Decimal(2000), currency: 'USD' }])).toEqual([]);
  });
});
