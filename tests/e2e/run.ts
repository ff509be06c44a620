/**
 * End-to-end helper: spawn the built CLI (`node bin/tariff.js ...`) the way a script or CI job would:
 * no terminal (all three streams are pipes), NO_COLOR=1, and no FORCE_COLOR inherited from the test runner.
 * The tests need `npm run build` first (`npm test` does it in its pretest step).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'tariff.js');
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'e2e');

if (!fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) {
  throw new Error('dist/cli/main.js is missing: run `npm run build` before the e2e tests');
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** extra environment variables; a value of undefined removes the variable */
  env?: Record<string, string | undefined>;
  cwd?: string;
}

/** Path of a fixture in tests/fixtures/e2e. */
export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

/**
 * Run `node bin/tariff.js ...args`. `input` is written to standard input (a pipe, never a TTY);
 * without it standard input is an empty pipe, closed at once.
 */
export function run(args: string[], input?: string, options: RunOptions = {}): RunResult {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && k !== 'FORCE_COLOR' && k !== 'NO_COLOR' && k !== 'CLICOLOR_FORCE') env[k] = v;
  }
  env.NO_COLOR = '1';
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env,
    input: input ?? '',
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: 15000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Run and parse standard output as one JSON document (fails the test with stderr if it is not JSON). */
export function runJson<T = any>(args: string[], input?: string, options?: RunOptions): RunResult & { json: T } {
  const r = run(args, input, options);
  let json: T;
  try {
    json = JSON.parse(r.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${r.status}).\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
  }
  return { ...r, json };
}

/** An ANSI escape sequence (colour, bold...). */
export const ANSI = /\x1b\[/;

/** A stack trace line, e.g. "    at main (file:///...)". */
export const STACK_LINE = /^\s+at /m;
