import { BoundedCache } from './bounded-cache.js';
import { boundary } from './dates.js';
import type { Exception, LedgerView, Measure, Mode, Side } from './types.js';

/**
 * Dates on which a line is priced alike. Between two instants at which something that can reach the code starts or
 * ends (a measure whose scope can hold the code and its exceptions and in-transit cut-offs, a notice of a list the code
 * is on, a list entry that covers the code or lies under it, an MPF period of postal items, China's VAT law), every test of a
 * date against the ledger that can change the code's price (`inPeriod`, `before`) comes out the same, so the engine's
 * decisions are the same: such dates share a window, and what is memoised per date may be kept per window. A measure
 * that cannot reach the code is only skipped, whatever the date (with --explain the date itself is the key); so is,
 * for a line of a given reach, an instant that cannot touch it (a postal measure for an ocean line, an in-transit
 * cut-off for a line with no loading date, an exception that needs a claim for a line with none).
 * A date that gives its own time, or falls on a day something of the side starts or ends at a time of day (the
 * engine then warns that the time matters), is its own window.
 */
export type DateWindow = (side: Side, code: string, date: string, reach?: Reach) => string;

/**
 * What of a line besides its code and date decides which instants can change its price: its mode (a measure or MPF
 * period of postal items never reaches an ocean line), whether it has claims (an exception that needs a claim holds
 * only for a line that makes it) and whether it gives a loading date (an in-transit rule reads only that). Made once
 * per kind (`reach`), so windows are kept per reach; a window without one counts every instant (any line).
 */
export interface Reach {
  readonly mode: Mode;
  readonly claims: boolean;
  readonly loadedOn: boolean;
}

const REACHES = new Map<string, Reach>();

export function reach(mode: Mode, claims: boolean, loadedOn: boolean): Reach {
  const key = `${mode}${claims ? 1 : 0}${loadedOn ? 1 : 0}`;
  let r = REACHES.get(key);
  if (!r) REACHES.set(key, (r = { mode, claims, loadedOn }));
  return r;
}

const DAY = /^\d{4}-\d\d-\d\d$/;
const FIRST_DAY = '2025-01-01';

/** The days of a side on which something starts or ends at a time of day. */
function timedDaysOf(ledger: LedgerView, side: Side): Set<string> {
  const days = new Set<string>();
  const all = [...ledger.measures.filter((m) => m.side === side).flatMap((m) => [m.from, m.to, ...(m.except ?? []).flatMap((e) => [e.from, e.to]),
    ...(m.inTransit ?? []).map((t) => t.enteredBefore)]), ...ledger.notices.filter((n) => n.side === side).flatMap((n) => [n.from, n.to]),
  ...[...ledger.mpf, ...ledger.hmf].flatMap((p) => [p.from, p.to]), ledger.cnDefaults.vatRates?.from];
  for (const d of all) if (d !== undefined && !boundary(d).endsWith('T00:00')) days.add(d.slice(0, 10));
  return days;
}

/** Per ledger: a number for each list asked about, and per code what is known of each list (0: not asked, 1: not on
 * it, 2: on it), in a byte each. */
const onListOf = new WeakMap<LedgerView, { lists: Map<string, number>; codes: BoundedCache<string, Uint8Array> }>();

/** Whether a list has an entry, on any date, that covers the code or lies under it (asked once per code and list:
 * many measures and exceptions share a list). */
function onList(ledger: LedgerView, list: string, code: string): boolean {
  let known = onListOf.get(ledger);
  if (!known) onListOf.set(ledger, (known = { lists: new Map(), codes: new BoundedCache(50_000) }));
  let i = known.lists.get(list);
  if (i === undefined) known.lists.set(list, (i = known.lists.size));
  let lists = known.codes.get(code);
  if (!lists || lists.length <= i) {
    const grown = new Uint8Array(Math.max(16, 2 * i + 1));
    if (lists) grown.set(lists);
    known.codes.set(code, (lists = grown));
  }
  if (lists[i] === 0) {
    // an entry with no dates is in force on every date; a dated one shows in listDates
    lists[i] = ledger.listDates(list, code).length > 0 || ledger.listEntry(list, code, FIRST_DAY) !== undefined ? 2 : 1;
  }
  return lists[i] === 2;
}

