import { printableLines } from '../core/printable.js';
import { formatAmount } from '../core/money.js';
import { sideTotals } from '../core/totals.js';
import type { LineResult } from '../core/types.js';
import { cbpRank } from './cbp-order.js';

/** A heading that is a line of its own on the entry summary (9903.01.32); not a chapter ("chapter 98") nor a group of headings ("9903.82 (note 16(a))"). */
const isHeading = (heading: string) => /^\d{4}\.\d{2}\.\d{2}$/.test(heading);

function row(heading: string, rate: string, base: string, amount: string): string {
  return `  ${heading.padEnd(16)} ${rate.padStart(8)} ${base.padStart(14)} ${amount.padStart(12)}`;
}

/**
 * Each line as a broker reports it on CBP Form 7501: the Chapter 99 headings first (the duties, and the exemption
 * headings claimed for measures that did not apply, at zero), then the Chapter 1-97 line with the MFN duty.
 */
export function render7501(all: LineResult[]): string {
  const out: string[] = [];
  const lines = all.filter((r) => r.line.into === 'US');
  if (lines.length < all.length) out.push(`(${all.length - lines.length} line(s) into China are not on a CBP entry summary: see --format table or json)`, '');
  lines.forEach((r, i) => {
    const l = r.line;
    out.push(`Line ${String(i + 1).padStart(3, '0')}  row ${l.row}${l.sku ? `, ${l.sku}` : ''}  ${r.hts}  origin ${l.origin}  entered ${l.date}  value ${formatAmount(l.value)}`);
    out.push(row('HTS', 'rate', 'value', 'duty'));
    const ch99 = [
      ...r.duties.filter((d) => d.program !== 'MFN').map((d) => ({ program: d.program, text: row(d.heading, d.rate, formatAmount(d.base), formatAmount(d.amount)) })),
      ...r.notApplied.filter((n) => n.reportedUnder !== undefined && isHeading(n.reportedUnder))
        .map((n) => ({ program: n.program, text: row(n.reportedUnder!, 'exempt', formatAmount(l.value), '0.00') })),
    ];
    ch99.sort((a, b) => cbpRank(a.program) - cbpRank(b.program));
    out.push(...ch99.map((x) => x.text));
    for (const d of r.duties.filter((x) => x.program === 'MFN')) out.push(row(d.heading, d.rate, formatAmount(d.base), formatAmount(d.amount)));
    out.push(`  ${'line duty'.padEnd(16)} ${''.padStart(8)} ${''.padStart(14)} ${formatAmount(r.duty).padStart(12)}`, '');
  });
  const t = sideTotals(lines, 'US');
  if (t) {
    out.push(`Entry summary: duty ${formatAmount(t.duty)}, MPF (499) ${formatAmount(t.mpf)}, HMF (501) ${formatAmount(t.hmf)}, total ${formatAmount(t.duty.plus(t.fees))}`);
  }
  // no colour here: the whole view is made printable (a sku or a scenario's heading typed with control codes)
  return printableLines(out.join('\n')) + '\n';
}
