import { today } from '../core/dates.js';
/** the default date of the options (re-exported: core/dates.ts) */
export { today };
import type { AmountGate } from '../core/gates.js';
import { Decimal } from '../core/money.js';
import { MODES, type Mode, type Side } from '../core/types.js';
import { FIRST_DATE, isValidInstant } from '../input/row.js';
import { isCurrency } from '../input/iso.js';
import { EXIT, UserError } from './errors.js';

export const FORMATS = ['table', 'csv', 'json', 'ndjson', '7501'] as const;
export type Format = (typeof FORMATS)[number];

export interface CommonOptions {
  date?: string;
  into?: string;
  origin?: string;
  mode?: string;
  format?: string;
  fx?: string[];
  explain?: boolean;
}

/** Today's date on this machine, YYYY-MM-DD (the clock is read here, never in the core). */

export function usage(message: string): never {
  throw new UserError(message, EXIT.usage);
}

export function parseDateOption(text: string | undefined, option = '--date'): string {
  if (text === undefined) return today();
  if (!isValidInstant(text)) usage(`${option} "${text}" is not a date: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM (local time of the importing side)`);
  if (text < FIRST_DATE) usage(`${text} is before ${FIRST_DATE}: the ledger covers entries from ${FIRST_DATE}`);
  return text;
}

export function parseSide(text: string | undefined): Side {
  const side = (text ?? 'US').toUpperCase();
  if (side !== 'US' && side !== 'CN') usage(`--into "${text}" is not an importing side: expected US or CN`);
  return side;
}

export function parseMode(text: string | undefined): Mode {
  const mode = (text ?? 'ocean').toLowerCase();
  if (!(MODES as readonly string[]).includes(mode)) usage(`--mode "${text}" is not a transport mode: expected one of ${MODES.join(', ')}`);
  return mode as Mode;
}

export function parseOrigin(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (!/^[A-Za-z]{2}$/.test(text)) usage(`--origin "${text}" is not a country: expected an ISO 3166 two-letter code such as CN`);
  return text.toUpperCase();
}

/**
 * The output format: as asked, else a table on a terminal and CSV in a pipe for a bill; commands without a CSV
 * form (lookup, compare, refund, rates) print their table in a pipe too.
 */
export function parseFormat(text: string | undefined, isTerminal: boolean, allowed: readonly Format[] = FORMATS): Format {
  const format = text ?? (isTerminal || !allowed.includes('csv') ? 'table' : 'csv');
  if (!(allowed as readonly string[]).includes(format)) usage(`--format "${text}" is not a format of this command: expected one of ${allowed.join(', ')}`);
  return format as Format;
}

/** Formats of the commands that print a table or JSON (no CSV or 7501 form). */
export const REPORT_FORMATS: readonly Format[] = ['table', 'json', 'ndjson'];

/** the largest exchange rate taken, and the inverse the smallest */
const FX_LIMIT = new Decimal(1_000_000_000);

/** --fx EUR:USD=1.0832 (repeatable) -> "EUR:USD" -> rate; the inverse is added too. */
export function parseFx(values: string[] | undefined): Map<string, Decimal> {
  const fx = new Map<string, Decimal>();
  const given = new Map<string, { rate: Decimal; text: string }>();
  for (const v of values ?? []) {
    const m = /^([A-Za-z]{3}):([A-Za-z]{3})=(\d+(?:\.\d+)?)$/.exec(v.trim());
    if (!m || new Decimal(m[3]!).isZero()) usage(`--fx "${v}" is not an exchange rate: expected FROM:TO=RATE, e.g. EUR:USD=1.0832`);
    const from = m[1]!.toUpperCase();
    const to = m[2]!.toUpperCase();
    const rate = new Decimal(m[3]!);
    // no currency is worth a billion times another: a rate past that is a slip, and amounts converted with it could
    // pass the 40 digits the engine keeps exactly
    if (rate.greaterThan(FX_LIMIT) || rate.lessThan(new Decimal(1).dividedBy(FX_LIMIT))) {
      usage(`--fx "${v}": ${from}:${to} = ${m[3]} is outside 0.000000001 to 1000000000: expected the units of ${to} for one ${from}, e.g. EUR:USD=1.0832`);
    }
    for (const c of [from, to]) if (!isCurrency(c)) usage(`--fx "${v}": ${c} is not a currency: expected ISO 4217 codes, e.g. EUR:USD=1.0832`);
    if (from === to) usage(`--fx "${v}": a currency converts to itself at 1: expected two different currencies, e.g. EUR:USD=1.0832`);
    const before = given.get(`${from}:${to}`);
    if (before && !before.rate.eq(rate)) usage(`--fx "${v}" and "${before.text}" give ${from}:${to} two different rates: give one`);
    const reverse = given.get(`${to}:${from}`);
    if (reverse && !reverse.rate.times(rate).eq(1)) usage(`--fx "${v}" and "${reverse.text}" give one pair two rates that are not each other's inverse: give one of them`);
    given.set(`${from}:${to}`, { rate, text: v });
    fx.set(`${from}:${to}`, rate);
    if (!fx.has(`${to}:${from}`)) fx.set(`${to}:${from}`, new Decimal(1).dividedBy(rate));
  }
  return fx;
}

export function parsePercent(text: string | undefined, option: string): Decimal | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)%?$/.exec(text.trim());
  if (!m) usage(`${option} "${text}" is not a percentage: expected e.g. 25 or 25%`);
  return new Decimal(m[1]!);
}

/** --fail-over-amount [CUR:]AMOUNT (repeatable): the duty of a side above AMOUNT trips the gate; CUR limits it to the side of that currency. */
export function parseAmountGates(values: string[] | undefined): AmountGate[] {
  return (values ?? []).map((v) => {
    const m = /^(?:([A-Za-z]{3}):)?(\d+(?:\.\d+)?)$/.exec(v.trim().replace(/,/g, ''));
    if (!m) usage(`--fail-over-amount "${v}" is not an amount: expected AMOUNT or CUR:AMOUNT, e.g. 50000 or USD:50000 or CNY:350000`);
    return { amount: new Decimal(m[2]!), ...(m[1] ? { currency: m[1].toUpperCase() } : {}) };
  });
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** --encoding NAME: an encoding TextDecoder knows (utf-8, gb18030, latin1, utf-16le...). */
export function parseEncoding(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    new TextDecoder(text);
  } catch {
    usage(`--encoding "${text}" is not an encoding: expected e.g. utf-8, gb18030, latin1, utf-16le`);
  }
  return text;
}
