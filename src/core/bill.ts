import { allocateCents } from './allocate.js';
import { usEntryFees } from './fees.js';
import { ZERO, sum } from './money.js';
import type { BillLine, LedgerView, LineResult, RowError } from './types.js';
import { computeCnDuties, smallConsignment, type CnLine } from './cn-duties.js';
import { computeUsDuties } from './us-duties.js';

export interface PricedBill {
  lines: LineResult[];
  rejected: RowError[];
  warnings: string[];
}

export interface PriceOptions {
  explain?: boolean;
}

/**
 * Price a bill: duties per line, then fees per entry (a `entry` value; by default the whole bill is one entry),
 * allocated to the entry's lines pro rata by value so the cents add up to the entry's fee.
 */
export function priceBill(lines: Iterable<BillLine>, ledger: LedgerView, options: PriceOptions = {}): PricedBill {
  const rejected: RowError[] = [];
  const warnings: string[] = [];
  const entries = new Map<string, LineResult[]>();
  for (const line of lines) {
    const duties = line.into === 'CN' ? computeCnDuties(line, ledger, options.explain) : computeUsDuties(line, ledger, options.explain);
    if ('row' in duties) {
      rejected.push(duties);
      continue;
    }
    const cn = line.into === 'CN' ? (duties as CnLine) : undefined;
    const result: LineResult = {
      line, hts: duties.hts, duties: duties.duties, notApplied: duties.notApplied, rejectedClaims: duties.rejectedClaims,
      customsValue: cn?.customsValue ?? line.value, duty: duties.duty, consumptionTax: cn?.consumptionTax ?? ZERO, vat: cn?.vat ?? ZERO,
      mpf: ZERO, hmf: ZERO, fees: ZERO, taxes: ZERO, landedCost: ZERO, warnings: duties.warnings,
    };
    const key = `${line.into}\u0000${line.entry}`;
    const group = entries.get(key) ?? [];
    group.push(result);
    entries.set(key, group);
  }
  for (const group of entries.values()) {
    const first = group[0]!.line;
    if (first.into === 'CN') {
      priceCnEntry(group, ledger, options, warnings);
      continue;
    }
    warnings.push(...group.flatMap((r) => r.warnings));
    if (group.some((r) => r.line.date !== first.date)) {
      warnings.push(`entry ${first.entry}: its lines have different dates; fees use the date of its first line (row ${first.row}), ${first.date}`);
    }
    const values = group.map((r) => r.line.value);
    const fees = usEntryFees(sum(values), first.date, first.mode, ledger);
    warnings.push(...fees.warnings);
    const mpfParts = allocateCents(fees.mpf, values);
    const hmfParts = allocateCents(fees.hmf, values);
    group.forEach((r, i) => {
      r.mpf = mpfParts[i]!;
      r.hmf = hmfParts[i]!;
      r.fees = r.mpf.plus(r.hmf);
      r.landedCost = r.line.value.plus(r.duty).plus(r.fees).plus(r.taxes)
        .plus(r.line.freight ?? ZERO).plus(r.line.insurance ?? ZERO);
    });
  }
  const all = [...entries.values()].flat().sort((a, b) => a.line.row - b.line.row);
  return { lines: all, rejected: rejected.sort((a, b) => a.row - b.row), warnings: [...new Set(warnings)] };
}

/**
 * A Chinese declaration: no fees; the small-consignment exemption when the declaration's duty is within the amount;
 * taxes are consumption tax and VAT; the landed cost is the CIF value plus duty and taxes.
 */
function priceCnEntry(group: LineResult[], ledger: LedgerView, options: PriceOptions, warnings: string[]): void {
  const rule = ledger.cnSmallConsignment;
  const entryDuty = sum(group.map((r) => r.duty));
  if (rule && smallConsignment(entryDuty, rule.dutyAtMost)) {
    if (rule.unconfirmed) warnings.push(`small consignment: ${rule.unconfirmed}`);
    const reason = `small consignment: the declaration's duty ${entryDuty.toFixed(2)} CNY is at most ${rule.dutyAtMost} CNY (${rule.source})`;
    group.forEach((r, i) => {
      const again = computeCnDuties(r.line, ledger, options.explain, reason);
      if ('row' in again) return;
      group[i] = { ...r, duties: again.duties, duty: again.duty, consumptionTax: again.consumptionTax, vat: again.vat, warnings: again.warnings };
    });
  }
  for (const r of group) {
    warnings.push(...r.warnings);
    r.taxes = r.consumptionTax.plus(r.vat);
    r.landedCost = r.customsValue.plus(r.duty).plus(r.taxes);
  }
}
