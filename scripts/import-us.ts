// Builds the generated US ledger files in rates/us from ../shared/data:
//   rates/us/hts.json                 every numbered HTSUS line of the newest revision, with its column 1 general rate
//   rates/us/lists/section301.json    Section 301 membership from the HTSUS footnotes ("See 9903.88.03."), all revisions
//   rates/us/lists/annex-ii.json      Annex II of EO 14257 (reciprocal exemptions), dated
//   rates/us/lists/section122-exempt.json  Section 122 exemptions (9903.03.03-.05)
// Run: npm run import:us   (TARIFF_SHARED=/path/to/shared to point elsewhere)
import fs from 'node:fs';
import path from 'node:path';
import { parseRate } from '../src/core/rate.js';
import { DATA, digits, readCsv, readRevision, revisions, stripTags, writeCompactRows, writeJson, type HtsRow } from './hts-source.js';

const OUT = path.resolve('rates/us');
const revs = revisions();
const newest = revs[revs.length - 1]!;

// ---- HTS lines and MFN rates (newest revision) ----
const newestRows = readRevision(newest.file);
const htsRows: [string, number, string, string, string][] = [];
const unparsed: Record<string, string> = {};
let inChapter99 = false;
for (const r of newestRows) {
  // Unnumbered rows are kept (code ""): they are the grouping texts of the description paths.
  if (r.htsno.startsWith('99')) inChapter99 = true;
  if (inChapter99) continue;
  const code = digits(r.htsno);
  const general = stripTags(r.general ?? '');
  if (general && !parseRate(general)) unparsed[code] = general;
  htsRows.push([code, Number(r.indent), stripTags(r.description), (r.units ?? []).join('/'), general]);
}
// One file per chapter, so that a run reads only the chapters of its codes; a grouping row goes with the row before it.
const chapters: Record<string, string> = {};
const rowsByChapter = new Map<string, typeof htsRows>();
let chapter = '';
for (const row of htsRows) {
  if (row[0]) chapter = row[0].slice(0, 2);
  if (!rowsByChapter.has(chapter)) rowsByChapter.set(chapter, []);
  rowsByChapter.get(chapter)!.push(row);
}
fs.rmSync(path.join(OUT, 'hts'), { recursive: true, force: true });
for (const [number, rows] of rowsByChapter) {
  chapters[number] = `us/hts/${number}.json`;
  writeCompactRows(path.join(OUT, 'hts', `${number}.json`), { rows });
}
writeJson(path.join(OUT, 'hts.json'), {
  edition: `HTSUS ${newest.id.replace('_rev_', ' Revision ').replace('_basic', ' Basic')}`,
  effective: newest.effective,
  source: {
    instrument: 'USITC Harmonized Tariff Schedule of the United States, JSON export',
    url: 'https://hts.usitc.gov/',
    file: path.basename(newest.file),
  },
  note: 'Rows, in the file of each chapter: [code digits (empty for an unnumbered grouping row), indent, description, units, column 1 general rate]. 10-digit lines with an empty rate inherit the rate of their nearest ancestor. `unparsedRates` lists rates whose form the calculator does not compute: a line under one needs `mfn_rate`.',
  unparsedRates: unparsed,
  chapters,
});
console.log(`hts.json: ${htsRows.filter((r) => r[0]).length} numbered lines of ${htsRows.length} rows from ${newest.id}, ${Object.keys(unparsed).length} rate texts flagged unparsed`);

