import { before, boundary } from './dates.js';
import { ZERO, type Decimal } from './money.js';
import type { LedgerView, Side } from './types.js';
import { resolveMeasures, type ProductQuery } from './us-duties.js';

export interface TimelinePoint {
  /** the instant this rate starts (a date, or a date and time for China) */
  from: string;
  to?: string;
  /** total ad valorem rate in percent: base rate plus the additional duties charged on the full value */
  total: Decimal;
  measures: { program: string; heading: string; rate: string }[];
  /** what changed at `from`, by program: "IEEPA reciprocal 10% -> 125% (9903.01.63)" */
  changes: string[];
}

/**
 * The total rate of a product over time: evaluated at every instant a measure or list entry starts or ends in the
 * range, keeping the instants where the stack changes.
 */
export function rateTimeline(q: Omit<ProductQuery, 'date'> & { side: Side }, baseRate: Decimal, ledger: LedgerView, from: string, to: string): TimelinePoint[] {
  const instants = new Set<string>([from]);
  const add = (d: string | undefined) => { if (d !== undefined && before(from, d) && before(d, to)) instants.add(d); };
  for (const m of ledger.measures) {
    if (m.side !== q.side) continue;
    add(m.from);
    add(m.to);
    const lists = [...('list' in m.scope ? [m.scope.list] : []), ...(m.except ?? []).flatMap((e) => (e.list ? [e.list] : []))];
    for (const e of m.except ?? []) { add(e.from); add(e.to); }
    for (const list of lists) for (const d of ledger.listDates(list, q.code)) add(d);
  }
  const sorted = [...instants].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  const points: TimelinePoint[] = [];
  let prevByProgram = new Map<string, Decimal>();
  for (const instant of sorted) {
    const at = boundary(instant);
    const r = resolveMeasures({ ...q, date: at, mfnAdValorem: baseRate }, ledger);
    const full = r.applied.filter((a) => a.onFullValue);
    const measures = full.map((a) => ({ program: a.measure.program, heading: a.heading, rate: a.rate }));
    const total = full.reduce((s, a) => s.plus(a.percent), baseRate);
    const prev = points[points.length - 1];
    if (prev && prev.total.equals(total) && JSON.stringify(prev.measures) === JSON.stringify(measures)) continue;
    const byProgram = new Map<string, Decimal>();
    for (const a of full) byProgram.set(a.measure.program, (byProgram.get(a.measure.program) ?? ZERO).plus(a.percent));
    const changes: string[] = [];
    if (prev) {
      for (const program of new Set([...prev.measures, ...measures].map((m) => m.program))) {
        const was = prevByProgram.get(program) ?? ZERO;
        const now = byProgram.get(program) ?? ZERO;
        const headings = measures.filter((m) => m.program === program).map((m) => m.heading);
        if (!was.equals(now)) changes.push(`${program} ${was.toString()}% -> ${now.toString()}%${headings.length > 0 ? ` (${headings.join(', ')})` : ''}`);
        else if (JSON.stringify(prev.measures.filter((m) => m.program === program)) !== JSON.stringify(measures.filter((m) => m.program === program))) changes.push(`${program} now under ${headings.join(', ')}`);
      }
      prev.to = instant;
    }
    points.push({ from: instant, total, measures, changes });
    prevByProgram = byProgram;
  }
  return points;
}
