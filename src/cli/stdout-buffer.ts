import { once } from 'node:events';
import fs from 'node:fs';
import { ByteBuffer } from './byte-buffer.js';

/** Whether standard output is a regular file (written synchronously by Node anyway). */
function stdoutIsFile(): boolean {
  try {
    return fs.fstatSync(1).isFile();
  } catch {
    return false;
  }
}

/**
 * Standard output written in large pieces, waiting when a pipe is full (memory stays bounded). Into a file the
 * pieces are written at once from one block, used again: handing each block to the stream left hundreds of blocks
 * of a long bill for the collector (about 20 MB of the peak on the real bill at a million lines).
 */
export class StdoutBuffer {
  private readonly bytes = new ByteBuffer(1 << 18);
  private readonly toFile = stdoutIsFile();
  /** flush() should be awaited before more is added */
  full = false;

  add(text: string): void {
    this.full = this.bytes.add(text);
  }

  addBytes(from: Buffer, start: number, end: number): void {
    this.full = this.bytes.addBytes(from, start, end);
  }

  async flush(): Promise<void> {
    if (this.toFile) {
      const chunk = this.bytes.peek();
      for (let at = 0; at < chunk.length;) at += fs.writeSync(1, chunk, at);
      this.full = false;
      return;
    }
    const chunk = this.bytes.take();
    if (chunk.length > 0 && !process.stdout.write(chunk)) await once(process.stdout, 'drain');
  }
}
