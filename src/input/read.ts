import { parse } from 'csv-parse';
import type { Readable } from 'node:stream';

export interface CsvRecord {
  /** spreadsheet row number: the header is row 1 */
  row: number;
  cells: string[];
}

/**
 * Stream the records of a CSV bill. A UTF-8 BOM is dropped; rows may have any number of cells.
 * Blank lines are skipped but still counted, so row numbers match what a spreadsheet shows.
 */
export async function* readCsv(input: Readable): AsyncGenerator<CsvRecord> {
  const parser = input.pipe(parse({ bom: true, relax_column_count: true }));
  let row = 0;
  for await (const cells of parser as AsyncIterable<string[]>) {
    row++;
    if (cells.length === 1 && cells[0] === '') continue;
    yield { row, cells };
  }
}
