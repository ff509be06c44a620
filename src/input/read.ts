import { parse } from 'csv-parse';
import { Readable } from 'node:stream';

export interface CsvRecord {
  /** spreadsheet row number: the header is row 1 */
  row: number;
  cells: string[];
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
 * Stream the records of a CSV bill: decoded strictly (undecodable bytes throw DecodeError), delimiter taken from
 * the header, a UTF-8 BOM dropped, CRLF or LF. Blank lines are skipped but counted, so row numbers match what a
 * spreadsheet shows; rows may have any number of cells.
 */
export async function* readCsv(input: Readable, options: ReadOptions = {}): AsyncGenerator<CsvRecord> {
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
      lines += text.split('\n').length - 1;
      return text;
    } catch {
      // locate the first bad byte for the message: decode leniently and find the replacement character
      const lenient = new TextDecoder(encoding).decode(chunk);
      const at = Math.max(0, lenient.indexOf('\uFFFD'));
      const before = lenient.slice(0, at);
      throw new DecodeError(encoding, offset + Buffer.byteLength(before), lines + before.split('\n').length - 1);
    }
  };
  let head = '';
  let done = false;
  while (!head.includes('\n')) {
    const next = await chunks.next();
    if (next.done) { done = true; break; }
    head += decode(next.value);
  }
  if (done) head += decode(Buffer.alloc(0), true);
  const delimiter = sniffDelimiter(head.slice(0, head.indexOf('\n') >= 0 ? head.indexOf('\n') : head.length));
  async function* text(): AsyncGenerator<string> {
    if (head) yield head;
    if (done) return;
    for (;;) {
      const next = await chunks.next();
      if (next.done) break;
      yield decode(next.value);
    }
    const tail = decode(Buffer.alloc(0), true);
    if (tail) yield tail;
  }
  const parser = Readable.from(text()).pipe(parse({ bom: true, relax_column_count: true, delimiter }));
  let row = 0;
  for await (const cells of parser as AsyncIterable<string[]>) {
    row++;
    if (cells.length === 1 && cells[0] === '') continue;
    yield { row, cells };
  }
}
