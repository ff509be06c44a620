import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run, runJson } from './run.js';

// One bill under each side's tariffs: a US smartphone line (the known answer of issue 2) and Ex.1's soybeans into China.
const BILL = [
  'sku,into,hts,value,currency,date,claims',
  'PHONE,US,8517.13.00.00,10000.00,USD,2025-04-15,',
  'SOY,CN,1201.90.19,467.34,USD,2025-09-04,cn-exclusion',
].join('\n') + '\n';

describe('both sides in one bill', () => {
  it('prices each line under its side and totals each side in its own currency', () => {
    const r = runJson(['calc', '-', '--format', 'json', '--fx', 'USD:CNY=7.1564'], BILL);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.lines[0]).toMatchObject({ into: 'US', currency: 'USD', duty: '2000.00', landedCost: '12047.14' });
    // 467.34 x 7.1564 = 3,344.47 CNY; 23%: 769.23; VAT 9%: 370.23; 4,483.93
    expect(r.json.lines[1]).toMatchObject({ into: 'CN', currency: 'CNY', customsValue: '3344.47', duty: '769.23', vat: '370.23', consumptionTax: '0.00', landedCost: '4483.93' });
    expect(r.json.totals.US).toMatchObject({ currency: 'USD', duty: '2000.00', mpf: '34.64', hmf: '12.50' });
    expect(r.json.totals.CN).toMatchObject({ currency: 'CNY', customsValue: '3344.47', duty: '769.23', vat: '370.23', taxes: '370.23', landedCost: '4483.93' });
  });
  it('a line in dollars into China needs --fx, and says so', () => {
    const r = run(['calc', '-', '--format', 'json'], BILL);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/row 3, column currency: USD needs an exchange rate to CNY: pass --fx USD:CNY=RATE/);
  });
  it('the table shows each side with its currency', () => {
    const r = run(['calc', '-', '--format', 'table', '--fx', 'USD:CNY=7.1564'], BILL);
    expect(r.stdout).toMatch(/Into US: program.*Amount \(USD\)/);
    expect(r.stdout).toMatch(/Into CN: program.*Amount \(CNY\)/);
    expect(r.stdout).toMatch(/Import VAT.*370\.23/);
  });
});

describe("China's defaults, with the legal basis the ledger gives", () => {
  it('adds insurance when only freight is given, and assumes the general VAT rate for a line the ledger does not know', () => {
    const bill = 'sku,into,hts,value,currency,freight,mfn_rate,date,claims\n'
      + 'SOY,CN,1201.90.19,3000.00,CNY,344.47,,2025-09-04,cn-exclusion\n'
      + 'TOY,CN,9503.00.89,1000.00,CNY,,5%,2025-01-15,\n';
    const r = runJson(['calc', '-', '--format', 'json'], bill);
    expect(r.status, r.stderr).toBe(0);
    // insurance 3 per mille of 3,000.00 + 344.47 = 10.03341: 10.03; CIF 3,354.50
    expect(r.json.lines[0].customsValue).toBe('3354.50');
    // 1,000.00 at the 5% given: 50.00 duty; VAT 13% of 1,050.00 = 136.50. The declaration is not a small consignment:
    // the soy line pays 3% MFN + 10% (第2号) + 10% (第4号) = 23% of 3,354.50 = 771.535 -> 771.54, so 821.54 in all, over 50.00
    expect(r.json.lines[1]).toMatchObject({ duty: '50.00', vat: '136.50' });
    expect(r.json.warnings).toContain('row 2: insurance not given: 3‰ of price and freight (10.03 CNY) is added, as customs does when it is unknown (GACC Order 213 Art. 36)');
    expect(r.json.warnings).toContain('row 3: 9503.00.89: import VAT 13% assumed: the general rate (VAT Law Art. 10(1) from 2026-01-01, the same 13% as under the Provisional Regulations before it); give vat_rate 9 for goods of Art. 10(2) (farm products, edible oils, natural gas, books, feed, fertiliser...)');
  });
});

