/**
 * The same split as allocateCents (pro rata, leftover cents to the largest remainders, the earlier line on a tie)
 * without holding the lines: the weights are kept as integer cents in a typed array (8 bytes a line), the leftover
 * cents are decided once the entry is complete, and each line's share is then asked for in file order.
 */
export class CentWeights {
  private values = new BigInt64Array(16);
  count = 0;
  total = 0n;

  push(cents: bigint): number {
    if (this.count === this.values.length) {
      const grown = new BigInt64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count] = cents;
    this.total += cents;
    return this.count++;
  }

  weight(i: number): bigint {
    return this.values[i]!;
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
