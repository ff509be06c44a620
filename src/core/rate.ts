import { Decimal, ZERO, percentOf } from './money.js';
import { BoundedCache } from './bounded-cache.js';

/** One specific component of a rate: an amount in US dollars per unit of quantity. */
export interface SpecificPart {
  perUnit: Decimal;
  unit: string;
}

/** A parsed rate: ad valorem percent plus any specific parts. `Free` is { adValorem: 0, specific: [] }. */
export interface Rate {
  text: string;
  adValorem: Decimal;
  specific: SpecificPart[];
}

const UNIT_ALIASES: Record<string, string> = {
  'kg': 'kg', 'clean kg': 'kg', 'liter': 'liter', 'liters': 'liter', 'l': 'liter',
  'pf.liter': 'pf.liter', 'pf. liter': 'pf.liter', 'proof liter': 'pf.liter',
  'each': 'No.', 'no.': 'No.', 'no': 'No.', 'doz.': 'doz.', 'doz': 'doz.', 'dozen': 'doz.',
  'pr.': 'pr.', 'pr': 'pr.', 'pair': 'pr.', 'gross': 'gross', 'bbl': 'bbl', 't': 't',
  'm2': 'm2', 'm3': 'm3', 'm': 'm', 'head': 'head', 'thousand': 'thousand', '1000': 'thousand',
};

/** Canonical name of a quantity unit (HTS unit column or user input), or undefined if unknown. */
export function canonicalUnit(unit: string): string | undefined {
  const key = unit.trim().toLowerCase().replace(/\s+/g, ' ');
  return UNIT_ALIASES[key] ?? UNIT_ALIASES[key.replace(/\.$/, '')];
}

const FREE = /^free$/i;
const AD_VALOREM = /^(\d+(?:\.\d+)?)\s*%$/;
// 2.4¢/kg, $1.03/kg, 0.2¢ each, 6.3¢/liter, 16¢/pr., $2.50 each
const SPECIFIC = /^(\$)?(\d+(?:\.\d+)?)\s*(¢)?\s*(?:\/\s*|\s+)(each|[a-z][a-z0-9. ]*?)$/i;

const parsed = new BoundedCache<string, Rate | undefined>(10_000);

/**
 * Parse a tariff rate text: "Free", "3%", "2.4¢/kg", "$1.03/kg + 1.2%", "0.2¢ each + 7%".
 * Returns undefined for forms this calculator does not compute (rates on a part of the article,
 * "on drained weight", sugar-degree scales...): such a line needs an explicit `mfn_rate`.
 */
export function parseRate(text: string): Rate | undefined {
  // rates repeat across a bill: parse each text once (the Rate is never mutated)
  if (parsed.has(text)) return parsed.get(text);
  const rate = parseRateText(text);
  parsed.set(text, rate);
  return rate;
}

function parseRateText(text: string): Rate | undefined {
  const trimmed = text.trim();
  if (FREE.test(trimmed)) return { text: trimmed, adValorem: ZERO, specific: [] };
  let adValorem = ZERO;
  let sawAdValorem = false;
  const specific: SpecificPart[] = [];
  for (const rawPart of trimmed.split('+')) {
    const part = rawPart.trim();
    const av = AD_VALOREM.exec(part);
    if (av) {
      if (sawAdValorem) return undefined;
      adValorem = new Decimal(av[1]!);
      sawAdValorem = true;
      continue;
    }
    const sp = SPECIFIC.exec(part);
    if (!sp) return undefined;
    const [, dollar, amount, cent, unitText] = sp;
    if (Boolean(dollar) === Boolean(cent)) return undefined;
    const unit = canonicalUnit(unitText!);
    if (!unit) return undefined;
    const perUnit = cent ? new Decimal(amount!).dividedBy(100) : new Decimal(amount!);
    specific.push({ perUnit, unit });
  }
  if (!sawAdValorem && specific.length === 0) return undefined;
  // Two specific parts in different units would need two quantities: not computed.
  if (new Set(specific.map((s) => s.unit)).size > 1) return undefined;
  return { text: trimmed, adValorem, specific };
}

/** The unit a rate's specific parts are expressed in, if any. */
export function specificUnit(rate: Rate): string | undefined {
  return rate.specific[0]?.unit;
}

/**
 * Duty of a rate on a value and quantity, unrounded.
 * The quantity must be in the rate's specific unit; callers check it is present when needed.
 */
export function applyRate(rate: Rate, value: Decimal, quantity: Decimal | undefined): Decimal {
  let amount = percentOf(rate.adValorem, value);
  for (const part of rate.specific) {
    amount = amount.plus(part.perUnit.times(quantity ?? ZERO));
  }
  return amount;
}
