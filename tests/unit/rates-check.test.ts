// `tariff rates check`: the built-in ledger passes; twelve deliberately broken ledgers (and two broken chapter files) are each caught with the right message.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTarget } from '../../src/rates/check.js';
import { loadLedger } from '../../src/rates/load.js';

const SRC = [{ instrument: 'test instrument', citation: 'test citation', url: 'https://example.test' }];
const measure = (id: string, extra: Record<string, unknown> = {}) => ({
  id, side: 'US', program: 'Section 301', heading: '9903.88.03', rate: '25%', origins: ['CN'], scope: { list: 's301' }, from: '2019-05-10', sources: SRC, ...extra,
});

/** A small valid ledger; `mutate` breaks one thing. */
function ledgerDir(mutate: (files: Record<string, any>) => void = () => {}): string {
  const files: Record<string, any> = {
    'ledger.json': { edition: 'test', reviewedThrough: { US: '2026-07-23', CN: '2026-10-07' }, coverage: { US: 'test', CN: 'test' },
      files: { US: { hts: 'us/hts.json', measures: 'us/measures.json', fees: 'us/fees.json', refund: 'us/refund.json', lists: ['us/lists.json'] },
        CN: { lines: 'cn/lines.json', measures: 'cn/measures.json', lists: [] } } },
    'us/hts.json': { edition: 'HTSUS test', effective: '2026-06-08', unparsedRates: {}, rows: [['8517', 0, 'Telephones', '', ''], ['85171300', 1, 'Smartphones', '', 'Free'], ['8517130000', 2, 'Smartphones', 'No.', '']] },
    'us/measures.json': { measures: [measure('list3'), measure('fentanyl', { program: 'IEEPA fentanyl', heading: '9903.01.24', rate: '20%', scope: { all: true }, from: '2025-03-04' })] },
    'us/fees.json': { mpf: [{ id: 'mpf', label: 'FY', from: '2024-10-01', rate: '0.3464%', min: '32.71', max: '634.62', informal: '2.62', informalBelow: '2500', modes: ['ocean', 'air'], otherModes: 'not charged', sources: SRC }], hmf: [{ id: 'hmf', from: '2025-01-01', rate: '0.125%', modes: ['ocean'], sources: SRC }] },
    'us/refund.json': { programs: ['IEEPA fentanyl'], ruling: SRC[0], cape: { opened: '2026-04-20', phase1WithinDaysOfLiquidation: '80', sources: SRC }, needs: ['an entry number'] },
    'us/lists.json': { lists: [{ id: 's301', title: 'List 3', sources: SRC, entries: [{ code: '85171300' }] }] },
    'cn/lines.json': { lines: [], prefixes: [], consumptionTax: { sources: SRC, rules: [] }, defaults: { vat: '13%', vatAssumed: 'x', insuranceWhenUnknown: '0.3%', insuranceAdded: 'y', sources: SRC } },
    'cn/measures.json': { measures: [] },
  };
  mutate(files);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
  for (const [name, doc] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), typeof doc === 'string' ? doc : JSON.stringify(doc));
  }
  return dir;
}

/** The schedule as the built-in ledger ships it: a file per chapter. */
function chaptered(f: Record<string, any>): void {
  f['us/hts/85.json'] = { rows: f['us/hts.json'].rows };
  f['us/hts.json'] = { ...f['us/hts.json'], rows: undefined, chapters: { '85': 'us/hts/85.json' } };
}

const check = (dir: string) => checkTarget(dir, () => loadLedger());
const messages = (r: ReturnType<typeof check>, kind: 'errors' | 'warnings' = 'errors') => r[kind].map((i) => `${i.file}: ${i.entry}: ${i.field}: ${i.message}`);