describe('tariff lookup --into CN', () => {
  it('shows the Chinese stack with sources and the time of day', () => {
    const r = runJson(['lookup', '1201.90.19', '--into', 'CN', '--date', '2025-04-12T00:00', '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    // 3 + 25 + 2.5 + 10 (No. 2) + 125 (No. 6)
    expect(r.json.totalAdValorem).toBe('165.5%');
    expect(r.json.measures.map((m: any) => m.heading)).toContain('税委会公告2025年第6号');
    expect(r.json.vat).toBe('9%');
  });
  it('a date on a transition day without a time warns', () => {
    const r = run(['lookup', '1201.90.19', '--into', 'CN', '--date', '2025-05-14']);
    expect(r.stderr).toMatch(/12:01 on the entry date/);
  });
});

describe('issue 15: what a user of the CLI sees', () => {
  it('a US parcel of 10 USD still pays the additional duty (small consignment)', () => {
    // 10.00 USD x 7.1564 = 71.56 CNY; stethoscopes 4% + 10% = 10.02 CNY of duty <= 50: the MFN part and VAT are waived,
    // 第4号's 10% (71.56 x 10% = 7.156 -> 7.16) is not (此次加征的关税不予减免); landed cost 78.72
    const bill = 'sku,into,hts,value,currency,date\nSTETH,CN,9018.90.10.00,10.00,USD,2026-06-01\n';
    const r = runJson(['calc', '-', '--format', 'json', '--fx', 'USD:CNY=7.1564'], bill);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json.lines[0]).toMatchObject({ customsValue: '71.56', duty: '7.16', vat: '0.00', landedCost: '78.72' });
  });
  it('after 2026-11-10 13:01 the default is 34%, warned on every line; --scenario prices the extension at 10%', () => {
    const bill = 'sku,into,hts,value,currency,date\nA,CN,8542.31.90,1000.00,CNY,2026-12-01\nB,CN,8542.31.90,2000.00,CNY,2026-12-01\n';
    const r = runJson(['calc', '-', '--format', 'json'], bill);
    expect(r.json.lines.map((l: any) => l.duty)).toEqual(['340.00', '680.00']);
    expect(r.json.warnings.join('\n')).toMatch(/rows 2, 3: 税委会公告2025年第4号: OPEN QUESTION: 34%/);
    const s = runJson(['calc', '-', '--format', 'json', '--scenario', 'examples/scenarios/cn-suspension-extended.json'], bill);
    expect(s.status, s.stderr).toBe(0);
    expect(s.json.lines.map((l: any) => l.duty)).toEqual(['100.00', '200.00']);
    expect(s.json.warnings.join('\n')).toMatch(/rows 2, 3: 税委会公告2025年第4号: SCENARIO: 10%/);
  });
  it('rates info names the open question', () => {
    const r = run(['rates', 'info', '--format', 'table']);
    expect(r.stdout).toMatch(/open questions[\s\S]*cn-2025-4-34[\s\S]*cn-suspension-extended\.json/);
  });
  it('a transition-day lookup says each warning once', () => {
    const r = run(['lookup', '1201.90.19', '--into', 'CN', '--date', '2026-11-10']);
    expect(r.stderr.match(/changes at 2026-11-10T13:01/g)).toHaveLength(1);
  });
});

describe('tariff rates import-cn: a schedule of your own over the built-in lines', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-cn-'));
  it('reads code,mfn_rate,vat_rate[,ct_rate] into a file rates check accepts and --scenario layers over the ledger', () => {
    const csv = path.join(dir, 'broker.csv');
    // test rates, given by the user (not the schedule's): PE 6.5%, 13%; a spirit with a 20% ad valorem consumption tax
    fs.writeFileSync(csv, 'code,mfn_rate,vat_rate,ct_rate\n3901.10.00,6.5,13,\n22089090,10%,13,20\n');
    const imp = run(['rates', 'import-cn', csv]);
    expect(imp.status, imp.stderr).toBe(0);
    const out = path.join(dir, 'broker.cn-lines.json');
    expect(run(['rates', 'check', out]).status).toBe(0);
    const bill = 'sku,into,hts,value,currency,date\nPE,CN,3901.10.00,1000.00,CNY,2026-06-01\nGIN,CN,2208.90.90,1000.00,CNY,2026-06-01\n';
    // without it the ledger has no base rate for either line: both rejected
    expect(run(['calc', '-', '--format', 'json'], bill).status).toBe(3);
    const r = runJson(['calc', '-', '--format', 'json', '--scenario', out], bill);
    expect(r.status, r.stderr).toBe(0);
    // PE: 6.5 + 10 (第4号) = 16.5% of 1,000.00 = 165.00; VAT 13% x 1,165.00 = 151.45
    expect(r.json.lines[0]).toMatchObject({ duty: '165.00', consumptionTax: '0.00', vat: '151.45' });
    // GIN: 10 + 10 = 20%: 200.00; CT (1,000 + 200) / 0.8 x 20% = 300.00; VAT 13% x 1,500.00 = 195.00
    expect(r.json.lines[1]).toMatchObject({ duty: '200.00', consumptionTax: '300.00', vat: '195.00' });
    expect(r.json.lines[0].duties[0].source).toMatch(/user schedule broker\.csv; row 2/);
  });
  it('lists every bad row and writes nothing', () => {
    const csv = path.join(dir, 'bad.csv');
    fs.writeFileSync(csv, 'code,mfn_rate,vat_rate\n3901.10,6.5,13\n39011000,$1/kg,13\n39012000,5,13\n39012000,5,13\n');
    const r = run(['rates', 'import-cn', csv]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/row 2, column code: .*8 or 10 digits/);
    expect(r.stderr).toMatch(/row 3, column mfn_rate: .*ad valorem/);
    expect(r.stderr).toMatch(/row 5, column code: 39012000 is also on row 4/);
    expect(fs.existsSync(path.join(dir, 'bad.cn-lines.json'))).toBe(false);
  });
  it('rates check finds a bad hand-edited line', () => {
    const file = path.join(dir, 'edited.json');
    fs.writeFileSync(file, JSON.stringify({ scenario: 'x', cnLines: [{ code: '3901', description: 'x', mfn: '2 yuan/kg', vat: '13%', sources: [] }] }));
    const r = run(['rates', 'check', file]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/3901: code: expected a Chinese tariff line of 8 or 10 digits/);
  });
});
