import { before } from '../core/dates.js';
import type { Measure, ProductList, Scope } from '../core/types.js';
import type { LedgerIssue } from './schema.js';

/** The codes a scope covers, or 'all' (a list's entries with their dates: sharedCode). */
function codesOf(scope: Scope, lists: Map<string, ProductList>): Set<string> | 'all' {
  if ('all' in scope) return 'all';
  if ('codes' in scope) return new Set(scope.codes);
  return new Set((lists.get(scope.list)?.entries ?? []).map((e) => e.code));
}

/** Whether `code` is covered by one of `codes` (a code covers the longer codes under it). */
function covered(code: string, codes: Set<string>): boolean {
  for (let len = 2; len <= code.length; len++) if (codes.has(code.slice(0, len))) return true;
  return false;
}

/** The codes a measure leaves out whatever the line (an exception by list or codes only, with no claim, program or date). */
function excluded(m: Measure, lists: Map<string, ProductList>): Set<string> {
  const out = new Set<string>();
  for (const e of m.except ?? []) {
    if (e.claim || e.whenApplied || e.from || e.to) continue;
    if (e.list && e.codes) continue; // both must hold: narrower than either, not counted
    for (const c of e.codes ?? []) out.add(c);
    if (e.list) for (const x of lists.get(e.list)?.entries ?? []) out.add(x.code);
  }
  return out;
}

/**
 * A code both measures can charge, if any. Two measures of one program are one provision twice when they have the
 * same scope (the same list, the same codes, or every good), or when one covers every good and the other a code it
 * does not leave out. Measures of one program on different lists are layers that stack by design (China's 2018 and
 * 2019 countermeasure lists on soybeans) or lists kept apart by their own entries' dates (the four-year review): they
 * are not compared code by code.
 */
function sharedCode(a: Measure, b: Measure, lists: Map<string, ProductList>, from: string, to: string | undefined): string | undefined {
  const ka = JSON.stringify(a.scope);
  const kb = JSON.stringify(b.scope);
  const ca = codesOf(a.scope, lists);
  const cb = codesOf(b.scope, lists);
  const xa = excluded(a, lists);
  const xb = excluded(b, lists);
  if (ca === 'all' && cb === 'all') return xa.size === 0 && xb.size === 0 ? 'every good' : 'goods that neither leaves out';
  if (ka !== kb && ca !== 'all' && cb !== 'all') return undefined;
  const [listed, scope] = ca === 'all' ? [cb as Set<string>, b.scope] : [ca as Set<string>, a.scope];
  const windows = 'list' in scope ? lists.get(scope.list)?.entries ?? [] : [...listed].map((code) => ({ code, from: undefined, to: undefined }));
  for (const e of windows) {
    if (covered(e.code, xa) || covered(e.code, xb)) continue;
    // the entry is on the list on a day both measures are in force
    if (e.to !== undefined && !before(from, e.to)) continue;
    if (e.from !== undefined && to !== undefined && !before(e.from, to)) continue;
    return e.code;
  }
  return undefined;
}

const overlapsInTime = (a: Measure, b: Measure) => (b.to === undefined || before(a.from, b.to)) && (a.to === undefined || before(b.from, a.to));
const originsMeet = (a: Measure, b: Measure) => a.origins.includes('*') || b.origins.includes('*') || a.origins.some((o) => b.origins.includes(o));
const modesMeet = (a: Measure, b: Measure) => !a.modes || !b.modes || a.modes.some((m) => b.modes!.includes(m));
/** one displaces the other on a line (the four-year review replaces the list headings), or yields to its program */
const toldApart = (a: Measure, b: Measure) =>
  (a.requiresClaim ?? '') !== (b.requiresClaim ?? '') ||
  (a.replaces ?? []).some((p) => b.heading.startsWith(p)) || (b.replaces ?? []).some((p) => a.heading.startsWith(p)) ||
  [a, b].some((m) => (m.except ?? []).some((e) => !e.claim && !e.list && !e.codes && (e.whenApplied ?? []).includes(m.program)));

/**
 * Two measures of one program that can both charge the same line: the same side and program, in force on a common
 * day, for a common origin and mode, with a code in both scopes, and no claim, replacement or exception telling them
 * apart (fentanyl at 10% and 20% at once; List 3 added twice by a scenario). `which` picks the pairs to report.
 */
export function ledgerOverlaps(measures: Measure[], lists: Map<string, ProductList>, fileOf: (m: Measure) => string,
  which: (a: Measure, b: Measure) => boolean = () => true): LedgerIssue[] {
  const issues: LedgerIssue[] = [];
  const groups = new Map<string, Measure[]>();
  for (const m of measures) {
    const key = `${m.side}\u0000${m.program}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  for (const group of groups.values()) {
    for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) {
      const a = group[i]!;
      const b = group[j]!;
      if (!which(a, b) || !overlapsInTime(a, b) || !originsMeet(a, b) || !modesMeet(a, b) || toldApart(a, b)) continue;
      const from = before(a.from, b.from) ? b.from : a.from;
      const to = a.to === undefined ? b.to : b.to === undefined ? a.to : before(a.to, b.to) ? a.to : b.to;
      const code = sharedCode(a, b, lists, from, to);
      if (code === undefined) continue;
      const later = before(a.from, b.from) ? b : a;
      const other = later === a ? b : a;
      issues.push({ file: fileOf(later), entry: later.id, field: 'from', message: `overlaps ${other.id} (${other.program} ${other.heading}, ${other.from} to ${other.to ?? 'open'}): both would charge ${code} from ${before(a.from, b.from) ? b.from : a.from}; end one, or tell them apart by scope, origin, a claim or an exception` });
    }
  }
  return issues;
}
