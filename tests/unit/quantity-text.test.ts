// A quantity as the JSON line object writes it (src/output/json-line.ts quantityText): what decimal.js's toString gives,
// without a Decimal for the plain form.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/money.js';
import { quantityText } from '../../src/output/json-line.js';

describe('quantityText', () => {
  it('drops leading zeros of the whole part and trailing zeros of the decimals', () => {
    expect(['400', '10.50', '007', '0.0', '000', '0.000001', '120.000'].map(quantityText)).toEqual(['400', '10.5', '7', '0', '0', '0.000001', '120']);
  });

  it('is decimal.js toString for plain decimals of up to 21 digits, and for other forms', () => {
    const digits = (min: number, max: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(''));
    fc.assert(fc.property(digits(1, 15), fc.option(digits(1, 6)), (whole, part) => {
      const text = part === null ? whole : `${whole}.${part}`;
      expect(quantityText(text)).toBe(new Decimal(text).toString());
    }), { numRuns: 2000 });
    for (const text of ['1e3', '1234567890123456789012.5', '0.00000001', '0.0000001', '0000000000000000012']) expect(quantityText(text)).toBe(new Decimal(text).toString());
  });
});
