import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateCents } from '../../src/core/allocate.js';
import { CentWeights, StreamSplit } from '../../src/core/allocate-stream.js';
import { Decimal } from '../../src/core/money.js';
import { EntryBook } from '../../src/core/entry-book.js';
import { WarningCollector, saidText } from '../../src/core/warning-summary.js';
import { fixtureLedger } from './ledger-fixture.js';

/**
 * The largest-remainder split written the plain way, as the references state it: each line gets the floor of its
 * pro-rata share, the leftover cents go one each to the largest remainders, the earlier line on a tie; all-zero
 * weights share evenly.
 */
function reference(amount: bigint, weights: bigint[]): bigint[] {
  const even = weights.reduce((s, w) => s + w, 0n) <= 0n;
  const w = even ? weights.map(() => 1n) : weights;
  const sum = w.reduce((s, x) => s + x, 0n);
  const floors = w.map((x) => (amount * x) / sum);
  let leftover = amount - floors.reduce((s, x) => s + x, 0n);
  const order = w.map((x, i) => ({ i, rem: (amount * x) % sum })).sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  for (const { i } of order) {
    if (leftover === 0n) break;
    floors[i]!++;
    leftover--;
  }
  return floors;
}

const cents = (ds: Decimal[]) => ds.map((d) => BigInt(d.times(100).toFixed(0)));

describe('the split of an amount over weights', () => {
  it('gives each line what the plain largest-remainder split gives, streamed and in memory, on random entries', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 65150n }), fc.array(fc.bigInt({ min: 0n, max: 100_000_000n }), { minLength: 1, maxLength: 60 }), (fee, weights) => {
      const w = new CentWeights();
      weights.forEach((x) => w.push(x));
      const split = w.split(fee);
      const expected = reference(fee, weights);
      expect(weights.map((_, i) => split.share(i))).toEqual(expected);
      expect(cents(allocateCents(new Decimal(fee.toString()).dividedBy(100), weights.map((x) => new Decimal(x.toString()))))).toEqual(expected);
    }), { numRuns: 500 });
  });
  it('ties go to the earlier lines: 32.71 over two equal lines is 16.36 + 16.35', () => {
    const s = new StreamSplit(3271n, BigInt64Array.from([100n, 100n]), 200n);
    expect([s.share(0), s.share(1)]).toEqual([1636n, 1635n]);
  });
  it('0.05 over three lines of no value is 0.02, 0.02, 0.01', () => {
    const s = new StreamSplit(5n, new BigInt64Array(3), 0n);
    expect([s.share(0), s.share(1), s.share(2)]).toEqual([2n, 2n, 1n]);
  });
  it('keeps a weight past 64 bits as it is', () => {
    const weights = [15n * 10n ** 18n, 10000n, 1n];
    const w = new CentWeights();
    weights.forEach((x) => w.push(x));
    const split = w.split(65150n);
    expect(weights.map((_, i) => split.share(i))).toEqual(reference(65150n, weights));
    expect(reference(65150n, weights)).toEqual([65150n, 0n, 0n]);
  });
  it('splits exactly when the weights add up past 64 bits', () => {
    // two lines of 9e16 dollars in cents each, and a third of 1 cent: the sum passes 2^63
    const weights = [9n * 10n ** 18n, 9n * 10n ** 18n, 1n];
    const s = new StreamSplit(65150n, BigInt64Array.from(weights), weights.reduce((a, b) => a + b));
    // 65150 x 9e18 / (18e18 + 1) = 32574.99... each: floors 32574 + 32574 + 0, two cents left, to the two large lines
    expect([s.share(0), s.share(1), s.share(2)]).toEqual([32575n, 32575n, 0n]);
  });
});

describe('the entry book of a streamed bill', () => {
  const ledger = fixtureLedger('Free', []);
  it('gives each line of interleaved entries its share of its own entry, across weight blocks, in file order', () => {
    // entry A: 70,000 lines (more than a block of 65,536 weights), of 1.00 to 7.00 dollars; entry B: 3 lines; lines interleaved
    const book = new EntryBook();
    const a: bigint[] = [];
    const b = [100n, 200n, 300n];
    const order: ['A' | 'B', number][] = [];
    for (let i = 0; i < 70_000; i++) {
      const v = BigInt(100 + (i % 7) * 100);
      a.push(v);
      order.push(['A', book.add('US', 'A', '2025-06-01', 'ocean', v, 0n)]);
      if (i === 5 || i === 40_000 || i === 69_999) order.push(['B', book.add('US', 'B', '2025-06-01', 'ocean', b[order.filter(([e]) => e === 'B').length]!, 0n)]);
    }
    const fees: bigint[][] = [];
    book.settle(ledger, new WarningCollector(), (mpf, hmf) => fees.push([mpf, hmf]));
    // A: 70,000 lines, 10,000 rounds of 1.00 to 7.00 dollars: 280,000.00 in all; MPF 0.3464% = 969.92, held to the FY2025
    // maximum 634.62; HMF 0.125% = 350.00. B: 6.00 dollars: the FY2025 informal fee 2.62; HMF 0.125% of 6.00 = 0.0075 -> 0.01
    const [[mpfA, hmfA], [mpfB, hmfB]] = fees as [[bigint, bigint], [bigint, bigint]];
    expect([mpfA, hmfA, mpfB, hmfB]).toEqual([63462n, 35000n, 262n, 1n]);
    const gotA: bigint[] = [];
    const gotB: bigint[] = [];
    for (const [entry, id] of order) {
      const f = book.nextFees(id);
      (entry === 'A' ? gotA : gotB).push(f.mpf * 1_000_000n + f.hmf);
    }
    const both = (mpf: bigint, hmf: bigint, weights: bigint[]) => {
      const h = reference(hmf, weights);
      return reference(mpf, weights).map((m, i) => m * 1_000_000n + h[i]!);
    };
    expect(gotA).toEqual(both(mpfA, hmfA, a));
    expect(gotB).toEqual(both(mpfB, hmfB, b));
  });
  it('names the US entries whose lines have different dates, and not the Chinese ones', () => {
    const book = new EntryBook();
    book.add('US', 'E1', '2025-06-01', 'ocean', 100n, 0n);
    book.add('CN', 'E1', '2025-06-01', 'ocean', 100n, 0n);
    book.add('US', 'E1', '2025-06-02', 'ocean', 100n, 0n);
    book.add('CN', 'E1', '2025-06-02', 'ocean', 100n, 0n);
    book.add('US', 'E2', '2025-06-02', 'ocean', 100n, 0n);
    const warnings = new WarningCollector();
    book.settle(ledger, warnings);
    expect(warnings.summary().map(saidText)).toEqual(['entry E1 has lines with different dates: the fees of an entry use the date of its first line']);
  });
});
