/**
 * The terminal table: every line of a short bill with its programs (the "why") under it, within 80 columns; past a
 * screenful the totals of every line and the lines of largest duty, with how to get all of them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from './run.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tariff-table-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Columns a line takes on a terminal: CJK characters take two. */
function columns(line: string): number {
  let n = 0;
  for (const ch of line) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}

describe('a short bill', () => {
  const r = run(['calc', 'examples/bill.csv', '--format', 'table']);

  it('shows every line, each with its programs and rates under it', () => {
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    const sweater = lines.findIndex((l) => /^3\s+SWEATER-7\s+6110\.20\.20\.79/.test(l));
    expect(sweater).toBeGreaterThan(0);
    // cotton sweaters on 2025-04-15: Section 301 List 4A 7.5%, fentanyl 20%, reciprocal 125%, MFN 16.5% (CBP's order:
    // Chapter 99 first, the Chapter 1-97 line last, as --explain and the 7501 view)
    expect(lines[sweater + 1]!.trim()).toBe('Section 301 7.5% + IEEPA fentanyl 20% + IEEPA reciprocal 125% + MFN 16.5%');
    for (const sku of ['PHONE-1', 'DIODE-3', 'LAPTOP-2', 'TOY-5', 'SOY-9']) expect(r.stdout).toContain(sku);
    expect(r.stdout).not.toContain('lines shown');
  });

  it('fits an 80-column terminal', () => {
    const wide = r.stdout.split('\n').filter((l) => columns(l) > 80);
    expect(wide).toEqual([]);
  });
});

describe('a Chinese bill, its headings in Chinese (two columns a character)', () => {
  it('fits 80 columns: two headings of one program on two lines of the cell', () => {
    // soybeans on 2025-09-04 without the exclusion: the 2018 lists (〔2018〕5号, 〔2019〕4号) and 2025 第2号, 第4号
    const r = run(['calc', '-', '--format', 'table'], 'hts,value,into,origin,date\n1201.90.19,3344.47,CN,US,2025-09-04\n');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/税委会公告〔2018〕5号 │ +919\.73 │\n│ +│ 税委会公告〔2019〕4号 │/);
    expect(r.stdout.split('\n').filter((l) => columns(l) > 80)).toEqual([]);
  });
});

describe('a bill past a screenful', () => {
  // 3,000 smartphones of 100.00 and one of 5,000.00 on row 1,502: fentanyl 20% each (20.00; 1,000.00)
  const file = path.join(tmp, 'long.csv');
  const rows = ['sku,hts,value,date'];
  for (let i = 0; i < 3001; i++) rows.push(`P${i},8517.13.00.00,${i === 1500 ? '5000.00' : '100.00'},2025-04-15`);
  fs.writeFileSync(file, rows.join('\n') + '\n');

  it('shows the totals of every line, the lines of largest duty, and how to get all of them', () => {
    const r = run(['calc', file, '--format', 'table']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('15 of 3,001 lines shown: those of largest duty (per side); the totals below are of all of them.');
    expect(r.stdout).toContain('Every line: --format csv > result.csv, or --format json.');
    // the 5,000.00 line first among equals: its duty 1,000.00
    expect(r.stdout).toMatch(/^1502\s+P1500\s+8517\.13\.00\.00\s+5000\.00 USD\s+1000\.00\s+20\.00/m);
    // duty 3,000 × 20.00 + 1,000.00 = 61,000.00 on 305,000.00
    expect(r.stdout).toMatch(/IEEPA fentanyl\s+│\s+9903\.01\.24\s+│\s+61000\.00/);
    expect(r.stdout).toMatch(/customs value 305000\.00/);
    const lineRows = r.stdout.split('\n').filter((l) => /^\d+\s+P\d+\s/.test(l));
    expect(lineRows).toHaveLength(15);
    expect(r.stderr).not.toMatch(/internal error|RangeError/);
  });
});
