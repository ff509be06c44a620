/** The library entry point (src/index.ts): what it exports is a promise to its users, pinned here. */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';

describe('library API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual(['BUILT_IN_RATES', 'BillError', 'Decimal', 'LedgerError', 'WARNING_CODES', 'loadLedger', 'priceBill', 'priceLine', 'readBill', 'streamBill', 'warningText', 'withScenarios']);
  });

  it('reads a bill from a CSV stream or from records, and prices it', async () => {
    const ledger = api.loadLedger();
    const csv = await api.readBill(Readable.from(['hts,value,entry\n', '8517.13.00.00,10000.00,E1\n9999,abc,E1\n']), { date: '2025-04-15' });
    const records = await api.readBill([{ hts: '8517.13.00.00', value: 10000, entry: 'E1' }, { hts: '9999', value: 'abc', entry: 'E1' }], { date: '2025-04-15' });
    for (const { lines, rejected } of [csv, records]) {
      expect(lines).toHaveLength(1);
      expect(rejected.map((r) => [r.row, r.column])).toEqual([[3, 'hts'], [3, 'value']]);
      const bill = api.priceBill(lines, ledger);
      // 10,000.00 on 2025-04-15: IEEPA fentanyl 20% (9903.01.24) = 2,000.00; smartphones out of the reciprocal
      // tariff (9903.01.32); MPF 0.3464% = 34.64; HMF 0.125% = 12.50; landed 12,047.14
      const [r] = bill.lines;
      expect([r!.duty.toFixed(2), r!.mpf.toFixed(2), r!.hmf.toFixed(2), r!.landedCost.toFixed(2)]).toEqual(['2000.00', '34.64', '12.50', '12047.14']);
      expect(r!.duties.map((d) => d.heading)).toContain('9903.01.24');
    }
  });

  it('streams rows one at a time, and a bill-level problem is a BillError', async () => {
    const rows = [];
    for await (const r of api.streamBill(Readable.from(['hts,value\n8517.13.00.00,1\n']), { date: '2025-04-15' })) rows.push(r.row);
    expect(rows).toEqual([2]);
    await expect(api.readBill(Readable.from(['value\n1\n']))).rejects.toBeInstanceOf(api.BillError);
    await expect(api.readBill([], { date: '2024-12-31' })).rejects.toThrow(/not a date from 2025-01-01/);
    await expect(api.readBill([{ hts: '8517.13.00.00', value: '1' }], { fx: { 'EUR:USD': '0' } })).rejects.toThrow(/not an exchange rate/);
  });

  it('gives warnings as data, with a stable code', async () => {
    // row 2 claims 9903.94.06 (auto parts), which exempts a smartphone from nothing
    const { lines } = await api.readBill([{ hts: '8517.13.00.00', value: '100.00', claims: '9903.94.06' }], { date: '2025-04-15' });
    const claim = api.priceBill(lines, api.loadLedger()).warnings.find((w) => w.code === 'claim-not-applied');
    expect(claim).toMatchObject({ row: 2, text: expect.stringMatching(/^claim 9903\.94\.06 not applied: /) });
    expect(api.warningText(claim!)).toMatch(/^row 2: claim 9903\.94\.06 not applied: /);
    expect(api.WARNING_CODES).toContain(claim!.code);
  });

  it('prices one line without fees', async () => {
    const { lines } = await api.readBill([{ hts: '8517.13.00.00', value: '100.00' }], { date: '2025-04-15' });
    const r = api.priceLine(lines[0]!, api.loadLedger());
    expect('duty' in r && r.duty.toFixed(2)).toBe('20.00');
  });
});
