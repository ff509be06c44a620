/**
 * Output for scripts and people: no colour codes off a terminal, row numbers as a spreadsheet shows them,
 * input columns passed through, the Flexport template read as it is.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { ANSI, fixture, run, runJson } from './run.js';

describe('NO_COLOR and no terminal', () => {
  it('calc --format table has no ANSI escape codes, on stdout or stderr', () => {
    // one-bad-value.csv also makes the program write "rejected:" (red on a terminal) to stderr
    const r = run(['calc', fixture('one-bad-value.csv'), '--date', '2025-04-15', '--format', 'table']);
    expect(r.status, r.stderr).toBe(3);
    expect(r.stdout).toContain('GOOD-1');
    // 10000 + 2000 + 34.64 + 12.50
    expect(r.stdout).toContain('12047.14');
    expect(r.stdout).not.toMatch(ANSI);
    expect(r.stderr).toContain('rejected');
    expect(r.stderr).not.toMatch(ANSI);
  });

  it('without NO_COLOR, a pipe still gets no colour (auto)', () => {
    const r = run(['calc', fixture('smartphone.csv'), '--date', '2025-04-15', '--format', 'table'], undefined, { env: { NO_COLOR: undefined } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('12047.14');
    expect(r.stdout).not.toMatch(ANSI);
  });
});

describe('row numbers (DESIGN §3: header is row 1; a quoted field spanning lines is still one row)', () => {
  it('a multi-line quoted field does not shift the numbers of the rows after it', () => {
    // row 2 GOOD-A; row 3 "MULTI\nLINE" (two physical lines) value abc; row 4 BAD-D value xyz
    const r = runJson(['calc', fixture('multiline-row.csv'), '--date', '2025-04-15', '--format', 'json']);
    expect(r.status).toBe(3);
    expect(r.json.rejected.map((x: any) => [x.row, x.column])).toEqual([[3, 'value'], [4, 'value']]);
  });

  // A spreadsheet shows the blank line as (empty) row 3, so BAD-B is row 4.
  it('a blank line keeps its row number: the row after it is reported as a spreadsheet shows it', () => {
    const r = runJson(['calc', fixture('blank-line.csv'), '--date', '2025-04-15', '--format', 'json']);
    expect(r.status).toBe(3);
    expect(r.json.rejected).toEqual([expect.objectContaining({ row: 4, column: 'value' })]);
  });
});

describe('CSV input and output', () => {
  it("reads the Flexport template's column names as they are", () => {
    const r = runJson(['calc', fixture('flexport-template.csv'), '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.lines[0]).toMatchObject({ row: 2, sku: 'A1', hts: '8517.13.00.00', date: '2025-04-15', origin: 'CN', customsValue: '10000.00', landedCost: '12047.14' });
  });

  it('passes every input column through, in order, before the computed ones', () => {
    const r = run(['calc', fixture('two-lines-two-entries.csv'), '--date', '2025-04-15', '--format', 'csv']);
    expect(r.status, r.stderr).toBe(0);
    const rows = parse(r.stdout, { skip_empty_lines: true }) as string[][];
    expect(rows[0]!.slice(0, 4)).toEqual(['sku', 'hts', 'value', 'entry']);
    expect(rows[1]!.slice(0, 4)).toEqual(['PHONE-A', '8517.13.00.00', '10000.00', 'E1']);
    const records = parse(r.stdout, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    // E2: 5000 + 1000 + 32.71 (MPF minimum) + 6.25
    expect(records.map((x) => x.landed_cost)).toEqual(['12047.14', '6038.96']);
  });
});
