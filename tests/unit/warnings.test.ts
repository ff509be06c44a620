// Warnings said once per message, naming the rows: in the order the messages first came, each row counted once.
import { describe, expect, it } from 'vitest';
import { WarningCollector, summarizeWarnings } from '../../src/cli/warnings.js';

describe('summarizeWarnings (compare, refund: rows in any order, repeated by each column)', () => {
  it('names the five lowest rows of a message once each, and how many more', () => {
    // "a": rows 9, 2, 9 again, 1, 3, 4, 7, 8: seven rows, the lowest five 1, 2, 3, 4, 7
    expect(summarizeWarnings(['row 9: a', 'b', 'row 2: a', 'row 9: a', 'row 5: c', 'row 1: a', 'row 3: a', 'row 4: a', 'row 7: a', 'row 8: a', 'b']))
      .toEqual(['rows 1, 2, 3, 4, 7 and 2 more: a', 'b', 'row 5: c']);
  });
  it('keeps a message about no row as it is, and a message over lines', () => {
    expect(summarizeWarnings(['row 3: x\nsecond line', 'row 3: x\nsecond line', 'stale ledger'])).toEqual(['row 3: x\nsecond line', 'stale ledger']);
  });
});

describe('WarningCollector (a streamed bill: rows in order)', () => {
  it('counts a row once however many times it is told, and more than 1,000 rows with a separator', () => {
    const c = new WarningCollector();
    for (let row = 2; row < 1210; row++) {
      c.add(`row ${row}: 8542.31.90: unknown list`);
      c.addAt(row, '8542.31.90: unknown list');
    }
    c.add('Section 122 end date not confirmed');
    expect(c.summary()).toEqual(['rows 2, 3, 4, 5, 6 and 1,203 more: 8542.31.90: unknown list', 'Section 122 end date not confirmed']);
  });
  it('says how many warnings it did not keep past its limit of different messages', () => {
    // a limit of 2: "a" and "b" kept; "c" on rows 4 and 5 and "d" once are 3 warnings not kept
    const c = new WarningCollector(2);
    for (const [row, m] of [[2, 'a'], [3, 'b'], [4, 'c'], [5, 'c'], [6, 'a'], [7, 'd']] as const) c.addAt(row, m);
    expect(c.summary()).toEqual(['rows 2, 6: a', 'row 3: b', '3 more warnings not shown: only the first 2 different warnings are kept']);
  });
  it('has no limit when summarizing warnings already in memory', () => {
    const many = Array.from({ length: 10_001 }, (_, i) => `w${i}`);
    expect(summarizeWarnings(many)).toEqual(many);
  });
});
