const INT64 = 2n ** 63n;

/**
 * Weights in whole cents, gathered one at a time (8 bytes each while they fit in 64 bits), to be split with StreamSplit.
 */
export class CentWeights {
  private values: BigInt64Array | bigint[] = new BigInt64Array(8);
  private view: BigInt64Array | bigint[] | undefined;
  count = 0;
  total = 0n;

  push(cents: bigint): number {
    let values = this.values;
    if (values instanceof BigInt64Array) {
      // a weight past 64 bits would wrap: such weights are kept as they are
      if (cents >= INT64 || cents < -INT64) values = this.values = Array.from(values.subarray(0, this.count));
      else if (this.count === values.length) {
        const bigger = new BigInt64Array(values.length * 2);
        bigger.set(values);
        values = this.values = bigger;
      }
    }
    values[this.count] = cents;
    this.total += cents;
    this.view = undefined;
    return this.count++;
  }

  /** Split `amount` cents over the weights; shares are then read with StreamSplit.share in the order the weights came. */
  split(amount: bigint): StreamSplit {
    this.view ??= this.values.slice(0, this.count);
    return new StreamSplit(amount, this.view, this.total);
  }
}

/**
 * The same split as allocateCents (pro rata, leftover cents to the largest remainders, the earlier line on a tie)
 * without a share per line in memory: the leftover cents are decided once, from the weights (whole cents, `total`
 * their sum), and each line's share is then asked for in order.
 */
export class StreamSplit {
  private readonly weightSum: bigint;
  private readonly threshold: bigint;
  private readonly ties: bigint;
  private tiesGiven = 0n;
  /** all weights are zero: the amount is split evenly */
  private readonly even: boolean;

  constructor(private readonly amount: bigint, private readonly weights: BigInt64Array | bigint[], total: bigint) {
    const n = weights.length;
    this.even = total <= 0n;
    this.weightSum = this.even ? BigInt(n) : total;
    if (amount === 0n || n <= 1) {
      // nothing to share, or one line takes it all
      this.threshold = -1n;
      this.ties = 0n;
      return;
    }
    // a remainder is below the weights' sum: 64 bits hold it unless the sum passes them
    const rems: BigInt64Array | bigint[] = this.weightSum < INT64 ? new BigInt64Array(n) : new Array<bigint>(n);
    let floors = 0n;
    for (let i = 0; i < n; i++) {
      const share = amount * this.w(i);
      floors += share / this.weightSum;
      rems[i] = share % this.weightSum;
    }
    const leftover = amount - floors; // fewer than n
    if (leftover <= 0n) {
      this.threshold = this.weightSum; // no remainder reaches it
      this.ties = 0n;
      return;
    }
    const sorted = rems instanceof BigInt64Array ? rems.slice().sort() : rems.slice().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)); // ascending
    const t = sorted[n - Number(leftover)]!; // the smallest remainder that still wins
    let above = 0n;
    for (let i = 0; i < n; i++) if (rems[i]! > t) above++;
    this.threshold = t;
    this.ties = leftover - above;
  }

  private w(i: number): bigint {
    return this.even ? 1n : this.weights[i]!;
  }

  /** The share, in cents, of weight i; call it for i = 0, 1, 2... in order. */
  share(i: number): bigint {
    if (this.amount === 0n) return 0n;
    if (this.weights.length === 1) return this.amount;
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
