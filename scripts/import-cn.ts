// Builds rates/cn/lists/cn-countermeasures.json from ../shared/data: China's 2018 list (128 lines, +15% / +25%)
// and the 2025 lists of 税委会公告2025年第1号 and 第2号 (complete where the data folder marks the annex complete).
// Run: npm run import:cn   (TARIFF_SHARED=/path/to/shared to point elsewhere)
import path from 'node:path';
import { DATA, readCsv, writeJson } from './hts-source.js';

const src = (instrument: string, citation: string, url: string) => ({ instrument, citation, url });
const S2018 = [src('税委会〔2018〕13号 (countermeasure to US Section 232), annex of 128 lines', 'in force 2018-04-02; MOF annex P020180401856022545193.xlsx', 'http://big5.www.gov.cn/gate/big5/www.gov.cn/xinwen/2018-04/02/content_5279289.htm')];
const S2025: Record<string, ReturnType<typeof src>[]> = {
  '2025-1': [src('税委会公告2025年第1号 (2025-02-04)', 'in force 2025-02-10; annexes 1-2', 'https://energyheadlines.com/?p=4168')],
  '2025-2': [src('税委会公告2025年第2号 (2025-03-04)', 'in force 2025-03-10; annexes at gss.mof.gov.cn P020250304305423071174.pdf / P020250304305423284638.pdf', 'https://www.boringcompliance.com/post/中国国务院关税税则委员会关于对原产于美国的部分进口商品加征关税的公告')],
};

const rows2018 = readCsv(path.join(DATA, 'cn-2018-countermeasure-list/cn_2018_countermeasure_128_lines.csv'));
const rows2025 = readCsv(path.join(DATA, 'cn-2025-countermeasure-lists/cn_2025_countermeasure_lines.csv'));
const lists = [
  ...['15', '25'].map((rate) => ({
    id: `cn-2018-${rate}`, title: `China's 2018 list (税委会〔2018〕13号): lines at +${rate}%`, sources: S2018,
    entries: rows2018.filter((r) => r.additional_rate_pct === rate).map((r) => ({ code: r.cn_code! })),
  })),
  ...[['2025-1', '1'], ['2025-1', '2'], ['2025-2', '1'], ['2025-2', '2']].map(([inst, annex]) => {
    const sel = rows2025.filter((r) => r.instrument === inst && r.annex === annex);
    const complete = sel.every((r) => r.annex_complete === 'yes');
    return {
      id: `cn-${inst}-annex${annex}`,
      title: `税委会公告${inst!.slice(0, 4)}年第${inst!.slice(-1)}号, annex ${annex} (+${sel[0]!.rate_pct}%), ${complete ? 'complete' : 'the lines that could be read: the annex is incomplete here'}`,
      sources: S2025[inst!]!,
      entries: sel.map((r) => ({ code: r.cn_code! })),
    };
  }),
];
writeJson(path.resolve('rates/cn/lists/cn-countermeasures.json'), { lists });
console.log(`cn-countermeasures.json: ${lists.map((l) => `${l.id} ${l.entries.length}`).join(', ')}`);
