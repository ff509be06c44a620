import { printable } from '../core/printable.js';
import type { ChalkInstance } from 'chalk';
import type { TimelinePoint } from '../core/timeline.js';

const WIDTH = 40;

/** The rate of a code over time as bars, one row per change, each labelled with what changed. */
export function renderTimeline(title: string, baseRate: string, points: TimelinePoint[], c: ChalkInstance): string {
  const max = points.reduce((m, p) => (p.total.greaterThan(m) ? p.total : m), points[0]?.total ?? 0);
  const rows = points.map((p) => {
    const bar = max.toString() === '0' ? '' : '█'.repeat(Math.max(1, Math.round(p.total.dividedBy(max).times(WIDTH).toNumber())));
    const label = p.changes.length > 0 ? p.changes.join('; ') : [`base rate ${baseRate}`, ...p.measures.map((m) => `${m.program} ${m.rate} (${m.heading})`)].join(', ');
    return `${p.from.padEnd(16)} ${`${p.total.toString()}%`.padStart(6)}  ${c.cyan(bar.padEnd(WIDTH))}  ${printable(label)}`;
  });
  return [c.bold(title), ...rows].join('\n') + '\n';
}

export function timelineObject(points: TimelinePoint[]): Record<string, unknown>[] {
  return points.map((p) => ({ from: p.from, ...(p.to ? { to: p.to } : {}), total: `${p.total.toString()}%`, measures: p.measures, changes: p.changes }));
}
