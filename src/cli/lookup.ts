import { codeDigits, formatCode } from '../core/codes.js';
import { resolveMeasures, mfnRate } from '../core/us-duties.js';
import { Decimal } from '../core/money.js';
import { loadLedger } from '../rates/load.js';
import { EXIT, UserError } from './errors.js';
import { makeChalk, write } from './io.js';
import { parseDateOption, parseFormat, parseMode, parseOrigin, parseSide, usage, type CommonOptions } from './options.js';
import { staleWarnings } from './stale.js';

export interface LookupOptions extends CommonOptions {
  claims?: string;
  color?: boolean;
}

/** The rate stack of one code on a date: MFN and each additional measure, applied or not, with sources. */
export async function runLookup(codeText: string, opts: LookupOptions): Promise<number> {
  const date = parseDateOption(opts.date);
  const into = parseSide(opts.into);
  if (into !== 'US') throw new UserError('lookup --into CN: only the US side is in this version', EXIT.usage);
  const origin = parseOrigin(opts.origin) ?? 'CN';
  const format = parseFormat(opts.format, Boolean(process.stdout.isTTY));
  const code = codeDigits(codeText);
  if (!/^\d{6,10}$/.test(code) || code.length % 2 !== 0) usage(`"${codeText}" is not a tariff code: expected 6, 8 or 10 digits, dots optional (e.g. 8517.13.00)`);
  const ledger = loadLedger();
  const line = ledger.tariffLine(code);
  if ('error' in line) throw new UserError(line.error);
  const mfn = mfnRate({ row: 0, code, mfnRate: undefined }, ledger);
  const claims = (opts.claims ?? '').split(';').map((c) => c.trim()).filter(Boolean);
  const mode = parseMode(opts.mode);
  const resolved = resolveMeasures({ code: line.code, origin, date, claims, mode, mfnAdValorem: 'row' in mfn ? undefined : mfn.rate.adValorem }, ledger, Boolean(opts.explain));
  const mfnText = 'row' in mfn ? line.mfnText : mfn.text;
  const additional = resolved.applied.filter((a) => a.basis === 'customs value').reduce((sum, a) => sum.plus(a.percent), new Decimal(0));
  const partial = resolved.applied.filter((a) => a.basis !== 'customs value');
  const mfnAdValorem = 'row' in mfn ? undefined : mfn.rate.adValorem;
  const mfnSpecific = !('row' in mfn) && mfn.rate.specific.length > 0;
  const total = mfnAdValorem === undefined ? undefined : mfnAdValorem.plus(additional);
  const warnings = [...staleWarnings(ledger.reviewedThrough, [date], ['US']), ...resolved.warnings];
  if ('row' in mfn) warnings.push(mfn.message);

  const doc = {
    schema: 'tariff-impact/lookup@1',
    query: { code: formatCode(line.code), into, origin, date },
    ledger: { edition: ledger.edition, reviewedThrough: ledger.reviewedThrough },
    description: line.description,
    units: line.units,
    mfn: { rate: mfnText, from: formatCode(line.mfnFrom), source: `HTSUS column 1 general (${ledger.htsEdition})` },
    measures: resolved.applied.map((a) => ({
      program: a.measure.program, heading: a.heading, rate: a.rate, on: a.basis, from: a.measure.from, ...(a.measure.to ? { to: a.measure.to } : {}),
      sources: a.measure.sources, ...(a.measure.refundable ? { refundable: a.measure.refundable } : {}),
    })),
    notApplied: resolved.notApplied,
    totalAdValorem: total === undefined ? null : `${total.toString()}%`,
    ...(partial.length > 0 ? { plusOnPartOfValue: partial.map((a) => `${a.heading} ${a.rate} on ${a.basis}`) } : {}),
    rejectedClaims: resolved.rejectedClaims,
    ...(mfnSpecific ? { plusSpecific: mfnText } : {}),
    warnings,
  };
  if (format === 'json' || format === 'ndjson') write(JSON.stringify(doc, null, format === 'json' ? 2 : undefined) + '\n');
  else {
    const c = makeChalk(opts.color, process.stdout, process.env);
    const out = [
      c.bold(`${formatCode(line.code)}  ${line.description}`),
      `origin ${origin}, entered ${date}, unit ${line.units || '-'}`,
      '',
      `  MFN                ${mfnText.padEnd(10)} column 1 general of ${formatCode(line.mfnFrom)} (${ledger.htsEdition})`,
    ];
    for (const a of resolved.applied) {
      const m = a.measure;
      out.push(`  ${m.program.padEnd(18)} ${('+' + a.rate).padEnd(10)} ${a.heading}, ${m.from} to ${m.to ?? 'open'}${a.basis !== 'customs value' ? `, on the ${a.basis}` : ''}`);
      for (const s of m.sources) out.push(`  ${' '.repeat(29)} ${c.dim(`${s.instrument}; ${s.citation}; ${s.url}`)}`);
      if (m.refundable) out.push(`  ${' '.repeat(29)} ${c.yellow(m.refundable)}`);
    }
    for (const r of resolved.rejectedClaims) out.push(`  ${c.red('claim rejected')}     ${r.claim}: ${r.reason}`);
    for (const n of resolved.notApplied) out.push(`  ${c.yellow('not applied')}        ${n.heading} (${n.program}): ${n.reason}`);
    out.push('', c.bold(`Total ad valorem: ${total === undefined ? 'n/a' : `${total.toString()}%`}${mfnSpecific ? ` (plus the specific part of ${mfnText})` : ''}${partial.length > 0 ? `, plus ${partial.map((a) => `${a.rate} on the ${a.basis}`).join('; ')}` : ''}`));
    write(out.join('\n') + '\n');
    const e = makeChalk(opts.color, process.stderr, process.env);
    for (const w of warnings) process.stderr.write(`${e.yellow('warning:')} ${w}\n`);
  }
  return EXIT.ok;
}