// ---- Section 301 membership from footnotes, all revisions ----
const LIST_HEADINGS = /^9903\.88\.(01|02|03|04|15|16)$/;
const REVIEW_HEADINGS = /^9903\.9[12]\.\d\d$/;
interface Span { first: number; last: number }
const spans = new Map<string, Map<string, Span>>(); // heading -> code -> revision index span
const citedBoth = new Map<string, Set<string>>(); // code -> review headings cited together with a list heading
revs.forEach((rev, index) => {
  const rows: HtsRow[] = rev === newest ? newestRows : readRevision(rev.file);
  for (const r of rows) {
    if (!r.htsno || r.htsno.startsWith('99')) continue;
    const code = digits(r.htsno);
    const cited = new Set<string>();
    for (const f of r.footnotes ?? []) for (const h of f.value.match(/9903\.\d\d\.\d\d/g) ?? []) cited.add(h);
    const headings = [...cited].filter((h) => LIST_HEADINGS.test(h) || REVIEW_HEADINGS.test(h));
    for (const h of headings) {
      const byCode = spans.get(h) ?? new Map<string, Span>();
      spans.set(h, byCode);
      const span = byCode.get(code);
      if (span) span.last = index; else byCode.set(code, { first: index, last: index });
    }
    if (headings.some((h) => LIST_HEADINGS.test(h))) {
      for (const h of headings.filter((x) => REVIEW_HEADINGS.test(x))) {
        const set = citedBoth.get(code) ?? new Set<string>();
        set.add(h);
        citedBoth.set(code, set);
      }
    }
  }
});
// The two lines the HTSUS footnotes cite with both a list heading and 9903.91.01 (note 31 covers only part of them
// in 2025): note 31(b) as read by us-measures.md §6 and us-measures-checked.md rows 34, 37, 39. The 2025 note 31 text
// is not in hand, so the 10-digit mapping carries a note shown as a warning.
const PARTIAL_2025 = 'Only part of this 8-digit line is under 9903.91.01 in 2025 (note 31(b)); the 10-digit mapping follows us-measures.md §6 (the 2025 text of note 31 is not available to confirm it).';
const CORRECTIONS: Record<string, Record<string, { code: string; to?: string; note?: string }[]>> = {
  '9903.91.01': {
    // Li-ion batteries: only EV batteries at 25% from 2024-09-27; the rest stays List 4A until 9903.91.06 (2026-01-01)
    '85076000': [{ code: '8507600010', to: '2026-01-01', note: PARTIAL_2025 }],
    // respirators and face masks at 25% until the 2026 step to 50% (9903.91.07); 6307.90.9870 is 9903.91.04
    '63079098': ['6307909842', '6307909844', '6307909850', '6307909875'].map((code) => ({ code, to: '2026-01-01', note: PARTIAL_2025 })),
  },
};
if (citedBoth.size !== 2 || !citedBoth.has('85076000') || !citedBoth.has('63079098')) {
  throw new Error(`the lines cited with both a list and a 9903.91 heading changed: ${[...citedBoth.keys()].join(', ')}; review CORRECTIONS`);
}
const s301Lists = [...spans.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([heading, byCode]) => ({
  id: `s301:${heading}`,
  title: `Section 301 products of heading ${heading} (HTSUS footnotes)`,
  sources: [{ instrument: 'HTSUS footnotes "See ' + heading + '." on the line or its 8-digit parent', citation: `HTSUS 2025 Basic to ${newest.id}`, url: 'https://hts.usitc.gov/' }],
  entries: [...byCode.entries()].sort(([a], [b]) => a.localeCompare(b)).flatMap(([code, span]) => {
    const corrected = CORRECTIONS[heading]?.[code];
    if (corrected) return corrected;
    const entry: { code: string; to?: string } = { code };
    // A four-year-review heading that stops being cited ends there (e.g. gloves 9903.91.05 -> 9903.91.08 on 2026-01-01).
    // List headings are stable since 2020: membership is the union over revisions.
    if (REVIEW_HEADINGS.test(heading) && span.last < revs.length - 1) entry.to = revs[span.last + 1]!.effective;
    return [entry];
  }),
}));
writeJson(path.join(OUT, 'lists/section301.json'), { lists: s301Lists });
console.log(`section301.json: ${s301Lists.map((l) => `${l.id} ${l.entries.length}`).join(', ')}`);
console.log(`codes citing a list heading and a 9903.91/92 heading together: ${citedBoth.size}`);

