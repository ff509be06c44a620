import { formatCode, covers } from './codes.js';
import { BoundedCache } from './bounded-cache.js';
import { before, inPeriod, timeMatters } from './dates.js';
import { Decimal, ZERO, roundCents, percentOf, sum } from './money.js';
import { applyRate, parseRate, specificUnit, type Rate, type SpecificPart } from './rate.js';
import { shared } from './shared.js';
import { onRow, warning, type Warning } from './warning.js';
import { codeWindows, isTimedDay, measuresReaching, reach } from './windows.js';
import type { BillLine, Duty, Exception, InTransit, LedgerView, Measure, Metal, Mode, NotApplied, RejectedClaim, RowError, Side } from './types.js';
import { citeSources } from './types.js';

/**
 * How one duty of a line is computed from the line's amounts: percent x base (+ specific rate x quantity), rounded to
 * the cent. The base is a column less, step by step and never below zero, the bases of earlier duties (by index);
 * an index of -1 names a measure that is not among the duties (the line cannot be priced from the formula).
 */
export interface DutyFormula {
  percent: Decimal;
  column: BaseColumn;
  minus: number[][];
  specific?: SpecificPart[];
}

export interface UsDuties {
  hts: string;
  duties: Duty[];
  /** one per duty, in the same order */
  formulas: DutyFormula[];
  /** see MeasureResolution.valueDependent */
  valueDependent?: boolean;
  notApplied: NotApplied[];
  rejectedClaims: RejectedClaim[];
  duty: Decimal;
  warnings: Warning[];
}

/** What is known of the product and the entry when measures are resolved; values are absent for a rate lookup. */
export interface ProductQuery {
  /** the importing side whose measures apply (default US) */
  side?: Side;
  row?: number;
  code: string;
  origin: string;
  date: string;
  claims: string[];
  mode?: Mode;
  value?: Decimal;
  metalValue?: Decimal;
  metalValues?: Partial<Record<Metal, Decimal>>;
  usContentValue?: Decimal;
  loadedOn?: string;
  /** the MFN ad valorem rate, for floor rates */
  mfnAdValorem?: Decimal;
}

/** A measure that applies, with the heading and rate reported and the value it is charged on. */
export interface AppliedMeasure {
  measure: Measure;
  heading: string;
  rate: string;
  /** additional ad valorem percent actually charged (a floor rate less the MFN) */
  percent: Decimal;
  /** the value charged; undefined when the query has no value (lookup) */
  base?: Decimal;
  /** what the base is: "customs value", "metal content", "value not covered by Section 232 steel", ... */
  basis: string;
  /** charged on the whole customs value (so its rate adds to the line's total ad valorem rate) */
  onFullValue: boolean;
  /** how the base is made from the line's amounts, for the integer-cent path (src/core/line-plan.ts) */
  baseRef: BaseRef;
}

/** The amount columns a base is read from. */
export type BaseColumn = 'value' | 'metal_value' | `${Metal}_value`;

/** A base as a formula: a column, less (step by step, never below zero) the bases of the measures it stacks after. */
export interface BaseRef {
  column: BaseColumn;
  minus: AppliedMeasure[][];
}

export interface MeasureResolution {
  /** measures in force that reach the product (before exceptions and claims): what questions are worth asking */
  candidates: Measure[];
  applied: AppliedMeasure[];
  notApplied: NotApplied[];
  warnings: Warning[];
  rejectedClaims: RejectedClaim[];
  error?: RowError;
  /** the measures that apply depend on the amounts themselves, not only on which are given (a remainder of zero, a US
   * content share): such a line cannot be priced from another line's resolution */
  valueDependent?: boolean;
}

function matchesOrigin(measure: Measure, origin: string): boolean {
  return measure.origins.includes('*') || measure.origins.includes(origin);
}

function inScope(measure: Measure, code: string, date: string, ledger: LedgerView): { yes: boolean; note?: string } {
  const scope = measure.scope;
  if ('all' in scope) return { yes: true };
  if ('codes' in scope) return { yes: scope.codes.some((p) => covers(p, code)) };
  const entry = ledger.listEntry(scope.list, code, date);
  return entry ? { yes: true, note: entry.note } : { yes: false };
}

