// Bad and awkward bills from spreadsheets and ERPs (tests/fixtures/corpus): each with its exact outcome.
// Every run checks conservation: rows in = rows priced + rows rejected.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ROOT, run, STACK_LINE } from './run.js';

const dir = path.join(ROOT, 'tests/fixtures/corpus');
interface Case {
  file: string;
  args?: string[];
  exit: number;
  stderr?: RegExp;
  priced?: number;
  rejected?: [number, string][];
  check?: (json: any) => void;
}

/** a priced line's figures, its duties keyed "program heading" (fees and landed cost too unless `fees` is false) */
function figures(l: any, fees = true): Record<string, unknown> {
  const f: Record<string, unknown> = {
    row: l.row, hts: l.hts, customsValue: l.customsValue,
    duties: Object.fromEntries(l.duties.map((d: any) => [`${d.program} ${d.heading}`, d.amount])),
    duty: l.duty, effectiveDutyRate: l.effectiveDutyRate,
  };
  if (l.duties.length !== Object.keys(f.duties as object).length) f.duties = l.duties; // two amounts under one key: show them all
  return fees ? { ...f, mpf: l.mpf, hmf: l.hmf, landedCost: l.landedCost } : f;
}

/** the bill priced exactly one line, with these figures, and its US totals are that line's */
function onlyLine(j: any, want: Record<string, any>): void {
  expect(j.lines).toHaveLength(1);
  expect(figures(j.lines[0])).toEqual(want);
  const t = j.totals.US;
  expect([t.customsValue, t.duty, t.mpf, t.hmf, t.landedCost]).toEqual([want.customsValue, want.duty, want.mpf, want.hmf, want.landedCost]);
}

// The phone line most fixtures hold: 8517.13.00.00 (smartphones) at 100.00 USD, origin CN, entered 2025-04-15, ocean,
// the only line of its entry. MFN Free (rates/us/hts/85.json): 0% × 100.00 = 0.00; IEEPA fentanyl 9903.01.24
// 20% × 100.00 = 20.00; IEEPA reciprocal 9903.01.63 125% not applied (85171300 on Annex II from 2025-04-05,
// rates/us/lists/annex-ii.json); Section 301 and 232: on no list: duty 0.00 + 20.00 = 20.00, 20.00% of 100.00.
// MPF FY2025: entry 100.00 under 2,500, informal fee 2.62; HMF 0.125% × 100.00 = 0.125 -> 0.13 (half up);
// landed 100.00 + 20.00 + 2.62 + 0.13 = 122.75
const PHONE_100 = {
  row: 2, hts: '8517.13.00.00', customsValue: '100.00',
  duties: { 'MFN 8517.13.00.00': '0.00', 'IEEPA fentanyl 9903.01.24': '20.00' },
  duty: '20.00', effectiveDutyRate: '20.00', mpf: '2.62', hmf: '0.13', landedCost: '122.75',
};

