/**
 * RFC 4180 records from text that arrives in pieces. A bill of a million rows spends most of its reading time
 * in the CSV parser: csv-parse takes about 3.6 µs a row here, more than the budget of `calc` for all its other
 * work (issue 7), so rows are cut here instead — a row without a quote by `indexOf` and `split`, a row with
 * quotes field by field. It reads what csv-parse reads with the options the bills used (any number of cells,
 * the record delimiter taken from the first line: LF, CRLF or CR; quotes doubled inside quoted fields) and
 * refuses what it refuses (a quote inside an unquoted field, text after a closing quote, a quote not closed):
 * tests/unit/csv-tokenizer.test.ts compares the two on random text.
 */

/** Broken quoting: the message says what and where. */
export class CsvSyntaxError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
  }
}

import { quoted } from '../core/printable.js';

const QUOTE = '"';

/** The longest record (row) read, in characters: 4 MiB. Beyond it the file is refused, so a quote never closed or a
 * file with no line break (`/dev/zero`) costs bounded time and memory instead of all of it. */
export const MAX_RECORD = 4 << 20;

/** A record's start, shown in a message: at most 40 characters, quoted, control codes escaped. */
export const shown = quoted;

/** A record's cells; `plain` when its line has no quote, so no cell holds a delimiter, a quote or a line break; `row`
 * is left for the reader to number (src/input/read.ts). */
export interface Cells {
  row: number;
  cells: string[];
  plain: boolean;
}

export class CsvTokenizer {
  private rest = '';
  /** the physical line at the start of `rest` */
  private line = 1;
  private newline: string | undefined;
  private started = false;
  /** the length of `rest` when a push ended inside a record: it is read again once the text has doubled, so a long
   * record (a quoted field left open) is scanned a bounded number of times, not once per piece */
  private waiting = 0;

  constructor(private readonly delimiter: string) {}

  /** The records complete in the text read so far; `last` when no more text comes. */
  push(text: string, last = false): Cells[] {
    let buf = this.rest + text;
    if (!last && this.waiting > 0 && buf.length < 2 * this.waiting) {
      this.rest = buf;
      this.refuseLong(buf.length, buf);
      return [];
    }
    if (!this.started && buf.length > 0) {
      this.started = true;
      if (buf.charCodeAt(0) === 0xfeff) buf = buf.slice(1);
    }
    const records: Cells[] = [];
    const newline = this.newline ?? (this.newline = detectNewline(buf, last));
    if (newline === undefined) {
      this.rest = buf;
      this.waiting = buf.length;
      this.refuseLong(buf.length, buf);
      if (last && buf.length > 0) return this.lastRecord(buf, records);
      return records;
    }
    const d = this.delimiter;
    const n = buf.length;
    let pos = 0;
    // the next quote at or after pos (searched again only once passed)
    let quote = buf.indexOf(QUOTE);
    if (quote < 0) quote = n;
    while (pos < n) {
      let end = buf.indexOf(newline, pos);
      if (quote < pos) {
        quote = buf.indexOf(QUOTE, pos);
        if (quote < 0) quote = n;
      }
      if (end >= 0 && quote > end) {
        this.refuseLong(end - pos, buf, pos);
        records.push({ row: 0, cells: buf.slice(pos, end).split(d), plain: true });
        pos = end + newline.length;
        this.line++;
        continue;
      }
      if (end < 0 && quote >= n) {
        if (!last) break;
        end = n;
        this.refuseLong(end - pos, buf, pos);
        records.push({ row: 0, cells: buf.slice(pos, end).split(d), plain: true });
        pos = n;
        break;
      }
      const quoted = this.quotedRecord(buf, pos, newline, last);
      if (!quoted) break;
      this.refuseLong(quoted.next - pos, buf, pos);
      records.push({ row: 0, cells: quoted.cells, plain: false });
      pos = quoted.next;
    }
    this.rest = buf.slice(pos);
    this.waiting = this.rest.length;
    this.refuseLong(this.rest.length, this.rest);
    return records;
  }

