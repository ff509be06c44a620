import { once } from 'node:events';
import { finishCnLine, finishUsLine, priceLine } from '../core/bill.js';
import { planLine, type LinePlan } from '../core/line-plan.js';
import { fromCents, rateExceeds, toCents, type Decimal } from '../core/money.js';
import { CentTotals, TotalsAccumulator, type CentFigures, type SideTotals } from '../core/totals.js';
import type { BillLine, LineResult, RowError, Side } from '../core/types.js';
import { QuickReader } from '../input/fast-row.js';
import type { CsvRecord } from '../input/read.js';
import { parseRow, type LineDefaults } from '../input/row.js';
import { csvHeader } from '../output/csv.js';
import { totalsObject } from '../output/document.js';
import { lineObject } from '../output/document.js';
import { render7501 } from '../output/entry7501.js';
import { renderTable } from '../output/table.js';
import { loadLedger, type Ledger } from '../rates/load.js';
import { withScenarios } from '../rates/scenario.js';
import { ByteBuffer } from './byte-buffer.js';
import { collectGarbage } from './collect-garbage.js';
import { decodeRecord, encodeRecord, finishRecord, plannedRecord, recordOf, type LineRecord } from './csv-record.js';
import { EntryBook, type EntryFirst } from './entries.js';
import { EXIT, UserError } from './errors.js';
import { makeChalk, reportProblems, write } from './io.js';
import { parseDateOption, parseEncoding, parseFormat, parseFx, parseMode, parseOrigin, parsePercent, parseSide, type CommonOptions } from './options.js';
import { Progress } from './progress.js';
import { openBill, raggedRow, type BillSource } from './read-bill.js';
import { Spill, StringTable, fromSpill, toSpill, type SpilledLine } from './spill.js';
import { failsOnStale, staleWarnings } from './stale.js';
import { WarningCollector } from './warnings.js';

export interface CalcOptions extends CommonOptions {
  scenario?: string[];
  strict?: boolean;
  failOver?: string;
  targetMargin?: string;
  failOnStale?: boolean;
  encoding?: string;
  decimalComma?: boolean;
  quiet?: boolean;
  color?: boolean;
}

/** rows between two full garbage collections of a long run */
const GC_EVERY = 25_000;
/** kinds of line (code, date, claims...) remembered at once by the integer-cent path */
const PLAN_LIMIT = 20_000;

/** What both passes share: the bill, the ledger, what is found along the way. */
interface Run {
  ledger: Ledger;
  defaults: LineDefaults;
  explain: boolean;
  progress: Progress;
  bill: BillSource;
  spill: Spill;
  book: EntryBook;
  warnings: WarningCollector;
  rejected: RowError[];
  sides: Set<Side>;
  latest?: string;
  rowsIn: number;
}

/** The rows of the bill that are not ragged, a batch at a time, counted, with progress shown and garbage collected as they go. */
async function* rows(run: Run): AsyncGenerator<CsvRecord[]> {
  for await (const batch of run.bill.batches) {
    yield batch.filter((record) => {
      run.rowsIn++;
      run.progress.tick(run.rowsIn);
      if (run.rowsIn % GC_EVERY === 0) collectGarbage();
      const ragged = raggedRow(record, run.bill.headers);
      if (ragged) run.rejected.push(ragged);
      return !ragged;
    });
  }
}

/** A line priced: its side and date are seen, its value and duty go to its entry; returns the entry's id. */
function enter(run: Run, first: EntryFirst, value: bigint, duty: bigint): number {
  run.sides.add(first.into);
  if (run.latest === undefined || first.date > run.latest) run.latest = first.date;
  return run.book.add(first, value, duty);
}

/** Price a row with the engine, or say why not. */
function priceRow(run: Run, record: CsvRecord): LineResult | undefined {
  const line = parseRow(record.row, record.cells, run.bill.header, run.defaults);
  if (Array.isArray(line)) {
    run.rejected.push(...line);
    return undefined;
  }
  const priced = priceLine(line, run.ledger, run.explain);
  if ('row' in priced) {
    run.rejected.push(priced);
    return undefined;
  }
  for (const w of priced.warnings) run.warnings.add(w);
  return priced;
}

