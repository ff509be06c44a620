import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run, runJson } from './run.js';

// smartphone $10,000 + sweaters $1,000, one entry (us-measures.md §1 rates):
//   2025-01-01: 0 + 16.5% + 7.5% of 1,000 = 240.00
//   2025-04-15: 2,000 (fentanyl) + 1,690 (16.5 + 7.5 + 20 + 125) = 3,690.00
//   2025-06-01: 2,000 + 540 (16.5 + 7.5 + 20 + 10) = 2,540.00
const BILL = 'hts,value\n8517.13.00.00,10000.00\n6110.20.20.79,1000.00\n';

describe('tariff compare', () => {
  it('prices the bill on each date: totals side by side and the change with the programs that caused it', () => {
    const r = runJson(['compare', '-', '--dates', '2025-01-01,2025-04-15,2025-06-01', '--format', 'json', '--lines'], BILL);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.schema).toBe('tariff-impact/compare@1');
    expect(r.json.columns.map((c: any) => [c.label, c.date, c.totals.US.duty])).toEqual([
      ['2025-01-01', '2025-01-01', '240.00'], ['2025-04-15', '2025-04-15', '3690.00'], ['2025-06-01', '2025-06-01', '2540.00'],
    ]);
    // MPF 0.3464% x 11,000 = 38.10 (38.104); HMF 0.125% x 11,000 = 13.75: the same in every column
    expect(r.json.columns.map((c: any) => c.totals.US.fees)).toEqual(['51.85', '51.85', '51.85']);
    expect(r.json.changes).toEqual([
      { from: '2025-01-01', to: '2025-04-15', side: 'US', duty: '3450.00', landedCost: '3450.00', byProgram: { 'IEEPA fentanyl': '2200.00', 'IEEPA reciprocal': '1250.00' } },
      { from: '2025-04-15', to: '2025-06-01', side: 'US', duty: '-1150.00', landedCost: '-1150.00', byProgram: { 'IEEPA reciprocal': '-1150.00' } },
    ]);
    expect(r.json.lines[1].duty).toEqual({ '2025-01-01': '240.00', '2025-04-15': '1690.00', '2025-06-01': '540.00' });
  });
  it('a scenario is a column next to the dates', () => {
    const r = runJson(['compare', '-', '--dates', '2027-02-01', '--scenario', 'examples/scenarios/us-301-list3-50.json', '--format', 'json'], 'hts,value\n9403.20.00.50,1000.00\n');
    expect(r.json.columns.map((c: any) => [c.label, c.totals.US.duty])).toEqual([['2027-02-01', '375.00'], ['Section 301 List 3 at 50% from 2027-01-01 (2027-02-01)', '625.00']]);
  });
  it('the table shows the change and why', () => {
    const r = run(['compare', '-', '--dates', '2025-01-01,2025-04-15'], BILL);
    expect(r.stdout).toMatch(/2025-01-01 -> 2025-04-15: duty \+3450\.00 \(IEEPA fentanyl \+2200\.00, IEEPA reciprocal \+1250\.00\)/);
  });
  it('a row one column cannot price is left out of every column, and its entry\'s fees are set without it', () => {
    // office furniture needs its steel content from 2025-06-04 (Section 232 steel, 9903.81.91): refused on 2025-09-04 only.
    // The smartphone alone in the entry: MPF 0.3464% of 3,000.00 = 10.39, under the 32.71 minimum: 32.71 on both
    // dates (with the furniture kept on 2025-01-15 the entry's 32.71 would be split: 12.27 for the smartphone)
    const bill = 'sku,hts,value,entry\nA,8517.13.00.00,3000.00,E1\nB,9403.10.00.40,5000.00,E1\n';
    const r = runJson(['compare', '-', '--dates', '2025-01-15,2025-09-04', '--format', 'json', '--lines'], bill);
    expect(r.status).toBe(3);
    expect(r.json.rejected).toEqual([{ row: 3, column: 'metal_value', message: expect.stringMatching(/9903\.81\.91 \(Section 232 steel\) is charged on the value of the steel content.*\(column 2025-09-04\)$/) }]);
    expect(r.json.columns.map((c: any) => [c.totals.US.customsValue, c.totals.US.mpf])).toEqual([['3000.00', '32.71'], ['3000.00', '32.71']]);
    expect(r.json.lines.map((l: any) => l.row)).toEqual([2]);
  });
  it('one column is a usage error', () => {
    expect(run(['compare', '-', '--dates', '2025-01-01'], BILL).status).toBe(2);
  });
});

describe('tariff lookup --timeline', () => {
  it('gives the series in JSON', () => {
    const r = runJson(['lookup', '6110.20.20.79', '--timeline', '--from', '2025-01-01', '--to', '2025-06-01', '--format', 'json']);
    expect(r.json.series.map((p: any) => [p.from, p.total])).toEqual([
      ['2025-01-01', '24%'], ['2025-02-04', '34%'], ['2025-03-04', '44%'], ['2025-04-05', '54%'], ['2025-04-09', '128%'], ['2025-04-10', '169%'], ['2025-05-14', '54%'],
    ]);
  });
  it('draws it in the terminal with each change labelled', () => {
    const r = run(['lookup', '6110.20.20.79', '--timeline', '--to', '2025-06-01']);
    expect(r.stdout).toMatch(/2025-04-10\s+169%\s+█+\s+IEEPA reciprocal 84% -> 125% \(9903\.01\.63\)/);
  });
});

