import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN } from './run.js';

describe('exit 130: interrupted', () => {
  it('Ctrl+C (SIGINT) while a bill is being read exits 130 with no stack trace', async () => {
    const child = spawn(process.execPath, [BIN, 'calc', '-'], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    child.stdin.write('hts,value\n'); // the bill is still open: the reader waits for more
    await new Promise((r) => setTimeout(r, 700));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(code).toBe(130);
    expect(stderr).toMatch(/interrupted/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
