// The guided mode in a real pseudo-terminal: what it shows, what it accepts, and what it saves.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runJson } from './run.js';

const DOWN = '\x1b[B';
const ENTER = '\r';
const UP = '\x1b[A';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tariff-guided-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function drive(script: ({ wait: string } | { keys: string })[]) {
  const env: Record<string, string> = { ...process.env as Record<string, string>, NO_COLOR: '1', TERM: 'xterm' };
  delete env.FORCE_COLOR;
  const r = spawnSync('python3', [path.join(ROOT, 'tests/e2e/pty-drive.py'), JSON.stringify(script), '--', process.execPath, BIN], { cwd: tmp, env, encoding: 'utf8', timeout: 60000 });
  return { status: r.status, output: r.stdout };
}

describe('the guided mode', () => {
  const csv = path.join(tmp, 'laptops.csv');
  const json = path.join(tmp, 'laptops.json');
  const r = drive([
    { wait: 'Which side imports?' }, { keys: ENTER },
    { wait: 'Date of entry' }, { keys: UP + ENTER },
    { wait: 'Date (YYYY-MM-DD' }, { keys: `2025-04-15${ENTER}` },
    { wait: 'Product:' }, { keys: 'laptop' },
    { wait: '8471.30.01.00' }, { keys: ENTER },
    { wait: 'Customs value in USD' }, { keys: `31,000${ENTER}` },
    { wait: 'Claims you can make' }, { keys: ENTER },
    { wait: 'Next' }, { keys: DOWN.repeat(4) + ENTER },
    { wait: 'Save the bill as' }, { keys: `\x15${csv}${ENTER}` },
    { wait: 'Save the result as' }, { keys: `\x15${json}${ENTER}` },
    { wait: 'saved ' }, { keys: UP + ENTER },
  ]);

  it('shows the reviewed-through date of the ledger', () => {
    expect(r.output).toMatch(/The US ledger is reviewed through \d{4}-\d\d-\d\d/);
  });

  it('finds "laptop", takes 31,000 as the CSV reader does, and prices it: fentanyl 20% = 6,200.00', () => {
    expect(r.status, r.output).toBe(0);
    // 31,000 + 6,200 + MPF 0.3464% (107.38) + HMF 0.125% (38.75) = 37,346.13; its row is 2, as in the saved CSV
    expect(r.output).toMatch(/^2\s+8471\.30\.01\.00\s+31000\.00 USD\s+6200\.00\s+20\.00\s+37346\.13/m);
    expect(r.output).not.toMatch(/expected an amount/);
  });

  it('saves a bill that re-prices to the saved result (the date is saved)', () => {
    expect(fs.readFileSync(csv, 'utf8')).toBe('hts,value,into,date\n8471.30.01.00,31000,US,2025-04-15\n');
    const saved = JSON.parse(fs.readFileSync(json, 'utf8'));
    // priced again today, from the file alone
    const again = runJson(['calc', csv, '--format', 'json']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.json.lines).toEqual(saved.lines);
    expect(again.json.totals).toEqual(saved.totals);
    expect(saved.totals.US.landedCost).toBe('37346.13');
  });
});

describe('a date comparison in the guided mode', () => {
  it('names a line that drops out: a steel derivative on 2025-01-15 needs its steel content on 2025-09-01', () => {
    const r = drive([
      { wait: 'Which side imports?' }, { keys: ENTER },
      { wait: 'Date of entry' }, { keys: UP + ENTER },
      { wait: 'Date (YYYY-MM-DD' }, { keys: `2025-01-15${ENTER}` },
      { wait: 'Product:' }, { keys: '9403.10.00.20' },
      { wait: 'Filing cabinets' }, { keys: ENTER },
      { wait: 'Customs value in USD' }, { keys: `1000${ENTER}` },
      { wait: 'Next' }, { keys: DOWN.repeat(3) + ENTER },
      // the date menu opens on "keep 2025-01-15": two up is "another date..."
      { wait: 'Date of entry' }, { keys: UP + UP + ENTER },
      { wait: 'Date (YYYY-MM-DD' }, { keys: `2025-09-01${ENTER}` },
      { wait: 'not priced: row 2' }, { keys: UP + ENTER },
    ]);
    expect(r.status, r.output).toBe(0);
    // List 3 25% of 1,000 on 2025-01-15; on 2025-09-01 Section 232 steel is charged on the steel content
    expect(r.output).toMatch(/^2\s+9403\.10\.00\.20\s+1000\.00 USD\s+250\.00\s+25\.00/m);
    expect(r.output.replace(/\r?\n/g, '')).toMatch(/row 2 is not priced on 2025-09-01 \(metal_value: 9903\.81\.91 \(Section 232 steel\) is charged on the value of the steel/);
    expect(r.output.replace(/\r?\n/g, '')).toMatch(/not priced: row 2, metal_value:/);
  });
});

describe('a date past the ledger', () => {
  it('warns after the table that measures may be missing', () => {
    const r = drive([
      { wait: 'Which side imports?' }, { keys: ENTER },
      { wait: 'Date of entry' }, { keys: UP + ENTER },
      { wait: 'Date (YYYY-MM-DD' }, { keys: `2029-06-01${ENTER}` },
      { wait: 'Product:' }, { keys: '8517.13.00.00' },
      { wait: 'Smartphones' }, { keys: ENTER },
      { wait: 'Customs value in USD' }, { keys: `100${ENTER}` },
      { wait: 'Claims you can make' }, { keys: ENTER },
      { wait: 'Next' }, { keys: UP + ENTER },
    ]);
    expect(r.status, r.output).toBe(0);
    expect(r.output).toMatch(/warning: the US ledger is reviewed through \d{4}-\d\d-\d\d; for 2029-06-01 measures taken after that date may be missing/);
  });
});
