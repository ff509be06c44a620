import { printableLines } from '../core/printable.js';
import { Command, CommanderError, Option } from 'commander';
import { createRequire } from 'node:module';
import { BillError } from '../input/bill.js';
import { LedgerError } from '../rates/load.js';
import { EXIT, UserError } from './errors.js';
import { installExitPaths, isOutputWriteError, writeFailureMessage } from './exit-paths.js';
import { collect } from './options.js';

const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };

const CALC_EXAMPLES = `
Examples:
  $ tariff calc examples/bill.csv                      price the example bill, today
  $ tariff calc bill.csv --date 2025-04-15 --explain    with every measure considered and why
  $ cat bill.csv | tariff calc - --format json         for scripts: one JSON document on stdout
  $ tariff calc bill.csv --fail-over 30                exit 4 if a side's duty rate is above 30%
  $ tariff calc bill.csv --fail-over-amount USD:50000  exit 4 if the US duty is above $50,000
  $ tariff calc bill.csv --format 7501                 each line in CBP Form 7501 order (Chapter 99 first)
  $ tariff calc parcels.csv --mode postal              postal items: the postal duty of the date

Columns beyond hts and value: metal_value (Section 232 on metal content), us_content_value,
loaded_on (in-transit rules), claims (e.g. 9903.88.69;9903.94.06), entry, quantity, date, origin.

Exit codes: 0 done (also when a pipe reader such as head closes the output), 1 input or ledger error, an unwritable
TMPDIR, output that cannot be written ("cannot write output: disk full"), or a rejected row with --strict; 2 usage,
3 some rows rejected (the rest priced), 4 a --fail-over or --fail-over-amount gate tripped,
5 --fail-on-stale and a date past the ledger's reviewed-through date, 70 internal error (a defect: please report it),
129/130/143 stopped by SIGHUP/SIGINT/SIGTERM.
When several hold, each is said on standard error and the exit code is the first of 1, 3, 5, 4.`;

const LOOKUP_EXAMPLES = `
Examples:
  $ tariff lookup 8517.13.00.00 --date 2025-04-15      a smartphone during the 145% weeks
  $ tariff lookup 6110.20.20.79 --date 2026-03-01 --explain
  $ tariff lookup 8541.10.00 --format json
  $ tariff lookup 6110.20.20.79 --timeline --to 2026-08-01   the rate over time, each change labelled
  $ tariff lookup 8471.30                              a heading: the lines under it, each with its duties

Exit codes: 0 done, 1 input or ledger error, 2 usage, 5 --fail-on-stale and a date past the ledger's reviewed-through date.`;

/** The options most commands share; compare has its own --dates and shows no per-measure detail. */
function common(cmd: Command, formats: string[] = ['table', 'csv', 'json', 'ndjson', '7501'], { date = true, explain = true } = {}): Command {
  if (date) cmd.option('--date <YYYY-MM-DD[THH:MM]>', 'date (and local time) of entry or declaration; a bill column "date" overrides per line', undefined);
  cmd
    .option('--into <US|CN>', 'importing side whose tariffs apply', 'US')
    .option('--origin <ISO2>', 'country of origin (column "origin" overrides); default CN into the US')
    .addOption(new Option('--format <format>', formats.includes('csv') ? 'output: table on a terminal, csv otherwise; 7501 = lines in CBP entry-summary order' : 'output').choices(formats))
    .option('--color', 'force colour')
    .option('--no-color', 'no colour (NO_COLOR is honoured too)')
    .option('--fail-on-stale', "exit 5 when a date is after the ledger's reviewed-through date (the result is still printed)");
  return explain ? cmd.option('--explain', 'show every measure considered for each line, applied or not, and why') : cmd;
}