describe('tariff rates check', () => {
  it('passes the built-in ledger (the suite runs it on rates/): no error', () => {
    expect(messages(checkTarget(undefined, () => loadLedger()))).toEqual([]);
  });
  it('passes the small valid ledger', () => {
    const r = check(ledgerDir());
    expect([r.errors, r.warnings]).toEqual([[], []]);
  });
  it.each([
    ['a rate that is not a rate', (f: any) => { f['us/measures.json'].measures[0].rate = '25 percent'; }, /us\/measures\.json: list3: rate: "25 percent" is not a rate/],
    ['an impossible date', (f: any) => { f['us/measures.json'].measures[0].from = '2025-13-01'; }, /list3: from: "2025-13-01" is not a date/],
    ['a period that ends before it starts', (f: any) => { f['us/measures.json'].measures[0].to = '2019-01-01'; }, /list3: to: ends \(2019-01-01\) before it starts \(2019-05-10\)/],
    ['two rates of one provision at once', (f: any) => { f['us/measures.json'].measures.push(measure('list3-b', { rate: '50%', from: '2025-01-01' })); }, /list3-b: from: overlaps list3 \(Section 301 9903.88.03, .*\): both would charge \d+ from 2025-01-01/],
    ['an unknown program in a stacking rule', (f: any) => { f['us/measures.json'].measures[0].except = [{ heading: '9903.01.33', whenApplied: ['Section 999'], reason: 'x' }]; }, /list3: except\[0\]\.whenApplied: unknown program "Section 999"/],
    ['a scope naming a missing product list', (f: any) => { f['us/measures.json'].measures[0].scope = { list: 'nope' }; }, /list3: scope\.list: unknown product list "nope"/],
    ['a measure without a legal source', (f: any) => { f['us/measures.json'].measures[0].sources = []; }, /list3: sources: every entry needs at least one legal source/],
    ['two measures with one id', (f: any) => { f['us/measures.json'].measures.push(measure('list3', { from: '2030-01-01' })); }, /list3: id: duplicate id/],
    ['a file that is not JSON', (f: any) => { f['us/fees.json'] = '{ "mpf": [ '; }, /us\/fees\.json: \(file\): \(file\): .*JSON/],
    ['a fee that is not an amount', (f: any) => { f['us/fees.json'].mpf[0].min = '32,71'; }, /us\/fees\.json: mpf: min: "32,71" is not an amount/],
    ['stacking rules in a cycle', (f: any) => {
      f['us/measures.json'].measures[0].except = [{ heading: 'x', whenApplied: ['IEEPA fentanyl'], reason: 'x' }];
      f['us/measures.json'].measures[1].except = [{ heading: 'y', whenApplied: ['Section 301'], reason: 'y' }];
    }, /stacking rules form a cycle: (Section 301 -> IEEPA fentanyl -> Section 301|IEEPA fentanyl -> Section 301 -> IEEPA fentanyl)/],
    ['a missing HTSUS chapter file', (f: any) => { chaptered(f); delete f['us/hts/85.json']; }, /us\/hts\/85\.json: \(file\): \(file\): ENOENT/],
    ['an HTSUS chapter file without rows', (f: any) => { chaptered(f); f['us/hts/85.json'] = { lines: [] }; }, /us\/hts\/85\.json: \(file\): rows: expected \{"rows": \[\.\.\.\]\}/],
    ['an overlap in a measures file of another name, named as the manifest names it', (f: any) => {
      f['ledger.json'].files.US.measures = 'us/measures-2026.json';
      f['us/measures-2026.json'] = f['us/measures.json'];
      delete f['us/measures.json'];
      f['us/measures-2026.json'].measures.push(measure('list3-b', { rate: '50%', from: '2025-01-01' }));
    }, /^us\/measures-2026\.json: list3-b: from: overlaps list3/m],
    ["China's VAT default without the text its warning gives", (f: any) => { delete f['cn/lines.json'].defaults.vatAssumed; }, /cn\/lines\.json: defaults: vatAssumed: expected a non-empty string/],
    ['a ledger.json without its files', (f: any) => { delete f['ledger.json'].files.US.fees; }, /ledger\.json: files\.US: fees: expected a non-empty string/],
    ['an unknown key (a typo)', (f: any) => { f['us/measures.json'].measures[0].form = '2019-05-10'; }, /list3: form: unknown key: expected one of id, side, program/],
    ['a scope of the wrong type', (f: any) => { f['us/measures.json'].measures[0].scope = 's301'; }, /list3: scope: expected an object/],
    ['a day that does not exist (2025-02-30 would roll over to March 2)', (f: any) => { f['us/measures.json'].measures[0].from = '2025-02-30'; }, /list3: from: "2025-02-30" is not a date/],
    ['a malformed heading', (f: any) => { f['us/measures.json'].measures[0].heading = '99O3.88.1'; }, /list3: heading: "99O3\.88\.1" is not a well-formed heading/],
    ['a malformed exception heading', (f: any) => { f['us/measures.json'].measures[0].except = [{ heading: '9903.8', codes: ['8517'], reason: 'x' }]; }, /list3 except\[0\]: heading: "9903\.8" is not a well-formed heading/],
    ['two headings of one program at once (fentanyl 10% and 20%)', (f: any) => {
      f['us/measures.json'].measures.push(measure('fentanyl-10', { program: 'IEEPA fentanyl', heading: '9903.01.20', rate: '10%', scope: { all: true }, from: '2025-02-04' }));
    }, /fentanyl: from: overlaps fentanyl-10 \(IEEPA fentanyl 9903\.01\.20, 2025-02-04 to open\): both would charge every good from 2025-03-04/],
    ['a list entry that is not a code, named by its place', (f: any) => { f['us/lists.json'].lists[0].entries.push({ code: '8517.13', from: '2025-13-01' }); },
      /us\/lists\.json: s301 entries\[\d+\]: code: "8517\.13" is not a tariff code[^]*s301 entries\[\d+\]: from: "2025-13-01" is not a date/],
    ['two product lists with one id', (f: any) => { f['us/lists.json'].lists.push({ id: 's301', title: 'again', sources: SRC, entries: [] }); }, /us\/lists\.json: s301: id: duplicate list id/],
    ['an origin that is not an ISO code', (f: any) => { f['us/measures.json'].measures[0].origins = ['XX']; }, /list3: origins: "XX" is not an ISO 3166 country code/],
    ['a notice whose warning code is not one', (f: any) => {
      f['us/measures.json'].notices = [{ id: 'n1', side: 'US', list: 's301', from: '2025-01-01', message: 'x', warning: 'exclusion', sources: SRC }];
    }, /n1: warning: "exclusion" is not a warning code \(ledger-stale, /],
    ['a file outside the ledger folder', (f: any) => { f['ledger.json'].files.US.refund = '../../etc/refund.json'; }, /ledger\.json: files\.US: refund: "\.\.\/\.\.\/etc\/refund\.json" is outside the ledger folder/],
  ])('catches %s', (_name, mutate, expected) => {
    const r = check(ledgerDir(mutate));
    expect(messages(r).join('\n')).toMatch(expected);
  });
  it('warns about a list code that is not a line of the schedule, and a gap between periods', () => {
    const r = check(ledgerDir((f) => {
      f['us/lists.json'].lists[0].entries.push({ code: '99887766' });
      f['us/measures.json'].measures.push(measure('list3-later', { from: '2030-01-01' }));
      f['us/measures.json'].measures[0].to = '2029-01-01';
    }));
    expect(r.errors).toEqual([]);
    expect(messages(r, 'warnings').join('\n')).toMatch(/list s301: 99887766: code: 1 code\(s\) are not lines of the HTSUS test/);
    expect(messages(r, 'warnings').join('\n')).toMatch(/list3-later: from: gap after list3/);
  });
  it.each([
    ['a claim', (f: any) => { f['us/measures.json'].measures.push(measure('list3-claimed', { heading: '9903.88.69', rate: '0%', requiresClaim: '9903.88.69', from: '2025-01-01' })); }],
    ['their origins', (f: any) => { f['us/measures.json'].measures.push(measure('fentanyl-hk', { program: 'IEEPA fentanyl', heading: '9903.01.25', origins: ['HK'], scope: { all: true }, from: '2025-03-04' })); }],
    ['an exception leaving out the other\'s list', (f: any) => {
      f['us/measures.json'].measures.push(measure('fentanyl-other', { program: 'IEEPA fentanyl', heading: '9903.01.26', scope: { list: 's301' }, from: '2025-03-04' }));
      f['us/measures.json'].measures[1].except = [{ heading: '9903.01.26', list: 's301', reason: 'the listed goods pay 9903.01.26' }];
    }],
    ['a heading that is text, not a number', (f: any) => { f['us/measures.json'].measures[0].heading = '232 polysilicon (heading not published)'; }],
  ])('passes measures of one program told apart by %s', (_name, mutate) => {
    expect(check(ledgerDir(mutate)).errors).toEqual([]);
  });
  it('passes the small ledger with its schedule in chapter files', () => {
    const r = check(ledgerDir(chaptered));
    expect([r.errors, r.warnings]).toEqual([[], []]);
  });
  it('checks a scenario file against the built-in ledger', () => {
    expect(check('examples/scenarios/us-301-list3-50.json').errors).toEqual([]);
  });
});
