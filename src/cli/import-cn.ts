import fs from 'node:fs';
import path from 'node:path';
import { codeDigits } from '../core/codes.js';
import { Decimal } from '../core/money.js';
import { normalizeHeader } from '../input/columns.js';
import { readCsv } from '../input/read.js';
import { loadLedger } from '../rates/load.js';
import { checkScenario, type CnUserLine, type Scenario } from '../rates/scenario.js';
import { EXIT, UserError } from './errors.js';
import { reportProblems } from './io.js';
import { warning, type Warning } from '../core/warning.js';
import { summarizeWarnings } from '../core/warning-summary.js';

export interface ImportCnOptions {
  out?: string;
  source?: string;
  encoding?: string;
  color?: boolean;
}

/** Header names of the schedule file (case-, space- and underscore-insensitive), with the aliases brokers use. */
const HEADERS: Record<string, 'code' | 'mfn' | 'vat' | 'ct' | 'description'> = {
  code: 'code', hs: 'code', hscode: 'code', hts: 'code', cncode: 'code', tariffcode: 'code', 税则号列: 'code', 商品编码: 'code',
  mfnrate: 'mfn', mfn: 'mfn', rate: 'mfn', 最惠国税率: 'mfn',
  vatrate: 'vat', vat: 'vat', 增值税率: 'vat',
  ctrate: 'ct', ct: 'ct', consumptiontax: 'ct', 消费税率: 'ct',
  description: 'description', 商品名称: 'description',
};

/** "6.5", "6.5%" or " 6.5 % " -> "6.5%"; undefined when it is not a percentage from 0 to 100. */
function percent(text: string): string | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(text);
  if (!m) return undefined;
  const d = new Decimal(m[1]!);
  return d.greaterThan(100) ? undefined : `${d.toString()}%`;
}

/**
 * `tariff rates import-cn FILE`: a broker's Chinese schedule as CSV (code,mfn_rate,vat_rate[,ct_rate][,description]) into a
 * user ledger file (a scenario holding `cnLines`), layered over the built-in ledger with `--scenario` and checked by
 * `tariff rates check`. Every bad row is listed (row, column, what is wrong); nothing is written unless all rows are good.
 */
export async function runImportCn(file: string, opts: ImportCnOptions): Promise<number> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UserError(`${file}: no such file`);
  const out = opts.out ?? path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.cn-lines.json`);
  const source = { instrument: opts.source ?? `user schedule ${path.basename(file)}`, citation: '', url: `file:${path.resolve(file)}` };
  const errors: string[] = [];
  const warnings: Warning[] = [];
  const lines: CnUserLine[] = [];
  const rowOf = new Map<string, number>();
  let columns: ('code' | 'mfn' | 'vat' | 'ct' | 'description' | undefined)[] | undefined;
  for await (const batch of readCsv(fs.createReadStream(file), opts.encoding ? { encoding: opts.encoding } : {})) {
    for (const record of batch) {
      if (!columns) {
        columns = record.cells.map((h) => HEADERS[normalizeHeader(h)]);
        const missing = (['code', 'mfn', 'vat'] as const).filter((k) => !columns!.includes(k));
        if (missing.length > 0) throw new UserError(`${file}: the header needs the columns code, mfn_rate and vat_rate (ct_rate and description optional); missing: ${missing.join(', ')}`);
        continue;
      }
      const cell = (k: string) => (columns!.indexOf(k as never) >= 0 ? (record.cells[columns!.indexOf(k as never)] ?? '').trim() : '');
      const bad = (column: string, message: string) => errors.push(`row ${record.row}, column ${column}: ${message}`);
      const digits = codeDigits(cell('code'));
      if (!/^(\d{8}|\d{10})$/.test(digits)) { bad('code', `"${cell('code')}" is not a Chinese tariff line: expected 8 or 10 digits, dots optional (e.g. 3901.10.00)`); continue; }
      if (rowOf.has(digits)) { bad('code', `${digits} is also on row ${rowOf.get(digits)}`); continue; }
      const mfn = percent(cell('mfn'));
      const vat = percent(cell('vat'));
      const ct = cell('ct') ? percent(cell('ct')) : undefined;
      if (!mfn) bad('mfn_rate', `"${cell('mfn')}": expected an ad valorem rate in percent, e.g. 6.5 or 6.5% (only ad valorem rates are computed for China)`);
      if (!vat) bad('vat_rate', `"${cell('vat')}": expected the import VAT in percent, e.g. 13 or 9`);
      if (cell('ct') && !ct) bad('ct_rate', `"${cell('ct')}": expected an ad valorem consumption tax in percent, e.g. 10`);
      if (!mfn || !vat || (cell('ct') && !ct)) continue;
      if (vat !== '13%' && vat !== '9%') warnings.push(warning('vat-rate-check', `vat_rate ${vat} is not a rate of the VAT Law Art. 10 (13% or 9% from 2026-01-01): check it`, { row: record.row, subject: digits }));
      rowOf.set(digits, record.row);
      lines.push({ code: digits, description: cell('description') || `(from ${path.basename(file)})`, mfn, vat, ...(ct ? { ct } : {}),
        sources: [{ ...source, citation: `row ${record.row}` }] });
    }
  }
  if (!columns) throw new UserError(`${file} is empty: expected a header code,mfn_rate,vat_rate[,ct_rate]`);
  if (errors.length > 0) {
    for (const e of errors) process.stderr.write(`rejected: ${e}\n`);
    process.stderr.write(`${errors.length} row(s) rejected: nothing written\n`);
    return EXIT.input;
  }
  const doc: Scenario = {
    scenario: `Chinese base rates from ${path.basename(file)}`,
    description: `${lines.length} Chinese tariff lines (MFN or provisional rate, import VAT, consumption tax) from ${path.resolve(file)}, taken before the built-in lines. Use: tariff calc BILL --into CN --scenario ${out}`,
    cnLines: lines,
  };
  const issues = checkScenario(out, doc, loadLedger());
  if (issues.length > 0) throw new UserError(issues.map((i) => `${i.file}: ${i.entry}: ${i.field}: ${i.message}`).join('\n'));
  fs.writeFileSync(out, JSON.stringify(doc, null, 1) + '\n');
  reportProblems(opts.color, summarizeWarnings(warnings));
  process.stderr.write(`${lines.length} line(s) written to ${out}: price with --scenario ${out}; check with tariff rates check ${out}\n`);
  return EXIT.ok;
}
