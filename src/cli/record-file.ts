import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A temporary file of binary records, written in order and read back once in order, then removed. A record is three
 * u32 and two i64 (little-endian) and one text as UTF-8 bytes (its length first, u32). The text is read back as a byte
 * range, so what goes to the output as it was written is copied, never decoded.
 */
export class RecordWriter {
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tariff-'));
  readonly file = path.join(this.dir, 'records');
  private readonly fd = fs.openSync(this.file, 'w');
  private buf = Buffer.allocUnsafe(1 << 20);
  private pos = 0;

  write(a: number, b: number, c: number, x: bigint, y: bigint, text: string): void {
    const need = 32 + text.length * 3;
    if (this.pos + need > this.buf.length) {
      this.flush();
      if (need > this.buf.length) this.buf = Buffer.allocUnsafe(need * 2);
    }
    const buf = this.buf;
    let p = this.pos;
    buf.writeUInt32LE(a, p);
    buf.writeUInt32LE(b, p + 4);
    buf.writeUInt32LE(c, p + 8);
    buf.writeBigInt64LE(x, p + 12);
    buf.writeBigInt64LE(y, p + 20);
    const n = buf.write(text, p + 32);
    buf.writeUInt32LE(n, p + 28);
    p += 32 + n;
    this.pos = p;
  }

  private flush(): void {
    if (this.pos > 0) fs.writeSync(this.fd, this.buf, 0, this.pos);
    this.pos = 0;
  }

  /** Stop writing; the records are then read with RecordReader. */
  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Reads the records of a RecordWriter's file in order: next() moves to the next record, whose fields are then read in place. */
export class RecordReader {
  private readonly fd: number;
  private buf = Buffer.allocUnsafe(1 << 20);
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

  /** The i64 of the current record, read when asked for (the text follows them: x at from - 20, y at from - 12). */
  get x(): bigint {
    return this.buf.readBigInt64LE(this.from - 20);
  }

  get y(): bigint {
    return this.buf.readBigInt64LE(this.from - 12);
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
    const n = buf.readUInt32LE(p + 28);
    if (!this.ensure(32 + n)) throw new Error('record file cut short');
    this.from = this.start + 32;
    this.to = this.from + n;
    this.start = this.to;
    return true;
  }

  /** At least `n` bytes from `start` in the buffer (moved to its front if more must be read); false at the end. */
  private ensure(n: number): boolean {
    if (this.end - this.start >= n) return true;
    const kept = this.end - this.start;
    if (n > this.buf.length) {
      const bigger = Buffer.allocUnsafe(n * 2);
      this.buf.copy(bigger, 0, this.start, this.end);
      this.buf = bigger;
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
