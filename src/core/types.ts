import type { Decimal } from './money.js';
import type { Rate } from './rate.js';
import type { Warning, WarningCode } from './warning.js';

export type Side = 'US' | 'CN';
export type Metal = 'steel' | 'aluminum' | 'copper';
export const METALS: readonly Metal[] = ['steel', 'aluminum', 'copper'];
export type Mode = 'ocean' | 'air' | 'truck' | 'rail' | 'postal';
export const MODES: readonly Mode[] = ['ocean', 'air', 'truck', 'rail', 'postal'];

/** The legal source of a figure. */
export interface Source {
  instrument: string;
  citation: string;
  url: string;
}

/** Sources as one line of text: "instrument; citation | instrument; citation". */
export function citeSources(sources: readonly Pick<Source, 'instrument' | 'citation'>[]): string {
  return sources.map((s) => `${s.instrument}; ${s.citation}`).join(' | ');
}

/** A product scope: every product, a named product list, or code prefixes. */
export type Scope = { all: true } | { list: string } | { codes: string[] };

/** A reason a measure does not apply to a line: a product list, code prefixes, a claim the importer makes; all that are given must hold. */
export interface Exception {
  heading: string;
  reason: string;
  list?: string;
  codes?: string[];
  claim?: string;
  /** holds when a measure of one of these programs applies to the line (stacking rules) */
  whenApplied?: string[];
  /** with whenApplied: the measure still applies, on the value those measures do not cover (e.g. the non-metal content) */
  remainder?: boolean;
  /** the exception holds only on entries from / before these dates */
  from?: string;
  to?: string;
  /** a warning the user sees whenever the exception takes effect */
  unconfirmed?: string;
}

/** An in-transit rule: goods loaded before a date and entered before another do not pay the measure (or pay another rate). */
export interface InTransit {
  heading: string;
  reason: string;
  loadedBefore: string;
  enteredBefore?: string;
  /** transport modes the rule accepts (e.g. vessel only); all when absent */
  modes?: Mode[];
  /** instead of not paying, pay this rate under the rule's heading */
  rate?: string;
  /** a warning the user sees whenever goods loaded before the date are considered */
  unconfirmed?: string;
}

/** The importer's US content: a measure applies only to the non-US content when it is at least `minShare` percent. */
export interface UsContentRule {
  heading: string;
  minShare: string;
}

/** One rate period of one legal provision (DESIGN §5). Dates are entry dates, `from` inclusive, `to` exclusive. */
export interface Measure {
  id: string;
  side: Side;
  program: string;
  heading: string;
  rate: string;
  origins: string[];
  scope: Scope;
  except?: Exception[];
  /** heading prefixes of measures this one displaces on the same line (e.g. the four-year review replaces 9903.88 lists) */
  replaces?: string[];
  /** the measure displaces every other duty of the line, MFN included (postal duty) */
  replacesAll?: boolean;
  /** what the rate applies to: the customs value (default), or the value of the metal content (`metal_value`) */
  base?: 'value' | 'metal';
  /** with base metal: which metal, to read its own column (steel_value, aluminum_value, copper_value) before metal_value */
  metal?: Metal;
  /** with base metal: chapters whose goods use the full value when `metal_value` is not given */
  fullValueChapters?: string[];
  /** the rate is the total of MFN and this duty (a floor): the duty is the rate less the MFN ad valorem rate, never below 0 */
  floor?: boolean;
  /** the measure applies only when the importer makes this claim */
  requiresClaim?: string;
  /** the measure applies only in these transport modes */
  modes?: Mode[];
  inTransit?: InTransit[];
  usContent?: UsContentRule;
  from: string;
  to?: string;
  /** shown with the duty: e.g. IEEPA duties are refundable */
  refundable?: string;
  /** a fact the references could not confirm: a warning the user sees whenever the measure is used */
  unconfirmed?: string;
  /** China: the text that puts the duty outside every relief ("此次加征的关税不予减免"): a small consignment still pays it */
  noRelief?: string;
  /** how well the sources establish the measure when not from the primary text (e.g. "S+: several secondary sources agree") */
  confidence?: string;
  sources: Source[];
}

/** A warning for products on a list: what the ledger knows it does not price. */
export interface Notice {
  id: string;
  side: Side;
  list: string;
  /** not for codes on this list (e.g. the lines whose status is known) */
  unlessList?: string;
  from: string;
  to?: string;
  message: string;
  /** the warning's code (README "Output"); line-notice when not given */
  warning?: WarningCode;
  sources: Source[];
}

export interface ListEntry {
  code: string;
  from?: string;
  to?: string;
  note?: string;
}

export interface ProductList {
  id: string;
  title: string;
  sources: Source[];
  entries: ListEntry[];
}

export interface MpfPeriod {
  id: string;
  label: string;
  from: string;
  to?: string;
  rate: string;
  min: string;
  max: string;
  informal: string;
  informalBelow: string;
  /** the transport modes charged MPF; `otherModes` says why the others are not (and what the ledger lacks) */
  modes: Mode[];
  otherModes: string;
  unconfirmed?: string;
  /** how well the sources establish the amounts when not from the primary text */
  confidence?: string;
  sources: Source[];
}

export interface HmfPeriod {
  id: string;
  from: string;
  to?: string;
  rate: string;
  modes: Mode[];
  sources: Source[];
}

