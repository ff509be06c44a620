import { before } from './dates.js';
import type { Measure, Side } from './types.js';

export interface LedgerChange {
  kind: 'started' | 'ended' | 'changed';
  at: string;
  program: string;
  heading: string;
  rate: string;
  /** for a change: the rate before */
  previousRate?: string;
  measure: Measure;
}

/** The instant is in [from, to], `to` included. */
const within = (instant: string | undefined, from: string, to: string) => instant !== undefined && ((!before(instant, from) && before(instant, to)) || instant === to);

/**
 * Measures of a side that started, ended or changed rate in (from, to]: a measure ending when another of the same
 * program and product scope starts is a change of rate (or nothing, when the rate is the same).
 */
export function ledgerDiff(measures: Measure[], side: Side, from: string, to: string): LedgerChange[] {
  const mine = measures.filter((m) => m.side === side);
  const out: LedgerChange[] = [];
  for (const m of mine) {
    if (within(m.from, from, to) && m.from !== from) {
      const prev = mine.find((p) => p !== m && p.to === m.from && p.program === m.program && JSON.stringify(p.scope) === JSON.stringify(m.scope));
      if (prev && prev.rate === m.rate) continue;
      out.push(prev ? { kind: 'changed', at: m.from, program: m.program, heading: m.heading, rate: m.rate, previousRate: prev.rate, measure: m }
        : { kind: 'started', at: m.from, program: m.program, heading: m.heading, rate: m.rate, measure: m });
    }
    if (m.to !== undefined && within(m.to, from, to) && m.to !== from) {
      const next = mine.find((n) => n !== m && n.from === m.to && n.program === m.program && JSON.stringify(n.scope) === JSON.stringify(m.scope));
      if (!next) out.push({ kind: 'ended', at: m.to, program: m.program, heading: m.heading, rate: m.rate, measure: m });
    }
  }
  return out.sort((a, b) => (a.at === b.at ? a.program.localeCompare(b.program) : before(a.at, b.at) ? -1 : 1));
}
