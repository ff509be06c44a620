import { parseAmount } from '../input/amount.js';
import { isValidInstant } from '../input/row.js';
import type { Validate } from './port.js';

/** The guided mode's answers checked where they are typed, read as a CSV bill reads its cells. */

/** An amount typed as a CSV bill may write it (31,000 or $1,250.50), checked by the bill's own reader. */
export const amount = (optional: boolean, currency = 'USD'): Validate => (v) => {
  if (optional && v.trim() === '') return true;
  const read = parseAmount(v, currency, { decimalComma: false });
  if ('error' in read) return read.error.replace(' (pass --decimal-comma for 1.234,56)', '');
  return read.value.decimalPlaces() <= 2 || `"${v.trim()}" has more than 2 decimals: expected an amount such as 1250.00`;
};
/** The amount as the bill keeps it: 31,000 -> 31000 (the saved CSV holds plain digits). */
export const plainAmount = (v: string, currency = 'USD'): string => {
  const read = parseAmount(v, currency, { decimalComma: false });
  return 'error' in read ? v.trim() : read.value.toFixed();
};
/** A quantity as a CSV bill may write it (1,250 or 12.5), any number of decimals. */
export const quantity: Validate = (v) => {
  if (/\$/.test(v)) return 'expected a quantity such as 1,250 or 12.5 (no currency sign)';
  const read = parseAmount(v, 'USD', { decimalComma: false });
  return !('error' in read) || read.error.replace(' (pass --decimal-comma for 1.234,56)', '').replace('an amount', 'a quantity');
};
export const positive: Validate = (v) => /^\d+(\.\d+)?$/.test(v.trim()) || 'expected a number such as 120 or 12.5';
export const instant: Validate = (v) => isValidInstant(v.trim()) || 'expected a date YYYY-MM-DD (or YYYY-MM-DDTHH:MM for a time)';
export const optionalDate: Validate = (v) => v.trim() === '' || /^\d{4}-\d{2}-\d{2}$/.test(v.trim()) && isValidInstant(v.trim()) || 'expected a date YYYY-MM-DD, or nothing';
export const percent: Validate = (v) => /^\d+(\.\d+)?%?$/.test(v.trim()) || 'expected a rate such as 13 or 13%';