/** An HTSUS line as the ledger knows it. */
export interface TariffLine {
  code: string;
  description: string;
  units: string;
  /** column 1 general rate text, inherited from the nearest ancestor with one */
  mfnText: string;
  /** the code of the line the rate was read from */
  mfnFrom: string;
  /** a subheading not printed as a line (6 digits): the lines under it, each priced to check they pay the same */
  lines?: string[];
}

/** A line of the Chinese tariff as the ledger knows it: base rate (MFN, provisional or in-quota), import VAT, consumption tax. */
export interface CnTariffLine {
  code: string;
  description: string;
  mfn: string;
  vat: string;
  ct?: string;
  unconfirmed?: string;
  source: string;
}

/** The consumption tax the ledger can decide for a Chinese line: a rate, or what the user must tell (`ct_rate`). */
export type CnConsumptionTax = { rate: string; note?: string } | { ask: string };

/** China's defaults, each with what the warning that it was used says (its legal basis) */
export interface CnDefaults {
  vat: string;
  vatAssumed: string;
  insuranceWhenUnknown: string;
  insuranceAdded: string;
  /** the import VAT rates a law allows from a date (VAT Law Art. 10: 13% and 9% from 2026-01-01): another given rate warns */
  vatRates?: { from: string; rates: string[]; law: string };
}

/** What the core needs from a ledger; built by src/rates. */
export interface LedgerView {
  edition: string;
  reviewedThrough: Partial<Record<Side, string>>;
  htsEdition: string;
  measures: Measure[];
  notices: Notice[];
  mpf: MpfPeriod[];
  hmf: HmfPeriod[];
  /** the HTSUS line for a code of 4-10 digits, or why there is none */
  tariffLine(code: string): TariffLine | { error: string };
  /** the entry of a product list that covers the code on the date, if any */
  listEntry(listId: string, code: string, date: string): ListEntry | undefined;
  /** the Chinese line for a code of 8 or 10 digits, or why there is none */
  cnLine(code: string): CnTariffLine | { error: string };
  /** China's small-consignment exemption (Tariff Law Art. 32(1)): duty of a declaration at most this amount is exempt */
  cnSmallConsignment?: { dutyAtMost: string; unconfirmed?: string; source: string };
  /** China: the VAT rate assumed for a line the ledger does not know, and the insurance rate used when it is unknown */
  cnDefaults: CnDefaults;
  /** the consumption tax rule for a Chinese line, if any */
  cnConsumptionTax(code: string): CnConsumptionTax | undefined;
  /** the start and end dates of the list's entries that cover the code or lie under it (memberships that change over time) */
  listDates(listId: string, code: string): string[];
  /** true when the list has entries for longer codes under `code` in force on the date (the code is only partly covered) */
  listHasUnder(listId: string, code: string, date: string): boolean;
}

/** One line of a bill, validated. Amounts are Decimal, in the currency of the importing side. */
export interface BillLine {
  row: number;
  sku?: string;
  description?: string;
  code: string;
  into: Side;
  origin: string;
  date: string;
  mode: Mode;
  currency: string;
  value: Decimal;
  quantity?: Decimal;
  unit?: string;
  freight?: Decimal;
  insurance?: Decimal;
  entry: string;
  claims: string[];
  mfnRate?: Rate;
  extraRate?: Decimal;
  price?: Decimal;
  metalValue?: Decimal;
  /** value of the content of one metal, when a line holds several (steel_value, aluminum_value, copper_value) */
  metalValues?: Partial<Record<Metal, Decimal>>;
  usContentValue?: Decimal;
  loadedOn?: string;
  /** date the entry was liquidated (IEEPA refunds) */
  liquidatedOn?: string;
  /** China: import VAT and consumption tax rates given in the bill, in percent */
  vatRate?: Decimal;
  ctRate?: Decimal;
  /** input columns passed through to CSV output */
  passthrough: Record<string, string>;
}

export interface Duty {
  program: string;
  heading: string;
  rate: string;
  base: Decimal;
  amount: Decimal;
  source: string;
  /** what the base is when it is not the customs value (metal content, non-US content, value not covered by Section 232) */
  basis?: string;
  refundable?: string;
}

export interface NotApplied {
  program: string;
  heading: string;
  reason: string;
  /** the heading the line is reported under instead (an exception's or in-transit rule's: "9903.01.32", "chapter 98") */
  reportedUnder?: string;
}

/** A claim the importer made that the ledger did not accept, with the reason. */
export interface RejectedClaim {
  claim: string;
  reason: string;
}

export interface LineResult {
  line: BillLine;
  hts: string;
  duties: Duty[];
  notApplied: NotApplied[];
  rejectedClaims: RejectedClaim[];
  /** in the importing side's currency: US transaction value; China CIF */
  customsValue: Decimal;
  duty: Decimal;
  consumptionTax: Decimal;
  vat: Decimal;
  /** China: the landed cost with the base rate alone (duty and the taxes on it), for margins before tariffs */
  cnBeforeTariffs?: Decimal;
  mpf: Decimal;
  hmf: Decimal;
  fees: Decimal;
  taxes: Decimal;
  landedCost: Decimal;
  warnings: Warning[];
}

export interface RowError {
  row: number;
  column: string;
  message: string;
}
