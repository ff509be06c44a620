import { inPeriod } from './dates.js';
import { Decimal, ZERO, percentOf, roundCents } from './money.js';
import { parseRate } from './rate.js';
import type { LedgerView, Mode } from './types.js';

export interface EntryFees {
  mpf: Decimal;
  hmf: Decimal;
  /** how the MPF was set: "formal 0.3464% (FY2026 min 33.58, max 651.50)" */
  mpfBasis: string;
  warnings: string[];
}

function percentOfRate(rateText: string): Decimal {
  return parseRate(rateText)!.adValorem;
}

/**
 * Fees of one US entry (19 CFR 24.23, 24.24): MPF on the entry's total value, clamped to the fiscal year's
 * minimum and maximum for a formal entry, or the automated informal fee below the informal-entry ceiling;
 * HMF on the value of cargo arriving by vessel.
 */
export function usEntryFees(entryValue: Decimal, date: string, mode: Mode, ledger: LedgerView): EntryFees {
  const warnings: string[] = [];
  let mpf = ZERO;
  let mpfBasis = 'no MPF period in the ledger for this date';
  const period = ledger.mpf.find((p) => inPeriod(date, p.from, p.to));
  if (!period) warnings.push(`MPF: the ledger has no merchandise processing fee for ${date}`);
  else if (!period.modes.includes(mode)) {
    mpfBasis = `${mode}: no MPF`;
    warnings.push(`${mode} items: ${period.otherModes}`);
  } else {
    if (period.unconfirmed) warnings.push(`MPF ${period.label}: ${period.unconfirmed}`);
    if (entryValue.lessThan(period.informalBelow)) {
      mpf = new Decimal(period.informal);
      mpfBasis = `informal entry (under $${period.informalBelow}): ${period.label} automated fee`;
    } else {
      const raw = roundCents(percentOf(percentOfRate(period.rate), entryValue));
      mpf = Decimal.min(Decimal.max(raw, period.min), period.max);
      mpfBasis = `formal entry: ${period.rate} of ${entryValue.toFixed(2)}, ${period.label} min ${period.min}, max ${period.max}`;
    }
  }
  let hmf = ZERO;
  const hmfPeriod = ledger.hmf.find((p) => inPeriod(date, p.from, p.to));
  if (hmfPeriod && hmfPeriod.modes.includes(mode)) hmf = roundCents(percentOf(percentOfRate(hmfPeriod.rate), entryValue));
  return { mpf, hmf, mpfBasis, warnings };
}
