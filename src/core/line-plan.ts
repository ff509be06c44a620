import { CentWeights } from './allocate-stream.js';
import { plannedOf, sameList } from './line-cents.js';
import { priceLine } from './bill.js';
import { isAdditional } from './margin.js';
import { computeCnDuties } from './cn-duties.js';
import { Decimal, ZERO, applyCentsRate, centsRate, fraction, toCents, type CentsRate, type Fraction } from './money.js';
import { sameWarnings, type Warning } from './warning.js';
import { shared, sharedValue } from './shared.js';
import type { BillLine, Duty, LedgerView, LineResult, NotApplied, RejectedClaim, Side } from './types.js';
import { computeUsDuties, type BaseColumn, type DutyFormula } from './us-duties.js';

/**
 * The integer-cent path of a long bill. Lines that differ only in their amounts (same code, date, claims, origin,
 * side, rates given...) share every decision of the engine: which measures apply, at which rate, on which base.
 * A plan keeps those decisions, read from the engine's own result for one such line, and prices the other lines
 * in whole cents with BigInt: the same roundings (half up, to the cent, per duty) on the same bases, so the amounts
 * are those of the Decimal engine (checked on the line the plan is made from, and by tests on random bills).
 * A plan declines a line whose amounts would change a decision (a remainder of zero): the engine prices it.
 */

/** A line's amounts in whole cents; the quantity as an exact fraction. */
export interface CentAmounts {
  value: bigint;
  metal_value: bigint | undefined;
  steel_value: bigint | undefined;
  aluminum_value: bigint | undefined;
  copper_value: bigint | undefined;
  /** given with the line (a plan is never made for such lines: the share decides) */
  us_content_value: bigint | undefined;
  freight: bigint | undefined;
  insurance: bigint | undefined;
  quantity: Fraction | undefined;
}

export interface PlannedLine {
  /** the line's value, and for the US its freight and insurance (part of its landed cost; China's are in its CIF) */
  value: bigint;
  carriage: bigint;
  customsValue: bigint;
  /** one base and one amount per duty of the plan, in its order */
  bases: bigint[];
  amounts: bigint[];
  duty: bigint;
  consumptionTax: bigint;
  vat: bigint;
  /** US: the additional duties (every duty but MFN); China: the landed cost with the base rate alone */
  beforeTariffsPart: bigint;
}

/** What a plan's lines say of a duty besides its base and amount. */
export type DutyText = Pick<Duty, 'program' | 'heading' | 'rate' | 'source' | 'basis' | 'refundable'>;

/** What a priced line says besides its amounts: its code, each duty's words, the measures not applied, the claims
 * rejected, its warnings (without a row; `perRow` ones are about the line). A plan's lines share one. */
export interface LineTexts {
  side: Side;
  origin: string;
  currency: string;
  hts: string;
  duties: DutyText[];
  /** the program of each duty */
  programs: string[];
  notApplied: NotApplied[];
  rejectedClaims: RejectedClaim[];
  warnings: { perRow: boolean; warning: Warning }[];
}

/** A plan: what every line of one kind says on the dates it serves, as the engine said it for the line it was made
 * from, and how to price such a line in cents. */
export interface LinePlan extends LineTexts {
  price(a: CentAmounts): PlannedLine | undefined;
}

interface CentFormula {
  percent: Fraction;
  rate: CentsRate;
  column: BaseColumn;
  minus: number[][];
  /** dollars per unit of quantity */
  specific: Fraction[];
}

/** A line's amounts as whole cents (they are, for lines read by the integer-cent path). */
export function centAmounts(line: BillLine): CentAmounts {
  const cents = (d: Decimal | undefined) => (d === undefined ? undefined : toCents(d));
  return {
    value: toCents(line.value), metal_value: cents(line.metalValue), steel_value: cents(line.metalValues?.steel), aluminum_value: cents(line.metalValues?.aluminum),
    copper_value: cents(line.metalValues?.copper), us_content_value: cents(line.usContentValue), freight: cents(line.freight), insurance: cents(line.insurance),
    quantity: line.quantity === undefined ? undefined : fraction(line.quantity),
  };
}

