// Warnings said once per text, naming the rows: in the order the texts first came, each row counted once.
import { describe, expect, it } from 'vitest';
import type { Warning } from '../../src/core/warning.js';
import { WarningCollector, saidText, summarizeWarnings } from '../../src/core/warning-summary.js';

const w = (text: string, row?: number): Warning => ({ code: 'line-notice', text, ...(row !== undefined ? { row } : {}) });
const texts = (warnings: Warning[]) => summarizeWarnings(warnings).map(saidText);

describe('summarizeWarnings (compare, refund: rows in any order, repeated by each column)', () => {
  it('names the five lowest rows of a text once each, and how many more', () => {
    // "a": rows 9, 2, 9 again, 1, 3, 4, 7, 8: seven rows, the lowest five 1, 2, 3, 4, 7
    expect(texts([w('a', 9), w('b'), w('a', 2), w('a', 9), w('c', 5), w('a', 1), w('a', 3), w('a', 4), w('a', 7), w('a', 8), w('b')]))
      .toEqual(['rows 1, 2, 3, 4, 7 and 2 more: a', 'b', 'row 5: c']);
  });
  it('keeps a text about no row as it is, and a text over lines', () => {
    expect(texts([w('x\nsecond line', 3), w('x\nsecond line', 3), w('stale ledger')])).toEqual(['row 3: x\nsecond line', 'stale ledger']);
  });
});

describe('WarningCollector (a streamed bill: rows in order)', () => {
  it('counts a row once however many times it is told, and more than 1,000 rows with a separator', () => {
    const c = new WarningCollector();
    for (let row = 2; row < 1210; row++) {
      c.add({ code: 'line-notice', row, subject: '8542.31.90', text: 'unknown list' });
      c.addAbout({ code: 'line-notice', subject: '8542.31.90', text: 'unknown list' }, row);
    }
    c.add(w('Section 122 end date not confirmed'));
    expect(c.summary().map(saidText)).toEqual(['rows 2, 3, 4, 5, 6 and 1,203 more: 8542.31.90: unknown list', 'Section 122 end date not confirmed']);
  });
  it('counts each code a text is about once: seven codes told three times each are five and 2 more', () => {
    const c = new WarningCollector();
    for (let i = 0; i < 3; i++) for (const code of ['1', '2', '3', '4', '5', '6', '7']) c.add({ code: 'line-notice', subject: `8542.31.9${code}`, text: 'x' });
    expect(c.summary().map(saidText)).toEqual(['8542.31.91, 8542.31.92, 8542.31.93, 8542.31.94, 8542.31.95 and 2 more: x']);
  });
  it('says how many warnings it did not keep past its limit of different texts', () => {
    // a limit of 2: "a" and "b" kept; "c" on rows 4 and 5 and "d" once are 3 warnings not kept
    const c = new WarningCollector(2);
    for (const [row, m] of [[2, 'a'], [3, 'b'], [4, 'c'], [5, 'c'], [6, 'a'], [7, 'd']] as const) c.add(w(m, row));
    const said = c.summary();
    expect(said.map(saidText)).toEqual(['rows 2, 6: a', 'row 3: b', '3 more warnings not shown: only the first 2 different warnings are kept']);
    expect(said[2]!.code).toBe('warnings-dropped');
  });
  it('has no limit when summarizing warnings already in memory', () => {
    const many = Array.from({ length: 10_001 }, (_, i) => `w${i}`);
    expect(texts(many.map((m) => w(m)))).toEqual(many);
  });
});
