import { plannedOf } from './line-cents.js';
import { textsOf, type LinePlan, type LineTexts, type PlannedLine } from './line-plan.js';
import type { LineResult } from './types.js';

/**
 * A line priced, whatever priced it (its kind's plan, or the engine): what it says, its figures in whole cents, and
 * what its row gives it. Encoders write every line from this one shape (src/output/line-encoder.ts).
 */
export interface PricedLine {
  /** shared by the lines of a plan */
  texts: LineTexts;
  cents: PlannedLine;
  row: number;
  entry: string;
  date: string;
  sku: string | undefined;
  description: string | undefined;
  /** quantity and price as plain decimals, for per-unit figures */
  quantity?: string;
  price?: string;
  /** the engine's own result (every detail: the table, the 7501, --explain), when the engine priced the line */
  result?: LineResult;
}

/** A line its kind's plan priced: the row's own fields as read quickly (src/input/fast-row.ts). */
export function plannedLine(plan: LinePlan, cents: PlannedLine, row: { row: number; entry: string; date: string; sku: string | undefined; description: string | undefined; quantity?: string; price?: string }): PricedLine {
  // one object literal and plain assignments, not spreads: a million of these keep one shape and stay fast
  const line: PricedLine = { texts: plan, cents, row: row.row, entry: row.entry, date: row.date, sku: row.sku, description: row.description };
  if (row.quantity !== undefined) line.quantity = row.quantity;
  if (row.price !== undefined) line.price = row.price;
  return line;
}

/** A line the engine priced. */
export function engineLine(r: LineResult, cents: PlannedLine = plannedOf(r)): PricedLine {
  const l = r.line;
  const line: PricedLine = { texts: textsOf(r), cents, row: l.row, entry: l.entry, date: l.date, sku: l.sku, description: l.description, result: r };
  if (l.quantity !== undefined) line.quantity = l.quantity.toString();
  if (l.price !== undefined) line.price = l.price.toString();
  return line;
}
