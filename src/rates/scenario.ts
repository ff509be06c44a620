import fs from 'node:fs';
import type { CnTariffLine, Measure, Notice, ProductList, Source } from '../core/types.js';
import { citeSources } from '../core/types.js';
import { LedgerError, type Ledger } from './load.js';
import { listLookups } from './list-index.js';
import { KNOWN_KEYS } from './keys.js';
import { ledgerOverlaps } from './overlaps.js';
import { Checker, type LedgerIssue } from './schema.js';
import { checkLists, checkMeasures } from './validate.js';

/**
 * A scenario layers a user's ledger over the built-in one (README "Scenarios"):
 * { "scenario": name, "description", "remove": [measure ids], "change": [{ "id", "from"?, "set": {...} }],
 *   "add": [measures], "lists": [product lists], "removeNotices": [notice ids], "notices": [notices added] }.
 * A change with `from` splits the measure there: the old rate runs to `from`, the new one from it.
 * `cnLines` are Chinese base rates of the user's own (`tariff rates import-cn FILE` writes them from a broker's schedule):
 * a code of 8 or 10 digits with its MFN (or provisional) rate, import VAT and consumption tax, taken before the
 * built-in lines (a 10-digit code falls back to its 8-digit line).
 */
export interface Scenario {
  scenario: string;
  description?: string;
  remove?: string[];
  change?: { id: string; from?: string; set: Partial<Measure> }[];
  add?: Measure[];
  lists?: ProductList[];
  removeNotices?: string[];
  notices?: Notice[];
  cnLines?: CnUserLine[];
}

/** A Chinese tariff line the user brings. */
export interface CnUserLine { code: string; description: string; mfn: string; vat: string; ct?: string; sources: Source[] }

/** Check a scenario against the ledger it layers over: its keys and types, the ids it names, what it adds, and the
 * ledger it makes (a measure changed into a broken one, or two measures that both charge one line: ledgerOverlaps). */
