import type { BillLine, RowError } from '../core/types.js';
import { mapHeader } from '../input/columns.js';
import { DecodeError, readCsv } from '../input/read.js';
import { parseRow, type LineDefaults } from '../input/row.js';
import { UserError } from './errors.js';
import { openInput } from './io.js';

export interface ReadBill {
  headers: string[];
  lines: BillLine[];
  rejected: RowError[];
  /** the cells of each priced row, kept only when asked (CSV output passes them through) */
  cellsByRow: Map<number, string[]>;
}

/** Read a CSV bill (file, or standard input for - / none): file-level problems throw, row problems are collected. */
export async function readBill(file: string | undefined, defaults: LineDefaults, keepCells: boolean, encoding?: string): Promise<ReadBill> {
  const name = file ?? 'standard input';
  const input = openInput(file);
  const lines: BillLine[] = [];
  const rejected: RowError[] = [];
  const cellsByRow = new Map<number, string[]>();
  let headers: string[] | undefined;
  let header: ReturnType<typeof mapHeader> | undefined;
  try {
    for await (const record of readCsv(input, { encoding })) {
      if (!header) {
        headers = record.cells;
        header = mapHeader(headers);
        if (header.errors.length > 0) throw new UserError(`${name}: row 1 (header): ${header.errors.join('; ')}`);
        continue;
      }
      if (record.cells.length > headers!.length) {
        rejected.push({ row: record.row, column: '(row)', message: `has ${record.cells.length} cells but the header has ${headers!.length}: check for an unquoted comma` });
        continue;
      }
      const parsed = parseRow(record.row, record.cells, header, defaults);
      if (Array.isArray(parsed)) rejected.push(...parsed);
      else {
        lines.push(parsed);
        if (keepCells) cellsByRow.set(record.row, record.cells);
      }
    }
  } catch (e) {
    if (e instanceof UserError) throw e;
    if (e instanceof DecodeError) throw new UserError(`${name}: ${e.message}: if the file is in another encoding, pass --encoding (e.g. gb18030 for Chinese Windows files, latin1)`);
    const err = e as { code?: string; lines?: number; message: string };
    if (err.code?.startsWith('CSV_')) throw new UserError(`${name}: the CSV cannot be read near line ${err.lines ?? '?'}: ${err.message}`);
    throw e;
  }
  if (!header) throw new UserError(`${name}: empty file: expected a header row with at least the columns hts and value`);
  if (lines.length === 0 && rejected.length === 0) process.stderr.write(`warning: ${name} has a header and no rows: nothing to price\n`);
  return { headers: headers!, lines, rejected, cellsByRow };
}
