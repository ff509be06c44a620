import { covers } from './codes.js';
import { inPeriod } from './dates.js';
import type { LedgerView } from './types.js';
import { resolveMeasures, type ProductQuery } from './us-duties.js';

export interface Claimable {
  claim: string;
  reason: string;
}

/** What is worth asking about a product on a date (the guided mode asks only these): contents and dates for the measures that apply, claims for those that reach it. */
export interface Relevant {
  metalContent: boolean;
  usContent: boolean;
  loadedOn: boolean;
  claims: Claimable[];
}

export function relevantQuestions(q: ProductQuery, ledger: LedgerView): Relevant {
  const { candidates, applied, error } = resolveMeasures(q, ledger);
  const claims = new Map<string, string>();
  for (const m of candidates) {
    if (m.requiresClaim) claims.set(m.requiresClaim, `${m.heading} (${m.program}, ${m.rate}) applies only when claimed`);
    for (const e of m.except ?? []) {
      if (!e.claim || claims.has(e.claim)) continue;
      if (e.list !== undefined && !ledger.listEntry(e.list, q.code, q.date)) continue;
      if (e.codes !== undefined && !e.codes.some((p) => covers(p, q.code))) continue;
      if (!inPeriod(q.date, e.from, e.to)) continue;
      claims.set(e.claim, e.reason);
    }
  }
  return {
    metalContent: error?.column === 'metal_value' || applied.some((a) => a.measure.base === 'metal'),
    usContent: applied.some((a) => a.measure.usContent !== undefined),
    loadedOn: applied.some((a) => (a.measure.inTransit ?? []).some((t) => t.enteredBefore === undefined || !inPeriod(q.date, t.enteredBefore, undefined))),
    claims: [...claims].map(([claim, reason]) => ({ claim, reason })),
  };
}
