import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateCents } from '../../src/core/allocate.js';
import { CentWeights } from '../../src/core/allocate-stream.js';
import { Decimal } from '../../src/core/money.js';

describe('streamed split = in-memory split', () => {
  it('gives every line the same cents as allocateCents, on random entries', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 65150 }), fc.array(fc.integer({ min: 0, max: 100_000_000 }), { minLength: 1, maxLength: 60 }), (fee, weights) => {
      const w = new CentWeights();
      weights.forEach((x) => w.push(BigInt(x)));
      const split = w.split(BigInt(fee));
      const streamed = weights.map((_, i) => split.share(i).toString());
      const inMemory = allocateCents(new Decimal(fee).dividedBy(100), weights.map((x) => new Decimal(x))).map((d) => d.times(100).toFixed(0));
      expect(streamed).toEqual(inMemory);
    }), { numRuns: 500 });
  });
  it('ties go to the earlier lines: 32.71 over two equal lines is 16.36 + 16.35', () => {
    const w = new CentWeights();
    w.push(100n);
    w.push(100n);
    const s = w.split(3271n);
    expect([s.share(0), s.share(1)]).toEqual([1636n, 1635n]);
  });
});
