/**
 * A specific MFN rate needs a quantity (DESIGN §3, §6).
 *
 * 0201.10.05 (beef carcasses, general note 15): column 1 general "4.4¢/kg" (HTSUS, unit kg).
 * Section 301 List 4A (9903.88.15, 7.5%) covers 0201.10.05. On 2025-01-15 no IEEPA duty is in force yet
 * (fentanyl from 2025-02-04), so for customs value 5000.00 and 1234.5 kg:
 *   MFN      4.4¢/kg x 1234.5 kg = $0.044 x 1234.5 = 54.318 -> 54.32 (half up)
 *   301      7.5% x 5000.00                         = 375.00
 *   duty                                            = 429.32
 *   MPF      max(0.3464% x 5000 = 17.32, 32.71)     =  32.71 (the rejected row is in no entry)
 *   HMF      0.125% x 5000                          =   6.25
 *   landed   5000 + 429.32 + 32.71 + 6.25           = 5468.28
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, runJson, type RunResult } from './run.js';

describe('specific MFN rate (0201.10.05, 4.4¢/kg, 2025-01-15)', () => {
  let r: RunResult & { json: any };
  beforeAll(() => {
    r = runJson(['calc', fixture('beef-specific.csv'), '--date', '2025-01-15', '--format', 'json']);
  });

  it('rejects the row without a quantity (exit 3), naming the quantity column', () => {
    expect(r.status, r.stderr).toBe(3);
    expect(r.json.rejected).toEqual([expect.objectContaining({ row: 2, column: 'quantity' })]);
    expect(r.json.rejected[0].message).toMatch(/kg/);
    expect(r.stderr).toMatch(/row 2, column quantity/);
  });

  it('prices the row with a quantity: MFN 54.32 + 301 375.00 = 429.32', () => {
    expect(r.json.lines).toHaveLength(1);
    const line = r.json.lines[0];
    expect(line).toMatchObject({ row: 3, hts: '0201.10.05', customsValue: '5000.00' });
    const mfn = line.duties.find((d: any) => d.program === 'MFN');
    expect(mfn).toMatchObject({ rate: '4.4¢/kg', amount: '54.32' });
    const s301 = line.duties.find((d: any) => d.heading === '9903.88.15');
    expect(s301).toMatchObject({ program: 'Section 301', rate: '7.5%', amount: '375.00' });
    expect(line.duties).toHaveLength(2);
    expect(line.duty).toBe('429.32');
    // 429.32 / 5000 = 8.5864% -> 8.59
    expect(line.effectiveDutyRate).toBe('8.59');
    expect(line).toMatchObject({ fees: '38.96', landedCost: '5468.28' });
    expect(r.json.totals.US).toMatchObject({ mpf: '32.71', hmf: '6.25', duty: '429.32' });
  });
});
