import { Decimal as DecimalBase } from 'decimal.js';

/** The one Decimal used for money and rates. ROUND_HALF_UP is the rounding of CBP's 7501 cents and of China's 0.01 CNY. */
export const Decimal = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);
const HUNDRED = new Decimal(100);

/** Round an amount to the cent (0.01), half up: the rounding of the 7501's cents and of China's fen. */
export function roundCents(amount: Decimal): Decimal {
  return amount.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** A percent rate (e.g. 25 for 25%) applied to a base, unrounded. */
export function percentOf(percent: Decimal, base: Decimal): Decimal {
  return base.times(percent).dividedBy(HUNDRED);
}

/** Amount as a decimal string with exactly two decimals. */
export function formatAmount(amount: Decimal): string {
  return amount.toFixed(2);
}

/** duty / value in percent, two decimals; "0.00" when the value is zero. */
export function effectiveRate(duty: Decimal, value: Decimal): string {
  if (value.isZero()) return '0.00';
  return duty.times(HUNDRED).dividedBy(value).toFixed(2);
}

/** An amount already rounded to the cent as whole cents (for the streamed fee split), and back. */
export function toCents(amount: Decimal): bigint {
  // toFixed rounds half up (the rounding this Decimal is made with), as roundCents does
  return BigInt(amount.toFixed(2).replace('.', ''));
}

export function fromCents(cents: bigint): Decimal {
  return new Decimal(cents.toString()).dividedBy(HUNDRED);
}

/** Whether duty / value exceeds a percent, compared exactly (duty x 100 > percent x value), not on a rounded rate. */
export function rateExceeds(duty: Decimal, value: Decimal, percent: Decimal): boolean {
  return duty.times(HUNDRED).greaterThan(percent.times(value));
}

export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/** A non-negative rate as an exact fraction of integers (7.5 -> 15/2), for the integer-cent path. */
export interface Fraction {
  num: bigint;
  den: bigint;
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10n ** BigInt(i));

/** A plain decimal given as its whole digits and its decimal digits ("12", "50" for 12.50) as a fraction (1250/100). */
export function decimalFraction(whole: string, decimals = ''): Fraction {
  return { num: BigInt(whole + decimals), den: POWERS_OF_TEN[decimals.length] ?? 10n ** BigInt(decimals.length) };
}

export function fraction(d: Decimal): Fraction {
  // a Decimal is a finite decimal: its digits over a power of ten, reduced (what toFraction gives, without its search)
  const places = d.decimalPlaces();
  let num = BigInt(d.toFixed(places).replace('.', ''));
  let den = 10n ** BigInt(places);
  let a = num < 0n ? -num : num;
  let b = den;
  while (b !== 0n) [a, b] = [b, a % b];
  if (a > 1n) {
    num /= a;
    den /= a;
  }
  return { num, den };
}

/**
 * roundCents(percentOf(percent, base)) in whole cents, exactly, for many bases: cents x percent / 100 rounded half up,
 * i.e. (2 x cents x num + 100 x den) / (200 x den). Bases and percents are never negative.
 */
export interface CentsRate {
  twiceNum: bigint;
  halfDen: bigint;
  den: bigint;
}

export function centsRate(percent: Fraction): CentsRate {
  return { twiceNum: 2n * percent.num, halfDen: percent.den * 100n, den: 2n * percent.den * 100n };
}

export function applyCentsRate(cents: bigint, r: CentsRate): bigint {
  return (cents * r.twiceNum + r.halfDen) / r.den;
}

/**
 * roundCents(amount / quantity) in whole cents, exactly: (2 x cents x den + num) / (2 x num) for a quantity num/den
 * (positive). For quantities of up to 21 digits this is the Decimal form, whose 40 significant digits are too many to
 * move such a quotient across a half cent; a longer quantity must take the Decimal form.
 */
export function perUnitCents(cents: bigint, quantity: Fraction): bigint {
  const sign = cents < 0n ? -1n : 1n;
  return sign * ((2n * sign * cents * quantity.den + quantity.num) / (2n * quantity.num));
}

/** Whole cents as formatAmount writes them: "1234.50", "0.07", "-3.00". */
export function formatCents(cents: bigint): string {
  if (cents < 0n) return `-${formatCents(-cents)}`;
  const digits = cents.toString();
  if (digits.length < 3) return digits.length === 1 ? `0.0${digits}` : `0.${digits}`;
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/**
 * effectiveRate on whole cents: duty x 100 / value to two decimals, half up. Equal to the Decimal form, whose
 * 40 significant digits cannot move a quotient of numbers this size across a half-hundredth.
 */
export function effectiveRateCents(duty: bigint, value: bigint): string {
  if (value === 0n) return '0.00';
  return formatCents((2n * duty * 10000n + value) / (2n * value));
}
