/**
 * The package as a user gets it: `npm pack`, a global install into a temporary prefix, then `tariff` from another
 * folder. (pack runs with --ignore-scripts here because the suite has just built dist/; prepack is checked to build.)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './run.js';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let tmp: string;
let bin: string;
let installed: string;

function sh(cmd: string, args: string[], cwd: string) {
  const env = { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' } as Record<string, string>;
  delete env.FORCE_COLOR;
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 90_000 });
  if (r.error) throw r.error;
  return r;
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tariff-pack-'));
  const packed = sh(NPM, ['pack', '--ignore-scripts', '--pack-destination', tmp, '--json'], ROOT);
  expect(packed.status, packed.stderr).toBe(0);
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  const files = info!.files.map((f) => f.path);
  for (const f of ['bin/tariff.js', 'dist/cli/main.js', 'dist/index.js', 'dist/index.d.ts', 'rates/ledger.json', 'examples/bill.csv']) expect(files).toContain(f);
  expect(files.some((f) => f.startsWith('src/') || f.startsWith('tests/'))).toBe(false);
  const prefix = path.join(tmp, 'global');
  const inst = sh(NPM, ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', path.join(tmp, info!.filename)], tmp);
  expect(inst.status, inst.stderr).toBe(0);
  bin = path.join(prefix, 'bin', 'tariff');
  installed = path.join(prefix, 'lib', 'node_modules', 'tariff-impact');
}, 120_000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('packed and installed globally', () => {
  it('prepack builds', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.prepack).toMatch(/npm run build/);
  });

  it('tariff --version and -v from another folder', () => {
    const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    for (const flag of ['--version', '-v']) {
      const r = sh(bin, [flag], os.tmpdir());
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
    }
  });

  it('tariff calc on the shipped example from another folder', () => {
    const r = sh(bin, ['calc', path.join(installed, 'examples', 'bill.csv'), '--format', 'json'], tmp);
    expect(r.status, r.stderr).toBe(0);
    // examples/bill.csv (each row dated): US lines 10,000 + 4,800 + 2,500 + 6,400 + 1,200 = 24,900.00 USD; the
    // soybeans 3,344.47 CNY; and the ledger found from another folder (not the working directory's rates/)
    const doc = JSON.parse(r.stdout);
    expect(doc.totals.US.customsValue).toBe('24900.00');
    expect(doc.totals.CN.customsValue).toBe('3344.47');
  });

  it('a missing examples/ path names where the shipped examples are', () => {
    const r = sh(bin, ['calc', 'examples/bill.csv'], tmp);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`cannot read examples/bill.csv: no such file (the examples shipped with tariff are in ${path.join(installed, 'examples')}${path.sep})`);
  });

  it('imported as a library by name (package.json exports): prices a line, and importing has no side effects', () => {
    const app = path.join(tmp, 'app');
    fs.mkdirSync(path.join(app, 'node_modules'), { recursive: true });
    fs.symlinkSync(installed, path.join(app, 'node_modules', 'tariff-impact'));
    // the README's script, on a one-line bill: 8517.13.00.00 on 2025-04-15, value 10,000.00: IEEPA fentanyl 20% =
    // 2,000.00 (smartphones were out of the reciprocal tariff from 2025-04-05); MPF 0.3464% = 34.64; HMF 0.125% = 12.50;
    // landed 10,000 + 2,000 + 34.64 + 12.50 = 12,047.14
    fs.writeFileSync(path.join(app, 'bill.csv'), 'hts,value\n8517.13.00.00,10000.00\n');
    // the script as the README shows it (section "As a library")
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const script = /## As a library[\s\S]*?```js\n([\s\S]*?)```/.exec(readme)![1]!;
    expect(script.trim().split('\n').length).toBeLessThanOrEqual(10);
    fs.writeFileSync(path.join(app, 'price.mjs'), script);
    const r = sh(process.execPath, ['price.mjs'], app);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('8517.13.00.00 2000.00 12047.14\n');
    // arguments that the CLI would act on: importing the library reads none, prints nothing, sets no exit code
    const quiet = sh(process.execPath, ['--input-type=module', '-e', "await import('tariff-impact');", 'calc', 'bill.csv'], app);
    expect([quiet.status, quiet.stdout, quiet.stderr]).toEqual([0, '', '']);
  });
});
