/**
 * The known answer (DESIGN §4 example): one smartphone line, 8517.13.00.00, customs value 10000.00,
 * entered 2025-04-15, China origin.
 *
 *   MFN (8517.13.00.00, column 1 general)   Free                       =     0.00
 *   IEEPA fentanyl 9903.01.24 (from 2025-03-04)   20% x 10000.00       =  2000.00
 *   IEEPA reciprocal 9903.01.63 (125% from 2025-04-10): not applied, smartphones are in Annex II
 *     (the electronics memo of 2025-04-11, reported under 9903.01.32)
 *   Section 301: 8517.13 is on no list in force                        =     0.00
 *   duty                                                               =  2000.00
 *   MPF FY2025: 0.3464% x 10000.00 = 34.64, inside [32.71, 634.62]     =    34.64
 *   HMF (ocean): 0.125% x 10000.00                                     =    12.50
 *   fees = 34.64 + 12.50                                               =    47.14
 *   landed cost = 10000.00 + 2000.00 + 47.14                           = 12047.14
 *   effective duty rate = 2000 / 10000                                 =    20.00 %
 * By air there is no HMF: fees 34.64, landed cost 10000 + 2000 + 34.64 = 12034.64.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import { fixture, run, runJson, type RunResult } from './run.js';

const SMARTPHONE = fixture('smartphone.csv');

describe('tariff calc: the known answer (smartphone, 2025-04-15)', () => {
  let ocean: RunResult;
  let doc: any;
  let line: any;
  beforeAll(() => {
    const r = runJson(['calc', SMARTPHONE, '--date', '2025-04-15', '--mode', 'ocean', '--format', 'json']);
    ocean = r;
    doc = r.json;
    line = doc.lines?.[0];
  });

  it('exits 0 and writes only JSON on stdout', () => {
    expect(ocean.status, ocean.stderr).toBe(0);
    expect(doc.schema).toBe('tariff-impact/result@1');
    expect(ocean.stdout.trim().startsWith('{')).toBe(true);
    expect(ocean.stdout.trim().endsWith('}')).toBe(true);
  });

  it('has the document fields of DESIGN §4', () => {
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(['schema', 'query', 'ledger', 'lines', 'totals', 'rejected', 'warnings']));
    expect(doc.query).toMatchObject({ date: '2025-04-15', mode: 'ocean' });
    expect(typeof doc.ledger.edition).toBe('string');
    expect(doc.ledger.edition.length).toBeGreaterThan(0);
    expect(doc.ledger.reviewedThrough.US).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(doc.rejected).toEqual([]);
    expect(doc.lines).toHaveLength(1);
    // only the side that has lines has a totals key
    expect(Object.keys(doc.totals)).toEqual(['US']);
  });

  it('has the line fields of DESIGN §4 with their exact names', () => {
    expect(Object.keys(line)).toEqual(expect.arrayContaining([
      'row', 'hts', 'into', 'origin', 'date', 'currency', 'customsValue', 'duties', 'notApplied',
      'duty', 'fees', 'taxes', 'landedCost', 'effectiveDutyRate',
    ]));
    expect(line).toMatchObject({
      row: 2, hts: '8517.13.00.00', into: 'US', origin: 'CN', date: '2025-04-15', currency: 'USD', customsValue: '10000.00',
    });
    for (const d of line.duties) {
      expect(Object.keys(d)).toEqual(expect.arrayContaining(['program', 'heading', 'rate', 'base', 'amount', 'source']));
      expect(d.amount).toMatch(/^\d+\.\d{2}$/);
      expect(d.base).toMatch(/^\d+\.\d{2}$/);
    }
  });

  it('charges IEEPA fentanyl 9903.01.24 at 20% on 10000.00 = 2000.00', () => {
    const fentanyl = line.duties.find((d: any) => d.heading === '9903.01.24');
    expect(fentanyl).toMatchObject({ program: 'IEEPA fentanyl', rate: '20%', base: '10000.00', amount: '2000.00' });
    expect(fentanyl.source).toContain('EO 14228');
    expect(fentanyl.source).toContain('90 FR 11426');
    // the other duties (MFN Free) add nothing
    const others = line.duties.filter((d: any) => d.heading !== '9903.01.24');
    for (const d of others) expect(d.amount).toBe('0.00');
    expect(line.duty).toBe('2000.00');
  });

  it('does not apply the reciprocal 9903.01.63 and says why (Annex II)', () => {
    expect(line.duties.map((d: any) => d.heading)).not.toContain('9903.01.63');
    const reciprocal = line.notApplied.find((n: any) => n.heading === '9903.01.63');
    expect(reciprocal).toBeDefined();
    expect(reciprocal.program).toBe('IEEPA reciprocal');
    expect(reciprocal.reason).toMatch(/Annex II/);
  });

  it('prices fees and landed cost: 34.64 + 12.50 = 47.14; 10000 + 2000 + 47.14 = 12047.14', () => {
    expect(line).toMatchObject({ fees: '47.14', taxes: '0.00', landedCost: '12047.14', effectiveDutyRate: '20.00' });
  });

  it('totals the US side: duty 2000.00, MPF 34.64, HMF 12.50', () => {
    expect(doc.totals.US).toMatchObject({
      currency: 'USD', customsValue: '10000.00', duty: '2000.00', mpf: '34.64', hmf: '12.50', fees: '47.14',
      landedCost: '12047.14', effectiveDutyRate: '20.00',
    });
    expect(doc.totals.US.byProgram['IEEPA fentanyl']).toBe('2000.00');
    expect(doc.totals.US.byProgram['IEEPA reciprocal']).toBeUndefined();
  });

  it('--mode air: no HMF, landed cost 10000 + 2000 + 34.64 = 12034.64', () => {
    const air = runJson(['calc', SMARTPHONE, '--date', '2025-04-15', '--mode', 'air', '--format', 'json']);
    expect(air.status, air.stderr).toBe(0);
    expect(air.json.query.mode).toBe('air');
    expect(air.json.lines[0]).toMatchObject({ duty: '2000.00', fees: '34.64', landedCost: '12034.64' });
    expect(air.json.totals.US).toMatchObject({ mpf: '34.64', hmf: '0.00', fees: '34.64', landedCost: '12034.64' });
  });
});

describe('tariff calc in a pipe (standard input is not a terminal)', () => {
  const bill = fs.readFileSync(SMARTPHONE, 'utf8');

  function checkCsv(stdout: string): void {
    const header = stdout.split('\n')[0]!.split(',');
    // the input columns first, as given, then the computed ones
    expect(header.slice(0, 2)).toEqual(['hts', 'value']);
    expect(header).toContain('landed_cost');
    const records = parse(stdout, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    expect(records).toHaveLength(1);
    // 10000.00 + 2000.00 duty + 34.64 MPF + 12.50 HMF
    expect(records[0]).toMatchObject({ hts: '8517.13.00.00', value: '10000.00', landed_cost: '12047.14' });
  }

  it('reads the bill from standard input with "calc -"', () => {
    const r = run(['calc', '-', '--date', '2025-04-15', '--format', 'csv'], bill);
    expect(r.status, r.stderr).toBe(0);
    checkCsv(r.stdout);
  });

  it('reads standard input when no file is given, and writes CSV by default (not a terminal)', () => {
    const r = run(['calc', '--date', '2025-04-15'], bill);
    expect(r.status, r.stderr).toBe(0);
    checkCsv(r.stdout);
  });
});
