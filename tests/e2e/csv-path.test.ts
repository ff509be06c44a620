// CSV and NDJSON output take the integer-cent path (plans per kind of line, a binary record file between the passes).
// On a bill made of the awkward cases, every NDJSON line is the line object of the plain Decimal engine (priceBill, in
// this process), and every figure of every CSV line is the same.
import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { priceBill } from '../../src/core/bill.js';
import { Decimal } from '../../src/core/money.js';
import { parseFx, today } from '../../src/cli/options.js';
import { openBill } from '../../src/cli/read-bill.js';
import { parseRow } from '../../src/input/row.js';
import { lineObject } from '../../src/output/document.js';
import { loadLedger } from '../../src/rates/load.js';
import type { BillLine, Mode } from '../../src/core/types.js';
import { run } from './run.js';

const HEADER = 'sku,hts,value,quantity,price,freight,insurance,into,currency,claims,date,entry,extra_rate,metal_value,notes';
const rows = [
  // one kind of US line, five times (its plan is made from the second), then with metal content = value (declined)
  ...[1, 2, 3, 4, 5].map((i) => `A${i},9403.10.00.40,${1000 + i}.25,,,,,US,USD,,2025-09-04,E1,,${300 + i}.00,`),
  'A6,9403.10.00.40,800.00,,,,,US,USD,,2025-09-04,E1,,800.00,',
  // quantities and selling prices (margins, target price), freight and insurance, AD/CVD
  ...[1, 2, 3, 4].map((i) => `B${i},0201.10.05.90,${2000 + 37 * i}.10,${100 + i}.5,${(40 + i).toFixed(2)},125.00,10.50,US,USD,,2025-09-04,E2,12.5,,`),
  // a Chinese declaration small enough to be exempt, and one that is not, with a quantity
  'C1,0203.29.00,20.00,,,,,CN,CNY,,2026-03-01,K1,,,', 'C2,0203.29.00,25.00,,,,,CN,CNY,,2026-03-01,K1,,,',
  ...[1, 2, 3].map((i) => `C${2 + i},0203.29.00,${9000 + i}.00,${50 * i},,300.00,20.00,CN,CNY,,2026-03-01,K2,,,`),
  // input cells that need care: a NUL, a formula, a quoted comma and line break, a currency to convert
  'D1,8517.13.00.00,500.00,,,,,US,USD,,2025-04-15,E3,,,"a\u0000b"',
  'D2,8517.13.00.00,600.00,,,,,US,USD,,2025-04-15,E3,,,=SUM(A1:A9)',
  'D3,8517.13.00.00,700.00,,,,,US,USD,,2025-04-15,E3,,,"one, two\nthree"',
  'D4,8517.13.00.00,800.00,,,,,US,EUR,,2025-04-15,E3,,,',
  // a row refused, between priced rows
  'E1,8517.13.00.00,100.00,,,,,US,USD,,2025-13-01,E3,,,',
  ...[1, 2, 3].map((i) => `D${4 + i},8517.13.00.00,${900 + i}.00,,,,,US,USD,,2025-04-15,E3,,,`),
];

/** The line objects of a bill priced by the plain engine in this process (priceBill), as calc reads it with `args`, as NDJSON writes them. */
async function engine(file: string, args: string[]): Promise<string[]> {
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const bill = await openBill(file);
  const fx = option('--fx');
  const defaults = { into: 'US' as const, date: option('--date') ?? today(), mode: (option('--mode') ?? 'ocean') as Mode, fx: parseFx(fx === undefined ? undefined : [fx]) };
  const lines: BillLine[] = [];
  for await (const batch of bill.batches) for (const r of batch) {
    const line = r.cells.length > bill.headers.length ? [] : parseRow(r.row, r.cells, bill.header, defaults);
    if (!Array.isArray(line)) lines.push(line);
  }
  const margin = option('--target-margin');
  return priceBill(lines, loadLedger()).lines.map((l) => JSON.stringify(lineObject(l, margin === undefined ? undefined : new Decimal(margin))));
}

