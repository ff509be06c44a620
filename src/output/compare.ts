import { printable } from '../core/printable.js';
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import { Decimal, formatAmount } from '../core/money.js';
import { sideTotals, type SideTotals } from '../core/totals.js';
import type { LineResult, Side } from '../core/types.js';
import { totalsObject } from './document.js';

export interface CompareColumn {
  label: string;
  date: string;
  scenario?: string;
  lines: LineResult[];
}

const right = (s: string) => ({ content: s, hAlign: 'right' as const });
const signed = (d: Decimal) => `${d.isNegative() ? '' : '+'}${formatAmount(d)}`;

/** What changed between two columns of one side: the duty and each program that moved. */
export function changeBetween(a: SideTotals, b: SideTotals): { duty: Decimal; landedCost: Decimal; byProgram: [string, Decimal][] } {
  const programs = new Set([...a.byProgram.keys(), ...b.byProgram.keys()]);
  const byProgram = [...programs].map((p): [string, Decimal] => [p, (b.byProgram.get(p) ?? new Decimal(0)).minus(a.byProgram.get(p) ?? new Decimal(0))]).filter(([, d]) => !d.isZero());
  return { duty: b.duty.minus(a.duty), landedCost: b.landedCost.minus(a.landedCost), byProgram };
}

export function compareDocument(columns: CompareColumn[], withLines: boolean): Record<string, unknown> {
  const sides = (['US', 'CN'] as const).filter((s) => columns.some((c) => sideTotals(c.lines, s)));
  const changes = columns.slice(1).flatMap((col, i) => sides.map((side) => {
    const a = sideTotals(columns[i]!.lines, side)!;
    const b = sideTotals(col.lines, side)!;
    const ch = changeBetween(a, b);
    return { from: columns[i]!.label, to: col.label, side, duty: formatAmount(ch.duty), landedCost: formatAmount(ch.landedCost), byProgram: Object.fromEntries(ch.byProgram.map(([p, d]) => [p, formatAmount(d)])) };
  }));
  return {
    schema: 'tariff-impact/compare@1',
    columns: columns.map((c) => ({
      label: c.label, date: c.date, ...(c.scenario ? { scenario: c.scenario } : {}),
      totals: Object.fromEntries(sides.map((s) => [s, totalsObject(sideTotals(c.lines, s)!)])),
    })),
    changes,
    ...(withLines ? {
      lines: columns[0]!.lines.map((l) => {
        const byRow = columns.map((c) => c.lines.find((x) => x.line.row === l.line.row));
        return {
          row: l.line.row, hts: l.hts, into: l.line.into,
          duty: Object.fromEntries(columns.map((c, i) => [c.label, byRow[i] ? formatAmount(byRow[i]!.duty) : null])),
          landedCost: Object.fromEntries(columns.map((c, i) => [c.label, byRow[i] ? formatAmount(byRow[i]!.landedCost) : null])),
        };
      }),
    } : {}),
  };
}

/** Totals side by side, one column per date or scenario, then what changed between neighbouring columns and why. */
export function renderCompare(columns: CompareColumn[], withLines: boolean, c: ChalkInstance): string {
  const out: string[] = [];
  const style = c.level > 0 ? {} : { style: { head: [], border: [] } };
  const chars = { 'mid': '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };
  for (const side of ['US', 'CN'] as Side[]) {
    const totals = columns.map((col) => sideTotals(col.lines, side));
    if (totals.some((t) => !t)) continue;
    const ts = totals as SideTotals[];
    const table = new Table({ head: [`Into ${side} (${ts[0]!.currency})`, ...columns.map((col) => printable(col.label))], chars, ...style });
    const programs = [...new Set(ts.flatMap((t) => [...t.byProgram.keys()]))];
    for (const p of programs) table.push([printable(p), ...ts.map((t) => right(formatAmount(t.byProgram.get(p) ?? new Decimal(0))))]);
    table.push([c.bold('Duty'), ...ts.map((t) => right(c.bold(formatAmount(t.duty))))]);
    table.push([side === 'US' ? 'Fees' : 'Taxes', ...ts.map((t) => right(formatAmount(side === 'US' ? t.fees : t.taxes)))]);
    table.push([c.bold('Landed cost'), ...ts.map((t) => right(c.bold(formatAmount(t.landedCost))))]);
    table.push(['Effective duty rate', ...ts.map((t) => right(`${t.effectiveDutyRate}%`))]);
    out.push(table.toString());
    for (let i = 1; i < ts.length; i++) {
      const ch = changeBetween(ts[i - 1]!, ts[i]!);
      const why = printable(ch.byProgram.map(([p, d]) => `${p} ${signed(d)}`).join(', '));
      out.push(`${printable(columns[i - 1]!.label)} -> ${printable(columns[i]!.label)}: duty ${signed(ch.duty)}${why ? ` (${why})` : ''}`);
    }
  }
  if (withLines) {
    const table = new Table({ head: ['Row', 'Tariff code', ...columns.map((col) => `duty ${printable(col.label)}`)], chars, ...style });
    columns[0]!.lines.forEach((l) => table.push([String(l.line.row), printable(l.hts), ...columns.map((col) => {
      const same = col.lines.find((x) => x.line.row === l.line.row);
      return right(same ? formatAmount(same.duty) : '-');
    })]));
    out.push(table.toString());
  }
  return out.join('\n') + '\n';
}
