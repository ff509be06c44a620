import { formatCode } from '../core/codes.js';
import type { Ledger } from '../rates/load.js';
import type { HtsRow } from '../rates/hts-index.js';
import type { Choice } from './port.js';

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
  const words = text.split(/\s+/).filter(Boolean);
  for (const { row, path } of ledger.hts.all()) {
    if (out.length >= LIMIT) break;
    if (row[0].length !== 10 && !(row[0].length === 8 && row[4])) continue;
    if (!words.every((w) => row[2].toLowerCase().includes(w))) continue;
    out.push(usChoice(ledger, row, path));
  }
  // a word may be in an ancestor's text only: search the paths of the lines seen so far as a second pass
  if (out.length === 0) {
    for (const { row, path } of ledger.hts.all()) {
      if (out.length >= LIMIT) break;
      if (row[0].length !== 10) continue;
      if (words.every((w) => path().toLowerCase().includes(w))) out.push(usChoice(ledger, row, path));
    }
  }
  return out;
}

function usChoice(ledger: Ledger, [code, , description, units]: HtsRow, path: () => string): Choice<string> {
  const line = ledger.tariffLine(code);
  const rate = 'error' in line ? '' : line.mfnText;
  return { name: `${formatCode(code)}  ${description.slice(0, 60)}${units ? `  [${units}]` : ''}`, value: code, description: `${path().split(' > ').slice(-3).join(' > ').slice(0, 200)}  (MFN ${rate || 'n/a'})` };
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
