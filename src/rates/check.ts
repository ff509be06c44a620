import fs from 'node:fs';
import path from 'node:path';
import { before } from '../core/dates.js';
import type { Measure } from '../core/types.js';
import { LedgerError, loadLedger, type Ledger } from './load.js';
import { ledgerOverlaps } from './overlaps.js';
import { checkScenario, readScenario } from './scenario.js';
import type { LedgerIssue } from './schema.js';

export interface CheckReport {
  errors: LedgerIssue[];
  warnings: LedgerIssue[];
}

/** Check a ledger directory (default: the built-in one) or a scenario file: schema, dates, periods, stacking, lists. */
export function checkTarget(target: string | undefined, builtIn: () => Ledger): CheckReport {
  if (target && fs.existsSync(target) && !fs.statSync(target).isDirectory()) {
    const read = readScenario(target);
    if ('issue' in read) return { errors: [read.issue], warnings: [] };
    return { errors: checkScenario(target, read.doc, builtIn()), warnings: [] };
  }
  if (target && !fs.existsSync(path.join(target, 'ledger.json'))) {
    return { errors: [{ file: path.join(target, 'ledger.json'), entry: '(file)', field: '(file)', message: 'no ledger here: expected a directory with ledger.json, or a scenario file' }], warnings: [] };
  }
  try {
    // the HTSUS chapters are read during the check, so a broken chapter file is reported here too
    return checkLedger(target ? loadLedger(target) : builtIn());
  } catch (e) {
    if (e instanceof LedgerError) return { errors: e.issues, warnings: [] };
    throw e;
  }
}

const provision = (m: Measure) => JSON.stringify([m.side, m.program, m.heading, m.scope, [...m.origins].sort(), m.modes ?? null, m.requiresClaim ?? null]);
/** The checks beyond the schema: overlapping and gapped periods of one provision, stacking cycles, list codes. */
export function checkLedger(ledger: Ledger): CheckReport {
  const fileOf = (m: Measure) => ledger.measuresFiles[m.side];
  const errors: LedgerIssue[] = [];
  const warnings: LedgerIssue[] = [];
  const groups = new Map<string, Measure[]>();
  for (const m of ledger.measures) groups.set(provision(m), [...(groups.get(provision(m)) ?? []), m]);
  for (const group of groups.values()) {
    const sorted = [...group].sort((a, b) => (before(a.from, b.from) ? -1 : before(b.from, a.from) ? 1 : 0));
    for (let i = 1; i < sorted.length; i++) {
      const a = sorted[i - 1]!;
      const b = sorted[i]!;
      // an overlap is reported by ledgerOverlaps, which sees it across headings too
      if (a.to !== undefined && before(a.to, b.from)) {
        warnings.push({ file: fileOf(b), entry: b.id, field: 'from', message: `gap after ${a.id}: ${b.program} ${b.heading} does not apply from ${a.to} to ${b.from}` });
      }
    }
  }
  errors.push(...ledgerOverlaps(ledger.measures, ledger.lists, fileOf));
  // stacking rules must not depend on themselves through other programs
  const deps = new Map<string, Set<string>>();
  for (const m of ledger.measures) {
    const set = deps.get(m.program) ?? new Set<string>();
    for (const e of m.except ?? []) for (const p of e.whenApplied ?? []) if (p !== m.program) set.add(p);
    deps.set(m.program, set);
  }
  const visiting = new Set<string>();
  const done = new Set<string>();
  const visit = (p: string, trail: string[]): void => {
    if (done.has(p)) return;
    if (visiting.has(p)) {
      const m = ledger.measures.find((x) => x.program === p)!;
      errors.push({ file: fileOf(m), entry: m.id, field: 'except.whenApplied', message: `stacking rules form a cycle: ${[...trail, p].join(' -> ')}` });
      return;
    }
    visiting.add(p);
    for (const q of deps.get(p) ?? []) visit(q, [...trail, p]);
    visiting.delete(p);
    done.add(p);
  };
  for (const p of deps.keys()) visit(p, []);
  // product lists of the US side should name lines of the schedule (or their headings)
  const known = new Set<string>();
  for (const { row } of ledger.hts.all()) for (let len = 2; len <= row[0].length; len += 2) known.add(row[0].slice(0, len));
  const usLists = new Set(ledger.measures.filter((m) => m.side === 'US').flatMap((m) => [...('list' in m.scope ? [m.scope.list] : []), ...(m.except ?? []).flatMap((e) => (e.list ? [e.list] : []))]));
  for (const id of usLists) {
    const list = ledger.lists.get(id);
    if (!list) continue;
    const missing = list.entries.filter((e) => !known.has(e.code) && ![...Array(e.code.length).keys()].some((k) => k >= 4 && known.has(e.code.slice(0, k)) && ledger.hts.has(e.code.slice(0, k))));
    if (missing.length > 0) {
      warnings.push({ file: `list ${id}`, entry: missing.slice(0, 5).map((e) => e.code).join(', ') + (missing.length > 5 ? ` and ${missing.length - 5} more` : ''), field: 'code', message: `${missing.length} code(s) are not lines of the ${ledger.htsEdition} (earlier revisions, or typos)` });
    }
  }
  return { errors, warnings };
}
