import fs from 'node:fs';
import type { Measure, Notice, ProductList } from '../core/types.js';
import { LedgerError, type Ledger } from './load.js';
import { listLookups } from './list-index.js';
import { Checker, type LedgerIssue } from './schema.js';
import { checkLists, checkMeasures } from './validate.js';

/**
 * A scenario layers a user's ledger over the built-in one (README "Scenarios"):
 * { "scenario": name, "description", "remove": [measure ids], "change": [{ "id", "from"?, "set": {...} }],
 *   "add": [measures], "lists": [product lists], "removeNotices": [notice ids], "notices": [notices added] }.
 * A change with `from` splits the measure there: the old rate runs to `from`, the new one from it.
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
}

const CHANGEABLE = new Set(['rate', 'from', 'to', 'origins', 'scope', 'except', 'replaces', 'unconfirmed', 'heading', 'program']);

export function checkScenario(file: string, doc: unknown, ledger: Ledger): LedgerIssue[] {
  const c = new Checker(file);
  if (!c.object(doc, '(file)', '(root)')) return c.issues;
  c.string(doc, 'scenario', '(file)');
  const known = new Set(ledger.measures.map((m) => m.id));
  const issues: LedgerIssue[] = [];
  if (doc.lists !== undefined) issues.push(...checkLists(file, { lists: doc.lists }));
  const lists = new Set([...ledger.lists.keys(), ...(Array.isArray(doc.lists) ? doc.lists.map((l) => (l as ProductList).id) : [])]);
  if (doc.remove !== undefined && c.array(doc.remove, '(file)', 'remove')) {
    for (const id of doc.remove) if (typeof id !== 'string' || !known.has(id)) c.fail(`remove ${String(id)}`, 'id', 'no measure of the ledger has this id (see tariff rates diff or rates/*/measures.json)');
  }
  if (doc.change !== undefined && c.array(doc.change, '(file)', 'change')) {
    doc.change.forEach((ch, i) => {
      const at = `change[${i}]`;
      if (!c.object(ch, at, '(entry)')) return;
      const id = c.string(ch, 'id', at);
      if (id && !known.has(id)) c.fail(at, 'id', `no measure of the ledger has the id "${id}"`);
      c.date(ch, 'from', at, true);
      if (c.object(ch.set, at, 'set')) {
        for (const k of Object.keys(ch.set)) if (!CHANGEABLE.has(k)) c.fail(at, `set.${k}`, `cannot be changed (changeable: ${[...CHANGEABLE].join(', ')})`);
        if (ch.set.rate !== undefined) c.rate(ch.set, 'rate', at);
        c.date(ch.set, 'from', at, true);
        c.date(ch.set, 'to', at, true);
      }
    });
  }
  const notices = new Set(ledger.notices.map((n) => n.id));
  if (doc.removeNotices !== undefined && c.array(doc.removeNotices, '(file)', 'removeNotices')) {
    for (const id of doc.removeNotices) if (typeof id !== 'string' || !notices.has(id)) c.fail(`removeNotices ${String(id)}`, 'id', 'no notice of the ledger has this id (see rates/*/measures.json "notices")');
  }
  if (doc.notices !== undefined) issues.push(...checkMeasures(file, { measures: [], notices: doc.notices }, lists, ledger.measures.map((m) => m.program)));
  if (doc.add !== undefined) issues.push(...checkMeasures(file, { measures: doc.add }, lists, ledger.measures.map((m) => m.program)));
  return [...c.issues, ...issues];
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
  const s = doc as Scenario;
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
  return { ...ledger, scenario: s.scenario, measures, notices, lists, ...(s.lists?.length ? listLookups(lists) : {}) };
}

/** The built-in ledger with the scenario files applied in order. */
export function withScenarios(ledger: Ledger, files: string[] | undefined): Ledger {
  return (files ?? []).reduce<Ledger>((l, f) => applyScenario(f, l), ledger);
}