describe('tariff rates diff', () => {
  it('lists what started, ended or changed, with headings and sources', () => {
    const r = runJson(['rates', 'diff', '--from', '2026-02-01', '--to', '2026-03-01', '--format', 'json']);
    const kinds = r.json.changes.map((c: any) => `${c.at} ${c.kind} ${c.program} ${c.heading}`);
    expect(kinds).toEqual(expect.arrayContaining(['2026-02-24 ended IEEPA fentanyl 9903.01.24', '2026-02-24 started Section 122 9903.03.01']));
    expect(r.json.changes[0].sources[0]).toHaveProperty('url');
  });
});

describe('tariff refund', () => {
  it('reports the IEEPA duties per line, per entry and in total, with each entry route', () => {
    const r = runJson(['refund', 'examples/entries.csv', '--as-of', '2026-09-01', '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.schema).toBe('tariff-impact/refund@1');
    expect(r.json.totals).toEqual({ ieepa: '4950.00', byHeading: { '9903.01.24': '3200.00', '9903.01.63': '1250.00', '9903.01.25': '500.00' } });
    expect(r.json.entries.map((e: any) => [e.entry, e.ieepa])).toEqual([['ENT-0001', '3450.00'], ['ENT-0002', '1500.00'], ['ENT-0003', '0.00']]);
    expect(r.json.entries[0].needs.length).toBeGreaterThan(0);
  });
  it('needs a date column', () => {
    const r = run(['refund', '-'], 'hts,value\n8517.13.00.00,100.00\n');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/refund needs a date column/);
  });
});

describe('per-unit cost and margins in calc', () => {
  it('CSV output carries the unit landed cost, the margins and the target price', () => {
    const r = run(['calc', '-', '--target-margin', '40', '--format', 'csv'], 'hts,value,quantity,price,date\n9503.00.00.90,1000.00,100,25.00,2025-04-15\n');
    expect(r.stdout).toMatch(/,24\.54,59\.85,1\.85,40\.90,/);
  });
});

describe('compare and refund read bills as calc does', () => {
  it('compare takes --decimal-comma: 1.000,00 is 1,000.00 (smartphone: no duty on 2025-01-01, 20% fentanyl on 2025-04-15 = 200.00)', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'compare-dc-')), 'bill.csv');
    fs.writeFileSync(file, 'hts;value;date\n8517.13.00.00;1.000,00;2025-04-15\n');
    const r = runJson(['compare', file, '--dates', '2025-01-01,2025-04-15', '--format', 'json', '--decimal-comma']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.columns.map((c: { totals: { US: { customsValue: string; duty: string } } }) => [c.totals.US.customsValue, c.totals.US.duty])).toEqual([['1000.00', '0.00'], ['1000.00', '200.00']]);
    expect(run(['compare', file, '--dates', '2025-01-01,2025-04-15', '--format', 'json']).status).toBe(3);
  });

  it('refund takes --encoding: a GB18030 file gives the figures of its UTF-8 original', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'refund-enc-'));
    // a description in GB18030 bytes, taken from the corpus file (Node can decode GB18030 but not encode it)
    const corpus = fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'corpus', '40-gb18030.csv'));
    const line2 = corpus.subarray(corpus.indexOf(0x0a) + 1);
    const end = line2.indexOf(0x0a);
    const gbDescription = line2.subarray(line2.lastIndexOf(0x2c, end < 0 ? line2.length : end) + 1, end < 0 ? line2.length : end);
    const head = 'entry,date,hts,value,description\nENT-1,2025-04-15,8517.13.00.00,10000.00,';
    fs.writeFileSync(path.join(dir, 'utf8.csv'), `${head}${new TextDecoder('gb18030').decode(gbDescription)}\n`);
    fs.writeFileSync(path.join(dir, 'gb.csv'), Buffer.concat([Buffer.from(head), gbDescription, Buffer.from('\n')]));
    const utf8 = runJson(['refund', path.join(dir, 'utf8.csv'), '--as-of', '2026-03-01', '--format', 'json']);
    const gb = runJson(['refund', path.join(dir, 'gb.csv'), '--as-of', '2026-03-01', '--format', 'json', '--encoding', 'gb18030']);
    expect([gb.status, utf8.status]).toEqual([0, 0]);
    // 10,000.00 of smartphones on 2025-04-15: the IEEPA fentanyl duty, 20% = 2,000.00
    expect(gb.json.totals.ieepa).toBe('2000.00');
    expect(gb.json.totals).toEqual(utf8.json.totals);
    expect(run(['refund', path.join(dir, 'gb.csv'), '--as-of', '2026-03-01', '--format', 'json']).status).toBe(1);
  });
});
