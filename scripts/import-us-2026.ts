// Builds the US product lists of the measures that started after HTSUS 2026 Rev 10 (the newest export in ../shared):
//   rates/us/lists/section301-forced-labor.json   note 52 exemptions of the forced-labor Section 301 action
//   rates/us/lists/us-2026-curated.json          short lists read from the note texts (cranes, chassis, auto parts)
//   rates/us/lists/section232-pharma.json        note 40(c), Rev 14 and Rev 20
//   rates/us/lists/section232-2026-rev10.json    note 16(c)(vi)-(xi) before and after Rev 10 (Proclamation 11032), dated
// Run: npm run import:us-2026   (TARIFF_SHARED=/path/to/shared to point elsewhere)
import fs from 'node:fs';
import path from 'node:path';
import { DATA, writeJson } from './hts-source.js';

const OUT = path.resolve('rates/us/lists');
const FROM = '2026-07-24';

// ---- note 52: hts_code,condition (full = 52(b), pharma = 52(e), aircraft = 52(d), ex = 52(c)) ----
const csv = fs.readFileSync(path.join(DATA, 'us-301-forced-labor', 'note52_common_exemptions.csv'), 'utf8').trim().split('\n');
const byCondition = new Map<string, { code: string; from: string }[]>();
for (const line of csv.slice(1)) {
  const [code, condition] = line.split(',');
  if (!code || !/^\d{8}(\d{2})?$/.test(code) || !condition) throw new Error(`note52_common_exemptions.csv: bad line "${line}"`);
  byCondition.set(condition, [...(byCondition.get(condition) ?? []), { code, from: FROM }]);
}
const source = [
  { instrument: 'USTR Notice of Actions, Section 301 investigations of various economies (forced labor); U.S. note 52', citation: '91 FR 47318 (FR Doc 2026-15181); HTSUS 2026 Rev 13', url: 'https://www.federalregister.gov/documents/2026/07/28/2026-15181/notice-of-actions-in-section-301-investigations-of-acts-policies-and-practices-of-various-economies' },
  { instrument: 'CBP CSMS #69326983, attachment "Forced Labor HTS LIST"', citation: 'CSMS #69326983 (2026-07-23)', url: 'https://content.govdelivery.com/accounts/USDHSCBP/bulletins/421d887' },
  { instrument: 'Budget Lab fork SAIL-Engineering/tariff-rate-tracker, resources/s301fl_final_common_exemptions.csv', citation: 'commit 8d19d2e4', url: 'https://github.com/SAIL-Engineering/tariff-rate-tracker' },
];
const lists = [
  { id: 's301fl-52b', condition: 'full', title: 'Subheadings of U.S. note 52(b): no forced-labor Section 301 duty (heading 9903.05.86)' },
  { id: 's301fl-particular', condition: 'ex', title: 'Lines holding the particular articles of U.S. note 52(c) (heading 9903.05.87): exempt only for the articles described' },
  { id: 's301fl-aircraft', condition: 'aircraft', title: 'Civil aircraft, engines, parts and components of U.S. note 52(d) (heading 9903.05.88): exempt for civil aircraft use' },
  { id: 's301fl-pharma', condition: 'pharma', title: 'Articles of U.S. note 52(e) (heading 9903.05.89): exempt when for pharmaceutical use' },
].map(({ id, condition, title }) => {
  const entries = byCondition.get(condition);
  if (!entries) throw new Error(`note52_common_exemptions.csv: no "${condition}" rows`);
  return { id, title, sources: source, entries };
});
writeJson(path.join(OUT, 'section301-forced-labor.json'), { lists });
console.log(`section301-forced-labor.json: ${lists.map((l) => `${l.id} ${l.entries.length}`).join(', ')}`);

// ---- short lists read from the HTSUS note and heading texts ----
// note 16(c) as HTSUS 2026 Rev 10 re-cut it from 2026-06-08 (Proclamation 11032): scripts/data/note16-rev10.json, read from
// the Rev 10 change record (its "before" lists are those of ../shared's Rev 6 notes, line for line)
const note16 = JSON.parse(fs.readFileSync(path.resolve('scripts/data/note16-rev10.json'), 'utf8')) as { source: string; lists: Record<string, { before: string[] | null; after: string[] | null }> };
const REV10 = '2026-06-08';
const dated = (key: string) => {
  const before = note16.lists[key]!.before ?? [];
  const after = note16.lists[key]!.after ?? [];
  return [
    ...before.map((code) => (after.includes(code) ? { code } : { code, to: REV10 })),
    ...after.filter((code) => !before.includes(code)).map((code) => ({ code, from: REV10 })),
  ];
};
const kParts = [...new Set(['vi', 'vii', 'viii'].flatMap((k) => note16.lists[k]!.after ?? [])
  .filter((c) => ['84', '85', '87'].includes(c.slice(0, 2))))].sort().map((code) => ({ code }));
