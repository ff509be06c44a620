import fs from 'node:fs';
import { newTempFile, onTempFiles, removeTempDir } from './temp-files.js';

/**
 * A temporary file of binary records, written in order and read back once in order, then removed. A record is three
 * u32, the text's byte length (u32), two i64 (little-endian) and the text as UTF-8 bytes, padded to a multiple of 8 so
 * the next record's i64 stay aligned for a BigInt64Array view. The text is read back as a byte range, so what goes to
 * the output as it was written is copied, never decoded.
 */
export class RecordWriter {
  private readonly temp = newTempFile('records');
  readonly file = this.temp.file;
  private readonly fd = this.temp.fd;
  private buf = aligned(1 << 20);
  private i64 = new BigInt64Array(this.buf.buffer, this.buf.byteOffset, this.buf.length >>> 3);
  private pos = 0;

  /** records written */
  count = 0;

  write(a: number, b: number, c: number, x: bigint, y: bigint, text: string): void {
    this.count++;
    const need = 32 + text.length * 3 + 8;
    if (this.pos + need > this.buf.length) {
      this.flush();
      if (need > this.buf.length) {
        this.buf = aligned(need * 2);
        this.i64 = new BigInt64Array(this.buf.buffer, this.buf.byteOffset, this.buf.length >>> 3);
      }
    }
    const buf = this.buf;
    const p = this.pos;
    buf.writeUInt32LE(a, p);
    buf.writeUInt32LE(b, p + 4);
    buf.writeUInt32LE(c, p + 8);
    this.i64[(p >>> 3) + 2] = x;
    this.i64[(p >>> 3) + 3] = y;
    const n = buf.write(text, p + 32);
    buf.writeUInt32LE(n, p + 12);
    this.pos = p + 32 + ((n + 7) & ~7);
  }

  private flush(): void {
    if (this.pos > 0) onTempFiles(() => fs.writeSync(this.fd, this.buf, 0, this.pos));
    this.pos = 0;
  }

  /** Stop writing; the records are then read with RecordReader. */
  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }

  remove(): void {
    removeTempDir(this.temp.dir);
  }
}

/** Reads the records of a RecordWriter's file in order: next() moves to the next record, whose fields are then read in place. */
export class RecordReader {
  private readonly fd: number;
  private buf = aligned(1 << 20);
  private i64 = new BigInt64Array(this.buf.buffer, this.buf.byteOffset, this.buf.length >>> 3);
  private start = 0;
  private end = 0;
  private eof = false;
  a = 0;
  b = 0;
  c = 0;
  /** the text's bytes are bytes[from, to), until the next call to next() */
  from = 0;
  to = 0;

  constructor(file: string) {
    this.fd = fs.openSync(file, 'r');
  }

  get bytes(): Buffer {
    return this.buf;
  }

  /** The i64 of the current record, read when asked for (the text follows them: x at from - 16, y at from - 8). */
  get x(): bigint {
    return this.i64[(this.from - 16) >>> 3]!;
  }

  get y(): bigint {
    return this.i64[(this.from - 8) >>> 3]!;
  }

  /** The text, or the part of it in bytes [from, to). */
  text(from = this.from, to = this.to): string {
    return this.buf.toString('utf8', from, to);
  }

  next(): boolean {
    if (!this.ensure(32)) return false;
    const buf = this.buf;
    const p = this.start;
    this.a = buf.readUInt32LE(p);
    this.b = buf.readUInt32LE(p + 4);
    this.c = buf.readUInt32LE(p + 8);
    const n = buf.readUInt32LE(p + 12);
    const padded = (n + 7) & ~7;
    if (!this.ensure(32 + padded)) throw new Error('record file cut short');
    this.from = this.start + 32;
    this.to = this.from + n;
    this.start = this.from + padded;
    return true;
  }

  /** At least `n` bytes from `start` in the buffer (moved to its front if more must be read); false at the end. */
  private ensure(n: number): boolean {
    if (this.end - this.start >= n) return true;
    const kept = this.end - this.start;
    if (n > this.buf.length) {
      const bigger = aligned(n * 2);
      this.buf.copy(bigger, 0, this.start, this.end);
      this.buf = bigger;
      this.i64 = new BigInt64Array(this.buf.buffer, this.buf.byteOffset, this.buf.length >>> 3);
    } else this.buf.copy(this.buf, 0, this.start, this.end);
    this.start = 0;
    this.end = kept;
    while (this.end < n && !this.eof) {
      const got = fs.readSync(this.fd, this.buf, this.end, this.buf.length - this.end, null);
      if (got === 0) this.eof = true;
      this.end += got;
    }
    return this.end - this.start >= n;
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}

/** A buffer of its own memory, 8-byte aligned (Buffer.allocUnsafe may share a pool at any offset). */
function aligned(size: number): Buffer {
  return Buffer.from(new ArrayBuffer((size + 7) & ~7));
}
