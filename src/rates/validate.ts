import { METALS } from '../core/types.js';
import { WARNING_CODES } from '../core/warning.js';
import type { LedgerIssue } from './schema.js';
import { Checker } from './schema.js';

const SIDES = ['US', 'CN'];

/** Check a measures file ({ measures: [...] }); `lists` are the product list ids known to the ledger. */
export function checkMeasures(file: string, doc: unknown, lists: Set<string>, allPrograms: unknown[] = []): LedgerIssue[] {
  const c = new Checker(file);
  if (!c.object(doc, '(file)', '(root)')) return c.issues;
  c.keys(doc, 'measuresFile', '(file)');
  if (!c.array(doc.measures, '(file)', 'measures')) return c.issues;
  const ids = new Set<string>();
  const programs = new Set([...allPrograms, ...doc.measures.map((m) => (typeof m === 'object' && m !== null ? (m as Record<string, unknown>).program : undefined))].filter((p): p is string => typeof p === 'string'));
  doc.measures.forEach((m, i) => {
    const at = `measures[${i}]`;
    if (!c.object(m, at, '(entry)')) return;
    const id = c.string(m, 'id', at) ?? at;
    if (ids.has(id)) c.fail(id, 'id', 'duplicate id');
    ids.add(id);
    c.keys(m, 'measure', id);
    const side = c.string(m, 'side', id);
    if (side && !SIDES.includes(side)) c.fail(id, 'side', `"${side}" is not US or CN`);
    c.string(m, 'program', id);
    c.heading(m, 'heading', id);
    c.rate(m, 'rate', id);
    c.period(m, id);
    c.origins(m, id);
    if (c.object(m.scope, id, 'scope')) checkScope(c, m.scope, id, 'scope', lists);
    if (m.except !== undefined && c.array(m.except, id, 'except')) {
      m.except.forEach((e, j) => {
        const where = `except[${j}]`;
        if (!c.object(e, id, where)) return;
        c.keys(e, 'except', id, `${where}.`);
        c.heading(e, 'heading', `${id} ${where}`, true);
        c.string(e, 'reason', `${id} ${where}`);
        const kinds = ['list', 'codes', 'claim', 'whenApplied'].filter((k) => e[k] !== undefined);
        if (kinds.length === 0) c.fail(id, where, 'an exception needs a list, codes, a claim or whenApplied (all that are given must hold)');
        if (e.whenApplied !== undefined && c.array(e.whenApplied, id, `${where}.whenApplied`)) {
          for (const p of e.whenApplied) if (typeof p !== 'string' || !programs.has(p)) c.fail(id, `${where}.whenApplied`, `unknown program "${String(p)}" (no measure has it)`);
        }
        if (e.remainder !== undefined && (e.remainder !== true || e.whenApplied === undefined)) c.fail(id, `${where}.remainder`, 'remainder is true, with whenApplied');
        c.date(e, 'from', `${id} ${where}`, true);
        c.date(e, 'to', `${id} ${where}`, true);
        c.string(e, 'unconfirmed', `${id} ${where}`, true);
        if (e.claim !== undefined && (typeof e.claim !== 'string' || !e.claim)) c.fail(id, `${where}.claim`, 'expected a non-empty string');
        if (typeof e.list === 'string' && !lists.has(e.list)) c.fail(id, `${where}.list`, `unknown product list "${e.list}"`);
        if (e.codes !== undefined && c.array(e.codes, id, `${where}.codes`)) e.codes.forEach((x) => c.code(x, id, `${where}.codes`));
      });
    }
    if (m.replaces !== undefined && c.array(m.replaces, id, 'replaces')) {
      for (const r of m.replaces) if (typeof r !== 'string' || !r) c.fail(id, 'replaces', 'expected heading prefixes');
    }
    if (m.base !== undefined && m.base !== 'value' && m.base !== 'metal') c.fail(id, 'base', `"${String(m.base)}" is not a base (value or metal)`);
    if (m.metal !== undefined && !(METALS as readonly string[]).includes(m.metal as string)) c.fail(id, 'metal', `"${String(m.metal)}" is not steel, aluminum or copper`);
    if (m.fullValueChapters !== undefined && c.array(m.fullValueChapters, id, 'fullValueChapters')) {
      for (const ch of m.fullValueChapters) if (typeof ch !== 'string' || !/^\d{2}$/.test(ch)) c.fail(id, 'fullValueChapters', `"${String(ch)}" is not a 2-digit chapter`);
    }
    for (const flag of ['floor', 'replacesAll']) if (m[flag] !== undefined && typeof m[flag] !== 'boolean') c.fail(id, flag, 'expected true or false');
    c.string(m, 'requiresClaim', id, true);
    if (m.modes !== undefined) c.modes(m, id);
    if (m.inTransit !== undefined && c.array(m.inTransit, id, 'inTransit')) {
      m.inTransit.forEach((t, j) => {
        const where = `${id} inTransit[${j}]`;
        if (!c.object(t, where, '(entry)')) return;
        c.keys(t, 'inTransit', where);
        c.heading(t, 'heading', where, true);
        c.string(t, 'reason', where);
        c.date(t, 'loadedBefore', where);
        c.date(t, 'enteredBefore', where, true);
        if (t.rate !== undefined) c.rate(t, 'rate', where);
        if (t.modes !== undefined) c.modes(t, where);
        c.string(t, 'unconfirmed', where, true);
      });
    }
    if (m.usContent !== undefined && c.object(m.usContent, id, 'usContent')) {
      c.keys(m.usContent, 'usContent', id, 'usContent.');
      c.heading(m.usContent, 'heading', `${id} usContent`, true);
      c.amount(m.usContent, 'minShare', `${id} usContent`);
    }
    c.string(m, 'refundable', id, true);
    c.string(m, 'unconfirmed', id, true);
    c.string(m, 'noRelief', id, true);
    c.string(m, 'confidence', id, true);
    c.sources(m, id);
  });
  if (doc.notices !== undefined && c.array(doc.notices, '(file)', 'notices')) {
    doc.notices.forEach((n, i) => {
      const at = `notices[${i}]`;
      if (!c.object(n, at, '(entry)')) return;
      const id = c.string(n, 'id', at) ?? at;
      c.keys(n, 'notice', id);
      const side = c.string(n, 'side', id);
      if (side && !SIDES.includes(side)) c.fail(id, 'side', `"${side}" is not US or CN`);
      const list = c.string(n, 'list', id);
      if (list && !lists.has(list)) c.fail(id, 'list', `unknown product list "${list}"`);
      const unless = c.string(n, 'unlessList', id, true);
      if (unless && !lists.has(unless)) c.fail(id, 'unlessList', `unknown product list "${unless}"`);
      c.period(n, id);
      c.string(n, 'message', id);
      const code = c.string(n, 'warning', id, true);
      if (code && !(WARNING_CODES as readonly string[]).includes(code)) c.fail(id, 'warning', `"${code}" is not a warning code (${WARNING_CODES.join(', ')})`);
      c.sources(n, id);
    });
  }
  return c.issues;
}

