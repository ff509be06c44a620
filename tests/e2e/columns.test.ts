/**
 * Unknown columns are never ignored: a warning with "did you mean", real-invoice headers mapped (or answered with
 * the header to use), and a code that is not an HTSUS line answered with the nearest lines.
 */
import { describe, expect, it } from 'vitest';
import { run, runJson } from './run.js';

const DATE = ['--date', '2025-04-15'];

describe('real-invoice headers', () => {
  it('Amount USD, HTS Code, Country of Origin = China, Qty price as value, hts, origin CN, quantity', () => {
    const bill = 'Item No,HTS Code,Country of Origin,Qty,Amount USD\nPH-1,8517.13.00.00,China,50,10000.00\n';
    const r = runJson(['calc', '-', ...DATE, '--format', 'json'], bill);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    // smartphones on 2025-04-15: fentanyl 20% of 10,000 = 2,000; MPF 0.3464% = 34.64; HMF 0.125% = 12.50
    expect(r.json.lines[0]).toMatchObject({ sku: 'PH-1', origin: 'CN', currency: 'USD', duty: '2000.00', landedCost: '12047.14' });
  });

  it('"Amount EUR" names the currency: without --fx the line says it needs one', () => {
    const r = run(['calc', '-', ...DATE, '--format', 'csv'], 'hts,Amount EUR\n8517.13.00.00,100\n');
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/EUR/);
  });

  it('a country by name that is not one is rejected naming the cell', () => {
    const r = run(['calc', '-', ...DATE, '--format', 'csv'], 'hts,value,Country of Origin\n8517.13.00.00,100,Narnia\n');
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('rejected: row 2, column origin: "Narnia" is not a country');
  });
});

describe('an unknown column', () => {
  it('"orign" is warned about with did you mean, and not taken as the origin', () => {
    const r = runJson(['calc', '-', ...DATE, '--format', 'json'], 'hts,value,orign\n8517.13.00.00,10000,VN\n');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: row 1 (header): column "orign" is not a bill column and is not read: did you mean "origin"?');
    expect(r.json.warnings.join('\n')).toContain('did you mean "origin"');
    // priced as the default origin, and the warning says so
    expect(r.json.lines[0].origin).toBe('CN');
  });

  it('a header nothing like a column is still named, with the list of columns', () => {
    const r = run(['calc', '-', ...DATE, '--format', 'csv'], 'hts,value,Remarks\n8517.13.00.00,10000,fragile\n');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/column "Remarks" is not a bill column and is not read \(passed through to CSV output\); the bill columns are hts, value, /);
    // passed through
    expect(r.stdout.split('\n')[1]).toContain('fragile');
  });

  it('"Unit Price" is answered with the header to use', () => {
    const r = run(['calc', '-', ...DATE, '--format', 'csv'], 'hts,value,Unit Price\n8517.13.00.00,10000,200\n');
    expect(r.stderr).toContain('column "Unit Price" is not read: the bill takes the line\'s customs value: name that column value');
  });

  it('a misspelt required column: the error points at it', () => {
    const r = run(['calc', '-', ...DATE, '--format', 'csv'], 'hts,valeu\n8517.13.00.00,10000\n');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('missing required column "value" (header row: hts, valeu): did you mean "valeu" (column 2)? name it value');
  });
});

describe('a code that is not an HTSUS line', () => {
  it('suggests the nearest lines under its heading', () => {
    const r = run(['calc', '-', ...DATE, '--format', 'csv'], 'hts,value\n8507.60.00.20,3000\n');
    expect(r.status).toBe(3);
    // 8507.60.00 (lithium-ion batteries) has the statistical lines .10, .30 and .90 (HTSUS 2026 Rev 10), not .20
    expect(r.stderr).toMatch(/8507\.60\.00\.20 is not a line of the HTSUS [^:]*: the nearest lines are 8507\.60\.00 \(Lithium-ion batteries\); 8507\.60\.00\.10 .*8507\.60\.00\.30 .*8507\.60\.00\.90 \(Other\)/);
  });
});
