import { formatCode } from '../core/codes.js';
import type { TariffLine } from '../core/types.js';
import { BoundedCache } from '../core/bounded-cache.js';

/** A row of rates/us/hts.json: [code digits, indent, description, units, general rate]. */
export type HtsRow = [string, number, string, string, string];

export interface HtsFile {
  edition: string;
  effective: string;
  unparsedRates: Record<string, string>;
  /** the rows inline (small ledgers, tests), or ... */
  rows?: HtsRow[];
  /** ... a file per chapter, read when a code of the chapter is first asked for (start-up reads none) */
  chapters?: Record<string, string>;
}

/** The rows of one chapter and where each code is among them. */
interface Chapter {
  rows: HtsRow[];
  byCode: Map<string, number>;
}

/** The HTSUS lines by code, with rate inheritance and description paths. */
export class HtsIndex {
  private readonly chapters = new Map<string, Chapter | undefined>();
  private readonly lines = new BoundedCache<string, TariffLine | { error: string }>(50_000);

  /** `readChapter` reads a file named in `file.chapters`. */
  constructor(readonly file: HtsFile, private readonly readChapter: (file: string) => HtsRow[] = () => []) {
    if (file.rows) {
      // an unnumbered grouping row belongs to the chapter of the row before it
      let chapter = '';
      const byChapter = new Map<string, HtsRow[]>();
      for (const row of file.rows) {
        if (row[0]) chapter = row[0].slice(0, 2);
        const rows = byChapter.get(chapter);
        if (rows) rows.push(row);
        else byChapter.set(chapter, [row]);
      }
      for (const [c, rows] of byChapter) this.chapters.set(c, indexed(rows));
    }
  }

  /** The chapters of the schedule, in order. */
  private chapterNumbers(): string[] {
    return this.file.chapters ? Object.keys(this.file.chapters).sort() : [...this.chapters.keys()].filter(Boolean).sort();
  }

  private chapter(code: string): Chapter | undefined {
    const number = code.slice(0, 2);
    if (!this.chapters.has(number)) {
      const file = this.file.chapters?.[number];
      this.chapters.set(number, file ? indexed(this.readChapter(file)) : undefined);
    }
    return this.chapters.get(number);
  }

  has(code: string): boolean {
    return this.chapter(code)?.byCode.has(code) ?? false;
  }

  /** Every row of the schedule in order with its description path (reads every chapter). */
  *all(): Generator<{ row: HtsRow; path: () => string }> {
    for (const number of this.chapterNumbers()) {
      const chapter = this.chapter(number);
      if (!chapter) continue;
      for (let i = 0; i < chapter.rows.length; i++) yield { row: chapter.rows[i]!, path: () => describe(chapter.rows, i) };
    }
  }

  /** The line for a code; its rate is its own or the nearest ancestor's (8, 6, then 4 digits). */
  line(requested: string): TariffLine | { error: string } {
    let known = this.lines.get(requested);
    if (!known) {
      known = this.findLine(requested);
      this.lines.set(requested, known);
    }
    return known;
  }

  private findLine(requested: string): TariffLine | { error: string } {
    const chapter = this.chapter(requested);
    const near = this.nearest(requested);
    const notALine = { error: `${formatCode(requested)} is not a line of the ${this.file.edition}${near.length > 0 ? `: the nearest lines are ${near.join('; ')}` : ''}` };
    if (!chapter) return notALine;
    const { rows, byCode } = chapter;
    if (requested.length < 8) {
      // a heading or subheading (6 digits) over several lines: priced when its lines pay the same (README), so each
      // is priced (core/bill.ts); over one line, it is that line
      const children = this.children(requested);
      const leaves = children.filter((c) => !children.some((d) => d !== c && d.startsWith(c)));
      if (leaves.length === 1) return this.findLine(leaves[0]!);
      if (leaves.length > 1) {
        const first = byCode.get(leaves[0]!)!;
        const shared = this.sharedRate(requested, rows, first);
        return 'error' in shared ? shared : { ...shared, lines: leaves };
      }
    }
    let code = requested;
    let index = byCode.get(code);
    // several statistical lines under an unprinted 8-digit code: describe what they share, not the first one
    let several = false;
    if (index === undefined) {
      // e.g. 8471.30.01, printed in the HTSUS only as its statistical line 8471.30.01.00
      const children = this.children(code);
      if (children.length === 0) return notALine;
      // a 6-digit subheading the HTSUS does not print as a row: priced when all its lines share one rate (README)
      if (code.length < 8) return notALine;
      if (children.length === 1) code = children[0]!;
      else several = true;
      index = byCode.get(children[0]!)!;
    }
    const description = several ? describe(rows, index).split(' > ').slice(0, -1).join(' > ') : describe(rows, index);
    const units = several ? '' : rows[index]![3];
    for (const len of [code.length, 8, 6, 4]) {
      if (len > code.length) continue;
      const ancestor = byCode.get(code.slice(0, len));
      const general = ancestor === undefined ? '' : rows[ancestor]![4];
      if (general) return { code, description, units, mfnText: general, mfnFrom: code.slice(0, len) };
    }
    return this.sharedRate(code, rows, index, description, units);
  }