/** The static conditions of an exception (claim made, code on the list or under a prefix, date in its window) all hold. */
function conditionsHold(e: Exception, q: ProductQuery, ledger: LedgerView): boolean {
  return (e.claim === undefined || q.claims.includes(e.claim)) &&
    (e.list === undefined || ledger.listEntry(e.list, q.code, q.date) !== undefined) &&
    (e.codes === undefined || e.codes.some((p) => covers(p, q.code))) &&
    inPeriod(q.date, e.from, e.to);
}

/** The MFN (column 1 general) rate of the line: the user's `mfn_rate`, or the ledger's. */
export function mfnRate(line: Pick<BillLine, 'row' | 'code' | 'mfnRate'>, ledger: LedgerView): { rate: Rate; text: string; source: string; code: string; repaired?: string } | RowError {
  const found = withLeadingZero(line.code, (c) => ledger.tariffLine(c));
  const tl = found.result;
  if ('error' in tl) return { row: line.row, column: 'hts', message: tl.error };
  const repaired = found.repaired ? { repaired: found.repaired } : {};
  if (line.mfnRate) return { rate: line.mfnRate, text: line.mfnRate.text, source: 'mfn_rate given in the bill', code: tl.code, ...repaired };
  const rate = parseRate(tl.mfnText);
  const source = `HTSUS column 1 general rate of ${formatCode(tl.mfnFrom)} (${ledger.htsEdition})`;
  if (!rate) {
    return { row: line.row, column: 'mfn_rate', message: `the MFN rate of ${formatCode(tl.mfnFrom)} is "${tl.mfnText}", a form this calculator does not compute; give the line's duty rate in the mfn_rate column (e.g. "5%" or "2.4¢/kg + 3%")` };
  }
  return { rate, text: tl.mfnText, source, code: tl.code, ...repaired };
}

/**
 * A code of 5, 7 or 9 digits has lost its leading zero in a spreadsheet (0901.21.00 read as 901.21.00): the line
 * with the zero restored is used when the ledger knows it, and the caller says so. Nothing else is guessed.
 */
export function leadingZeroWarning(line: { row: number; code: string }, repaired: string): Warning {
  return warning('hts-leading-zero', `hts ${line.code} read as ${repaired}: a spreadsheet drops the leading zero of a code; keep the column as text`, { row: line.row });
}

/** A claim the ledger did not accept, said about its row. */
export function claimWarning(row: number, c: RejectedClaim): Warning {
  return warning('claim-not-applied', `claim ${c.claim} not applied: ${c.reason}`, { row });
}

const sharedWarning = (w: Warning): Warning => ({ ...w, text: shared(w.text) });

export function withLeadingZero<T>(code: string, find: (code: string) => T | { error: string }): { result: T | { error: string }; repaired?: string } {
  if (code.length % 2 === 0) return { result: find(code) };
  const repaired = find(`0${code}`);
  if (typeof repaired === 'object' && repaired !== null && 'error' in repaired) {
    return { result: { error: `"${code}" has ${code.length} digits: a tariff code has 6, 8 or 10 (0${code} is not a line either)` } };
  }
  return { result: repaired, repaired: `0${code}` };
}

/** Order measures so that those a stacking rule depends on (whenApplied programs) are decided first. */
function byDependency(measures: Measure[]): Measure[] {
  const rank = new Map<Measure, number>();
  const programRank = (program: string, seen: Set<Measure>): number =>
    Math.max(-1, ...measures.filter((m) => m.program === program).map((m) => rankOf(m, seen)));
  const rankOf = (m: Measure, seen: Set<Measure>): number => {
    const known = rank.get(m);
    if (known !== undefined) return known;
    if (seen.has(m)) return 0; // a cycle is reported by the ledger check; do not loop
    seen.add(m);
    const deps = (m.except ?? []).flatMap((e) => e.whenApplied ?? []).filter((p) => p !== m.program);
    const r = 1 + Math.max(-1, ...deps.map((p) => programRank(p, seen)));
    rank.set(m, r);
    return r;
  };
  return [...measures].sort((a, b) => rankOf(a, new Set()) - rankOf(b, new Set()));
}

