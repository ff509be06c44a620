import { codeDigits } from '../core/codes.js';
import { decimalFraction } from '../core/money.js';
import type { CentAmounts } from '../core/line-plan.js';
import type { Side } from '../core/types.js';
import { BoundedCache } from '../core/bounded-cache.js';
import { reach, type CodeWindows, type Reach } from '../core/windows.js';
import type { Column, HeaderMap } from './columns.js';
import type { LineDefaults } from './row.js';

/**
 * The quick reading of a row for the integer-cent path (src/core/line-plan.ts): the text of every column that can
 * change a decision of the engine, as one key, and the amounts in whole cents. Only rows in the plain form are read
 * here (amounts of digits with at most two decimals, no currency conversion); parseRow reads every other row, and
 * says what is wrong with it.
 */

/** The columns that decide how a line is priced (its amounts aside). */
const DECIDING: Column[] = ['hts', 'into', 'origin', 'currency', 'unit', 'mfn_rate', 'vat_rate', 'ct_rate', 'extra_rate', 'loaded_on', 'liquidated_on', 'claims'];
/** Amount columns read in cents; whether each is given is part of the key. */
const CENTS: ('value' | 'metal_value' | 'steel_value' | 'aluminum_value' | 'copper_value' | 'us_content_value' | 'freight' | 'insurance')[] =
  ['value', 'metal_value', 'steel_value', 'aluminum_value', 'copper_value', 'us_content_value', 'freight', 'insurance'];

const CENTS_TEXT = /^\d{1,15}(?:\.\d{1,2})?$/;
/** a quantity of at most 21 digits: its products stay far inside the 40 digits the Decimal engine keeps */
const QUANTITY_TEXT = /^(\d{1,15})(?:\.(\d{1,6}))?$/;
const SEPARATOR = '\u0001';
/** kinds of line whose windows are kept at once (as many as the memo keeps kinds: src/core/plan-memo.ts) */
const KIND_LIMIT = 20_000;

/** An amount of whole cents: undefined when not given, null when not in the plain form (digits, at most two decimals). */
function cents(text: string | undefined): bigint | undefined | null {
  if (text === undefined) return undefined;
  if (!CENTS_TEXT.test(text)) return null;
  const dot = text.indexOf('.');
  if (dot < 0) return BigInt(text) * 100n;
  return BigInt(text.slice(0, dot) + text.slice(dot + 1).padEnd(2, '0'));
}

export interface QuickRow {
  /** the kind of line: every deciding column but the date */
  kind: string;
  /** rows of one kind and window are priced alike: the date's window (core/windows.ts), or the date itself when the
   * line has claims (a claim's reason names the date) */
  window: string;
  /** the date as written (or the default), as parseRow reads it */
  date: string;
  into: Side;
  entry: string;
  amounts: CentAmounts;
  /** the quantity and price as written (plain decimals), for per-unit figures */
  quantity?: string;
  price?: string;
}

/** A cell as parseRow reads it: trimmed, none when empty or missing. */
function textCell(cells: string[], i: number | undefined): string | undefined {
  if (i === undefined) return undefined;
  const v = cells[i]?.trim();
  return v === '' ? undefined : v;
}

export class QuickReader {
  /** the places of the deciding columns the bill has */
  private readonly deciding: number[];
  private readonly cents: (number | undefined)[];
  private readonly at: Partial<Record<Column, number>>;

  /** the windows of each kind of line's code (its code, side and reach are in its kind); null: windowed by its date */
  private readonly windowsOfKind = new BoundedCache<string, CodeWindows | null>(KIND_LIMIT);

  constructor(header: HeaderMap, private readonly defaults: LineDefaults, private readonly windows: (side: Side, code: string, r: Reach) => CodeWindows) {
    this.at = header.index;
    this.deciding = DECIDING.map((c) => header.index[c]).filter((i) => i !== undefined);
    this.cents = CENTS.map((c) => header.index[c]);
    this.implied = header.impliedCurrency;
    this.reach = reach(defaults.mode, false, false);
    this.reachLoaded = reach(defaults.mode, false, true);
  }

