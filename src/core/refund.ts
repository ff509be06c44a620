import { Decimal, ZERO, sum } from './money.js';
import type { LineResult } from './types.js';

export interface RefundRules {
  programs: string[];
  cape: { opened: string; phase1WithinDaysOfLiquidation: string };
  needs: string[];
}

export interface RefundLine {
  line: LineResult;
  ieepa: Decimal;
  byHeading: Map<string, Decimal>;
}

export interface RefundEntry {
  entry: string;
  date: string;
  liquidatedOn?: string;
  ieepa: Decimal;
  byHeading: Map<string, Decimal>;
  /** how CBP refunds this entry, as of the day asked */
  route: string;
}

function addTo(map: Map<string, Decimal>, key: string, amount: Decimal): void {
  map.set(key, (map.get(key) ?? ZERO).plus(amount));
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to.slice(0, 10)) - Date.parse(from.slice(0, 10))) / 86_400_000);
}

/** The IEEPA duties paid on past entries, per line, per entry (entry number and date) and in total, with each entry's refund route. */
export function ieepaRefunds(lines: LineResult[], rules: RefundRules, asOf: string) {
  const perLine: RefundLine[] = lines.map((r) => {
    const byHeading = new Map<string, Decimal>();
    for (const d of r.duties) if (rules.programs.includes(d.program) && !d.amount.isZero()) addTo(byHeading, d.heading, d.amount);
    return { line: r, ieepa: sum(byHeading.values()), byHeading };
  });
  const entries = new Map<string, RefundEntry>();
  for (const l of perLine) {
    const key = `${l.line.line.entry}\u0000${l.line.line.date}`;
    const e: RefundEntry = entries.get(key) ?? { entry: l.line.line.entry, date: l.line.line.date, ieepa: ZERO, byHeading: new Map(), route: '' };
    e.ieepa = e.ieepa.plus(l.ieepa);
    for (const [h, a] of l.byHeading) addTo(e.byHeading, h, a);
    if (l.line.line.liquidatedOn) e.liquidatedOn = l.line.line.liquidatedOn;
    entries.set(key, e);
  }
  const window = Number(rules.cape.phase1WithinDaysOfLiquidation);
  for (const e of entries.values()) {
    if (e.ieepa.isZero()) e.route = 'no IEEPA duty paid on this entry';
    else if (!e.liquidatedOn) e.route = `unliquidated: refund through CBP's ACE CAPE, Phase 1 (open since ${rules.cape.opened})`;
    else if (daysBetween(e.liquidatedOn, asOf) <= window) e.route = `liquidated ${e.liquidatedOn}, within ${window} days on ${asOf}: refund through CAPE Phase 1 (${window - daysBetween(e.liquidatedOn, asOf)} days left)`;
    else e.route = `liquidated ${e.liquidatedOn}, more than ${window} days before ${asOf}: outside CAPE Phase 1; a finally liquidated entry may need an order of the Court of International Trade`;
  }
  const byHeading = new Map<string, Decimal>();
  for (const l of perLine) for (const [h, a] of l.byHeading) addTo(byHeading, h, a);
  return { lines: perLine, entries: [...entries.values()], total: sum(perLine.map((l) => l.ieepa)), byHeading };
}
