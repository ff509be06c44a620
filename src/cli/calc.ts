import { finishCnLine, finishUsLine } from '../core/bill.js';
import { trippedGates } from '../core/gates.js';
import { Decimal, fromCents, toCents } from '../core/money.js';
import { TotalsAccumulator } from '../core/totals.js';
import type { BillLine, LineResult, RowError, Side } from '../core/types.js';
import { parseRow, type LineDefaults } from '../input/row.js';
import { lineObject, resultJson, ndjsonTotals, totalsBySide, type Query } from '../output/document.js';
import { render7501 } from '../output/entry7501.js';
import { renderLineDetail, renderView } from '../output/table.js';
import { TableView } from '../output/table-view.js';
import { loadLedger, type Ledger } from '../rates/load.js';
import { withScenarios } from '../rates/scenario.js';
import { collectGarbage } from './collect-garbage.js';
import { csvPasses } from './csv-passes.js';
import { EntryBook } from '../core/entry-book.js';
import { EXIT, UserError, exitFor } from './errors.js';
import { makeChalk, reportProblems, write } from './io.js';
import { jsonPasses } from './json-passes.js';
import { parseDateOption, parseEncoding, parseFormat, parseFx, parseMode, parseOrigin, parsePercent, parseAmountGates, parseSide, type CommonOptions } from './options.js';
import { Progress } from './progress.js';
import { openBill } from './read-bill.js';
import { afterPassOne, enter, priceRow, rows, type Finished, type Run } from './run.js';
import { StringTable } from '../core/string-table.js';
import { Spill, fromSpill, toSpill, type SpilledLine } from './spill.js';
import { failsOnStale, staleWarnings } from './stale.js';
import { WarningCollector, summarizeWarnings, type SaidWarning } from '../core/warning-summary.js';
import { warning } from '../core/warning.js';

export interface CalcOptions extends CommonOptions {
  scenario?: string[];
  strict?: boolean;
  failOver?: string;
  failOverAmount?: string[];
  targetMargin?: string;
  failOnStale?: boolean;
  encoding?: string;
  decimalComma?: boolean;
  quiet?: boolean;
  color?: boolean;
}

/** rows between two full garbage collections of a long run priced line by line by the engine, whose lines keep every
 * detail (the integer-cent path makes little garbage that outlives the young generation: regular forced collections
 * there cost time and saved no memory; it only collects when the heap has grown, collectIfGrown) */
const GC_EVERY = 25_000;


/**
 * `tariff calc`: the bill is streamed twice. Pass one reads and prices each row (duties, Chinese taxes) and keeps
 * per entry only its value and each line's weight (8 bytes); the priced lines wait in a temporary file. Then each
 * entry's fees are set, and pass two splits them over the lines in file order and writes each line as it goes.
 * CSV, JSON and NDJSON take the integer-cent path (csv-passes.ts, json-passes.ts); the table, the 7501 and --explain
 * are priced line by line by the engine (documentPasses).
 */
export async function runCalc(file: string | undefined, opts: CalcOptions): Promise<number> {
  const date = parseDateOption(opts.date);
  const into = parseSide(opts.into);
  const origin = parseOrigin(opts.origin);
  const mode = parseMode(opts.mode);
  const format = parseFormat(opts.format, Boolean(process.stdout.isTTY));
  const fx = parseFx(opts.fx);
  const failOver = parsePercent(opts.failOver, '--fail-over');
  const amountGates = parseAmountGates(opts.failOverAmount);
  const targetMargin = parsePercent(opts.targetMargin, '--target-margin');
  if (targetMargin && targetMargin.greaterThanOrEqualTo(100)) throw new UserError('--target-margin must be under 100%', EXIT.usage);
  const encoding = parseEncoding(opts.encoding);
  const ledger = withScenarios(loadLedger(), opts.scenario);
  const defaults: LineDefaults = { into, origin, date, mode, fx, decimalComma: Boolean(opts.decimalComma) };
  const bill = await openBill(file, encoding);
  const run: Run = {
    ledger, defaults, explain: Boolean(opts.explain), progress: new Progress(Boolean(process.stderr.isTTY) && !opts.quiet), bill,
    book: new EntryBook(), warnings: new WarningCollector(), rejected: [], sides: new Set<Side>(), rowsIn: 0,
  };
  for (const w of bill.header.warnings) run.warnings.add({ code: 'header-unknown-column', text: w.text, header: true });
  if (opts.explain && (format === 'csv' || format === '7501')) {
    run.warnings.add(warning('explain-not-shown', `--explain is not shown in the ${format === 'csv' ? 'CSV (its duties column lists the measures applied)' : '7501 view'}: for every measure considered, applied or not, use --explain with --format table, json or ndjson`));
  }
  const query: Query = { date, mode, into, ...(origin ? { origin } : {}) };
  // --explain lists every measure considered for each line: the engine alone says that
  const totals = format === 'csv' ? await csvPasses(run, targetMargin)
    : (format === 'json' || format === 'ndjson') && !run.explain ? await jsonPasses(run, format, query, ledger, targetMargin)
      : await documentPasses(run, new Output(format, opts, targetMargin, ledger, query));
  run.progress.done();
  // the sides of the lines priced (a Chinese bill is not warned about the US ledger); none priced: the --into side
  const stale = staleWarnings(ledger.reviewedThrough, [run.latest ?? date], run.sides.size > 0 ? [...run.sides] : [into]);
  const allWarnings = [...summarizeWarnings(stale), ...run.warnings.summary()];
  const rejected = run.rejected.sort((a, b) => a.row - b.row);
  await totals.end(rejected, allWarnings);

  reportProblems(opts.color, allWarnings, rejected);
  if (rejected.length > 0) {
    const rejectedRows = new Set(rejected.map((r) => r.row)).size;
    process.stderr.write(`${run.rowsIn} rows read: ${run.rowsIn - rejectedRows} priced, ${rejectedRows} rejected\n`);
  }
  // every condition that holds is said; the exit code is the first by precedence (errors.ts)
  const isStale = failsOnStale(opts.failOnStale, stale);
  const gates = trippedGates((side) => totals.get(side), failOver, amountGates);
  for (const g of gates) process.stderr.write(`fail-over: ${g}\n`);
  return exitFor({ input: rejected.length > 0 && opts.strict, rejected: rejected.length > 0, stale: isStale, gate: gates.length > 0 });
}

