/**
 * The engine's memo (src/core/plan-memo.ts): a plan serves a kind of line in a window of dates only once it gave a
 * line of that window the engine's own result, every figure and every word.
 */
import { describe, expect, it } from 'vitest';
import { priceLine } from '../../src/core/bill.js';
import { centAmounts, planWarningsOf, samePricing } from '../../src/core/line-plan.js';
import { PlanMemo } from '../../src/core/plan-memo.js';
import type { BillLine, LineResult } from '../../src/core/types.js';
import { warningText } from '../../src/core/warning.js';
import { loadLedger } from '../../src/rates/load.js';
import { line } from './bill-line.js';

const ledger = loadLedger();
const engine = (l: BillLine) => priceLine(l, ledger) as LineResult;
const kindOf = (l: BillLine, window: string) => ({ kind: 'smartphone claiming 9903.94.06', window, amounts: centAmounts(l) });
// a smartphone whose importer claims the auto-parts exemption 9903.94.06: IEEPA fentanyl 20%, and a warning that
// the claim exempts from nothing, naming the entry date
const phone = (date: string, value: string) => line('8517130000', value, date, { claims: ['9903.94.06'] });

describe('PlanMemo', () => {
  it('makes a plan from the engine\'s line, which then prices the kind\'s other lines as the engine does', () => {
    const memo = new PlanMemo(ledger);
    const first = phone('2025-04-15', '1000.00');
    expect(memo.plan(kindOf(first, 'w1'))).toBeUndefined();
    memo.learn(kindOf(first, 'w1'), engine(first));
    const plan = memo.plan(kindOf(first, 'w1'))!;
    expect(plan).toBeDefined();
    // 20% of 2,345.67 = 469.134 -> 469.13
    const other = phone('2025-04-15', '2345.67');
    const p = plan.price(centAmounts(other))!;
    expect(p.duty).toBe(46913n);
    expect(samePricing(plan, p, engine(other))).toBe(true);
  });

  it('does not let a plan serve a window whose lines say other words, though every cent is the same', () => {
    const memo = new PlanMemo(ledger);
    const june = phone('2025-06-01', '1000.00');
    memo.learn(kindOf(june, 'w1'), engine(june));
    const july = phone('2025-07-01', '1000.00');
    const r = engine(july);
    const junePlan = memo.plan(kindOf(june, 'w1'))!;
    // the same duties, measures not applied and amounts on both dates
    expect(r.notApplied).toEqual(junePlan.notApplied);
    // the same 200.00, but the rejected claim and its warning name 2025-07-01
    expect(junePlan.price(centAmounts(july))!.duty).toBe(20000n);
    expect(samePricing(junePlan, junePlan.price(centAmounts(july))!, r)).toBe(false);
    memo.learn(kindOf(july, 'w2'), r);
    const julyPlan = memo.plan(kindOf(july, 'w2'))!;
    expect(julyPlan).not.toBe(junePlan);
    expect(planWarningsOf(julyPlan, 7).map(warningText)).toContainEqual(expect.stringMatching(/^row 7: claim 9903\.94\.06 not applied: .* on 2025-07-01$/));
  });

  it('does not let a plan serve a window where the engine charges another rate', () => {
    const memo = new PlanMemo(ledger);
    const before = line('8517130000', '1000.00', '2025-04-15');
    memo.learn({ kind: 'smartphone', window: 'w1', amounts: centAmounts(before) }, engine(before));
    const plan = memo.plan({ kind: 'smartphone', window: 'w1', amounts: centAmounts(before) })!;
    // 2026-03-01: no IEEPA duty after the Supreme Court's ruling; Section 122 instead (a different stack)
    const after = line('8517130000', '1000.00', '2026-03-01');
    const r = engine(after);
    expect(r.duties.map((d) => d.heading)).not.toContain('9903.01.24');
    memo.learn({ kind: 'smartphone', window: 'w2', amounts: centAmounts(after) }, r);
    expect(memo.plan({ kind: 'smartphone', window: 'w2', amounts: centAmounts(after) })).not.toBe(plan);
  });

  it('after three lines of a window without a plan, sends the rest of the window to the engine', () => {
    const memo = new PlanMemo(ledger);
    const q = { kind: 'refused', window: 'w1', amounts: centAmounts(phone('2025-04-15', '1.00')) };
    for (let i = 0; i < 3; i++) memo.learn(q, undefined);
    const l = phone('2025-04-15', '1.00');
    memo.learn(q, engine(l));
    expect(memo.plan(q)).toBeUndefined();
  });
});