const dependencyOrders = new WeakMap<LedgerView, { place: Map<Measure, number>; orders: BoundedCache<string, Measure[]> }>();

/** byDependency of measures of the ledger, worked out once per set of measures (many codes and windows share one). */
function inDependencyOrder(ledger: LedgerView, measures: Measure[]): Measure[] {
  let known = dependencyOrders.get(ledger);
  if (!known) dependencyOrders.set(ledger, (known = { place: new Map(ledger.measures.map((m, i) => [m, i])), orders: new BoundedCache(10_000) }));
  let key = '';
  for (const m of measures) {
    const at = known.place.get(m);
    // a measure the ledger did not have when its places were taken: no key can stand for it
    if (at === undefined) return byDependency(measures);
    key += `${at},`;
  }
  let order = known.orders.get(key);
  if (!order) known.orders.set(key, (order = byDependency(measures)));
  return order;
}

/** The part of a resolution that does not depend on the line's values: computed once per product, window of dates (windows.ts) and claims. */
interface StaticResolution {
  /** measures to decide, in dependency order, each with the in-transit rule that applies to it, if any */
  steps: { measure: Measure; transit?: InTransit }[];
  /** measures that reach the product, before claims (what questions are worth asking) */
  reaching: Measure[];
  /** measures in scope that an exception could lift (for checking claims) */
  candidates: Measure[];
  notApplied: NotApplied[];
  warnings: Warning[];
}

const staticCache = new WeakMap<LedgerView, BoundedCache<string, StaticResolution>>();
/** resolutions kept: a year of entries (600 dates, tens of codes) makes thousands; 50,000 held about 30 MB more than
 * 10,000 on such a bill of a million lines, for no measurable gain in time */
const CACHE_LIMIT = 10_000;

function staticResolution(q: ProductQuery, ledger: LedgerView, explain: boolean): StaticResolution {
  const mode = q.mode ?? 'ocean';
  const side = q.side ?? 'US';
  // with --explain the measures not in force are listed too: only the date itself says which
  const when = explain ? q.date : codeWindows(ledger, side, q.code, reach(mode, q.claims.length > 0, q.loadedOn !== undefined)).of(q.date);
  const key = `${side}|${q.code}|${q.origin}|${when}|${mode}|${q.claims.join(';')}|${q.loadedOn ?? ''}|${explain ? 1 : 0}`;
  let cache = staticCache.get(ledger);
  if (!cache) staticCache.set(ledger, (cache = new BoundedCache(CACHE_LIMIT)));
  const known = cache.get(key);
  if (known) return known;
  const warnings: Warning[] = [];
  const notApplied: NotApplied[] = [];
  const hts = formatCode(q.code);
  const skip = (m: Measure, reason: string, heading = m.heading, reportedUnder?: string) => notApplied.push({ program: m.program, heading, reason, ...(reportedUnder ? { reportedUnder } : {}) });
  const candidates: Measure[] = [];
  const reaching: Measure[] = [];
  // every measure is looked at with --explain (each one in force is listed) and on a day a measure changes at a time
  // (each such change is said); otherwise only those that can reach the code (windows.ts)
  const timedDay = q.date.length === 10 && isTimedDay(ledger, side, q.date);
  for (const measure of explain || timedDay ? ledger.measures : measuresReaching(ledger, side, q.code)) {
    if (measure.side !== side) continue;
    const close = timeMatters(q.date, [measure.from, measure.to]);
    if (close.length > 0) warnings.push(warning('time-of-day', `${measure.heading} changes at ${close.join(', ')} on the entry date: without a time the later rate is used; give the time (YYYY-MM-DDTHH:MM) if the declaration was before`));
    if (!inPeriod(q.date, measure.from, measure.to)) continue;
    if (!matchesOrigin(measure, q.origin)) {
      if (explain) skip(measure, `origin ${q.origin} is not covered (${measure.origins.join(', ')})`);
      continue;
    }
    const scope = inScope(measure, q.code, q.date, ledger);
    if (!scope.yes) {
      if ('list' in measure.scope && ledger.listHasUnder(measure.scope.list, q.code, q.date)) {
        warnings.push(warning('statistical-lines', `some statistical lines under ${hts} are in the scope of ${measure.heading} (${measure.program}): give the 10-digit code to price them`));
      }
      if (explain) skip(measure, `${hts} is not in its product scope`);
      continue;
    }
    if (measure.modes && !measure.modes.includes(mode)) {
      if (explain) skip(measure, `applies only to ${measure.modes.join(', ')} shipments`);
      continue;
    }
    reaching.push(measure);
    if (measure.requiresClaim !== undefined && !q.claims.includes(measure.requiresClaim)) {
      if (explain) skip(measure, `applies only when claimed (claim ${measure.requiresClaim})`);
      continue;
    }
    if (scope.note) warnings.push(warning('measure-note', scope.note, { subject: measure.heading }));
    candidates.push(measure);
  }
  for (const notice of ledger.notices) {
    if (notice.side === side && inPeriod(q.date, notice.from, notice.to) && ledger.listEntry(notice.list, q.code, q.date)
      && !(notice.unlessList && ledger.listEntry(notice.unlessList, q.code, q.date))) {
      warnings.push(warning(notice.warning ?? 'line-notice', notice.message, { subject: hts }));
    }
  }
  const steps: StaticResolution['steps'] = [];
  for (const measure of inDependencyOrder(ledger, candidates)) {
    const exception = (measure.except ?? []).find((e) => !e.whenApplied && conditionsHold(e, q, ledger));
    if (exception) {
      skip(measure, `${exception.reason}; reported under ${exception.heading}`, measure.heading, exception.heading);
      continue;
    }
    const loadedEarly = q.loadedOn === undefined ? [] : (measure.inTransit ?? []).filter((t) => before(q.loadedOn!, t.loadedBefore));
    for (const t of loadedEarly) if (t.unconfirmed) warnings.push(warning('measure-unconfirmed', t.unconfirmed, { subject: t.heading }));
    const transit = loadedEarly.find((t) => (t.enteredBefore === undefined || !inPeriod(q.date, t.enteredBefore, undefined)) && (!t.modes || t.modes.includes(mode)));
    if (transit && transit.rate === undefined) {
      skip(measure, `${transit.reason}; reported under ${transit.heading}`, measure.heading, transit.heading);
      continue;
    }
    steps.push({ measure, ...(transit ? { transit } : {}) });
  }
  const result = { steps, reaching, candidates, notApplied, warnings: warnings.map(sharedWarning) };
  cache.set(key, result);
  return result;
}

