// The CSV tokenizer reads what csv-parse reads (with the options bills were read with) and refuses what it refuses,
// whatever the text and however it is cut into pieces.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, CsvTokenizer } from '../../src/input/csv-tokenizer.js';

function tokenize(pieces: string[], delimiter = ','): string[][] {
  const t = new CsvTokenizer(delimiter);
  const out: string[][] = [];
  pieces.forEach((p, i) => out.push(...t.push(p, i === pieces.length - 1).map((r) => r.cells)));
  return out;
}

function csvParse(text: string, delimiter = ','): string[][] | 'error' {
  try {
    return parse(text, { bom: true, relax_column_count: true, delimiter }) as string[][];
  } catch {
    return 'error';
  }
}

function cut(text: string, points: number[]): string[] {
  const at = [...new Set(points.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const p of at) {
    pieces.push(text.slice(from, p));
    from = p;
  }
  pieces.push(text.slice(from));
  return pieces;
}

const token = fc.constantFrom('a', 'bc', ',', ';', '"', '""', '\n', '\r\n', '\r', ' ', 'é', '"x,y"', '"p\nq"');
const lineEnd = fc.constantFrom('\n', '\r\n');

describe('CSV tokenizer = csv-parse', () => {
  it('agrees on random text, cut anywhere: the same records, or both refuse', () => {
    fc.assert(fc.property(fc.array(token, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 6 }), fc.boolean(), (tokens, points, bom) => {
      const text = (bom ? '\ufeff' : '') + tokens.join('');
      const expected = csvParse(text);
      let got: string[][] | 'error';
      try {
        got = tokenize(cut(text, points));
      } catch (e) {
        if (!(e instanceof CsvSyntaxError)) throw e;
        got = 'error';
      }
      expect(got).toEqual(expected);
    }), { numRuns: 3000 });
  });

  it('agrees on well-formed bills of quoted and plain cells, with ; or tab delimiters', () => {
    const cell = fc.oneof(fc.stringMatching(/^[a-z0-9 .]{0,6}$/), fc.string({ maxLength: 6 }).map((s) => `"${s.replace(/"/g, '""')}"`));
    fc.assert(fc.property(fc.constantFrom(',', ';', '\t'), lineEnd, fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
      fc.array(fc.nat(), { maxLength: 5 }), fc.boolean(), (d, nl, rows, points, trailing) => {
        const text = rows.map((r) => r.join(d)).join(nl) + (trailing ? nl : '');
        expect(tokenize(cut(text, points), d)).toEqual(csvParse(text, d));
      }), { numRuns: 2000 });
  });

  it('names the line of broken quoting', () => {
    expect(() => tokenize(['h\na\n"open,b\nc\n'])).toThrow(/line 3 is not closed/);
    expect(() => tokenize(['h\nab"c,d\n'])).toThrow(/quote inside an unquoted field on line 2/);
    expect(() => tokenize(['h\n"ab"c,d\n'])).toThrow(/after the closing quote of a field on line 2 comes "c"/);
  });
});
