// Faults around a run (issue 18): signals, a closed pipe, a full disk. Temporary files never outlive a run,
// a failed write is never success.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, STACK_LINE } from './run.js';

let work: string;
let big: string;
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'tariff-faults-'));
  big = path.join(work, 'big.csv');
  // 60,000 phone lines: long enough to be caught mid-run
  const rows = Array.from({ length: 60_000 }, (_, i) => `8517.13.00.00,100.00,S${i}`);
  fs.writeFileSync(big, `hts,value,sku\n${rows.join('\n')}\n`);
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** a fresh, empty TMPDIR for one run */
function tmpdir(): string {
  return fs.mkdtempSync(path.join(work, 'tmp-'));
}

function env(tmp: string): NodeJS.ProcessEnv {
  return { ...process.env, NO_COLOR: '1', TMPDIR: tmp };
}

async function until(test: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('temporary files never outlive a run', () => {
  it.each([['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const)('%s mid-run: said on stderr, exit %i, the temporary folder removed', async (signal, code) => {
    const tmp = tmpdir();
    const child = spawn(process.execPath, [BIN, 'calc', big, '--date', '2025-04-15', '--format', 'json'], { cwd: ROOT, env: env(tmp), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    const closed = new Promise<number | null>((r) => child.on('close', r));
    await until(() => fs.readdirSync(tmp).length > 0); // the record file exists: the run is between its passes or in one
    child.kill(signal);
    expect(await closed).toBe(code);
    expect(stderr).toMatch(new RegExp(`interrupted \\(${signal}\\): stopped before the end; any output is incomplete`));
    expect(stderr).not.toMatch(STACK_LINE);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it.each(['csv', 'json', 'ndjson'])('a closed pipe (calc big.csv --format %s | head -1): quiet, exit 0, nothing left in TMPDIR', async (format) => {
    const tmp = tmpdir();
    const child = spawn(process.execPath, [BIN, 'calc', big, '--date', '2025-04-15', '--format', format], { cwd: ROOT, env: env(tmp), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('2>&1 | head -1: standard error closed too, still quiet and exit 0', () => {
    const tmp = tmpdir();
    const b = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" calc "${big}" --date 2025-04-15 --format csv 2>&1 | head -1 >/dev/null; echo \${PIPESTATUS[0]}`], { cwd: ROOT, env: env(tmp), encoding: 'utf8' });
    expect(b.stdout.trim()).toBe('0');
    expect(b.stderr).toBe('');
    expect(fs.readdirSync(tmp)).toEqual([]);
  });
});

describe('a failed write is never success: stdout on /dev/full', () => {
  const commands: string[][] = ([
    ['calc', 'examples/bill.csv', '--date', '2025-04-15', '--format', 'csv'],
    ['calc', 'examples/bill.csv', '--date', '2025-04-15', '--format', 'json'],
    ['calc', 'examples/bill.csv', '--date', '2025-04-15', '--format', 'ndjson'],
    ['calc', 'examples/bill.csv', '--date', '2025-04-15', '--format', 'table'],
    ['calc', 'examples/bill.csv', '--date', '2025-04-15', '--format', '7501'],
    ['calc', 'examples/bill.csv', '--date', '2025-04-15', '--format', 'json', '--explain'],
    ['lookup', '8517.13.00.00', '--date', '2025-04-15'],
    ['compare', 'examples/bill.csv', '--dates', '2025-04-15,2026-03-01'],
    ['refund', 'examples/entries.csv', '--as-of', '2026-09-01'],
    ['rates', 'info'],
    ['rates', 'check'],
    ['rates', 'diff', '--from', '2025-04-01', '--to', '2025-06-30'],
    ['--help'],
  ] as string[][]);
  it.runIf(fs.existsSync('/dev/full')).each(commands.map((c) => [c.join(' '), c] as const))('%s: exit 1, "cannot write output: disk full"', (_, args) => {
    const out = fs.openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: env(tmpdir()), stdio: ['ignore', out, 'pipe'], encoding: 'utf8', timeout: 30_000 });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^tariff: cannot write output: disk full$/m);
      expect(r.stderr).not.toMatch(/internal error/);
      expect(r.stderr).not.toMatch(STACK_LINE);
    } finally {
      fs.closeSync(out);
    }
  });
});
