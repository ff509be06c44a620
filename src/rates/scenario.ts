import fs from 'node:fs';
import type { CnTariffLine, Measure, Notice, ProductList, Source } from '../core/types.js';
import { citeSources } from '../core/types.js';
import { LedgerError, type Ledger } from './load.js';
import { listLookups } from './list-index.js';
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
  if (doc.cnLines !== undefined && c.array(doc.cnLines, '(file)', 'cnLines')) {
    const seen = new Set<string>();
    doc.cnLines.forEach((l, i) => {
      const at = `cnLines[${i}]`;
      if (!c.object(l, at, '(entry)')) return;
      const id = typeof l.code === 'string' ? l.code : at;
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
  if (doc.add !== undefined) issues.push(...checkMeasures(file, { measures: doc.add }, lists, ledger.measures.map((m) => m.program)));
  return [...c.issues, ...issues];
}

/** The ledger with the scenario applied; throws LedgerError with every problem of the scenario file. */
export function applyScenario(file: string, ledger: Ledger): Ledger & { scenario: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new LedgerError([{ file, entry: '(file)', field: '(file)', message: (e as Error).message }]);
  }
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
