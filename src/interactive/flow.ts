import type { ChalkInstance } from 'chalk';
import { priceBill, type PricedBill } from '../core/bill.js';
import { codeDigits, formatCode } from '../core/codes.js';
import { Decimal, formatAmount } from '../core/money.js';
import { relevantQuestions } from '../core/questions.js';
import { parseRate, specificUnit } from '../core/rate.js';
import { sideTotals } from '../core/totals.js';
import type { BillLine, Side } from '../core/types.js';
import { mfnRate } from '../core/us-duties.js';
import { COLUMNS, mapHeader } from '../input/columns.js';
import { parseRow } from '../input/row.js';
import { csvCell } from '../output/csv.js';
import { resultDocument } from '../output/document.js';
import { renderTable } from '../output/table.js';
import type { Ledger } from '../rates/load.js';
import type { Prompts } from './port.js';
import { amount, instant, optionalDate, percent, plainAmount, positive, quantity } from './answers.js';
import { staleWarnings } from '../core/stale.js';
import { warningText } from '../core/warning.js';
import { searchCn, searchUs } from './search.js';

/** One line of the guided bill, as the columns of a CSV bill (the same path as `tariff calc`). */
export type BillRecord = Partial<Record<(typeof COLUMNS)[number], string>>;

export interface FlowDeps {
  prompts: Prompts;
  ledger: Ledger;
  today: string;
  color: ChalkInstance;
  writeFile: (path: string, text: string) => void;
}

export interface GuidedBill {
  side: Side;
  date: string;
  records: BillRecord[];
  fx: Map<string, Decimal>;
}

/** Turn the guided records into bill lines exactly as a CSV bill would be read. */
export function toLines(bill: GuidedBill): { lines: BillLine[]; errors: string[] } {
  const header = mapHeader([...COLUMNS]);
  const lines: BillLine[] = [];
  const errors: string[] = [];
  bill.records.forEach((r, i) => {
    const parsed = parseRow(i + 2, COLUMNS.map((c) => r[c] ?? ''), header, { into: bill.side, date: bill.date, mode: 'ocean', fx: bill.fx });
    if (Array.isArray(parsed)) errors.push(...parsed.map((e) => `row ${e.row}, ${e.column}: ${e.message}`));
    else lines.push(parsed);
  });
  return { lines, errors };
}

export function price(bill: GuidedBill, ledger: Ledger): PricedBill & { errors: string[] } {
  const { lines, errors } = toLines(bill);
  return { ...priceBill(lines, ledger), errors };
}

/** The bill as CSV, with the columns it uses. */
export function billCsv(bill: GuidedBill): string {
  // each line's side and date are written, so `tariff calc` on the file prices what was priced here (rows from 2)
  const records = bill.records.map((r) => ({ ...r, into: r.into ?? bill.side, date: r.date ?? bill.date }));
  const used = COLUMNS.filter((c) => records.some((r) => r[c] !== undefined && r[c] !== ''));
  return [used.join(','), ...records.map((r) => used.map((c) => csvCell(r[c] ?? '')).join(','))].join('\n') + '\n';
}

/** Key dates to offer: where a measure covering every product starts, changes or ends, from the ledger. */
function keyDates(ledger: Ledger, side: Side): { name: string; value: string }[] {
  const broad = ledger.measures.filter((m) => m.side === side && 'all' in m.scope && !m.modes);
  const dates = [...new Set(broad.flatMap((m) => [m.from, m.to]).filter((d): d is string => d !== undefined && d >= '2025-01-01'))].sort();
  const out: { name: string; value: string }[] = [];
  for (const date of dates) {
    const what: string[] = [];
    for (const program of new Set(broad.map((m) => m.program))) {
      const starts = broad.find((m) => m.program === program && m.from === date);
      const ends = broad.find((m) => m.program === program && m.to === date);
      if (starts && (!ends || ends.rate !== starts.rate)) what.push(`${program} ${starts.rate}`);
      else if (ends && !starts) what.push(`${program} ends`);
    }
    if (what.length > 0) out.push({ name: `${date}  ${what.join(', ')}`, value: date });
  }
  return out;
}

async function askDate(p: Prompts, ledger: Ledger, side: Side, current: string, today: string): Promise<string> {
  const choice = await p.select({
    message: 'Date of entry (the rates of that day apply)',
    choices: [{ name: `today, ${today}`, value: today }, ...(current !== today ? [{ name: `keep ${current}`, value: current }] : []), ...keyDates(ledger, side), { name: 'another date...', value: '' }],
    default: current,
  });
  if (choice) return choice;
  return (await p.input({ message: 'Date (YYYY-MM-DD, or YYYY-MM-DDTHH:MM)', default: current, validate: instant })).trim();
}

