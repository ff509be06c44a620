import { describe, expect, it } from 'vitest';
import { run, runJson } from './run.js';

// E4, a real CBP Form 7501 of 2026-09-18 (measures-2026-checked.md §1): 7326.90.8688, $14,172.00:
// 9903.88.03 25% 3,543.00; 9903.05.90 (note 52(f): a Section 232 metals article) 0.00; 9903.82.02 50% 7,086.00;
// MFN 2.9% 410.99 (410.988); line duty 11,039.99
const E4 = 'sku,hts,value,date\nE4,7326.90.86.88,14172.00,2026-09-18\n';

describe('--format 7501: each line in CBP reporting order', () => {
  it('prints the Chapter 99 lines first and the Chapter 1-97 line last, with rate and amount', () => {
    const r = run(['calc', '-', '--format', '7501'], E4);
    expect(r.status, r.stderr).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => /^\s+\d{4}\.\d{2}\.\d{2}/.test(l)).map((l) => l.trim().split(/\s+/));
    expect(rows.map((x) => [x[0], x[1], x[3]])).toEqual([
      ['9903.88.03', '25%', '3543.00'], ['9903.05.90', 'exempt', '0.00'], ['9903.82.02', '50%', '7086.00'], ['7326.90.86.88', '2.9%', '410.99'],
    ]);
    expect(r.stdout).toMatch(/line duty\s+11039\.99/);
  });
  it('puts the forced-labor line after the China 301 line and MFN last, in the 7501 and in --explain', () => {
    // 4202.92.31.20 backpack, $10,000, 2026-10-01 (measures-2026-checked.md §1): 9903.88.03 2,500; 9903.05.31 1,250; MFN 17.6% 1,760
    const bill = 'hts,value,date\n4202.92.31.20,10000.00,2026-10-01\n';
    const r = run(['calc', '-', '--format', '7501'], bill);
    const rows = r.stdout.split('\n').filter((l) => /^\s+\d{4}\.\d{2}\.\d{2}/.test(l)).map((l) => l.trim().split(/\s+/));
    expect(rows.map((x) => [x[0], x[3]])).toEqual([['9903.88.03', '2500.00'], ['9903.05.31', '1250.00'], ['4202.92.31.20', '1760.00']]);
    const explain = run(['calc', '-', '--format', 'table', '--explain'], bill);
    const applied = explain.stdout.split('\n').filter((l) => /^\s+applied\s/.test(l)).map((l) => l.match(/\d{4}\.\d{2}\.\d{2}(\.\d{2})?/)![0]);
    expect(applied).toEqual(['9903.88.03', '9903.05.31', '4202.92.31.20']);
  });
  it('reports the exemption heading of a measure that did not apply, at zero (smartphone, 9903.01.32)', () => {
    const r = run(['calc', '-', '--format', '7501', '--date', '2025-04-15'], 'hts,value\n8517.13.00.00,10000.00\n');
    expect(r.stdout).toMatch(/9903\.01\.24\s+20%\s+10000\.00\s+2000\.00/);
    expect(r.stdout).toMatch(/9903\.01\.32\s+exempt\s+10000\.00\s+0\.00/);
  });
});

describe('bill columns of the US rules', () => {
  it('metal_value, us_content_value, loaded_on and claims reach the engine from a CSV', () => {
    const bill = [
      'row_id,hts,value,metal_value,us_content_value,loaded_on,claims,date',
      // steel content 400 on $1,000 of office furniture: 200 + 250 + 200 + 10% x 600 = 710
      'a,9403.10.00,1000.00,400.00,,,,2025-09-01',
      // sweaters loaded 2025-04-08 by vessel: 165 + 200 + 75 + 10% = 540
      'b,6110.20.20.79,1000.00,,,2025-04-08,,2025-04-15',
      // US content 300: 165 + 200 + 75 + 10% x 700 = 510
      'c,6110.20.20.79,1000.00,,300.00,,,2025-06-01',
      // exclusion claimed outside its scope: refused, 301 charged
      'd,6110.20.20.79,1000.00,,,,9903.88.69,2025-06-01',
    ].join('\n') + '\n';
    const r = runJson(['calc', '-', '--format', 'json'], bill);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.lines.map((l: any) => l.duty)).toEqual(['710.00', '540.00', '510.00', '540.00']);
    expect(r.json.lines[3].rejectedClaims).toEqual([{ claim: '9903.88.69', reason: '6110.20.20.79 is not in the scope of 9903.88.69' }]);
    expect(r.stderr).toMatch(/row 5: claim 9903\.88\.69 not applied/);
  });
  it('a metal-content line without metal_value is a rejected row naming the column (exit 3)', () => {
    const r = run(['calc', '-', '--format', 'json'], 'hts,value,date\n9403.10.00,1000.00,2025-09-01\n');
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/row 2, column metal_value: .*metal_value column/);
  });
  it('--explain names the rule that excluded each measure', () => {
    const r = run(['calc', '-', '--format', 'table', '--explain'], 'hts,value,date\n8703.23.01,10000.00,2025-06-01\n');
    expect(r.stdout).toMatch(/not applied IEEPA reciprocal 9903\.01\.25: Section 232 article.*\[9903\.94\.01 Section 232 autos applies\]; reported under 9903\.01\.33/);
  });
});

describe('--mode postal', () => {
  it('prices a postal item with the postal duty of its date and rejects a date it cannot price', () => {
    const r = runJson(['calc', '-', '--mode', 'postal', '--format', 'json'], 'hts,value,date\n6110.20.20.79,100.00,2025-06-01\n6110.20.20.79,100.00,2025-03-01\n');
    expect(r.status).toBe(3);
    expect(r.json.lines[0].duty).toBe('54.00'); // 54% of 100 (EO 14298), in place of every other duty
    expect(r.json.rejected[0]).toMatchObject({ row: 3, column: 'date' });
  });
});
