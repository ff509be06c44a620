import { formatCode } from '../core/codes.js';
import type { Ledger } from '../rates/load.js';
import type { HtsRow } from '../rates/hts-index.js';
import type { Choice } from './port.js';
import { SYNONYMS } from './synonyms.js';

const LIMIT = 15;

/** HTSUS lines matching what was typed: a code (dots optional) by prefix, or words found in the description path. */
export function searchUs(ledger: Ledger, term: string | undefined): Choice<string>[] {
  const text = (term ?? '').trim().toLowerCase();
  if (text.length < 2) return [];
  const digits = text.replace(/[.\s]/g, '');
  const out: Choice<string>[] = [];
  if (/^\d+$/.test(digits)) {
    for (const { row, path } of ledger.hts.all()) {
      if (out.length >= LIMIT) break;
      if (row[0].length >= 8 && row[0].startsWith(digits)) out.push(usChoice(ledger, row, path));
    }
    return out;
  }
  const words = text.split(/[\s,;]+/).filter(Boolean).map(stem);
  const phrase = words.join(' ');
  const prefixes = SYNONYMS.filter(([name]) => ` ${phrase} `.includes(` ${name} `) || phrase === name).flatMap(([, codes]) => codes);
  const found: { row: HtsRow; path: () => string; score: number }[] = [];
  // the lines that are priced: 10-digit lines, and 8-digit lines with no statistical lines under them
  let pending: { row: HtsRow; path: () => string } | undefined;
  const consider = (row: HtsRow, path: () => string) => {
    const synonym = prefixes.findIndex((p) => row[0].startsWith(p));
    const score = synonym >= 0 ? synonym - prefixes.length : wordScore(words, path());
    if (score !== undefined) found.push({ row, path, score });
  };
  for (const { row, path } of ledger.hts.all()) {
    if (!row[0]) continue;
    if (pending && !row[0].startsWith(pending.row[0])) consider(pending.row, pending.path);
    pending = undefined;
    if (row[0].length === 10) consider(row, path);
    else if (row[0].length === 8 && row[4]) pending = { row, path };
  }
  if (pending) consider(pending.row, pending.path);
  // stable: among equal scores, the order of the schedule
  return found.sort((a, b) => a.score - b.score).slice(0, LIMIT).map((f) => usChoice(ledger, f.row, f.path));
}

/** "batteries" -> "batter", "soybeans" -> "soybean": a typed word as a prefix of the schedule's words. */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/**
 * How well a line's description path matches every word (lower is better; undefined: a word is missing): a word in
 * the heading (the top of the path) counts more than one deep in a statistical line, and earlier in a text more
 * than later (9403 "Other furniture" before 3405 "Polishes ... for furniture").
 */
function wordScore(words: string[], path: string): number | undefined {
  const levels = path.toLowerCase().split(' > ');
  let score = 0;
  for (const w of words) {
    let best: number | undefined;
    levels.forEach((level, depth) => {
      if (best !== undefined) return;
      const tokens = level.split(/[^a-z0-9-]+/);
      const at = tokens.findIndex((t) => t.startsWith(w) || t.split('-').some((part) => part.startsWith(w)));
      if (at >= 0) best = depth * 100 + at;
    });
    if (best === undefined) return undefined;
    score += best;
  }
  return score;
}

function usChoice(ledger: Ledger, [code, , description, units]: HtsRow, path: () => string): Choice<string> {
  const line = ledger.tariffLine(code);
  const rate = 'error' in line ? '' : line.mfnText;
  // "Seed", "Other": a short line's text says little without its parent's
  const parts = path().split(' > ');
  const parent = parts.slice(0, -1).reverse().map((p) => p.replace(/:$/, '')).find((p) => !/^other\b/i.test(p));
  const text = description.length < 25 && parent ? `${description} (${parent})` : description;
  return { name: `${formatCode(code)}  ${text.slice(0, 60)}${units ? `  [${units}]` : ''}`, value: code, description: `${path().split(' > ').slice(-3).join(' > ').slice(0, 200)}  (MFN ${rate || 'n/a'})` };
}

/** Chinese lines the ledger knows, by code or words; any code typed in full is offered too. */
export function searchCn(ledger: Ledger, term: string | undefined): Choice<string>[] {
  const text = (term ?? '').trim().toLowerCase();
  const digits = text.replace(/[.\s]/g, '');
  const known = ledger.cnLines().filter((l) => (digits && /^\d+$/.test(digits) ? l.code.startsWith(digits) : text.split(/\s+/).every((w) => l.description.toLowerCase().includes(w))))
    .slice(0, LIMIT).map((l) => ({ name: `${formatCode(l.code)}  ${l.description}  (MFN ${l.mfn}, VAT ${l.vat})`, value: l.code }));
  if (/^\d{8}(\d{2})?$/.test(digits) && !known.some((k) => k.value === digits)) {
    known.push({ name: `${formatCode(digits)}  (as typed: its base rate will be asked)`, value: digits });
  }
  return known;
}