/** Ask one line: the product, its value, and only the questions its measures make relevant. */
async function askLine(deps: FlowDeps, bill: GuidedBill, start: BillRecord = {}): Promise<BillRecord> {
  const { prompts: p, ledger } = deps;
  const side = bill.side;
  const r: BillRecord = { ...start, into: side };
  const code = start.hts ? codeDigits(start.hts) : await p.search({
    message: side === 'US' ? 'Product: type an HTSUS code or words of its description' : 'Product: type a Chinese tariff code or words',
    source: (term) => (side === 'US' ? searchUs(ledger, term) : searchCn(ledger, term)),
  });
  r.hts = formatCode(code);
  if (side === 'CN') {
    const currency = await p.select({ message: 'Currency of the value', choices: [{ name: 'CNY', value: 'CNY' }, { name: 'USD', value: 'USD' }], default: r.currency ?? 'CNY' });
    r.currency = currency;
    if (currency !== 'CNY' && !bill.fx.has(`${currency}:CNY`)) {
      const rate = await p.input({ message: `Exchange rate ${currency} to CNY (customs uses the CFETS central parity of the previous month's third Wednesday)`, validate: positive });
      bill.fx.set(`${currency}:CNY`, new Decimal(rate.trim()));
      bill.fx.set(`CNY:${currency}`, new Decimal(1).dividedBy(rate.trim()));
    }
  }
  const currency = r.currency ?? 'USD';
  r.value = plainAmount(await p.input({ message: side === 'US' ? 'Customs value in USD (transaction value, without international freight and insurance)' : `Value in ${r.currency} (the goods' price; CIF if you give no freight)`, default: r.value, validate: amount(false, currency) }), currency);
  if (side === 'US') {
    const mfn = mfnRate({ row: 0, code, mfnRate: undefined }, ledger);
    if ('row' in mfn && mfn.column === 'mfn_rate') r.mfn_rate = (await p.input({ message: `${mfn.message}. Rate`, validate: (v) => Boolean(parseRate(v)) || 'expected e.g. 5% or 2.4¢/kg + 3%' })).trim();
    const rate = 'row' in mfn ? parseRate(r.mfn_rate ?? '') : mfn.rate;
    const unit = rate ? specificUnit(rate) : undefined;
    if (unit) r.quantity = plainAmount(await p.input({ message: `Quantity in ${unit} (the MFN rate ${rate!.text} is specific)`, default: r.quantity, validate: quantity }));
  } else {
    const line = ledger.cnLine(code);
    if ('error' in line) {
      r.mfn_rate = (await p.input({ message: 'Base (MFN) rate of this line, e.g. 5%', default: r.mfn_rate, validate: (v) => Boolean(parseRate(v)) || 'expected e.g. 5%' })).trim();
      r.vat_rate = (await p.input({ message: 'Import VAT rate: 13, or 9 for farm products, edible oils, natural gas, books, feed, fertiliser', default: r.vat_rate ?? '13', validate: percent })).trim();
    }
    const ct = ledger.cnConsumptionTax(code);
    if (ct && 'ask' in ct) r.ct_rate = (await p.input({ message: `${ct.ask}. Consumption tax rate`, default: r.ct_rate, validate: percent })).trim();
    r.freight = plainAmount(await p.input({ message: `International freight in ${r.currency} (Enter if the value is already CIF)`, default: r.freight ?? '', validate: amount(true, r.currency) }), r.currency);
    if (r.freight) r.insurance = plainAmount(await p.input({ message: `Insurance in ${r.currency} (Enter if unknown: customs adds 3‰)`, default: r.insurance ?? '', validate: amount(true, r.currency) }), r.currency);
  }
  const relevant = relevantQuestions({ side, code, origin: side === 'US' ? 'CN' : 'US', date: bill.date, claims: [], value: new Decimal(r.value) }, ledger);
  if (relevant.metalContent) {
    r.metal_value = plainAmount(await p.input({ message: 'Value of its steel / aluminium / copper content (Section 232 on metal content; Enter if none)', default: r.metal_value ?? '', validate: amount(true, 'USD') }), 'USD');
  }
  if (relevant.usContent) {
    r.us_content_value = plainAmount(await p.input({ message: 'Value of US content (at 20% or more of the value, the reciprocal duty skips it; Enter if none)', default: r.us_content_value ?? '', validate: amount(true, 'USD') }), 'USD');
  }
  if (relevant.loadedOn) {
    r.loaded_on = (await p.input({ message: 'Date the goods were loaded for export, for the in-transit rules (Enter to skip)', default: r.loaded_on ?? '', validate: optionalDate })).trim();
  }
  if (relevant.claims.length > 0) {
    const previous = new Set((r.claims ?? '').split(';').filter(Boolean));
    const chosen = await p.checkbox({
      message: 'Claims you can make for this line (space to select, Enter when done)',
      choices: relevant.claims.map((c) => ({ name: `${c.claim}: ${c.reason}`, value: c.claim, checked: previous.has(c.claim) })),
    });
    r.claims = chosen.join(';');
  }
  return r;
}

function showResult(deps: FlowDeps, bill: GuidedBill): PricedBill {
  const priced = price(bill, deps.ledger);
  deps.prompts.show(renderTable(priced.lines, deps.color, false));
  for (const e of [...priced.errors, ...priced.rejected.map((x) => `row ${x.row}, ${x.column}: ${x.message}`)]) deps.prompts.show(deps.color.red(`not priced: ${e}`));
  for (const w of [...staleWarnings(deps.ledger.reviewedThrough, [bill.date], [bill.side]), ...priced.warnings]) deps.prompts.show(deps.color.yellow(`warning: ${warningText(w)}`));
  return priced;
}

