// Progress of a long run on standard error: shown on a terminal (rows and rate), cleared at the end; never in a pipe
// nor with --quiet. Standard output goes to a file, as when a bill is priced into a CSV from a terminal.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBill } from '../../scripts/bench-bill.js';
import { BIN, ROOT } from './run.js';

const LINES = 200_000;
let dir: string;
let bill: string;

/** calc on the bill in a real pseudo-terminal (standard error on it, standard output to a file): what the terminal shows. */
function onTerminal(extra: string[]): { status: number | null; screen: string; out: string } {
  const out = path.join(dir, `out-${extra.length}.csv`);
  const command = `exec "${process.execPath}" "${BIN}" calc "${bill}" --format csv ${extra.join(' ')} > "${out}"`;
  const env: Record<string, string> = { ...process.env as Record<string, string>, NO_COLOR: '1', TERM: 'xterm' };
  delete env.FORCE_COLOR;
  const r = spawnSync('python3', [path.join(ROOT, 'tests/e2e/pty-drive.py'), '[]', '--', 'sh', '-c', command], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, screen: r.stdout, out };
}

const PROGRESS = /\r[\d,]+ rows, [\d,]+ rows\/s/;

describe('progress of a long run', () => {
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tariff-progress-'));
    bill = path.join(dir, 'bill.csv');
    writeBill(LINES, bill);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('on a terminal: rows and rate while the bill is read, the line cleared before the warnings', () => {
    const r = onTerminal([]);
    expect(r.status).toBe(0);
    expect(r.screen).toMatch(PROGRESS);
    // the last progress line is cleared, then the warnings follow on lines of their own
    expect(r.screen).toMatch(/\r\x1b\[K(\r\n)?warning: /);
    expect(fs.readFileSync(r.out, 'utf8').split('\n').length).toBe(LINES + 2); // header, lines, final newline
  });

  it('with --quiet, or when standard error is not a terminal: none', () => {
    const quiet = onTerminal(['--quiet']);
    expect(quiet.status).toBe(0);
    expect(quiet.screen).not.toMatch(/rows\/s|writing:/);
    expect(quiet.screen).toMatch(/warning: /);
    const piped = spawnSync(process.execPath, [BIN, 'calc', bill, '--format', 'csv'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
    expect(piped.status).toBe(0);
    expect(piped.stderr).not.toMatch(/rows\/s|writing:|\r/);
    expect(piped.stderr).toMatch(/^warning: /);
  });
});
