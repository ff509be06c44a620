import { smallConsignmentCents } from '../core/cn-duties.js';
import { landedBeforeFees, withFees } from '../core/line-cents.js';
import { engineLine, type PricedLine } from '../core/priced-line.js';
import { CentTotals, exemptLine } from '../core/totals.js';
import { warning } from '../core/warning.js';
import { csvCells, csvHeader, outputInputHeaders } from './csv.js';
import { PlanText, linePieces, unitColumns, usFeeColumns, type PricedCents } from './csv-line.js';
import { CN_RECORD, perTexts, type EncodeContext, type LineEncoder, type Output, type RecordIn, type RecordOut } from './line-encoder.js';

/**
 * The record of a CSV line (csv-line.ts): its kind; its landed cost before fees and the part of it before tariffs;
 * its text, pieces separated by NUL: a US line's head and the rest, or its head, rate, tail, quantity and price
 * (US_UNITS); a Chinese line's whole text and its input cells as JSON (to price it again if its declaration is
 * exempt). A line whose text holds a NUL, or whose amounts pass 64 bits, has its pieces and those two amounts in JSON
 * (ESCAPED).
 */
const US = 0;
const CN = CN_RECORD;
const US_UNITS = 2;
const ESCAPED = 4;
const NUL = '\u0000';
const INT64 = 2n ** 63n;
const int64 = (v: bigint) => v >= -INT64 && v < INT64;

/** The byte offsets of the NUL-separated pieces of the current record's text: [from0, to0, from1, to1, ...]. */
function pieces(line: RecordIn, count: number): number[] {
  const out: number[] = [];
  let from = line.from;
  for (let i = 0; i < count - 1; i++) {
    const at = line.bytes.indexOf(0, from);
    out.push(from, at);
    from = at + 1;
  }
  out.push(from, line.to);
  return out;
}

/**
 * `--format csv`: the input columns, then the computed ones. Pass one keeps each line's text but for the columns that
 * wait for its entry's fees, in bytes; pass two copies those bytes to the output with the fee columns in between.
 */
export function csvEncoder(ctx: EncodeContext): LineEncoder {
  const totals = new CentTotals();
  const smallConsignment = smallConsignmentCents(ctx.ledger);
  const width = ctx.headers.length;
  const { targetMargin } = ctx;
  const keep = (records: RecordOut, row: number, entryId: number, p: PricedCents, cells: string[], plain: boolean) => {
    const landed = landedBeforeFees(p);
    totals.addLine(p.side, p, landed);
    const cellsText = csvCells(filled(cells, width), plain);
    const { head, rate, tail } = linePieces(p, cellsText);
    let kind = US;
    let texts: string[] | undefined;
    if (p.side === 'CN') {
      kind = CN;
      // its cells, to price it again, only while its declaration's duty is small enough to be exempt
      texts = [head + rate + unitColumns(p, landed, targetMargin) + tail, ctx.book.mayBeExempt(entryId, smallConsignment) ? JSON.stringify(cells) : ''];
    } else if (p.quantity !== undefined) {
      kind = US_UNITS;
      texts = [head, rate, tail, p.quantity, p.price ?? ''];
    }
    // only the input cells can hold a NUL, and only enormous amounts pass 64 bits: such a line goes in JSON
    if (cellsText.includes(NUL) || p.htsCell.includes(NUL) || !int64(landed) || !int64(p.beforeTariffsPart)) {
      records.write(row, entryId, kind | ESCAPED, 0n, 0n, JSON.stringify([...(texts ?? [head, `${rate},,,${tail}`]), String(landed), String(p.beforeTariffsPart)]));
    } else records.write(row, entryId, kind, landed, p.beforeTariffsPart, texts ? texts.join(NUL) : `${head}${NUL}${rate},,,${tail}`);
  };
  const textOf = perTexts((texts) => new PlanText(texts));
  const pricedOf = (line: PricedLine) => textOf(line.texts).priced(line.cents, line);
  const escapedOf = (line: RecordIn) => ((line.c & ESCAPED) !== 0 ? JSON.parse(line.text()) as string[] : undefined);
  return {
    plans: true,
    keep: (record, id, line, records) => keep(records, record.row, id, pricedOf(line), record.cells, record.plain),
    // an entry's fee shares add up to its fees: the totals take them whole
    entryFees: (mpf, hmf) => totals.addFees('US', mpf, hmf),
    begin: (out) => {
      out.add(csvHeader(ctx.headers));
      const { renamed } = outputInputHeaders(ctx.headers);
      if (renamed.length > 0) ctx.warn(warning('column-renamed', `the bill's column(s) ${renamed.map(([from, to]) => `"${from}" (written as ${to})`).join(', ')} have the name of a computed column: they are kept under the new name, never written twice`));
    },
    usLine: (line, mpf, hmf, out) => {
      const { c: kind, bytes } = line;
      const escaped = escapedOf(line);
      // the landed cost before fees and the part of it before tariffs
      const [x, y] = escaped ? [BigInt(escaped[escaped.length - 2]!), BigInt(escaped[escaped.length - 1]!)] : [line.x, line.y];
      const withFee = withFees(x, mpf, hmf);
      if (kind === US) {
        // the usual line, written without a list of its pieces
        const nul = bytes.indexOf(0, line.from);
        out.addBytes(bytes, line.from, nul);
        out.add(usFeeColumns(mpf, hmf, withFee));
        out.addBytes(bytes, nul + 1, line.to);
        return;
      }
      const at = escaped ? [] : pieces(line, 5);
      const piece = (i: number) => (escaped ? out.add(escaped[i]!) : out.addBytes(bytes, at[2 * i]!, at[2 * i + 1]!));
      piece(0);
      out.add(usFeeColumns(mpf, hmf, withFee));
      piece(1);
      if ((kind & ~ESCAPED) === US_UNITS) {
        const [quantity, price] = escaped ? [escaped[3]!, escaped[4]!] : [line.text(at[6], at[7]), line.text(at[8], at[9])];
        out.add(unitColumns({ side: 'US', quantity, ...(price === '' ? {} : { price }), beforeTariffsPart: y }, withFee.landed, targetMargin));
        piece(2);
      }
    },
    cnLine: (line, exemption, out) => {
      const escaped = escapedOf(line);
      if (exemption) {
        const cells = JSON.parse(escaped ? escaped[1]! : line.text(...pieces(line, 2).slice(2))) as string[];
        const p = pricedOf(engineLine(exemptLine(ctx.priceAgain(line.a, cells), ctx.ledger, exemption, totals)));
        const { head, rate, tail } = linePieces(p, csvCells(filled(cells, width)));
        out.add(head + rate + unitColumns(p, landedBeforeFees(p), targetMargin) + tail);
      } else if (escaped) out.add(escaped[0]!);
      else out.addBytes(line.bytes, line.from, line.bytes.indexOf(0, line.from));
    },
    totals: (side) => totals.get(side),
    end: () => {},
  };
}

/** A row shorter than the header with its empty cells, so the computed columns stay under their names. */
function filled(cells: string[], width: number): string[] {
  return cells.length < width ? [...cells, ...Array<string>(width - cells.length).fill('')] : cells;
}
