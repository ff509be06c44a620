import { codeDigits } from '../core/codes.js';
import { Decimal, roundCents } from '../core/money.js';
import { canonicalUnit, parseRate } from '../core/rate.js';
import { parseAmount } from './amount.js';
import { countryCode, isCountry, isCurrency } from './iso.js';
import type { BillLine, Mode, RowError, Side } from '../core/types.js';
import type { Column, HeaderMap } from './columns.js';

export interface LineDefaults {
  into: Side;
  origin?: string;
  date: string;
  mode: Mode;
  /** exchange rates: "EUR:USD" -> rate */
  fx: Map<string, Decimal>;
  /** amounts written 1.234,56 (--decimal-comma) */
  decimalComma?: boolean;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4}-\d{2}-\d{2})(T([01]\d|2[0-3]):[0-5]\d)?$/;

/** A date, or a date and local time (YYYY-MM-DDTHH:MM), as the importing side counts it. */
export function isValidInstant(text: string): boolean {
  const m = INSTANT.exec(text);
  return m !== null && isValidDate(m[1]!);
}
/** The first date the ledger is built for. */
export const FIRST_DATE = '2025-01-01';

export function isValidDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Parse one record of the bill into a line, or say every column that is wrong. */
export function parseRow(row: number, record: string[], header: HeaderMap, defaults: LineDefaults): BillLine | RowError[] {
  const errors: RowError[] = [];
  const cell = (c: Column): string | undefined => {
    const i = header.index[c];
    const v = i === undefined ? undefined : record[i]?.trim();
    return v === '' ? undefined : v;
  };
  const fail = (column: string, message: string): undefined => { errors.push({ row, column, message }); return undefined; };
  let amountCurrency = '';
  const amount = (c: Column, required = false): Decimal | undefined => {
    const v = cell(c);
    if (v === undefined) return required ? fail(c, 'missing: expected an amount such as 1250.00') : undefined;
    const parsed = parseAmount(v, amountCurrency, { decimalComma: Boolean(defaults.decimalComma) });
    if ('error' in parsed) return fail(c, parsed.error);
    return parsed.value;
  };

  const hts = cell('hts');
  let code = '';
  if (hts === undefined) fail('hts', 'missing: expected a tariff code of 6-10 digits, e.g. 8517.13.00.00');
  else {
    code = codeDigits(hts);
    // 5, 7 or 9 digits: a spreadsheet may have dropped a leading zero; the ledger decides (src/core)
    if (!/^\d{5,10}$/.test(code)) fail('hts', `"${hts}" is not a tariff code: expected 6, 8 or 10 digits, dots optional (e.g. 0901.21.00)`);
  }

  const intoText = cell('into')?.toUpperCase();
  const into = (intoText ?? defaults.into) as Side;
  if (into !== 'US' && into !== 'CN') fail('into', `"${intoText}" is not an importing side: expected US or CN`);

  const originCell = cell('origin');
  const originText = (originCell === undefined ? undefined : countryCode(originCell)) ?? defaults.origin ?? (into === 'US' ? 'CN' : 'US');
  if (!isCountry(originText)) fail('origin', `"${originCell}" is not a country: expected an ISO 3166 two-letter code such as CN (or a name such as China)`);

  const date = cell('date') ?? defaults.date;
  if (!isValidInstant(date)) fail('date', `"${date}" is not a date: expected YYYY-MM-DD (or YYYY-MM-DDTHH:MM, local time of the importing side), e.g. 2025-04-15`);
  else if (date < FIRST_DATE) fail('date', `${date} is before ${FIRST_DATE}: the ledger covers entries from ${FIRST_DATE}`);

  const home = into === 'CN' ? 'CNY' : 'USD';
  const currency = (cell('currency') ?? header.impliedCurrency ?? home).toUpperCase();
  let rateToHome: Decimal | undefined = new Decimal(1);
  if (!isCurrency(currency)) rateToHome = fail('currency', `"${currency}" is not a currency: expected an ISO 4217 code such as USD or CNY`);
  else if (currency !== home) {
    rateToHome = defaults.fx.get(`${currency}:${home}`);
    if (!rateToHome) fail('currency', `${currency} needs an exchange rate to ${home}: pass --fx ${currency}:${home}=RATE`);
  }

  amountCurrency = currency;
  const value = amount('value', true);
  if (value && value.decimalPlaces() > 2) fail('value', `"${cell('value')}" has more than 2 decimals: expected an amount in cents`);
  const quantity = amount('quantity');
  const unitText = cell('unit');
  const unit = unitText === undefined ? undefined : canonicalUnit(unitText);
  if (unitText !== undefined && !unit) fail('unit', `"${unitText}" is not a unit: expected one of kg, liter, No., doz., pr., m2, ...`);

  const mfnText = cell('mfn_rate');
  const mfnRate = mfnText === undefined ? undefined : parseRate(mfnText);
  if (mfnText !== undefined && !mfnRate) fail('mfn_rate', `"${mfnText}" is not a rate: expected e.g. 3%, 2.4¢/kg, $1.03/kg + 1.2%, Free`);

  const percentCell = (c: Column): Decimal | undefined => {
    const text = cell(c);
    if (text === undefined) return undefined;
    const m = /^(\d+(?:\.\d+)?)\s*%?$/.exec(text);
    if (!m || new Decimal(m[1]!).greaterThanOrEqualTo(100)) return fail(c, `"${text}" is not a tax rate: expected a percentage under 100, e.g. 13%`);
    return new Decimal(m[1]!);
  };
  const vatRate = percentCell('vat_rate');
  const ctRate = percentCell('ct_rate');
  const extraText = cell('extra_rate');
  let extraRate: Decimal | undefined;
  if (extraText !== undefined) {
    const m = /^(\d+(?:\.\d+)?)\s*%?$/.exec(extraText);
    if (!m) fail('extra_rate', `"${extraText}" is not an ad valorem rate: expected e.g. 7.5%`);
    else extraRate = new Decimal(m[1]!);
  }

  const metalValue = amount('metal_value');
  const steelValue = amount('steel_value');
  const aluminumValue = amount('aluminum_value');
  const copperValue = amount('copper_value');
  const usContentValue = amount('us_content_value');
  if (value && metalValue && metalValue.greaterThan(value)) fail('metal_value', `${metalValue.toFixed(2)} is more than the line's value ${value.toFixed(2)}: expected the value of the metal content only`);
  if (value && usContentValue && usContentValue.greaterThan(value)) fail('us_content_value', `${usContentValue.toFixed(2)} is more than the line's value ${value.toFixed(2)}`);
  const loadedOn = cell('loaded_on');
  if (loadedOn !== undefined && !isValidDate(loadedOn)) fail('loaded_on', `"${loadedOn}" is not a date: expected YYYY-MM-DD, the day the goods were loaded for export`);
  else if (loadedOn !== undefined && isValidInstant(date) && loadedOn > date.slice(0, 10)) fail('loaded_on', `${loadedOn} is after the entry date ${date}: goods are loaded before they are entered`);
  const liquidatedOn = cell('liquidated_on');
  if (liquidatedOn !== undefined && !isValidDate(liquidatedOn)) fail('liquidated_on', `"${liquidatedOn}" is not a date: expected YYYY-MM-DD`);
  else if (liquidatedOn !== undefined && isValidInstant(date) && liquidatedOn < date.slice(0, 10)) fail('liquidated_on', `${liquidatedOn} is before the entry date ${date}`);
  const freight = amount('freight');
  const insurance = amount('insurance');
  const price = amount('price');
  if (errors.length > 0) return errors;

  // US amounts are converted and rounded to the cent each; Chinese amounts are rounded once, as the CIF customs value
  const toHome = (a: Decimal | undefined): Decimal | undefined => {
    if (a === undefined) return undefined;
    const converted = a.times(rateToHome!);
    return into === 'CN' ? converted : roundCents(converted);
  };
  const passthrough: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const p of header.passthrough) passthrough[p.name] = record[p.index] ?? '';
  return {
    row, code, into, origin: originText, date, mode: defaults.mode, currency: home,
    value: toHome(value)!, quantity, unit, freight: toHome(freight), insurance: toHome(insurance), price: toHome(price),
    sku: cell('sku'), description: cell('description'), entry: cell('entry') ?? '1',
    claims: (cell('claims') ?? '').split(';').map((c) => c.trim()).filter(Boolean),
    mfnRate, extraRate, passthrough,
    metalValue: toHome(metalValue), usContentValue: toHome(usContentValue), loadedOn, liquidatedOn, vatRate, ctRate,
    ...(steelValue || aluminumValue || copperValue ? { metalValues: {
      ...(steelValue ? { steel: toHome(steelValue)! } : {}), ...(aluminumValue ? { aluminum: toHome(aluminumValue)! } : {}), ...(copperValue ? { copper: toHome(copperValue)! } : {}),
    } } : {}),
  };
}
