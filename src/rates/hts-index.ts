import { formatCode } from '../core/codes.js';
import type { TariffLine } from '../core/types.js';

/** A row of rates/us/hts.json: [code digits, indent, description, units, general rate]. */
export type HtsRow = [string, number, string, string, string];

export interface HtsFile {
  edition: string;
  effective: string;
  unparsedRates: Record<string, string>;
  rows: HtsRow[];
}

/** The HTSUS lines by code, with rate inheritance and description paths. */
export class HtsIndex {
  private readonly byCode = new Map<string, number>();
  private readonly lines = new Map<string, TariffLine | { error: string }>();

  constructor(readonly file: HtsFile) {
    file.rows.forEach((row, i) => { if (row[0] && !this.byCode.has(row[0])) this.byCode.set(row[0], i); });
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  /** The line for a code; its rate is its own or the nearest ancestor's (8, 6, then 4 digits). */
  line(requested: string): TariffLine | { error: string } {
    let known = this.lines.get(requested);
    if (!known) {
      known = this.findLine(requested);
      if (this.lines.size > 50_000) this.lines.clear();
      this.lines.set(requested, known);
    }
    return known;
  }

  private findLine(requested: string): TariffLine | { error: string } {
    let code = requested;
    let index = this.byCode.get(code);
    if (index === undefined) {
      // e.g. 8471.30.01, printed in the HTSUS only as its statistical line 8471.30.01.00
      const children = this.children(code);
      if (children.length === 0 || code.length < 8) return { error: `${formatCode(code)} is not a line of the ${this.file.edition}` };
      if (children.length === 1) code = children[0]!;
      index = this.byCode.get(children[0]!)!;
    }
    const row = this.file.rows[index]!;
    for (const len of [code.length, 8, 6, 4]) {
      if (len > code.length) continue;
      const ancestor = this.byCode.get(code.slice(0, len));
      const general = ancestor === undefined ? '' : this.file.rows[ancestor]![4];
      if (general) return { code, description: this.path(index), units: row[3], mfnText: general, mfnFrom: code.slice(0, len) };
    }
    // A heading or subheading above the rated lines: usable only when all its lines share one rate.
    const rates = new Set(this.file.rows.filter((r) => r[0] && r[0].startsWith(code) && r[4]).map((r) => r[4]));
    if (rates.size === 1) return { code, description: this.path(index), units: row[3], mfnText: [...rates][0]!, mfnFrom: code };
    return { error: `${formatCode(code)} covers lines with different MFN rates (${[...rates].slice(0, 4).join('; ')}${rates.size > 4 ? '; ...' : ''}): give the 8- or 10-digit code` };
  }

  /** "Telephone sets... > Smartphones": the line's description under its ancestors' descriptions. */
  path(index: number): string {
    const parts: string[] = [];
    let indent = this.file.rows[index]![1] + 1;
    for (let i = index; i >= 0 && indent > 0; i--) {
      const row = this.file.rows[i]!;
      if (row[1] < indent) {
        parts.unshift(row[2].replace(/:$/, ''));
        indent = row[1];
      }
    }
    return parts.join(' > ');
  }

  /** Codes under a prefix (for search and hints). */
  children(prefix: string): string[] {
    return this.file.rows.filter((r) => r[0] && r[0].startsWith(prefix) && r[0] !== prefix).map((r) => r[0]);
  }
}
