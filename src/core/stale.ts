import type { Side } from './types.js';
import { warning, type Warning } from './warning.js';

/** A warning for each side queried on a date after the day its measures were last checked against sources. */
export function staleWarnings(reviewedThrough: Partial<Record<Side, string>>, dates: string[], sides: Side[]): Warning[] {
  const latest = dates.reduce((a, b) => (b > a ? b : a));
  const out: Warning[] = [];
  for (const side of sides) {
    const reviewed = reviewedThrough[side];
    if (reviewed && latest > reviewed) {
      out.push(warning('ledger-stale', `the ${side} ledger is reviewed through ${reviewed}; for ${latest} measures taken after that date may be missing`));
    }
  }
  return out;
}
