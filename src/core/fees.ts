import { inPeriod } from './dates.js';
import { Decimal, ZERO, applyCentsRate, centsRate, fraction, fromCents, percentOf, roundCents, toCents, type CentsRate } from './money.js';
import { parseRate } from './rate.js';
import { warning, type Warning } from './warning.js';
import type { HmfPeriod, LedgerView, Mode, MpfPeriod } from './types.js';

export interface EntryFees {
  mpf: Decimal;
  hmf: Decimal;
  /** how the MPF was set: "formal 0.3464% (FY2026 min 33.58, max 651.50)" */
  mpfBasis: string;
  warnings: Warning[];
}

function percentOfRate(rateText: string): Decimal {
  return parseRate(rateText)!.adValorem;
}

/** The fee periods that charge an entry of this date and mode (none when the ledger has none or the mode pays none), and what the ledger warns of them. */
interface FeePeriods {
  mpf: MpfPeriod | undefined;
  hmf: HmfPeriod | undefined;
  /** how the MPF was set when no period charges it */
  noMpf: string;
  warnings: Warning[];
}

function feePeriods(date: string, mode: Mode, ledger: LedgerView): FeePeriods {
  const warnings: Warning[] = [];
  let mpf: MpfPeriod | undefined;
  let noMpf = 'no MPF period in the ledger for this date';
  const period = ledger.mpf.find((p) => inPeriod(date, p.from, p.to));
  if (!period) warnings.push(warning('mpf-missing', `MPF: the ledger has no merchandise processing fee for ${date}`));
  else if (!period.modes.includes(mode)) {
    noMpf = `${mode}: no MPF`;
    warnings.push(warning('transport-mode', `${mode} items: ${period.otherModes}`));
  } else {
    if (period.unconfirmed) warnings.push(warning('fee-unconfirmed', `MPF ${period.label}: ${period.unconfirmed}`));
    mpf = period;
  }
  const hmf = ledger.hmf.find((p) => inPeriod(date, p.from, p.to));
  return { mpf, hmf: hmf?.modes.includes(mode) ? hmf : undefined, noMpf, warnings };
}

/**
 * Fees of one US entry (19 CFR 24.23, 24.24): MPF on the entry's total value, clamped to the fiscal year's
 * minimum and maximum for a formal entry, or the automated informal fee below the informal-entry ceiling;
 * HMF on the value of cargo arriving by vessel.
 */
export function usEntryFees(entryValue: Decimal, date: string, mode: Mode, ledger: LedgerView): EntryFees {
  const { mpf: period, hmf: hmfPeriod, noMpf, warnings } = feePeriods(date, mode, ledger);
  let mpf = ZERO;
  let mpfBasis = noMpf;
  if (period) {
    if (entryValue.lessThan(period.informalBelow)) {
      mpf = new Decimal(period.informal);
      mpfBasis = `informal entry (under $${period.informalBelow}): ${period.label} automated fee`;
    } else {
      const raw = roundCents(percentOf(percentOfRate(period.rate), entryValue));
      mpf = Decimal.min(Decimal.max(raw, period.min), period.max);
      mpfBasis = `formal entry: ${period.rate} of ${entryValue.toFixed(2)}, ${period.label} min ${period.min}, max ${period.max}`;
    }
  }
  const hmf = hmfPeriod ? roundCents(percentOf(percentOfRate(hmfPeriod.rate), entryValue)) : ZERO;
  return { mpf, hmf, mpfBasis, warnings };
}

/**
 * usEntryFees in whole cents for the many entries of one date and mode (a streamed bill): the periods and rates are
 * read once, each entry's fees are integer sums (the same roundings, half up to the cent).
 */
export class UsFeeCents {
  readonly warnings: Warning[];
  private readonly mpf: { rate: CentsRate; min: bigint; max: bigint; informal: bigint; informalBelow: bigint } | undefined;
  private readonly hmf: CentsRate | undefined;

  constructor(private readonly date: string, private readonly mode: Mode, private readonly ledger: LedgerView) {
    const { mpf: p, hmf, warnings } = feePeriods(date, mode, ledger);
    this.warnings = warnings;
    const cents = (dollars: string) => toCents(new Decimal(dollars));
    this.mpf = p && { rate: centsRate(fraction(percentOfRate(p.rate))), min: cents(p.min), max: cents(p.max), informal: cents(p.informal), informalBelow: cents(p.informalBelow) };
    this.hmf = hmf && centsRate(fraction(percentOfRate(hmf.rate)));
    // a rate of k significant digits times a value of n stays exact in the Decimal engine while n + k <= its precision:
    // above that (values only an --fx rate can make) the Decimal form is used, so the fees stay the engine's
    const digits = Math.max(...[p?.rate, hmf?.rate].map((r) => (r ? percentOfRate(r).precision() : 0)));
    this.exactBelow = 10n ** BigInt(Decimal.precision - digits);
  }

  private readonly exactBelow: bigint;

  /** The MPF and HMF of an entry of this value (cents). */
  fees(value: bigint): { mpf: bigint; hmf: bigint } {
    if (value >= this.exactBelow) {
      const d = usEntryFees(fromCents(value), this.date, this.mode, this.ledger);
      return { mpf: toCents(d.mpf), hmf: toCents(d.hmf) };
    }
    const m = this.mpf;
    let mpf = 0n;
    if (m) {
      if (value < m.informalBelow) mpf = m.informal;
      else {
        mpf = applyCentsRate(value, m.rate);
        if (mpf < m.min) mpf = m.min;
        if (mpf > m.max) mpf = m.max;
      }
    }
    return { mpf, hmf: this.hmf ? applyCentsRate(value, this.hmf) : 0n };
  }
}
