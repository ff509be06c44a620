/** weights in a block (512 KB, committed by the system only as it fills) */
const BLOCK = 1 << 16;
/** weights in a segment: an entry takes a segment at a time */
const SEGMENT = 16;
const SEGMENTS_PER_BLOCK = BLOCK / SEGMENT;
const INT64 = 2n ** 63n;
/** in place of a weight past 64 bits (a weight is never negative): the weight itself is in `huge` */
const HUGE = -1n;

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
  /** the weights that do not fit in 64 bits (a line's value in cents after --fx), by place */
  private readonly huge = new Map<number, bigint>();

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
    let stored = cents;
    if (cents >= INT64) {
      this.huge.set(s * SEGMENT + i, cents);
      stored = HUGE;
    }
    this.blocks[Math.floor(s / SEGMENTS_PER_BLOCK)]![(s % SEGMENTS_PER_BLOCK) * SEGMENT + i] = stored;
  }

  /** The first `count` weights of the entry whose first segment is `first`, in order. */
  gather(first: number, count: number): BigInt64Array | bigint[] {
    const out = new BigInt64Array(count);
    // where weights past 64 bits go: [index in out, place in the pool]
    const huge: number[] = [];
    let s = first;
    for (let at = 0; at < count; at += SEGMENT) {
      const from = (s % SEGMENTS_PER_BLOCK) * SEGMENT;
      const n = Math.min(SEGMENT, count - at);
      out.set(this.blocks[Math.floor(s / SEGMENTS_PER_BLOCK)]!.subarray(from, from + n), at);
      if (this.huge.size > 0) for (let i = 0; i < n; i++) if (out[at + i] === HUGE) huge.push(at + i, s * SEGMENT + i);
      s = this.next[s]!;
    }
    if (huge.length === 0) return out;
    const weights = Array.from(out);
    for (let k = 0; k < huge.length; k += 2) weights[huge[k]!] = this.huge.get(huge[k + 1]!)!;
    return weights;
  }
}

export { SEGMENT };
