/**
 * Entry fees (DESIGN §6, reference/us-measures.md rows 41-44): MPF per entry, 0.3464% of the entry's value
 * clamped to the fiscal year's minimum and maximum for a formal entry ($2,500 and over), the automated
 * informal fee below $2,500; HMF 0.125% of ocean cargo; both allocated to the entry's lines pro rata by value.
 *   FY2025 (2024-10-01 to 2025-09-30): min 32.71, max 634.62, informal 2.62
 *   FY2026 (2025-10-01 to 2026-09-30): min 33.58, max 651.50, informal 2.69
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, runJson, type RunResult } from './run.js';

const money = (s: string): number => Math.round(Number(s) * 100);

describe('MPF minimum on a formal entry (toys, 2025-04-15, ocean)', () => {
  /*
   * 9503.00.00.90, customs value 5000.00, 2025-04-15:
   *   MFN Free                                   =    0.00
   *   Section 301: toys are on List 4B only (9903.88.16, suspended, never in force) = 0
   *   IEEPA fentanyl 9903.01.24   20% x 5000     = 1000.00
   *   IEEPA reciprocal 9903.01.63 125% x 5000    = 6250.00 (toys are not in Annex II)
   *   duty                                        = 7250.00 (145%)
   *   MPF = max(0.3464% x 5000 = 17.32, 32.71)   =   32.71
   *   HMF = 0.125% x 5000                         =    6.25
   *   landed = 5000 + 7250 + 32.71 + 6.25         = 12288.96
   */
  it('charges 7250.00 duty and the FY2025 minimum MPF 32.71', () => {
    const r = runJson(['calc', fixture('toy-formal.csv'), '--date', '2025-04-15', '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const line = r.json.lines[0];
    expect(line.duty).toBe('7250.00');
    expect(line.effectiveDutyRate).toBe('145.00');
    const byHeading = Object.fromEntries(line.duties.map((d: any) => [d.heading, d.amount]));
    expect(byHeading['9903.01.24']).toBe('1000.00');
    expect(byHeading['9903.01.63']).toBe('6250.00');
    expect(line.duties.some((d: any) => d.program === 'Section 301')).toBe(false);
    expect(r.json.totals.US).toMatchObject({ mpf: '32.71', hmf: '6.25', fees: '38.96', landedCost: '12288.96' });
    expect(line).toMatchObject({ fees: '38.96', landedCost: '12288.96' });
  });
});

describe('informal entries (below $2,500), by air', () => {
  /*
   * toy-informal.csv, --mode air (no HMF), each line its own entry:
   *   I1 1000.00 on 2025-04-15 (FY2025): informal MPF 2.62
   *      duty 20% + 125% = 200.00 + 1250.00 = 1450.00; landed 1000 + 1450 + 2.62 = 2452.62
   *   I2 1000.00 on 2025-10-15 (FY2026): informal MPF 2.69
   *      duty fentanyl 20% (until 2025-11-10) + reciprocal 9903.01.25 10% (from 2025-05-14)
   *      = 200.00 + 100.00 = 300.00; landed 1000 + 300 + 2.69 = 1302.69
   *   B1 2499.99 on 2025-04-15: still below $2,500 -> informal 2.62
   *      fentanyl 20% x 2499.99 = 499.998 -> 500.00; reciprocal 125% x 2499.99 = 3124.9875 -> 3124.99
   *      duty 3624.99; landed 2499.99 + 3624.99 + 2.62 = 6127.60
   *   B2 2500.00 on 2025-04-15: formal ("$2,500 and over", DESIGN §6):
   *      MPF max(0.3464% x 2500 = 8.66, 32.71) = 32.71; duty 500.00 + 3125.00 = 3625.00
   *      landed 2500 + 3625 + 32.71 = 6157.71
   */
  let r: RunResult & { json: any };
  let byEntry: Record<string, any>;
  beforeAll(() => {
    r = runJson(['calc', fixture('toy-informal.csv'), '--mode', 'air', '--format', 'json']);
    byEntry = Object.fromEntries(r.json.lines.map((l: any) => [l.sku.replace('TOY-', ''), l]));
  });

  it('prices every line and exits 0', () => {
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.lines).toHaveLength(4);
    expect(r.json.rejected).toEqual([]);
  });

  it('FY2025 informal MPF is 2.62 (1000.00 on 2025-04-15)', () => {
    expect(byEntry.I1).toMatchObject({ date: '2025-04-15', duty: '1450.00', fees: '2.62', landedCost: '2452.62' });
  });

  it('FY2026 informal MPF is 2.69 (1000.00 on 2025-10-15)', () => {
    expect(byEntry.I2).toMatchObject({ date: '2025-10-15', duty: '300.00', fees: '2.69', landedCost: '1302.69' });
    const byHeading = Object.fromEntries(byEntry.I2.duties.map((d: any) => [d.heading, d.amount]));
    expect(byHeading['9903.01.24']).toBe('200.00');
    expect(byHeading['9903.01.25']).toBe('100.00');
  });

  it('2499.99 is informal; duties rounded half up per measure (499.998 -> 500.00, 3124.9875 -> 3124.99)', () => {
    expect(byEntry.B1).toMatchObject({ duty: '3624.99', fees: '2.62', landedCost: '6127.60' });
    const byHeading = Object.fromEntries(byEntry.B1.duties.map((d: any) => [d.heading, d.amount]));
    expect(byHeading['9903.01.24']).toBe('500.00');
    expect(byHeading['9903.01.63']).toBe('3124.99');
  });

  it('2500.00 is formal and pays the minimum 32.71', () => {
    expect(byEntry.B2).toMatchObject({ duty: '3625.00', fees: '32.71', landedCost: '6157.71' });
  });

  it('totals: no HMF by air; MPF 2.62 + 2.69 + 2.62 + 32.71 = 40.64', () => {
    expect(r.json.totals.US).toMatchObject({ hmf: '0.00', mpf: '40.64', duty: '8999.99' });
    // duty 1450.00 + 300.00 + 3624.99 + 3625.00 = 8999.99
  });
});

