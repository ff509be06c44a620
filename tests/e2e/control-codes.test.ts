// Nothing the user typed reaches the terminal as control codes (issue 18): an sku, a value, a claim, a code, a
// scenario's name or heading with escape sequences is shown escaped (\u001b) in every view and on standard error.
import { describe, expect, it } from 'vitest';
import { ROOT, run } from './run.js';

const BILL = `${ROOT}/tests/fixtures/hostile/control-codes.csv`;
const SCENARIO = `${ROOT}/tests/fixtures/hostile/control-scenario.json`;
/** any C0 control but the line feed, DEL, or a C1 control */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

const views: [string, string[], RegExp[]][] = [
  ['calc table --explain', ['calc', BILL, '--date', '2025-04-15', '--format', 'table', '--explain'], [/\\u001b\[2J\\u001b\]0;owned\\u0007A1/, /Row 2 \(\\u001b\[2J\\u001b\]0;owned\\u0007A1\): into US/]],
  ['calc 7501', ['calc', BILL, '--date', '2025-04-15', '--format', '7501'], [/row 2, \\u001b\[2J\\u001b\]0;owned\\u0007A1 {2}8517\.13\.00\.00/]],
  ['calc with the scenario (table)', ['calc', BILL, '--date', '2025-04-15', '--format', 'table', '--explain', '--scenario', SCENARIO], [/IEEPA fentanyl\\u001b\[31m/]],
  ['lookup --claims', ['lookup', '8517.13.00.00', '--date', '2025-04-15', '--claims', '\u001b[2Jx'], [/claim rejected {5}\\u001b\[2Jx/]],
  ['lookup with the scenario', ['lookup', '8517.13.00.00', '--date', '2025-04-15', '--scenario', SCENARIO], [/IEEPA fentanyl\\u001b\[31m/]],
  ['compare with the scenario', ['compare', BILL, '--dates', '2025-04-15', '--scenario', SCENARIO], [/evil\\u001b\[2J/]],
  ['refund (entry id)', ['refund', BILL, '--as-of', '2026-09-01'], [/entry E\\u001b\[1m1/]],
];

describe('control codes typed by the user are shown escaped', () => {
  it.each(views)('%s: none reaches stdout or stderr raw', (_, args, shown) => {
    const r = run(args);
    expect(r.stdout + r.stderr).not.toMatch(RAW);
    for (const s of shown) expect(r.stdout + r.stderr).toMatch(s);
  });

  it('stderr: a value, a claim and an unknown code with escapes are quoted escaped', () => {
    const r = run(['calc', BILL, '--date', '2025-04-15', '--format', 'json']);
    expect(r.status).toBe(3);
    expect(r.stderr).not.toMatch(RAW);
    expect(r.stderr).toMatch(/^rejected: row 3, column value: "1\\u001b\[31m00" is not an amount/m);
    expect(r.stderr).toMatch(/^warning: row 2: claim \\u001b\[5m9903\.88\.69 not applied/m);
    const code = run(['lookup', '8517\u001b[2J']);
    expect(code.status).not.toBe(0);
    expect(code.stderr).toMatch(/8517\\u001b\[2J/);
    expect(code.stderr).not.toMatch(RAW);
    const opt = run(['calc', '--\u001b[2J']);
    expect(opt.status).toBe(2);
    expect(opt.stderr).not.toMatch(RAW);
  });

  it('with --color the only escape sequences are the colours (SGR) the tool writes, the user\'s still escaped', () => {
    const r = run(['calc', BILL, '--date', '2025-04-15', '--format', 'table', '--explain', '--color']);
    expect(r.stdout).toMatch(/\x1b\[1m/); // bold, from the tool
    expect(r.stdout.replace(/\x1b\[\d+m/g, '')).not.toMatch(RAW);
    expect(r.stdout).toMatch(/\\u001b\[2J/);
  });
});
