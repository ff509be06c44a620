import { printable } from '../core/printable.js';
import { codeDigits, formatCode } from '../core/codes.js';
import { warning, warningText, type Warning } from '../core/warning.js';
import { saidText, summarizeWarnings, warningDetail } from '../core/warning-summary.js';
import { resolveMeasures, mfnRate } from '../core/us-duties.js';
import { Decimal } from '../core/money.js';
import { withScenarios } from '../rates/scenario.js';
import { loadLedger, type Ledger } from '../rates/load.js';
import { parseRate } from '../core/rate.js';
import { EXIT, UserError } from './errors.js';
import { makeChalk, reportProblems, write } from './io.js';
import { parseDateOption, parseFormat, REPORT_FORMATS, parseMode, parseOrigin, parseSide, usage, type CommonOptions } from './options.js';
import { failsOnStale, staleWarnings } from './stale.js';
import { rateTimeline } from '../core/timeline.js';
import { before } from '../core/dates.js';
import { FIRST_DATE } from '../input/row.js';
import { renderTimeline, timelineObject } from '../output/timeline.js';
import { leavesUnder, linesUnder, renderLinesUnder } from './lookup-lines.js';

export interface LookupOptions extends CommonOptions {
  failOnStale?: boolean;
  scenario?: string[];
  claims?: string;
  color?: boolean;
  timeline?: boolean;
  from?: string;
  to?: string;
}

