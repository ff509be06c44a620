// Validation of ledger files: every problem is reported with the file, the entry and the field.
import { parseRate } from '../core/rate.js';
import { isCountry } from '../core/iso.js';
import { MODES } from '../core/types.js';
import { KNOWN_KEYS, type EntryKind } from './keys.js';

export interface LedgerIssue {
  file: string;
  entry: string;
  field: string;
  message: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}(T([01]\d|2[0-3]):[0-5]\d)?$/;
const AMOUNT = /^\d+(\.\d{1,2})?$/;
const CODE = /^\d{2,10}$/;

type Obj = Record<string, unknown>;

/** days already checked: a ledger's tens of thousands of dated entries use a few hundred days */
const checkedDays = new Map<string, boolean>();

/** A calendar day that exists (2025-02-30 does not; Date.parse would roll it over to March 2). */
function realDay(day: string): boolean {
  let real = checkedDays.get(day);
  if (real === undefined) {
    const t = Date.parse(`${day}T00:00:00Z`);
    real = !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === day;
    if (checkedDays.size < 10_000) checkedDays.set(day, real);
  }
  return real;
}

export class Checker {
  readonly issues: LedgerIssue[] = [];
  constructor(private readonly file: string) {}

  fail(entry: string, field: string, message: string): void {
    this.issues.push({ file: this.file, entry, field, message });
  }

  object(value: unknown, entry: string, field: string): value is Obj {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return true;
    this.fail(entry, field, 'expected an object');
    return false;
  }

  array(value: unknown, entry: string, field: string): value is unknown[] {
    if (Array.isArray(value)) return true;
    this.fail(entry, field, 'expected an array');
    return false;
  }

  string(o: Obj, key: string, entry: string, optional = false): string | undefined {
    const v = o[key];
    if (v === undefined && optional) return undefined;
    if (typeof v === 'string' && v.length > 0) return v;
    this.fail(entry, key, 'expected a non-empty string');
    return undefined;
  }

  /** Every key of `o` is one its kind has (keys.ts); `field` prefixes the key in the message (e.g. "set."). */
  keys(o: Obj, kind: EntryKind, entry: string, field = ''): void {
    const known: readonly string[] = KNOWN_KEYS[kind];
    // own keys only (for...in also walks inherited ones; it saves a list of the keys per entry, 3 ms at every start)
    for (const k in o) if (!known.includes(k) && Object.hasOwn(o, k)) this.fail(entry, `${field}${k}`, `unknown key: expected one of ${known.join(', ')}`);
  }

  date(o: Obj, key: string, entry: string, optional = false): string | undefined {
    const v = this.string(o, key, entry, optional);
    if (v !== undefined && (!DATE.test(v) || !realDay(v.slice(0, 10)))) this.fail(entry, key, `"${v}" is not a date (YYYY-MM-DD, or YYYY-MM-DDTHH:MM local time)`);
    return v;
  }

  /** A measure's or a notice's origins: ISO 3166 two-letter codes, or "*" for every origin. */
  origins(o: Obj, entry: string): void {
    if (!this.array(o.origins, entry, 'origins')) return;
    for (const x of o.origins) if (typeof x !== 'string' || !(x === '*' || isCountry(x))) this.fail(entry, 'origins', `"${String(x)}" is not an ISO 3166 country code (e.g. CN, HK) or "*"`);
  }

  /**
   * A heading: a Chapter 99 heading (9903.01.24; for an exception `9903.82` and a note may follow) or text the user
   * reads ("232 polysilicon (heading not published)", "税委会公告2025年第4号"). What looks like a heading (digits, dots,
   * a letter O) must be a well-formed one: `99O3.88.1` is a typo.
   */
  heading(o: Obj, key: string, entry: string, loose = false): void {
    const v = this.string(o, key, entry);
    if (v === undefined) return;
    const token = v.split(' ')[0]!;
    // a number with dots (8517.13, 99O3.88.1) or one that starts like a Chapter 99 heading (990388) is meant as a heading
    if (!/^[\dOo]+(\.[\dOo]*)+$/.test(token) && !/^99[\dOo]{2}/.test(token)) return;
    const ok = token.startsWith('99') ? (loose ? /^9903\.\d{2}(\.\d{2})?$/ : /^9903\.\d{2}\.\d{2}$/).test(token) : /^\d{4}(\.\d{2}){1,3}$/.test(token);
    if (!ok) this.fail(entry, key, `"${v}" is not a well-formed heading: expected e.g. 9903.88.03${loose ? ' (a note may follow: "9903.82 (note 16(a))")' : ''}, or a text that is not a number`);
  }

  period(o: Obj, entry: string): void {
    const from = this.date(o, 'from', entry);
    const to = this.date(o, 'to', entry, true);
    if (from && to && to <= from) this.fail(entry, 'to', `ends (${to}) before it starts (${from})`);
  }

  amount(o: Obj, key: string, entry: string): void {
    const v = this.string(o, key, entry);
    if (v !== undefined && !AMOUNT.test(v)) this.fail(entry, key, `"${v}" is not an amount (e.g. "32.71")`);
  }

  rate(o: Obj, key: string, entry: string): void {
    const v = this.string(o, key, entry);
    if (v !== undefined && !parseRate(v)) this.fail(entry, key, `"${v}" is not a rate (e.g. "25%", "2.4¢/kg + 5%")`);
  }

  sources(o: Obj, entry: string): void {
    const v = o.sources;
    if (!this.array(v, entry, 'sources')) return;
    if (v.length === 0) this.fail(entry, 'sources', 'every entry needs at least one legal source');
    v.forEach((s, i) => {
      if (!this.object(s, entry, `sources[${i}]`)) return;
      for (const k of ['instrument', 'citation', 'url']) this.string(s, k, `${entry} sources[${i}]`);
    });
  }

  code(value: unknown, entry: string, field: string): void {
    if (typeof value !== 'string' || !CODE.test(value)) this.fail(entry, field, `"${String(value)}" is not a tariff code (2-10 digits, no dots)`);
  }

  modes(o: Obj, entry: string): void {
    const v = o.modes;
    if (!this.array(v, entry, 'modes')) return;
    for (const m of v) if (!MODES.includes(m as never)) this.fail(entry, 'modes', `"${String(m)}" is not a mode (${MODES.join(', ')})`);
  }
}
