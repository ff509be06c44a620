// Builds the US product lists of the measures that started after HTSUS 2026 Rev 10 (the newest export in ../shared):
//   rates/us/lists/section301-forced-labor.json   note 52 exemptions of the forced-labor Section 301 action
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