  /** A heading or subheading above the rated lines: usable only when all its lines share one rate. */
  private sharedRate(code: string, rows: HtsRow[], first: number, description = describe(rows, first).split(' > ').slice(0, -1).join(' > '), units = ''): TariffLine | { error: string } {
    const rates = new Set(rows.filter((r) => r[0] && r[0].startsWith(code) && r[4]).map((r) => r[4]));
    if (rates.size === 1) return { code, description, units, mfnText: [...rates][0]!, mfnFrom: code };
    if (rates.size === 0) return { error: `${formatCode(code)} is not a line of the ${this.file.edition}` };
    return { error: `${formatCode(code)} covers lines with different MFN rates (${[...rates].slice(0, 4).join('; ')}${rates.size > 4 ? '; ...' : ''}): give the 8- or 10-digit code` };
  }

  /** Up to `max` lines near a code that is not one: those under its longest known prefix (10, 8, 6, then 4 digits), with their descriptions. */
  nearest(code: string, max = 4): string[] {
    const chapter = this.chapter(code);
    if (!chapter) return [];
    for (const len of [8, 6, 4]) {
      if (len >= code.length) continue;
      const prefix = code.slice(0, len);
      const rows = chapter.rows.filter((r) => r[0] && r[0].startsWith(prefix) && r[0].length >= 8 && r[0] !== code);
      if (rows.length === 0) continue;
      // the lines whose codes are nearest in number first
      const target = Number(code.padEnd(10, '0'));
      const near = rows.map((r) => ({ r, d: Math.abs(Number(r[0].padEnd(10, '0')) - target) })).sort((a, b) => a.d - b.d).slice(0, max);
      return near.sort((a, b) => (a.r[0] < b.r[0] ? -1 : 1)).map(({ r }) => `${formatCode(r[0])} (${short(r[2])})`);
    }
    return [];
  }

  /** Codes under a prefix (for search and hints). */
  children(prefix: string): string[] {
    const rows = this.chapter(prefix)?.rows ?? [];
    return rows.filter((r) => r[0] && r[0].startsWith(prefix) && r[0] !== prefix).map((r) => r[0]);
  }
}

/** A description cut to a few words for a hint. */
function short(text: string): string {
  const t = text.replace(/:$/, '');
  return t.length > 40 ? `${t.slice(0, 39).trimEnd()}…` : t;
}

function indexed(rows: HtsRow[]): Chapter {
  const byCode = new Map<string, number>();
  rows.forEach((row, i) => { if (row[0] && !byCode.has(row[0])) byCode.set(row[0], i); });
  return { rows, byCode };
}

/** "Telephone sets... > Smartphones": the line's description under its ancestors' descriptions. */
function describe(rows: HtsRow[], index: number): string {
  const parts: string[] = [];
  let indent = rows[index]![1] + 1;
  for (let i = index; i >= 0 && indent > 0; i--) {
    const row = rows[i]!;
    if (row[1] < indent) {
      parts.unshift(row[2].replace(/:$/, ''));
      indent = row[1];
    }
  }
  return parts.join(' > ');
}