export function buildProgram(): Command {
  const program = new Command('tariff')
    .description('Landed cost of a bill of goods under the US-China tariffs of 2025-2026, exact to the cent, with the legal source of every duty.')
    .version(pkg.version, '-v, --version', 'print the version (also -V)')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(printableLines(s)) });

  common(program.command('calc').argument('[file]', 'CSV bill, or - for standard input'))
    .description('landed cost of a bill of goods (CSV)')
    .addOption(new Option('--mode <mode>', 'transport mode (HMF is ocean only)').choices(['ocean', 'air', 'truck', 'rail', 'postal']).default('ocean'))
    .option('--fx <FROM:TO=RATE>', 'exchange rate, e.g. EUR:USD=1.0832, from 1e-9 to 1e9 (repeatable)', collect)
    .option('--strict', 'any rejected row fails the run (exit 1)')
    .option('--fail-over <PCT>', "exit 4 if the effective duty rate of either side (into US, into CN) exceeds PCT")
    .option('--fail-over-amount <[CUR:]AMOUNT>', "exit 4 if a side's duty exceeds AMOUNT in its currency; CUR (USD, CNY) gates only that side (repeatable)", collect)
    .option('--encoding <name>', "the bill's character encoding (default utf-8; e.g. gb18030, latin1)")
    .option('--quiet', 'no progress display on a terminal')
    .option('--decimal-comma', 'amounts are written 1.234,56 (a comma for decimals)')
    .option('--target-margin <PCT>', 'with quantity: the selling price per unit that keeps this margin after tariffs')
    .option('--scenario <file>', 'layer a scenario ledger over the built-in one (repeatable)', collect)
    .addHelpText('after', CALC_EXAMPLES)
    .action(async (file: string | undefined, opts) => { process.exitCode = await (await import('./calc.js')).runCalc(file, opts); });

  common(program.command('lookup').argument('<code>', 'tariff code, 6-10 digits, dots optional'), ['table', 'json', 'ndjson'])
    .description('the rate stack of one tariff code on a date, with sources')
    .option('--claims <list>', 'claims the importer makes, ;-separated (e.g. 9903.88.69, donation, civil-aircraft)')
    .addOption(new Option('--mode <mode>', 'transport mode').choices(['ocean', 'air', 'truck', 'rail', 'postal']).default('ocean'))
    .option('--timeline', 'the total rate of the code over time, each change labelled (with --from, --to)')
    .option('--scenario <file>', 'layer a scenario ledger over the built-in one (repeatable)', collect)
    .option('--from <date>', 'timeline start (default 2025-01-01)')
    .option('--to <date>', 'timeline end (default --date, today)')
    .addHelpText('after', LOOKUP_EXAMPLES)
    .action(async (code: string, opts) => { process.exitCode = await (await import('./lookup.js')).runLookup(code, opts); });

  common(program.command('compare').argument('[file]', 'CSV bill, or - for standard input'), ['table', 'json', 'ndjson'], { date: false, explain: false })
    .description('the same bill on several dates and under scenarios, side by side, with what changed and why')
    .option('--dates <D1,D2,...>', 'the dates to price the bill on (every line is taken at each date)')
    .option('--scenario <file>', 'a scenario ledger, one more column at the last date (repeatable)', collect)
    .option('--lines', 'the duty of each line in each column')
    .addOption(new Option('--mode <mode>', 'transport mode').choices(['ocean', 'air', 'truck', 'rail', 'postal']).default('ocean'))
    .option('--fx <FROM:TO=RATE>', 'exchange rate, from 1e-9 to 1e9 (repeatable)', collect)
    .option('--encoding <name>', "the bill's character encoding (default utf-8; e.g. gb18030, latin1)")
    .option('--decimal-comma', 'amounts are written 1.234,56 (a comma for decimals)')
    .addHelpText('after', `
Examples:
  $ tariff compare examples/bill.csv --dates 2025-01-01,2025-04-15,2025-06-01
  $ tariff compare examples/furniture.csv --dates 2026-12-01,2027-01-15 --scenario examples/scenarios/us-301-list3-50.json --lines
  $ tariff compare bill.csv --dates 2025-04-15,2026-03-01 --format json

Exit codes: 0 done, 1 input or ledger error, 2 usage, 3 some rows rejected, 5 --fail-on-stale and a date past the
ledger's reviewed-through date (3 before 5 when both hold).`)
    .action(async (file: string | undefined, opts) => { process.exitCode = await (await import('./compare.js')).runCompare(file, opts); });

  program.command('search').argument('<words...>', 'words of the description (laptop, lithium batteries) or a code prefix (8471.30)')
    .description('the tariff lines matching words or a code prefix, as the guided mode finds them')
    .option('--into <US|CN>', 'importing side whose tariff to search', 'US')
    .addOption(new Option('--format <format>', 'output').choices(['table', 'json', 'ndjson']))
    .addHelpText('after', '\nExamples:\n  $ tariff search laptop\n  $ tariff search lithium batteries --format json\n  $ tariff search 9403.60')
    .action(async (words: string[], opts) => { process.exitCode = await (await import('./search.js')).runSearch(words, opts); });

  program.command('completion').argument('<shell>', 'bash or zsh')
    .description("a completion script for the shell: eval \"$(tariff completion bash)\" (or zsh) in your shell's startup file")
    .action(async (shell: string) => { process.exitCode = await (await import('./completion.js')).runCompletion(shell, program); });

  program.command('refund').argument('[file]', 'CSV of past entries: hts, value, date per line; entry and liquidated_on optional')
    .description('IEEPA duties paid on past entries, refundable after Learning Resources v. Trump, per line, entry and in total')
    .option('--as-of <date>', 'the day the refund routes are judged (default today)')
    .option('--origin <ISO2>', 'country of origin (column "origin" overrides)')
    .addOption(new Option('--format <format>', 'output').choices(['table', 'json', 'ndjson']))
    .option('--fx <FROM:TO=RATE>', 'exchange rate, from 1e-9 to 1e9 (repeatable)', collect)
    .option('--encoding <name>', "the bill's character encoding (default utf-8; e.g. gb18030, latin1)")
    .option('--decimal-comma', 'amounts are written 1.234,56 (a comma for decimals)')
    .option('--color', 'force colour')
    .option('--no-color', 'no colour (NO_COLOR is honoured too)')
    .addHelpText('after', `
Example:
  $ tariff refund examples/entries.csv --format json`)
    .action(async (file: string | undefined, opts) => { process.exitCode = await (await import('./refund.js')).runRefund(file, opts); });

  const rates = program.command('rates').description('inspect the ledger: diff between dates, info');
  rates.command('diff')
    .description('measures that started, ended or changed between two dates, with headings and sources')
    .option('--from <date>', 'start (exclusive), YYYY-MM-DD[THH:MM]')
    .option('--to <date>', 'end (inclusive), YYYY-MM-DD[THH:MM]')
    .option('--into <US|CN>', 'importing side', 'US')
    .addOption(new Option('--format <format>', 'output').choices(['table', 'json', 'ndjson']))
    .option('--color', 'force colour')
    .option('--no-color', 'no colour (NO_COLOR is honoured too)')
    .addHelpText('after', '\nExample:\n  $ tariff rates diff --from 2025-04-01 --to 2025-06-30\n  $ tariff rates diff --from 2025-11-01 --to 2025-11-30 --into CN --format json')
    .action(async (opts) => { process.exitCode = await (await import('./rates.js')).runRatesDiff(opts); });
  rates.command('check').argument('[target]', 'a ledger directory (default: the built-in one) or a scenario file')
    .description('validate a ledger or scenario: schema, dates, overlapping or gapped periods, stacking rules, list codes')
    .addOption(new Option('--format <format>', 'output').choices(['table', 'json', 'ndjson']))
    .addHelpText('after', '\nExamples:\n  $ tariff rates check\n  $ tariff rates check examples/scenarios/us-301-list3-50.json\n\nExit codes: 0 no error (warnings may be listed), 1 errors.')
    .action(async (target: string | undefined, opts) => { process.exitCode = await (await import('./rates.js')).runRatesCheck(target, opts); });
  rates.command('import-cn').argument('<file>', 'CSV of code,mfn_rate,vat_rate[,ct_rate][,description]: Chinese base rates of your own')
    .description('a Chinese schedule of your own into a user ledger file, layered over the built-in one with --scenario')
    .option('--out <file>', 'where to write it (default: FILE with .cn-lines.json)')
    .option('--source <text>', 'the schedule it comes from, cited on every line (default: the file name)')
    .option('--encoding <name>', "the file's character encoding (default utf-8; e.g. gb18030)")
    .addHelpText('after', '\nExample:\n  $ tariff rates import-cn broker-2026.csv --source "进出口税则（2026）, broker copy"\n  $ tariff rates check broker-2026.cn-lines.json\n  $ tariff calc bill.csv --into CN --scenario broker-2026.cn-lines.json\n\nExit codes: 0 written, 1 rows rejected (nothing written) or a bad file.')
    .action(async (file: string, opts) => { process.exitCode = await (await import('./import-cn.js')).runImportCn(file, opts); });
  rates.command('info')
    .description("the ledger's edition, reviewed-through date per side and what each side covers")
    .addOption(new Option('--format <format>', 'output').choices(['table', 'json', 'ndjson']))
    .action(async (opts) => { process.exitCode = await (await import('./rates.js')).runRatesInfo(opts); });

  program.command('interactive')
    .description('the guided bill at a terminal (also: tariff with no arguments)')
    .option('--color', 'force colour')
    .option('--no-color', 'no colour (NO_COLOR is honoured too)')
    .action(async (opts) => { process.exitCode = await (await import('./interactive.js')).runInteractive(opts); });

  program.addHelpText('after', `
Examples:
  $ tariff                                              the guided bill (on a terminal)
  $ tariff calc examples/bill.csv --date 2025-04-15
  $ tariff lookup 8517.13.00.00 --date 2025-04-15
  $ tariff lookup 1201.90.19 --into CN --date 2025-09-04
  $ cat bill.csv | tariff calc - --format json

Run 'tariff <command> --help' for a command's options and exit codes.
Any command: --debug shows the stack trace of an error.`);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  const debug = argv.includes('--debug');
  // -V, the flag of earlier versions, still prints the version
  const args = argv.filter((a) => a !== '--debug').map((a, i) => (i === 2 && a === '-V' ? '-v' : a));
  try {
    if (args.length <= 2) {
      // The guided mode is for a terminal; elsewhere (a pipe, CI) no prompt ever: help and a usage exit.
      // the guided mode needs a terminal: standard input to read keys, standard error to draw prompts
      if (process.stdin.isTTY && process.stderr.isTTY) return await (await import('./interactive.js')).runInteractive({});
      program.outputHelp({ error: true });
      return EXIT.usage;
    }
    await program.parseAsync(args);
    return Number(process.exitCode ?? EXIT.ok);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    if (e instanceof UserError || e instanceof BillError) {
      process.stderr.write(`tariff: ${printableLines(e.message)}\n${debug ? `${e.stack}\n` : ''}`);
      return e instanceof UserError ? e.exitCode : EXIT.input;
    }
    if (e instanceof LedgerError) {
      process.stderr.write(`tariff: the ledger has errors:\n${printableLines(e.message)}\n${debug ? `${e.stack}\n` : ''}`);
      return EXIT.input;
    }
    if (isOutputWriteError(e)) {
      process.stderr.write(`tariff: ${writeFailureMessage(e)}\n`);
      return EXIT.input;
    }
    if (debug) throw e;
    process.stderr.write(`tariff: internal error (a defect in tariff, not in your input): ${printableLines((e as Error).message)} (run with --debug for the stack trace)\n`);
    return EXIT.internal;
  }
}

/** The program as the `tariff` command runs it (bin/tariff.js): importing this module does nothing by itself. */
export async function runCli(argv: string[] = process.argv): Promise<void> {
  // Ctrl+C, SIGTERM, SIGHUP, a closed pipe, a failed write: temporary files removed, no stack trace (exit-paths.ts)
  installExitPaths();
  process.exitCode = await main(argv);
}
