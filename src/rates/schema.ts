// Validation of ledger files: every problem is reported with the file, the entry and the field.
import { parseRate } from '../core/rate.js';
import { MODES } from '../core/types.js';

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

  date(o: Obj, key: string, entry: string, optional = false): string | undefined {
    const v = this.string(o, key, entry, optional);
    if (v !== undefined && (!DATE.test(v) || Number.isNaN(Date.parse(v.slice(0, 10))))) this.fail(entry, key, `"${v}" is not a date (YYYY-MM-DD, or YYYY-MM-DDTHH:MM local time)`);
    return v;
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
