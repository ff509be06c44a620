/** weights in a block (512 KB, committed by the system only as it fills) */
const BLOCK = 1 << 16;
/** weights in a segment: an entry takes a segment at a time */
const SEGMENT = 16;
const SEGMENTS_PER_BLOCK = BLOCK / SEGMENT;

/**
 * The weights (line values in whole cents, 8 bytes a line) of every entry of a streamed bill, in shared blocks: a
 * typed array or a JavaScript array per entry costs far more than its 8 bytes a line (its object, the allocator, the
 * copies left behind by growth). An entry takes a segment of 16 places at a time; its segments are linked, so a bill
 * whose entries are interleaved costs no more than one read entry by entry.
 */
export class WeightPool {
  private readonly blocks: BigInt64Array[] = [];
  /** per segment: the next segment of its entry, or 0 (segment 0 is always an entry's first) */
  private next = new Int32Array(1024);
  private segments = 0;

  /** A new segment after `previous` (or the first of an entry, with -1); returns it. */
  segment(previous: number): number {
    const s = this.segments++;
    if (s % SEGMENTS_PER_BLOCK === 0) this.blocks.push(new BigInt64Array(BLOCK));
    if (s === this.next.length) {
      const bigger = new Int32Array(this.next.length * 2);
      bigger.set(this.next);
      this.next = bigger;
    }
    if (previous >= 0) this.next[previous] = s;
    return s;
  }

  /** Set place `i` (0 to 15) of segment `s`. */
  set(s: number, i: number, cents: bigint): void {
    this.blocks[Math.floor(s / SEGMENTS_PER_BLOCK)]![(s % SEGMENTS_PER_BLOCK) * SEGMENT + i] = cents;
  }

  /** The first `count` weights of the entry whose first segment is `first`, in order. */
  gather(first: number, count: number): BigInt64Array {
    const out = new BigInt64Array(count);
    let s = first;
    for (let at = 0; at < count; at += SEGMENT) {
      const from = (s % SEGMENTS_PER_BLOCK) * SEGMENT;
      out.set(this.blocks[Math.floor(s / SEGMENTS_PER_BLOCK)]!.subarray(from, from + Math.min(SEGMENT, count - at)), at);
      s = this.next[s]!;
    }
    return out;
  }
}

export { SEGMENT };
