import { once } from 'node:events';
import { finishCnLine, finishUsLine, priceLine } from '../core/bill.js';
import { planLine, type LinePlan } from '../core/line-plan.js';
import { Decimal, fromCents, rateExceeds, toCents } from '../core/money.js';
import { CentTotals, TotalsAccumulator, type SideTotals } from '../core/totals.js';
import type { BillLine, LineResult, RowError, Side } from '../core/types.js';
import { QuickReader } from '../input/fast-row.js';
import type { CsvRecord } from '../input/read.js';
import { parseRow, type LineDefaults } from '../input/row.js';
import { csvCells, csvHeader } from '../output/csv.js';
import { lineObject, resultJson, totalsObject, type Query } from '../output/document.js';
import { render7501 } from '../output/entry7501.js';
import { renderTable } from '../output/table.js';
import { loadLedger, type Ledger } from '../rates/load.js';
import { withScenarios } from '../rates/scenario.js';
import { BoundedCache } from '../core/bounded-cache.js';
import { ByteBuffer } from './byte-buffer.js';
import { collectGarbage, collectIfGrown } from './collect-garbage.js';
import { landedBeforeFees, withFees } from '../core/line-cents.js';
import { PlanText, linePieces, pricedOfResult, unitColumns, usFeeColumns, type PricedCents } from './csv-line.js';
import { RecordReader, RecordWriter } from './record-file.js';
import { EntryBook } from './entries.js';
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

/** rows between two full garbage collections of a long run with JSON output, which keeps every detail of a line (CSV
 * output makes little garbage that outlives the young generation: regular forced collections there cost time and saved
 * no memory; it only collects when the heap has grown, collectIfGrown) */
const GC_EVERY = 25_000;
/** rows between two looks at the heap of a long run with CSV output */
const CHECK_HEAP_EVERY = 10_000;
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

/** The rows of the bill that are not ragged, a batch at a time, counted, with progress shown (and with `gcEvery`, a full collection every so many rows). */
async function* rows(run: Run, gcEvery = 0): AsyncGenerator<CsvRecord[]> {
  for await (const batch of run.bill.batches) {
    yield batch.filter((record) => {
      run.rowsIn++;
      run.progress.tick(run.rowsIn);
      if (gcEvery > 0 && run.rowsIn % gcEvery === 0) collectGarbage();
      else if (gcEvery === 0 && run.rowsIn % CHECK_HEAP_EVERY === 0) collectIfGrown();
      const ragged = raggedRow(record, run.bill.headers);
      if (ragged) run.rejected.push(ragged);
      return !ragged;
    });
  }
}

/** A line priced: its side and date are seen, its value and duty go to its entry; returns the entry's id. */
function enter(run: Run, into: Side, entry: string, date: string, value: bigint, duty: bigint): number {
  run.sides.add(into);
  if (run.latest === undefined || date > run.latest) run.latest = date;
  return run.book.add(into, entry, date, run.defaults.mode, value, duty);
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
  const spill = new Spill();
  try {
    const bill = await openBill(file, encoding);
    const run: Run = {
      ledger, defaults, explain: Boolean(opts.explain), progress: new Progress(Boolean(process.stderr.isTTY) && !opts.quiet), bill,
      spill, book: new EntryBook(), warnings: new WarningCollector(), rejected: [], sides: new Set<Side>([into]), rowsIn: 0,
    };
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
    spill.remove();
  }
}

/** A kind of line with a plan: the plan, and the date of its lines (for their entry's fees). */
interface Slot {
  plan: LinePlan;
  text: PlanText;
  date: string;
}

/** What a pass two leaves: the totals, and how to end the output once warnings and rejected rows are known. */
interface Finished {
  get(side: Side): SideTotals | undefined;
  end(rejected: RowError[], warnings: string[]): Promise<void>;
}

function afterPassOne(run: Run, feesOf?: (mpf: bigint, hmf: bigint) => void): void {
  if (run.rowsIn === 0) run.warnings.add(`${run.bill.name} has a header and no rows: nothing to price`);
  run.book.settle(run.ledger, run.warnings, feesOf);
}

