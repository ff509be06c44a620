// The HTSUS index reads a chapter file only when a code of that chapter is asked for, and answers the same as
// with the rows inline: rate inheritance, description paths across grouping rows, lines with different rates.
import { describe, expect, it } from 'vitest';
import { HtsIndex, type HtsFile, type HtsRow } from '../../src/rates/hts-index.js';

const CH85: HtsRow[] = [
  ['8517', 0, 'Telephone sets:', '', ''],
  ['', 1, 'Telephone sets for cellular networks:', '', ''],
  ['85171300', 2, 'Smartphones', '', 'Free'],
  ['8517130000', 3, 'Smartphones', 'No.', ''],
  ['8541', 0, 'Diodes:', '', ''],
  ['85411000', 1, 'Diodes, other than photosensitive', '', ''],
  ['8541100020', 2, 'Zener diodes', 'No.', '3%'],
  ['8541100090', 2, 'Other', 'No.', '4%'],
];
const CH94: HtsRow[] = [
  ['9403', 0, 'Other furniture:', '', ''], ['94031000', 1, 'Metal furniture of a kind used in offices', '', 'Free'], ['9403100020', 2, 'Desks', 'No.', ''],
  // an 8-digit code printed only through its two statistical lines
  ['940320', 1, 'Other metal furniture', '', '2%'], ['', 2, 'Household:', '', ''], ['9403200010', 3, 'Beds', 'No.', ''], ['9403200020', 3, 'Chairs', 'No.', ''],
];
const HEAD = { edition: 'HTSUS test', effective: '2026-06-08', unparsedRates: {} };

function chaptered(): { index: HtsIndex; reads: string[] } {
  const reads: string[] = [];
  const files: Record<string, HtsRow[]> = { 'us/hts/85.json': CH85, 'us/hts/94.json': CH94 };
  const file: HtsFile = { ...HEAD, chapters: { '94': 'us/hts/94.json', '85': 'us/hts/85.json' } };
  return { index: new HtsIndex(file, (name) => { reads.push(name); return files[name]!; }), reads };
}

describe('HtsIndex by chapter', () => {
  it('describes an unprinted 8-digit code by what its statistical lines share, not by the first of them', () => {
    const { index } = chaptered();
    expect(index.line('94032000')).toEqual({ code: '94032000', description: 'Other furniture > Other metal furniture > Household', units: '', mfnText: '2%', mfnFrom: '940320' });
    expect(index.line('9403200020')).toMatchObject({ description: 'Other furniture > Other metal furniture > Household > Chairs', units: 'No.', mfnText: '2%' });
  });
  it('reads no chapter until asked, then only the chapter of the code, once', () => {
    const { index, reads } = chaptered();
    expect(reads).toEqual([]);
    expect(index.line('8517130000')).toEqual({ code: '8517130000', description: 'Telephone sets > Telephone sets for cellular networks > Smartphones > Smartphones', units: 'No.', mfnText: 'Free', mfnFrom: '85171300' });
    expect(index.has('85171300')).toBe(true);
    expect(reads).toEqual(['us/hts/85.json']);
  });
  it('answers as the inline rows do', () => {
    const { index } = chaptered();
    const inline = new HtsIndex({ ...HEAD, rows: [...CH85, ...CH94] });
    for (const code of ['8517130000', '85171300', '94031000', '9403100020', '85411000', '8541100020', '8518000000', '0101210010']) {
      expect(index.line(code)).toEqual(inline.line(code));
    }
    expect(inline.line('85411000')).toMatchObject({ error: expect.stringMatching(/different MFN rates \(3%; 4%\)/) });
    expect(index.line('0101210010')).toEqual({ error: '0101.21.00.10 is not a line of the HTSUS test' });
    expect([...index.all()].map((r) => r.row[0])).toEqual([...inline.all()].map((r) => r.row[0]));
    expect([...index.all()].map((r) => r.row[0]).filter(Boolean)[0]).toBe('8517');
  });
  it('lists the codes under a prefix, from its chapter only', () => {
    const { index, reads } = chaptered();
    expect(index.children('940310')).toEqual(['94031000', '9403100020']);
    expect(reads).toEqual(['us/hts/94.json']);
  });
});