describe('fee allocation over the lines of an entry (smartphones, 2025-04-15, ocean)', () => {
  it('one entry (the default): MPF 51.96 split 34.64 / 17.32, HMF 18.75 split 12.50 / 6.25', () => {
    /*
     * entry value 10000 + 5000 = 15000
     * MPF 0.3464% x 15000 = 51.96 (inside [32.71, 634.62]); pro rata 2/3 and 1/3: 34.64 / 17.32
     * HMF 0.125% x 15000 = 18.75; pro rata: 12.50 / 6.25
     * duty 20%: 2000.00 / 1000.00
     * landed: 10000 + 2000 + 34.64 + 12.50 = 12047.14 ; 5000 + 1000 + 17.32 + 6.25 = 6023.57
     */
    const r = runJson(['calc', fixture('two-lines-one-entry.csv'), '--date', '2025-04-15', '--mode', 'ocean', '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const [a, b] = r.json.lines;
    expect(a).toMatchObject({ row: 2, duty: '2000.00', fees: '47.14', landedCost: '12047.14' });
    expect(b).toMatchObject({ row: 3, duty: '1000.00', fees: '23.57', landedCost: '6023.57' });
    expect(r.json.totals.US).toMatchObject({ customsValue: '15000.00', duty: '3000.00', mpf: '51.96', hmf: '18.75', fees: '70.71', landedCost: '18070.71' });
    // the entry's fees split pro rata over its lines (10,000 : 5,000)
    expect([a.mpf, b.mpf]).toEqual(['34.64', '17.32']);
    expect([a.hmf, b.hmf]).toEqual(['12.50', '6.25']);
  });

  it('two entries (entry column): MPF 34.64 and the minimum 32.71', () => {
    /*
     * E1: 10000 -> MPF 34.64, HMF 12.50, fees 47.14, landed 12047.14
     * E2:  5000 -> MPF max(17.32, 32.71) = 32.71, HMF 6.25, fees 38.96, landed 5000 + 1000 + 38.96 = 6038.96
     * totals: MPF 67.35, HMF 18.75, fees 86.10, landed 18086.10
     */
    const r = runJson(['calc', fixture('two-lines-two-entries.csv'), '--date', '2025-04-15', '--mode', 'ocean', '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const [a, b] = r.json.lines;
    expect(a).toMatchObject({ row: 2, fees: '47.14', landedCost: '12047.14' });
    expect(b).toMatchObject({ row: 3, fees: '38.96', landedCost: '6038.96' });
    expect(r.json.totals.US).toMatchObject({ mpf: '67.35', hmf: '18.75', fees: '86.10', landedCost: '18086.10' });
  });

  it('the allocated cents add up exactly to the entry fee (32.71 over three equal lines)', () => {
    /*
     * 3 x 1000.00 in one entry: MPF 0.3464% x 3000 = 10.39 -> minimum 32.71; 32.71 / 3 = 10.9033...
     * so the parts are 10.90, 10.90, 10.90 plus one leftover cent: they must sum to 32.71 exactly.
     * HMF 0.125% x 3000 = 3.75 -> 1.25 each.
     */
    const r = runJson(['calc', fixture('three-equal-lines.csv'), '--date', '2025-04-15', '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.totals.US).toMatchObject({ mpf: '32.71', hmf: '3.75', fees: '36.46' });
    const fees = r.json.lines.map((l: any) => money(l.fees));
    expect(fees.reduce((x: number, y: number) => x + y, 0)).toBe(3646);
    // each line: 10.90 or 10.91 MPF + 1.25 HMF
    for (const f of fees) expect([1215, 1216]).toContain(f);
    expect(fees.filter((f: number) => f === 1216)).toHaveLength(1);
  });
});
