import type { ChalkInstance } from 'chalk';
import { finishCnLine, finishUsLine } from '../core/bill.js';
import { Decimal, fromCents } from '../core/money.js';
import { StringTable } from '../core/string-table.js';
import { TotalsAccumulator } from '../core/totals.js';
import type { BillLine, Duty, LineResult, NotApplied, RejectedClaim } from '../core/types.js';
import { lineObject, ndjsonTotals, resultJson, totalsBySide, type Query } from './document.js';
import { render7501 } from './entry7501.js';
import { CN_RECORD, type EncodeContext, type LineEncoder, type Output } from './line-encoder.js';
import { renderLineDetail, renderView } from './table.js';
import { TableView } from './table-view.js';

/** rows between two full garbage collections: these lines keep every detail (measured: README Performance) */
const GC_EVERY = 25_000;

/** What a priced line keeps between the two passes (its input cells are parsed again). */
interface SpilledLine {
  row: number;
  cells: string[];
  hts: string;
  customsValue: string;
  duty: string;
  consumptionTax: string;
  vat: string;
  cnBeforeTariffs?: string;
  /** duties with their source and refund text replaced by the index of the text in the string table (the basis
   * stays inline: it can name the line's own amounts, so interning it would keep one text per line) */
  duties: (Omit<Duty, 'base' | 'amount' | 'source' | 'refundable'> & { base: string; amount: string; source: number; refundable?: number })[];
  notApplied: NotApplied[];
  rejectedClaims: RejectedClaim[];
}

function toSpill(r: LineResult, cells: string[], strings: StringTable): SpilledLine {
  return {
    row: r.line.row, cells, hts: r.hts, customsValue: r.customsValue.toString(), duty: r.duty.toString(),
    consumptionTax: r.consumptionTax.toString(), vat: r.vat.toString(),
    ...(r.cnBeforeTariffs ? { cnBeforeTariffs: r.cnBeforeTariffs.toString() } : {}),
    duties: r.duties.map((d) => ({
      program: d.program, heading: d.heading, rate: d.rate, base: d.base.toString(), amount: d.amount.toString(), source: strings.id(d.source),
      ...(d.basis !== undefined ? { basis: d.basis } : {}), ...(d.refundable !== undefined ? { refundable: strings.id(d.refundable) } : {}),
    })),
    notApplied: r.notApplied, rejectedClaims: r.rejectedClaims,
  };
}

function fromSpill(s: SpilledLine, line: BillLine, strings: StringTable): LineResult {
  const zero = new Decimal(0);
  return {
    line, hts: s.hts, customsValue: new Decimal(s.customsValue), duty: new Decimal(s.duty), consumptionTax: new Decimal(s.consumptionTax), vat: new Decimal(s.vat),
    ...(s.cnBeforeTariffs ? { cnBeforeTariffs: new Decimal(s.cnBeforeTariffs) } : {}),
    duties: s.duties.map((d) => ({
      program: d.program, heading: d.heading, rate: d.rate, base: new Decimal(d.base), amount: new Decimal(d.amount), source: strings.texts[d.source]!,
      ...(d.basis !== undefined ? { basis: d.basis } : {}), ...(d.refundable !== undefined ? { refundable: strings.texts[d.refundable]! } : {}),
    })),
    notApplied: s.notApplied, rejectedClaims: s.rejectedClaims, mpf: zero, hmf: zero, fees: zero, taxes: zero, landedCost: zero, warnings: [],
  };
}

export type DocumentStyle = 'json' | 'ndjson' | 'table' | '7501';

/**
 * The table, the 7501, and JSON or NDJSON with --explain: each line priced by the engine, kept with every detail,
 * read back with its fees. JSON and NDJSON lines are written as they come; the table's measures too (--explain), its
 * rows and totals last; the 7501 view at the end.
 */
export function documentEncoder(ctx: EncodeContext & { lineOf(row: number, cells: string[]): BillLine }, style: DocumentStyle, query: Query,
  chalk: () => ChalkInstance): LineEncoder {
  const strings = new StringTable();
  const totals = new TotalsAccumulator();
  const view = new TableView();
  const held: LineResult[] = [];
  let rowsOut = 0;
  const read = (record: { text(): string }) => {
    const s = JSON.parse(record.text()) as SpilledLine;
    return fromSpill(s, ctx.lineOf(s.row, s.cells), strings);
  };
  const write = (r: LineResult, out: Output) => {
    totals.add(r);
    if (style === 'json') out.add(resultJson.line(JSON.stringify(lineObject(r, ctx.targetMargin)), ++rowsOut === 1));
    else if (style === 'ndjson') out.add(JSON.stringify(lineObject(r, ctx.targetMargin)) + '\n');
    else if (style === 'table') {
      // the measures of each line as it comes (memory does not grow with the bill), the table and totals last
      if (ctx.explain) out.add(renderLineDetail(r, chalk()) + '\n\n');
      view.add(r);
    } else held.push(r);
  };
  return {
    gcEvery: GC_EVERY,
    plans: false,
    keep: (record, id, { result: r }, records) => records.write(record.row, id, r!.line.into === 'CN' ? CN_RECORD : 0, 0n, 0n, JSON.stringify(toSpill(r!, record.cells, strings))),
    begin: (out) => {
      if (style === 'json') out.add(resultJson.head(query, ctx.ledger));
    },
    usLine: (record, mpf, hmf, out) => {
      const r = read(record);
      finishUsLine(r, fromCents(mpf), fromCents(hmf));
      write(r, out);
    },
    // priced again without duty when exempt: its warnings were said in pass one
    cnLine: (record, exemption, out) => write(finishCnLine(read(record), ctx.ledger, ctx.explain, exemption), out),
    totals: (side) => totals.get(side),
    end: (rejected, warnings, out) => {
      const sides = totalsBySide((side) => totals.get(side));
      if (style === 'json') out.add(resultJson.tail(sides, rejected, warnings, rowsOut > 0));
      else if (style === 'ndjson') out.add(ndjsonTotals(sides, rejected, warnings));
      else if (style === '7501') out.add(render7501(held));
      else out.add(renderView(view, chalk(), ctx.targetMargin));
    },
  };
}
