/**
 * Exit codes (DESIGN §4): 0 done; 1 input error, or a rejected row under --strict; 2 usage;
 * 3 some rows rejected (the good rows still computed and printed); 4 --fail-over tripped.
 * Errors go to standard error as one message, never a stack trace.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import path from 'node:path';
import { fixture, ROOT, run, STACK_LINE, type RunResult } from './run.js';

const DATE = ['--date', '2025-04-15'];

describe('exit 0', () => {
  it('a good bill', () => {
    const r = run(['calc', fixture('smartphone.csv'), ...DATE, '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('--help prints help with examples', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout + r.stderr).toContain('Examples');
    expect(r.stdout + r.stderr).toContain('calc');
    expect(r.stdout + r.stderr).toContain('lookup');
  });

  it('calc --help lists the options and the exit codes', () => {
    const r = run(['calc', '--help']);
    expect(r.status).toBe(0);
    const text = r.stdout + r.stderr;
    expect(text).toContain('Examples');
    for (const option of ['--date', '--mode', '--format', '--strict', '--fail-over']) expect(text).toContain(option);
  });

  it('--version prints the version of package.json', () => {
    const r = run(['--version']);
    expect(r.status).toBe(0);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(r.stdout.trim()).toBe(pkg.version);
  });
});

describe('exit 3 and 1: a bill with one good row and one bad value', () => {
  let r: RunResult;
  beforeAll(() => {
    r = run(['calc', fixture('one-bad-value.csv'), ...DATE]);
  });

  it('exits 3', () => {
    expect(r.status, r.stderr).toBe(3);
  });

  it('names the row (3: header is row 1), the column and the bad value on stderr', () => {
    const rejected = r.stderr.split('\n').filter((l) => /row 3/.test(l));
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.join('\n')).toMatch(/value/);
    expect(rejected.join('\n')).toContain('abc');
    expect(r.stderr).not.toMatch(/row 2\b/);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('still prints the good row (CSV, not a terminal) and only it', () => {
    const records = parse(r.stdout, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    expect(records).toHaveLength(1);
    // 10000 + 2000 fentanyl + 34.64 MPF + 12.50 HMF (the rejected row is in no entry)
    expect(records[0]).toMatchObject({ sku: 'GOOD-1', landed_cost: '12047.14' });
    expect(r.stdout).not.toContain('BAD-2');
  });

  it('accounts for every row: rows in = priced + rejected', () => {
    expect(r.stderr).toMatch(/2 rows read: 1 priced, 1 rejected/);
  });

  it('--strict makes it exit 1', () => {
    const strict = run(['calc', fixture('one-bad-value.csv'), ...DATE, '--strict']);
    expect(strict.status, strict.stderr).toBe(1);
    expect(strict.stderr).toContain('abc');
  });

  it('the JSON document lists the rejected row', () => {
    const j = run(['calc', fixture('one-bad-value.csv'), ...DATE, '--format', 'json']);
    expect(j.status).toBe(3);
    const doc = JSON.parse(j.stdout);
    expect(doc.lines.map((l: any) => l.row)).toEqual([2]);
    expect(doc.rejected).toHaveLength(1);
    expect(doc.rejected[0]).toMatchObject({ row: 3, column: 'value' });
    expect(doc.rejected[0].message).toContain('abc');
  });

  it('an unknown tariff code (9999.99.99) rejects its row: exit 3', () => {
    const u = run(['calc', fixture('unknown-code.csv'), ...DATE, '--format', 'json']);
    expect(u.status, u.stderr).toBe(3);
    const doc = JSON.parse(u.stdout);
    expect(doc.lines.map((l: any) => l.row)).toEqual([2]);
    expect(doc.rejected).toEqual([expect.objectContaining({ row: 3, column: 'hts' })]);
    expect(u.stderr).toMatch(/row 3/);
    expect(u.stderr).toContain('9999.99.99');
  });
});

describe('exit 1: input errors', () => {
  it('a missing file: one message, no stack trace', () => {
    const r = run(['calc', fixture('does-not-exist.csv'), ...DATE]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('does-not-exist.csv');
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stdout).toBe('');
  });

  it('a CSV without the hts column names the missing column', () => {
    const r = run(['calc', fixture('no-hts-column.csv'), ...DATE]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/missing/i);
    expect(r.stderr).toMatch(/\bhts\b/);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('an empty file', () => {
    const r = run(['calc', fixture('empty.csv'), ...DATE]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/empty/i);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it.each(['csv', 'json', 'table'])('a temporary folder that cannot be written (%s): what to do, not an internal error', (format) => {
    const r = run(['calc', fixture('smartphone.csv'), ...DATE, '--format', format], undefined, { env: { TMPDIR: '/nonexistent-tariff-tmp' } });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^tariff: cannot write the priced lines to a temporary file in \/nonexistent-tariff-tmp: ENOENT.*set TMPDIR to a folder with room for it\n$/);
    expect(r.stdout).toBe('');
  });
});

describe('exit 2: usage', () => {
  it.each([
    ['an unknown option', ['calc', fixture('smartphone.csv'), '--bogus'], /--bogus/],
    ['an invalid --date (2025-02-30)', ['calc', fixture('smartphone.csv'), '--date', '2025-02-30'], /2025-02-30/],
    ['an unknown --format', ['calc', fixture('smartphone.csv'), ...DATE, '--format', 'xml'], /xml/],
  ])('%s', (_what, args, message) => {
    const r = run(args);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stdout).toBe('');
  });

  it('no arguments and no terminal: help on stderr', () => {
    const r = run([]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Usage/);
    expect(r.stderr).toContain('calc');
    expect(r.stdout).toBe('');
  });
});

describe('exit 4: --fail-over', () => {
  // the smartphone bill's effective duty rate is 2000 / 10000 = 20%
  it('trips at 10 (20% > 10%)', () => {
    const r = run(['calc', fixture('smartphone.csv'), ...DATE, '--format', 'json', '--fail-over', '10']);
    expect(r.status, r.stderr).toBe(4);
    expect(r.stderr).toMatch(/20(\.00)?%/);
    // the result is still printed
    expect(JSON.parse(r.stdout).totals.US.duty).toBe('2000.00');
  });

  it('passes at 25 (20% <= 25%)', () => {
    const r = run(['calc', fixture('smartphone.csv'), ...DATE, '--format', 'json', '--fail-over', '25']);
    expect(r.status, r.stderr).toBe(0);
  });
});

describe('broken quoting', () => {
  it('is a user error naming the line, for a stray quote, text after a closing quote and a quote left open', () => {
    for (const [bill, message] of [
      ['hts,value,date\n85"17.13.00.00,100,2025-04-15\n', /near line 2: a quote inside an unquoted field on line 2/],
      ['hts,value,date\n"8517.13.00.00"x,100,2025-04-15\n', /near line 2: after the closing quote of a field on line 2 comes "x"/],
      ['hts,value,date\n8517.13.00.00,100,2025-04-15\n"8517.13.00.00,100,2025-04-15\n', /near line 3: a quoted field opened on line 3 is not closed/],
    ] as const) {
      const r = run(['calc', '-', '--format', 'csv'], bill);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^tariff: standard input: the CSV cannot be read /);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/internal error/);
      expect(r.stderr).not.toMatch(STACK_LINE);
    }
  });
});