/** JSON, NDJSON, table, 7501: every detail of a line (sources, bases, measures not applied) is spilled and read back. */
async function documentPasses(run: Run, out: Output): Promise<Finished> {
  const strings = new StringTable();
  for await (const batch of rows(run, GC_EVERY)) for (const record of batch) {
    const priced = priceRow(run, record);
    if (!priced) continue;
    enter(run, priced.line.into, priced.line.entry, priced.line.date, toCents(priced.line.value), toCents(priced.duty));
    run.spill.write(JSON.stringify(toSpill(priced, record.cells, strings)));
  }
  afterPassOne(run);
  const totals = new TotalsAccumulator();
  let rowsOut = 0;
  for await (const batch of run.spill.batches()) {
    for (const text of batch) {
      if (++rowsOut % GC_EVERY === 0) collectGarbage();
      run.progress.writing(rowsOut, run.spill.count);
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
}

/**
 * A priced line between the passes of CSV output (record-file.ts): its row, entry and kind; its landed cost before
 * fees and the part of it before tariffs; its text (csv-line.ts), pieces separated by NUL: a US line's head and the
 * rest, or its head, rate, tail, quantity and price (US_UNITS); a Chinese line's whole text and its input cells as JSON
 * (to price it again if its declaration is exempt). A line whose text holds a NUL, or whose amounts pass 64 bits, has
 * its pieces and those two amounts in JSON (ESCAPED).
 */
const US = 0;
const US_UNITS = 1;
const CN = 2;
const ESCAPED = 4;
const NUL = '\u0000';
const INT64 = 2n ** 63n;
const int64 = (v: bigint) => v >= -INT64 && v < INT64;

/** The byte offsets of the NUL-separated pieces of the current record's text: [from0, to0, from1, to1, ...]. */
function pieces(line: RecordReader, count: number): number[] {
  const out: number[] = [];
  let from = line.from;
  for (let i = 0; i < count - 1; i++) {
    const at = line.bytes.indexOf(0, from);
    out.push(from, at);
    from = at + 1;
  }
  out.push(from, line.to);
  return out;
}

/**
 * CSV: rows in the plain form whose kind of line (code, date, claims...) has a plan are priced in whole cents
 * (src/core/line-plan.ts); the engine prices the others, and the first lines of each kind, from which plans are made.
 * Pass one prices each row and writes its output text but for the fee columns, in bytes, to a record file; pass two
 * copies those bytes to the output with each line's fee shares in between.
 */
async function csvPasses(run: Run, targetMargin: Decimal | undefined): Promise<Finished> {
  const reader = new QuickReader(run.bill.header, run.defaults);
  const totals = new CentTotals();
  const records = new RecordWriter();
  try {
    // per kind of line: its plan, or how many of its lines were seen without one
    const plans = new BoundedCache<string, Slot | number>(PLAN_LIMIT);
    const rule = run.ledger.cnSmallConsignment?.dutyAtMost;
    const smallConsignment = rule === undefined ? undefined : toCents(new Decimal(rule));
    const width = run.bill.headers.length;
    const keep = (row: number, entryId: number, p: PricedCents, cells: string[], plain: boolean) => {
      const landed = landedBeforeFees(p);
      totals.addLine(p.side, p, landed);
      const { head, rate, tail } = linePieces(p, csvCells(filled(cells, width), plain));
      let kind = US;
      let texts: string[] | undefined;
      if (p.side === 'CN') {
        kind = CN;
        // its cells, to price it again, only while its declaration's duty is small enough to be exempt
        texts = [head + rate + unitColumns(p, landed, targetMargin) + tail, run.book.mayBeExempt(entryId, smallConsignment) ? JSON.stringify(cells) : ''];
      } else if (p.quantity !== undefined) {
        kind = US_UNITS;
        texts = [head, rate, tail, p.quantity, p.price ?? ''];
      }
      // only the input cells can hold a NUL, and only enormous amounts pass 64 bits: such a line goes in JSON
      if (head.includes(NUL) || !int64(landed) || !int64(p.beforeTariffsPart)) {
        records.write(row, entryId, kind | ESCAPED, 0n, 0n, JSON.stringify([...(texts ?? [head, `${rate},,,${tail}`]), String(landed), String(p.beforeTariffsPart)]));
      } else records.write(row, entryId, kind, landed, p.beforeTariffsPart, texts ? texts.join(NUL) : `${head}${NUL}${rate},,,${tail}`);
    };
    for await (const batch of rows(run)) for (const record of batch) {
      const quick = reader.read(record.cells);
      const slot = quick ? plans.get(quick.key) : undefined;
      if (quick && typeof slot === 'object') {
        const p = slot.plan.price(quick.amounts);
        if (p) {
          for (const w of slot.plan.warnings) run.warnings.addAt(w.perRow ? record.row : undefined, w.message);
          // the side and date of a plan's lines were noted with the line it was made from (enter, below)
          const id = run.book.add(quick.into, quick.entry, slot.date, run.defaults.mode, quick.amounts.value, p.duty);
          keep(record.row, id, slot.text.priced(p, { quantity: quick.quantity, price: quick.price }), record.cells, record.plain);
          continue;
        }
      }
      const priced = priceRow(run, record);
      if (quick && typeof slot !== 'object') {
        // a kind's first line only counts; the next few may make its plan (a kind seen once costs nothing more)
        const seen = slot ?? 0;
        const plan = priced && seen >= 1 && seen <= 3 ? planLine(priced.line, run.ledger) : undefined;
        plans.set(quick.key, plan ? { plan, text: new PlanText(plan), date: priced!.line.date } : seen + 1);
      }
      if (!priced) continue;
      const id = enter(run, priced.line.into, priced.line.entry, priced.line.date, toCents(priced.line.value), toCents(priced.duty));
      keep(record.row, id, pricedOfResult(priced), record.cells, record.plain);
    }
    // an entry's fee shares add up to its fees: the totals take them whole
    afterPassOne(run, (mpf, hmf) => totals.addFees('US', mpf, hmf));
    records.close();

    const out = new StdoutBuffer();
    out.add(csvHeader(run.bill.headers));
    const line = new RecordReader(records.file);
    let rowsOut = 0;
    while (line.next()) {
      if (++rowsOut % CHECK_HEAP_EVERY === 0) collectIfGrown();
      run.progress.writing(rowsOut, records.count);
      const { a: row, b: entryId, c: kind, bytes } = line;
      const escaped = (kind & ESCAPED) !== 0 ? JSON.parse(line.text()) as string[] : undefined;
      // the landed cost before fees and the part of it before tariffs
      const [x, y] = escaped ? [BigInt(escaped[escaped.length - 2]!), BigInt(escaped[escaped.length - 1]!)] : [line.x, line.y];
      if ((kind & ~ESCAPED) === CN) {
        const exemption = run.book.exemption(entryId);
        if (exemption) out.add(exempted(run, row, JSON.parse(escaped ? escaped[1]! : line.text(...pieces(line, 2).slice(2))) as string[], exemption, totals, targetMargin));
        else if (escaped) out.add(escaped[0]!);
        else out.addBytes(bytes, line.from, bytes.indexOf(0, line.from));
      } else {
        const { mpf, hmf } = run.book.nextFees(entryId);
        const withFee = withFees(x, mpf, hmf);
        if (kind === US) {
          // the usual line, written without a list of its pieces
          const nul = bytes.indexOf(0, line.from);
          out.addBytes(bytes, line.from, nul);
          out.add(usFeeColumns(mpf, hmf, withFee));
          out.addBytes(bytes, nul + 1, line.to);
          if (out.full) await out.flush();
          continue;
        }
        const at = escaped ? [] : pieces(line, 5);
        const piece = (i: number) => (escaped ? out.add(escaped[i]!) : out.addBytes(bytes, at[2 * i]!, at[2 * i + 1]!));
        piece(0);
        out.add(usFeeColumns(mpf, hmf, withFee));
        piece(1);
        if ((kind & ~ESCAPED) === US_UNITS) {
          const [quantity, price] = escaped ? [escaped[3]!, escaped[4]!] : [line.text(at[6], at[7]), line.text(at[8], at[9])];
          out.add(unitColumns({ side: 'US', quantity, ...(price === '' ? {} : { price }), beforeTariffsPart: y }, withFee.landed, targetMargin));
          piece(2);
        }
      }
      if (out.full) await out.flush();
    }
    line.close();
    return { get: (side) => totals.get(side), end: async () => out.flush() };
  } finally {
    records.remove();
  }
}

/** The output line of a Chinese line of an exempt declaration, priced again by the engine without duty; the totals take the difference. */
function exempted(run: Run, row: number, cells: string[], exemption: string, totals: CentTotals, targetMargin: Decimal | undefined): string {
  const record = { row, cells };
  totals.subtractLine('CN', pricedOfResult(priceAgain(run, record)));
  // its warnings were said in pass one
  const finished = finishCnLine(priceAgain(run, record), run.ledger, false, exemption);
  const p = pricedOfResult(finished);
  const landed = landedBeforeFees(p);
  totals.addLine('CN', p, landed);
  const { head, rate, tail } = linePieces(p, csvCells(filled(cells, run.bill.headers.length)));
  return head + rate + unitColumns(p, landed, targetMargin) + tail;
}

/** A row shorter than the header with its empty cells, so the computed columns stay under their names. */
function filled(cells: string[], width: number): string[] {
  return cells.length < width ? [...cells, ...Array<string>(width - cells.length).fill('')] : cells;
}

/** A row priced in pass one, priced again by the engine (a refusal now is a defect, not a user error). */
function priceAgain(run: Run, record: Pick<CsvRecord, 'row' | 'cells'>): LineResult {
  const line = parseRow(record.row, record.cells, run.bill.header, run.defaults) as BillLine;
  const r = priceLine(line, run.ledger);
  if ('row' in r) throw new Error(`row ${record.row} was priced but not again: ${r.message}`);
  return r;
}

/** Standard output written in large pieces, waiting when a pipe is full (memory stays bounded). */
class StdoutBuffer {
  private readonly bytes = new ByteBuffer(1 << 18);
  /** flush() should be awaited before more is added */
  full = false;

  add(text: string): void {
    this.full = this.bytes.add(text);
  }

  addBytes(from: Buffer, start: number, end: number): void {
    this.full = this.bytes.addBytes(from, start, end);
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

  line(r: LineResult): void {
    if (this.format === 'json') {
      this.push(resultJson.line(lineObject(r, this.targetMargin), this.first));
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
    if (this.format === 'json') this.push(resultJson.tail(sides, rejected, warnings, !this.first));
    else if (this.format === 'ndjson') this.push(JSON.stringify({ totals: sides, rejected, warnings }) + '\n');
    else if (this.format === '7501') this.push(render7501(this.held));
    else if (this.format === 'table') {
      const c = makeChalk(this.opts.color, process.stdout, process.env);
      this.push(renderTable(this.held, c, Boolean(this.opts.explain), this.targetMargin));
    }
    this.flush();
  }
}
