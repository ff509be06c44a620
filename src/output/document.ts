import { effectiveRate, formatAmount, type Decimal } from '../core/money.js';
import { unitEconomics, type UnitEconomics } from '../core/margin.js';
import type { Warning } from '../core/warning.js';
import { saidText, summarizeWarnings, warningDetail, type SaidWarning } from '../core/warning-summary.js';
import { sideTotals, type SideTotals } from '../core/totals.js';
import type { LineResult, RowError, Side } from '../core/types.js';

export interface Query {
  date: string;
  mode: string;
  into: string;
  origin?: string;
}

export interface LedgerInfo {
  edition: string;
  reviewedThrough: Partial<Record<Side, string>>;
}

/** Per-unit figures of a line, when it has a quantity (and a price, or a target margin). */
function unitObject(r: LineResult, targetMargin?: Decimal): Record<string, unknown> {
  return unitFields(unitEconomics(r, targetMargin));
}

/** The per-unit fields of a line object (none without a quantity). */
export function unitFields(u: UnitEconomics | undefined): Record<string, unknown> {
  if (!u) return {};
  return {
    unitLandedCost: formatAmount(u.unitLandedCost),
    unitCostBeforeTariffs: formatAmount(u.unitCostBeforeTariffs),
    ...(u.price !== undefined ? { price: formatAmount(u.price), marginBeforeTariffs: u.marginBefore, marginAfterTariffs: u.marginAfter } : {}),
    ...(u.targetPrice !== undefined ? { targetPrice: formatAmount(u.targetPrice) } : {}),
  };
}

/** The JSON line object of DESIGN §4. */
export function lineObject(r: LineResult, targetMargin?: Decimal): Record<string, unknown> {
  const l = r.line;
  return {
    row: l.row,
    ...(l.sku !== undefined ? { sku: l.sku } : {}),
    ...(l.description !== undefined ? { description: l.description } : {}),
    hts: r.hts, into: l.into, origin: l.origin, date: l.date, currency: l.currency,
    customsValue: formatAmount(r.customsValue),
    ...(l.quantity !== undefined ? { quantity: l.quantity.toString() } : {}),
    duties: r.duties.map((d) => ({
      program: d.program, heading: d.heading, rate: d.rate, base: formatAmount(d.base), amount: formatAmount(d.amount), source: d.source,
      ...(d.basis ? { basis: d.basis } : {}),
      ...(d.refundable ? { refundable: d.refundable } : {}),
    })),
    notApplied: r.notApplied,
    ...(r.rejectedClaims.length > 0 ? { rejectedClaims: r.rejectedClaims } : {}),
    duty: formatAmount(r.duty),
    ...(l.into === 'US' ? { mpf: formatAmount(r.mpf), hmf: formatAmount(r.hmf) } : { consumptionTax: formatAmount(r.consumptionTax), vat: formatAmount(r.vat) }),
    fees: formatAmount(r.fees),
    taxes: formatAmount(r.taxes),
    landedCost: formatAmount(r.landedCost),
    effectiveDutyRate: effectiveRate(r.duty, r.customsValue),
    ...unitObject(r, targetMargin),
  };
}

/** Totals of one side (DESIGN §4): fees for the US, consumption tax and VAT for China. */
export function totalsObject(t: SideTotals): Record<string, unknown> {
  const head = {
    currency: t.currency,
    customsValue: formatAmount(t.customsValue),
    duty: formatAmount(t.duty),
    byProgram: Object.fromEntries([...t.byProgram].map(([p, a]) => [p, formatAmount(a)])),
  };
  const middle = t.currency === 'USD'
    ? { mpf: formatAmount(t.mpf), hmf: formatAmount(t.hmf), fees: formatAmount(t.fees) }
    : { consumptionTax: formatAmount(t.consumptionTax), vat: formatAmount(t.vat), taxes: formatAmount(t.taxes) };
  return { ...head, ...middle, landedCost: formatAmount(t.landedCost), effectiveDutyRate: t.effectiveDutyRate };
}

/** The totals of each side that has lines, as the result document gives them. */
export function totalsBySide(totalsOf: (side: Side) => SideTotals | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const side of ['US', 'CN'] as const) {
    const t = totalsOf(side);
    if (t) out[side] = totalsObject(t);
  }
  return out;
}

/**
 * The result document (`--format json`, DESIGN §4) in pieces, so a long bill streams: the head, each line object on a
 * line of its own, then the totals, rejected rows and warnings.
 */
export const resultJson = {
  head: (query: Query, ledger: LedgerInfo): string =>
    `{\n  "schema": "tariff-impact/result@1",\n  "query": ${JSON.stringify(query)},\n  "ledger": ${JSON.stringify({ edition: ledger.edition, reviewedThrough: ledger.reviewedThrough })},\n  "lines": [`,
  /** a line object's JSON text; `first` for the first line of the document */
  line: (text: string, first: boolean): string => `${first ? '' : ','}\n    ${text}`,
  /** `anyLines`: whether a line was written */
  tail: (totals: Record<string, unknown>, rejected: RowError[], warnings: readonly SaidWarning[], anyLines: boolean): string =>
    `${anyLines ? '\n  ' : ''}],\n  "totals": ${JSON.stringify(totals)},\n  "rejected": ${JSON.stringify(rejected)},\n  "warnings": ${JSON.stringify(warnings.map(saidText))},\n  "warningDetails": ${JSON.stringify(warnings.map(warningDetail))}\n}\n`,
};

/** NDJSON's last record: tagged `"type": "totals"` (a line record has a row), with the rejected rows and the warnings, also as data. */
export function ndjsonTotals(totals: Record<string, unknown>, rejected: RowError[], warnings: readonly SaidWarning[]): string {
  return `${JSON.stringify({ type: 'totals', totals, rejected, warnings: warnings.map(saidText), warningDetails: warnings.map(warningDetail) })}\n`;
}

/** The whole result document of lines in hand (the guided mode's saved result). */
export function resultDocument(query: Query, ledger: LedgerInfo, lines: LineResult[], rejected: RowError[], warnings: readonly Warning[], targetMargin?: Decimal): string {
  return resultJson.head(query, ledger) + lines.map((l, i) => resultJson.line(JSON.stringify(lineObject(l, targetMargin)), i === 0)).join('')
    + resultJson.tail(totalsBySide((side) => sideTotals(lines, side)), rejected, summarizeWarnings(warnings), lines.length > 0);
}
