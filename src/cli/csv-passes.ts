import { landedBeforeFees, sameCents, withFees } from '../core/line-cents.js';
import { sameWarnings, warning } from '../core/warning.js';
import type { Decimal } from '../core/money.js';
import { smallConsignmentCents } from '../core/cn-duties.js';
import { CentTotals } from '../core/totals.js';
import type { LineResult } from '../core/types.js';
import { csvCells, csvHeader, outputInputHeaders } from '../output/csv.js';
import { PlanText, linePieces, pricedOfResult, unitColumns, usFeeColumns, type PricedCents } from '../output/csv-line.js';
import { exemptedLine, planPassOne, planWarningsOf } from './plan-pass.js';
import { RecordReader, RecordWriter } from './record-file.js';
import { CHECK_HEAP_EVERY, afterPassOne, type Finished, type Run } from './run.js';
import { collectIfGrown } from './collect-garbage.js';
import { StdoutBuffer } from './stdout-buffer.js';

/**
 * A priced line between the passes of CSV output (record-file.ts): its row, entry and kind; its landed cost before
 * fees and the part of it before tariffs; its text (csv-line.ts), pieces separated by NUL: a US line's head and the
 * rest, or its head, rate, tail, quantity and price (US_UNITS); a Chinese line's whole text and its input cells as JSON
 * (to price it again if its declaration is exempt). A line whose text holds a NUL, or whose amounts pass 64 bits, has
 * its pieces and those two amounts in JSON (ESCAPED).
 */
const US = 0;
const US_UNITS = 1;
const CN = 2;
const ESCAPED = 4;
const NUL = '\u0000';
const INT64 = 2n ** 63n;
const int64 = (v: bigint) => v >= -INT64 && v < INT64;

