/**
 * Warnings are data and are said once: JSON and NDJSON carry each with a stable code; a warning about the ledger
 * is said once per run, not once per line; NDJSON's totals record is tagged; --explain in CSV is not dropped silently.
 */
import { describe, expect, it } from 'vitest';
import { run, runJson } from './run.js';

// three lines past the US ledger's reviewed-through date (the cotton sweater: 16.5% MFN on any date)
const LATE = 'hts,value,date\n6110.20.20.79,100,2029-06-01\n6110.20.20.79,200,2029-06-01\n6110.20.20.79,300,2029-06-01\n';

describe('warnings with stable codes', () => {
  it('JSON: a claim not applied is claim-not-applied on its row', () => {
    const r = runJson(['calc', 'examples/bill.csv', '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    // row 5, the laptop, claims 9903.94.06, which exempts from no measure that applies on 2025-04-15
    expect(r.json.warningDetails).toContainEqual({ code: 'claim-not-applied', rows: [5], text: expect.stringMatching(/^claim 9903\.94\.06 not applied: /) });
    expect(r.json.warningDetails).toHaveLength(r.json.warnings.length);
  });

  it('a stale ledger is said once for a bill of three lines, on stderr and in the data', () => {
    const r = runJson(['calc', '-', '--format', 'json'], LATE);
    expect(r.stderr.match(/ledger is reviewed through/g)).toHaveLength(1);
    const stale = r.json.warningDetails.filter((w: { code: string }) => w.code === 'ledger-stale');
    expect(stale).toEqual([{ code: 'ledger-stale', text: expect.stringMatching(/^the US ledger is reviewed through \d{4}-\d\d-\d\d; for 2029-06-01 /) }]);
  });

  it('an unknown column is header-unknown-column on row 1', () => {
    const r = runJson(['calc', '-', '--format', 'json', '--date', '2025-04-15'], 'hts,value,orign\n8517.13.00.00,100,VN\n');
    expect(r.json.warningDetails).toContainEqual({ code: 'header-unknown-column', rows: [1], text: expect.stringContaining('did you mean "origin"') });
  });
});

describe('NDJSON', () => {
  it('the last record is tagged "type": "totals" and carries the warnings as data', () => {
    const r = run(['calc', '-', '--format', 'ndjson'], LATE);
    const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(records).toHaveLength(4);
    const last = records[3];
    expect(last.type).toBe('totals');
    // 100 + 200 + 300
    expect(last.totals.US.customsValue).toBe('600.00');
    expect(last.warningDetails.map((w: { code: string }) => w.code)).toContain('ledger-stale');
    expect(records.slice(0, 3).every((l) => l.type === undefined && typeof l.row === 'number')).toBe(true);
  });
});

describe('--explain where it cannot be shown', () => {
  it('in CSV (the default in a pipe) it says so and how to get it', () => {
    const r = run(['calc', 'examples/bill.csv', '--explain']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: --explain is not shown in the CSV (its duties column lists the measures applied): for every measure considered, applied or not, use --explain with --format table, json or ndjson');
  });

  it('with --format json it is there: measures not applied, with the reason', () => {
    const r = runJson(['calc', 'examples/bill.csv', '--explain', '--format', 'json']);
    expect(r.json.lines[0].notApplied.length).toBeGreaterThan(0);
    expect(r.stderr).not.toContain('--explain is not shown');
  });
});