export function checkScenario(file: string, doc: unknown, ledger: Ledger): LedgerIssue[] {
  const c = new Checker(file);
  if (!c.object(doc, '(file)', '(root)')) return c.issues;
  c.keys(doc, 'scenario', '(file)');
  c.string(doc, 'scenario', '(file)');
  const byId = new Map(ledger.measures.map((m) => [m.id, m]));
  const issues: LedgerIssue[] = [];
  if (doc.lists !== undefined) issues.push(...checkLists(file, { lists: doc.lists }));
  const lists = new Set([...ledger.lists.keys(), ...(Array.isArray(doc.lists) ? doc.lists.map((l) => (l as ProductList).id) : [])]);
  const programs = ledger.measures.map((m) => m.program);
  if (doc.remove !== undefined && c.array(doc.remove, '(file)', 'remove')) {
    for (const id of doc.remove) if (typeof id !== 'string' || !byId.has(id)) c.fail(`remove ${String(id)}`, 'id', 'no measure of the ledger has this id (see tariff rates diff or rates/*/measures.json)');
  }
  if (doc.change !== undefined && c.array(doc.change, '(file)', 'change')) {
    doc.change.forEach((ch, i) => {
      const at = `change[${i}]`;
      if (!c.object(ch, at, '(entry)')) return;
      c.keys(ch, 'change', at);
      const id = c.string(ch, 'id', at);
      const measure = id ? byId.get(id) : undefined;
      if (id && !measure) c.fail(at, 'id', `no measure of the ledger has the id "${id}"`);
      const before = c.issues.length;
      const date = c.date(ch, 'from', at, true);
      const from = c.issues.length === before ? date : undefined;
      if (!c.object(ch.set, at, 'set')) return;
      c.keys(ch.set, 'changeSet', at, 'set.');
      if (!measure) return;
      // the measure as the change makes it is checked as any measure is (a scope given as a string, a rate of "x")
      const set = Object.fromEntries(Object.entries(ch.set).filter(([k]) => (KNOWN_KEYS.changeSet as readonly string[]).includes(k)));
      const changed = { ...measure, ...set, ...(from ? { from } : {}) };
      if (from && !(from > measure.from && (measure.to === undefined || from <= measure.to))) c.fail(at, 'from', `${from} is not inside ${id} (${measure.from} to ${measure.to ?? 'open'}) nor its end: a change splits the measure on a day it is in force, or extends it from its end`);
      for (const issue of checkMeasures(file, { measures: [changed] }, lists, programs)) c.fail(at, `set.${issue.field}`, issue.message);
    });
  }
  const notices = new Set(ledger.notices.map((n) => n.id));
  if (doc.removeNotices !== undefined && c.array(doc.removeNotices, '(file)', 'removeNotices')) {
    for (const id of doc.removeNotices) if (typeof id !== 'string' || !notices.has(id)) c.fail(`removeNotices ${String(id)}`, 'id', 'no notice of the ledger has this id (see rates/*/measures.json "notices")');
  }
  if (doc.notices !== undefined) issues.push(...checkMeasures(file, { measures: [], notices: doc.notices }, lists, programs));
  if (doc.cnLines !== undefined && c.array(doc.cnLines, '(file)', 'cnLines')) {
    const seen = new Set<string>();
    doc.cnLines.forEach((l, i) => {
      const at = `cnLines[${i}]`;
      if (!c.object(l, at, '(entry)')) return;
      const id = typeof l.code === 'string' ? l.code : at;
      c.keys(l, 'cnLine', id);
      if (typeof l.code !== 'string' || !/^(\d{8}|\d{10})$/.test(l.code)) c.fail(id, 'code', 'expected a Chinese tariff line of 8 or 10 digits');
      else if (seen.has(l.code)) c.fail(id, 'code', 'duplicate code');
      else seen.add(l.code);
      c.string(l, 'description', id);
      for (const k of ['mfn', 'vat']) {
        c.rate(l, k, id);
        if (typeof l[k] === 'string' && !/^\s*\d+(\.\d+)?\s*%\s*$/.test(l[k] as string)) c.fail(id, k, 'only ad valorem rates are computed for China (e.g. "6.5%")');
      }
      if (l.ct !== undefined) {
        c.rate(l, 'ct', id);
        if (typeof l.ct === 'string' && !/^\s*\d+(\.\d+)?\s*%\s*$/.test(l.ct)) c.fail(id, 'ct', 'an ad valorem consumption tax (e.g. "10%")');
      }
      c.sources(l, id);
    });
  }
  if (doc.add !== undefined) {
    issues.push(...checkMeasures(file, { measures: doc.add }, lists, programs));
    if (Array.isArray(doc.add)) for (const m of doc.add) {
      const id = (m as { id?: unknown } | null)?.id;
      if (typeof id === 'string' && byId.has(id) && !(Array.isArray(doc.remove) && doc.remove.includes(id))) c.fail(id, 'id', 'a measure of the ledger has this id: change it, or remove it first ("remove")');
    }
  }
  const found = [...c.issues, ...issues];
  if (found.length > 0) return found;
  // the ledger the scenario makes: two measures that would both charge one line
  const applied = applyChecked(file, doc as unknown as Scenario, ledger);
  const touched = new Set([...(doc as unknown as Scenario).add ?? []].map((m) => m.id).concat(((doc as unknown as Scenario).change ?? []).flatMap((ch) => [ch.id, `${ch.id}@${ch.from}`])));
  return ledgerOverlaps(applied.measures, applied.lists, (m) => file, (a, b) => touched.has(a.id) || touched.has(b.id));
}

/** The largest scenario file read: 16 MiB (the built-in ledger's biggest product list is a fraction of it). */
export const MAX_SCENARIO_BYTES = 16 << 20;

