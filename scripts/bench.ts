// npm run bench [-- N RUNS]: time, CPU and peak memory of the real CLI against csv-parse reading the same file, on two
// bills: a bill like an importer's year (scripts/bench-real-bill.ts: 3,000 distinct codes of every chapter, quoted
// descriptions, entries of 10-40 lines each on its own date, a fifth into China) and the older bill of 20 codes on 7
// dates (scripts/bench-bill.ts). N lines (default 1,000,000) and N/10; CSV out, and at N also JSON and NDJSON out on
// the real bill; `tariff lookup` start-up against `node -e 0`. Every command is a process of its own, timed by GNU
// time; medians of RUNS runs (default 1), each calc run divided by the csv-parse run just before it. Start-up is
// timed around the spawn itself (GNU time rounds to 10 ms), 15 runs of each interleaved.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeBill } from './bench-bill.js';
import { writeRealBill } from './bench-real-bill.js';

const N = Number(process.argv[2] ?? 1_000_000);
const RUNS = Number(process.argv[3] ?? 1);
const BIN = path.resolve('bin/tariff.js');
const YARDSTICK = path.resolve('scripts/csv-parse-read.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tariff-bench-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Timing { seconds: number; cpuSeconds: number; rssMb: number }

/** Wall time, CPU time (user + system) and peak RSS of a command, its output to a file (as a user redirects it). */
function timed(args: string[]): Timing {
  const out = fs.openSync(path.join(dir, 'out'), 'w');
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', '-o', path.join(dir, 'time.txt'), process.execPath, ...args], { stdio: ['ignore', out, 'ignore'] });
  fs.closeSync(out);
  if (r.status !== 0 && r.status !== 3) throw new Error(`node ${args.join(' ')} exited ${r.status}`);
  const [seconds, user, system, kb] = fs.readFileSync(path.join(dir, 'time.txt'), 'utf8').trim().split(/\s+/).slice(-4).map(Number);
  return { seconds: seconds!, cpuSeconds: user! + system!, rssMb: kb! / 1024 };
}

function measure(file: string, format: string) {
  const parse: number[] = [];
  const calc: Timing[] = [];
  for (let i = 0; i < RUNS; i++) {
    parse.push(timed([YARDSTICK, file]).seconds);
    calc.push(timed([BIN, 'calc', file, '--format', format, '--quiet']));
  }
  const ratios = calc.map((c, i) => c.seconds / parse[i]!);
  return { format, seconds: median(calc.map((c) => c.seconds)), cpuSeconds: median(calc.map((c) => c.cpuSeconds)), rssMb: median(calc.map((c) => c.rssMb)),
    parseSeconds: median(parse), ratio: median(ratios), lowest: Math.min(...ratios), highest: Math.max(...ratios) };
}

const lines = (n: number) => n.toLocaleString('en-US');
const mb = (file: string) => `${(fs.statSync(file).size / 1e6).toFixed(0)} MB`;
console.log(`machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; medians of ${RUNS} run(s)`);
console.log('| bill | lines | out | tariff calc | csv-parse (goal: calc <= 2x) | ratio (lowest-highest) | peak RSS |');
console.log('|---|---|---|---|---|---|---|');
const bills: [string, (n: number, f: string) => unknown][] = [['real (3,000 codes, a date per entry)', writeRealBill], ['20 codes, 7 dates', writeBill]];
const peaks: string[] = [];
for (const [name, write] of bills) {
  const big = path.join(dir, 'big.csv');
  const small = path.join(dir, 'small.csv');
  write(N, big);
  write(Math.floor(N / 10), small);
  const row = (n: number, file: string, m: ReturnType<typeof measure>) => console.log(`| ${name} | ${lines(n)} (${mb(file)}) | ${m.format} | ${m.seconds.toFixed(2)} s (CPU ${m.cpuSeconds.toFixed(2)} s) | ${m.parseSeconds.toFixed(2)} s | ${m.ratio.toFixed(1)}x (${m.lowest.toFixed(1)}-${m.highest.toFixed(1)}x) | ${m.rssMb.toFixed(0)} MB |`);
  const csvBig = measure(big, 'csv');
  row(N, big, csvBig);
  const csvSmall = measure(small, 'csv');
  row(Math.floor(N / 10), small, csvSmall);
  peaks.push(`${name}: peak RSS at ${lines(N)} lines ${csvBig.rssMb.toFixed(0)} MB (goal <= 200 MB), ${(csvBig.rssMb / csvSmall.rssMb).toFixed(2)}x the peak at ${lines(Math.floor(N / 10))} (goal <= 1.3x)`);
  if (write === writeRealBill) {
    for (const format of ['json', 'ndjson']) {
      const m = measure(big, format);
      row(N, big, m);
      peaks.push(`${name}: ${format} out ${(m.seconds / csvBig.seconds).toFixed(2)}x the CSV out (goal <= 1.5x)`);
    }
  }
}
for (const p of peaks) console.log(p);
/** Wall time of a short command in ms, to the microsecond (GNU time rounds to 10 ms, a fifth of `node -e 0`). */
function startMs(args: string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}
// interleaved, so both see the machine alike
const node0: number[] = [];
const lookup: number[] = [];
for (let i = 0; i < 15; i++) {
  node0.push(startMs(['-e', '0']));
  lookup.push(startMs([BIN, 'lookup', '8517.13.00.00', '--date', '2025-04-15', '--format', 'json']));
}
console.log(`start-up (median of 15, interleaved): tariff lookup ${median(lookup).toFixed(0)} ms, node -e 0 ${median(node0).toFixed(0)} ms: ${(median(lookup) / median(node0)).toFixed(1)}x (goal <= 3x)`);
fs.rmSync(dir, { recursive: true, force: true });
