import { toCents } from '../core/money.js';
import { PlanMemo } from '../core/plan-memo.js';
import { engineLine, plannedLine } from '../core/priced-line.js';
import { dateWindows } from '../core/windows.js';
import { QuickReader } from '../input/fast-row.js';
import { CN_RECORD, type LineEncoder } from '../output/line-encoder.js';
import { collectGarbage, collectIfGrown } from './collect-garbage.js';
import { RecordReader, RecordWriter } from './record-file.js';
import { CHECK_HEAP_EVERY, afterPassOne, enter, priceRow, rows, type Finished, type Run } from './run.js';
import { StdoutBuffer } from './stdout-buffer.js';

/**
 * `tariff calc`'s one path, whatever the format: the bill is streamed twice. Pass one prices each row, puts its value
 * and duty on its entry, and hands it to the encoder, which keeps a record of it in a temporary file. A row in the
 * plain form (fast-row.ts) whose kind of line the engine has priced in its window of dates is priced by the engine's
 * memo (core/plan-memo.ts), in whole cents; every other row by the engine itself. An encoder that needs every detail
 * of a line (the table, the 7501, --explain) takes no planned lines. Then each entry's fees and each Chinese
 * declaration's exemption are set, and pass two reads the records in order, each US line with its share of its
 * entry's fees, for the encoder to write.
 */
export async function streamCalc(run: Run, encoder: LineEncoder): Promise<Finished> {
  const records = new RecordWriter();
  try {
    const reader = encoder.plans ? new QuickReader(run.bill.header, run.defaults, dateWindows(run.ledger)) : undefined;
    const memo = new PlanMemo(run.ledger);
    for await (const batch of rows(run, encoder.gcEvery)) for (const record of batch) {
      const quick = reader?.read(record.cells);
      const plan = quick && memo.plan(quick);
      const p = plan && plan.price(quick.amounts);
      if (p) {
        for (const w of plan.warnings) run.warnings.addAbout(w.warning, w.perRow ? record.row : undefined);
        // the side and date of the kind's lines in this window were noted with the first of them (enter, below)
        const id = run.book.add(quick.into, quick.entry, quick.date, run.defaults.mode, quick.amounts.value, p.duty);
        const { sku, description } = reader!.labels(record.cells);
        encoder.keep(record, id, plannedLine(plan, p, { row: record.row, date: quick.date, sku, description, quantity: quick.quantity, price: quick.price }), records);
        continue;
      }
      const r = priceRow(run, record);
      if (quick && !plan) memo.learn(quick, r);
      if (r) encoder.keep(record, enter(run, r.line.into, r.line.entry, r.line.date, toCents(r.line.value), toCents(r.duty)), engineLine(r), records);
    }
    afterPassOne(run, encoder.entryFees);
    records.close();

    const out = new StdoutBuffer();
    encoder.begin(out);
    const record = new RecordReader(records.file);
    let rowsOut = 0;
    while (record.next()) {
      rowsOut++;
      if (encoder.gcEvery) {
        if (rowsOut % encoder.gcEvery === 0) collectGarbage();
      } else if (rowsOut % CHECK_HEAP_EVERY === 0) collectIfGrown();
      run.progress.writing(rowsOut, records.count);
      if ((record.c & CN_RECORD) !== 0) encoder.cnLine(record, run.book.exemption(record.b), out);
      else {
        const { mpf, hmf } = run.book.nextFees(record.b);
        encoder.usLine(record, mpf, hmf, out);
      }
      if (out.full) await out.flush();
    }
    record.close();
    return {
      get: (side) => encoder.totals(side),
      end: async (rejected, warnings) => {
        encoder.end(rejected, warnings, out);
        await out.flush();
      },
    };
  } finally {
    records.remove();
  }
}
