import { allocateCents } from './allocate.js';
import { computeCnDuties, smallConsignment, type CnLine } from './cn-duties.js';
import { usEntryFees, type EntryFees } from './fees.js';
import { ZERO, sum, type Decimal } from './money.js';
import type { BillLine, LedgerView, LineResult, RowError } from './types.js';
import { computeUsDuties } from './us-duties.js';
import { distinctWarnings, warning, type Warning } from './warning.js';

export interface PricedBill {
  lines: LineResult[];
  rejected: RowError[];
  warnings: Warning[];
}

export interface PriceOptions {
  explain?: boolean;
}

/** The duties (and for China the taxes) of one line; fees come per entry (finishUsLine, finishCnLine). A US subheading
 * of 6 digits is priced when every line under it pays the same duties (README): as the first of them, said in a warning. */
export function priceLine(line: BillLine, ledger: LedgerView, explain = false): LineResult | RowError {
  const under = line.into === 'US' ? ledger.tariffLine(line.code) : undefined;
  if (under && 'lines' in under && under.lines && under.lines.length > 1) return priceSubheading(line, under.lines, ledger, explain);
  return priceOne(line, ledger, explain);
}

const stackOf = (r: LineResult) => JSON.stringify(r.duties.map((d) => [d.program, d.heading === r.hts ? '' : d.heading, d.rate, d.base.toString(), d.amount.toString()]));

function priceSubheading(line: BillLine, codes: string[], ledger: LedgerView, explain: boolean): LineResult | RowError {
  const each = codes.map((code) => priceOne({ ...line, code }, ledger, explain));
  const bad = each.find((r): r is RowError => 'row' in r);
  if (bad) return bad;
  const priced = each as LineResult[];
  const first = priced[0]!;
  const differ = priced.find((r) => stackOf(r) !== stackOf(first) || r.duty.comparedTo(first.duty) !== 0);
  const shown = (c: string) => c.replace(/^(\d{4})(\d{2})(\d{2})?(\d{2})?$/, (_, a, b, x, y) => [a, b, x, y].filter(Boolean).join('.'));
  if (differ) {
    return { row: line.row, column: 'hts', message: `${shown(line.code)} covers lines that pay different duties on ${line.date} (${first.hts}: ${first.duty.toFixed(2)}; ${differ.hts}: ${differ.duty.toFixed(2)}): give the 8- or 10-digit code` };
  }
  return { ...first, line, hts: shown(line.code), warnings: [...first.warnings,
    warning('priced-as-lines', `${shown(line.code)} is priced as its ${codes.length} lines, which all pay the same duties (${codes.slice(0, 3).map(shown).join(', ')}${codes.length > 3 ? ', ...' : ''})`, { row: line.row })] };
}

function priceOne(line: BillLine, ledger: LedgerView, explain: boolean): LineResult | RowError {
  const duties = line.into === 'CN' ? computeCnDuties(line, ledger, explain) : computeUsDuties(line, ledger, explain);
  if ('row' in duties) return duties;
  const cn = line.into === 'CN' ? (duties as CnLine) : undefined;
  return {
    line, hts: duties.hts, duties: duties.duties, notApplied: duties.notApplied, rejectedClaims: duties.rejectedClaims,
    customsValue: cn?.customsValue ?? line.value, duty: duties.duty, consumptionTax: cn?.consumptionTax ?? ZERO, vat: cn?.vat ?? ZERO,
    ...(cn ? { cnBeforeTariffs: cn.beforeTariffs } : {}),
    mpf: ZERO, hmf: ZERO, fees: ZERO, taxes: ZERO, landedCost: ZERO, warnings: duties.warnings,
  };
}

/** The key of the entry (declaration) a line belongs to: one side, one `entry` value. */
export function entryKey(line: BillLine): string {
  return `${line.into}\u0000${line.entry}`;
}

/** The fees of a US entry from its first line and total value. */
export function entryFees(first: Pick<BillLine, 'date' | 'mode'>, entryValue: Decimal, ledger: LedgerView): EntryFees {
  return usEntryFees(entryValue, first.date, first.mode, ledger);
}