  private readonly implied: string | undefined;
  /** a line without claims, without a loading date or with one (lines with claims are windowed by their date) */
  private readonly reach: Reach;
  private readonly reachLoaded: Reach;

  private cell(cells: string[], i: number | undefined): string | undefined {
    return textCell(cells, i);
  }

  /** The sku and description, as the line object gives them (undefined: none). */
  labels(cells: string[]): { sku: string | undefined; description: string | undefined } {
    return { sku: textCell(cells, this.at.sku), description: textCell(cells, this.at.description) };
  }

  /** The row read quickly, or undefined when parseRow must read it. */
  read(cells: string[]): QuickRow | undefined {
    if (this.defaults.decimalComma) return undefined;
    const intoCell = this.cell(cells, this.at.into);
    const intoText = intoCell === 'US' || intoCell === 'CN' ? intoCell : intoCell?.toUpperCase() ?? this.defaults.into;
    if (intoText !== 'US' && intoText !== 'CN') return undefined;
    const into: Side = intoText;
    const home = into === 'CN' ? 'CNY' : 'USD';
    const currencyCell = this.cell(cells, this.at.currency);
    const currency = currencyCell === home ? home : currencyCell?.toUpperCase() ?? this.implied ?? home;
    if (currency !== home) return undefined;

    const parts: string[] = [];
    for (const i of this.deciding) {
      const text = cells[i]?.trim() ?? '';
      // the key's separator in a cell would let two kinds of row share a key
      if (text.includes(SEPARATOR)) return undefined;
      parts.push(text);
    }
    const value = cents(this.cell(cells, this.cents[0]));
    if (value === undefined || value === null) return undefined;
    // every field set, in one order: one object shape for every row
    const amounts: CentAmounts = { value, metal_value: undefined, steel_value: undefined, aluminum_value: undefined, copper_value: undefined,
      us_content_value: undefined, freight: undefined, insurance: undefined, quantity: undefined };
    // which amounts are given, as bits (the quantity's is the last)
    let given = 0;
    for (let c = 1; c < CENTS.length; c++) {
      const found = cents(this.cell(cells, this.cents[c]));
      if (found === null) return undefined;
      if (found !== undefined) {
        amounts[CENTS[c] as 'metal_value'] = found;
        // a US line's freight and insurance only add to its landed cost, which a plan works from the amounts: lines
        // with and without them are of one kind (China's make the customs value, and a missing insurance is warned of)
        if (!(into === 'US' && (CENTS[c] === 'freight' || CENTS[c] === 'insurance'))) given |= 1 << c;
      }
    }
    if ((amounts.metal_value ?? 0n) > value || (amounts.us_content_value ?? 0n) > value) return undefined;
    const quantity = this.cell(cells, this.at.quantity);
    if (quantity !== undefined) {
      const m = QUANTITY_TEXT.exec(quantity);
      if (!m) return undefined;
      amounts.quantity = decimalFraction(m[1]!, m[2]);
      given |= 1 << CENTS.length;
    }
    parts.push(String(given));
    const kind = parts.join(SEPARATOR);
    const date = this.cell(cells, this.at.date) ?? this.defaults.date;
    let windows = this.windowsOfKind.get(kind);
    if (windows === undefined) {
      const hts = this.cell(cells, this.at.hts);
      const loaded = this.cell(cells, this.at.loaded_on) !== undefined;
      windows = hts === undefined || this.cell(cells, this.at.claims) !== undefined ? null : this.windows(into, codeDigits(hts), loaded ? this.reachLoaded : this.reach);
      this.windowsOfKind.set(kind, windows);
    }
    const window = windows === null ? date : windows.of(date);
    const out: QuickRow = { kind, window, date, into, entry: this.cell(cells, this.at.entry) ?? '1', amounts };
    if (quantity !== undefined) out.quantity = quantity;
    const price = this.cell(cells, this.at.price);
    if (price !== undefined) {
      if (!CENTS_TEXT.test(price)) return undefined;
      out.price = price;
    }
    return out;
  }
}
