// Outputs stay data (issue 18): numbers in CSV stay numbers, no column is written twice, no margin of a price of 0,
// refund judges liquidations on --as-of, 6-digit codes priced by the README's rule, --fx refuses what is no rate.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { run, runJson } from './run.js';

// One phone line 8517.13.00.00 at 100.00 USD entered 2025-04-15, alone in its entry: MFN Free 0.00, fentanyl
// 9903.01.24 20% = 20.00 (Annex II: no reciprocal); informal MPF FY2025 2.62, HMF 0.125% = 0.13: landed 122.75;
// before tariffs (without the 20.00) 102.75.
describe('CSV cells', () => {
  it('a negative margin is a number, not text; only formula-like text that is not a number is prefixed', () => {
    const r = run(['calc', '-', '--date', '2025-04-15', '--format', 'csv'], 'hts,value,quantity,price,sku,note\n8517.13.00.00,100.00,1,50.00,-5,-1+2\n');
    expect(r.status).toBe(0);
    const [head, row] = parse(r.stdout) as string[][];
    const cell = (name: string) => row![head!.indexOf(name)];
    // (50.00 - 122.75) / 50.00 = -145.50%; (50.00 - 102.75) / 50.00 = -105.50%
    expect(cell('margin_after_tariffs')).toBe('-145.50');
    expect(cell('margin_before_tariffs')).toBe('-105.50');
    expect(cell('sku')).toBe('-5');
    expect(cell('note')).toBe("'-1+2");
    expect(r.stdout).toMatch(/,-105\.50,-145\.50,/);
  });

  it('=, @ and + text is still prefixed; +1 and -1.5e3 are numbers', () => {
    const r = run(['calc', '-', '--date', '2025-04-15', '--format', 'csv'], 'hts,value,sku,a,b,c\n8517.13.00.00,100.00,=HYPERLINK(1),@SUM(1),+1,-1.5e3\n');
    const [, row] = parse(r.stdout) as string[][];
    expect(row!.slice(2, 6)).toEqual(["'=HYPERLINK(1)", "'@SUM(1)", '+1', '-1.5e3']);
  });

  it('input columns named like computed ones are written renamed, never twice, with a warning', () => {
    const r = run(['calc', '-', '--date', '2025-04-15', '--format', 'csv'], 'hts,value,Duty,landed_cost\n8517.13.00.00,100.00,5,6\n');
    expect(r.status).toBe(0);
    const [head, row] = parse(r.stdout) as string[][];
    expect(head!.slice(0, 4)).toEqual(['hts', 'value', 'input_Duty', 'input_landed_cost']);
    expect(new Set(head!.map((h) => h.toLowerCase())).size).toBe(head!.length);
    expect(row![head!.indexOf('duty')]).toBe('20.00');
    expect(row![head!.indexOf('landed_cost')]).toBe('122.75');
    expect(row![head!.indexOf('input_Duty')]).toBe('5');
    expect(r.stderr).toMatch(/"Duty" \(written as input_Duty\), "landed_cost" \(written as input_landed_cost\) have the name of a computed column/);
  });
});

describe('a price of 0 has no margin', () => {
  it('JSON: price 0.00 and no margin fields; CSV: empty margin cells', () => {
    const bill = 'hts,value,quantity,price\n8517.13.00.00,100.00,1,0\n';
    const j = runJson(['calc', '-', '--date', '2025-04-15', '--format', 'json'], bill).json;
    expect(j.lines[0].price).toBe('0.00');
    expect(j.lines[0].unitLandedCost).toBe('122.75');
    expect(j.lines[0]).not.toHaveProperty('marginAfterTariffs');
    expect(j.lines[0]).not.toHaveProperty('marginBeforeTariffs');
    const r = run(['calc', '-', '--date', '2025-04-15', '--format', 'csv'], bill);
    const [head, row] = parse(r.stdout) as string[][];
    expect(row![head!.indexOf('margin_after_tariffs')]).toBe('');
    expect(row![head!.indexOf('margin_before_tariffs')]).toBe('');
  });
});