function checkScope(c: Checker, scope: Record<string, unknown>, id: string, field: string, lists: Set<string>): void {
  c.keys(scope, 'scope', id, `${field}.`);
  const kinds = ['all', 'list', 'codes'].filter((k) => scope[k] !== undefined);
  if (kinds.length !== 1) return c.fail(id, field, 'a scope needs exactly one of all, list, codes');
  if (scope.all !== undefined && scope.all !== true) c.fail(id, `${field}.all`, 'expected true');
  if (scope.list !== undefined && (typeof scope.list !== 'string' || !lists.has(scope.list))) c.fail(id, `${field}.list`, `unknown product list "${String(scope.list)}"`);
  if (scope.codes !== undefined && c.array(scope.codes, id, `${field}.codes`)) scope.codes.forEach((x) => c.code(x, id, `${field}.codes`));
}

/** Check a product lists file ({ lists: [...] }). */
export function checkLists(file: string, doc: unknown, seen: Iterable<string> = []): LedgerIssue[] {
  const c = new Checker(file);
  if (!c.object(doc, '(file)', '(root)')) return c.issues;
  c.keys(doc, 'listsFile', '(file)');
  if (!c.array(doc.lists, '(file)', 'lists')) return c.issues;
  const ids = new Set<string>(seen);
  doc.lists.forEach((l, i) => {
    const at = `lists[${i}]`;
    if (!c.object(l, at, '(entry)')) return;
    const id = c.string(l, 'id', at) ?? at;
    if (ids.has(id)) c.fail(id, 'id', 'duplicate list id (another list, in this file or an earlier one, has it)');
    ids.add(id);
    c.keys(l, 'list', id);
    c.string(l, 'title', id);
    c.sources(l, id);
    if (!c.array(l.entries, id, 'entries')) return;
    const entry = (e: unknown, where: string) => {
      if (!c.object(e, where, '(entry)')) return;
      c.keys(e, 'listEntry', where);
      c.code(e.code, where, 'code');
      c.date(e, 'from', where, true);
      c.date(e, 'to', where, true);
      if (typeof e.from === 'string' && typeof e.to === 'string' && e.to <= e.from) c.fail(where, 'to', `ends (${e.to}) before it starts (${e.from})`);
    };
    // tens of thousands of entries are checked at every start: an entry's place is written out only when it is wrong
    l.entries.forEach((e, j) => {
      const before = c.issues.length;
      entry(e, id);
      if (c.issues.length === before) return;
      c.issues.length = before;
      entry(e, `${id} entries[${j}]`);
    });
  });
  return c.issues;
}