// ---- Annex II (EO 14257), dated ----
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
const revEffective = new Map(revs.map((r) => [r.id, r.effective]));
const policyDate = new Map(readCsv(path.join(DATA, 'yale-tariff-tracker/revision_dates.csv')).map((r) => [
  r.revision!.startsWith('2026') ? r.revision! : `2025_${r.revision}`, r.policy_effective_date !== 'NA' ? r.policy_effective_date! : r.effective_date!,
]));
// The note text lists only 8505.11.0070 (neodymium magnets) where the extracted tables keep all of 8505.11.00
// (../shared/data/usitc-ch99-notes/SOURCE.md; notes 2(v)(iii)(a) and 2(aa)(ii) of 2026 Rev 6).
const NOTE_PRECISION: Record<string, string> = { '85051100': '8505110070' };
const annex = readCsv(path.join(DATA, 'yale-tariff-tracker/annex_ii_first_appearance.csv')).map((r) => {
  const firstRev = `2025_${r.first_revision}`;
  r.prefix = NOTE_PRECISION[r.prefix!] ?? r.prefix!;
  const from = r.first_effective_date !== 'NA' ? r.first_effective_date! : (policyDate.get(firstRev) ?? revEffective.get(firstRev)!);
  const entry: { code: string; from: string; to?: string } = { code: r.prefix!, from };
  // end_effective_date is the last day in force; `to` is exclusive
  if (r.end_effective_date !== 'NA') entry.to = nextDay(r.end_effective_date!);
  else if (r.removed_at !== 'NA') entry.to = policyDate.get(`2025_${r.removed_at}`)!;
  return entry;
});
writeJson(path.join(OUT, 'lists/annex-ii.json'), { lists: [{
  id: 'annex-ii',
  title: 'Annex II of EO 14257 (U.S. note 2(v)(iii)(a)), with the 2025-04-11 electronics memo and later amendments',
  sources: [
    { instrument: 'EO 14257 Annex II; U.S. note 2(v)(iii)(a) to chapter 99', citation: '90 FR 15041; HTSUS 2025 Rev 7 to 2026 Rev 9', url: 'https://www.govinfo.gov/content/pkg/FR-2025-04-07/pdf/2025-06063.pdf' },
    { instrument: 'Presidential Memorandum of 2025-04-11 (electronics); CBP CSMS 64724565', citation: 'effective 2025-04-05', url: 'https://content.govdelivery.com/accounts/USDHSCBP/bulletins/3db9e55' },
    { instrument: 'Budget Lab at Yale, tariff-rate-tracker, annex_ii_first_appearance.csv (MIT)', citation: 'commit 9919812f', url: 'https://github.com/Budget-Lab-Yale/tariff-rate-tracker' },
  ],
  entries: annex,
}] });
console.log(`annex-ii.json: ${annex.length} entries`);

// ---- Section 122 exemptions ----
// The extracted list merges three exemptions; the note text (2026 Rev 6) splits it: 2(aa)(ii) products exempt as such
// (9903.03.03), 2(aa)(iii) particular articles (9903.03.04) and 2(aa)(iv) civil aircraft and parts (9903.03.05),
// the last two only for the articles described, so they are claims.
const notes = fs.readFileSync(path.join(DATA, 'usitc-ch99-notes/chapter99_2026_rev_6.txt')).toString('latin1').split('\n');
function noteCodes(startText: string, endText: string): Set<string> {
  const from = notes.findIndex((l) => l.startsWith(startText));
  const to = notes.findIndex((l, i) => i > from && l.startsWith(endText));
  if (from < 0 || to < 0) throw new Error(`note text not found: ${startText}`);
  const out = new Set<string>();
  for (const l of notes.slice(from, to)) {
    if (/Harmonized Tariff Schedule|Revision|Annotated/.test(l)) continue;
    for (const m of l.matchAll(/\b\d{4}\.\d{2}(\.\d{2,4})?\b/g)) out.add(digits(m[0]));
  }
  return out;
}
const s122Parts = {
  products: noteCodes('(ii) As provided in heading 9903.03.03', '(iii) As provided in heading 9903.03.04'),
  particular: noteCodes('(iii) As provided in heading 9903.03.04', '(iv) As provided in heading 9903.03.05'),
  aircraft: noteCodes('(iv) As provided in heading 9903.03.05', '(v) As provided in heading 9903.03.06'),
};
const related = (code: string, set: Set<string>) => [...set].some((p) => code.startsWith(p) || p.startsWith(code));
const s122Split: Record<keyof typeof s122Parts, { code: string }[]> = { products: [], particular: [], aircraft: [] };
for (const r of readCsv(path.join(DATA, 'yale-tariff-tracker/s122_exempt_products.csv'))) {
  const code = NOTE_PRECISION[r.hts8!] ?? r.hts8!;
  const part = (['products', 'aircraft', 'particular'] as const).find((k) => related(code, s122Parts[k]));
  if (part) s122Split[part].push({ code });
  else console.log(`section 122: ${code} is in the extracted list but not in note 2(aa)(ii)-(iv) of 2026 Rev 6: left out`);
}
const s122Source = [
  { instrument: 'Proclamation of 2026-02-20 (Imposing a Temporary Import Surcharge), U.S. note 2(aa)', citation: 'HTSUS 2026 Rev 4 to Rev 10; chapter 99 notes 2026 Rev 6; CBP CSMS 67844987', url: 'https://hts.usitc.gov/' },
  { instrument: 'Budget Lab at Yale, tariff-rate-tracker, s122_exempt_products.csv (MIT)', citation: 'commit 9919812f', url: 'https://github.com/Budget-Lab-Yale/tariff-rate-tracker' },
];
const s122 = s122Split.products;
writeJson(path.join(OUT, 'lists/section122-exempt.json'), { lists: [
  { id: 's122-exempt', title: 'Products exempt from the Section 122 surcharge (U.S. note 2(aa)(ii), heading 9903.03.03)', sources: s122Source, entries: s122Split.products },
  { id: 's122-particular', title: 'Lines holding the particular articles of U.S. note 2(aa)(iii) (heading 9903.03.04): exempt only for the articles described', sources: s122Source, entries: s122Split.particular },
  { id: 's122-aircraft', title: 'Civil aircraft, engines, parts and simulators of U.S. note 2(aa)(iv) (heading 9903.03.05): exempt for civil aircraft use', sources: s122Source, entries: s122Split.aircraft },
] });
console.log(`section122-exempt.json: ${s122Split.products.length} products, ${s122Split.particular.length} particular-article lines, ${s122Split.aircraft.length} aircraft lines`);


