import { once } from 'node:events';
import { ByteBuffer } from './byte-buffer.js';

/** Standard output written in large pieces, waiting when a pipe is full (memory stays bounded). */
export class StdoutBuffer {
  private readonly bytes = new ByteBuffer(1 << 18);
  /** flush() should be awaited before more is added */
  full = false;

  add(text: string): void {
    this.full = this.bytes.add(text);
  }

  addBytes(from: Buffer, start: number, end: number): void {
    this.full = this.bytes.addBytes(from, start, end);
  }

  async flush(): Promise<void> {
    const chunk = this.bytes.take();
    if (chunk.length > 0 && !process.stdout.write(chunk)) await once(process.stdout, 'drain');
  }
}

