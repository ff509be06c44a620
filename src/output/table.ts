import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import { effectiveRate, formatAmount, type Decimal } from '../core/money.js';
import { unitEconomics } from '../core/margin.js';
import { sideTotals } from '../core/totals.js';
import type { LineResult } from '../core/types.js';
import { inCbpOrder } from './cbp-order.js';

const right = (s: string) => ({ content: s, hAlign: 'right' as const });

const COMPACT = { 'mid': '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

function plain(color: boolean) {
  return { chars: COMPACT, ...(color ? {} : { style: { head: [], border: [] } }) };
}

/** The bill as a table for people: one row per line, then each side's totals by program in its own currency. */
export function renderTable(lines: LineResult[], c: ChalkInstance, explain: boolean, targetMargin?: Decimal): string {
  const color = c.level > 0;
  const out: string[] = [];
  const units = lines.map((r) => ({ r, u: unitEconomics(r, targetMargin) })).filter((x) => x.u !== undefined);
  const table = new Table({ head: ['Row', 'SKU', 'Into', 'Tariff code', 'Customs value', 'Duty', 'Fees + taxes', 'Landed cost', 'Duty %'], ...plain(color) });
  for (const r of lines) {
    table.push([String(r.line.row), r.line.sku ?? '', r.line.into, r.hts, right(`${formatAmount(r.customsValue)} ${r.line.currency}`), right(formatAmount(r.duty)),
      right(formatAmount(r.fees.plus(r.taxes))), right(formatAmount(r.landedCost)), right(effectiveRate(r.duty, r.customsValue))]);
  }
  out.push(table.toString());
  if (units.length > 0) {
    const perUnit = new Table({ head: ['Row', 'Per unit', 'Before tariffs', 'Landed', 'Price', 'Margin before', 'Margin after', 'Price for target'], ...plain(color) });
    for (const { r, u } of units) {
      perUnit.push([String(r.line.row), `${r.line.quantity!.toString()} ${r.line.quantity!.eq(1) ? 'unit' : 'units'}`, right(formatAmount(u!.unitCostBeforeTariffs)), right(formatAmount(u!.unitLandedCost)),
        right(u!.price ? formatAmount(u!.price) : ''), right(u!.marginBefore ? `${u!.marginBefore}%` : ''), right(u!.marginAfter ? `${u!.marginAfter}%` : ''), right(u!.targetPrice ? formatAmount(u!.targetPrice) : '')]);
    }
    out.push(perUnit.toString());
  }
  if (explain) for (const r of lines) out.push(renderLineDetail(r, c));
  for (const side of ['US', 'CN'] as const) {
    const t = sideTotals(lines, side);
    if (!t) continue;
    const totals = new Table({ head: [`Into ${side}: program`, 'Headings', `Amount (${t.currency})`], ...plain(color) });
    for (const [program, amount] of t.byProgram) {
      const headings = [...new Set(lines.filter((r) => r.line.into === side).flatMap((r) => r.duties.filter((d) => d.program === program).map((d) => (program === 'MFN' ? 'base rate' : d.heading))))];
      totals.push([program, headings.join(', '), right(formatAmount(amount))]);
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
  const lines = [c.bold(`Row ${r.line.row}${r.line.sku ? ` (${r.line.sku})` : ''}: into ${r.line.into}, ${r.hts}, origin ${r.line.origin}, ${r.line.date}, customs value ${formatAmount(r.customsValue)} ${r.line.currency}`)];
  const w = Math.max(18, ...r.duties.map((d) => d.program.length));
  for (const d of r.line.into === 'US' ? inCbpOrder(r.duties) : r.duties) {
    lines.push(`  ${c.green('applied')}  ${d.program.padEnd(w)} ${d.heading.padEnd(14)} ${d.rate.padStart(6)} × ${formatAmount(d.base)} = ${formatAmount(d.amount)}`);
    if (d.basis) lines.push(`           on the ${d.basis}`);
    lines.push(`           ${c.dim(d.source)}`);
    if (d.refundable) lines.push(`           ${c.yellow(d.refundable)}`);
  }
  for (const n of r.notApplied) lines.push(`  ${c.yellow('not applied')} ${n.program} ${n.heading}: ${n.reason}`);
  for (const x of r.rejectedClaims) lines.push(`  ${c.red('claim rejected')} ${x.claim}: ${x.reason}`);
  lines.push(r.line.into === 'US' ? `  MPF ${formatAmount(r.mpf)}, HMF ${formatAmount(r.hmf)}, landed cost ${formatAmount(r.landedCost)}`
    : `  consumption tax ${formatAmount(r.consumptionTax)}, VAT ${formatAmount(r.vat)}, landed cost ${formatAmount(r.landedCost)} CNY`);
  return lines.join('\n');
}