const cases: Case[] = [
  { file: '01-empty.csv', exit: 1, stderr: /empty file: expected a header row/ },
  { file: '02-header-only.csv', exit: 0, priced: 0, stderr: /has a header and no rows/ },
  { file: '03-missing-value-column.csv', exit: 1, stderr: /row 1 \(header\): missing required column "value"/ },
  { file: '04-missing-hts-column.csv', exit: 1, stderr: /missing required column "hts"/ },
  { file: '05-unbalanced-quotes.csv', exit: 1, stderr: /the CSV cannot be read near line \d+: .*[Qq]uote/ },
  // row 3 (the good row) is the phone line at 100.00 (PHONE_100): duty 20.00, landed 122.75; the rejected row 2 adds nothing
  { file: '06-ragged-more-cells.csv', exit: 3, priced: 1, rejected: [[2, '(row)']], stderr: /has 4 cells but the header has 3/,
    check: (j) => { onlyLine(j, { ...PHONE_100, row: 3 }); expect(j.lines[0].description).toBe('ok'); } },
  // the two cells land in hts and value, the missing description is empty: the phone line at 100.00 (PHONE_100),
  // fentanyl 20% × 100.00 = 20.00, duty 20.00, landed 122.75
  { file: '07-ragged-fewer-cells.csv', exit: 0, priced: 1, check: (j) => { onlyLine(j, PHONE_100); expect(j.lines[0].description ?? '').toBe(''); } },
  // the BOM is not part of the "hts" header: the phone line at 100.00 (PHONE_100), duty 20.00, landed 122.75
  { file: '08-bom.csv', exit: 0, priced: 1, check: (j) => onlyLine(j, PHONE_100) },
  // row 2: the phone line at 100.00 (PHONE_100): fentanyl 20% × 100.00 = 20.00.
  // row 3: 6110.20.20.79 at 100.00: MFN 16.5% (61102020, hts/61.json) × 100.00 = 16.50; Section 301 9903.88.15 (List 4A,
  // 61102020) 7.5% × 100.00 = 7.50; fentanyl 20% × 100.00 = 20.00; reciprocal 9903.01.63 125% × 100.00 = 125.00 (not on
  // Annex II): 169.00. One entry of 200.00: MPF informal 2.62 (under 2,500), HMF 0.125% × 200.00 = 0.25
  { file: '09-crlf.csv', exit: 0, priced: 2, check: (j) => {
    expect(j.lines.map((l: any) => figures(l, false))).toEqual([
      { row: 2, hts: '8517.13.00.00', customsValue: '100.00', duties: PHONE_100.duties, duty: '20.00', effectiveDutyRate: '20.00' },
      { row: 3, hts: '6110.20.20.79', customsValue: '100.00', duty: '169.00', effectiveDutyRate: '169.00',
        duties: { 'MFN 6110.20.20.79': '16.50', 'Section 301 9903.88.15': '7.50', 'IEEPA fentanyl 9903.01.24': '20.00', 'IEEPA reciprocal 9903.01.63': '125.00' } },
    ]);
    const t = j.totals.US;
    expect([t.customsValue, t.duty, t.mpf, t.hmf]).toEqual(['200.00', '189.00', '2.62', '0.25']);
  } },
  // split on ";": hts 8517.13.00.00, value 100.00, description "phones": the phone line at 100.00 (PHONE_100),
  // fentanyl 20% × 100.00 = 20.00, duty 20.00, landed 122.75
  { file: '10-semicolon.csv', exit: 0, priced: 1, check: (j) => { onlyLine(j, PHONE_100); expect(j.lines[0].description).toBe('phones'); } },
  // split on tab: hts 8517.13.00.00, value 100.00: the phone line at 100.00 (PHONE_100), duty 20.00, landed 122.75
  { file: '11-tab.tsv', exit: 0, priced: 1, check: (j) => onlyLine(j, PHONE_100) },
  { file: '12-decimal-comma.csv', exit: 3, priced: 0, rejected: [[2, 'value']], stderr: /"100,50" looks like a decimal comma/ },
  // "100,50" is 100.50: fentanyl 20% × 100.50 = 20.10 (20.00%); MPF informal 2.62; HMF 0.125% × 100.50 = 0.125625 -> 0.13;
  // landed 100.50 + 20.10 + 2.62 + 0.13 = 123.35
  { file: '12-decimal-comma.csv', args: ['--decimal-comma'], exit: 0, priced: 1, check: (j) => onlyLine(j, {
    ...PHONE_100, customsValue: '100.50', duties: { 'MFN 8517.13.00.00': '0.00', 'IEEPA fentanyl 9903.01.24': '20.10' },
    duty: '20.10', hmf: '0.13', landedCost: '123.35' }) },
  // "1.234,56" is 1234.56: fentanyl 20% × 1234.56 = 246.912 -> 246.91 (246.91 / 1234.56 = 19.9998% -> 20.00);
  // MPF informal 2.62 (under 2,500); HMF 0.125% × 1234.56 = 1.5432 -> 1.54; landed 1234.56 + 246.91 + 2.62 + 1.54 = 1485.63
  { file: '13-decimal-comma-grouped.csv', args: ['--decimal-comma'], exit: 0, priced: 1, check: (j) => onlyLine(j, {
    ...PHONE_100, customsValue: '1234.56', duties: { 'MFN 8517.13.00.00': '0.00', 'IEEPA fentanyl 9903.01.24': '246.91' },
    duty: '246.91', hmf: '1.54', landedCost: '1485.63' }) },
  // "1,234.56" is 1234.56: the same figures as 13 (duty 246.91, landed 1485.63)
  { file: '14-thousands-separator.csv', exit: 0, priced: 1, check: (j) => onlyLine(j, {
    ...PHONE_100, customsValue: '1234.56', duties: { 'MFN 8517.13.00.00': '0.00', 'IEEPA fentanyl 9903.01.24': '246.91' },
    duty: '246.91', hmf: '1.54', landedCost: '1485.63' }) },
  // "$1,000.00" is 1000.00: fentanyl 20% × 1000.00 = 200.00; MPF informal 2.62; HMF 0.125% × 1000.00 = 1.25;
  // landed 1000.00 + 200.00 + 2.62 + 1.25 = 1203.87
  { file: '15-dollar-sign.csv', exit: 0, priced: 1, check: (j) => onlyLine(j, {
    ...PHONE_100, customsValue: '1000.00', duties: { 'MFN 8517.13.00.00': '0.00', 'IEEPA fentanyl 9903.01.24': '200.00' },
    duty: '200.00', hmf: '1.25', landedCost: '1203.87' }) },
  { file: '16-euro-sign.csv', exit: 3, rejected: [[2, 'value']], stderr: /"€100" is not an amount/ },
  { file: '17-dollar-sign-on-cny-line.csv', exit: 3, rejected: [[2, 'value']], stderr: /dollar sign but the line's currency is CNY/ },
  { file: '18-negative-value.csv', exit: 3, priced: 0, rejected: [[2, 'value'], [3, 'value']], stderr: /is negative/ },
  { file: '19-zero-value.csv', exit: 0, priced: 1, check: (j) => expect([j.lines[0].duty, j.lines[0].effectiveDutyRate]).toEqual(['0.00', '0.00']) },
  { file: '20-huge-value.csv', exit: 3, rejected: [[2, 'value']], stderr: /too large: expected at most 15 digits/ },
  // 999,999,999,999,999.99: each measure rounded to the cent: MFN 16.5% 165,000,000,000,000.00 (…999.99835);
  // fentanyl 20% 200,000,000,000,000.00 (…999.998); reciprocal 125% 1,249,999,999,999,999.99 (…999.9875);
  // 301 7.5% 75,000,000,000,000.00 (…999.99925): 1,689,999,999,999,999.99; MPF at its FY2025 maximum
  { file: '21-largest-value.csv', exit: 0, priced: 1, check: (j) => expect([j.lines[0].duty, j.lines[0].mpf]).toEqual(['1689999999999999.99', '634.62']) },
  { file: '22-too-many-decimals.csv', exit: 3, rejected: [[2, 'value']], stderr: /more than 2 decimals/ },
  // row 3 is the phone line at 100.00 (PHONE_100): duty 20.00, landed 122.75
  { file: '23-text-in-value.csv', exit: 3, priced: 1, rejected: [[2, 'value']], stderr: /"abc" is not an amount/, check: (j) => onlyLine(j, { ...PHONE_100, row: 3 }) },
  { file: '24-invalid-date.csv', exit: 3, rejected: [[2, 'date']], stderr: /"15\/04\/2025" is not a date: expected YYYY-MM-DD/ },
  { file: '25-impossible-date.csv', exit: 3, rejected: [[2, 'date']] },
  { file: '26-date-before-2025.csv', exit: 3, rejected: [[2, 'date']], stderr: /before 2025-01-01/ },
  { file: '27-unknown-code.csv', exit: 3, rejected: [[2, 'hts']], stderr: /9999\.99\.99 is not a line of the HTSUS/ },
  { file: '28-malformed-code.csv', exit: 3, rejected: [[2, 'hts']], stderr: /"85A7\.13\.00" is not a tariff code/ },
  // 0901.21.00 (roasted coffee, not decaffeinated) at 100.00: MFN Free (hts/09.json) 0.00; Section 301 9903.88.15 (List 4A,
  // 09012100) 7.5% × 100.00 = 7.50; fentanyl 20% × 100.00 = 20.00; reciprocal 9903.01.63 125% × 100.00 = 125.00
  // (09012100 joins Annex II only from 2025-11-13): 152.50, 152.50%. MPF informal 2.62; HMF 0.13; landed 100.00 + 152.50 + 2.62 + 0.13 = 255.25
  { file: '29-lost-leading-zero.csv', exit: 0, priced: 1, stderr: /hts 9012100 read as 0901\.21\.00/, check: (j) => onlyLine(j, {
    row: 2, hts: '0901.21.00', customsValue: '100.00',
    duties: { 'MFN 0901.21.00': '0.00', 'Section 301 9903.88.15': '7.50', 'IEEPA fentanyl 9903.01.24': '20.00', 'IEEPA reciprocal 9903.01.63': '125.00' },
    duty: '152.50', effectiveDutyRate: '152.50', mpf: '2.62', hmf: '0.13', landedCost: '255.25' }) },
  { file: '30-unknown-currency.csv', exit: 3, rejected: [[2, 'currency']], stderr: /"XYZ" is not a currency/ },
  { file: '31-currency-without-fx.csv', exit: 3, rejected: [[2, 'currency']], stderr: /EUR needs an exchange rate to USD: pass --fx EUR:USD=RATE/ },
  // 100.00 EUR × 1.10 = 110.00 USD: fentanyl 20% × 110.00 = 22.00; MPF informal 2.62; HMF 0.125% × 110.00 = 0.1375 -> 0.14;
  // landed 110.00 + 22.00 + 2.62 + 0.14 = 134.76
  { file: '31-currency-without-fx.csv', args: ['--fx', 'EUR:USD=1.10'], exit: 0, priced: 1, check: (j) => onlyLine(j, {
    ...PHONE_100, customsValue: '110.00', duties: { 'MFN 8517.13.00.00': '0.00', 'IEEPA fentanyl 9903.01.24': '22.00' },
    duty: '22.00', hmf: '0.14', landedCost: '134.76' }) },
  // "China" as invoices write it is CN (issue 17): the line prices as the 100.00 smartphone of CN origin
  { file: '32-origin-as-name.csv', exit: 0, priced: 1, check: (j) => onlyLine(j, PHONE_100) },
  { file: '33-origin-not-a-country.csv', exit: 3, rejected: [[2, 'origin']] },
  { file: '34-specific-rate-without-quantity.csv', exit: 3, rejected: [[2, 'quantity']], stderr: /give the quantity in kg/ },
  { file: '35-duplicate-header.csv', exit: 1, stderr: /headers "value" and "customs_value" \(column 3\) both mean value/ },
  { file: '36-duplicate-unknown-header.csv', exit: 1, stderr: /header "note" appears twice/ },
  // the __proto__ and constructor columns change nothing: the phone line at 100.00 (PHONE_100), duty 20.00, landed 122.75
  { file: '37-proto-header.csv', exit: 0, priced: 1, check: (j) => onlyLine(j, PHONE_100) },
  // a description of 2^20 = 1,048,576 "x" (file 1,048,622 bytes less 46 of header, code, value, quotes and newlines):
  // the phone line at 100.00 (PHONE_100), duty 20.00, landed 122.75
  { file: '38-one-megabyte-field.csv', exit: 0, priced: 1, check: (j) => { onlyLine(j, PHONE_100); expect(j.lines[0].description).toBe('x'.repeat(1048576)); } },
  { file: '39-random-bytes.csv', exit: 1, stderr: /not valid utf-8/ },
  { file: '40-gb18030.csv', exit: 1, stderr: /line 2 \(byte \d+\) has bytes that are not valid utf-8: .*--encoding/ },
  // GB18030 D6C7 C4DC CAD6 BBFA is 智能手机: the phone line at 100.00 (PHONE_100), duty 20.00, landed 122.75
  { file: '40-gb18030.csv', args: ['--encoding', 'gb18030'], exit: 0, priced: 1, check: (j) => { onlyLine(j, PHONE_100); expect(j.lines[0].description).toBe('智能手机'); } },
  // row 3 (after a blank row 2) is the phone line at 100.00 (PHONE_100): duty 20.00, landed 122.75
  { file: '41-blank-lines.csv', exit: 3, priced: 1, rejected: [[5, 'value']], check: (j) => onlyLine(j, { ...PHONE_100, row: 3 }) },
  { file: '42-bad-into.csv', exit: 3, rejected: [[2, 'into']], stderr: /"MX" is not an importing side/ },
  { file: '43-unit-mismatch.csv', exit: 3, rejected: [[2, 'unit']], stderr: /is per kg, but the line's quantity is in doz\./ },
  // row 2 (its description spans two lines) is the phone line at 100.00 (PHONE_100): duty 20.00, landed 122.75
  { file: '44-multiline-field.csv', exit: 3, priced: 1, rejected: [[3, 'value']], check: (j) => { onlyLine(j, PHONE_100); expect(j.lines[0].description).toBe('two\nlines'); } },
  { file: '46-bad-mfn-rate.csv', exit: 3, rejected: [[2, 'mfn_rate']], stderr: /"three percent" is not a rate/ },
  { file: '47-loaded-after-entry.csv', exit: 3, rejected: [[2, 'loaded_on']], stderr: /2025-05-01 is after the entry date 2025-04-15/ },
  // the unknown claim removes nothing: the phone line at 100.00 (PHONE_100), duty 20.00, landed 122.75
  { file: '48-unknown-claim.csv', exit: 0, priced: 1, stderr: /claim free-please not applied: "free-please" is not a claim this ledger knows/, check: (j) => onlyLine(j, PHONE_100) },
];

/** data rows of a file as a spreadsheet counts them (blank lines are not rows of the bill) */
function dataRows(file: string): number | undefined {
  try {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const delimiter = text.split('\n')[0]!.includes(';') ? ';' : text.split('\n')[0]!.includes('\t') ? '\t' : ',';
    return (parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, delimiter }) as string[][]).length - 1;
  } catch {
    return undefined;
  }
}

