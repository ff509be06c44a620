// `tariff rates check` catches what breaks pricing (issue 18), and passes the built-in ledger and the examples.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, run, STACK_LINE } from './run.js';

let work: string;
beforeAll(() => { work = fs.mkdtempSync(path.join(os.tmpdir(), 'tariff-check-')); });
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const SRC = [{ instrument: 'test', citation: 'test', url: 'https://example.test' }];

/** A scenario file in the work folder. */
function scenario(name: string, doc: unknown): string {
  const file = path.join(work, name);
  fs.writeFileSync(file, JSON.stringify(doc));
  return file;
}

/** A copy of the built-in ledger with `mutate` applied to its US measures file and manifest. */
function brokenLedger(name: string, mutate: (measures: any, manifest: any) => void): string {
  const dir = path.join(work, name);
  fs.cpSync(path.join(ROOT, 'rates'), dir, { recursive: true });
  const measures = JSON.parse(fs.readFileSync(path.join(dir, 'us/measures.json'), 'utf8'));
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'ledger.json'), 'utf8'));
  mutate(measures, manifest);
  fs.writeFileSync(path.join(dir, 'us/measures.json'), JSON.stringify(measures));
  fs.writeFileSync(path.join(dir, 'ledger.json'), JSON.stringify(manifest));
  return dir;
}
const byId = (measures: any, id: string) => measures.measures.find((m: any) => m.id === id);

describe('rates check passes what is right', () => {
  it.each([[[]], [['examples/scenarios/us-301-list3-50.json']], [['examples/scenarios/us-truce-extended.json']], [['examples/scenarios/cn-suspension-extended.json']]])('rates check %j: exit 0, no error', (args) => {
    const r = run(['rates', 'check', ...args]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/: 0 error\(s\), \d+ warning\(s\)\n$/);
  });
});

describe('rates check catches what breaks pricing', () => {
  it('a ledger.json naming a file outside the ledger folder', () => {
    const r = run(['rates', 'check', brokenLedger('outside', (_m, manifest) => { manifest.files.US.refund = '/etc/passwd'; })]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^error: ledger\.json: files\.US: refund: "\/etc\/passwd" is outside the ledger folder/m);
  });

  it('a ledger where two headings of one program overlap (fentanyl 9903.01.20 at 10% never ends: 10% + 20%)', () => {
    const r = run(['rates', 'check', brokenLedger('overlap', (m) => { delete byId(m, 'us-ieepa-fentanyl-10').to; })]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^error: us\/measures\.json: us-ieepa-fentanyl-20: from: overlaps us-ieepa-fentanyl-10 \(IEEPA fentanyl 9903\.01\.20, 2025-02-04 to open\): both would charge/m);
  });

  it('a ledger: a malformed heading, a day that does not exist, a non-ISO origin, an unknown key (every one listed)', () => {
    const dir = brokenLedger('broken', (m) => {
      byId(m, 'us-301-list3').heading = '99O3.88.03';
      byId(m, 'us-301-list1').from = '2025-02-30';
      byId(m, 'us-301-list2').origins = ['CN', 'XX'];
      byId(m, 'us-301-list4a').form = '2019-09-01';
    });
    const r = run(['rates', 'check', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^error: us\/measures\.json: us-301-list3: heading: "99O3\.88\.03" is not a well-formed heading/m);
    expect(r.stdout).toMatch(/^error: us\/measures\.json: us-301-list1: from: "2025-02-30" is not a date/m);
    expect(r.stdout).toMatch(/^error: us\/measures\.json: us-301-list2: origins: "XX" is not an ISO 3166 country code/m);
    expect(r.stdout).toMatch(/^error: us\/measures\.json: us-301-list4a: form: unknown key/m);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('a scenario: a typo (form), a scope of the wrong type; refused by rates check and by calc and lookup, never an internal error', () => {
    const file = scenario('typo.json', { scenario: 'typo', change: [{ id: 'us-301-list3', form: '2026-01-01', set: { rate: '50%', scope: 's301:9903.88.03' } }] });
    const check = run(['rates', 'check', file]);
    expect(check.status).toBe(1);
    expect(check.stdout).toBe(`error: ${file}: change[0]: form: unknown key: expected one of id, from, set\nerror: ${file}: change[0]: set.scope: expected an object\n${file}: 2 error(s), 0 warning(s)\n`);
    for (const args of [['lookup', '8517.62.00.90', '--date', '2025-04-15'], ['calc', 'examples/bill.csv', '--date', '2025-04-15']]) {
      const r = run([...args, '--scenario', file]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/set\.scope: expected an object/);
      expect(r.stderr).not.toMatch(/internal error/);
    }
  });

  it('a scenario that adds List 3 again, or a measure with an id the ledger has, or makes fentanyl 10% run on', () => {
    const list3 = { side: 'US', program: 'Section 301', heading: '9903.88.03', rate: '25%', origins: ['CN'], scope: { list: 's301:9903.88.03' }, from: '2025-01-01', sources: SRC };
    const twice = scenario('twice.json', { scenario: 'twice', add: [{ id: 'list3-again', ...list3 }] });
    const r = run(['rates', 'check', twice]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^error: .*twice\.json: list3-again: from: overlaps us-301-list3 \(Section 301 9903\.88\.03, 2019-05-10 to open\): both would charge \d{8,10} from 2025-01-01/m);
    const calc = run(['calc', 'examples/bill.csv', '--date', '2025-04-15', '--scenario', twice]);
    expect(calc.status).toBe(1);
    expect(calc.stdout).toBe('');
    const dup = run(['rates', 'check', scenario('dup.json', { scenario: 'dup', add: [{ id: 'us-301-list3', ...list3 }] })]);
    expect(dup.stdout).toMatch(/us-301-list3: id: a measure of the ledger has this id/);
    const on = run(['rates', 'check', scenario('on.json', { scenario: 'on', change: [{ id: 'us-ieepa-fentanyl-10', set: { to: '2026-01-01' } }] })]);
    expect(on.stdout).toMatch(/us-ieepa-fentanyl-20: from: overlaps us-ieepa-fentanyl-10 \(IEEPA fentanyl 9903\.01\.20, 2025-02-04 to 2026-01-01\)/);
  });
});
