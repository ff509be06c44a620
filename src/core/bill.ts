import { allocateCents } from './allocate.js';
import { usEntryFees } from './fees.js';
import { ZERO, sum } from './money.js';
import type { BillLine, LedgerView, LineResult, RowError } from './types.js';
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
    if (line.into !== 'US') {
      rejected.push({ row: line.row, column: 'into', message: `into ${line.into}: only goods entering the US are priced in this version` });
      continue;
    }
    const duties = computeUsDuties(line, ledger, options.explain);
    if ('row' in duties) {
      rejected.push(duties);
      continue;
    }
    warnings.push(...duties.warnings);
    const result: LineResult = {
      line, hts: duties.hts, duties: duties.duties, notApplied: duties.notApplied, rejectedClaims: duties.rejectedClaims, duty: duties.duty,
      mpf: ZERO, hmf: ZERO, fees: ZERO, taxes: ZERO, landedCost: ZERO, warnings: duties.warnings,
    };
    const key = `${line.into}\u0000${line.entry}`;
    const group = entries.get(key) ?? [];
    group.push(result);
    entries.set(key, group);
  }
  for (const group of entries.values()) {
    const first = group[0]!.line;
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