describe('the corpus of bad and awkward bills', () => {
  it('has at least 40 inputs', () => {
    expect(fs.readdirSync(dir).length).toBeGreaterThanOrEqual(40);
  });
  it.each(cases.map((c) => [`${c.file} ${(c.args ?? []).join(' ')}`.trim(), c] as const))('%s', (_name, c) => {
    const r = run(['calc', path.join(dir, c.file), '--date', '2025-04-15', '--format', 'json', ...(c.args ?? [])]);
    expect(r.status, r.stderr.slice(0, 500)).toBe(c.exit);
    expect(r.stderr).not.toMatch(STACK_LINE);
    if (c.stderr) expect(r.stderr).toMatch(c.stderr);
    if (c.exit === 1) {
      expect(r.stdout).toBe('');
      return;
    }
    const json = JSON.parse(r.stdout);
    if (c.priced !== undefined) expect(json.lines).toHaveLength(c.priced);
    if (c.rejected) expect(json.rejected.map((x: any) => [x.row, x.column])).toEqual(c.rejected);
    const rows = dataRows(c.file);
    if (rows !== undefined) expect(json.lines.length + new Set(json.rejected.map((x: any) => x.row)).size).toBe(rows);
    c.check?.(json);
  });
  it('neutralises spreadsheet formulas in CSV output (OWASP CSV injection)', () => {
    const r = run(['calc', path.join(dir, '45-formula-injection.csv'), '--date', '2025-04-15', '--format', 'csv']);
    const rows = parse(r.stdout) as string[][];
    expect(rows[1]![2]).toBe(`'=HYPERLINK("http://x")`);
  });
  it('keeps a __proto__ column as a plain column in CSV output', () => {
    const r = run(['calc', path.join(dir, '37-proto-header.csv'), '--date', '2025-04-15', '--format', 'csv']);
    const rows = parse(r.stdout) as string[][];
    expect(rows[0]!.slice(0, 4)).toEqual(['hts', 'value', '__proto__', 'constructor']);
    expect(rows[1]!.slice(2, 4)).toEqual(['x', 'y']);
  });
  it('--strict turns a rejected row into exit 1; --debug shows a stack only for an internal error', () => {
    expect(run(['calc', path.join(dir, '23-text-in-value.csv'), '--strict', '--format', 'json']).status).toBe(1);
    const plain = run(['calc', path.join(dir, 'no-such-file.csv')]);
    const debug = run(['calc', path.join(dir, 'no-such-file.csv'), '--debug']);
    expect([plain.status, debug.status]).toEqual([1, 1]);
    expect(plain.stderr).not.toMatch(STACK_LINE);
    expect(debug.stderr).toMatch(STACK_LINE);
  });
});
