import { describe, expect, it } from 'vitest';
import { Decimal, roundCents, effectiveRate, fromCents, rateExceeds, toCents } from '../../src/core/money.js';
import { applyRate, parseRate } from '../../src/core/rate.js';

describe('roundCents: half up, at the boundary', () => {
  it.each([
    ['410.988', '410.99'], // E4: 2.9% × 14,172.00 on the 7501
    ['0.005', '0.01'],
    ['0.004999', '0.00'],
    ['2.675', '2.68'], // 2.675 is 2.67499... as a binary float; exact decimals round it up
    ['1.0049999999999', '1.00'],
    ['17.3200', '17.32'],
  ])('%s -> %s', (raw, cents) => {
    expect(roundCents(new Decimal(raw)).toFixed(2)).toBe(cents);
  });
});

describe('effectiveRate', () => {
  it('is duty / value in percent with 2 decimals', () => {
    expect(effectiveRate(new Decimal('17500'), new Decimal('10000'))).toBe('175.00');
    expect(effectiveRate(new Decimal('1'), new Decimal('3'))).toBe('33.33');
    expect(effectiveRate(new Decimal('2'), new Decimal('3'))).toBe('66.67');
    expect(effectiveRate(new Decimal('5'), new Decimal('0'))).toBe('0.00');
  });
});

describe('parseRate', () => {
  it.each([
    ['Free', '0', []],
    ['3%', '3', []],
    ['16.5%', '16.5', []],
    ['2.4¢/kg', '0', [['0.024', 'kg']]],
    ['$1.03/kg + 1.2%', '1.2', [['1.03', 'kg']]],
    ['0.2¢ each + 7%', '7', [['0.002', 'No.']]],
    ['16¢/pr. + 5%', '5', [['0.16', 'pr.']]],
    ['6.3¢/liter', '0', [['0.063', 'liter']]],
    ['49.5¢/kg + 19.6%', '19.6', [['0.495', 'kg']]],
    ['$2.50 each', '0', [['2.5', 'No.']]],
  ])('%s', (text, adValorem, specific) => {
    const r = parseRate(text)!;
    expect(r.adValorem.toString()).toBe(adValorem);
    expect(r.specific.map((s) => [s.perUnit.toString(), s.unit])).toEqual(specific);
  });

  it.each([
    '5¢/kg on contents and container',
    '6¢/kg on drained weight + 8.5%',
    '1.4606¢/kg less 0.020668¢/kg for each degree under 100 degrees',
    '8.5¢ each + 4% on the case + 2.9% on the battery',
    'The rate applicable to each garment in the ensemble if separately entered',
    '3% + 4%',
    '',
    'abc',
  ])('does not compute "%s"', (text) => {
    expect(parseRate(text)).toBeUndefined();
  });
});

describe('applyRate', () => {
  it('compound rate: the brushes of us-measures.md §11 (10,000 at $0.30, 0.2¢ each + 7%) = $230.00', () => {
    // 10,000 × $0.002 = $20.00; 7% × $3,000 = $210.00
    expect(applyRate(parseRate('0.2¢ each + 7%')!, new Decimal('3000'), new Decimal('10000')).toFixed(2)).toBe('230.00');
  });
  it('specific rate: 2.4¢/kg on 1,250 kg = $30.00', () => {
    expect(applyRate(parseRate('2.4¢/kg')!, new Decimal('999'), new Decimal('1250')).toFixed(2)).toBe('30.00');
  });
});

describe('whole cents and the --fail-over comparison', () => {
  it('converts amounts to whole cents and back, rounding half up first', () => {
    expect([toCents(new Decimal('12047.14')), toCents(new Decimal('0.005')), toCents(new Decimal('0.004'))]).toEqual([1204714n, 1n, 0n]);
    expect(fromCents(1204714n).toFixed(2)).toBe('12047.14');
  });
  it('compares duty / value with the percent exactly, not on the rate rounded for display', () => {
    // 90,000.01 / 300,000.00 = 30.0000033...%: shown as 30.00, yet above 30
    expect(rateExceeds(new Decimal('90000.01'), new Decimal('300000.00'), new Decimal('30'))).toBe(true);
    expect(rateExceeds(new Decimal('90000.00'), new Decimal('300000.00'), new Decimal('30'))).toBe(false);
    expect(rateExceeds(new Decimal('89999.99'), new Decimal('300000.00'), new Decimal('30'))).toBe(false);
  });
});