const y = (f: string) => path.join(DATA, 'yale-tariff-tracker', f);

// ---- Lines the HTSUS footnotes point at a Section 301 exclusion (9903.88.69 / .70): notice only ----
const excluded = newestRows.filter((r) => r.htsno && (r.footnotes ?? []).some((f) => /9903\.88\.(69|70)/.test(f.value))).map((r) => ({ code: digits(r.htsno) }));
writeJson(path.join(OUT, 'lists/section301-exclusion-notice.json'), { lists: [{
  id: 's301-exclusion-notice',
  title: 'Lines whose HTSUS footnotes cite a Section 301 product exclusion (9903.88.69, 9903.88.70; U.S. note 20(vvv), (www))',
  sources: [{ instrument: 'HTSUS footnotes "See 9903.88.69." / "See 9903.88.70."', citation: newest.id, url: 'https://hts.usitc.gov/' }],
  entries: excluded,
}] });
console.log(`section301-exclusion-notice.json: ${excluded.length} lines`);

// ---- Every chapter, for notices that concern all goods ----
writeJson(path.join(OUT, 'lists/all-goods.json'), { lists: [{
  id: 'all-goods',
  title: 'All goods (chapters 01-97)',
  sources: [{ instrument: 'HTSUS chapters 1-97', citation: newest.id, url: 'https://hts.usitc.gov/' }],
  entries: Array.from({ length: 97 }, (_, i) => ({ code: String(i + 1).padStart(2, '0') })),
}] });

