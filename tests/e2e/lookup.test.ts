/**
 * tariff lookup: the rate stack of one code on a date.
 *
 * 6110.20.20.79 (cotton sweaters; MFN of 6110.20.20 is 16.5%, Section 301 List 4A 9903.88.15 at 7.5%):
 *   2025-01-15: 16.5 + 7.5                                       =  24%
 *   2025-04-15: 16.5 + 20 (fentanyl 9903.01.24) + 125 (reciprocal 9903.01.63) + 7.5 = 169%
 *   2026-03-01: IEEPA ended 2026-02-24; Section 122 9903.03.01 10% from 2026-02-24:
 *               16.5 + 7.5 + 10                                  =  34%
 */
import { describe, expect, it } from 'vitest';
import { ANSI, run, runJson } from './run.js';

describe('tariff lookup --format json', () => {
  it('8517.13.00.00 on 2025-04-15: fentanyl 9903.01.24 at 20%, reciprocal 9903.01.63 not applied', () => {
    const r = runJson(['lookup', '8517.13.00.00', '--date', '2025-04-15', '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const headings = r.json.measures.map((m: any) => m.heading);
    expect(r.json.measures.find((m: any) => m.heading === '9903.01.24')).toMatchObject({ program: 'IEEPA fentanyl', rate: '20%' });
    expect(headings).not.toContain('9903.01.63');
    const reciprocal = r.json.notApplied.find((n: any) => n.heading === '9903.01.63');
    expect(reciprocal).toBeDefined();
    expect(reciprocal.reason).toMatch(/Annex II/);
    // MFN Free + 20% fentanyl
    expect(r.json.totalAdValorem).toBe('20%');
  });

  it.each([
    ['2025-01-15', '24%', ['9903.88.15']],
    ['2025-04-15', '169%', ['9903.01.24', '9903.01.63', '9903.88.15']],
    ['2026-03-01', '34%', ['9903.88.15', '9903.03.01']],
  ])('6110.20.20.79 on %s: total ad valorem %s', (date, total, headings) => {
    const r = runJson(['lookup', '6110.20.20.79', '--date', date, '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.mfn.rate).toBe('16.5%');
    expect(r.json.measures.map((m: any) => m.heading).sort()).toEqual([...headings].sort());
    expect(r.json.totalAdValorem).toBe(total);
  });
});

describe('tariff lookup without --format (not a terminal)', () => {
  // lookup.ts: parseFormat defaults to "csv" off a terminal, and lookup renders every format other than
  // json/ndjson as its text table, so piped lookup output is the readable table.
  it('prints the heading, the rate and the legal source, without colour codes', () => {
    const r = run(['lookup', '8517.13.00.00', '--date', '2025-04-15']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('8517.13.00.00');
    expect(r.stdout).toContain('9903.01.24');
    expect(r.stdout).toContain('20%');
    expect(r.stdout).toContain('EO 14228');
    expect(r.stdout).toContain('9903.01.63');
    expect(r.stdout).toMatch(/Annex II/);
    expect(r.stdout).toMatch(/Total ad valorem: 20%/);
    expect(r.stdout).not.toMatch(ANSI);
    expect(r.stderr).not.toMatch(ANSI);
  });
});