/** The difference between two pricings of the bill, side by side, with the programs that changed. */
export function difference(before: PricedBill & { errors?: string[] }, after: PricedBill & { errors?: string[] }, from: string, to: string): string {
  const out: string[] = [];
  // a line priced on one date and not on the other is not in that date's totals: say which and why
  const rowsOf = (p: PricedBill) => new Set(p.lines.map((l) => l.line.row));
  const [a, b] = [rowsOf(before), rowsOf(after)];
  for (const [priced, other, date, bill] of [[a, b, to, after], [b, a, from, before]] as const) {
    for (const row of priced) {
      if (other.has(row)) continue;
      const why = bill.rejected.find((x) => x.row === row);
      out.push(`row ${row} is not priced on ${date}${why ? ` (${why.column}: ${why.message})` : ''}: the totals below leave it out of that date`);
    }
  }
  for (const side of ['US', 'CN'] as const) {
    const a = sideTotals(before.lines, side);
    const b = sideTotals(after.lines, side);
    if (!a || !b) continue;
    out.push(`Into ${side} (${a.currency}): duty ${formatAmount(a.duty)} on ${from} -> ${formatAmount(b.duty)} on ${to} (${b.duty.minus(a.duty).isNegative() ? '' : '+'}${formatAmount(b.duty.minus(a.duty))}); landed cost ${formatAmount(a.landedCost)} -> ${formatAmount(b.landedCost)}`);
    for (const program of new Set([...a.byProgram.keys(), ...b.byProgram.keys()])) {
      const x = a.byProgram.get(program) ?? new Decimal(0);
      const y = b.byProgram.get(program) ?? new Decimal(0);
      if (!x.equals(y)) out.push(`  ${program}: ${formatAmount(x)} -> ${formatAmount(y)}`);
    }
  }
  return out.join('\n');
}

/**
 * The guided bill: which side imports and when, then line by line the product, its value and only the questions
 * its measures make relevant; after each line the same table `calc` prints, and a menu.
 */
export async function runFlow(deps: FlowDeps): Promise<GuidedBill> {
  const { prompts: p, ledger } = deps;
  const side = await p.select<Side>({
    message: 'Which side imports?',
    choices: [
      { name: 'United States: US duties on goods of China', value: 'US' },
      { name: 'China: Chinese duties and taxes on goods of the US', value: 'CN' },
    ],
  });
  const reviewed = ledger.reviewedThrough[side];
  if (reviewed) p.show(`The ${side} ledger is reviewed through ${reviewed}: for a later date, measures taken after it may be missing.`);
  const bill: GuidedBill = { side, date: deps.today, records: [], fx: new Map() };
  bill.date = await askDate(p, ledger, side, deps.today, deps.today);
  bill.records.push(await askLine(deps, bill));
  showResult(deps, bill);
  for (;;) {
    const action = await p.select({
      message: 'Next',
      choices: [
        { name: 'Add a line', value: 'add' },
        { name: 'Edit a line', value: 'edit' },
        { name: 'Remove a line', value: 'remove' },
        { name: 'Change the date and see the difference', value: 'date' },
        { name: 'Save the bill (CSV) and the result (JSON)', value: 'save' },
        { name: 'Quit', value: 'quit' },
      ],
    });
    if (action === 'quit') return bill;
    if (action === 'add') bill.records.push(await askLine(deps, bill));
    if ((action === 'edit' || action === 'remove') && bill.records.length > 0) {
      const index = await p.select({ message: `Which line to ${action}?`, choices: bill.records.map((r, i) => ({ name: `row ${i + 2}: ${r.hts}  value ${r.value}`, value: i })) });
      if (action === 'remove') bill.records.splice(index, 1);
      else bill.records[index] = await askLine(deps, bill, bill.records[index]);
    }
    if (action === 'date') {
      const before = price(bill, ledger);
      const from = bill.date;
      bill.date = await askDate(p, ledger, side, bill.date, deps.today);
      p.show(difference(before, price(bill, ledger), from, bill.date));
    }
    if (action === 'save') {
      const csvPath = (await p.input({ message: 'Save the bill as (CSV)', default: 'bill.csv' })).trim();
      const jsonPath = (await p.input({ message: 'Save the result as (JSON)', default: 'result.json' })).trim();
      const priced = price(bill, ledger);
      deps.writeFile(csvPath, billCsv(bill));
      deps.writeFile(jsonPath, resultDocument({ date: bill.date, mode: 'ocean', into: side }, ledger, priced.lines, priced.rejected, priced.warnings));
      const fx = [...bill.fx].filter(([k]) => k.endsWith(':CNY')).map(([k, v]) => ` --fx ${k}=${v.toString()}`).join('');
      p.show(`saved ${csvPath} and ${jsonPath} (the same result again: tariff calc ${csvPath}${fx} --format json)`);
      continue;
    }
    showResult(deps, bill);
  }
}