// ---- Section 232 product lists and Section 301 exclusion scopes, from the chapter 99 notes (2026 Rev 6) ----
// Each list is the codes printed between one subdivision of a note and the next; page headers are skipped.
function noteSpan(start: RegExp, end: RegExp, after = 0): Set<string> {
  const from = notes.findIndex((l, i) => i >= after && start.test(l.trim()));
  const to = notes.findIndex((l, i) => i > from && end.test(l.trim()));
  if (from < 0 || to < 0) throw new Error(`note text not found: ${start}`);
  const out = new Set<string>();
  for (const l of notes.slice(from, to)) {
    if (/Harmonized Tariff Schedule|Revision|Annotated|^\s*99 - /.test(l)) continue;
    for (const m of l.matchAll(/\b\d{4}(\.\d{2}(\.\d{2,4})?)?\b/g)) {
      const code = digits(m[0]);
      // a bare 4-digit token counts only when it is a heading of the schedule (not a year or a page number)
      if (!code.startsWith('99') && (code.length > 4 || htsHeadings.has(code))) out.add(code);
    }
  }
  return out;
}
const htsHeadings = new Set(htsRows.map((r) => r[0].slice(0, 4)).filter(Boolean));
const note = (n: string) => notes.findIndex((l) => l.trim().startsWith(`${n}.`) && /^\s*\d+\.\s*(\(a\))?/.test(l) && l.trim().length < 200);
const note16c = notes.findIndex((l) => l.startsWith('(c) Headings 9903.82.02'));
const sub16 = (roman: string, next: string) => noteSpan(new RegExp(`^\\(${roman}\\) (Articles|Derivative)`), new RegExp(`^\\(${next}\\)`), note16c);
const tiers2026 = {
  'c-i': sub16('i', 'ii'), 'c-ii': sub16('ii', 'iii'), 'c-iii': sub16('iii', 'iv'), 'c-iv': sub16('iv', 'v'), 'c-v': sub16('v', 'vi'),
  'c-vi': sub16('vi', 'vii'), 'c-vii': sub16('vii', 'viii'), 'c-viii': sub16('viii', 'ix'), 'c-ix': sub16('ix', 'x'), 'c-x': sub16('x', 'd'),
};
const n33 = notes.findIndex((l) => l.startsWith('33. (a)'));
const n37 = notes.findIndex((l, i) => i > n33 && l.trim() === '37.');
const n38 = notes.findIndex((l, i) => i > n37 && l.trim() === '38.');
const autos = noteSpan(/^\(b\) The rates of duty set forth in headings 9903\.94\.01/, /^\(c\)/, n33);
const lumber = noteSpan(/^\(b\) The rates of duty set forth in heading 9903\.76\.01/, /^\(c\)/, n37);
const upholstered = noteSpan(/^\(d\) The rates of duty set forth in headings 9903\.76\.02/, /^\(e\)/, n37);
const cabinets = noteSpan(/^\(f\) Except for as provided by 9903\.76\.04/, /^\(g\)/, n37);
const mhdv = noteSpan(/^\(b\) The rate of duty set forth in heading 9903\.74\.01/, /^\(c\)/, n38);
const buses = noteSpan(/^\(c\) Heading 9903\.74\.02/, /^\(d\)/, n38);
const mhdvParts = noteSpan(/^\(i\) The rates of duty set forth in heading 9903\.74\.08/, /^\(j\)/, n38);
const excl69 = noteSpan(/^\(vvv\)\s+\(i\) The U\.S\. Trade/, /^\(www\) The U\.S\. Trade/);
const excl70 = noteSpan(/^\(www\) The U\.S\. Trade/, /^\(b\) For purposes of subheading 9903\.89\.05|^\d+\.\s/);
const yaleLines = (f: string) => fs.readFileSync(y(f), 'utf8').split(/\s+/).filter(Boolean);
const autoParts = new Set(yaleLines('s232_auto_parts.txt'));
const semis = new Set(readCsv(y('s232_semi_products.csv')).map((r) => r.hts10!));
const pharma = new Set(readCsv(y('s232_pharma_products.csv')).map((r) => r.hts10!));
// 2025 regime (Yale tables of notes 16 and 19): mill articles and derivatives, by metal and heading
const chapterRows = readCsv(y('s232_metal_chapter_products.csv'));
const derivRows = readCsv(y('s232_derivative_products.csv'));
const copper2025 = new Set(readCsv(y('s232_copper_products.csv')).map((r) => r.hts10!));
const dated = (rows: Record<string, string>[], key: string, fallback: string) => rows.map((r) => ({ code: r[key]!, from: r.effective_date || fallback }));
const metal = (m: string, kind: string, from?: boolean) => chapterRows.filter((r) => r.metal_type === m && r.kind === kind && (from === undefined || Boolean(r.effective_date) === from));
const entriesOf = (rows: Record<string, string>[], fallback?: string) => rows.map((r) => ({ code: r.hts_prefix!, ...(r.effective_date || fallback ? { from: r.effective_date || fallback } : {}) }));
const inclusions = (heading: string) => entriesOf(derivRows.filter((r) => r.ch99_code === heading), '2025-03-12');
const isCh = (chapters: string[]) => (e: { code: string }) => chapters.includes(e.code.slice(0, 2));
const not = (f: (e: { code: string }) => boolean) => (e: { code: string }) => !f(e);
// Each list carries one heading of notes 16 and 19: mill articles, the 2020 derivatives (Proc 9980), the 2025 derivatives
// of chapters 73/76 (full value for steel; aluminium always on its content), and the derivatives elsewhere on metal content.
const metals2025 = {
  'steel-mill': entriesOf(metal('steel', 'mill')),
  'steel-deriv-2020': entriesOf(metal('steel', 'derivative', false)),
  'steel-deriv-73': entriesOf(metal('steel', 'derivative', true)).filter(isCh(['72', '73'])),
  'steel-content': [...entriesOf(metal('steel', 'derivative', true)).filter(not(isCh(['72', '73']))), ...inclusions('9903.81.91')],
  'aluminum-mill': entriesOf(metal('aluminum', 'mill')),
  'aluminum-deriv-2020': [...entriesOf(metal('aluminum', 'derivative', false)), ...inclusions('9903.85.04')],
  'aluminum-deriv-76': [...entriesOf(metal('aluminum', 'derivative', true)).filter(isCh(['76'])), ...inclusions('9903.85.07')],
  'aluminum-content': [...entriesOf(metal('aluminum', 'derivative', true)).filter(not(isCh(['76']))), ...inclusions('9903.85.08')],
};
const onlyDigits = (xs: Iterable<string>) => [...new Set(xs)].filter((c) => /^\d{4,10}$/.test(c)).sort();
const plain = (xs: Iterable<string>) => onlyDigits(xs).map((code) => ({ code }));
const notesSource = (what: string) => [{ instrument: `U.S. note ${what} to chapter 99`, citation: 'HTSUS chapter 99 notes, 2026 Revision 6', url: 'https://hts.usitc.gov/' }];
const yaleSource = (file: string) => [{ instrument: `Budget Lab at Yale, tariff-rate-tracker, ${file} (MIT), from the Section 232 proclamations and notes 16, 19, 33`, citation: 'commit 9919812f', url: 'https://github.com/Budget-Lab-Yale/tariff-rate-tracker' }];
// 2026 tiers apart from chapters 72/73/74/76: those goods may claim the <15 % metal weight rule (9903.82.03)
const tierAll = new Set(Object.values(tiers2026).flatMap((s) => [...s]));
const outsideMetalChapters = [...tierAll].filter((c) => !['72', '73', '74', '76'].includes(c.slice(0, 2)));
const s232Lists = [
  ...Object.entries(tiers2026).map(([k, set]) => ({ id: `s232-2026-${k}`, title: `Section 232 metals from 2026-04-06: note 16(${k.slice(2)}) list`, sources: notesSource(`16(c)(${k.slice(2)})`), entries: plain(set) })),
  { id: 's232-2026-outside-metal-chapters', title: 'Lines of the note 16(c) lists outside chapters 72, 73, 74 and 76 (the <15% metal weight rule, 9903.82.03)', sources: notesSource('16(c)'), entries: plain(outsideMetalChapters) },
  { id: 's232-steel-mill', title: 'Steel mill articles (note 16(b): 9903.80.01 to 2025-03-11, 9903.81.87 from 2025-03-12)', sources: yaleSource('s232_metal_chapter_products.csv, s232_derivative_products.csv'), entries: metals2025['steel-mill'] },
  { id: 's232-steel-deriv-2020', title: 'Derivative steel articles of 2020 (note 16(a)(ii): 9903.80.03, then 9903.81.89)', sources: yaleSource('s232_metal_chapter_products.csv, s232_derivative_products.csv'), entries: metals2025['steel-deriv-2020'] },
  { id: 's232-steel-deriv-73', title: 'Derivative steel articles of chapters 72-73 from 2025-03-12 (note 16(m), 9903.81.90)', sources: yaleSource('s232_metal_chapter_products.csv, s232_derivative_products.csv'), entries: metals2025['steel-deriv-73'] },
  { id: 's232-steel-content', title: 'Derivative steel articles outside chapters 72-73, on the steel content (note 16(n), 9903.81.91), with the 2025-08-18 inclusions', sources: yaleSource('s232_metal_chapter_products.csv, s232_derivative_products.csv'), entries: metals2025['steel-content'] },
  { id: 's232-aluminum-mill', title: 'Aluminium articles (note 19(b): 9903.85.01 to 2025-03-11, 9903.85.02 from 2025-03-12)', sources: yaleSource('s232_metal_chapter_products.csv, s232_derivative_products.csv'), entries: metals2025['aluminum-mill'] },
  { id: 's232-aluminum-deriv-2020', title: 'Derivative aluminium articles of 2020 (note 19(a)(iii): 9903.85.03, then 9903.85.04)', sources: yaleSource('s232_metal_chapter_products.csv, s232_derivative_products.csv'), entries: metals2025['aluminum-deriv-2020'] },
  { id: 's232-aluminum-deriv-76', title: 'Derivative aluminium articles of chapter 76 from 2025-03-12 (note 19(j), 9903.85.07)', sources: yaleSource('s232_metal_chapter_products.csv, s232_derivative_products.csv'), entries: metals2025['aluminum-deriv-76'] },
  { id: 's232-aluminum-content', title: 'Derivative aluminium articles outside chapter 76, on the aluminium content (note 19(k), 9903.85.08), with the 2025-08-18 inclusions', sources: yaleSource('s232_metal_chapter_products.csv, s232_derivative_products.csv'), entries: metals2025['aluminum-content'] },
  { id: 's232-2026-us-metal', title: 'Lists (c)(ii), (iv), (vi)-(viii) of note 16: 10% when at least 95% of the metal was melted/smelted in the US (note 16(e), 9903.82.06)', sources: notesSource('16(c), 16(e)'), entries: plain([...tiers2026['c-ii'], ...tiers2026['c-iv'], ...tiers2026['c-vi'], ...tiers2026['c-vii'], ...tiers2026['c-viii']]) },
  { id: 's232-2026-all', title: 'Every line of the note 16(c) lists (2026 Rev 6)', sources: notesSource('16(c)'), entries: plain(tierAll) },
  { id: 's232-copper-2025', title: 'Semi-finished copper and intensive copper derivatives (note 36(b), 9903.78.01)', sources: yaleSource('s232_copper_products.csv'), entries: plain(copper2025) },
  { id: 's232-autos', title: 'Passenger vehicles and light trucks (note 33(b), 9903.94.01)', sources: notesSource('33(b)'), entries: plain(autos) },
  { id: 's232-auto-parts', title: 'Automobile parts (note 33(g), 9903.94.05)', sources: yaleSource('s232_auto_parts.txt'), entries: plain(autoParts) },
  { id: 's232-lumber', title: 'Softwood timber and lumber (note 37(b), 9903.76.01)', sources: notesSource('37(b)'), entries: plain(lumber) },
  { id: 's232-upholstered', title: 'Upholstered wooden furniture (note 37(d), 9903.76.02)', sources: notesSource('37(d)'), entries: plain(upholstered) },
  { id: 's232-cabinets', title: 'Kitchen cabinets, vanities and parts (note 37(f), 9903.76.03)', sources: notesSource('37(f)'), entries: plain(cabinets) },
  { id: 's232-mhdv', title: 'Medium- and heavy-duty vehicles (note 38(b), 9903.74.01)', sources: notesSource('38(b)'), entries: plain(mhdv) },
  { id: 's232-buses', title: 'Buses (note 38(c), 9903.74.02)', sources: notesSource('38(c)'), entries: plain(buses) },
  { id: 's232-mhdv-parts', title: 'Parts of medium- and heavy-duty vehicles (note 38(i), 9903.74.08)', sources: notesSource('38(i)'), entries: plain(mhdvParts) },
  { id: 's232-semiconductors', title: 'Provisions of semiconductor articles (note 39(b), 9903.79.01: 8471.50, 8471.80, 8473.30 meeting its parameters)', sources: yaleSource('s232_semi_products.csv'), entries: plain(semis) },
  { id: 's232-pharma', title: 'Patented pharmaceuticals and ingredients (Proclamation of 2026-04-02; headings unconfirmed)', sources: yaleSource('s232_pharma_products.csv'), entries: plain(pharma) },
  { id: 's301-exclusion-9903.88.69', title: 'Section 301 product exclusions (U.S. note 20(vvv), 9903.88.69): lines named in the exclusions', sources: notesSource('20(vvv)'), entries: plain(excl69) },
  { id: 's301-exclusion-9903.88.70', title: 'Section 301 solar-manufacturing exclusions (U.S. note 20(www), 9903.88.70): lines named in the exclusions', sources: notesSource('20(www)'), entries: plain(excl70) },
];
writeJson(path.join(OUT, 'lists/section232.json'), { lists: s232Lists });
console.log(`section232.json: ${s232Lists.map((l) => `${l.id} ${l.entries.length}`).join(', ')}`);
void note;