/** Sum of fractions n/d rounded half up to a whole number (all terms non-negative). */
function roundSum(terms: [bigint, bigint][]): bigint {
  let num = 0n;
  let den = 1n;
  for (const [n, d] of terms) {
    num = num * d + n * den;
    den *= d;
  }
  return (2n * num + den) / (2n * den);
}

/** A warning as a plan's lines keep it: whether it is about the line's row, and the rest of it. */
function lineWarning({ row, ...warning }: Warning): LineTexts['warnings'][number] {
  return { perRow: row !== undefined, warning };
}

function planWarnings(warnings: Warning[]): LinePlan['warnings'] {
  return warnings.map((w) => {
    const { perRow, warning: x } = lineWarning(w);
    return sharedValue(`w${perRow ? 1 : 0}${x.code}\u0001${x.subject ?? ''}\u0001${x.header ? 1 : 0}${x.text}`, () => ({ perRow, warning: { ...x, text: shared(x.text) } }));
  });
}

/** The warnings of a plan's line, about its row. */
export function planWarningsOf(plan: LineTexts, row: number): Warning[] {
  return plan.warnings.map((w) => (w.perRow ? { ...w.warning, row } : w.warning));
}

/** What a plan keeps of the engine's duties: what its lines print. */
function planDuties(duties: DutyText[]): DutyText[] {
  return duties.map((d) => sharedValue(`d${d.program}\u0001${d.heading}\u0001${d.rate}\u0001${d.source}\u0001${d.basis ?? ''}\u0001${d.refundable ?? ''}`, () => ({
    program: shared(d.program), heading: shared(d.heading), rate: shared(d.rate), source: shared(d.source),
    ...(d.basis !== undefined ? { basis: shared(d.basis) } : {}), ...(d.refundable !== undefined ? { refundable: shared(d.refundable) } : {}),
  })));
}

/** The texts of a plan that are the same for each of its lines (`side` aside). */
function planTexts(line: BillLine, r: { hts: string; duties: DutyText[]; notApplied: NotApplied[]; rejectedClaims: RejectedClaim[]; warnings: Warning[] }) {
  return {
    origin: shared(line.origin), currency: shared(line.currency), hts: shared(r.hts), duties: planDuties(r.duties), programs: r.duties.map((d) => shared(d.program)),
    notApplied: sharedValue(`n${JSON.stringify(r.notApplied)}`, () => r.notApplied), rejectedClaims: sharedValue(`c${JSON.stringify(r.rejectedClaims)}`, () => r.rejectedClaims),
    warnings: planWarnings(r.warnings),
  };
}

/** What a line the engine priced says, as a plan's lines say it (its own, not shared). */
export function textsOf(r: LineResult): LineTexts {
  const l = r.line;
  return {
    side: l.into, origin: l.origin, currency: l.currency, hts: r.hts, duties: r.duties, programs: r.duties.map((d) => d.program),
    notApplied: r.notApplied, rejectedClaims: r.rejectedClaims,
    warnings: r.warnings.map(lineWarning),
  };
}

const sameDuty = (a: DutyText, b: DutyText) => a.program === b.program && a.heading === b.heading && a.rate === b.rate && a.source === b.source
  && a.basis === b.basis && a.refundable === b.refundable;

/**
 * Whether a plan's line, priced `p`, is the line the engine priced `r`: the same figures to the cent and the same
 * words (code, duties, measures not applied, claims rejected, warnings), so every output writes them alike.
 */