const hts = (instrument: string, citation: string) => [{ instrument, citation, url: 'https://hts.usitc.gov/' }];
const codes = (...list: string[]) => list.map((code) => ({ code }));
const curated = [
  { id: 's301-cranes-842619', title: 'Cranes of subheading 8426.19.00 (9903.92.10 ship-to-shore gantry cranes; 9903.92.80 other cranes)',
    sources: hts('HTSUS headings 9903.92.10 and 9903.92.80; U.S. note 31(l)', 'HTSUS 2026 Rev 10, 9903.92'), entries: codes('842619') },
  { id: 's301-chassis', title: 'Lines of intermodal chassis and their parts (U.S. note 31(k): 9903.91.12, other goods 9903.91.13)',
    sources: hts('HTSUS headings 9903.91.12 and 9903.91.13; U.S. note 31(k)', 'HTSUS 2025 Rev 28 to 2026 Rev 10'), entries: codes('8716390090', '87169030', '87169050') },
  // note 33(g) names these provisions whole, though most of what they hold is not a part of a passenger vehicle or light
  // truck (computers, electric motors, lithium-ion batteries, control panels, rangefinders): 9903.94.06 applies to the rest
  { id: 's232-auto-parts-general', title: 'General-purpose provisions of U.S. note 33(g): the auto parts duty only for parts of passenger vehicles and light trucks (others 9903.94.06, note 33(h)(ii))',
    sources: hts('U.S. note 33(g), (h)(ii); headings 9903.94.05, 9903.94.06', 'HTSUS chapter 99 notes 2026 Rev 6'),
    entries: codes('8471', '850132', '850133', '850134', '850140', '850151', '850152', '8507600030', '8507600090', '853710', '853720', '901510') },
  { id: 's201-quartz', title: 'Quartz surface products (U.S. note 41, headings 9903.45.30 / 9903.45.31)',
    sources: hts('Proclamation 11051; U.S. note 41(a)', 'HTSUS 2026 Rev 16'), entries: codes('6810990020', '6810990040', '7020006000') },
  { id: 's232-drones-100', title: 'Unmanned aircraft over 25 kg (U.S. note 43(c)(1), 9903.08.21)',
    sources: hts('Proclamation 11055; U.S. note 43(c)(1)', 'HTSUS 2026 Rev 18'), entries: codes('880624', '880629', '880694', '880699') },
  { id: 's232-drones-small', title: 'Unmanned aircraft of up to 25 kg (U.S. note 43(c)(3)-(4): 9903.08.21 with thermal imaging, else 9903.08.22)',
    sources: hts('Proclamation 11055; U.S. note 43(c)(3), (c)(4)', 'HTSUS 2026 Rev 18'), entries: codes('880621', '880622', '880623', '880691', '880692', '880693') },
  { id: 's232-drones-parts', title: 'Provisions of UAS parts and docking stations (U.S. note 43(c)(1)-(2): 9903.08.21 for UAS use, else 9903.08.20)',
    sources: hts('Proclamation 11055; U.S. note 43(c)(1), (c)(2)', 'HTSUS 2026 Rev 18'), entries: codes('8504409580', '8537109170', '880710', '880720', '880730', '88079090') },
  { id: 's232-polysilicon', title: 'Polysilicon, ingots and wafers, cells and modules (Proclamation 11052, Annexes I and II, main provisions)',
    sources: [{ instrument: 'Proclamation 11052, Annexes I and II', citation: '91 FR 51975 (2026-08-11)', url: 'https://www.federalregister.gov/documents/2026/08/11' }], entries: codes('280461', '381800', '854142', '854143') },
  { id: 's232-2026-k', title: 'Lines of note 16(c)(vi)-(viii) in chapters 84, 85 and 87: parts for agricultural, fixed or mobile industrial equipment (U.S. note 16(k))',
    sources: hts('Proclamation 11032; U.S. note 16(k)', 'HTSUS 2026 Rev 10'), entries: kParts },
  { id: 's232-appliances-2025', title: 'Household appliances made steel derivatives from 2025-06-23 (washers, dryers, dishwashers, refrigerators and freezers, ranges and ovens, waste disposers, welded wire racks)',
    sources: [{ instrument: 'Commerce inclusion of household appliances as steel derivatives; lines read from note 16(c)(vi)-(vii) of 2026', citation: '90 FR 25208; CBP CSMS #65405824', url: 'https://www.federalregister.gov/documents/2025/06/16' }],
    entries: codes('84181000', '84182100', '84182920', '84183000', '84184000', '8418998050', '84221100', '84501100', '84502000', '84512100', '84512900', '85098020', '85166040') },
  { id: 's201-solar-cells', title: 'Crystalline silicon photovoltaic cells (U.S. note 18(c): 9903.45.21 in quota, 9903.45.22 over)',
    sources: hts('U.S. note 18; headings 9903.45.21, 9903.45.22', 'HTSUS chapter 99 notes 2026 Rev 6'), entries: codes('854142') },
  { id: 's201-solar-modules', title: 'Crystalline silicon photovoltaic modules (U.S. note 18(g), 9903.45.25)',
    sources: hts('U.S. note 18(g), (h); heading 9903.45.25', 'HTSUS chapter 99 notes 2026 Rev 6'), entries: codes('854143') },
];
writeJson(path.join(OUT, 'us-2026-curated.json'), { lists: curated });
console.log(`us-2026-curated.json: ${curated.map((l) => `${l.id} ${l.entries.length}`).join(', ')}`);