/** Check a fees file ({ mpf: [...], hmf: [...] }). */
export function checkFees(file: string, doc: unknown): LedgerIssue[] {
  const c = new Checker(file);
  if (!c.object(doc, '(file)', '(root)')) return c.issues;
  c.keys(doc, 'feesFile', '(file)');
  if (c.array(doc.mpf, '(file)', 'mpf')) doc.mpf.forEach((p, i) => {
    const at = `mpf[${i}]`;
    if (!c.object(p, at, '(entry)')) return;
    const id = c.string(p, 'id', at) ?? at;
    c.keys(p, 'mpf', id);
    c.string(p, 'label', id);
    c.period(p, id);
    c.rate(p, 'rate', id);
    for (const k of ['min', 'max', 'informal', 'informalBelow']) c.amount(p, k, id);
    c.modes(p, id);
    c.string(p, 'otherModes', id);
    c.string(p, 'unconfirmed', id, true);
    c.string(p, 'confidence', id, true);
    c.sources(p, id);
  });
  if (c.array(doc.hmf, '(file)', 'hmf')) doc.hmf.forEach((p, i) => {
    const at = `hmf[${i}]`;
    if (!c.object(p, at, '(entry)')) return;
    const id = c.string(p, 'id', at) ?? at;
    c.keys(p, 'hmf', id);
    c.period(p, id);
    c.rate(p, 'rate', id);
    c.modes(p, id);
    c.sources(p, id);
  });
  return c.issues;
}

/** Check the Chinese lines file ({ lines, prefixes, consumptionTax, smallConsignment }). */
export function checkCnLines(file: string, doc: unknown): LedgerIssue[] {
  const c = new Checker(file);
  if (!c.object(doc, '(file)', '(root)')) return c.issues;
  for (const key of ['lines', 'prefixes'] as const) {
    if (!c.array(doc[key], '(file)', key)) continue;
    doc[key].forEach((l, i) => {
      const at = `${key}[${i}]`;
      if (!c.object(l, at, '(entry)')) return;
      const id = (typeof l.code === 'string' ? l.code : typeof l.prefix === 'string' ? l.prefix : at);
      c.code(key === 'lines' ? l.code : l.prefix, id, key === 'lines' ? 'code' : 'prefix');
      c.string(l, 'description', id);
      c.rate(l, 'mfn', id);
      c.rate(l, 'vat', id);
      if (l.ct !== undefined) c.rate(l, 'ct', id);
      c.string(l, 'unconfirmed', id, true);
      c.sources(l, id);
    });
  }
  if (c.object(doc.consumptionTax, '(file)', 'consumptionTax')) {
    const ct = doc.consumptionTax;
    c.sources(ct, 'consumptionTax');
    if (c.array(ct.rules, 'consumptionTax', 'rules')) ct.rules.forEach((r, i) => {
      const at = `consumptionTax.rules[${i}]`;
      if (!c.object(r, at, '(entry)')) return;
      c.code(r.prefix, at, 'prefix');
      if ((r.rate === undefined) === (r.ask === undefined)) c.fail(at, 'rate', 'a rule has a rate or an ask, not both');
      if (r.rate !== undefined) c.rate(r, 'rate', at);
    });
  }
  if (c.object(doc.defaults, '(file)', 'defaults')) {
    c.rate(doc.defaults, 'vat', 'defaults');
    c.string(doc.defaults, 'vatAssumed', 'defaults');
    c.rate(doc.defaults, 'insuranceWhenUnknown', 'defaults');
    c.string(doc.defaults, 'insuranceAdded', 'defaults');
    if (doc.defaults.vatRates !== undefined && c.object(doc.defaults.vatRates, 'defaults', 'vatRates')) {
      const v = doc.defaults.vatRates;
      c.date(v, 'from', 'defaults.vatRates');
      c.string(v, 'law', 'defaults.vatRates');
      if (c.array(v.rates, 'defaults.vatRates', 'rates')) v.rates.forEach((_, i) => c.rate(v.rates as unknown as Record<string, unknown>, String(i), 'defaults.vatRates.rates'));
    }
    c.sources(doc.defaults, 'defaults');
  }
  if (doc.smallConsignment !== undefined && c.object(doc.smallConsignment, '(file)', 'smallConsignment')) {
    c.amount(doc.smallConsignment, 'dutyAtMost', 'smallConsignment');
    c.string(doc.smallConsignment, 'unconfirmed', 'smallConsignment', true);
    c.sources(doc.smallConsignment, 'smallConsignment');
  }
  return c.issues;
}