/** The rate stack of one code on a date: MFN and each additional measure, applied or not, with sources. */
export async function runLookup(codeText: string, opts: LookupOptions): Promise<number> {
  const date = parseDateOption(opts.date);
  const into = parseSide(opts.into);
  const origin = parseOrigin(opts.origin) ?? (into === 'US' ? 'CN' : 'US');
  const format = parseFormat(opts.format, Boolean(process.stdout.isTTY), REPORT_FORMATS);
  const digits = codeDigits(codeText);
  if (!/^\d{6,10}$/.test(digits) || digits.length % 2 !== 0) usage(`"${codeText}" is not a tariff code: expected 6, 8 or 10 digits, dots optional (e.g. 8517.13.00)`);
  const ledger = withScenarios(loadLedger(), opts.scenario);
  const mode = parseMode(opts.mode);
  const claims = (opts.claims ?? '').split(';').map((c) => c.trim()).filter(Boolean);
  // a heading or subheading that is not a line itself (8471.30): the lines under it, each with its duties
  const under = into === 'US' && !opts.timeline ? leavesUnder(ledger, digits) : [];
  const itself = ledger.tariffLine(digits);
  // over one line, the HTSUS line found is that line, not the code asked for (8471.30 is 8471.30.01.00)
  if (into === 'US' && !opts.timeline && ('error' in itself || itself.code !== digits) && under.length > 0) {
    const found = linesUnder(ledger, digits, { origin, date, claims, mode });
    const stale = staleWarnings(ledger.reviewedThrough, [date], [into]);
    if (format === 'json' || format === 'ndjson') {
      write(JSON.stringify({ schema: 'tariff-impact/lookup@1', query: { code: formatCode(digits), into, origin, date }, linesUnder: found.lines, moreLines: found.more, warnings: stale.map(warningText) }, null, format === 'json' ? 2 : undefined) + '\n');
    } else {
      const c = makeChalk(opts.color, process.stdout, process.env);
      write(renderLinesUnder(c.bold(`${formatCode(digits)} is not a line itself; the lines under it, origin ${origin}, entered ${date} (total ad valorem):`), found, c.dim) + '\n');
    }
    reportProblems(opts.color, summarizeWarnings(stale));
    return failsOnStale(opts.failOnStale, stale) ? EXIT.stale : EXIT.ok;
  }
  const base = into === 'US' ? usBase(digits, ledger) : cnBase(digits, ledger);
  const code = base.code;
  const resolved = resolveMeasures({ side: into, code, origin, date, claims, mode, mfnAdValorem: base.adValorem }, ledger, Boolean(opts.explain));
  if (opts.timeline) return timeline(base, { side: into, code, origin, claims, mode }, ledger, opts, format, date);
  const mfnText = base.rateText;
  const additional = resolved.applied.filter((a) => a.onFullValue).reduce((sum, a) => sum.plus(a.percent), new Decimal(0));
  const partial = resolved.applied.filter((a) => !a.onFullValue);
  const mfnSpecific = base.specific;
  const total = base.adValorem === undefined ? undefined : base.adValorem.plus(additional);
  // each said once: a transition-day warning comes from every period of a measure that changes that day
  const warnings = summarizeWarnings([...staleWarnings(ledger.reviewedThrough, [date], [into]), ...resolved.warnings, ...base.warnings]);
  const line = { description: base.description, units: base.units, mfnFrom: base.from };

  const found = under.some((u) => u !== code) ? linesUnder(ledger, code, { origin, date, claims, mode }) : undefined;
  const doc = {
    schema: 'tariff-impact/lookup@1',
    query: { code: formatCode(code), into, origin, date },
    ledger: { edition: ledger.edition, reviewedThrough: ledger.reviewedThrough },
    description: line.description,
    units: line.units,
    mfn: { rate: mfnText, from: formatCode(line.mfnFrom), source: base.source },
    ...(into === 'CN' ? { vat: base.vat, ...(base.ct ? { consumptionTax: base.ct } : {}) } : {}),
    measures: resolved.applied.map((a) => ({
      program: a.measure.program, heading: a.heading, rate: a.rate, on: a.basis, from: a.measure.from, ...(a.measure.to ? { to: a.measure.to } : {}),
      sources: a.measure.sources, ...(a.measure.refundable ? { refundable: a.measure.refundable } : {}),
    })),
    notApplied: resolved.notApplied,
    totalAdValorem: total === undefined ? null : `${total.toString()}%`,
    ...(partial.length > 0 ? { plusOnPartOfValue: partial.map((a) => `${a.heading} ${a.rate} on ${a.basis}`) } : {}),
    rejectedClaims: resolved.rejectedClaims,
    ...(mfnSpecific ? { plusSpecific: mfnText } : {}),
    ...(found ? { linesUnder: found.lines, moreLines: found.more } : {}),
    warnings: warnings.map(saidText),
    warningDetails: warnings.map(warningDetail),
  };
  if (format === 'json' || format === 'ndjson') write(JSON.stringify(doc, null, format === 'json' ? 2 : undefined) + '\n');
  else {
    const c = makeChalk(opts.color, process.stdout, process.env);
    const w = Math.max(18, ...resolved.applied.map((a) => a.measure.program.length));
    const out = [
      c.bold(printable(`${formatCode(code)}  ${line.description}`)),
      `origin ${origin}, entered ${date}, unit ${line.units || '-'}`,
      '',
      printable(`  ${(into === 'US' ? 'MFN' : 'Base rate').padEnd(w)} ${mfnText.padEnd(10)} ${base.source}`),
    ];
    for (const a of resolved.applied) {
      const m = a.measure;
      out.push(printable(`  ${m.program.padEnd(w)} ${('+' + a.rate).padEnd(10)} ${a.heading}, ${m.from} to ${m.to ?? 'open'}${a.basis !== 'customs value' ? `, on the ${a.basis}` : ''}`));
      for (const s of m.sources) out.push(`  ${' '.repeat(w + 11)} ${c.dim(printable(`${s.instrument}; ${s.citation}; ${s.url}`))}`);
      if (m.refundable) out.push(`  ${' '.repeat(w + 11)} ${c.yellow(printable(m.refundable))}`);
    }
    for (const r of resolved.rejectedClaims) out.push(`  ${c.red('claim rejected')}     ${printable(`${r.claim}: ${r.reason}`)}`);
    for (const n of resolved.notApplied) out.push(`  ${c.yellow('not applied')}        ${printable(`${n.heading} (${n.program}): ${n.reason}`)}`);
    if (into === 'CN') out.push(`  Import VAT ${base.vat ?? 'unknown'}${base.ct ? `, consumption tax ${base.ct}` : ''} (on value + duty${base.ct ? ' + consumption tax' : ''})`);
    out.push('', c.bold(`Total ad valorem: ${total === undefined ? 'n/a' : `${total.toString()}%`}${mfnSpecific ? ` (plus the specific part of ${mfnText})` : ''}${partial.length > 0 ? `, plus ${partial.map((a) => `${a.rate} on the ${a.basis}`).join('; ')}` : ''}`));
    // a code with statistical lines under it: which lines carry which duties
    if (found && found.lines.some((l) => l.totalAdValorem !== (total === undefined ? null : `${total.toString()}%`))) {
      out.push(c.yellow(`(for ${formatCode(code)} as a whole: its lines carry different duties, below)`));
    }
    if (found) out.push('', renderLinesUnder(c.bold(`The lines under ${formatCode(code)} (total ad valorem; give the 10-digit code in a bill):`), found, c.dim));
    write(out.join('\n') + '\n');
    reportProblems(opts.color, warnings);
  }
  return failsOnStale(opts.failOnStale, staleWarnings(ledger.reviewedThrough, [date], [into])) ? EXIT.stale : EXIT.ok;
}