/**
 * The additional measures in force on the date for the origin that reach the code, after exceptions, in-transit
 * rules, stacking rules and replacements — all of them data (`except`, `inTransit`, `usContent`, `replaces` of
 * each measure). With `explain`, measures in force that do not reach the product are listed in notApplied too.
 */
export function resolveMeasures(q: ProductQuery, ledger: LedgerView, explain = false): MeasureResolution {
  const fixed = staticResolution(q, ledger, explain);
  const warnings = q.row === undefined ? [...fixed.warnings] : fixed.warnings.map((w) => onRow(w, q.row!));
  const notApplied = [...fixed.notApplied];
  const hts = formatCode(q.code);
  const skip = (m: Measure, reason: string, heading = m.heading, reportedUnder?: string) => notApplied.push({ program: m.program, heading, reason, ...(reportedUnder ? { reportedUnder } : {}) });
  const candidates = fixed.candidates;
  let error: RowError | undefined;
  let valueDependent = false;
  const applied: AppliedMeasure[] = [];
  for (const { measure, transit } of fixed.steps) {
    // stacking rules first: a measure another one excludes needs no base (e.g. no metal_value for an auto part)
    const stacking = (measure.except ?? []).filter((e) => e.whenApplied && conditionsHold(e, q, ledger))
      .map((e) => ({ e, deps: applied.filter((a) => e.whenApplied!.includes(a.measure.program)) }))
      .filter((x) => x.deps.length > 0);
    const by = (deps: AppliedMeasure[]) => deps.map((x) => `${x.heading} ${x.measure.program}`).join(', ');
    // a dependency charged on the full value leaves nothing for a remainder
    const fullValue = (deps: AppliedMeasure[]) => deps.some((x) => x.onFullValue);
    const excluded = stacking.find((x) => !x.e.remainder || fullValue(x.deps));
    if (excluded) {
      skip(measure, `${excluded.e.reason} [${by(excluded.deps)} applies]; reported under ${excluded.e.heading}`, measure.heading, excluded.e.heading);
      continue;
    }
    let base: Decimal | undefined = q.value;
    let basis = 'customs value';
    const baseRef: BaseRef = { column: 'value', minus: [] };
    if (measure.base === 'metal') {
      basis = 'metal content';
      const own = measure.metal === undefined ? undefined : q.metalValues?.[measure.metal];
      const sharedBy = applied.find((a) => a.basis === 'metal content (metal_value)');
      if (own !== undefined) { base = own; basis = `${measure.metal} content`; baseRef.column = `${measure.metal!}_value`; }
      else if (q.metalValue !== undefined && sharedBy) {
        skip(measure, `metal_value is already charged under ${sharedBy.heading}: give steel_value, aluminum_value or copper_value to split the content between the metals`);
        continue;
      } else if (q.metalValue !== undefined) { base = q.metalValue; basis = 'metal content (metal_value)'; baseRef.column = 'metal_value'; }
      else if (!(measure.fullValueChapters ?? []).includes(q.code.slice(0, 2))) {
        if (q.value !== undefined && !error) {
          error = { row: q.row ?? 0, column: 'metal_value', message: `${measure.heading} (${measure.program}) is charged on the value of the ${measure.metal ?? 'metal'} content of ${hts}: give it in the metal_value column (or ${measure.metal ?? 'steel'}_value)` };
        }
        base = undefined;
      } else basis = 'customs value (no metal_value given)';
    }
    let remainderZero: { e: Exception; deps: AppliedMeasure[] } | undefined;
    for (const x of stacking) {
      const covered = x.deps.map((d) => d.base);
      if (base !== undefined && covered.every((c) => c !== undefined)) base = Decimal.max(ZERO, base.minus(sum(covered as Decimal[])));
      baseRef.minus.push(x.deps);
      basis = `value not covered by ${[...new Set(x.deps.map((d) => d.measure.program))].join(', ')} (${x.e.heading})`;
      if (x.e.unconfirmed) warnings.push(warning('measure-unconfirmed', x.e.unconfirmed, { subject: x.e.heading }));
      if (base !== undefined && base.isZero()) remainderZero = x;
    }
    if (remainderZero) {
      valueDependent = true;
      skip(measure, `${remainderZero.e.reason} [${by(remainderZero.deps)} applies]; reported under ${remainderZero.e.heading}`, measure.heading, remainderZero.e.heading);
      continue;
    }
    const rule = measure.usContent;
    if (rule && q.usContentValue !== undefined) valueDependent = true;
    if (rule && q.usContentValue !== undefined && q.value !== undefined && !q.value.isZero()
      && q.usContentValue.times(100).dividedBy(q.value).greaterThanOrEqualTo(rule.minShare)) {
      if (base !== undefined) base = Decimal.max(ZERO, base.minus(q.usContentValue));
      basis = `non-US content (US content ${q.usContentValue.toFixed(2)} reported under ${rule.heading})`;
    }
    const rate = transit?.rate ?? measure.rate;
    let percent = parseRate(rate)!.adValorem;
    if (measure.floor) percent = Decimal.max(ZERO, percent.minus(q.mfnAdValorem ?? ZERO));
    const onFullValue = basis === 'customs value' || basis === 'customs value (no metal_value given)';
    applied.push({ measure, heading: transit?.heading ?? measure.heading, rate: measure.floor ? `${percent.toString()}%` : rate, percent, base, basis: transit ? `${basis}; ${transit.reason}` : basis, onFullValue, baseRef });
  }

  let kept = applied.filter((a) => {
    const by = applied.find((o) => o !== a && (o.measure.replaces ?? []).some((p) => a.heading.startsWith(p)));
    if (by) skip(a.measure, `replaced by ${by.heading} (${by.measure.program}, ${by.measure.sources[0]?.citation ?? ''})`, a.heading);
    return !by;
  });
  const all = kept.find((a) => a.measure.replacesAll);
  if (all) {
    for (const a of kept) if (a !== all) skip(a.measure, `replaced by ${all.heading} (${all.measure.program})`, a.heading);
    kept = [all];
  }
  // a measure on a remainder that is then replaced: with a zero remainder it would be listed as not applying for want
  // of one instead, so the amounts decided what the line says
  if (applied.some((a) => !kept.includes(a) && a.baseRef.minus.length > 0)) valueDependent = true;
  for (const a of kept) if (a.measure.unconfirmed) warnings.push(warning('measure-unconfirmed', a.measure.unconfirmed, { subject: a.heading }));
  const rejectedClaims = q.claims.length > 0 ? checkClaims(q, ledger, candidates, notApplied, kept) : [];
  return { candidates: fixed.reaching, applied: kept, notApplied, warnings, rejectedClaims, ...(error ? { error } : {}), ...(valueDependent ? { valueDependent } : {}) };
}

