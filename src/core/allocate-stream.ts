/**
 * Blocks of weights shared by many CentWeights (the entries of one bill), handed out 16 at a time: a small growing
 * typed array per entry costs far more than its 8 bytes a line (array objects, allocator overhead, the copies left
 * behind by growth). Blocks start small and double up to 65,536 weights.
 */
export class WeightPool {
  private readonly blocks: BigInt64Array[] = [];
  private used = 0;
  private size = 0;

  /** A run of 16 places: its address (block << 16 | offset). */
  segment(): number {
    if (this.used + SEGMENT > this.size) {
      this.size = Math.min(BLOCK, Math.max(4 * SEGMENT, this.size * 2));
      this.blocks.push(new BigInt64Array(this.size));
      this.used = 0;
    }
    const at = ((this.blocks.length - 1) << 16) | this.used;
    this.used += SEGMENT;
    return at;
  }

  get(at: number): bigint {
    return this.blocks[at >>> 16]![at & (BLOCK - 1)]!;
  }

  set(at: number, value: bigint): void {
    this.blocks[at >>> 16]![at & (BLOCK - 1)] = value;
  }
}

const BLOCK = 1 << 16;
const SEGMENT = 16;

/**
 * The same split as allocateCents (pro rata, leftover cents to the largest remainders, the earlier line on a tie)
 * without holding the lines: the weights are kept as integer cents (8 bytes a line, in a WeightPool), the leftover
 * cents are decided once the entry is complete, and each line's share is then asked for in file order.
 */
export class CentWeights {
  /** where each run of 16 weights starts in the pool */
  private readonly segments: number[] = [];
  count = 0;
  total = 0n;

  constructor(private readonly pool = new WeightPool()) {}

  push(cents: bigint): number {
    if ((this.count & (SEGMENT - 1)) === 0) this.segments.push(this.pool.segment());
    this.pool.set(this.segments[this.count >>> 4]! + (this.count & (SEGMENT - 1)), cents);
    this.total += cents;
    return this.count++;
  }

  weight(i: number): bigint {
    return this.pool.get(this.segments[i >>> 4]! + (i & (SEGMENT - 1)));
  }

  /** Split `amount` cents over the weights; shares are then read with StreamSplit.next in the order the weights came. */
  split(amount: bigint): StreamSplit {
    return new StreamSplit(amount, this);
  }
}

export class StreamSplit {
  private readonly weightSum: bigint;
  private readonly threshold: bigint;
  private readonly ties: bigint;
  private tiesGiven = 0n;
  /** all weights are zero: the amount is split evenly */
  private readonly even: boolean;

  constructor(private readonly amount: bigint, private readonly weights: CentWeights) {
    const n = weights.count;
    this.even = weights.total <= 0n;
    this.weightSum = this.even ? BigInt(n) : weights.total;
    if (amount === 0n || n <= 1) {
      // nothing to share, or one line takes it all
      this.threshold = -1n;
      this.ties = 0n;
      return;
    }
    const rems = new BigInt64Array(n);
    let floors = 0n;
    for (let i = 0; i < n; i++) {
      const share = amount * this.w(i);
      floors += share / this.weightSum;
      rems[i] = share % this.weightSum;
    }
    const leftover = amount - floors; // fewer than n
    if (leftover <= 0n || n === 0) {
      this.threshold = this.weightSum; // no remainder reaches it
      this.ties = 0n;
      return;
    }
    const sorted = rems.slice().sort(); // ascending
    const t = sorted[n - Number(leftover)]!; // the smallest remainder that still wins
    let above = 0n;
    for (let i = 0; i < n; i++) if (rems[i]! > t) above++;
    this.threshold = t;
    this.ties = leftover - above;
  }

  private w(i: number): bigint {
    return this.even ? 1n : this.weights.weight(i);
  }

  /** The share, in cents, of weight i; call it for i = 0, 1, 2... in order. */
  share(i: number): bigint {
    if (this.amount === 0n) return 0n;
    if (this.weights.count === 1) return this.amount;
    const s = this.amount * this.w(i);
    const floor = s / this.weightSum;
    const rem = s % this.weightSum;
    if (rem > this.threshold) return floor + 1n;
    if (rem === this.threshold && this.tiesGiven < this.ties) {
      this.tiesGiven++;
      return floor + 1n;
    }
    return floor;
  }
}