describe('refund', () => {
  it('a liquidation date after --as-of is rejected; the other entry is judged', () => {
    const r = run(['refund', '-', '--as-of', '2026-09-01', '--format', 'json'],
      'entry,hts,value,date,liquidated_on\nE1,8517.13.00.00,100.00,2025-04-15,2026-10-01\nE2,8517.13.00.00,100.00,2025-04-15,2026-08-01\n');
    expect(r.status).toBe(3);
    const j = JSON.parse(r.stdout);
    expect(j.rejected).toEqual([{ row: 2, column: 'liquidated_on', message: '2026-10-01 is after --as-of 2026-09-01: expected the date the entry was liquidated, on or before the day the refund is judged' }]);
    // E2: fentanyl 20% of 100.00 = 20.00 refundable; liquidated 2026-08-01, 31 days before 2026-09-01
    expect(j.entries.map((e: any) => [e.entry, e.ieepa])).toEqual([['E2', '20.00']]);
  });
});

describe('6-digit codes: priced when all their lines pay the same, refused otherwise', () => {
  it('6101.20 (2 lines, both 61012000 at 15.9%, on List 4A): priced with a warning', () => {
    const j = runJson(['calc', '-', '--date', '2025-04-15', '--format', 'json'], 'hts,value\n610120,100.00\n');
    expect(j.status).toBe(0);
    const l = j.json.lines[0];
    expect(l.hts).toBe('6101.20');
    // MFN 15.9% = 15.90; fentanyl 20% = 20.00; reciprocal 9903.01.63 125% = 125.00; Section 301 List 4A 7.5% = 7.50
    expect(l.duty).toBe('168.40');
    expect(l.duties.map((d: any) => d.amount)).toEqual(expect.arrayContaining(['15.90', '20.00', '125.00', '7.50']));
    expect(j.stderr).toMatch(/row 2: 6101\.20 is priced as its 2 lines, which all pay the same duties \(6101\.20\.00\.10, 6101\.20\.00\.20\)/);
  });

  it('a 6-digit code of one line is that line (8517.13 -> 8517.13.00.00, Annex II kept)', () => {
    const j = runJson(['calc', '-', '--date', '2025-04-15', '--format', 'json'], 'hts,value\n851713,100.00\n').json;
    expect(j.lines[0].hts).toBe('8517.13.00.00');
    expect(j.lines[0].duty).toBe('20.00');
  });

  it('lines with different MFN rates or different additional duties: the row is refused with the reason', () => {
    const r = run(['calc', '-', '--date', '2026-03-01', '--format', 'json'], 'hts,value\n850760,100.00\n401512,100.00\n');
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^rejected: row 2, column hts: 8507\.60 covers lines that pay different duties on 2026-03-01 \(8507\.60\.00\.10: [\d.]+; 8507\.60\.00\.\d\d: [\d.]+\): give the 8- or 10-digit code$/m);
    expect(r.stderr).toMatch(/^rejected: row 3, column hts: 4015\.12 covers lines with different MFN rates \(Free; 14%\): give the 8- or 10-digit code$/m);
  });
});

describe('--fx refuses what is not one rate for one pair', () => {
  it.each([
    [['USD:USD=1'], /--fx "USD:USD=1": a currency converts to itself at 1/],
    [['XYZ:USD=2'], /--fx "XYZ:USD=2": XYZ is not a currency: expected ISO 4217 codes/],
    [['EUR:USD=1.08', 'EUR:USD=1.09'], /--fx "EUR:USD=1.09" and "EUR:USD=1.08" give EUR:USD two different rates/],
    [['EUR:USD=1.25', 'USD:EUR=0.81'], /not each other's inverse/],
  ])('%j: usage error (exit 2)', (fx, message) => {
    const r = run(['calc', 'examples/bill.csv', '--date', '2025-04-15', ...fx.flatMap((f) => ['--fx', f])]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('the same rate twice, or a pair and its exact inverse, is accepted', () => {
    const bill = 'hts,value,currency\n8517.13.00.00,100.00,EUR\n';
    // 100.00 EUR x 1.25 = 125.00 USD; fentanyl 20% = 25.00
    for (const fx of [['EUR:USD=1.25', 'EUR:USD=1.25'], ['EUR:USD=1.25', 'USD:EUR=0.8']]) {
      const j = runJson(['calc', '-', '--date', '2025-04-15', '--format', 'json', ...fx.flatMap((f) => ['--fx', f])], bill).json;
      expect([j.lines[0].customsValue, j.lines[0].duty]).toEqual(['125.00', '25.00']);
    }
  });
});