/** Every claim must have done something; otherwise it is rejected with the reason (scope, dates, or nothing to exempt). */
function checkClaims(q: ProductQuery, ledger: LedgerView, candidates: Measure[], notApplied: NotApplied[], applied: AppliedMeasure[]): RejectedClaim[] {
  const out: RejectedClaim[] = [];
  const hts = formatCode(q.code);
  for (const claim of q.claims) {
    const usedBy = (m: Measure) => m.requiresClaim === claim || (m.except ?? []).some((e) => e.claim === claim);
    const acceptedAsMeasure = applied.some((a) => a.measure.requiresClaim === claim);
    const acceptedAsException = candidates.some((m) => (m.except ?? []).some((e) => e.claim === claim && conditionsHold(e, q, ledger)
      && notApplied.some((n) => n.heading === m.heading && n.reason.endsWith(`reported under ${e.heading}`))));
    if (acceptedAsMeasure || acceptedAsException) continue;
    const anywhere = ledger.measures.filter(usedBy);
    if (anywhere.length === 0) {
      out.push({ claim, reason: `"${claim}" is not a claim this ledger knows (e.g. an exclusion heading such as 9903.88.69, donation, civil-aircraft)` });
      continue;
    }
    const exceptions = anywhere.flatMap((m) => (m.except ?? []).filter((e) => e.claim === claim));
    const inWindow = exceptions.filter((e) => inPeriod(q.date, e.from, e.to));
    const inScopeToo = inWindow.filter((e) => (e.list === undefined || ledger.listEntry(e.list, q.code, q.date)) && (e.codes === undefined || e.codes.some((p) => covers(p, q.code))));
    let reason: string;
    if (exceptions.length > 0 && inWindow.length === 0) {
      const e = exceptions[0]!;
      reason = `${claim} is in force ${e.from ? `from ${e.from} ` : ''}${e.to ? `until ${e.to} (exclusive)` : ''}: not on ${q.date}`;
    } else if (exceptions.length > 0 && inScopeToo.length === 0) {
      reason = `${hts} is not in the scope of ${claim}`;
    } else if (anywhere.some((m) => m.requiresClaim === claim)) {
      reason = `${claim} does not apply to ${hts} on ${q.date} (product scope, origin or dates)`;
    } else {
      reason = `no measure that ${claim} exempts applies to ${hts} on ${q.date}`;
    }
    out.push({ claim, reason });
  }
  return out;
}

