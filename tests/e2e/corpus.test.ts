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

const cases: Case[] = [
  { file: '01-empty.csv', exit: 1, stderr: /empty file: expected a header row/ },
  { file: '02-header-only.csv', exit: 0, priced: 0, stderr: /has a header and no rows/ },
  { file: '03-missing-value-column.csv', exit: 1, stderr: /row 1 \(header\): missing required column "value"/ },
  { file: '04-missing-hts-column.csv', exit: 1, stderr: /missing required column "hts"/ },
  { file: '05-unbalanced-quotes.csv', exit: 1, stderr: /the CSV cannot be read near line \d+: .*[Qq]uote/ },
  { file: '06-ragged-more-cells.csv', exit: 3, priced: 1, rejected: [[2, '(row)']], stderr: /has 4 cells but the header has 3/ },
  { file: '07-ragged-fewer-cells.csv', exit: 0, priced: 1 },
  { file: '08-bom.csv', exit: 0, priced: 1, check: (j) => expect(j.lines[0].duty).toBe('20.00') },
  { file: '09-crlf.csv', exit: 0, priced: 2, check: (j) => expect(j.lines.map((l: any) => l.duty)).toEqual(['20.00', '169.00']) },
  { file: '10-semicolon.csv', exit: 0, priced: 1 },
  { file: '11-tab.tsv', exit: 0, priced: 1 },
  { file: '12-decimal-comma.csv', exit: 3, priced: 0, rejected: [[2, 'value']], stderr: /"100,50" looks like a decimal comma/ },
  { file: '12-decimal-comma.csv', args: ['--decimal-comma'], exit: 0, priced: 1, check: (j) => expect(j.lines[0].customsValue).toBe('100.50') },
  { file: '13-decimal-comma-grouped.csv', args: ['--decimal-comma'], exit: 0, priced: 1, check: (j) => expect(j.lines[0].customsValue).toBe('1234.56') },
  { file: '14-thousands-separator.csv', exit: 0, priced: 1, check: (j) => expect(j.lines[0].customsValue).toBe('1234.56') },
  { file: '15-dollar-sign.csv', exit: 0, priced: 1, check: (j) => expect(j.lines[0].customsValue).toBe('1000.00') },
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
  { file: '23-text-in-value.csv', exit: 3, priced: 1, rejected: [[2, 'value']], stderr: /"abc" is not an amount/ },
  { file: '24-invalid-date.csv', exit: 3, rejected: [[2, 'date']], stderr: /"15\/04\/2025" is not a date: expected YYYY-MM-DD/ },
  { file: '25-impossible-date.csv', exit: 3, rejected: [[2, 'date']] },
  { file: '26-date-before-2025.csv', exit: 3, rejected: [[2, 'date']], stderr: /before 2025-01-01/ },
  { file: '27-unknown-code.csv', exit: 3, rejected: [[2, 'hts']], stderr: /9999\.99\.99 is not a line of the HTSUS/ },
  { file: '28-malformed-code.csv', exit: 3, rejected: [[2, 'hts']], stderr: /"85A7\.13\.00" is not a tariff code/ },
  { file: '29-lost-leading-zero.csv', exit: 0, priced: 1, stderr: /hts 9012100 read as 0901\.21\.00/ },
  { file: '30-unknown-currency.csv', exit: 3, rejected: [[2, 'currency']], stderr: /"XYZ" is not a currency/ },
  { file: '31-currency-without-fx.csv', exit: 3, rejected: [[2, 'currency']], stderr: /EUR needs an exchange rate to USD: pass --fx EUR:USD=RATE/ },
  { file: '31-currency-without-fx.csv', args: ['--fx', 'EUR:USD=1.10'], exit: 0, priced: 1, check: (j) => expect(j.lines[0].customsValue).toBe('110.00') },
  { file: '32-origin-as-name.csv', exit: 3, rejected: [[2, 'origin']], stderr: /"CHINA" is not a country/ },
  { file: '33-origin-not-a-country.csv', exit: 3, rejected: [[2, 'origin']] },
  { file: '34-specific-rate-without-quantity.csv', exit: 3, rejected: [[2, 'quantity']], stderr: /give the quantity in kg/ },
  { file: '35-duplicate-header.csv', exit: 1, stderr: /headers "value" and "customs_value" \(column 3\) both mean value/ },
  { file: '36-duplicate-unknown-header.csv', exit: 1, stderr: /header "note" appears twice/ },
  { file: '37-proto-header.csv', exit: 0, priced: 1 },
  { file: '38-one-megabyte-field.csv', exit: 0, priced: 1 },
  { file: '39-random-bytes.csv', exit: 1, stderr: /not valid utf-8/ },
  { file: '40-gb18030.csv', exit: 1, stderr: /line 2 \(byte \d+\) has bytes that are not valid utf-8: .*--encoding/ },
  { file: '40-gb18030.csv', args: ['--encoding', 'gb18030'], exit: 0, priced: 1 },
  { file: '41-blank-lines.csv', exit: 3, priced: 1, rejected: [[5, 'value']] },
  { file: '42-bad-into.csv', exit: 3, rejected: [[2, 'into']], stderr: /"MX" is not an importing side/ },
  { file: '43-unit-mismatch.csv', exit: 3, rejected: [[2, 'unit']], stderr: /is per kg, but the line's quantity is in doz\./ },
  { file: '44-multiline-field.csv', exit: 3, priced: 1, rejected: [[3, 'value']] },
  { file: '46-bad-mfn-rate.csv', exit: 3, rejected: [[2, 'mfn_rate']], stderr: /"three percent" is not a rate/ },
  { file: '47-loaded-after-entry.csv', exit: 3, rejected: [[2, 'loaded_on']], stderr: /2025-05-01 is after the entry date 2025-04-15/ },
  { file: '48-unknown-claim.csv', exit: 0, priced: 1, stderr: /claim free-please not applied: "free-please" is not a claim this ledger knows/ },
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
