import { Decimal } from '../core/money.js';

export interface AmountStyle {
  /** 1.234,56 and 1234,56: a comma for decimals (--decimal-comma) */
  decimalComma: boolean;
}

export type AmountResult = { value: Decimal } | { error: string };

const PLAIN = /^\d+(\.\d+)?$/;
const GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/; // 1,234,567.89
const COMMA_DECIMAL = /^\d+(,\d+)?$/; // 1234,56
const COMMA_GROUPED = /^\d{1,3}([. ]\d{3})+(,\d+)?$/; // 1.234.567,89 or 1 234 567,89
const MAX_INTEGER_DIGITS = 15;

/**
 * An amount as a spreadsheet writes it: 1234.56, 1,234.56, or with --decimal-comma 1234,56 and 1.234,56;
 * a leading $ or US$ only for US dollars. Never guessed: an amount that could be read two ways is refused.
 */
export function parseAmount(text: string, currency: string, style: AmountStyle): AmountResult {
  let t = text.trim();
  const expected = style.decimalComma ? 'digits with a comma for decimals, e.g. 1234,56 or 1.234,56' : 'digits with a dot for decimals, e.g. 1234.56 or 1,234.56 (pass --decimal-comma for 1.234,56)';
  if (t.startsWith('-') || t.startsWith('(') && t.endsWith(')')) return { error: `"${text}" is negative: expected an amount of 0 or more` };
  const symbol = /^(US\$|\$)\s*/.exec(t);
  if (symbol) {
    if (currency !== 'USD') return { error: `"${text}" has a dollar sign but the line's currency is ${currency}: write the amount alone and the currency in the currency column` };
    t = t.slice(symbol[0].length);
  }
  if (/^[^\d]/.test(t)) return { error: `"${text}" is not an amount: expected ${expected}; write currencies in the currency column` };
  let canonical: string | undefined;
  if (style.decimalComma) {
    if (COMMA_DECIMAL.test(t)) canonical = t.replace(',', '.');
    else if (COMMA_GROUPED.test(t)) canonical = t.replace(/[. ]/g, '').replace(',', '.');
  } else if (PLAIN.test(t)) canonical = t;
  else if (GROUPED.test(t)) canonical = t.replace(/,/g, '');
  if (canonical === undefined) {
    if (!style.decimalComma && /^\d+,\d{1,2}$/.test(t)) return { error: `"${text}" looks like a decimal comma: expected ${expected}` };
    return { error: `"${text}" is not an amount: expected ${expected}` };
  }
  if (canonical.split('.')[0]!.replace(/^0+(?=\d)/, '').length > MAX_INTEGER_DIGITS) return { error: `"${text}" is too large: expected at most ${MAX_INTEGER_DIGITS} digits before the decimals` };
  return { value: new Decimal(canonical) };
}
