import { TotalsAccumulator, type SideTotals } from '../core/totals.js';
import type { LineResult, Side } from '../core/types.js';

/** Lines a table shows in full; a longer bill shows its totals and the lines with the largest duty (TOP_LINES). */
export const FULL_TABLE = 25;
export const TOP_LINES = 15;

/**
 * What the terminal table of a bill shows, gathered line by line in bounded memory: the totals (by program, with
 * the headings behind each), every line of a bill that fits a screen, else each side's lines with the largest duty.
 */
export class TableView {
  private readonly totals = new TotalsAccumulator();
  private readonly headingsBySide = new Map<Side, Map<string, Set<string>>>();
  private readonly kept: LineResult[] = [];
  private top = false;
  count = 0;

  add(r: LineResult): void {
    this.count++;
    this.totals.add(r);
    let programs = this.headingsBySide.get(r.line.into);
    if (!programs) this.headingsBySide.set(r.line.into, (programs = new Map()));
    for (const d of r.duties) {
      let headings = programs.get(d.program);
      if (!headings) programs.set(d.program, (headings = new Set()));
      headings.add(d.program === 'MFN' ? 'base rate' : d.heading);
    }
    this.kept.push(r);
    if (!this.top && this.kept.length > FULL_TABLE) this.top = true;
    if (this.top) for (const side of ['US', 'CN'] as const) this.trim(side);
  }

  /** each side keeps its TOP_LINES lines of largest duty (the first in the bill on a tie) */
  private trim(side: Side): void {
    for (;;) {
      const ofSide = this.kept.filter((l) => l.line.into === side);
      if (ofSide.length <= TOP_LINES) return;
      let smallest = ofSide[0]!;
      for (const l of ofSide) if (l.duty.lessThan(smallest.duty) || (l.duty.eq(smallest.duty) && l.line.row > smallest.line.row)) smallest = l;
      this.kept.splice(this.kept.indexOf(smallest), 1);
    }
  }

  /** the lines shown: all of them, or each side's largest, in bill order */
  get shown(): LineResult[] {
    return [...this.kept].sort((a, b) => a.line.row - b.line.row);
  }

  /** true when the table shows only the lines of largest duty */
  get partial(): boolean {
    return this.top;
  }

  side(side: Side): SideTotals | undefined {
    return this.totals.get(side);
  }

  headings(side: Side, program: string): string[] {
    return [...(this.headingsBySide.get(side)?.get(program) ?? [])];
  }
}
