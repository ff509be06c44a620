import { printable } from '../core/printable.js';
import { priceBill } from '../core/bill.js';
import { formatAmount, type Decimal } from '../core/money.js';
import type { BillLine } from '../core/types.js';
import { saidText, summarizeWarnings, warningDetail } from '../core/warning-summary.js';
import { ieepaRefunds } from '../core/refund.js';
import { loadLedger } from '../rates/load.js';
import { EXIT, UserError } from './errors.js';
import { makeChalk, reportProblems, write } from './io.js';
import { parseDateOption, parseEncoding, parseFormat, REPORT_FORMATS, parseFx, parseOrigin, type CommonOptions } from './options.js';
import { today } from '../core/dates.js';
import { readBill } from './read-bill.js';
import { mapHeader } from '../input/columns.js';

export interface RefundOptions extends CommonOptions {
  asOf?: string;
  encoding?: string;
  decimalComma?: boolean;
  color?: boolean;
}

const mapObject = (m: Map<string, Decimal>) => Object.fromEntries([...m].map(([k, v]) => [k, formatAmount(v)]));

/** `tariff refund FILE`: the IEEPA duties paid on past entries, refundable after Learning Resources v. Trump. */
export async function runRefund(file: string | undefined, opts: RefundOptions): Promise<number> {
  const format = parseFormat(opts.format, Boolean(process.stdout.isTTY), REPORT_FORMATS);
  const asOf = parseDateOption(opts.asOf ?? today(), '--as-of');
  const ledger = loadLedger();
  const bill = await readBill(file, { into: 'US', origin: parseOrigin(opts.origin), date: '(none)', mode: 'ocean', fx: parseFx(opts.fx),
    decimalComma: Boolean(opts.decimalComma) }, parseEncoding(opts.encoding));
  if (mapHeader(bill.headers).index.date === undefined) {
    throw new UserError(`${file ?? 'standard input'}: row 1 (header): refund needs a date column: the entry date of each line`);
  }
  // IEEPA duties are US duties: a line into China is not an entry to refund
  const notUs = bill.lines.filter((l) => l.into !== 'US').map((l) => ({ row: l.row, column: 'into', message: `into ${l.into}: refund covers the US IEEPA duties only` }));
  // the routes are judged on --as-of: a liquidation after it has not happened yet on that day
  const liquidatedLater = (l: BillLine) => l.liquidatedOn !== undefined && l.liquidatedOn > asOf.slice(0, 10);
  const future = bill.lines.filter((l) => l.into === 'US' && liquidatedLater(l)).map((l) => ({ row: l.row, column: 'liquidated_on', message: `${l.liquidatedOn} is after --as-of ${asOf}: expected the date the entry was liquidated, on or before the day the refund is judged` }));
  const priced = priceBill(bill.lines.filter((l) => l.into === 'US' && !liquidatedLater(l)), ledger);
  const rejected = [...bill.rejected, ...notUs, ...future, ...priced.rejected].sort((a, b) => a.row - b.row);
  const warnings = summarizeWarnings(priced.warnings);
  const result = ieepaRefunds(priced.lines, ledger.refund, asOf);
  if (format === 'json' || format === 'ndjson') {
    write(JSON.stringify({
      schema: 'tariff-impact/refund@1',
      asOf,
      ruling: ledger.refund.ruling,
      lines: result.lines.map((l) => ({ row: l.line.line.row, entry: l.line.line.entry, date: l.line.line.date, hts: l.line.hts, ieepa: formatAmount(l.ieepa), byHeading: mapObject(l.byHeading) })),
      entries: result.entries.map((e) => ({ entry: e.entry, date: e.date, ...(e.liquidatedOn ? { liquidatedOn: e.liquidatedOn } : {}), ieepa: formatAmount(e.ieepa), byHeading: mapObject(e.byHeading), route: e.route, needs: e.ieepa.isZero() ? [] : ledger.refund.needs })),
      totals: { ieepa: formatAmount(result.total), byHeading: mapObject(result.byHeading) },
      rejected,
      warnings: warnings.map(saidText),
      warningDetails: warnings.map(warningDetail),
    }, null, format === 'json' ? 2 : undefined) + '\n');
  } else {
    const c = makeChalk(opts.color, process.stdout, process.env);
    const out = [c.bold(`IEEPA duties refundable after ${ledger.refund.ruling.instrument.split(';')[0]} (as of ${asOf})`)];
    for (const e of result.entries) {
      out.push(printable(`entry ${e.entry}, entered ${e.date}: ${formatAmount(e.ieepa)} USD${e.ieepa.isZero() ? '' : ` (${[...e.byHeading].map(([h, a]) => `${h} ${formatAmount(a)}`).join(', ')})`}`));
      out.push(`  ${printable(e.route)}`);
    }
    out.push('', c.bold(`Total IEEPA duties paid: ${formatAmount(result.total)} USD`), ...[...result.byHeading].map(([h, a]) => `  ${h}: ${formatAmount(a)}`));
    if (!result.total.isZero()) out.push('', 'A refund claim per entry needs:', ...ledger.refund.needs.map((n) => `  - ${n}`));
    write(out.join('\n') + '\n');
  }
  reportProblems(opts.color, warnings, rejected);
  return rejected.length > 0 ? EXIT.rejected : EXIT.ok;
}
