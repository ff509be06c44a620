// A bill shaped like an importer's year, deterministic: 3,000 distinct 10-digit HTSUS codes from every chapter of
// the built-in ledger (a few common, most rare: Zipf), descriptions in quoted cells with commas and quotes, entries of
// 10-40 lines each on their own date (2025-02-01 to 2026-12-02), a fifth of the entries into China (CNY, CIF), freight
// on some lines, metal content on every US line, a quantity on every line (specific rates need one).
// Usage: tsx scripts/bench-real-bill.ts N OUT.csv
import fs from 'node:fs';
import path from 'node:path';
import { parseRate } from '../src/core/rate.js';

const HTS = path.resolve('rates/us/hts');
export const DISTINCT_CODES = 3000;
const CN_CODES = ['12019011', '12019019', '1005900001', '02031200', '02032900', '27111100', '27090000', '8802401000', '85423111', '85423190',
  '5201000090', '8517130000', '9018110000', '9018909999', '22042100', '8703312110'];
const FIRST_DAY = Date.UTC(2025, 1, 1);
const DAYS = 670; // to 2026-12-02

interface Code { code: string; description: string }

/** DISTINCT_CODES 10-digit lines taken in turn from each chapter (every chapter present), shuffled. */
function pickCodes(rand: () => number): Code[] {
  const byChapter: Code[][] = [];
  for (const file of fs.readdirSync(HTS).sort()) {
    const rows = (JSON.parse(fs.readFileSync(path.join(HTS, file), 'utf8')) as { rows: [string, number, string, string, string][] }).rows;
    // a line's MFN rate is its own or its nearest heading's; lines whose rate is a form that needs the bill to say the
    // rate ("the rate applicable to each garment in the ensemble") are left out, as an importer gives mfn_rate there
    const rated: [string, string][] = [];
    const lines: Code[] = [];
    for (const [code, , description, , rate] of rows) {
      if (code && rate) rated.push([code, rate]);
      if (!/^\d{10}$/.test(code)) continue;
      const own = rate || [...rated].reverse().find(([c]) => code.startsWith(c))?.[1];
      if (own && parseRate(own)) lines.push({ code, description });
    }
    if (lines.length > 0) byChapter.push(lines);
  }
  const picked: Code[] = [];
  for (let round = 0; picked.length < DISTINCT_CODES; round++) {
    for (const lines of byChapter) {
      const i = Math.floor(round * 7919 + rand() * lines.length) % lines.length;
      if (picked.length < DISTINCT_CODES && !picked.some((p) => p.code === lines[i]!.code)) picked.push(lines[i]!);
    }
  }
  for (let i = picked.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [picked[i], picked[j]] = [picked[j]!, picked[i]!];
  }
  return picked;
}

const dotted = (c: string) => `${c.slice(0, 4)}.${c.slice(4, 6)}.${c.slice(6, 8)}${c.length > 8 ? `.${c.slice(8)}` : ''}`;
const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;
const money = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

/** Writes the bill; returns how many distinct codes it holds. */
export function writeRealBill(n: number, out: string): number {
  let seed = 20261203;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
  const codes = pickCodes(rand);
  // Zipf: the k-th code weighs 1/k
  const cumulative: number[] = [];
  let total = 0;
  for (let k = 1; k <= codes.length; k++) cumulative.push((total += 1 / k));
  const zipf = () => {
    const x = rand() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return codes[lo]!;
  };
  const seen = new Set<string>();
  const fd = fs.openSync(out, 'w');
  let buf = 'sku,description,hts,value,currency,quantity,freight,insurance,metal_value,into,date,entry\n';
  let entry = 0;
  let us = 0;
  for (let i = 0; i < n;) {
    entry++;
    const size = 10 + Math.floor(rand() * 31);
    const date = new Date(FIRST_DAY + Math.floor(rand() * DAYS) * 86_400_000).toISOString().slice(0, 10);
    const cn = rand() < 0.2;
    for (let j = 0; j < size && i < n; j++, i++) {
      const cents = 5_000 + Math.floor(rand() * rand() * 5_000_000);
      const qty = 1 + Math.floor(rand() * 500);
      const model = `model ${1 + Math.floor(rand() * 900)}${rand() < 0.3 ? ' "XL"' : ''}`;
      if (cn) {
        const code = CN_CODES[Math.floor(rand() * CN_CODES.length)]!;
        buf += `C${i},${quoted(`US goods, ${model}`)},${code},${money(cents)},CNY,${qty},${money(Math.floor(cents / 20))},${money(Math.floor(cents / 300))},,CN,${date},CN${entry}\n`;
      } else {
        // the first lines name every code once, then the common ones come often
        const c = us < codes.length ? codes[us]! : zipf();
        us++;
        seen.add(c.code);
        const freight = rand() < 0.3 ? money(Math.floor(cents / 12)) : '';
        // the metal content column is filled on every line (it is only read where a Section 232 duty is on metal content)
        const metal = money(Math.floor(cents * 0.4));
        buf += `S${i},${quoted(`${c.description.slice(0, 60)}, ${model}`)},${dotted(c.code)},${money(cents)},USD,${qty},${freight},,${metal},US,${date},E${entry}\n`;
      }
      if (buf.length > 1 << 20) { fs.writeSync(fd, buf); buf = ''; }
    }
  }
  fs.writeSync(fd, buf);
  fs.closeSync(fd);
  return seen.size;
}

if (process.argv[1]?.endsWith('bench-real-bill.ts')) {
  const distinct = writeRealBill(Number(process.argv[2] ?? 1000), process.argv[3] ?? 'real-bill.csv');
  process.stderr.write(`${distinct} distinct US codes\n`);
}