const firstOf = (line: BillLine): EntryFirst => ({ date: line.date, mode: line.mode, into: line.into, entry: line.entry });

/**
 * `tariff calc`: the bill is streamed twice. Pass one reads and prices each row (duties, Chinese taxes) and keeps
 * per entry only its value and each line's weight (8 bytes); the priced lines wait in a temporary file. Then each
 * entry's fees are set, and pass two splits them over the lines in file order and writes each line as it goes.
 * CSV output takes the integer-cent path (csvPasses); the other formats carry every detail of a line (documentPasses).
 */
export async function runCalc(file: string | undefined, opts: CalcOptions): Promise<number> {
  const date = parseDateOption(opts.date);
  const into = parseSide(opts.into);
  const origin = parseOrigin(opts.origin);
  const mode = parseMode(opts.mode);
  const format = parseFormat(opts.format, Boolean(process.stdout.isTTY));
  const fx = parseFx(opts.fx);
  const failOver = parsePercent(opts.failOver, '--fail-over');
  const targetMargin = parsePercent(opts.targetMargin, '--target-margin');
  if (targetMargin && targetMargin.greaterThanOrEqualTo(100)) throw new UserError('--target-margin must be under 100%', EXIT.usage);
  const encoding = parseEncoding(opts.encoding);
  const ledger = withScenarios(loadLedger(), opts.scenario);
  const defaults: LineDefaults = { into, origin, date, mode, fx, decimalComma: Boolean(opts.decimalComma) };
  const bill = await openBill(file, encoding);
  const run: Run = {
    ledger, defaults, explain: Boolean(opts.explain), progress: new Progress(Boolean(process.stderr.isTTY) && !opts.quiet), bill,
    spill: new Spill(), book: new EntryBook(), warnings: new WarningCollector(), rejected: [], sides: new Set<Side>([into]), rowsIn: 0,
  };
  try {
    const totals = format === 'csv'
      ? await csvPasses(run, targetMargin)
      : await documentPasses(run, new Output(format, opts, targetMargin, ledger, { date, mode, into, ...(origin ? { origin } : {}) }));
    run.progress.done();
    const stale = staleWarnings(ledger.reviewedThrough, [run.latest ?? date], [...run.sides]);
    const allWarnings = [...stale, ...run.warnings.summary()];
    const rejected = run.rejected.sort((a, b) => a.row - b.row);
    await totals.end(rejected, allWarnings);

    reportProblems(opts.color, allWarnings, rejected);
    if (failsOnStale(opts.failOnStale, stale)) return EXIT.input;
    if (rejected.length > 0) {
      const rejectedRows = new Set(rejected.map((r) => r.row)).size;
      process.stderr.write(`${run.rowsIn} rows read: ${run.rowsIn - rejectedRows} priced, ${rejectedRows} rejected\n`);
      return opts.strict ? EXIT.input : EXIT.rejected;
    }
    const us = totals.get('US');
    if (failOver && us && rateExceeds(us.duty, us.customsValue, failOver)) {
      process.stderr.write(`fail-over: the bill's effective duty rate ${us.effectiveDutyRate}% exceeds ${failOver.toString()}%\n`);
      return EXIT.gate;
    }
    return EXIT.ok;
  } finally {
    run.spill.remove();
  }
}

/** What a pass two leaves: the totals, and how to end the output once warnings and rejected rows are known. */
interface Finished {
  get(side: Side): SideTotals | undefined;
  end(rejected: RowError[], warnings: string[]): Promise<void>;
}

function afterPassOne(run: Run): void {
  if (run.rowsIn === 0) run.warnings.add(`${run.bill.name} has a header and no rows: nothing to price`);
  run.book.settle(run.ledger, run.warnings);
}

