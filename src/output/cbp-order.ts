import type { Duty } from '../core/types.js';

/** CBP reporting order within an entry line: the Chapter 99 lines first (China 301, the forced-labor 301, IEEPA,
 * Section 122, postal, Section 232, others), the Chapter 1-97 line (MFN) last. */
const PROGRAM_ORDER = ['Section 301', 'Section 301 maritime', 'Section 301 forced labor', 'IEEPA fentanyl', 'IEEPA reciprocal', 'Section 122', 'Postal duty'];

export function cbpRank(program: string): number {
  if (program === 'MFN') return Number.MAX_SAFE_INTEGER;
  const i = PROGRAM_ORDER.indexOf(program);
  if (i >= 0) return i;
  return program.startsWith('Section 232') ? PROGRAM_ORDER.length : PROGRAM_ORDER.length + 1;
}

/** The duties of a US line in CBP reporting order (a stable sort: the ledger's order within one rank). */
export function inCbpOrder<T extends Pick<Duty, 'program'>>(duties: readonly T[]): T[] {
  return [...duties].sort((a, b) => cbpRank(a.program) - cbpRank(b.program));
}