export function samePricing(plan: LinePlan, p: PlannedLine, r: LineResult, rCents: PlannedLine = plannedOf(r)): boolean {
  return r.line.into === plan.side && samePlanned(p, rCents) && plan.hts === r.hts && plan.origin === r.line.origin && plan.currency === r.line.currency
    && plan.duties.length === r.duties.length && plan.duties.every((d, i) => sameDuty(d, r.duties[i]!))
    && JSON.stringify(plan.notApplied) === JSON.stringify(r.notApplied) && JSON.stringify(plan.rejectedClaims) === JSON.stringify(r.rejectedClaims)
    && sameWarnings(planWarningsOf(plan, r.line.row), r.warnings);
}

function centFormula(f: DutyFormula): CentFormula {
  const specific = (f.specific ?? []).map((s) => s.perUnit.toString());
  return sharedValue(`f${f.percent.toString()}|${f.column}|${JSON.stringify(f.minus)}|${specific.join(';')}`, () => ({
    percent: fraction(f.percent), rate: centsRate(fraction(f.percent)), column: f.column, minus: f.minus, specific: (f.specific ?? []).map((s) => fraction(s.perUnit)),
  }));
}

/** Whether a plan's figures for a line are the engine's, cent for cent. */
export function samePlanned(a: PlannedLine | undefined, b: PlannedLine): boolean {
  return a !== undefined && a.value === b.value && a.carriage === b.carriage && a.customsValue === b.customsValue && a.duty === b.duty && a.consumptionTax === b.consumptionTax && a.vat === b.vat
    && a.beforeTariffsPart === b.beforeTariffsPart && sameList(a.bases, b.bases) && sameList(a.amounts, b.amounts);
}

function usPlan(line: BillLine, ledger: LedgerView): LinePlan | undefined {
  if (line.usContentValue !== undefined) return undefined;
  const r = computeUsDuties(line, ledger);
  if ('row' in r || r.valueDependent) return undefined;
  const formulas: CentFormula[] = r.formulas.map(centFormula);
  const additional = r.duties.map((d) => isAdditional(d.program));
  const price = (a: CentAmounts): PlannedLine | undefined => {
    const bases: bigint[] = [];
    const amounts: bigint[] = [];
    let duty = 0n;
    let additionalDuty = 0n;
    for (let i = 0; i < formulas.length; i++) {
      const f = formulas[i]!;
      let base = a[f.column];
      if (base === undefined) return undefined;
      for (const step of f.minus) {
        let covered = 0n;
        for (const j of step) {
          if (j < 0) return undefined;
          covered += bases[j]!;
        }
        base = base > covered ? base - covered : 0n;
      }
      // the engine leaves out a measure whose remainder is zero: a different decision, so the engine prices the line
      if (f.minus.length > 0 && base === 0n) return undefined;
      bases.push(base);
      let amount: bigint;
      if (f.specific.length === 0) amount = applyCentsRate(base, f.rate);
      else {
        if (a.quantity === undefined) return undefined;
        const q = a.quantity;
        // ad valorem on the base plus dollars per unit x quantity, in cents, rounded once (applyRate, then roundCents)
        amount = roundSum([[base * f.percent.num, f.percent.den * 100n], ...f.specific.map((s): [bigint, bigint] => [s.num * q.num * 100n, s.den * q.den])]);
      }
      amounts.push(amount);
      duty += amount;
      if (additional[i]) additionalDuty += amount;
    }
    return { value: a.value, carriage: (a.freight ?? 0n) + (a.insurance ?? 0n), customsValue: a.value, bases, amounts, duty, consumptionTax: 0n, vat: 0n, beforeTariffsPart: additionalDuty };
  };
  return { side: 'US', ...planTexts(line, r), price };
}

/** A consumption tax rate ct% (num/den) as the fraction of its base it takes: ct / (100 - ct) (cn-duties.ts). */
interface ConsumptionTaxRate {
  num: bigint;
  den: bigint;
}

function consumptionTaxRate(ct: Fraction): ConsumptionTaxRate {
  return { num: ct.num, den: 100n * ct.den - ct.num };
}

