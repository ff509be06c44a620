/**
 * Text gathered into one reused block of bytes and handed on when the block is nearly full. Building a large
 * string from many small ones (`+=`) makes a tree that outlives the young generation and is flattened again on
 * write; writing each piece straight into bytes leaves nothing behind.
 */
export class ByteBuffer {
  private buf: Buffer;
  private pos = 0;

  constructor(private readonly size = 1 << 20) {
    this.buf = Buffer.allocUnsafe(size);
  }

  /** Add text; true when the block should be taken (take()) before more is added. */
  add(text: string): boolean {
    if (text.length * 3 > this.buf.length - this.pos) this.grow(text.length * 3);
    this.pos += this.buf.write(text, this.pos);
    return this.pos > this.size / 2;
  }

  /** Add bytes [start, end) of another buffer; true as add(). */
  addBytes(from: Buffer, start: number, end: number): boolean {
    this.grow(end - start);
    this.pos += from.copy(this.buf, this.pos, start, end);
    return this.pos > this.size / 2;
  }

  /** The bytes gathered so far (free to keep: they are not copied, the next ones go to a new block). */
  take(): Buffer {
    const out = this.buf.subarray(0, this.pos);
    if (this.pos === 0) return out;
    this.buf = Buffer.allocUnsafe(this.size);
    this.pos = 0;
    return out;
  }

  /** The bytes gathered so far without copying: valid until the next add. */
  peek(): Buffer {
    const out = this.buf.subarray(0, this.pos);
    this.pos = 0;
    return out;
  }

  private grow(need: number): void {
    if (this.pos + need <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + need));
    this.buf.copy(bigger, 0, 0, this.pos);
    this.buf = bigger;
  }
}
