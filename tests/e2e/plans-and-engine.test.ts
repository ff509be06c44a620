/**
 * Lines that the engine's memo could price by a plan, and lines it must not: each line of the output is what the
 * engine says of it, whatever the format (src/core/plan-memo.ts checks a plan against the engine before it serves).
 */
import { describe, expect, it } from 'vitest';
import { run } from './run.js';

describe('a 6-digit code priced as its lines', () => {
  // 4821.10 (paper labels) has two lines, 4821.10.20.00 and 4821.10.40.00, both MFN Free; on 2025-05-01 goods of
  // China pay IEEPA fentanyl 20% + IEEPA reciprocal 125% + Section 301 25% = 170%
  const bill = 'hts,value,date,origin\n4821.10,1000,2025-05-01,CN\n4821.10,500,2025-05-01,CN\n';
  it('CSV: every line pays the 170% (no plan made from the bare code serves the second line)', () => {
    const r = run(['calc', '-', '--format', 'csv'], bill);
    expect(r.status, r.stderr).toBe(0);
    const [header, ...lines] = r.stdout.trim().split('\n');
    const duty = header!.split(',').indexOf('duty');
    expect(lines.map((l) => l.split(',')[duty])).toEqual(['1700.00', '850.00']);
    expect(lines[1]).toContain('Section 301 9903.88.03 25% 125.00');
    expect(r.stderr).toMatch(/rows 2, 3: 4821\.10 is priced as its 2 lines/);
  });
  it('NDJSON: the same duties', () => {
    const r = run(['calc', '-', '--format', 'ndjson'], bill);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l)).filter((o) => o.row);
    expect(lines.map((l) => l.duty)).toEqual(['1700.00', '850.00']);
  });
});

describe('--explain on a Chinese declaration exempt as a small consignment', () => {
  // US soybeans of 10.00 CNY on 2025-06-04: 3% MFN + 25% + 2.5% (2018-2019 lists) + 10% (No. 2) + 10% (No. 4) = 50.5%,
  // 5.05 CNY: at most 50 CNY, so only the layers no relief reduces are due (10% + 10% = 1.00 + 1.00)
  const bill = 'hts,value,into,origin,date\n1201.90.11,10,CN,US,2025-06-04\n';
  it('the line keeps every measure considered (not applied ones too) when priced again without duty', () => {
    const r = run(['calc', '-', '--format', 'ndjson', '--explain'], bill);
    expect(r.status, r.stderr).toBe(0);
    const line = JSON.parse(r.stdout.split('\n')[0]!);
    expect(line.duty).toBe('2.00');
    expect(line.notApplied).toContainEqual(expect.objectContaining({ heading: '税委会公告2025年第1号', reason: '1201.90.11 is not in its product scope' }));
  });
});
