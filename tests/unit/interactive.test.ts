// The guided flow's logic, answered by a fake of the prompts port (the real terminal is tested in tests/e2e/terminal.test.ts).
import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { price, runFlow, billCsv, difference, type FlowDeps } from '../../src/interactive/flow.js';
import type { Choice, Prompts } from '../../src/interactive/port.js';
import { searchUs } from '../../src/interactive/search.js';
import { sideTotals } from '../../src/core/totals.js';
import { loadLedger } from '../../src/rates/load.js';

const ledger = loadLedger();

/** Answers in order; an answer an input's validation refuses is recorded and the question is asked again. */
function fake(answers: unknown[]) {
  const asked: string[] = [];
  const refused: string[] = [];
  const shown: string[] = [];
  const next = (message: string) => {
    asked.push(message);
    if (answers.length === 0) throw new Error(`no answer left for "${message}"`);
    return answers.shift();
  };
  const prompts: Prompts = {
    async select<T>(o: { message: string; choices: Choice<T>[] }) {
      const a = next(o.message);
      const choice = o.choices.find((c) => c.value === a) ?? o.choices.find((c) => typeof a === 'string' && c.name.startsWith(a));
      if (!choice) throw new Error(`"${String(a)}" is not a choice of "${o.message}": ${o.choices.map((c) => c.name).join(' | ')}`);
      return choice.value;
    },
    async input(o) {
      for (;;) {
        const a = String(next(o.message));
        const ok = o.validate ? o.validate(a) : true;
        if (ok === true) return a;
        refused.push(`${a}: ${ok}`);
      }
    },
    async search<T>(o: { message: string; source: (t: string | undefined) => Choice<T>[] }) {
      const [term, pick] = next(o.message) as [string, T];
      const found = o.source(term);
      if (!found.some((c) => c.value === pick)) throw new Error(`search "${term}" did not offer ${String(pick)}`);
      return pick;
    },
    async checkbox<T>(o: { message: string }) {
      return next(o.message) as T[];
    },
    show: (text) => shown.push(text),
  };
  const files = new Map<string, string>();
  const deps: FlowDeps = { prompts, ledger, today: '2026-11-26', color: new Chalk({ level: 0 }), writeFile: (p, t) => files.set(p, t) };
  return { deps, asked, refused, shown, files };
}

describe('guided bill, US side', () => {
  it('a smartphone on 2025-04-15: fentanyl 20% = 2,000.00; a bad value is refused and asked again', async () => {
    const f = fake(['US', '', '2025-04-15', ['smartphone', '8517130000'], '10k', '10000', [], 'quit']);
    const bill = await runFlow(f.deps);
    expect(f.refused).toEqual(['10k: "10k" is not an amount: expected digits with a dot for decimals, e.g. 1234.56 or 1,234.56']);
    const t = sideTotals(price(bill, ledger).lines, 'US')!;
    expect([t.duty, t.mpf, t.hmf, t.landedCost].map((x) => x.toFixed(2))).toEqual(['2000.00', '34.64', '12.50', '12047.14']);
    expect(f.shown.join('\n')).toMatch(/IEEPA fentanyl\s+│ 9903\.01\.24\s+│\s+2000\.00/);
    // only the questions its measures make relevant: no metal content, no US content (Annex II), a claim list
    expect(f.asked.some((q) => /steel/.test(q))).toBe(false);
    expect(f.asked.some((q) => /US content/.test(q))).toBe(false);
  });

  it('an amount typed as a CSV bill writes it (31,000) is taken, and kept as plain digits', async () => {
    const f = fake(['US', '', '2025-04-15', ['smartphone', '8517130000'], '31,000', [], 'quit']);
    const bill = await runFlow(f.deps);
    expect(f.refused).toEqual([]);
    expect(bill.records[0]!.value).toBe('31000');
    // fentanyl 20% of 31,000 = 6,200.00
    expect(price(bill, ledger).lines[0]!.duty.toFixed(2)).toBe('6200.00');
  });

  it('a steel derivative asks for its metal content; sweaters ask for US content; a specific rate asks for the quantity', async () => {
    const f = fake([
      'US', '', '2025-09-01',
      ['9403.10', '9403100020'], '1000', '400', '', [], // metal content 400; no US content
      'add', ['6110.20.20.79', '6110202079'], '1000', '300', [], // US content 300 (no in-transit question after the 2025-06-16 cutoff)
      'add', ['0201.10.05.90', '0201100590'], '1000', '250', '', [], // 4.4¢/kg: quantity 250 kg; no US content
      'quit',
    ]);
    const bill = await runFlow(f.deps);
    expect(f.asked.filter((q) => /steel \/ aluminium \/ copper/.test(q))).toHaveLength(1);
    expect(f.asked.filter((q) => /US content/.test(q))).toHaveLength(3);
    expect(f.asked.filter((q) => /Quantity in kg/.test(q))).toHaveLength(1);
    expect(bill.records.map((r) => [r.metal_value, r.us_content_value, r.quantity])).toEqual([['400', '', undefined], [undefined, '300', undefined], [undefined, '', '250']]);
    // 9403.10.00.20: 200 + 250 + 200 + 10% x 600 = 710 (tests/unit/us-rules.test.ts); sweaters with US content 300: 510;
    // beef 0201.10.05: 4.4¢/kg x 250 = 11.00, 301 List 4A 7.5% = 75.00, fentanyl 20% = 200, reciprocal 10% = 100 (not in Annex II before 2025-11-13) -> 386.00
    expect(price(bill, ledger).lines.map((l) => l.duty.toFixed(2))).toEqual(['710.00', '510.00', '386.00']);
  });

  it('changing the date shows the difference by program; saving writes the bill as CSV and the result as JSON', async () => {
    const f = fake(['US', '', '2025-04-15', ['8517.13', '8517130000'], '10000', [], 'date', '2026-02-24', 'save', 'out.csv', 'out.json', 'quit']);
    await runFlow(f.deps);
    expect(f.shown.join('\n')).toMatch(/duty 2000\.00 on 2025-04-15 -> 0\.00 on 2026-02-24 \(-2000\.00\)[\s\S]*IEEPA fentanyl: 2000\.00 -> 0\.00/);
    // the date of the pricing is saved with each line (it was missing: the file re-priced at today's rates)
    expect(f.files.get('out.csv')).toBe('hts,value,into,date\n8517.13.00.00,10000,US,2026-02-24\n');
    expect(JSON.parse(f.files.get('out.json')!).query.date).toBe('2026-02-24');
  });
});