/** JSON, NDJSON, table, 7501: every detail of a line (sources, bases, measures not applied) is spilled and read back. */
async function documentPasses(run: Run, out: Output): Promise<Finished> {
  const strings = new StringTable();
  for await (const batch of rows(run)) for (const record of batch) {
    const priced = priceRow(run, record);
    if (!priced) continue;
    enter(run, firstOf(priced.line), toCents(priced.line.value), toCents(priced.duty));
    run.spill.write(JSON.stringify(toSpill(priced, record.cells, strings)));
  }
  afterPassOne(run);
  const totals = new TotalsAccumulator();
  let rowsOut = 0;
  for await (const batch of run.spill.batches()) {
    for (const text of batch) {
      if (++rowsOut % GC_EVERY === 0) collectGarbage();
      const s = JSON.parse(text) as SpilledLine;
      const line = parseRow(s.row, s.cells, run.bill.header, run.defaults) as BillLine;
      const id = run.book.id(line.into, line.entry)!;
      let r: LineResult = { line, ...fromSpill(s, strings) };
      const fees = run.book.nextFees(id);
      if (line.into === 'CN') {
        const exemption = run.book.exemption(id);
        r = finishCnLine(r, run.ledger, run.explain, exemption);
        if (exemption) r.warnings.forEach((w) => run.warnings.add(w));
      } else {
        finishUsLine(r, fromCents(fees.mpf), fromCents(fees.hmf));
      }
      totals.add(r);
      out.line(r);
    }
  }
  return { get: (side) => totals.get(side), end: async (rejected, warnings) => out.end(totals, rejected, warnings) };
}

/**
 * CSV: rows in the plain form whose kind of line (code, date, claims...) has a plan are priced in whole cents
 * (src/core/line-plan.ts); the engine prices the others, and the first lines of each kind, from which plans are made.
 * Between the passes a line is its figures in cents and its output text (csv-record.ts).
 */
async function csvPasses(run: Run, targetMargin: Decimal | undefined): Promise<Finished> {
  const reader = new QuickReader(run.bill.header, run.defaults);
  const totals = new CentTotals();
  // per kind of line: its plan, or how many of its lines were seen without one
  const plans = new Map<string, { plan: LinePlan; date: string } | number>();
  const keep = (made: { record: LineRecord; figures: CentFigures }) => {
    totals.add(made.record.side, made.figures);
    run.spill.write(encodeRecord(made.record));
  };
  for await (const batch of rows(run)) for (const record of batch) {
    const quick = reader.read(record.cells);
    const slot = quick ? plans.get(quick.key) : undefined;
    if (quick && typeof slot === 'object') {
      const p = slot.plan.price(quick.amounts);
      if (p) {
        for (const w of slot.plan.warnings) run.warnings.addAt(w.perRow ? record.row : undefined, w.message);
        const id = enter(run, { date: slot.date, mode: run.defaults.mode, into: quick.into, entry: quick.entry }, quick.amounts.value, p.duty);
        const carriage = quick.into === 'US' ? (quick.amounts.freight ?? 0n) + (quick.amounts.insurance ?? 0n) : 0n;
        keep(plannedRecord(slot.plan, p, record.cells, record.row, id, { value: quick.amounts.value, carriage, quantity: quick.quantity, price: quick.price }));
        continue;
      }
    }
    const priced = priceRow(run, record);
    if (quick && typeof slot !== 'object') {
      // a kind's first line only counts; the next few may make its plan (a kind seen once costs nothing more)
      const seen = slot ?? 0;
      const plan = priced && seen >= 1 && seen <= 3 ? planLine(priced.line, run.ledger) : undefined;
      if (plans.size >= PLAN_LIMIT) plans.clear();
      plans.set(quick.key, plan ? { plan, date: priced!.line.date } : seen + 1);
    }
    if (!priced) continue;
    const id = enter(run, firstOf(priced.line), toCents(priced.line.value), toCents(priced.duty));
    keep(recordOf(priced, record.cells, id));
  }
  afterPassOne(run);

  const out = new StdoutBuffer();
  out.add(csvHeader(run.bill.headers));
  let rowsOut = 0;
  for await (const batch of run.spill.batches()) {
    for (const text of batch) {
      if (++rowsOut % GC_EVERY === 0) collectGarbage();
      let r = decodeRecord(text);
      const exemption = r.side === 'CN' ? run.book.exemption(r.entryId) : undefined;
      if (exemption) r = exempted(run, r, exemption, totals);
      const fees = run.book.nextFees(r.entryId);
      totals.add(r.side, { customsValue: 0n, duty: 0n, byProgram: [], mpf: fees.mpf, hmf: fees.hmf, consumptionTax: 0n, vat: 0n, landedCost: fees.mpf + fees.hmf });
      if (out.add(finishRecord(r, fees.mpf, fees.hmf, targetMargin))) await out.flush();
    }
  }
  return { get: (side) => totals.get(side), end: async () => out.flush() };
}

