import type { Readable } from 'node:stream';
import { CsvSyntaxError, CsvTokenizer, MAX_RECORD, shown } from './csv-tokenizer.js';

export interface CsvRecord {
  /** spreadsheet row number: the header is row 1 */
  row: number;
  cells: string[];
  /** a line of a comma-separated bill without quotes: no cell holds a comma, a quote or a line break */
  plain: boolean;
}

export interface ReadOptions {
  /** the file's character encoding (default utf-8): gb18030, latin1, utf-16le... */
  encoding?: string;
}

/** Thrown for bytes the encoding cannot decode: a file-level problem. */
export class DecodeError extends Error {
  constructor(readonly encoding: string, readonly byteOffset: number, readonly line: number) {
    super(`line ${line} (byte ${byteOffset}) has bytes that are not valid ${encoding}`);
  }
}

/** The delimiter of a bill: the header's comma, semicolon (European Excel) or tab, whichever it uses outside quotes. */
export function sniffDelimiter(headerLine: string): string {
  const outside = headerLine.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, outside.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

/**
 * Stream the records of a CSV bill, a batch at a time: decoded strictly (undecodable bytes throw DecodeError),
 * delimiter taken from the header, a UTF-8 BOM dropped, CRLF, LF or CR; broken quoting throws CsvSyntaxError.
 * Blank lines are skipped but counted, so row numbers match what a spreadsheet shows; rows may have any number
 * of cells.
 */
export async function* readCsv(input: Readable, options: ReadOptions = {}): AsyncGenerator<CsvRecord[]> {
  const encoding = options.encoding ?? 'utf-8';
  const decoder = new TextDecoder(encoding, { fatal: true });
  const chunks = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  let offset = 0;
  let lines = 1;
  const decode = (chunk: Buffer | string, last = false): string => {
    if (typeof chunk === 'string') return chunk;
    try {
      const text = decoder.decode(chunk, { stream: !last });
      offset += chunk.length;
      lines += countLines(text);
      return text;
    } catch {
      // locate the first bad byte for the message: decode leniently and find the replacement character
      const lenient = new TextDecoder(encoding).decode(chunk);
      const at = Math.max(0, lenient.indexOf('\uFFFD'));
      const before = lenient.slice(0, at);
      throw new DecodeError(encoding, offset + Buffer.byteLength(before), lines + countLines(before));
    }
  };
  let head = '';
  let done = false;
  for (let piece = ''; !piece.includes('\n');) {
    const next = await chunks.next();
    if (next.done) { done = true; break; }
    piece = decode(next.value);
    head += piece;
    if (!piece.includes('\n') && head.length > MAX_RECORD) {
      throw new CsvSyntaxError(`the header (line 1) is longer than ${MAX_RECORD.toLocaleString('en-US')} characters with no line break (it starts ${shown(head)}): is this a CSV file?`, 1);
    }
  }
  if (done) head += decode(Buffer.alloc(0), true);
  const delimiter = sniffDelimiter(head.slice(0, head.indexOf('\n') >= 0 ? head.indexOf('\n') : head.length));
  const tokenizer = new CsvTokenizer(delimiter);
  const comma = delimiter === ',';
  let row = 0;
  const records = (text: string, last: boolean): CsvRecord[] => {
    const out: CsvRecord[] = [];
    for (const record of tokenizer.push(text, last)) {
      record.row = ++row;
      if (record.cells.length === 1 && record.cells[0] === '') continue;
      // output CSV is comma-separated: only a comma-separated bill's plain cells need no quotes there
      if (!comma) record.plain = false;
      out.push(record);
    }
    return out;
  };
  let batch = records(head, done);
  if (batch.length > 0) yield batch;
  if (done) return;
  for (;;) {
    const next = await chunks.next();
    if (next.done) break;
    batch = records(decode(next.value), false);
    if (batch.length > 0) yield batch;
  }
  batch = records(decode(Buffer.alloc(0), true), true);
  if (batch.length > 0) yield batch;
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
