// Builds the US product lists of the measures that started after HTSUS 2026 Rev 10 (the newest export in ../shared):
//   rates/us/lists/section301-forced-labor.json   note 52 exemptions of the forced-labor Section 301 action
//   rates/us/lists/us-2026-curated.json          short lists read from the note texts (cranes, chassis, auto parts)
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
const s232 = JSON.parse(fs.readFileSync(path.join(OUT, 'section232.json'), 'utf8')) as { lists: { id: string; entries: { code: string }[] }[] };
const kParts = [...new Set(s232.lists.filter((l) => ['s232-2026-c-vi', 's232-2026-c-vii', 's232-2026-c-viii'].includes(l.id))
  .flatMap((l) => l.entries.map((e) => e.code)).filter((c) => ['84', '85', '87'].includes(c.slice(0, 2))))].sort().map((code) => ({ code }));
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
  { id: 'pharma-chapters', title: 'Chapters 29 and 30 (the chapters of the note 40(c) list of Section 232 pharmaceuticals)',
    sources: hts('U.S. note 40(c)', 'HTSUS 2026 Rev 14, Rev 20'), entries: codes('29', '30') },
];
writeJson(path.join(OUT, 'us-2026-curated.json'), { lists: curated });
console.log(`us-2026-curated.json: ${curated.map((l) => `${l.id} ${l.entries.length}`).join(', ')}`);