/** Whether a measure can reach the code on some date: only then do its dates (and its exceptions') matter. */
function canReach(ledger: LedgerView, m: Measure, code: string): boolean {
  if ('all' in m.scope) return true;
  if ('codes' in m.scope) return m.scope.codes.some((p) => p.startsWith(code) || code.startsWith(p));
  return onList(ledger, m.scope.list, code);
}

/** Whether an exception can hold for the code on some date: its list may have the code and its codes may cover it
 * (conditionsHold in us-duties.ts asks both, and a claim, on the date). */
function exceptionCanHold(ledger: LedgerView, e: Exception, code: string): boolean {
  if (e.list !== undefined && !onList(ledger, e.list, code)) return false;
  return e.codes === undefined || e.codes.some((p) => p.startsWith(code) || code.startsWith(p));
}

/** The instants at which the pricing of the code can change for a line of this reach (any line: undefined), sorted,
 * and the days of those at a time of day. */
function codeInstants(ledger: LedgerView, side: Side, code: string, r: Reach | undefined): CodeInstants {
  const all = new Set<string>();
  const timedDays = new Set<string>();
  const add = (d: string | undefined) => { if (d !== undefined) all.add(boundary(d)); };
  const addList = (list: string) => {
    for (const d of ledger.listDates(list, code)) {
      add(d);
      if (!boundary(d).endsWith('T00:00')) timedDays.add(d.slice(0, 10));
    }
  };
  const reaching = measuresReaching(ledger, side, code).filter((m) => !(r && m.modes && !m.modes.includes(r.mode)));
  // a stacking rule holds only when a measure of its programs applies to the line, so only if one can reach it
  const programs = new Set(reaching.map((m) => m.program));
  for (const m of reaching) {
    add(m.from);
    add(m.to);
    if ('list' in m.scope) addList(m.scope.list);
    for (const e of m.except ?? []) {
      // an exception that can never hold for the line (its list never has the code, its codes never cover it, it
      // needs a claim and the line makes none, it stacks after measures that never reach the line) changes nothing
      if (!exceptionCanHold(ledger, e, code) || (r && !r.claims && e.claim !== undefined)) continue;
      if (e.whenApplied && !e.whenApplied.some((p) => programs.has(p))) continue;
      add(e.from);
      add(e.to);
      if (e.list) addList(e.list);
    }
    if (!r || r.loadedOn) for (const t of m.inTransit ?? []) add(t.enteredBefore);
  }
  for (const n of ledger.notices) {
    if (n.side !== side || !onList(ledger, n.list, code)) continue;
    add(n.from);
    add(n.to);
    addList(n.list);
    if (n.unlessList) addList(n.unlessList);
  }
  // a line's pricing reads the MPF periods only for postal items (fees are set per entry, not per line)
  if (!r || r.mode === 'postal') for (const p of ledger.mpf) if (p.modes.includes('postal')) { add(p.from); add(p.to); }
  if (side === 'CN') add(ledger.cnDefaults.vatRates?.from);
  return { sorted: [...all].sort(), timedDays };
}

interface CodeInstants {
  sorted: string[];
  /** days of list entries of the code that start or end at a time of day (the side's other such days: timedDaysOf) */
  timedDays: Set<string>;
}

const timedDaysByLedger = new WeakMap<LedgerView, Map<Side, Set<string>>>();

/** Whether something of the side starts or ends at a time of day on this date (YYYY-MM-DD). */
export function isTimedDay(ledger: LedgerView, side: Side, date: string): boolean {
  let bySide = timedDaysByLedger.get(ledger);
  if (!bySide) timedDaysByLedger.set(ledger, (bySide = new Map()));
  let days = bySide.get(side);
  if (!days) bySide.set(side, (days = timedDaysOf(ledger, side)));
  return days.has(date);
}

