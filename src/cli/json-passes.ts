import { finishCnLine } from '../core/bill.js';
import { landedBeforeFees, lineCentsOf, lineCentsOfPlanned, sameCents, withFees, type LineCents } from '../core/line-cents.js';
import { sameWarnings } from '../core/warning.js';
import type { PlannedLine } from '../core/line-plan.js';
import type { QuickReader, QuickRow } from '../input/fast-row.js';
import type { CsvRecord } from '../input/read.js';
import type { Decimal } from '../core/money.js';
import { smallConsignmentCents } from '../core/cn-duties.js';
import { CentTotals } from '../core/totals.js';
import type { LineResult, Side } from '../core/types.js';
import { lineObject, resultJson, ndjsonTotals, totalsBySide, type Query } from '../output/document.js';
import type { Ledger } from '../rates/load.js';
import { collectIfGrown } from './collect-garbage.js';
import { PlanJson, headOfResult, lineEnd, usFeeFields } from '../output/json-line.js';
import { exemptedLine, planPassOne, planWarningsOf, type Slot } from './plan-pass.js';
import { RecordReader, RecordWriter } from './record-file.js';
import { CHECK_HEAP_EVERY, afterPassOne, type Finished, type Run } from './run.js';
import { StdoutBuffer } from './stdout-buffer.js';

/**
 * A priced line between the passes of JSON and NDJSON output (record-file.ts): its row, entry and side (US 0, CN 1);
 * its text, fields separated by NUL: its input cells as JSON (a Chinese line whose declaration could still turn out
 * exempt, to price it again), its text before the fee fields (json-line.ts), quantity and price as written, and in
 * whole cents its landed cost before fees, the part of it before tariffs, its customs value and its duty. No field
 * holds a NUL: JSON writes one as \u0000.
 */
const NUL = '\u0000';

/**
 * JSON and NDJSON by the integer-cent path (plan-pass.ts): pass one writes each line's text before its fee fields to a
 * record file, pass two writes it with its fees, landed cost, effective rate and per-unit figures. The document is
 * the one `documentPasses` writes from the engine's lines (lineObject), to the byte.
 */
export async function jsonPasses(run: Run, style: 'json' | 'ndjson', query: Query, ledger: Ledger, targetMargin: Decimal | undefined): Promise<Finished> {
  const totals = new CentTotals();
  const records = new RecordWriter();
  try {
    const smallConsignment = smallConsignmentCents(run.ledger);
    const keep = (row: number, entryId: number, c: LineCents, head: string, cells: string[]) => {
      const landed = landedBeforeFees(c);
      totals.addLine(c.side, c, landed);
      // its cells, to price it again, only while its declaration's duty is small enough to be exempt
      const kept = c.side === 'CN' && run.book.mayBeExempt(entryId, smallConsignment) ? JSON.stringify(cells) : '';
      records.write(row, entryId, c.side === 'US' ? 0 : 1, 0n, 0n,
        [kept, head, c.quantity ?? '', c.price ?? '', landed, c.beforeTariffsPart, c.customsValue, c.duty].join(NUL));
    };
    const headOf = (slot: Slot<PlanJson>, record: CsvRecord, quick: QuickRow, p: PlannedLine, reader: QuickReader) => {
      const { sku, description } = reader.labels(record.cells);
      return slot.text.head({ row: record.row, date: quick.date, sku, description, quantity: quick.quantity }, p);
    };
    // the engine's line as text, made once however many plans it is compared with; a Chinese line's taxes and landed
    // cost come before its effective rate (finishCnLine; no exemption is known yet)
    let seen: LineResult | undefined;
    let seenHead = '';
    const engineHead = (r: LineResult) => (seen === r ? seenHead
      : (seenHead = headOfResult((seen = r).line.into === 'CN' ? finishCnLine({ ...r }, run.ledger, false, undefined) : r)));
    await planPassOne<PlanJson>(run, {
      textOf: (_plan, priced) => new PlanJson(priced),
      same: (slot, record, quick, p, priced, reader) => sameCents(lineCentsOfPlanned(slot.plan, p, quick), lineCentsOf(priced))
        && headOf(slot, record, quick, p, reader) === engineHead(priced) && sameWarnings(planWarningsOf(slot.plan, record.row), priced.warnings),
      planned: (record, id, slot, quick, p, reader) => keep(record.row, id, lineCentsOfPlanned(slot.plan, p, quick), headOf(slot, record, quick, p, reader), record.cells),
      priced: (record, id, r) => keep(record.row, id, lineCentsOf(r), engineHead(r), record.cells),
    });
    // an entry's fee shares add up to its fees: the totals take them whole
    afterPassOne(run, (mpf, hmf) => totals.addFees('US', mpf, hmf));
    records.close();

    const out = new StdoutBuffer();
    if (style === 'json') out.add(resultJson.head(query, ledger));
    const line = new RecordReader(records.file);
    let rowsOut = 0;
    while (line.next()) {
      if (++rowsOut % CHECK_HEAP_EVERY === 0) collectIfGrown();
      run.progress.writing(rowsOut, records.count);
      const side: Side = line.c === 0 ? 'US' : 'CN';
      const [cells, head, quantity, price, landed, before, customsValue, duty] = line.text().split(NUL) as [string, string, string, string, string, string, string, string];
      let text: string;
      const exemption = side === 'CN' ? run.book.exemption(line.b) : undefined;
      // an exempt declaration's duty was small all along, so each of its lines kept its cells (an entry's duty only grows)
      if (exemption) text = JSON.stringify(lineObject(exemptedLine(run, line.a, JSON.parse(cells) as string[], exemption, totals), targetMargin));
      else {
        const c = { side, beforeTariffsPart: BigInt(before), customsValue: BigInt(customsValue), duty: BigInt(duty), quantity: quantity === '' ? undefined : quantity,
          price: price === '' ? undefined : price };
        if (side === 'US') {
          const { mpf, hmf } = run.book.nextFees(line.b);
          const withFee = withFees(BigInt(landed), mpf, hmf);
          text = head + usFeeFields(mpf, hmf, withFee) + lineEnd(c, withFee.landed, targetMargin);
        } else text = head + lineEnd(c, BigInt(landed), targetMargin);
      }
      out.add(style === 'json' ? resultJson.line(text, rowsOut === 1) : `${text}\n`);
      if (out.full) await out.flush();
    }
    line.close();
    const sides = () => totalsBySide((side) => totals.get(side));
    return {
      get: (s) => totals.get(s),
      end: async (rejected, warnings) => {
        out.add(style === 'json' ? resultJson.tail(sides(), rejected, warnings, rowsOut > 0) : ndjsonTotals(sides(), rejected, warnings));
        await out.flush();
      },
    };
  } finally {
    records.remove();
  }
}
