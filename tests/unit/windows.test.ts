/**
 * Windows of dates (src/core/windows.ts): the engine memoises per window, so two dates of one window must price a
 * line alike. Checked on the built-in ledger for lines of a bill like an importer's year (every chapter, both
 * sides): each line priced on its date and on other dates of its window gives the same duties, notes and warnings.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeRealBill } from '../../scripts/bench-real-bill.js';
import { priceLine } from '../../src/core/bill.js';
import type { LineResult } from '../../src/core/types.js';
import { codeWindows, dateWindows, reach, type Reach } from '../../src/core/windows.js';
import { mapHeader } from '../../src/input/columns.js';
import { QuickReader } from '../../src/input/fast-row.js';
import { readBill } from '../../src/input/bill.js';
import { loadLedger } from '../../src/rates/load.js';
import { fixtureLedger, measure } from './ledger-fixture.js';

const day = (t: number) => new Date(t).toISOString().slice(0, 10);

describe('windows of dates', () => {
  const ledger = fixtureLedger('5%', [
    measure('a', 'A', '9903.00.01', '10%', { from: '2025-02-04', to: '2025-04-10' }),
    measure('b', 'B', '9903.00.02', '25%', { scope: { codes: ['9403'] }, from: '2025-06-01' }),
    measure('c', 'C', '9903.00.03', '34%', { from: '2025-04-09T00:01' }),
  ]);
  const w = dateWindows(ledger);

  it('dates between the same instants share a window; an instant of a measure that can reach the code splits it', () => {
    expect(w('US', '8517130000', '2025-02-10')).toBe(w('US', '8517130000', '2025-03-31'));
    expect(w('US', '8517130000', '2025-02-03')).not.toBe(w('US', '8517130000', '2025-02-04'));
    expect(w('US', '8517130000', '2025-04-10')).not.toBe(w('US', '8517130000', '2025-04-08'));
    // B can only reach chapter 94 codes
    expect(w('US', '8517130000', '2025-05-31')).toBe(w('US', '8517130000', '2025-06-01'));
    expect(w('US', '9403100040', '2025-05-31')).not.toBe(w('US', '9403100040', '2025-06-01'));
  });

  it('a date with a time, or on a day something changes at a time of day, is its own window', () => {
    expect(w('US', '8517130000', '2025-04-09')).toBe('2025-04-09');
    expect(w('US', '8517130000', '2025-03-01T10:00')).toBe('2025-03-01T10:00');
  });

  it('an instant that cannot reach a line of its reach (mode, claims, loading date) does not split its window', () => {
    const l = fixtureLedger('5%', [
      measure('p', 'P', '9903.00.10', '30%', { modes: ['postal'], from: '2025-05-02', to: '2025-05-20' }),
      measure('t', 'T', '9903.00.11', '10%', { from: '2025-03-01', inTransit: [{ heading: '9903.00.12', reason: 'in transit', loadedBefore: '2025-03-01', enteredBefore: '2025-04-20' }] }),
      measure('x', 'X', '9903.00.13', '10%', { from: '2025-01-01', except: [{ heading: '9903.00.14', reason: 'claimed', claim: 'X-EXEMPT', from: '2025-07-01' },
        // stacks after M, which reaches chapter 72 only
        { heading: '9903.00.15', reason: 'after M', whenApplied: ['M'], from: '2025-08-01' }] }),
      measure('m', 'M', '9903.00.16', '25%', { scope: { codes: ['72'] }, from: '2025-01-01' }),
    ]);
    const win = dateWindows(l);
    const code = '8517130000';
    const apart = (a: string, b: string, r?: Reach) => win('US', code, a, r) !== win('US', code, b, r);
    const ocean = reach('ocean', false, false);
    // the postal measure starts on 2025-05-02: only a postal line (or any line) sees it
    expect(apart('2025-05-01', '2025-05-03', ocean)).toBe(false);
    expect(apart('2025-05-01', '2025-05-03', reach('postal', false, false))).toBe(true);
    expect(apart('2025-05-01', '2025-05-03')).toBe(true);
    // the in-transit rule ends for goods entered from 2025-04-20: only a line with a loading date sees it
    expect(apart('2025-04-19', '2025-04-21', ocean)).toBe(false);
    expect(apart('2025-04-19', '2025-04-21', reach('ocean', false, true))).toBe(true);
    // the exception needs a claim: only a line with claims sees its start
    expect(apart('2025-06-30', '2025-07-02', ocean)).toBe(false);
    expect(apart('2025-06-30', '2025-07-02', reach('ocean', true, false))).toBe(true);
    // the stacking rule after M starts on 2025-08-01: only a code M can reach sees it
    expect(apart('2025-07-31', '2025-08-02', ocean)).toBe(false);
    expect(win('US', '7208100000', '2025-07-31', ocean)).not.toBe(win('US', '7208100000', '2025-08-02', ocean));
  });

  it('the quick reading of a row windows it by its own reach, whatever rows of its code came before', () => {
    const l = fixtureLedger('5%', [
      measure('t', 'T', '9903.00.11', '10%', { from: '2025-03-01', inTransit: [{ heading: '9903.00.12', reason: 'in transit', loadedBefore: '2025-03-01', enteredBefore: '2025-04-20' }] }),
      measure('x', 'X', '9903.00.13', '10%', { from: '2025-01-01', except: [{ heading: '9903.00.14', reason: 'claimed', claim: 'X-EXEMPT', from: '2025-07-01' }] }),
    ]);
    const reader = new QuickReader(mapHeader(['hts', 'value', 'date', 'loaded_on', 'claims']), { into: 'US', date: '2025-05-01', mode: 'ocean', fx: new Map() },
      (side, code, r) => codeWindows(l, side, code, r));
    const windowOf = (date: string, loadedOn = '', claims = '') => reader.read(['8517.13.00.00', '100.00', date, loadedOn, claims])!.window;
    // without a loading date the in-transit cut-off of 2025-04-20 cannot touch the line
    expect(windowOf('2025-04-19')).toBe(windowOf('2025-04-21'));
    // with one, after rows of the code without one, it splits the window
    expect(windowOf('2025-04-19', '2025-02-15')).not.toBe(windowOf('2025-04-21', '2025-02-15'));
    // with claims, after rows of the code without them, the line is windowed by its date
    expect(windowOf('2025-06-30', '', 'X-EXEMPT')).toBe('2025-06-30');
    expect(windowOf('2025-06-30')).not.toBe('2025-06-30');
  });

  it('on the built-in ledger, a line priced on another date of its window is priced alike', async () => {
    const real = loadLedger();
    const win = dateWindows(real);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tariff-windows-')), 'bill.csv');
    writeRealBill(1500, file);
    const { lines, rejected } = await readBill(fs.createReadStream(file));
    expect(rejected).toEqual([]);
    const same = (r: LineResult) => JSON.stringify([r.hts, r.duties, r.notApplied, r.rejectedClaims, r.warnings, r.duty, r.vat, r.consumptionTax]);
    let compared = 0;
    for (const [i, line] of lines.entries()) {
      const first = priceLine(line, { ...real });
      // dates of the same window up to 40 days either side (every 7th line, to keep the test short)
      if (i % 7 !== 0 || 'row' in first) continue;
      const at = Date.parse(line.date);
      for (let k = -40; k <= 40; k += 9) {
        const other = day(at + k * 86_400_000);
        const r = reach(line.mode, line.claims.length > 0, line.loadedOn !== undefined);
        if (other < '2025-01-01' || win(line.into, line.code, other, r) !== win(line.into, line.code, line.date, r)) continue;
        // on a copy of the ledger: nothing memoised, the plain computation on the other date
        const again = priceLine({ ...line, date: other }, { ...real });
        expect('row' in again ? again : same(again), `${line.code} on ${line.date} and ${other}`).toBe(same(first));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(500);
  }, 60_000);
});
