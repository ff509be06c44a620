import { printable } from '../core/printable.js';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Readable } from 'node:stream';
import { Chalk, type ChalkInstance } from 'chalk';
import type { RowError } from '../core/types.js';
import { saidText, type SaidWarning } from '../core/warning-summary.js';
import { UserError, EXIT } from './errors.js';

/** Colour decided once: --color / --no-color, then NO_COLOR, FORCE_COLOR, then whether the stream is a terminal. */
export function makeChalk(flag: boolean | undefined, stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): ChalkInstance {
  let on: boolean;
  if (flag !== undefined) on = flag;
  else if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') on = false;
  else if (env.FORCE_COLOR !== undefined) on = env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  else on = Boolean(stream.isTTY) && env.TERM !== 'dumb';
  return new Chalk({ level: on ? 1 : 0 });
}

/** The bill's input: a file, or standard input for "-" (or no file when standard input is not a terminal). */
export function openInput(file: string | undefined): Readable {
  if (file === undefined || file === '-') {
    if (file === undefined && process.stdin.isTTY) {
      throw new UserError('no bill given: pass a CSV file, or - to read standard input (see tariff calc --help)', EXIT.usage);
    }
    return process.stdin;
  }
  if (!fs.existsSync(file)) {
    // installed globally, the shipped examples are in the package, not in the user's folder
    const shipped = fileURLToPath(new URL('../../examples/', import.meta.url));
    const hint = /^(\.\/)?examples[/\\]/.test(file) && fs.existsSync(shipped) ? ` (the examples shipped with tariff are in ${shipped})` : '';
    throw new UserError(`cannot read ${file}: no such file${hint}`);
  }
  if (fs.statSync(file).isDirectory()) throw new UserError(`cannot read ${file}: it is a directory`);
  return fs.createReadStream(file, { highWaterMark: 1 << 14 });
}

/** Write a result to standard output (a closed pipe, as in `tariff calc bill.csv | head`, ends the process quietly: main.ts). */
export function write(text: string): void {
  process.stdout.write(text);
}

/** Warnings and rejected rows on standard error (coloured only when standard error is a terminal). */
export function reportProblems(color: boolean | undefined, warnings: readonly SaidWarning[], rejected: readonly RowError[] = []): void {
  const e = makeChalk(color, process.stderr, process.env);
  for (const w of warnings) process.stderr.write(`${e.yellow('warning:')} ${printable(saidText(w))}\n`);
  for (const r of rejected) process.stderr.write(`${e.red('rejected:')} ${printable(`row ${r.row}, column ${r.column}: ${r.message}`)}\n`);
}