/**
 * US duties of one line: MFN plus every additional measure that applies (resolveMeasures), each on its base and
 * rounded to the cent, half up; additional duties never compound.
 */
export function computeUsDuties(line: BillLine, ledger: LedgerView, explain = false): UsDuties | RowError {
  // the same line asked again at once (priced, then made a plan of: line-plan.ts) is not computed twice
  if (!explain && last?.line === line && last.ledger === ledger) return last.result;
  const result = usDutiesOf(line, ledger, explain);
  if (!explain) last = { line, ledger, result };
  return result;
}

let last: { line: BillLine; ledger: LedgerView; result: UsDuties | RowError } | undefined;

function usDutiesOf(line: BillLine, ledger: LedgerView, explain: boolean): UsDuties | RowError {
  const mfn = mfnRate(line, ledger);
  if ('row' in mfn) return mfn;
  const unit = specificUnit(mfn.rate);
  // the code as the HTSUS prints it (an 8-digit code printed only as its one statistical line takes that line)
  const code = mfn.code;
  const hts = formatCode(code);
  const resolved = resolveMeasures({ ...line, code, mfnAdValorem: mfn.rate.adValorem }, ledger, explain);
  if (mfn.repaired) resolved.warnings.unshift(leadingZeroWarning(line, hts));
  if (resolved.error) return { ...resolved.error, row: line.row };
  const replacesMfn = resolved.applied.some((a) => a.measure.replacesAll);
  // Mail enters either under a postal duty that replaces the stack (replacesAll), or, on a postal informal entry
  // (FR Doc 2026-12669, from 2026-07-24), at the ordinary duties: the ledger says so by charging MPF on postal items.
  const postalEntry = ledger.mpf.some((p) => inPeriod(line.date, p.from, p.to) && p.modes.includes('postal'));
  if ((line.mode ?? 'ocean') === 'postal' && !replacesMfn && !postalEntry) {
    const periods = ledger.measures.filter((m) => m.side === 'US' && m.replacesAll && m.modes?.includes('postal'))
      .map((m) => `${m.from} to ${m.to ?? 'open'} (${m.origins.join(', ')})`);
    const entries = ledger.mpf.filter((p) => p.modes.includes('postal')).map((p) => p.from).sort()[0];
    const ordinary = entries ? `; from ${entries} at the ordinary duties (postal informal entry)` : '';
    return { row: line.row, column: 'date', message: `--mode postal: the ledger has no postal duty for goods of ${line.origin} entered ${line.date}; it prices postal items ${periods.join('; ').replace(/\(\*\)/g, '(any origin)')}${ordinary}` };
  }
  if (unit && !replacesMfn && line.quantity === undefined) {
    return { row: line.row, column: 'quantity', message: `the MFN rate "${mfn.text}" has a specific part: give the quantity in ${unit}` };
  }
  if (unit && !replacesMfn && line.unit !== undefined && line.unit !== unit) {
    return { row: line.row, column: 'unit', message: `the MFN rate "${mfn.text}" is per ${unit}, but the line's quantity is in ${line.unit}` };
  }
  const duties: Duty[] = [];
  const formulas: DutyFormula[] = [];
  const notApplied = [...resolved.notApplied];
  if (replacesMfn) notApplied.unshift({ program: 'MFN', heading: hts, reason: `replaced by ${resolved.applied[0]!.heading} (${resolved.applied[0]!.measure.program})` });
  else {
    duties.push({ program: 'MFN', heading: hts, rate: mfn.text, base: line.value, amount: roundCents(applyRate(mfn.rate, line.value, line.quantity)), source: mfn.source });
    formulas.push({ percent: mfn.rate.adValorem, column: 'value', minus: [], specific: mfn.rate.specific });
  }
  const firstMeasure = duties.length;
  for (const a of resolved.applied) {
    formulas.push({ percent: a.percent, column: a.baseRef.column, minus: a.baseRef.minus.map((deps) => deps.map((d) => {
      const i = resolved.applied.indexOf(d);
      return i < 0 ? -1 : firstMeasure + i;
    })) });
    const base = a.base ?? line.value;
    duties.push({
      program: a.measure.program, heading: a.heading, rate: a.rate, base,
      amount: roundCents(percentOf(a.percent, base)), source: citeSources(a.measure.sources),
      ...(a.basis !== 'customs value' ? { basis: a.basis } : {}),
      ...(a.measure.refundable ? { refundable: a.measure.refundable } : {}),
    });
  }
  if (line.extraRate !== undefined) {
    duties.push({
      program: 'Additional (user)', heading: 'extra_rate', rate: `${line.extraRate.toString()}%`, base: line.value,
      amount: roundCents(percentOf(line.extraRate, line.value)), source: 'extra_rate given in the bill (e.g. antidumping or countervailing duty)',
    });
    formulas.push({ percent: line.extraRate, column: 'value', minus: [] });
  }
  const warnings = [...resolved.warnings, ...resolved.rejectedClaims.map((c) => claimWarning(line.row, c))];
  return { hts, duties, formulas, notApplied, rejectedClaims: resolved.rejectedClaims, duty: sum(duties.map((d) => d.amount)), warnings,
    ...(resolved.valueDependent ? { valueDependent: true } : {}) };
}