interface BaseRate {
  code: string;
  description: string;
  units: string;
  rateText: string;
  from: string;
  adValorem?: Decimal;
  specific: boolean;
  source: string;
  vat?: string;
  ct?: string;
  warnings: Warning[];
}

function usBase(digits: string, ledger: Ledger): BaseRate {
  const line = ledger.tariffLine(digits);
  if ('error' in line) throw new UserError(line.error);
  const mfn = mfnRate({ row: 0, code: digits, mfnRate: undefined }, ledger);
  const ok = !('row' in mfn);
  return {
    code: line.code, description: line.description, units: line.units, rateText: ok ? mfn.text : line.mfnText, from: line.mfnFrom,
    adValorem: ok ? mfn.rate.adValorem : undefined, specific: ok && mfn.rate.specific.length > 0,
    source: `column 1 general of ${formatCode(line.mfnFrom)} (${ledger.htsEdition})`, warnings: ok ? [] : [warning('rate-unknown', mfn.message)],
  };
}

function cnBase(digits: string, ledger: Ledger): BaseRate {
  const line = ledger.cnLine(digits);
  if ('error' in line) {
    return { code: digits, description: '(not in the ledger)', units: '', rateText: 'unknown', from: digits, specific: false, source: 'give it as mfn_rate in a bill', warnings: [warning('rate-unknown', line.error)] };
  }
  const ct = ledger.cnConsumptionTax(digits);
  return {
    code: digits, description: line.description, units: '', rateText: line.mfn, from: digits, adValorem: parseRate(line.mfn)?.adValorem, specific: false,
    source: line.source, vat: line.vat, ct: line.ct ?? (ct ? ('ask' in ct ? ct.ask : ct.rate) : undefined), warnings: line.unconfirmed ? [warning('measure-unconfirmed', line.unconfirmed)] : [],
  };
}

function timeline(base: BaseRate, q: { side: 'US' | 'CN'; code: string; origin: string; claims: string[]; mode: ReturnType<typeof parseMode> }, ledger: Ledger, opts: LookupOptions, format: string, date: string): number {
  if (base.adValorem === undefined) throw new UserError(`the base rate of ${formatCode(q.code)} is not known: a timeline needs it`);
  const from = opts.from ? parseDateOption(opts.from, '--from') : FIRST_DATE;
  const to = opts.to ? parseDateOption(opts.to, '--to') : date;
  if (!before(from, to)) usage(`--from ${from} is not before --to ${to}`);
  const points = rateTimeline(q, base.adValorem, ledger, from, to);
  const title = `${formatCode(q.code)} ${base.description.split(' > ').slice(-1)[0]} (into ${q.side}, origin ${q.origin}): total ad valorem rate from ${from} to ${to}`;
  if (format === 'json' || format === 'ndjson') {
    write(JSON.stringify({ schema: 'tariff-impact/timeline@1', code: formatCode(q.code), into: q.side, origin: q.origin, from, to, baseRate: base.rateText, series: timelineObject(points) }, null, format === 'json' ? 2 : undefined) + '\n');
  } else write(renderTimeline(title, base.rateText, points, makeChalk(opts.color, process.stdout, process.env)));
  const stale = staleWarnings(ledger.reviewedThrough, [to], [q.side]);
  reportProblems(opts.color, summarizeWarnings(stale));
  return failsOnStale(opts.failOnStale, stale) ? EXIT.stale : EXIT.ok;
}
