// Warnings are typed where they are made (code, row, subject); said once per text, as text and as data (JSON's warningDetails).
import { describe, expect, it } from 'vitest';
import { priceLine } from '../../src/core/bill.js';
import { staleWarnings } from '../../src/core/stale.js';
import type { BillLine, LineResult } from '../../src/core/types.js';
import { warningText, type Warning } from '../../src/core/warning.js';
import { WarningCollector, saidText, warningDetail } from '../../src/core/warning-summary.js';
import { loadLedger } from '../../src/rates/load.js';
import { line } from './bill-line.js';
import { trippedGates } from '../../src/core/gates.js';
import { Decimal } from '../../src/core/money.js';
import { parseRate } from '../../src/core/rate.js';
import type { SideTotals } from '../../src/core/totals.js';

const ledger = loadLedger();
const priced = (l: BillLine) => priceLine(l, ledger) as LineResult;

describe('warnings are made with their code, row and subject', () => {
  it('a claim that exempts from nothing: claim-not-applied on its row', () => {
    // 8471.30.01.00 on 2025-04-15 pays no Section 232 auto-parts duty: claiming its exemption 9903.94.06 does nothing
    const r = priced(line('8471300100', '1000.00', '2025-04-15', { row: 5, claims: ['9903.94.06'] }));
    const claim = r.warnings.find((w) => w.code === 'claim-not-applied');
    expect(claim).toMatchObject({ row: 5, text: expect.stringMatching(/^claim 9903\.94\.06 not applied: /) });
    expect(warningText(claim!)).toMatch(/^row 5: claim 9903\.94\.06 not applied: /);
  });
  it('a code whose leading zero a spreadsheet dropped: hts-leading-zero on its row', () => {
    const r = priced(line('9012100', '100.00', '2025-04-15', { row: 3 }));
    expect(r.warnings).toContainEqual({ code: 'hts-leading-zero', row: 3, text: 'hts 9012100 read as 0901.21.00: a spreadsheet drops the leading zero of a code; keep the column as text' });
  });
  it('a Chinese line whose VAT is not known: vat-assumed, about its row and code', () => {
    const r = priced(line('99999999', '100.00', '2025-06-01', { row: 4, into: 'CN', origin: 'US', currency: 'CNY', mfnRate: parseRate('5%')! }));
    expect(r.warnings.find((w) => w.code === 'vat-assumed')).toMatchObject({ row: 4, subject: '9999.99.99', text: expect.stringMatching(/^import VAT 13% assumed: /) });
  });
  it('a date after the reviewed-through date: ledger-stale, about no row', () => {
    expect(staleWarnings({ US: '2026-07-23' }, ['2026-12-01'], ['US'])).toEqual([
      { code: 'ledger-stale', text: 'the US ledger is reviewed through 2026-07-23; for 2026-12-01 measures taken after that date may be missing' }]);
  });
});

describe('a said warning as text and as data', () => {
  const said = (warnings: Warning[]) => {
    const c = new WarningCollector();
    for (const w of warnings) c.add(w);
    return c.summary();
  };
  it('one text over many rows and codes: the first five of each and how many more', () => {
    const many = Array.from({ length: 1208 }, (_, i): Warning => ({ code: 'line-notice', row: i + 2, subject: '8542.31.90', text: 'unknown list' }));
    const [s] = said(many);
    expect(saidText(s!)).toBe('rows 2, 3, 4, 5, 6 and 1,203 more: 8542.31.90: unknown list');
    expect(warningDetail(s!)).toEqual({ code: 'line-notice', rows: [2, 3, 4, 5, 6], moreRows: 1203, text: '8542.31.90: unknown list' });
  });
  it('two codes with one text about the ledger: said once, with both codes and no row', () => {
    const [s] = said([{ code: 'measure-unconfirmed', subject: '7318.15.80.66', text: 'whose text is not in hand' }, { code: 'measure-unconfirmed', subject: '7606.12.30.96', text: 'whose text is not in hand' }]);
    expect(warningDetail(s!)).toEqual({ code: 'measure-unconfirmed', text: '7318.15.80.66, 7606.12.30.96: whose text is not in hand' });
  });
  it('the header row', () => {
    const [s] = said([{ code: 'header-unknown-column', header: true, text: 'column "orign" is not a bill column and is not read: did you mean "origin"?' }]);
    expect(saidText(s!)).toBe('row 1 (header): column "orign" is not a bill column and is not read: did you mean "origin"?');
    expect(warningDetail(s!)).toMatchObject({ code: 'header-unknown-column', rows: [1] });
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
