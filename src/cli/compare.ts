import { priceBill } from '../core/bill.js';
import type { BillLine, RowError } from '../core/types.js';
import { loadLedger, type Ledger } from '../rates/load.js';
import { applyScenario } from '../rates/scenario.js';
import { compareDocument, renderCompare, type CompareColumn } from '../output/compare.js';
import type { Warning } from '../core/warning.js';
import { exitFor } from './errors.js';
import { makeChalk, reportProblems, write } from './io.js';
import { parseDateOption, parseEncoding, parseFormat, REPORT_FORMATS, parseFx, parseMode, parseOrigin, parseSide, usage, type CommonOptions } from './options.js';
import { readBill } from './read-bill.js';
import { failsOnStale, staleWarnings } from './stale.js';
import { summarizeWarnings, warningDetail, saidText } from '../core/warning-summary.js';

export interface CompareOptions extends CommonOptions {
  dates?: string;
  scenario?: string[];
  lines?: boolean;
  failOnStale?: boolean;
  mode?: string;
  encoding?: string;
  decimalComma?: boolean;
  color?: boolean;
}

/**
 * `tariff compare FILE --dates D1,D2 [--scenario FILE]`: the same bill priced on each date (every line taken at that
 * date), then under each scenario at the last date, side by side.
 */
export async function runCompare(file: string | undefined, opts: CompareOptions): Promise<number> {
  const dates = (opts.dates ?? '').split(',').map((d) => d.trim()).filter(Boolean).map((d) => parseDateOption(d, '--dates'));
  if (dates.length === 0) usage('compare needs --dates D1,D2,... (YYYY-MM-DD[THH:MM])');
  if (dates.length + (opts.scenario?.length ?? 0) < 2) usage('compare needs at least two columns: two dates, or a date and a --scenario');
  const into = parseSide(opts.into);
  const format = parseFormat(opts.format, Boolean(process.stdout.isTTY), REPORT_FORMATS);
  const base = loadLedger();
  const scenarios: (Ledger & { scenario: string })[] = (opts.scenario ?? []).map((f) => applyScenario(f, base));
  const bill = await readBill(file, { into, origin: parseOrigin(opts.origin), date: dates[0]!, mode: parseMode(opts.mode), fx: parseFx(opts.fx),
    decimalComma: Boolean(opts.decimalComma) }, parseEncoding(opts.encoding));
  const last = dates[dates.length - 1]!;
  const specs = [
    ...dates.map((date) => ({ label: date, date, ledger: base as Ledger, scenario: undefined as string | undefined })),
    ...scenarios.map((s) => ({ label: `${s.scenario} (${last})`, date: last, ledger: s as Ledger, scenario: s.scenario as string | undefined })),
  ];
  // every column prices the same rows: a row that cannot be priced in one column is left out of all, and said; the
  // columns are then priced again without it (an entry's fees depend on its lines)
  const rejected: RowError[] = [...bill.rejected];
  const refused = new Set<number>();
  const priceColumns = (lines: BillLine[]) => specs.map((spec) => priceBill(lines.map((l) => ({ ...l, date: spec.date })), spec.ledger));
  let priced = priceColumns(bill.lines);
  priced.forEach((p, i) => {
    for (const r of p.rejected) {
      rejected.push({ ...r, message: `${r.message} (column ${specs[i]!.label})` });
      refused.add(r.row);
    }
  });
  if (refused.size > 0) priced = priceColumns(bill.lines.filter((l) => !refused.has(l.row)));
  const warnings: Warning[] = [];
  const columns: CompareColumn[] = specs.map((spec, i) => {
    warnings.push(...priced[i]!.warnings);
    return { label: spec.label, date: spec.date, ...(spec.scenario ? { scenario: spec.scenario } : {}), lines: priced[i]!.lines };
  });
  rejected.sort((a, b) => a.row - b.row);
  const stale = staleWarnings(base.reviewedThrough, dates, [...new Set(bill.lines.map((l) => l.into))]);
  warnings.push(...stale);
  const summary = summarizeWarnings(warnings);
  if (format === 'json' || format === 'ndjson') write(JSON.stringify({ ...compareDocument(columns, Boolean(opts.lines)), rejected, warnings: summary.map(saidText), warningDetails: summary.map(warningDetail) }, null, format === 'json' ? 2 : undefined) + '\n');
  else write(renderCompare(columns, Boolean(opts.lines), makeChalk(opts.color, process.stdout, process.env)));
  reportProblems(opts.color, summary, rejected);
  return exitFor({ rejected: rejected.length > 0, stale: failsOnStale(opts.failOnStale, stale) });
}
