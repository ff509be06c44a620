import { printable } from '../core/printable.js';
import { ledgerDiff } from '../core/ledger-diff.js';
import { loadLedger } from '../rates/load.js';
import { EXIT } from './errors.js';
import { makeChalk, write } from './io.js';
import { parseDateOption, parseFormat, REPORT_FORMATS, parseSide, usage } from './options.js';
import { today } from '../core/dates.js';
import { before } from '../core/dates.js';
import { checkTarget } from '../rates/check.js';
import type { LedgerIssue } from '../rates/schema.js';

export interface RatesDiffOptions {
  from?: string;
  to?: string;
  into?: string;
  format?: string;
  color?: boolean;
}

/** `tariff rates diff --from D1 --to D2`: measures that started, ended or changed between two dates, with sources. */
export async function runRatesDiff(opts: RatesDiffOptions): Promise<number> {
  if (!opts.from || !opts.to) usage('rates diff needs --from and --to (YYYY-MM-DD or YYYY-MM-DDTHH:MM)');
  const from = parseDateOption(opts.from, '--from');
  const to = parseDateOption(opts.to, '--to');
  if (!before(from, to)) usage(`--from ${from} is not before --to ${to}`);
  const side = parseSide(opts.into);
  const format = parseFormat(opts.format, Boolean(process.stdout.isTTY), REPORT_FORMATS);
  const ledger = loadLedger();
  const changes = ledgerDiff(ledger.measures, side, from, to);
  if (format === 'json' || format === 'ndjson') {
    write(JSON.stringify({
      schema: 'tariff-impact/rates-diff@1', into: side, from, to,
      changes: changes.map((c) => ({ kind: c.kind, at: c.at, program: c.program, heading: c.heading, rate: c.rate, ...(c.previousRate ? { previousRate: c.previousRate } : {}), id: c.measure.id, sources: c.measure.sources })),
    }, null, format === 'json' ? 2 : undefined) + '\n');
    return EXIT.ok;
  }
  const c = makeChalk(opts.color, process.stdout, process.env);
  const out = [c.bold(`Measures into ${side} that started, ended or changed after ${from} and up to ${to}`)];
  if (changes.length === 0) out.push('  none');
  for (const ch of changes) {
    const what = ch.kind === 'changed' ? `${ch.previousRate} -> ${ch.rate}` : ch.kind === 'started' ? `starts at ${ch.rate}` : `ends (was ${ch.rate})`;
    out.push(printable(`${ch.at.padEnd(17)} ${ch.kind.padEnd(8)} ${ch.program} ${ch.heading}: ${what}`));
    const s = ch.measure.sources[0];
    if (s) out.push(`${' '.repeat(27)}${c.dim(printable(`${s.instrument}; ${s.citation}; ${s.url}`))}`);
  }
  write(out.join('\n') + '\n');
  return EXIT.ok;
}

/** `tariff rates info`: the ledger's edition, reviewed-through dates and what each side covers. */
export async function runRatesInfo(opts: { format?: string }): Promise<number> {
  const ledger = loadLedger();
  const format = parseFormat(opts.format, Boolean(process.stdout.isTTY), REPORT_FORMATS);
  const now = today();
  const sides = (['US', 'CN'] as const).map((side) => ({
    side, reviewedThrough: ledger.reviewedThrough[side], measures: ledger.measures.filter((m) => m.side === side).length, covers: ledger.coverage[side],
    // the open questions: measures in force today or later whose facts the references could not confirm
    openQuestions: ledger.measures.filter((m) => m.side === side && m.unconfirmed && (m.to === undefined || before(now, m.to)))
      .map((m) => ({ id: m.id, heading: m.heading, rate: m.rate, from: m.from, ...(m.to ? { to: m.to } : {}), question: m.unconfirmed! })),
  }));
  if (format === 'json' || format === 'ndjson') {
    write(JSON.stringify({ schema: 'tariff-impact/rates-info@1', edition: ledger.edition, htsEdition: ledger.htsEdition, dir: ledger.dir, sides }, null, format === 'json' ? 2 : undefined) + '\n');
    return EXIT.ok;
  }
  const out = [`Ledger ${ledger.edition}`, `  directory: ${ledger.dir}`, `  HTSUS: ${ledger.htsEdition}`];
  for (const s of sides) {
    out.push('', `${s.side}: reviewed through ${s.reviewedThrough}; ${s.measures} measures`, `  ${s.covers}`);
    if (s.openQuestions.length > 0) out.push(`  open questions (in force from ${now} on, not confirmed):`);
    for (const q of s.openQuestions) out.push(`  - ${q.heading} ${q.rate} from ${q.from}${q.to ? ` to ${q.to}` : ''} (${q.id}): ${q.question}`);
  }
  write(out.join('\n') + '\n');
  return EXIT.ok;
}

/** `tariff rates check [DIR|FILE]`: every problem of a ledger or scenario, with its file and entry; exit 1 on errors. */
export async function runRatesCheck(target: string | undefined, opts: { format?: string }): Promise<number> {
  const format = parseFormat(opts.format, Boolean(process.stdout.isTTY), REPORT_FORMATS);
  const report = checkTarget(target, () => loadLedger());
  if (format === 'json' || format === 'ndjson') {
    write(JSON.stringify({ schema: 'tariff-impact/rates-check@1', target: target ?? 'built-in', ...report }, null, format === 'json' ? 2 : undefined) + '\n');
  } else {
    const line = (kind: string, i: LedgerIssue) => `${kind}: ${printable(`${i.file}: ${i.entry}: ${i.field}: ${i.message}`)}`;
    const out = [...report.errors.map((i) => line('error', i)), ...report.warnings.map((i) => line('warning', i)),
      `${printable(target ?? 'built-in ledger')}: ${report.errors.length} error(s), ${report.warnings.length} warning(s)`];
    write(out.join('\n') + '\n');
  }
  return report.errors.length > 0 ? EXIT.input : EXIT.ok;
}