/** A scenario file's JSON, read at most MAX_SCENARIO_BYTES (a device such as /dev/zero never ends); problems as issues. */
export function readScenario(file: string): { doc: unknown } | { issue: LedgerIssue } {
  const fail = (message: string) => ({ issue: { file, entry: '(file)', field: '(file)', message } });
  let text: string;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const buf = Buffer.alloc(MAX_SCENARIO_BYTES + 1);
      let n = 0;
      for (let got = -1; got !== 0 && n < buf.length;) n += got = fs.readSync(fd, buf, n, buf.length - n, null);
      if (n > MAX_SCENARIO_BYTES) return fail(`larger than ${MAX_SCENARIO_BYTES >> 20} MiB: a scenario is a small JSON file (is this the right file?)`);
      text = buf.toString('utf8', 0, n);
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a scenario file' : (e as Error).message);
  }
  try {
    return { doc: JSON.parse(text) };
  } catch (e) {
    return fail(`not JSON: ${(e as Error).message.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).slice(0, 200)}`);
  }
}

/** The ledger with the scenario applied; throws LedgerError with every problem of the scenario file. */
export function applyScenario(file: string, ledger: Ledger): Ledger & { scenario: string } {
  const read = readScenario(file);
  if ('issue' in read) throw new LedgerError([read.issue]);
  const doc = read.doc;
  const issues = checkScenario(file, doc, ledger);
  if (issues.length > 0) throw new LedgerError(issues);
  return applyChecked(file, doc as Scenario, ledger);
}

/** A scenario already checked, applied. */
function applyChecked(file: string, s: Scenario, ledger: Ledger): Ledger & { scenario: string } {
  let measures = ledger.measures.filter((m) => !(s.remove ?? []).includes(m.id));
  for (const ch of s.change ?? []) {
    measures = measures.flatMap((m) => {
      if (m.id !== ch.id) return [m];
      if (!ch.from) return [{ ...m, ...ch.set }];
      return [{ ...m, to: ch.from }, { ...m, ...ch.set, id: `${m.id}@${ch.from}`, from: ch.from, sources: [...m.sources, { instrument: `scenario: ${s.scenario}`, citation: file, url: 'file:' + file }] }];
    });
  }
  measures = [...measures, ...(s.add ?? [])];
  const notices = [...ledger.notices.filter((n) => !(s.removeNotices ?? []).includes(n.id)), ...(s.notices ?? [])];
  const lists = new Map(ledger.lists);
  for (const l of s.lists ?? []) lists.set(l.id, l);
  return { ...ledger, scenario: s.scenario, measures, notices, lists, ...(s.lists?.length ? listLookups(lists) : {}), ...(s.cnLines?.length ? cnLayer(s.cnLines, ledger) : {}) };
}

/** The user's Chinese lines over the ledger's: an exact code, or the 8-digit line of a 10-digit code, before the built-in. */
function cnLayer(lines: CnUserLine[], ledger: Ledger): Pick<Ledger, 'cnLine' | 'cnLines'> {
  const byCode = new Map(lines.map((l) => [l.code, l]));
  return {
    cnLine: (code: string): CnTariffLine | { error: string } => {
      const l = byCode.get(code) ?? (code.length === 10 ? byCode.get(code.slice(0, 8)) : undefined);
      if (!l) return ledger.cnLine(code);
      return { code, description: l.description, mfn: l.mfn, vat: l.vat, ...(l.ct ? { ct: l.ct } : {}), source: citeSources(l.sources) };
    },
    cnLines: () => [...lines.map(({ code, description, mfn, vat }) => ({ code, description, mfn, vat })), ...ledger.cnLines().filter((l) => !byCode.has(l.code))],
  };
}

/** The built-in ledger with the scenario files applied in order. */
export function withScenarios(ledger: Ledger, files: string[] | undefined): Ledger {
  return (files ?? []).reduce<Ledger>((l, f) => applyScenario(f, l), ledger);
}
