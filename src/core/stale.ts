import type { Side } from './types.js';

/** A warning for each side queried on a date after the day its measures were last checked against sources. */
export function staleWarnings(reviewedThrough: Partial<Record<Side, string>>, dates: string[], sides: Side[]): string[] {
  const latest = dates.reduce((a, b) => (b > a ? b : a));
  const out: string[] = [];
  for (const side of sides) {
    const reviewed = reviewedThrough[side];
    if (reviewed && latest > reviewed) {
      out.push(`the ${side} ledger is reviewed through ${reviewed}; for ${latest} measures taken after that date may be missing`);
    }
  }
  return out;
}
