/**
 * CI gates over the whole bill: --fail-over PCT on each side, --fail-over-amount on each side's duty, and the exit
 * codes when a gate, a stale ledger (--fail-on-stale) and rejected rows hold at once (precedence 1 > 3 > 5 > 4).
 */
import { describe, expect, it } from 'vitest';
import { run } from './run.js';

// soybeans into China on 2025-09-04, the 2018-2019 lists excluded by claim: MFN 3% (100.33) + 第2号 10% (334.45)
// + 第4号 10% (334.45) of 3,344.47 CNY = 769.23 CNY, 769.23 / 3,344.47 = 23.00%
const CN_BILL = 'hts,value,into,origin,date,claims\n1201.90.19,3344.47,CN,US,2025-09-04,cn-exclusion\n';
// cotton sweaters: the MFN alone is 16.5%, so any date has a rate over 10%
const SWEATER = 'hts,value,date\n6110.20.20.79,1000,2029-06-01\n';
const BAD_ROW = 'hts,value,date\n6110.20.20.79,1000,2025-04-15\n6110.20.20.79,abc,2025-04-15\n';

describe('--fail-over on each side', () => {
  it('trips on a Chinese bill at 23% (it only tested the US side)', () => {
    const r = run(['calc', '-', '--format', 'json', '--fail-over', '20'], CN_BILL);
    expect(r.status, r.stderr).toBe(4);
    expect(r.stderr).toContain('fail-over: into CN: the effective duty rate 23.00% exceeds 20%');
    expect(JSON.parse(r.stdout).totals.CN.duty).toBe('769.23');
  });

  it('passes at 23.01 (769.23 / 3,344.47 = 23.0003%; at 23 it trips, the rate is over by the unrounded figure)', () => {
    const r = run(['calc', '-', '--format', 'json', '--fail-over', '23.01'], CN_BILL);
    expect(r.status, r.stderr).toBe(0);
  });
});

describe('--fail-over-amount', () => {
  it('trips one cent under the duty, in the side\'s own currency', () => {
    const r = run(['calc', '-', '--format', 'csv', '--fail-over-amount', 'CNY:769.22'], CN_BILL);
    expect(r.status, r.stderr).toBe(4);
    expect(r.stderr).toContain('fail-over: into CN: the duty 769.23 CNY exceeds 769.22 CNY');
  });

  it('passes at the duty itself, and a USD threshold does not gate the Chinese side', () => {
    expect(run(['calc', '-', '--format', 'csv', '--fail-over-amount', '769.23'], CN_BILL).status).toBe(0);
    expect(run(['calc', '-', '--format', 'csv', '--fail-over-amount', 'USD:1'], CN_BILL).status).toBe(0);
  });

  it('a bad amount is a usage error naming the expected form', () => {
    const r = run(['calc', '-', '--fail-over-amount', 'lots'], CN_BILL);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--fail-over-amount "lots" is not an amount: expected AMOUNT or CUR:AMOUNT');
  });
});

describe('several conditions at once: each is said, the exit code by precedence', () => {
  it('stale ledger alone: 5', () => {
    const r = run(['calc', '-', '--format', 'csv', '--fail-on-stale'], SWEATER);
    expect(r.status, r.stderr).toBe(5);
    expect(r.stderr).toMatch(/^fail-on-stale: the US ledger is reviewed through \d{4}-\d\d-\d\d; for 2029-06-01/m);
  });

  it('stale and a gate: 5, and both said', () => {
    const r = run(['calc', '-', '--format', 'csv', '--fail-on-stale', '--fail-over', '10'], SWEATER);
    expect(r.status, r.stderr).toBe(5);
    expect(r.stderr).toMatch(/^fail-on-stale: /m);
    expect(r.stderr).toMatch(/^fail-over: into US: the effective duty rate [\d.]+% exceeds 10%/m);
  });

  it('a rejected row and a gate: 3, and the gate said on the rows priced', () => {
    const r = run(['calc', '-', '--format', 'csv', '--fail-over', '10'], BAD_ROW);
    expect(r.status, r.stderr).toBe(3);
    expect(r.stderr).toMatch(/^rejected: row 3, column value/m);
    expect(r.stderr).toMatch(/^fail-over: into US: /m);
  });

  it('--strict with a rejected row, stale and a gate: 1', () => {
    const r = run(['calc', '-', '--format', 'csv', '--strict', '--fail-over', '10', '--fail-on-stale', '--date', '2029-06-01'], BAD_ROW.replace(/2025-04-15/g, '2029-06-01'));
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/^fail-on-stale: /m);
    expect(r.stderr).toMatch(/^fail-over: /m);
  });

  it('a Chinese bill is judged stale by the Chinese ledger only (not the US one of --into)', () => {
    const r = run(['calc', '-', '--format', 'csv', '--fail-on-stale'], CN_BILL.replace('2025-09-04', '2029-06-01'));
    expect(r.status, r.stderr).toBe(5);
    expect(r.stderr).toMatch(/^fail-on-stale: the CN ledger is reviewed through \d{4}-\d\d-\d\d; for 2029-06-01/m);
    expect(r.stderr).not.toContain('US ledger');
  });

  it('lookup --fail-on-stale exits 5 too', () => {
    const r = run(['lookup', '6110.20.20.79', '--date', '2029-06-01', '--fail-on-stale']);
    expect(r.status, r.stderr).toBe(5);
  });

  it('--help documents the codes and the precedence', () => {
    const text = run(['calc', '--help']).stdout;
    expect(text).toContain('--fail-over-amount');
    expect(text).toMatch(/5 --fail-on-stale/);
    expect(text).toContain('the first of 1, 3, 5, 4');
  });
});

describe('-v', () => {
  it('prints the version, as --version and -V do', () => {
    const v = run(['--version']).stdout;
    expect(v).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(run(['-v']).stdout).toBe(v);
    expect(run(['-V']).stdout).toBe(v);
  });
});
