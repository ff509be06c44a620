import { printable } from '../core/printable.js';
import type { BillLine, RowError } from '../core/types.js';
import { billRows, openBillStream, type BillSource } from '../input/bill.js';
import type { LineDefaults } from '../input/row.js';
import { openInput } from './io.js';

export { raggedRow, type BillSource } from '../input/bill.js';

/** Open a CSV bill (a file, or standard input for - / none) and read its header. */
export async function openBill(file: string | undefined, encoding?: string): Promise<BillSource> {
  const name = file === undefined || file === '-' ? 'standard input' : file;
  return openBillStream(openInput(file), name, encoding);
}

export interface ReadBill {
  headers: string[];
  lines: BillLine[];
  rejected: RowError[];
}

/** Read a whole bill into memory (compare, refund); file-level problems throw, row problems are collected. */
export async function readBill(file: string | undefined, defaults: LineDefaults, encoding?: string): Promise<ReadBill> {
  const bill = await openBill(file, encoding);
  const lines: BillLine[] = [];
  const rejected: RowError[] = [];
  for await (const r of billRows(bill, defaults)) {
    if ('line' in r) lines.push(r.line);
    else rejected.push(...r.errors);
  }
  for (const w of bill.header.warnings) process.stderr.write(`warning: row 1 (header): ${printable(w.text)}\n`);
  if (lines.length === 0 && rejected.length === 0) process.stderr.write(`warning: ${printable(bill.name)} has a header and no rows: nothing to price\n`);
  return { headers: bill.headers, lines, rejected };
}
