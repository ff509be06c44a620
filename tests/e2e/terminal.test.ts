// The guided mode in a real pseudo-terminal (python3's pty module drives it like a person at the keyboard).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from './run.js';

const DOWN = '\x1b[B';
const UP = '\x1b[A';
const ENTER = '\r';

function drive(script: ({ wait: string } | { keys: string })[]) {
  const env: Record<string, string> = { ...process.env as Record<string, string>, NO_COLOR: '1', TERM: 'xterm' };
  delete env.FORCE_COLOR;
  const r = spawnSync('python3', [path.join(ROOT, 'tests/e2e/pty-drive.py'), JSON.stringify(script), '--', process.execPath, BIN], { cwd: ROOT, env, encoding: 'utf8', timeout: 60000 });
  return { status: r.status, output: r.stdout };
}

describe('tariff in a real terminal', () => {
  it('prices a smartphone line for 2025-04-15 and shows its 2,000.00 fentanyl duty; Ctrl+C then exits 130', () => {
    const r = drive([
      { wait: 'Which side imports?' }, { keys: ENTER },
      { wait: 'Date of entry' }, { keys: UP + ENTER }, // "another date..." is the last choice
      { wait: 'Date (YYYY-MM-DD' }, { keys: `2025-04-15${ENTER}` },
      { wait: 'Product:' }, { keys: 'smartphone' },
      { wait: '8517.13.00.00' }, { keys: ENTER },
      { wait: 'Customs value in USD' }, { keys: `10000${ENTER}` },
      { wait: 'Claims you can make' }, { keys: ENTER },
      { wait: 'Next' }, { keys: '\x03' },
    ]);
    expect(r.output).toMatch(/IEEPA fentanyl\s+│ 9903\.01\.24\s+│\s+2000\.00/);
    expect(r.output).toMatch(/Landed cost\s+│ customs value 10000\.00\s+│\s+12047\.14/);
    expect(r.output).not.toMatch(/\n\s+at /);
    expect(r.status).toBe(130);
  });

  it('quitting prints the final table on standard output and exits 0', () => {
    const r = drive([
      { wait: 'Which side imports?' }, { keys: DOWN + ENTER },
      { wait: 'Date of entry' }, { keys: UP + ENTER },
      { wait: 'Date (YYYY-MM-DD' }, { keys: `2025-11-11${ENTER}` },
      { wait: 'Product:' }, { keys: '0203.29' },
      { wait: '0203.29.00' }, { keys: ENTER },
      { wait: 'Currency' }, { keys: ENTER },
      { wait: 'Value in CNY' }, { keys: `10000${ENTER}` },
      { wait: 'International freight' }, { keys: ENTER },
      { wait: 'Claims you can make' }, { keys: ` ${ENTER}` }, // cn-exclusion
      { wait: 'Next' }, { keys: UP + ENTER }, // Quit is the last choice
    ]);
    expect(r.status).toBe(0);
    // 0203.29.00 frozen pork after 2025-11-10 13:01 with an exclusion: 12 + 25 + 10 = 47% of 10,000
    expect(r.output).toMatch(/Into CN: program[\s\S]*Duty\s+│\s+│\s+4700\.00/);
  });
});