/** Price a bill as CSV and as NDJSON: the same exit code, the same standard error; NDJSON the engine's line objects, CSV the same figures. */
async function same(bill: string, args: string[] = []): Promise<Record<string, string>[] & { status: number | null; stderr: string }> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'csv-path-')), 'bill.csv');
  fs.writeFileSync(file, bill);
  const csv = run(['calc', file, '--format', 'csv', ...args]);
  const nd = run(['calc', file, '--format', 'ndjson', ...args]);
  // the table is priced line by line by the engine: its warnings, rejected rows and exit code are the reference
  const table = run(['calc', file, '--format', 'table', ...args]);
  expect([csv.status, csv.stderr]).toEqual([table.status, table.stderr]);
  expect([nd.status, nd.stderr]).toEqual([table.status, table.stderr]);
  const out = parse(csv.stdout, { columns: true, relax_column_count: true }) as Record<string, string>[];
  const texts = nd.stdout.trimEnd().split('\n');
  // each line as the engine's line object writes it, to the byte
  expect(texts.slice(0, -1)).toEqual(await engine(file, args));
  const lines = texts.map((l) => JSON.parse(l));
  const end = lines.pop();
  // the JSON document holds the same lines, totals, rejected rows and warnings
  const doc = run(['calc', file, '--format', 'json', ...args]);
  expect([doc.status, doc.stderr]).toEqual([nd.status, nd.stderr]);
  const json = JSON.parse(doc.stdout);
  expect([json.lines, json.totals, json.rejected, json.warnings]).toEqual([lines, end.totals, end.rejected, end.warnings]);
  expect(out).toHaveLength(lines.length);
  out.forEach((c, i) => {
    const l = lines[i];
    const fees = l.into === 'US' ? [l.mpf, l.hmf] : ['0.00', '0.00'];
    const taxes = l.into === 'CN' ? [l.consumptionTax, l.vat] : ['0.00', '0.00'];
    expect([c.customs_value, c.duty, c.mpf, c.hmf, c.fees, c.consumption_tax, c.vat, c.taxes, c.landed_cost, c.effective_duty_rate,
      c.unit_landed_cost, c.margin_before_tariffs, c.margin_after_tariffs, c.target_price, c.duties], `row of ${c.sku}`).toEqual([
      l.customsValue, l.duty, ...fees, l.fees, ...taxes, l.taxes, l.landedCost, l.effectiveDutyRate,
      l.unitLandedCost ?? '', l.marginBeforeTariffs ?? '', l.marginAfterTariffs ?? '', l.targetPrice ?? '',
      l.duties.map((d: { program: string; heading: string; rate: string; amount: string }) => `${d.program} ${d.heading} ${d.rate} ${d.amount}`).join('; ')]);
  });
  return Object.assign(out, { status: csv.status, stderr: csv.stderr });
}

describe('CSV output (integer cents) = NDJSON output (Decimal engine)', () => {
  it('on plans, declined lines, exempt declarations, margins, odd cells, conversions and refused rows', async () => {
    const out = await same([HEADER, ...rows].join('\n') + '\n', ['--fx', 'EUR:USD=1.0835', '--target-margin', '25']);
    // exit 3: a row was refused
    expect(out.status).toBe(3);
    expect(out.stderr).toMatch(/small consignment/);
    expect(out.stderr).toMatch(/row 21, column date/);
    expect(out).toHaveLength(rows.length - 1);
    const by = (sku: string) => out.find((r) => r.sku === sku)!;
    // the exempt declaration (K1: 77% of 20.00 + 25.00 = 34.65 <= 50) pays no ordinary duty and no VAT, but 第4号's 10%
    // is not reduced (此次加征的关税不予减免): 10% of 20.00 = 2.00; VAT 0.00
    expect([by('C1').duty, by('C1').vat]).toEqual(['2.00', '0.00']);
    // input cells come back as read, a formula neutralised, the quoted cell quoted again
    expect([by('D1').notes, by('D2').notes, by('D3').notes]).toEqual(['a\u0000b', "'=SUM(A1:A9)", 'one, two\nthree']);
    // the margins of a line with a price are there (computed by the Decimal path for both)
    expect(by('B1').margin_after_tariffs).not.toBe('');
  });
});

