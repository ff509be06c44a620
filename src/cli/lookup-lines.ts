import { formatCode } from '../core/codes.js';
import { Decimal } from '../core/money.js';
import type { Mode } from '../core/types.js';
import { mfnRate, resolveMeasures } from '../core/us-duties.js';
import type { Ledger } from '../rates/load.js';

/** the lines listed under a heading or subheading */
const SHOWN = 25;

export interface LineUnder {
  code: string;
  description: string;
  mfn: string;
  /** the additional measures on the full value, "Section 301 25%" */
  measures: string[];
  /** MFN ad valorem + the additional measures on the full value; null when the MFN is not ad valorem */
  totalAdValorem: string | null;
}

/** The priced lines (10 digits, or 8 with none under them) under a code of the HTSUS. */
export function leavesUnder(ledger: Ledger, digits: string): string[] {
  const under = ledger.hts.children(digits);
  return under.filter((c) => c.length === 10 || (c.length === 8 && !under.some((x) => x.length === 10 && x.startsWith(c))));
}

/** Each line under a code with the duties it carries on a date: which lines carry which duties. */
export function linesUnder(ledger: Ledger, digits: string, q: { origin: string; date: string; claims: string[]; mode: Mode }): { lines: LineUnder[]; more: number } {
  const codes = leavesUnder(ledger, digits);
  const lines = codes.slice(0, SHOWN).flatMap((code): LineUnder[] => {
    const line = ledger.tariffLine(code);
    if ('error' in line) return [];
    const mfn = mfnRate({ row: 0, code, mfnRate: undefined }, ledger);
    const adValorem = 'row' in mfn ? undefined : mfn.rate.adValorem;
    const resolved = resolveMeasures({ side: 'US', code, origin: q.origin, date: q.date, claims: q.claims, mode: q.mode, mfnAdValorem: adValorem }, ledger);
    const full = resolved.applied.filter((a) => a.onFullValue);
    const total = adValorem === undefined ? null : `${full.reduce((s, a) => s.plus(a.percent), new Decimal(0)).plus(adValorem).toString()}%`;
    return [{
      code: formatCode(code), description: line.description.split(' > ').slice(-1)[0]!, mfn: 'row' in mfn ? line.mfnText : mfn.text,
      measures: resolved.applied.map((a) => `${a.measure.program} ${a.rate}${a.onFullValue ? '' : ` on the ${a.basis}`}`), totalAdValorem: total,
    }];
  });
  return { lines, more: Math.max(0, codes.length - SHOWN) };
}

/** The lines under a code as text: one per line, its total and what makes it. */
export function renderLinesUnder(title: string, found: { lines: LineUnder[]; more: number }, dim: (s: string) => string): string {
  const out = [title];
  for (const l of found.lines) {
    out.push(`  ${l.code.padEnd(13)}  ${(l.totalAdValorem ?? 'specific').padStart(7)}  ${l.description.slice(0, 50)}`);
    out.push(dim(`  ${' '.repeat(13)}           MFN ${l.mfn}${l.measures.length > 0 ? ` + ${l.measures.join(' + ')}` : ''}`));
  }
  if (found.more > 0) out.push(`  and ${found.more} more lines: tariff lookup <one of them>, or tariff search ${found.lines[0]?.code.slice(0, 7) ?? ''}`);
  return out.join('\n');
}
