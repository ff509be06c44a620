import { CentWeights, type StreamSplit } from '../core/allocate-stream.js';
import { cnExemption, entryFees, entryKey, finishCnLine, finishUsLine, mixedDatesWarning, priceLine } from '../core/bill.js';
import { Decimal, ZERO, fromCents, rateExceeds, toCents } from '../core/money.js';
import { TotalsAccumulator, type SideTotals } from '../core/totals.js';
import type { BillLine, LineResult, RowError, Side } from '../core/types.js';
import { parseRow, type LineDefaults } from '../input/row.js';
import { csvHeader, csvLine } from '../output/csv.js';
import { lineObject, totalsObject } from '../output/document.js';
import { render7501 } from '../output/entry7501.js';
import { renderTable } from '../output/table.js';
import { loadLedger, type Ledger } from '../rates/load.js';
import { withScenarios } from '../rates/scenario.js';
import { EXIT, UserError } from './errors.js';
import { makeChalk, reportProblems, write } from './io.js';
import { openBill, raggedRow } from './read-bill.js';
import { parseDateOption, parseEncoding, parseFormat, parseFx, parseMode, parseOrigin, parsePercent, parseSide, type CommonOptions } from './options.js';
import { Progress } from './progress.js';
import { collectGarbage } from './collect-garbage.js';
import { Spill, StringTable, fromSpill, toSpill } from './spill.js';
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

/** What an entry keeps while the bill streams: what its fees need of its first line, its value, its lines' weights for the fee split. */
interface EntryState {
  first: Pick<BillLine, 'date' | 'mode' | 'into' | 'entry'>;
  value: Decimal;
  duty: Decimal;
  weights: CentWeights;
  mixedDates: boolean;
  /** decided after the first pass */
  mpf?: StreamSplit;
  hmf?: StreamSplit;
  exemption?: string;
}

/** rows between two full garbage collections of a long run */
const GC_EVERY = 25_000;