/** A Chinese line of an exempt declaration, priced again by the engine without duty; the totals take the difference. */
function exempted(run: Run, r: LineRecord, exemption: string, totals: CentTotals): LineRecord {
  const cells = JSON.parse(r.cellsJson!) as string[];
  const line = parseRow(r.row, cells, run.bill.header, run.defaults) as BillLine;
  const priced = priceLine(line, run.ledger);
  // the line was priced once already: only the exemption differs, so a refusal here is a defect, not a user error
  if ('row' in priced) throw new Error(`row ${r.row} was priced but not again: ${priced.message}`);
  const before = recordOf(priced, cells, r.entryId).figures;
  const finished = finishCnLine(priced, run.ledger, false, exemption);
  finished.warnings.forEach((w) => run.warnings.add(w));
  const after = recordOf(finished, cells, r.entryId);
  totals.add('CN', { ...before, byProgram: before.byProgram.map(([p, a]) => [p, -a]), customsValue: -before.customsValue, duty: -before.duty,
    consumptionTax: -before.consumptionTax, vat: -before.vat, landedCost: -before.landedCost });
  totals.add('CN', after.figures);
  return after.record;
}

/** Standard output written in large pieces, waiting when a pipe is full (memory stays bounded). */
class StdoutBuffer {
  private readonly bytes = new ByteBuffer(1 << 18);

  /** Add text; true when flush() should be awaited before more is added. */
  add(text: string): boolean {
    return this.bytes.add(text);
  }

  async flush(): Promise<void> {
    const chunk = this.bytes.take();
    if (chunk.length > 0 && !process.stdout.write(chunk)) await once(process.stdout, 'drain');
  }
}

/** Writes the result as lines come: JSON and NDJSON line by line; the table and 7501 views at the end. */
class Output {
  private buffer = '';
  private first = true;
  private readonly held: LineResult[] = [];

  constructor(private readonly format: string, private readonly opts: CalcOptions, private readonly targetMargin: Decimal | undefined,
    private readonly ledger: Ledger, query: Record<string, string>) {
    if (format === 'json') {
      this.push(`{\n  "schema": "tariff-impact/result@1",\n  "query": ${JSON.stringify(query)},\n  "ledger": ${JSON.stringify({ edition: ledger.edition, reviewedThrough: ledger.reviewedThrough })},\n  "lines": [`);
    }
  }

  private push(text: string): void {
    this.buffer += text;
    if (this.buffer.length > 1 << 16) this.flush();
  }

  private flush(): void {
    if (this.buffer) write(this.buffer);
    this.buffer = '';
  }

  line(r: LineResult): void {
    if (this.format === 'json') {
      this.push(`${this.first ? '' : ','}\n    ${JSON.stringify(lineObject(r, this.targetMargin))}`);
      this.first = false;
    } else if (this.format === 'ndjson') this.push(JSON.stringify(lineObject(r, this.targetMargin)) + '\n');
    else this.held.push(r);
  }

  end(totals: TotalsAccumulator, rejected: RowError[], warnings: string[]): void {
    const sides: Record<string, unknown> = {};
    for (const side of ['US', 'CN'] as const) {
      const t: SideTotals | undefined = totals.get(side);
      if (t) sides[side] = totalsObject(t);
    }
    if (this.format === 'json') {
      this.push(`${this.first ? '' : '\n  '}],\n  "totals": ${JSON.stringify(sides)},\n  "rejected": ${JSON.stringify(rejected)},\n  "warnings": ${JSON.stringify(warnings)}\n}\n`);
    } else if (this.format === 'ndjson') this.push(JSON.stringify({ totals: sides, rejected, warnings }) + '\n');
    else if (this.format === '7501') this.push(render7501(this.held));
    else if (this.format === 'table') {
      const c = makeChalk(this.opts.color, process.stdout, process.env);
      this.push(renderTable(this.held, c, Boolean(this.opts.explain), this.targetMargin));
    }
    this.flush();
  }
}
