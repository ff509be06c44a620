import type { Warning, WarningCode } from './warning.js';

/** A warning as said at the end of a run: one text, the rows it concerns (the first five, and how many more), the
 * codes or headings it is about (the first five, and how many more). */
export interface SaidWarning {
  code: WarningCode;
  text: string;
  rows: number[];
  moreRows: number;
  header?: true;
  subjects: string[];
  moreSubjects: number;
}

/** A warning as data (JSON's warningDetails): its code, the rows it concerns, the text with the codes it is about. */
export interface WarningDetail {
  code: WarningCode;
  rows?: number[];
  moreRows?: number;
  text: string;
}

const SHOWN = 5;

function subjectText(s: SaidWarning): string {
  if (s.subjects.length === 0) return s.text;
  return `${s.subjects.join(', ')}${s.moreSubjects > 0 ? ` and ${s.moreSubjects} more` : ''}: ${s.text}`;
}

/** A said warning as one line: "rows 2, 5 and 3 more: 8542.31.90, 8542.32.00: text". */
export function saidText(s: SaidWarning): string {
  const text = subjectText(s);
  if (s.header) return `row 1 (header): ${text}`;
  if (s.rows.length === 0) return text;
  if (s.rows.length === 1 && s.moreRows === 0) return `row ${s.rows[0]}: ${text}`;
  return `rows ${s.rows.join(', ')}${s.moreRows > 0 ? ` and ${s.moreRows.toLocaleString('en-US')} more` : ''}: ${text}`;
}

export function warningDetail(s: SaidWarning): WarningDetail {
  const rows = s.header ? [1] : s.rows;
  return { code: s.code, ...(rows.length > 0 ? { rows } : {}), ...(s.moreRows > 0 ? { moreRows: s.moreRows } : {}), text: subjectText(s) };
}

/**
 * Warnings gathered while a bill streams (rows in order): one per text, with its first rows and codes and how many;
 * the texts in the order they first came; memory does not grow with rows.
 */
export class WarningCollector {
  // each text's codes seen (at most the ledger's codes), so a code told again is not counted again
  private readonly byText = new Map<string, SaidWarning & { last?: number; seen: Set<string> }>();
  /** warnings whose text came after `limit` different ones: counted, not kept */
  private dropped = 0;

  /** `limit`: the different texts kept (a streamed bill's memory stays bounded) */
  constructor(private readonly limit = 10_000) {}

  add(w: Warning): void {
    this.addAbout(w, w.row);
  }

  /** A warning about `row` (undefined: about none, whatever its own). */
  addAbout(w: Warning, row: number | undefined): void {
    const key = w.header ? `\u0001${w.text}` : w.text;
    let said = this.byText.get(key);
    if (!said) {
      if (this.byText.size >= this.limit) {
        this.dropped++;
        return;
      }
      this.byText.set(key, (said = { code: w.code, text: w.text, rows: [], moreRows: 0, subjects: [], moreSubjects: 0, ...(w.header ? { header: true as const } : {}), seen: new Set() }));
    }
    if (w.subject !== undefined && !said.seen.has(w.subject)) {
      said.seen.add(w.subject);
      if (said.subjects.length < SHOWN) said.subjects.push(w.subject);
      else said.moreSubjects++;
    }
    if (row !== undefined && !w.header && said.last !== row) {
      said.last = row;
      if (said.rows.length < SHOWN) said.rows.push(row);
      else said.moreRows++;
    }
  }

  summary(): SaidWarning[] {
    const said: SaidWarning[] = [...this.byText.values()].map(({ last: _last, seen: _seen, ...s }) => s);
    if (this.dropped > 0) {
      const text = `${this.dropped.toLocaleString('en-US')} more warnings not shown: only the first ${this.limit.toLocaleString('en-US')} different warnings are kept`;
      said.push({ code: 'warnings-dropped', text, rows: [], moreRows: 0, subjects: [], moreSubjects: 0 });
    }
    return said;
  }
}

/** Warnings held in memory (rows in any order), said as a streamed bill says them: no limit. */
export function summarizeWarnings(warnings: Iterable<Warning>): SaidWarning[] {
  const collector = new WarningCollector(Infinity);
  const all = [...warnings];
  // texts in the order they first came, rows in row order
  for (const w of all) collector.addAbout(w, undefined);
  for (const w of all.filter((x) => x.row !== undefined).sort((a, b) => a.row! - b.row!)) collector.add(w);
  return collector.summary();
}