/** US entries whose lines have different dates (the fees are set once per entry). */
export function mixedDatesWarning(entries: string[]): Warning {
  const which = entries.length === 1 ? `entry ${entries[0]} has` : `${entries.length.toLocaleString('en-US')} entries (${entries.slice(0, 5).join(', ')}${entries.length > 5 ? ', ...' : ''}) have`;
  return warning('entry-mixed-dates', `${which} lines with different dates: the fees of an entry use the date of its first line`);
}

/** A US line's share of its entry's fees, and its landed cost. */
export function finishUsLine(r: LineResult, mpf: Decimal, hmf: Decimal): void {
  r.mpf = mpf;
  r.hmf = hmf;
  r.fees = mpf.plus(hmf);
  r.landedCost = r.line.value.plus(r.duty).plus(r.fees).plus(r.taxes).plus(r.line.freight ?? ZERO).plus(r.line.insurance ?? ZERO);
}

/** Why a Chinese declaration pays no duty (small consignment), or undefined. */
export function cnExemption(entryDuty: Decimal, ledger: LedgerView, warnings: Warning[]): string | undefined {
  const rule = ledger.cnSmallConsignment;
  if (!rule || !smallConsignment(entryDuty, rule.dutyAtMost)) return undefined;
  if (rule.unconfirmed) warnings.push(warning('small-consignment', `small consignment: ${rule.unconfirmed}`));
  return `small consignment: the declaration's duty ${entryDuty.toFixed(2)} CNY is at most ${rule.dutyAtMost} CNY (${rule.source})`;
}

/** A Chinese line's taxes and landed cost (freight and insurance are already in its CIF value); repriced without duty when exempt. */
export function finishCnLine(r: LineResult, ledger: LedgerView, explain: boolean, exemption: string | undefined): LineResult {
  let out = r;
  if (exemption) {
    const again = computeCnDuties(r.line, ledger, explain, exemption);
    // the line was priced once already: only the exemption differs, so a refusal here is a defect, not a user error
    if ('row' in again) throw new Error(`row ${r.line.row} was priced but not again without duty: ${again.message}`);
    out = { ...r, duties: again.duties, duty: again.duty, consumptionTax: again.consumptionTax, vat: again.vat, cnBeforeTariffs: again.beforeTariffs, warnings: again.warnings };
  }
  out.taxes = out.consumptionTax.plus(out.vat);
  out.landedCost = out.customsValue.plus(out.duty).plus(out.taxes);
  return out;
}

/**
 * Price a bill held in memory: duties per line, then fees per entry (an `entry` value; by default the whole bill is
 * one entry), allocated to the entry's lines pro rata by value so the cents add up to the entry's fee.
 * (`tariff calc` streams the same steps: src/cli/calc.ts.)
 */
export function priceBill(lines: Iterable<BillLine>, ledger: LedgerView, options: PriceOptions = {}): PricedBill {
  const rejected: RowError[] = [];
  const warnings: Warning[] = [];
  const entries = new Map<string, LineResult[]>();
  for (const line of lines) {
    const priced = priceLine(line, ledger, options.explain);
    if ('row' in priced) {
      rejected.push(priced);
      continue;
    }
    const group = entries.get(entryKey(line)) ?? [];
    group.push(priced);
    entries.set(entryKey(line), group);
  }
  for (const [key, group] of entries) {
    const first = group[0]!.line;
    if (first.into === 'CN') {
      const exemption = cnExemption(sum(group.map((r) => r.duty)), ledger, warnings);
      const finished = group.map((r) => finishCnLine(r, ledger, Boolean(options.explain), exemption));
      entries.set(key, finished);
      for (const r of finished) warnings.push(...r.warnings);
      continue;
    }
    warnings.push(...group.flatMap((r) => r.warnings));
    if (group.some((r) => r.line.date !== first.date)) warnings.push(mixedDatesWarning([first.entry]));
    const values = group.map((r) => r.line.value);
    const fees = entryFees(first, sum(values), ledger);
    warnings.push(...fees.warnings);
    const mpfParts = allocateCents(fees.mpf, values);
    const hmfParts = allocateCents(fees.hmf, values);
    group.forEach((r, i) => finishUsLine(r, mpfParts[i]!, hmfParts[i]!));
  }
  const all = [...entries.values()].flat().sort((a, b) => a.line.row - b.line.row);
  return { lines: all, rejected: rejected.sort((a, b) => a.row - b.row), warnings: distinctWarnings(warnings) };
}
