import { finishCnLine, finishUsLine } from '../core/bill.js';
import { Decimal, fromCents } from '../core/money.js';
import { StringTable } from '../core/string-table.js';
import { TotalsAccumulator } from '../core/totals.js';
import type { BillLine, Duty, LineResult, NotApplied, RejectedClaim, RowError } from '../core/types.js';
import type { SaidWarning } from '../core/warning-summary.js';
import { CN_RECORD, type EncodeContext, type LineEncoder, type Output } from './line-encoder.js';

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

/** What a view of whole lines is given: how to read a row's cells again as a bill line. */
export type FullLineContext = EncodeContext & { lineOf(row: number, cells: string[]): BillLine };

/**
 * An encoder of lines with every detail of the engine (the table, the 7501): each line priced by the engine is kept
 * whole and read back with its fees, then handed to `line`; `end` writes what comes after the last line.
 */
export function fullLineEncoder(ctx: FullLineContext, line: (r: LineResult, out: Output) => void,
  end: (totals: TotalsAccumulator, rejected: RowError[], warnings: readonly SaidWarning[], out: Output) => void): LineEncoder {
  const strings = new StringTable();
  const totals = new TotalsAccumulator();
  const read = (record: { text(): string }) => {
    const s = JSON.parse(record.text()) as SpilledLine;
    return fromSpill(s, ctx.lineOf(s.row, s.cells), strings);
  };
  const write = (r: LineResult, out: Output) => {
    totals.add(r);
    line(r, out);
  };
  return {
    plans: false,
    gcEvery: GC_EVERY,
    keep: (record, id, { result: r }, records) => records.write(record.row, id, r!.line.into === 'CN' ? CN_RECORD : 0, 0n, 0n, JSON.stringify(toSpill(r!, record.cells, strings))),
    begin: () => {},
    usLine: (record, mpf, hmf, out) => {
      const r = read(record);
      finishUsLine(r, fromCents(mpf), fromCents(hmf));
      write(r, out);
    },
    // priced again without duty when exempt: its warnings were said in pass one
    cnLine: (record, exemption, out) => write(finishCnLine(read(record), ctx.ledger, ctx.explain, exemption), out),
    totals: (side) => totals.get(side),
    end: (rejected, warnings, out) => end(totals, rejected, warnings, out),
  };
}
