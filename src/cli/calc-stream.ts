import { toCents } from '../core/money.js';
import { CN_RECORD, type LineEncoder } from '../output/line-encoder.js';
import { collectGarbage, collectIfGrown } from './collect-garbage.js';
import { planPassOne } from './plan-pass.js';
import { RecordReader, RecordWriter } from './record-file.js';
import { CHECK_HEAP_EVERY, afterPassOne, enter, priceRow, rows, type Finished, type Run } from './run.js';
import { StdoutBuffer } from './stdout-buffer.js';

/**
 * `tariff calc`'s one path, whatever the format: the bill is streamed twice. Pass one prices each row (by a plan of
 * its kind of line when the encoder has plans, otherwise by the engine), puts its value and duty on its entry, and
 * hands it to the encoder, which keeps a record of it in a temporary file. Then each entry's fees and each Chinese
 * declaration's exemption are set, and pass two reads the records in order, each US line with its share of its
 * entry's fees, for the encoder to write.
 */
export async function streamCalc(run: Run, encoder: LineEncoder): Promise<Finished> {
  const records = new RecordWriter();
  try {
    if (encoder.plans) await planPassOne(run, encoder.plans, (record, id, r) => encoder.priced(record, id, r, records), records);
    else {
      for await (const batch of rows(run, encoder.gcEvery)) for (const record of batch) {
        const r = priceRow(run, record);
        if (r) encoder.priced(record, enter(run, r.line.into, r.line.entry, r.line.date, toCents(r.line.value), toCents(r.duty)), r, records);
      }
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