/** The table, the 7501, and JSON or NDJSON with --explain: each line priced by the engine, spilled with every detail and read back. */
async function documentPasses(run: Run, out: Output): Promise<Finished> {
  const spill = new Spill();
  try {
    const strings = new StringTable();
    for await (const batch of rows(run, GC_EVERY)) for (const record of batch) {
      const priced = priceRow(run, record);
      if (!priced) continue;
      enter(run, priced.line.into, priced.line.entry, priced.line.date, toCents(priced.line.value), toCents(priced.duty));
      spill.write(JSON.stringify(toSpill(priced, record.cells, strings)));
    }
    afterPassOne(run);
    const totals = new TotalsAccumulator();
    let rowsOut = 0;
    for await (const batch of spill.batches()) {
      for (const text of batch) {
        if (++rowsOut % GC_EVERY === 0) collectGarbage();
        run.progress.writing(rowsOut, spill.count);
        const s = JSON.parse(text) as SpilledLine;
        const line = parseRow(s.row, s.cells, run.bill.header, run.defaults) as BillLine;
        const id = run.book.id(line.into, line.entry)!;
        let r: LineResult = { line, ...fromSpill(s, strings) };
        const fees = run.book.nextFees(id);
        if (line.into === 'CN') {
          const exemption = run.book.exemption(id);
          // priced again without duty when exempt: its warnings were said in pass one
          r = finishCnLine(r, run.ledger, run.explain, exemption);
        } else {
          finishUsLine(r, fromCents(fees.mpf), fromCents(fees.hmf));
        }
        totals.add(r);
        out.line(r);
      }
    }
    return { get: (side) => totals.get(side), end: async (rejected, warnings) => out.end(totals, rejected, warnings) };
  } finally {
    spill.remove();
  }
}

/** Writes the result as lines come: JSON and NDJSON line by line; the table and 7501 views at the end. */
class Output {
  private buffer = '';
  private first = true;
  private readonly held: LineResult[] = [];
  private readonly view = new TableView();

  constructor(private readonly format: string, private readonly opts: CalcOptions, private readonly targetMargin: Decimal | undefined,
    ledger: Ledger, query: Query) {
    if (format === 'json') this.push(resultJson.head(query, ledger));
  }

  private push(text: string): void {
    this.buffer += text;
    if (this.buffer.length > 1 << 16) this.flush();
  }

  private flush(): void {
    if (this.buffer) write(this.buffer);
    this.buffer = '';
  }

  private chalk() {
    return makeChalk(this.opts.color, process.stdout, process.env);
  }

  line(r: LineResult): void {
    if (this.format === 'json') {
      this.push(resultJson.line(JSON.stringify(lineObject(r, this.targetMargin)), this.first));
      this.first = false;
    } else if (this.format === 'ndjson') this.push(JSON.stringify(lineObject(r, this.targetMargin)) + '\n');
    else if (this.format === 'table') {
      // the measures of each line as it comes (memory does not grow with the bill), the table and totals last
      if (this.opts.explain) this.push(renderLineDetail(r, this.chalk()) + '\n\n');
      this.view.add(r);
    } else this.held.push(r);
  }

  end(totals: TotalsAccumulator, rejected: RowError[], warnings: readonly SaidWarning[]): void {
    const sides = totalsBySide((side) => totals.get(side));
    if (this.format === 'json') this.push(resultJson.tail(sides, rejected, warnings, !this.first));
    else if (this.format === 'ndjson') this.push(ndjsonTotals(sides, rejected, warnings));
    else if (this.format === '7501') this.push(render7501(this.held));
    else if (this.format === 'table') this.push(renderView(this.view, this.chalk(), this.targetMargin));
    this.flush();
  }
}