/** Check the IEEPA refund rules ({ programs, ruling, cape, needs }). */
export function checkRefund(file: string, doc: unknown): LedgerIssue[] {
  const c = new Checker(file);
  if (!c.object(doc, '(file)', '(root)')) return c.issues;
  if (c.array(doc.programs, '(file)', 'programs')) for (const p of doc.programs) if (typeof p !== 'string') c.fail('programs', '(entry)', 'expected program names');
  if (c.object(doc.ruling, '(file)', 'ruling')) for (const k of ['instrument', 'citation', 'url']) c.string(doc.ruling, k, 'ruling');
  if (c.object(doc.cape, '(file)', 'cape')) {
    c.date(doc.cape, 'opened', 'cape');
    c.amount(doc.cape, 'phase1WithinDaysOfLiquidation', 'cape');
    c.sources(doc.cape, 'cape');
  }
  if (c.array(doc.needs, '(file)', 'needs')) for (const n of doc.needs) if (typeof n !== 'string') c.fail('needs', '(entry)', 'expected text');
  return c.issues;
}

/** Check ledger.json: edition, reviewed-through dates and the files of each side. */
export function checkManifest(file: string, doc: unknown): LedgerIssue[] {
  const c = new Checker(file);
  if (!c.object(doc, '(file)', '(root)')) return c.issues;
  c.keys(doc, 'manifest', '(file)');
  c.string(doc, 'edition', '(file)');
  if (c.object(doc.reviewedThrough, '(file)', 'reviewedThrough')) for (const side of SIDES) c.date(doc.reviewedThrough, side, 'reviewedThrough', true);
  if (c.object(doc.files, '(file)', 'files')) {
    const files = doc.files;
    const want: Record<string, string[]> = { US: ['hts', 'measures', 'fees', 'refund'], CN: ['lines', 'measures'] };
    for (const side of SIDES) {
      if (!c.object(files[side], 'files', side)) continue;
      const f = files[side] as Record<string, unknown>;
      c.keys(f, 'manifestFiles', `files.${side}`);
      for (const k of want[side]!) if (c.string(f, k, `files.${side}`) !== undefined) inside(c, f[k] as string, `files.${side}`, k);
      if (c.array(f.lists, `files.${side}`, 'lists')) for (const l of f.lists) if (typeof l !== 'string') c.fail(`files.${side}`, 'lists', 'expected file names');
      else inside(c, l, `files.${side}`, 'lists');
    }
  }
  return c.issues;
}

/** A file of the ledger is a relative path inside its folder: not absolute, no `..` out of it. */
function inside(c: Checker, file: string, entry: string, field: string): void {
  let depth = 0;
  let escapes = false;
  for (const p of file.split(/[\\/]/)) {
    depth += p === '..' ? -1 : p === '.' || p === '' ? 0 : 1;
    if (depth < 0) escapes = true;
  }
  if (/^([\\/]|[A-Za-z]:)/.test(file) || escapes || depth < 1) c.fail(entry, field, `"${file}" is outside the ledger folder: expected a path relative to it, e.g. us/measures.json`);
}
