// The progress line of a long run: rows and rate while the bill is read, then lines written; at most every half
// second and every 1,024 rows; cleared at the end; nothing at all when disabled (a pipe, --quiet).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Progress } from '../../src/cli/progress.js';

describe('Progress', () => {
  let written: string[];
  beforeEach(() => {
    written = [];
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-26T12:00:00Z'));
    vi.spyOn(process.stderr, 'write').mockImplementation((text: string | Uint8Array) => { written.push(String(text)); return true; });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('shows rows and rate, then lines written, and clears the line at the end', () => {
    const p = new Progress(true);
    vi.advanceTimersByTime(400);
    p.tick(1024); // within half a second of the start: not shown
    vi.advanceTimersByTime(112);
    p.tick(1025); // not a multiple of 1,024
    p.tick(2048); // 512 ms: 2,048 rows in 0.512 s = 4,000 rows/s
    vi.advanceTimersByTime(100);
    p.tick(3072); // 100 ms after the last: not shown
    vi.advanceTimersByTime(500);
    p.writing(4096, 10_000);
    p.done();
    expect(written).toEqual(['\r2,048 rows, 4,000 rows/s\x1b[K', '\rwriting: 4,096 of 10,000 lines\x1b[K', '\r\x1b[K']);
  });

  it('writes nothing when disabled, nor clears a line it never showed', () => {
    const p = new Progress(false);
    vi.advanceTimersByTime(5000);
    p.tick(1024 * 100);
    p.writing(1024, 2048);
    p.done();
    new Progress(true).done();
    expect(written).toEqual([]);
  });
});