/** The byte offsets of the NUL-separated pieces of the current record's text: [from0, to0, from1, to1, ...]. */
function pieces(line: RecordReader, count: number): number[] {
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
 * CSV: rows in the plain form whose kind of line (code, date, claims...) has a plan are priced in whole cents
 * (src/core/line-plan.ts); the engine prices the others, and the first lines of each kind, from which plans are made.
 * Pass one prices each row and writes its output text but for the fee columns, in bytes, to a record file; pass two
 * copies those bytes to the output with each line's fee shares in between.
 */
export async function csvPasses(run: Run, targetMargin: Decimal | undefined): Promise<Finished> {
  const totals = new CentTotals();
  const records = new RecordWriter();
  try {
    const smallConsignment = smallConsignmentCents(run.ledger);
    const width = run.bill.headers.length;
    const keep = (row: number, entryId: number, p: PricedCents, cells: string[], plain: boolean) => {
      const landed = landedBeforeFees(p);
      totals.addLine(p.side, p, landed);
      const cellsText = csvCells(filled(cells, width), plain);
      const { head, rate, tail } = linePieces(p, cellsText);
      let kind = US;
      let texts: string[] | undefined;
      if (p.side === 'CN') {
        kind = CN;
        // its cells, to price it again, only while its declaration's duty is small enough to be exempt
        texts = [head + rate + unitColumns(p, landed, targetMargin) + tail, run.book.mayBeExempt(entryId, smallConsignment) ? JSON.stringify(cells) : ''];
      } else if (p.quantity !== undefined) {
        kind = US_UNITS;
        texts = [head, rate, tail, p.quantity, p.price ?? ''];
      }
      // only the input cells can hold a NUL, and only enormous amounts pass 64 bits: such a line goes in JSON
      if (cellsText.includes(NUL) || p.htsCell.includes(NUL) || !int64(landed) || !int64(p.beforeTariffsPart)) {
        records.write(row, entryId, kind | ESCAPED, 0n, 0n, JSON.stringify([...(texts ?? [head, `${rate},,,${tail}`]), String(landed), String(p.beforeTariffsPart)]));
      } else records.write(row, entryId, kind, landed, p.beforeTariffsPart, texts ? texts.join(NUL) : `${head}${NUL}${rate},,,${tail}`);
    };
    // the engine's line in cents, made once however many plans it is compared with
    let seen: LineResult | undefined;
    let seenCents: PricedCents | undefined;
    const engineOf = (r: LineResult) => (seen === r ? seenCents! : (seenCents = pricedOfResult((seen = r))));
    await planPassOne<PlanText>(run, {
      textOf: (plan) => new PlanText(plan),
      same: (slot, record, quick, p, priced) => {
        const mine = slot.text.priced(p, quick);
        const engine = engineOf(priced);
        return sameCents(mine, engine) && mine.htsCell === engine.htsCell && mine.dutiesCell === engine.dutiesCell
          && sameWarnings(planWarningsOf(slot.plan, record.row), priced.warnings);
      },
      planned: (record, id, slot, quick, p) => keep(record.row, id, slot.text.priced(p, quick), record.cells, record.plain),
      priced: (record, id, r) => keep(record.row, id, pricedOfResult(r), record.cells, record.plain),
    });
    // an entry's fee shares add up to its fees: the totals take them whole
    afterPassOne(run, (mpf, hmf) => totals.addFees('US', mpf, hmf));
    records.close();

    const out = new StdoutBuffer();
    out.add(csvHeader(run.bill.headers));
    const { renamed } = outputInputHeaders(run.bill.headers);
    if (renamed.length > 0) run.warnings.add(warning('column-renamed', `the bill's column(s) ${renamed.map(([from, to]) => `"${from}" (written as ${to})`).join(', ')} have the name of a computed column: they are kept under the new name, never written twice`));
    const line = new RecordReader(records.file);
    let rowsOut = 0;
    while (line.next()) {
      if (++rowsOut % CHECK_HEAP_EVERY === 0) collectIfGrown();
      run.progress.writing(rowsOut, records.count);
      const { a: row, b: entryId, c: kind, bytes } = line;
      const escaped = (kind & ESCAPED) !== 0 ? JSON.parse(line.text()) as string[] : undefined;
      // the landed cost before fees and the part of it before tariffs
      const [x, y] = escaped ? [BigInt(escaped[escaped.length - 2]!), BigInt(escaped[escaped.length - 1]!)] : [line.x, line.y];
      if ((kind & ~ESCAPED) === CN) {
        const exemption = run.book.exemption(entryId);
        if (exemption) out.add(exempted(run, row, JSON.parse(escaped ? escaped[1]! : line.text(...pieces(line, 2).slice(2))) as string[], exemption, totals, targetMargin));
        else if (escaped) out.add(escaped[0]!);
        else out.addBytes(bytes, line.from, bytes.indexOf(0, line.from));
      } else {
        const { mpf, hmf } = run.book.nextFees(entryId);
        const withFee = withFees(x, mpf, hmf);
        if (kind === US) {
          // the usual line, written without a list of its pieces
          const nul = bytes.indexOf(0, line.from);
          out.addBytes(bytes, line.from, nul);
          out.add(usFeeColumns(mpf, hmf, withFee));
          out.addBytes(bytes, nul + 1, line.to);
          if (out.full) await out.flush();
          continue;
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
      }
      if (out.full) await out.flush();
    }
    line.close();
    return { get: (side) => totals.get(side), end: async () => out.flush() };
  } finally {
    records.remove();
  }
}

/** The output line of a Chinese line of an exempt declaration, priced again by the engine without duty. */
function exempted(run: Run, row: number, cells: string[], exemption: string, totals: CentTotals, targetMargin: Decimal | undefined): string {
  const p = pricedOfResult(exemptedLine(run, row, cells, exemption, totals));
  const { head, rate, tail } = linePieces(p, csvCells(filled(cells, run.bill.headers.length)));
  return head + rate + unitColumns(p, landedBeforeFees(p), targetMargin) + tail;
}

/** A row shorter than the header with its empty cells, so the computed columns stay under their names. */
function filled(cells: string[], width: number): string[] {
  return cells.length < width ? [...cells, ...Array<string>(width - cells.length).fill('')] : cells;
}


