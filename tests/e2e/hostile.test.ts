// Hostile input (issue 18): bounded work, every refusal a clear message with no stack trace. The big inputs are made
// here at run time in a temporary folder; the small ones are in tests/fixtures/hostile.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, run, STACK_LINE } from './run.js';

let work: string;
const at = (name: string) => path.join(work, name);
beforeAll(() => { work = fs.mkdtempSync(path.join(os.tmpdir(), 'tariff-hostile-')); });
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const PHONE = '8517.13.00.00,100.00';
const hostile = (name: string) => path.join(ROOT, 'tests/fixtures/hostile', name);

/** run, and the time it took in ms */
function timed(args: string[], input?: string) {
  const t0 = Date.now();
  const r = run(args, input);
  return { ...r, ms: Date.now() - t0 };
}

describe('bounded work on bad input', () => {
  it('an unclosed quote in a 24 MB bill: refused at the 4 MiB row cap, not after reading it all', () => {
    const lines = `${PHONE},desc\n`.repeat(1_000_000);
    fs.writeFileSync(at('open.csv'), `hts,value,description\n${PHONE},"open\n${lines}`);
    const r = timed(['calc', at('open.csv'), '--date', '2025-04-15', '--format', 'json']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`tariff: ${at('open.csv')}: the CSV cannot be read near line 2: the row starting on line 2 is longer than 4,194,304 characters (it starts "8517.13.00.00,100.00,\\"open\\u000a8517.13.00.00…"): a row is at most 4 MiB; a quoted field may be missing its closing quote\n`);
    expect(r.ms).toBeLessThan(5000); // was 88 s for 48 MB
  });

  it('a cell of 3,000,000 escaped quotes: refused at the row cap', () => {
    fs.writeFileSync(at('quotes.csv'), `hts,value,description\n${PHONE},"${'""'.repeat(3_000_000)}"\n`);
    const r = timed(['calc', at('quotes.csv'), '--date', '2025-04-15', '--format', 'json']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/the row starting on line 2 is longer than 4,194,304 characters \(it starts "8517\.13\.00\.00,100\.00,(\\"){19}…"\)/);
    expect(r.ms).toBeLessThan(5000);
  });

  it('a cell of 1,400,000 escaped quotes under the row cap is read, in linear time (the field is 700,000 quotes)', () => {
    fs.writeFileSync(at('quotes-ok.csv'), `hts,value,description\n${PHONE},"${'""'.repeat(700_000)}"\n`);
    const r = timed(['calc', at('quotes-ok.csv'), '--date', '2025-04-15', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).lines[0].description).toBe('"'.repeat(700_000));
    expect(r.ms).toBeLessThan(5000);
  });

  it('a cell of 2,000,000 characters: that row rejected with the cell quoted shortened and escaped, the next row priced', () => {
    fs.writeFileSync(at('cell.csv'), `hts,value,description\n${PHONE},\x1b[31m${'A'.repeat(2_000_000)}\n${PHONE},ok\n`);
    const r = timed(['calc', at('cell.csv'), '--date', '2025-04-15', '--format', 'json']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^rejected: row 2, column description: is 2,000,005 characters long \("\\u001b\[31mA{35}…"\): a cell holds at most 1,048,576 characters \(1 MiB\)$/m);
    expect(r.stderr).not.toMatch(/\x1b/);
    expect(r.stderr.length).toBeLessThan(1000);
    expect(JSON.parse(r.stdout).lines.map((l: any) => l.row)).toEqual([3]);
  });

  it('100,000 columns: refused at once (at most 16,384, as in Excel)', () => {
    fs.writeFileSync(at('cols.csv'), `hts,value,${Array.from({ length: 99_998 }, (_, i) => `c${i}`).join(',')}\n${PHONE}\n`);
    const r = timed(['calc', at('cols.csv'), '--date', '2025-04-15']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`tariff: ${at('cols.csv')}: row 1 (header) has 100,000 columns: a bill has at most 16,384, as in Excel\n`);
    expect(r.ms).toBeLessThan(5000); // was 40 s
  });

  it('16,000 columns are read (linear in the columns: this was quadratic)', () => {
    fs.writeFileSync(at('cols16k.csv'), `hts,value,${Array.from({ length: 15_998 }, (_, i) => `c${i}`).join(',')}\n${PHONE}\n`);
    const r = timed(['calc', at('cols16k.csv'), '--date', '2025-04-15', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).totals.US.duty).toBe('20.00'); // fentanyl 20% of 100.00 (smartphones: Annex II)
    expect(r.ms).toBeLessThan(5000);
  });

  it.runIf(fs.existsSync('/dev/zero'))('calc /dev/zero: refused after 4 MiB with no line break', () => {
    const r = timed(['calc', '/dev/zero']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^tariff: \/dev\/zero: the CSV cannot be read near line 1: the header \(line 1\) is longer than 4,194,304 characters with no line break \(it starts "(\\u0000){40}…"\): is this a CSV file\?\n$/);
  });

  it('a bill of NUL bytes after its header: refused at the row cap', () => {
    fs.writeFileSync(at('nul.csv'), Buffer.concat([Buffer.from('hts,value\n'), Buffer.alloc(9 << 20)]));
    const r = timed(['calc', at('nul.csv')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/the row starting on line 2 is longer than 4,194,304 characters/);
  });

  it.runIf(fs.existsSync('/dev/zero'))('--scenario /dev/zero and rates check /dev/zero: refused at 16 MiB, no abort', () => {
    for (const args of [['calc', 'examples/bill.csv', '--scenario', '/dev/zero'], ['rates', 'check', '/dev/zero']]) {
      const r = timed(args);
      expect(r.status).toBe(1);
      expect(r.stdout + r.stderr).toMatch(/\/dev\/zero: \(file\): \(file\): larger than 16 MiB: a scenario is a small JSON file/);
      expect(r.stderr).not.toMatch(STACK_LINE);
    }
  });

  it('a scenario that is not JSON: said with the file, no stack trace', () => {
    fs.writeFileSync(at('bad.json'), '{"scenario": ');
    const r = run(['calc', 'examples/bill.csv', '--scenario', at('bad.json')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bad\.json: \(file\): \(file\): not JSON: /);
  });
});