// ---- note 40(c) as HTSUS 2026 Rev 20 gives it from 2026-09-29 (149 lines; the change record's "after" text, as
// transcribed in brendanxmac/hts-hero tariffs/revision-diffs/2026HTSRev20, measures-2026-checked.md §3) ----
const NOTE40_REV20 = [
  '2918.99.3000', '2921.49.3800', '2921.49.4300', '2922.19.0910', '2922.19.0990', '2922.29.2700', '2922.49.2600', '2922.50.1400',
  '2922.50.2500', '2924.29.6250', '2925.29.2000', '2928.00.3000', '2930.90.9235', '2931.90.2200', '2932.20.2000', '2933.19.3500',
  '2933.19.4500', '2933.29.2000', '2933.29.4500', '2933.39.4100', '2933.49.2600', '2933.59.2100', '2933.59.3600', '2933.59.4600',
  '2933.59.5300', '2933.59.5900', '2933.79.0800', '2933.79.8500', '2933.99.4600', '2933.99.5300', '2933.99.5590', '2933.99.6100',
  '2933.99.6500', '2933.99.7000', '2933.99.7500', '2933.99.9000', '2934.30.2300', '2934.30.2700', '2934.99.3000', '2934.99.4720',
  '2934.99.4730', '2934.99.4740', '2934.99.4790', '2935.90.4800', '2935.90.6000', '2937.11.0000', '2937.12.0000', '2937.19.0000',
  '2937.22.0010', '2937.22.0090', '2937.23.1010', '2937.23.1050', '2937.23.5010', '2937.23.5020', '2937.23.5050', '2937.29.9040',
  '2937.29.9050', '2937.29.9095', '2937.50.0000', '2937.90.4500', '2937.90.9000', '2938.90.0000', '2939.11.0000', '2939.19.2000',
  '2939.19.5000', '2941.10.5000', '2941.90.1050', '2941.90.3030', '2941.90.3090', '2941.90.5030', '2941.90.5090', '2942.00.0500',
  '3002.12.0040', '3002.13.0010', '3002.13.0090', '3002.14.0010', '3002.14.0090', '3002.15.0011', '3002.15.0091', '3002.41.0000',
  '3002.42.0000', '3002.49.0050', '3002.51.0000', '3002.59.0000', '3002.90.1000', '3002.90.5220', '3002.90.5250', '3003.20.0000',
  '3003.31.0000', '3003.39.1000', '3003.39.5000', '3003.49.0000', '3003.90.0120', '3003.90.0140', '3003.90.0180', '3003.90.0190',
  '3004.10.1010', '3004.10.5010', '3004.20.0010', '3004.20.0042', '3004.20.0058', '3004.20.0073', '3004.20.0074', '3004.20.0078',
  '3004.20.0085', '3004.31.0010', '3004.31.0090', '3004.32.0020', '3004.32.0080', '3004.39.0010', '3004.39.0015', '3004.39.0080',
  '3004.41.0000', '3004.49.0005', '3004.49.0010', '3004.49.0020', '3004.49.0030', '3004.49.0040', '3004.49.0050', '3004.49.0060',
  '3004.49.0070', '3004.50.5005', '3004.90.1000', '3004.90.9201', '3004.90.9206', '3004.90.9208', '3004.90.9210', '3004.90.9211',
  '3004.90.9212', '3004.90.9215', '3004.90.9216', '3004.90.9217', '3004.90.9218', '3004.90.9226', '3004.90.9236', '3004.90.9243',
  '3004.90.9246', '3004.90.9249', '3004.90.9251', '3004.90.9252', '3004.90.9253', '3004.90.9260', '3004.90.9263', '3004.90.9267',
  '3004.90.9268', '3004.90.9270', '3004.90.9271', '3004.90.9273', '3004.90.9276',
].map((c) => c.replaceAll('.', ''));
const rev14 = fs.readFileSync(path.join(DATA, 'yale-tariff-tracker', 's232_pharma_products.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.trim());
if (NOTE40_REV20.length !== 149 || rev14.length !== 131) throw new Error(`note 40(c): expected 149 and 131 lines, read ${NOTE40_REV20.length} and ${rev14.length}`);
// Rev 20 splits ten Rev 14 lines into new statistical lines that are all on its list: a Rev 10 code (the ledger's HTSUS)
// stays covered; lines new in Rev 20 are covered from 2026-09-29
const pharma = [
  ...rev14.flatMap((code) => NOTE40_REV20.includes(code) ? [{ code, from: '2026-07-31' }] : [{ code, from: '2026-07-31', to: '2026-09-29' },
    { code, from: '2026-09-29', note: 'HTSUS 2026 Rev 20 splits this statistical line into lines that are all on the note 40(c) list: priced as listed' }]),
  ...NOTE40_REV20.filter((code) => !rev14.includes(code)).map((code) => ({ code, from: '2026-09-29' })),
];
writeJson(path.join(OUT, 'section232-pharma.json'), { lists: [{
  id: 's232-pharma-2026', title: 'Pharmaceutical articles of U.S. note 40(c) (Section 232, 9903.04.60-.70): the 131 lines of 2026 Rev 14 from 2026-07-31, the 149 of Rev 20 from 2026-09-29',
  sources: [
    { instrument: 'U.S. note 40(c), HTSUS 2026 Rev 14 (2026-07-31), via the Budget Lab tables (s232_pharma_products.csv)', citation: 'Proclamation 11020, 91 FR 18183', url: 'https://hts.usitc.gov/' },
    { instrument: 'U.S. note 40(c) as amended by HTSUS 2026 Rev 20, effective 2026-09-29 (change record CR-2)', citation: 'HTSUS 2026 Rev 20', url: 'https://hts.usitc.gov/' },
  ],
  entries: pharma,
}] });
console.log(`section232-pharma.json: ${rev14.length} lines of Rev 14, ${NOTE40_REV20.filter((c) => !rev14.includes(c)).length} added by Rev 20 from 2026-09-29`);

const rev10Source = [
  { instrument: 'Proclamation 11032 of 2026-06-01; U.S. note 16(c)(vi)-(xi) as amended by HTSUS 2026 Rev 10 (change record CR-5 to CR-9)', citation: '91 FR 34085 (FR Doc 2026-11314); HTSUS 2026 Rev 10, effective 2026-06-08', url: 'https://www.federalregister.gov/d/2026-11314' },
  { instrument: note16.source, citation: 'scripts/data/note16-rev10.json', url: 'https://github.com/brendanxmac/hts-hero' },
];
const rev10Lists = (['vi', 'vii', 'viii', 'ix', 'x', 'xi'] as const).map((k) => ({
  id: `s232-2026-c-${k}-dated`, title: `Section 232 metals, note 16(c)(${k}): the list of 2026 Rev 6 to 2026-06-07, of Rev 10 from 2026-06-08`,
  sources: rev10Source, entries: dated(k),
}));
writeJson(path.join(OUT, 'section232-2026-rev10.json'), { lists: rev10Lists });
console.log(`section232-2026-rev10.json: ${rev10Lists.map((l) => `${l.id} ${l.entries.length}`).join(', ')}`);