describe('guided bill, China side', () => {
  it('soybeans in dollars with the exchange rate, an approved exclusion: Ex.1 (769.23 duty, 370.23 VAT)', async () => {
    const f = fake(['CN', '', '2025-09-04', ['1201', '12019019'], 'USD', '7.1564', '467.34', '', ['cn-exclusion'], 'quit']);
    const bill = await runFlow(f.deps);
    const t = sideTotals(price(bill, ledger).lines, 'CN')!;
    expect([t.customsValue, t.duty, t.vat].map((x) => x.toFixed(2))).toEqual(['3344.47', '769.23', '370.23']);
    expect(billCsv(bill)).toBe('hts,value,currency,into,date,claims\n1201.90.19,467.34,USD,CN,2025-09-04,cn-exclusion\n');
  });
  it('after 2026-11-10 13:01 the guided result shows the open question of the 34% (issue 15)', async () => {
    const f = fake(['CN', '', '2026-12-01', ['1201', '12019019'], 'USD', '7.1564', '467.34', '', ['cn-exclusion'], 'quit']);
    const bill = await runFlow(f.deps);
    // 3% + 34% = 37% of 3,344.47 = 1,237.4539 -> 1,237.45
    expect(sideTotals(price(bill, ledger).lines, 'CN')!.duty.toFixed(2)).toBe('1237.45');
    expect(f.shown.join('\n')).toMatch(/warning: row 2: 税委会公告2025年第4号: OPEN QUESTION: 34% \(not 10%\)/);
  });
});

describe('product search', () => {
  it('finds lines by code prefix and by words, with code, description and unit', () => {
    expect(searchUs(ledger, '8517.13')[0]).toMatchObject({ value: '8517130000', name: expect.stringMatching(/8517\.13\.00\.00\s+Smartphones \(Telephone sets, .*\s+\[No\.\]/) });
    expect(searchUs(ledger, 'smartphones').map((c) => c.value)).toContain('8517130000');
  });
});

describe('the difference between two dates', () => {
  it('names a line priced on one date and not on the other, with the reason', async () => {
    const before = price({ side: 'US', date: '2025-04-15', records: [{ hts: '8517.13.00.00', value: '100', into: 'US' }, { hts: '8517.13.00.00', value: '50', into: 'US' }], fx: new Map() }, ledger);
    const after = { ...before, lines: before.lines.slice(0, 1), rejected: [{ row: 3, column: 'hts', message: 'not in force on that date' }] };
    const text = difference(before, after, '2025-04-15', '2026-02-24');
    expect(text).toContain('row 3 is not priced on 2026-02-24 (hts: not in force on that date): the totals below leave it out of that date');
  });
});