describe('CSV output = NDJSON output on what a review found', () => {
  it('quotes a bare line feed in a cell of a CRLF bill, so the output row is not split', async () => {
    const out = await same('sku,hts,value,date,notes\r\nA1,8517.13.00.00,100.00,2025-04-15,one\ntwo\r\nA2,8517.13.00.00,200.00,2025-04-15,x\r\n');
    expect(out.map((r) => [r.sku, r.notes])).toEqual([['A1', 'one\ntwo'], ['A2', 'x']]);
  });

  it('does not let a cell holding the key separator make two kinds of row one', async () => {
    // row 4's date cell is not a date: the engine refuses it, and so must the CSV path
    const r = await same('sku,hts,value,claims,date\nA1,8517.13.00.00,100.00,9903.94.06\u0001x,2025-04-15\nA2,8517.13.00.00,200.00,9903.94.06\u0001x,2025-04-15\n'
      + 'B1,8517.13.00.00,300.00,x,2025-04-15\u00019903.94.06\n');
    expect(r.map((x) => x.sku)).toEqual(['A1', 'A2']);
  });

  it('prices amounts past 64 bits of cents', async () => {
    const [r] = await same('sku,hts,value,extra_rate,date\nA1,8517.13.00.00,999999999999999.99,9999,2025-04-15\n');
    // 9,999% of 999,999,999,999,999.99 = 99.99 x 999,999,999,999,999.99 = 99,989,999,999,999,999.0001 -> ...999.00
    expect(r!.duties).toContain('Additional (user) extra_rate 9999% 99989999999999999.00');
  });

  it('splits the fees of an entry with a line worth more than 64 bits of cents (after --fx)', async () => {
    // 999,999,999,999,999.99 yen at 150 = 149,999,999,999,999,998.50 dollars: 1.5e19 cents, past 2^63 (9.2e18)
    const [a, b] = await same('sku,hts,value,currency,date,entry\nA,8517.13.00.00,999999999999999.99,JPY,2025-10-01,1\nB,8517.13.00.00,100,USD,2025-10-01,1\n', ['--fx', 'JPY:USD=150']);
    // MPF at the FY2026 maximum, almost all of it on A; HMF 0.125% of 149,999,999,999,999,998.50 + 100.00 =
    // 187,500,000,000,000.1231... -> 187,500,000,000,000.12, B's share 0.125% of its 100.00 rounded down to 0.12 or less
    expect([a!.mpf, b!.mpf]).toEqual(['651.50', '0.00']);
    expect(BigInt(a!.hmf!.replace('.', '')) + BigInt(b!.hmf!.replace('.', ''))).toBe(18750000000000012n);
  });

  it('refuses an exchange rate past a billion, which could take amounts past the 40 digits the engine keeps exactly', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'csv-path-')), 'bill.csv');
    fs.writeFileSync(file, 'sku,hts,value,currency,date\nA,8517.13.00.00,928871503820726.43,EUR,2025-10-01\n');
    const r = run(['calc', file, '--fx', 'EUR:USD=5639631731970549029072106.258']);
    expect([r.status, r.stdout, r.stderr.trim()]).toEqual([2, '', 'tariff: --fx "EUR:USD=5639631731970549029072106.258": EUR:USD = 5639631731970549029072106.258 is outside 0.000000001 to 1000000000: expected the units of USD for one EUR, e.g. EUR:USD=1.0832']);
    expect(run(['calc', file, '--fx', 'EUR:USD=0.0000000001']).status).toBe(2);
    expect(run(['calc', file, '--fx', 'EUR:USD=1000000000']).status).toBe(0);
  });

  it('exempts a Chinese declaration whose duty is 50.00 CNY, not one of 50.01', async () => {
    // 8542.31.90 on 2025-06-01: 0% MFN + 10% (第4号) (cn-measures); 500.00 -> duty 50.00, exempt: the MFN part (0.00)
    // and VAT are waived, 第4号's 10% is not (不予减免): duty 50.00, VAT 0.00;
    // 500.10 -> duty 50.01, due: VAT 13% of (500.10 + 50.01) = 71.5143 -> 71.51
    const [at, over] = await same('sku,hts,value,into,currency,date,entry\nC1,8542.31.90,500.00,CN,CNY,2025-06-01,D1\nC2,8542.31.90,500.10,CN,CNY,2025-06-01,D2\n');
    expect([at!.duty, at!.vat, over!.duty, over!.vat]).toEqual(['50.00', '0.00', '50.01', '71.51']);
  });

  it('takes quantities of more than 21 digits to the Decimal engine', async () => {
    const long = `0.4${'9'.repeat(44)}`;
    await same(`sku,hts,value,origin,date,quantity,unit,mfn_rate\nA1,8517.13.00.00,1.00,VN,2025-01-15,3,kg,1¢/kg\nA2,8517.13.00.00,1.00,VN,2025-01-15,3,kg,1¢/kg\n`
      + `A3,8517.13.00.00,0.00,VN,2025-01-15,${long},kg,1¢/kg\nA4,8517.13.00.00,1.01,VN,2025-01-15,2.0000000000000000000000000000000000000001,kg,1¢/kg\n`);
  });

  it('keeps the computed columns under their names for a row shorter than the header', async () => {
    const out = await same('sku,hts,value,date,notes,extra\nA1,8517.13.00.00,100.00,2025-04-15,n,e\nA2,8517.13.00.00,200.00,2025-04-15\n');
    expect([out[1]!.notes, out[1]!.extra, out[1]!.hts_code]).toEqual(['', '', '8517.13.00.00']);
  });

  it('lists a replaced measure as the engine does when a line leaves it no remainder (postal items with metal content)', async () => {
    // postal duty replaces every measure; the reciprocal duty, on the value not covered by steel, is listed as replaced,
    // but for the last line (metal content = value) as not applying: that line is priced by the engine
    const lines = [1, 2, 3].map((i) => `A${i},9403.10.00,${100 + i}.00,40.00,2025-11-15`);
    await same(['sku,hts,value,metal_value,date', ...lines, 'A4,9403.10.00,50.00,50.00,2025-11-15'].join('\n') + '\n', ['--mode', 'postal']);
  });

  it('shares a plan between dates only when it gives each date what the engine gives', async () => {
    // smartphones on dates either side of the fentanyl duty's start (2025-03-04) and later, three lines a date; a
    // battery with a claim whose warning names the date; Chinese chips either side of 税委会公告2025年第4号 (2025-04-10)
    const dates = ['2025-02-20', '2025-03-03', '2025-03-04', '2025-03-20', '2025-04-10', '2025-04-11', '2025-06-01', '2026-03-01'];
    const lines = dates.flatMap((d, i) => [1, 2, 3].flatMap((j) => [
      `P${i}${j},8517.13.00.00,${100 * j + i}.25,US,USD,,${d},E${i}`,
      `B${i}${j},8507.60.00.90,${200 * j + i}.10,US,USD,9903.94.06,${d},E${i}`,
      `C${i}${j},8542.31.90,${300 * j + i}.00,CN,CNY,,${d},K${i}`,
    ]));
    const out = await same(['sku,hts,value,into,currency,claims,date,entry', ...lines].join('\n') + '\n');
    expect(out).toHaveLength(72);
  });

  it('counts each row of an exempt declaration once in a warning', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => `C${i},203.29.00,${i + 1}.00,CN,CNY,2026-03-01,K1`);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'csv-path-')), 'bill.csv');
    fs.writeFileSync(file, ['sku,hts,value,into,currency,date,entry', ...rows].join('\n') + '\n');
    const r = run(['calc', file, '--format', 'csv']);
    // rows 2-11: five named and five more, not "and 11 more"
    expect(r.stderr).toMatch(/rows 2, 3, 4, 5, 6 and 5 more: hts 2032900 read as 02032900/);
    await same(fs.readFileSync(file, 'utf8'));
  });
});
