import { RowPricer } from '../input/row-pricer.js';
import { CN_RECORD, type LineEncoder } from '../output/line-encoder.js';
import { collectGarbage, collectIfGrown } from './collect-garbage.js';
import { RecordReader, RecordWriter } from './record-file.js';
import { CHECK_HEAP_EVERY, afterPassOne, enter, rows, take, type Finished, type Run } from './run.js';
import { StdoutBuffer } from './stdout-buffer.js';

/**
 * `tariff calc`'s one path, whatever the format: the bill is streamed twice. Pass one prices each row (RowPricer: by
 * the engine, or by its memo of the row's kind of line), says its warnings, puts its value and duty on its entry, and
 * hands it to the encoder, which keeps a record of it in a temporary file. Then each entry's fees and each Chinese
 * declaration's exemption are set, and pass two reads the records in order, each US line with its share of its
 * entry's fees, for the encoder to write.
 */
export async function streamCalc(run: Run, encoder: LineEncoder): Promise<Finished> {
  const records = new RecordWriter();
  try {
    const pricer = new RowPricer(run.bill.header, run.defaults, run.ledger, { plans: encoder.plans, explain: run.explain });
    for await (const batch of rows(run, encoder.gcEvery)) for (let i = 0; i < batch.length; i++) {
      const record = take(batch, i);
      const line = pricer.price(record);
      if (Array.isArray(line)) {
        run.rejected.push(...line);
        continue;
      }
      for (const w of line.texts.warnings) run.warnings.addAbout(w.warning, w.perRow ? line.row : undefined);
      encoder.keep(record, enter(run, line.texts.side, line.entry, line.date, line.cents.value, line.cents.duty), line, records);
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
