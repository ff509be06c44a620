import fs from 'node:fs';
import { isInterrupt } from '../interactive/port.js';
import { runFlow, price } from '../interactive/flow.js';
import { inquirerPrompts } from '../interactive/inquirer.js';
import { renderTable } from '../output/table.js';
import { loadLedger } from '../rates/load.js';
import { EXIT, UserError } from './errors.js';
import { makeChalk, write } from './io.js';
import { today } from '../core/dates.js';

/** True when the guided mode can run: it reads keys from a terminal and draws its prompts on standard error. */
export function canPrompt(): boolean {
  return Boolean(process.stdin.isTTY && process.stderr.isTTY);
}

/** `tariff` on a terminal, or `tariff interactive`: the guided bill; the final table goes to standard output. */
export async function runInteractive(opts: { color?: boolean }): Promise<number> {
  if (!canPrompt()) throw new UserError('the guided mode needs a terminal (standard input and standard error); in a script use tariff calc', EXIT.usage);
  const prompts = await inquirerPrompts();
  const ledger = loadLedger();
  const color = makeChalk(opts.color, process.stderr, process.env);
  try {
    const bill = await runFlow({ prompts, ledger, today: today(), color, writeFile: (path, text) => fs.writeFileSync(path, text) });
    const priced = price(bill, ledger);
    write(renderTable(priced.lines, makeChalk(opts.color, process.stdout, process.env), false));
    return EXIT.ok;
  } catch (e) {
    if (isInterrupt(e)) {
      process.stderr.write('\ninterrupted\n');
      return EXIT.interrupted;
    }
    throw e;
  }
}