  /** A record of `length` characters from `start` is refused past MAX_RECORD, with its start shown. */
  private refuseLong(length: number, buf: string, start = 0): void {
    if (length <= MAX_RECORD) return;
    throw new CsvSyntaxError(`the row starting on line ${this.line} is longer than ${MAX_RECORD.toLocaleString('en-US')} characters (it starts ${shown(buf.slice(start, start + 41))}): a row is at most 4 MiB; a quoted field may be missing its closing quote`, this.line);
  }

  /** A file that never ends a line: one record (or a quoted field left open). */
  private lastRecord(buf: string, records: Cells[]): Cells[] {
    const quoted = this.quotedRecord(buf, 0, '\n', true);
    if (quoted) records.push({ row: 0, cells: quoted.cells, plain: false });
    this.rest = '';
    return records;
  }

  /** One record field by field from `start`, or undefined when it needs more text. */
  private quotedRecord(buf: string, start: number, newline: string, last: boolean): { cells: string[]; next: number } | undefined {
    const d = this.delimiter;
    const cells: string[] = [];
    let i = start;
    let lines = 0;
    for (;;) {
      if (buf.charCodeAt(i) === 34 /* " */) {
        let value = '';
        let j = i + 1;
        for (;;) {
          const k = buf.indexOf(QUOTE, j);
          if (k < 0 || (k + 1 >= buf.length && !last)) {
            if (last) throw new CsvSyntaxError(`a quoted field opened on line ${this.line + countOf(buf, newline, start, i)} is not closed: a quote is missing`, this.line + countOf(buf, newline, start, i));
            return undefined;
          }
          value += buf.slice(j, k);
          if (buf.charCodeAt(k + 1) === 34) {
            value += QUOTE;
            j = k + 2;
            continue;
          }
          i = k + 1;
          break;
        }
        lines += countOf(value, newline, 0, value.length);
        cells.push(value);
        if (i >= buf.length) {
          if (!last) return undefined;
          this.line += lines;
          return { cells, next: i };
        }
        if (buf.startsWith(d, i)) {
          i += d.length;
          continue;
        }
        if (buf.startsWith(newline, i)) {
          this.line += lines + 1;
          return { cells, next: i + newline.length };
        }
        if (!last && buf.length - i < newline.length && newline.startsWith(buf.slice(i))) return undefined;
        const at = this.line + lines;
        throw new CsvSyntaxError(`after the closing quote of a field on line ${at} comes "${buf[i]}": a quoted field ends with the quote, then the delimiter or the end of the line`, at);
      }
      let end = buf.indexOf(newline, i);
      const next = buf.indexOf(d, i);
      const endsRecord = next < 0 || (end >= 0 && end < next);
      if (endsRecord && end < 0) {
        if (!last) return undefined;
        end = buf.length;
      }
      const stop = endsRecord ? end : next;
      const value = buf.slice(i, stop);
      if (value.includes(QUOTE)) {
        const at = this.line + lines;
        throw new CsvSyntaxError(`a quote inside an unquoted field on line ${at} (${shown(value)}): put the whole field in quotes and double the quotes inside it`, at);
      }
      cells.push(value);
      if (!endsRecord) {
        i = next + d.length;
        continue;
      }
      this.line += lines + 1;
      return { cells, next: Math.min(buf.length, end + newline.length) };
    }
  }
}

/** How many times `what` occurs in text[from, to). */
function countOf(text: string, what: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf(what, from); i >= 0 && i < to; i = text.indexOf(what, i + what.length)) count++;
  return count;
}

/** The record delimiter: the first line ending outside quotes (CRLF, LF or CR), as csv-parse decides it. */
function detectNewline(buf: string, last: boolean): string | undefined {
  let inQuotes = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (!inQuotes && c === 10) return '\n';
    else if (!inQuotes && c === 13) {
      if (i + 1 < buf.length) return buf.charCodeAt(i + 1) === 10 ? '\r\n' : '\r';
      if (last) return '\r';
      return undefined;
    }
  }
  return last ? '\n' : undefined;
}