const reachingOf = new WeakMap<LedgerView, Map<string, Measure[]>>();

/** The measures of the side that can reach the code on some date, in ledger order (the others are only skipped). */
export function measuresReaching(ledger: LedgerView, side: Side, code: string): Measure[] {
  let bySideCode = reachingOf.get(ledger);
  if (!bySideCode) reachingOf.set(ledger, (bySideCode = new Map()));
  const key = `${side}${code}`;
  let found = bySideCode.get(key);
  if (!found) {
    found = ledger.measures.filter((m) => m.side === side && canReach(ledger, m, code));
    if (bySideCode.size >= 50_000) bySideCode.clear();
    bySideCode.set(key, found);
  }
  return found;
}

/** Window names, made once: "w0", "w1", ... */
const NAMES: string[] = [];
const nameOf = (i: number) => NAMES[i] ?? (NAMES[i] = `w${i}`);

/** The windows of one code for lines of one reach: `of(date)` names the window of a date. */
export interface CodeWindows {
  of(date: string): string;
}

/** Per side, per reach (any line: undefined), per code: the code's windows (made on first use). */
type WindowsBySide = Map<Side, Map<Reach | undefined, Map<string, CodeWindows>>>;
const codeWindowsOf = new WeakMap<LedgerView, WindowsBySide>();

/** The windows of a code for lines of a reach (any line: undefined), made once per ledger, side, reach and code. */
export function codeWindows(ledger: LedgerView, side: Side, code: string, r?: Reach): CodeWindows {
  let bySide = codeWindowsOf.get(ledger);
  if (!bySide) codeWindowsOf.set(ledger, (bySide = new Map()));
  let byReach = bySide.get(side);
  if (!byReach) bySide.set(side, (byReach = new Map()));
  let byCode = byReach.get(r);
  if (!byCode) byReach.set(r, (byCode = new Map()));
  let found = byCode.get(code);
  if (found === undefined) {
    found = windowsOfCode(ledger, side, () => codeInstants(ledger, side, code, r));
    if (byCode.size >= 50_000) byCode.clear();
    byCode.set(code, found);
  }
  return found;
}

/** The last date of each side found to be a plain day, per ledger (lines of an entry come together, on one date). */
const plainDays = new WeakMap<LedgerView, Record<Side, string>>();

/** A code's windows; its instants are worked out when a date first needs them (not for a date with a time, or on a
 * timed day, which is its own window). */
function windowsOfCode(ledger: LedgerView, side: Side, instantsOf: () => CodeInstants): CodeWindows {
  let plainDay = plainDays.get(ledger);
  if (!plainDay) plainDays.set(ledger, (plainDay = { US: '', CN: '' }));
  const seen = plainDay;
  let known: { days: string[]; timedDays: Set<string> } | undefined;
  return {
    of(date) {
      if (date !== seen[side]) {
        if (date.length !== 10 || !DAY.test(date) || isTimedDay(ledger, side, date)) return date;
        seen[side] = date;
      }
      if (!known) {
        const instants = instantsOf();
        // an entry known by its date is taken at the end of the day (dates.ts), after every instant of that day: the
        // instants before it are those whose day is not after its own
        known = { days: instants.sorted.map((b) => b.slice(0, 10)), timedDays: instants.timedDays };
      }
      const { days, timedDays } = known;
      if (timedDays.size > 0 && timedDays.has(date)) return date;
      let lo = 0;
      let hi = days.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (days[mid]! <= date) lo = mid + 1;
        else hi = mid;
      }
      return nameOf(lo);
    },
  };
}

/** The window function of a ledger. */
export function dateWindows(ledger: LedgerView): DateWindow {
  return (side, code, date, r) => codeWindows(ledger, side, code, r).of(date);
}
