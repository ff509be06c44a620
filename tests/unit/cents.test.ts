// Whole-cent arithmetic of the fast path against the Decimal forms it stands for, at the rounding boundaries and on
// random values; the exact split of a tie; the record file between the passes; CSV cells joined as read.
import fc from 'fast-check';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allocateCents } from '../../src/core/allocate.js';
import { Decimal, applyCentsRate, centsRate, effectiveRate, effectiveRateCents, formatAmount, formatCents, fraction, fromCents, perUnitCents, percentOf, roundCents } from '../../src/core/money.js';
import { RecordReader, RecordWriter } from '../../src/cli/record-file.js';
import { csvCells } from '../../src/output/csv.js';

const cents = fc.bigInt({ min: 0n, max: 10n ** 17n });
const percents = fc.oneof(fc.constantFrom('0', '2.5', '7.5', '25', '33.3', '125', '4.4', '0.3', '13'), fc.integer({ min: 0, max: 20000 }).map((n) => new Decimal(n).dividedBy(100).toString()));

describe('whole cents = the Decimal forms', () => {
  it('formatCents writes what formatAmount writes', () => {
    for (const c of [0n, 1n, 9n, 10n, 99n, 100n, 101n, 123456n, -1n, -150n]) expect(formatCents(c)).toBe(formatAmount(fromCents(c)));
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), (c) => formatCents(c) === formatAmount(fromCents(c))));
  });

  it('a percent of cents rounds half up to the cent, as roundCents(percentOf())', () => {
    // 25% of 0.02 = 0.005 -> 0.01; 25% of 0.01 = 0.0025 -> 0.00; 7.5% of 0.20 = 0.015 -> 0.02; 7.5% of 0.06 = 0.0045 -> 0.00
    const at = (c: bigint, p: string) => applyCentsRate(c, centsRate(fraction(new Decimal(p))));
    expect([at(2n, '25'), at(1n, '25'), at(20n, '7.5'), at(6n, '7.5'), at(10_000_000n, '145')]).toEqual([1n, 0n, 2n, 0n, 14_500_000n]);
    fc.assert(fc.property(cents, percents, (c, p) => {
      const expected = roundCents(percentOf(new Decimal(p), fromCents(c)));
      return fromCents(applyCentsRate(c, centsRate(fraction(new Decimal(p))))).equals(expected);
    }));
  });

  it('the effective rate is written as effectiveRate writes it', () => {
    // 1.00 on 800.00 = 0.125% -> 0.13; 1.00 on 3.00 = 33.333% -> 33.33; 2.00 on 3.00 = 66.666% -> 66.67
    expect([effectiveRateCents(100n, 80000n), effectiveRateCents(100n, 300n), effectiveRateCents(200n, 300n), effectiveRateCents(5n, 0n)]).toEqual(['0.13', '33.33', '66.67', '0.00']);
    fc.assert(fc.property(cents, cents, (d, v) => effectiveRateCents(d, v) === effectiveRate(fromCents(d), fromCents(v))));
  });

  it('a per-unit cost rounds half up to the cent, as roundCents(amount / quantity)', () => {
    // 1.00 / 8 = 0.125 -> 0.13; 1.00 / 3 = 0.333 -> 0.33; 0.05 / 2 = 0.025 -> 0.03
    const per = (c: bigint, q: string) => perUnitCents(c, fraction(new Decimal(q)));
    expect([per(100n, '8'), per(100n, '3'), per(5n, '2'), per(1234n, '0.5')]).toEqual([13n, 33n, 3n, 2468n]);
    fc.assert(fc.property(cents, fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 4 }), (c, q, places) => {
      const quantity = new Decimal(q).dividedBy(10 ** places);
      return fromCents(perUnitCents(c, fraction(quantity))).equals(roundCents(fromCents(c).dividedBy(quantity)));
    }));
  });
});

describe('the pro rata split', () => {
  it('gives a leftover cent to the earlier of two exactly equal remainders', () => {
    // 94,207.14 CNY of duty over layers of 3%, 10% and 125% (138% in all): shares 2,047.981304..., 6,826.604347...,
    // 85,332.554347...; floors add up to 94,207.13 and the leftover cent goes to a tie of 60/138 between the 10% and
    // 125% layers: the earlier, 10%, takes it (6,826.61 and 85,332.55), though quotients rounded to 40 digits differ
    // in their last digit
    const parts = allocateCents(new Decimal('94207.14'), ['3', '10', '125'].map((p) => new Decimal(p)));
    expect(parts.map((p) => p.toFixed(2))).toEqual(['2047.98', '6826.61', '85332.55']);
  });
});

describe('the record file between the passes', () => {
  it('gives back every record as written, texts of any size and script among them', () => {
    const w = new RecordWriter();
    const texts = ['', 'plain', 'é 税委会 ¢\u0000nul\ninside', 'x'.repeat(3 << 20), 'after the big one'];
    try {
      texts.forEach((t, i) => w.write(i, 2 ** 32 - 1 - i, i % 3, -(10n ** 15n) + BigInt(i), 10n ** 17n, t));
      for (let i = 0; i < 20_000; i++) w.write(i, i, 0, BigInt(i), 0n, `line ${i}`);
      w.close();
      const r = new RecordReader(w.file);
      texts.forEach((t, i) => {
        expect(r.next()).toBe(true);
        expect([r.a, r.b, r.c, r.x, r.y, r.text()]).toEqual([i, 2 ** 32 - 1 - i, i % 3, -(10n ** 15n) + BigInt(i), 10n ** 17n, t]);
      });
      for (let i = 0; i < 20_000; i++) {
        expect(r.next()).toBe(true);
        if (r.text() !== `line ${i}` || r.a !== i) expect([r.a, r.text()]).toEqual([i, `line ${i}`]);
      }
      expect(r.next()).toBe(false);
      r.close();
    } finally {
      w.remove();
    }
    expect(fs.existsSync(w.file)).toBe(false);
  });
});

describe('cells of a plain line', () => {
  it('are joined as csvCell would write each', () => {
    const cell = fc.stringMatching(/^[^,"\n]{0,8}$/);
    fc.assert(fc.property(fc.array(cell, { minLength: 1, maxLength: 8 }), (cells) => csvCells(cells, true) === csvCells(cells)));
    expect(csvCells(['=1+2', 'a'], true)).toBe("'=1+2,a");
    expect(csvCells(['a\rb', 'c'], true)).toBe('"a\rb",c');
  });
});
