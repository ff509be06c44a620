import { printable as p } from '../core/printable.js';
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import { effectiveRate, formatAmount, type Decimal } from '../core/money.js';
import { unitEconomics } from '../core/margin.js';
import type { LineResult } from '../core/types.js';
import { inCbpOrder } from './cbp-order.js';
import { TableView } from './table-view.js';

const right = (s: string) => ({ content: s, hAlign: 'right' as const });

const COMPACT = { 'mid': '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

/** the width the table keeps to (an 80-column terminal) */
const WIDTH = 80;

function plain(color: boolean) {
  return { chars: COMPACT, ...(color ? {} : { style: { head: [], border: [] } }) };
}

/** The bill as a table for people, from its lines (a bill held in memory). */
export function renderTable(lines: LineResult[], c: ChalkInstance, explain: boolean, targetMargin?: Decimal): string {
  const view = new TableView();
  for (const r of lines) view.add(r);
  return (explain ? lines.map((r) => renderLineDetail(r, c) + '\n').join('') : '') + renderView(view, c, targetMargin);
}

/** Columns a text takes on a terminal: CJK characters (税委会公告) take two. */
export function displayWidth(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}

/** A cell cut to `max` columns. */
function cut(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** Items joined with ", ", a new line in the cell before one that would pass `max` columns. */
function wrapList(items: string[], max: number): string {
  const lines: string[] = [];
  for (const item of items.map((i) => cut(i, max))) {
    const last = lines[lines.length - 1];
    if (last !== undefined && displayWidth(`${last}, ${item}`) <= max) lines[lines.length - 1] = `${last}, ${item}`;
    else lines.push(item);
  }
  return lines.join('\n');
}

/** "MFN 16.5% + Section 301 7.5% + IEEPA fentanyl 20%": the line's duties in a few words (the "why"), wrapped. */
export function why(r: LineResult, indent: number): string[] {
  const parts = (r.line.into === 'US' ? inCbpOrder(r.duties) : r.duties).map((d) => p(`${d.program} ${d.rate}`));
  if (parts.length === 0) parts.push('no duty');
  const out: string[] = [];
  let line = '';
  for (const part of parts) {
    const next = line ? `${line} + ${part}` : part;
    if (line && indent + displayWidth(next) + 2 > WIDTH) {
      out.push(line + ' +');
      line = part;
    } else line = next;
  }
  out.push(line);
  return out.map((l) => ' '.repeat(indent) + l);
}

/** Columns laid out by hand (cli-table3 is slow on long tables and its borders do not fit 80 columns). */
function lineTable(lines: LineResult[], c: ChalkInstance): string {
  if (lines.length === 0) return 'no line priced';
  const head = ['Row', 'SKU', 'Tariff code', 'Customs value', 'Duty', 'Duty %', 'Landed cost'];
  const rows = lines.map((r) => [String(r.line.row), cut(p(r.line.sku ?? ''), 10), p(r.hts), `${formatAmount(r.customsValue)} ${r.line.currency}`,
    formatAmount(r.duty), effectiveRate(r.duty, r.customsValue), formatAmount(r.landedCost)]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const numeric = [false, false, false, true, true, true, true];
  const format = (cells: string[]) => cells.map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  const out = [c.bold(format(head))];
  lines.forEach((r, i) => {
    out.push(format(rows[i]!));
    for (const w of why(r, widths[0]! + 2)) out.push(c.dim(w));
  });
  return out.join('\n');
}

/** The table of a bill: its lines (or, past a screenful, those of largest duty), per-unit figures, totals by program. */
export function renderView(view: TableView, c: ChalkInstance, targetMargin?: Decimal): string {
  const color = c.level > 0;
  const lines = view.shown;
  const out: string[] = [lineTable(lines, c)];
  if (view.partial) {
    out.push(c.yellow(`${lines.length} of ${view.count.toLocaleString('en-US')} lines shown: those of largest duty (per side); the totals below are of all of them.`),
      c.yellow('Every line: --format csv > result.csv, or --format json.'));
  }
  const units = lines.map((r) => ({ r, u: unitEconomics(r, targetMargin) })).filter((x) => x.u !== undefined);
  if (units.length > 0) {
    const priced = units.some((x) => x.u!.price !== undefined || x.u!.targetPrice !== undefined);
    const head = ['Row', 'Quantity', 'Unit cost before tariffs', 'Unit landed cost', ...(priced ? ['Price', 'Margin before', 'after', 'Price for target'] : [])];
    const perUnit = new Table({ head, ...plain(color) });
    for (const { r, u } of units) {
      perUnit.push([String(r.line.row), r.line.quantity!.toString(), right(formatAmount(u!.unitCostBeforeTariffs)), right(formatAmount(u!.unitLandedCost)),
        ...(priced ? [right(u!.price ? formatAmount(u!.price) : ''), right(u!.marginBefore ? `${u!.marginBefore}%` : ''), right(u!.marginAfter ? `${u!.marginAfter}%` : ''), right(u!.targetPrice ? formatAmount(u!.targetPrice) : '')] : [])]);
    }
    out.push(perUnit.toString());
  }
  for (const side of ['US', 'CN'] as const) {
    const t = view.side(side);
    if (!t) continue;
    const totals = new Table({ head: [`Into ${side}: program`, 'Headings', `Amount (${t.currency})`], ...plain(color) });
    for (const [program, amount] of t.byProgram) {
      const headings = view.headings(side, program);
      totals.push([cut(p(program), 30), wrapList(headings.map(p), 24), right(formatAmount(amount))]);
    }
    totals.push([c.bold('Duty'), '', right(c.bold(formatAmount(t.duty)))]);
    if (side === 'US') {
      totals.push(['MPF', '19 CFR 24.23', right(formatAmount(t.mpf))]);
      totals.push(['HMF', '19 CFR 24.24', right(formatAmount(t.hmf))]);
    } else {
      totals.push(['Consumption tax', '', right(formatAmount(t.consumptionTax))]);
      totals.push(['Import VAT', 'VAT Law Art. 14', right(formatAmount(t.vat))]);
    }
    totals.push([c.bold('Landed cost'), `customs value ${formatAmount(t.customsValue)}`, right(c.bold(formatAmount(t.landedCost)))]);
    totals.push(['Effective duty rate', '', right(`${t.effectiveDutyRate}%`)]);
    out.push(totals.toString());
  }
  return out.join('\n') + '\n';
}

/** Every duty of a line with its heading, rate and source (a US line in CBP's order), and every measure not applied with the reason. */
export function renderLineDetail(r: LineResult, c: ChalkInstance): string {
  const lines = [c.bold(`Row ${r.line.row}${r.line.sku ? ` (${p(r.line.sku)})` : ''}: into ${r.line.into}, ${p(r.hts)}, origin ${r.line.origin}, ${r.line.date}, customs value ${formatAmount(r.customsValue)} ${r.line.currency}`)];
  const w = Math.max(18, ...r.duties.map((d) => p(d.program).length));
  for (const d of r.line.into === 'US' ? inCbpOrder(r.duties) : r.duties) {
    lines.push(`  ${c.green('applied')}  ${p(d.program).padEnd(w)} ${p(d.heading).padEnd(14)} ${p(d.rate).padStart(6)} × ${formatAmount(d.base)} = ${formatAmount(d.amount)}`);
    if (d.basis) lines.push(`           on the ${p(d.basis)}`);
    lines.push(`           ${c.dim(p(d.source))}`);
    if (d.refundable) lines.push(`           ${c.yellow(p(d.refundable))}`);
  }
  for (const n of r.notApplied) lines.push(`  ${c.yellow('not applied')} ${p(`${n.program} ${n.heading}: ${n.reason}`)}`);
  for (const x of r.rejectedClaims) lines.push(`  ${c.red('claim rejected')} ${p(`${x.claim}: ${x.reason}`)}`);
  lines.push(r.line.into === 'US' ? `  MPF ${formatAmount(r.mpf)}, HMF ${formatAmount(r.hmf)}, landed cost ${formatAmount(r.landedCost)}`
    : `  consumption tax ${formatAmount(r.consumptionTax)}, VAT ${formatAmount(r.vat)}, landed cost ${formatAmount(r.landedCost)} CNY`);
  return lines.join('\n');
}