/**
 * China's consumption tax on a base (customs value and duty) in whole cents: base / (1 - ct) x ct, rounded half up.
 * The engine divides in Decimal at 40 digits: far from a half cent the exact quotient rounds the same way, so a
 * base whose exact tax lies on a half cent (a tie the engine may see a hair off) is left to the engine: undefined.
 */
function consumptionTaxCents(base: bigint, r: ConsumptionTaxRate): bigint | undefined {
  const twice = 2n * base * r.num;
  if (twice % (2n * r.den) === r.den) return undefined;
  return (twice + r.den) / (2n * r.den);
}

function cnPlan(line: BillLine, ledger: LedgerView): LinePlan | undefined {
  // insurance worked out from freight is said per line with its amount: the engine prices those lines
  if (line.freight !== undefined && line.insurance === undefined) return undefined;
  const r = computeCnDuties(line, ledger);
  if ('row' in r || r.valueDependent) return undefined;
  const ct = r.rates.consumptionTax === undefined || r.rates.consumptionTax.isZero() ? undefined : consumptionTaxRate(fraction(r.rates.consumptionTax));
  const total = centsRate(fraction(r.rates.layers.reduce((s, p) => s.plus(p), ZERO)));
  const base = centsRate(fraction(r.rates.base));
  const vat = centsRate(fraction(r.rates.vat));
  // the layers share the duty in proportion to their rates (allocateCents): the same split on integer weights
  const common = r.rates.layers.map(fraction).reduce((d, f) => (d % f.den === 0n ? d : d * f.den), 1n);
  const weights = new CentWeights();
  for (const p of r.rates.layers) weights.push(BigInt(p.times(common.toString()).toFixed(0)));
  // the plan keeps what its lines need, not the engine's result (a plan is kept per kind of line and window)
  const layers = r.rates.layers.length;
  const price = (a: CentAmounts): PlannedLine | undefined => {
    const customsValue = a.value + (a.freight ?? 0n) + (a.insurance ?? 0n);
    const duty = applyCentsRate(customsValue, total);
    const consumptionTax = ct ? consumptionTaxCents(customsValue + duty, ct) : 0n;
    const baseDuty = applyCentsRate(customsValue, base);
    const baseCt = ct ? consumptionTaxCents(customsValue + baseDuty, ct) : 0n;
    if (consumptionTax === undefined || baseCt === undefined) return undefined;
    const split = weights.split(duty);
    const amounts: bigint[] = [];
    for (let i = 0; i < layers; i++) amounts.push(split.share(i));
    const tax = applyCentsRate(customsValue + duty + consumptionTax, vat);
    const before = customsValue + baseDuty + baseCt + applyCentsRate(customsValue + baseDuty + baseCt, vat);
    return { value: a.value, carriage: 0n, customsValue, bases: amounts.map(() => customsValue), amounts, duty, consumptionTax, vat: tax, beforeTariffsPart: before };
  };
  return { side: 'CN', ...planTexts(line, r), price };
}

/**
 * The plan of every line like this one, or undefined when this line cannot make one (its amounts decided something,
 * its amounts are not whole cents, or the plan does not give the line what the engine gives it: samePricing).
 */
export function planLine(line: BillLine, ledger: LedgerView, priced?: { r: LineResult; cents: PlannedLine }): LinePlan | undefined {
  const exact = (d: Decimal | undefined) => d === undefined || d.decimalPlaces() <= 2;
  if (![line.value, line.metalValue, line.metalValues?.steel, line.metalValues?.aluminum, line.metalValues?.copper, line.freight, line.insurance].every(exact)) return undefined;
  const plan = line.into === 'CN' ? cnPlan(line, ledger) : usPlan(line, ledger);
  const p = plan?.price(centAmounts(line));
  if (!plan || !p) return undefined;
  if (priced) return samePricing(plan, p, priced.r, priced.cents) ? plan : undefined;
  const r = priceLine(line, ledger);
  return 'row' in r || !samePricing(plan, p, r) ? undefined : plan;
}
