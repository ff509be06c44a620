// npm run bench [-- N RUNS]: throughput, memory and start-up of the real CLI, as ratios measured in one run.
//   calc on N lines (default 1,000,000) and N/10: wall time and peak RSS (GNU time), against csv-parse alone
//   reading the same file; `tariff lookup` start-up against `node -e 0`. Medians of RUNS runs (default 3), with the
//   lowest and highest ratio of a calc run to the csv-parse run before it, and calc's CPU time. Then, once, the same
//   bill with a date per entry over 600 days (plans are made per date: more kinds of line, more memory).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse';
import { writeBill } from './bench-bill.js';

const N = Number(process.argv[2] ?? 1_000_000);
const RUNS = Number(process.argv[3] ?? 3);
const BIN = path.resolve('bin/tariff.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tariff-bench-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Wall time, CPU time (user + system: more than the wall time when V8's helper threads work) and peak RSS of a command. */
function timed(cmd: string, args: string[], out = '/dev/null'): { seconds: number; cpuSeconds: number; rssMb: number } {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', '-o', path.join(dir, 'time.txt'), cmd, ...args], { stdio: ['ignore', fs.openSync(out, 'w'), 'ignore'] });
  if (r.status !== 0 && r.status !== 3) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`);
  const [seconds, user, system, kb] = fs.readFileSync(path.join(dir, 'time.txt'), 'utf8').trim().split(/\s+/).slice(-4).map(Number);
  return { seconds: seconds!, cpuSeconds: user! + system!, rssMb: kb! / 1024 };
}

async function csvParseAlone(file: string): Promise<number> {
  const start = process.hrtime.bigint();
  let n = 0;
  for await (const _ of fs.createReadStream(file).pipe(parse({ bom: true, relax_column_count: true }))) n++;
  if (n === 0) throw new Error('empty');
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function measure(n: number) {
  const file = path.join(dir, `bill-${n}.csv`);
  writeBill(n, file);
  const parseTimes: number[] = [];
  const calc: { seconds: number; cpuSeconds: number; rssMb: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    parseTimes.push(await csvParseAlone(file));
    calc.push(timed(process.execPath, [BIN, 'calc', file, '--format', 'csv', '--quiet']));
  }
  const seconds = median(calc.map((c) => c.seconds));
  const parseSeconds = median(parseTimes);
  // each run of calc against the csv-parse run just before it: the machine's load changes from minute to minute
  const ratios = calc.map((c, i) => c.seconds / parseTimes[i]!);
  return { n, mb: fs.statSync(file).size / 1e6, seconds, cpuSeconds: median(calc.map((c) => c.cpuSeconds)), parseSeconds, ratio: seconds / parseSeconds,
    lowest: Math.min(...ratios), highest: Math.max(...ratios), rssMb: median(calc.map((c) => c.rssMb)) };
}

const big = await measure(N);
const small = await measure(Math.max(1, Math.floor(N / 10)));
// not a goal of issue 7, said beside it: the same bill with a date per entry (hundreds of dates), one run
const spread = path.join(dir, 'bill-spread.csv');
writeBill(N, spread, true);
const spreadRun = timed(process.execPath, [BIN, 'calc', spread, '--format', 'csv', '--quiet']);
const startup = (args: string[]) => median(Array.from({ length: Math.max(5, RUNS * 3) }, () => timed(process.execPath, args).seconds));
const node0 = startup(['-e', '0']);
const lookup = startup([BIN, 'lookup', '8517.13.00.00', '--date', '2025-04-15', '--format', 'json']);

const row = (r: Awaited<ReturnType<typeof measure>>) =>
  `| ${r.n.toLocaleString('en-US')} lines (${r.mb.toFixed(0)} MB) | ${r.seconds.toFixed(2)} s (CPU ${r.cpuSeconds.toFixed(2)} s) | ${r.parseSeconds.toFixed(2)} s | ${r.ratio.toFixed(1)}x (runs ${r.lowest.toFixed(1)}-${r.highest.toFixed(1)}x) | ${r.rssMb.toFixed(0)} MB |`;
console.log(`machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; medians of ${RUNS} runs`);
console.log('| bill | tariff calc (CSV out) | csv-parse alone | ratio of medians (goal <= 2x) | peak RSS |');
console.log('|---|---|---|---|---|');
console.log(row(big));
console.log(row(small));
console.log(`peak memory at ${big.n.toLocaleString('en-US')} lines: ${big.rssMb.toFixed(0)} MB (goal <= 200 MB), ${(big.rssMb / small.rssMb).toFixed(2)}x the peak at ${small.n.toLocaleString('en-US')} (goal <= 1.3x)`);
console.log(`the same ${N.toLocaleString('en-US')} lines with a date per entry (600 days): ${spreadRun.seconds.toFixed(2)} s (CPU ${spreadRun.cpuSeconds.toFixed(2)} s), peak RSS ${spreadRun.rssMb.toFixed(0)} MB (one run)`);
console.log(`start-up: tariff lookup ${(lookup * 1000).toFixed(0)} ms, node -e 0 ${(node0 * 1000).toFixed(0)} ms: ${(lookup / node0).toFixed(1)}x (goal <= 3x)`);
fs.rmSync(dir, { recursive: true, force: true });
