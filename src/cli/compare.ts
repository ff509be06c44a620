import { priceBill } from '../core/bill.js';
import { loadLedger, type Ledger } from '../rates/load.js';
import { applyScenario } from '../rates/scenario.js';
import { compareDocument, renderCompare, type CompareColumn } from '../output/compare.js';
import { EXIT } from './errors.js';
import { makeChalk, write } from './io.js';
import { parseDateOption, parseFormat, parseFx, parseMode, parseOrigin, parseSide, usage, type CommonOptions } from './options.js';
import { readBill } from './read-bill.js';
import { staleWarnings } from './stale.js';
import { summarizeWarnings } from './warnings.js';

export interface CompareOptions extends CommonOptions {
  dates?: string;
  scenario?: string[];
  lines?: boolean;
  failOnStale?: boolean;
  mode?: string;
  color?: boolean;
}

/**
 * `tariff compare FILE --dates D1,D2 [--scenario FILE]`: the same bill priced on each date (every line taken at that
 * date), then under each scenario at the last date, side by side.
 */
export async function runCompare(file: string | undefined, opts: CompareOptions): Promise<number> {
  const dates = (opts.dates ?? '').split(',').map((d) => d.trim()).filter(Boolean).map((d) => parseDateOption(d));
  if (dates.length === 0) usage('compare needs --dates D1,D2,... (YYYY-MM-DD[THH:MM])');
  if (dates.length + (opts.scenario?.length ?? 0) < 2) usage('compare needs at least two columns: two dates, or a date and a --scenario');
  const into = parseSide(opts.into);
  const format = parseFormat(opts.format, Boolean(process.stdout.isTTY));
  const base = loadLedger();
  const scenarios: (Ledger & { scenario: string })[] = (opts.scenario ?? []).map((f) => applyScenario(f, base));
  const bill = await readBill(file, { into, origin: parseOrigin(opts.origin), date: dates[0]!, mode: parseMode(opts.mode), fx: parseFx(opts.fx) });
  const price = (ledger: Ledger, date: string) => priceBill(bill.lines.map((l) => ({ ...l, date })), ledger);
  const columns: CompareColumn[] = [];
  const warnings = new Set<string>();
  const last = dates[dates.length - 1]!;
  for (const date of dates) {
    const p = price(base, date);
    p.warnings.forEach((w) => warnings.add(w));
    columns.push({ label: date, date, lines: p.lines });
  }
  for (const s of scenarios) {
    const p = price(s, last);
    p.warnings.forEach((w) => warnings.add(w));
    columns.push({ label: `${s.scenario} (${last})`, date: last, scenario: s.scenario, lines: p.lines });
  }
  const rejected = [...bill.rejected, ...price(base, dates[0]!).rejected];
  for (const w of staleWarnings(base.reviewedThrough, dates, [...new Set(bill.lines.map((l) => l.into))])) warnings.add(w);
  if (format === 'json' || format === 'ndjson') write(JSON.stringify({ ...compareDocument(columns, Boolean(opts.lines)), rejected, warnings: summarizeWarnings(warnings) }, null, 2) + '\n');
  else write(renderCompare(columns, Boolean(opts.lines), makeChalk(opts.color, process.stdout, process.env)));
  const e = makeChalk(opts.color, process.stderr, process.env);
  for (const w of summarizeWarnings(warnings)) process.stderr.write(`${e.yellow('warning:')} ${w}\n`);
  for (const r of rejected) process.stderr.write(`${e.red('rejected:')} row ${r.row}, column ${r.column}: ${r.message}\n`);
  const stale = staleWarnings(base.reviewedThrough, dates, [...new Set(bill.lines.map((l) => l.into))]);
  if (opts.failOnStale && stale.length > 0) {
    process.stderr.write(`fail-on-stale: ${stale.join('; ')}\n`);
    return EXIT.input;
  }
  return rejected.length > 0 ? EXIT.rejected : EXIT.ok;
}