/**
 * `tariff calc`: the bill is streamed twice. Pass one reads and prices each row (duties, Chinese taxes) and keeps
 * per entry only its value and each line's weight (8 bytes); the priced lines wait in a temporary file. Then each
 * entry's fees are set, and pass two splits them over the lines in file order and writes each line as it goes.
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
  const explain = Boolean(opts.explain);
  const progress = new Progress(Boolean(process.stderr.isTTY) && !opts.quiet);

  // ---- pass one ----
  const bill = await openBill(file, encoding);
  const { header, headers } = bill;
  const spill = new Spill();
  const strings = new StringTable();
  const entries = new Map<string, EntryState>();
  const rejected: RowError[] = [];
  const warnings = new WarningCollector();
  const sides = new Set<Side>([into]);
  let latest: string | undefined;
  let rowsIn = 0;
  try {
    for await (const record of bill.rows) {
      rowsIn++;
      progress.tick(rowsIn);
      if (rowsIn % GC_EVERY === 0) collectGarbage();
      const ragged = raggedRow(record, headers);
      if (ragged) {
        rejected.push(ragged);
        continue;
      }
      const line = parseRow(record.row, record.cells, header, defaults);
      if (Array.isArray(line)) {
        rejected.push(...line);
        continue;
      }
      const priced = priceLine(line, ledger, explain);
      if ('row' in priced) {
        rejected.push(priced);
        continue;
      }
      for (const w of priced.warnings) warnings.add(w);
      sides.add(line.into);
      if (latest === undefined || line.date > latest) latest = line.date;
      const key = entryKey(line);
      let entry = entries.get(key);
      if (!entry) entries.set(key, (entry = { first: { date: line.date, mode: line.mode, into: line.into, entry: line.entry }, value: ZERO, duty: ZERO, weights: new CentWeights(), mixedDates: false }));
      entry.value = entry.value.plus(line.value);
      entry.duty = entry.duty.plus(priced.duty);
      entry.weights.push(toCents(line.value));
      if (line.date !== entry.first.date) entry.mixedDates = true;
      spill.write(toSpill(priced, record.cells, strings));
    }
    if (rowsIn === 0) warnings.add(`${bill.name} has a header and no rows: nothing to price`);

    // ---- fees per entry ----
    const mixed = [...entries.values()].filter((e) => e.mixedDates && e.first.into === 'US').map((e) => e.first.entry);
    if (mixed.length > 0) {
      warnings.add(mixedDatesWarning(mixed));
    }
    for (const entry of entries.values()) {
      if (entry.first.into === 'CN') {
        const found: string[] = [];
        entry.exemption = cnExemption(entry.duty, ledger, found);
        found.forEach((w) => warnings.add(w));
        continue;
      }
      const fees = entryFees(entry.first, entry.value, ledger);
      fees.warnings.forEach((w) => warnings.add(w));
      entry.mpf = entry.weights.split(toCents(fees.mpf));
      entry.hmf = entry.weights.split(toCents(fees.hmf));
    }

    // ---- pass two ----
    const stale = staleWarnings(ledger.reviewedThrough, [latest ?? date], [...sides]);
    const out = new Output(format, opts, targetMargin, ledger, headers, { date, mode, into, ...(origin ? { origin } : {}) });
    const totals = new TotalsAccumulator();
    const seen = new Map<string, number>();
    let rowsOut = 0;
    for await (const s of spill.read()) {
      if (++rowsOut % GC_EVERY === 0) collectGarbage();
      const line = parseRow(s.row, s.cells, header, defaults) as BillLine;
      const key = entryKey(line);
      const entry = entries.get(key)!;
      const index = seen.get(key) ?? 0;
      seen.set(key, index + 1);
      let r: LineResult = { line, ...fromSpill(s, strings) };
      if (line.into === 'CN') {
        r = finishCnLine(r, ledger, explain, entry.exemption);
        if (entry.exemption) r.warnings.forEach((w) => warnings.add(w));
      } else {
        finishUsLine(r, fromCents(entry.mpf!.share(index)), fromCents(entry.hmf!.share(index)));
      }
      totals.add(r);
      out.line(r, s.cells);
    }
    progress.done();
    const allWarnings = [...stale, ...warnings.summary()];
    rejected.sort((a, b) => a.row - b.row);
    out.end(totals, rejected, allWarnings);

    reportProblems(opts.color, allWarnings, rejected);
    if (failsOnStale(opts.failOnStale, stale)) return EXIT.input;
    if (rejected.length > 0) {
      const rejectedRows = new Set(rejected.map((r) => r.row)).size;
      process.stderr.write(`${rowsIn} rows read: ${rowsIn - rejectedRows} priced, ${rejectedRows} rejected\n`);
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

/** Writes the result as lines come: JSON and NDJSON and CSV line by line; the table and 7501 views at the end. */
class Output {
  private buffer = '';
  private first = true;
  private readonly held: LineResult[] = [];

  constructor(private readonly format: string, private readonly opts: CalcOptions, private readonly targetMargin: Decimal | undefined,
    private readonly ledger: Ledger, headers: string[], query: Record<string, string>) {
    if (format === 'json') {
      this.push(`{\n  "schema": "tariff-impact/result@1",\n  "query": ${JSON.stringify(query)},\n  "ledger": ${JSON.stringify({ edition: ledger.edition, reviewedThrough: ledger.reviewedThrough })},\n  "lines": [`);
    } else if (format === 'csv') this.push(csvHeader(headers));
  }

  private push(text: string): void {
    this.buffer += text;
    if (this.buffer.length > 1 << 16) this.flush();
  }

  private flush(): void {
    if (this.buffer) write(this.buffer);
    this.buffer = '';
  }

  line(r: LineResult, cells: string[]): void {
    if (this.format === 'json') {
      this.push(`${this.first ? '' : ','}\n    ${JSON.stringify(lineObject(r, this.targetMargin))}`);
      this.first = false;
    } else if (this.format === 'ndjson') this.push(JSON.stringify(lineObject(r, this.targetMargin)) + '\n');
    else if (this.format === 'csv') this.push(csvLine(r, cells, this.targetMargin));
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
