import type { LinePlan, PlannedLine } from '../core/line-plan.js';
import { unitFigures } from '../core/margin.js';
import { Decimal, effectiveRateCents, formatAmount, formatCents, fromCents, toCents } from '../core/money.js';
import type { CentFigures } from '../core/totals.js';
import type { LineResult, Side } from '../core/types.js';
import { csvCell, csvCells } from '../output/csv.js';

/**
 * A priced line of `calc --format csv` between the two passes: the text of its output line but for the columns that
 * wait for its entry's fees (mpf, hmf, fees, landed cost and the per-unit figures), and the cents those need.
 * One line of text in the spill file.
 */
export interface LineRecord {
  row: number;
  entryId: number;
  side: Side;
  /** the landed cost before fees */
  landedBeforeFees: bigint;
  /** the output line up to the duty column, CSV-escaped */
  head: string;
  /** consumption tax, VAT, taxes */
  taxes: string;
  effectiveRate: string;
  /** the duties column, CSV-escaped */
  duties: string;
  /** per-unit figures need: the quantity and price as written, and the landed cost before tariffs less its fees (US: the
   * additional duties, to take off the landed cost; China: the figure itself) */
  quantity?: string;
  price?: string;
  beforeTariffsPart?: bigint;
  /** China: the input cells as JSON, to price the line again if its declaration turns out exempt */
  cellsJson?: string;
}


const ESCAPED = /[\\\n\t\r]/;
const escape = (t: string) => (ESCAPED.test(t) ? t.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r') : t);
const unescape = (t: string) => (t.includes('\\') ? t.replace(/\\([\\ntr])/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r' })[c] ?? '\\') : t);

export function encodeRecord(r: LineRecord): string {
  return `${r.row}\t${r.entryId}\t${r.side}\t${r.landedBeforeFees}\t${escape(r.head)}\t${r.taxes}\t${r.effectiveRate}\t${escape(r.duties)}\t${r.quantity ?? ''}\t${r.price ?? ''}\t${r.beforeTariffsPart ?? ''}\t${r.cellsJson ? escape(r.cellsJson) : ''}`;
}

export function decodeRecord(text: string): LineRecord {
  const f = text.split('\t');
  return {
    row: Number(f[0]), entryId: Number(f[1]), side: f[2] as Side, landedBeforeFees: BigInt(f[3]!), head: unescape(f[4]!), taxes: f[5]!, effectiveRate: f[6]!,
    duties: unescape(f[7]!), ...(f[8] ? { quantity: f[8], beforeTariffsPart: BigInt(f[10]!) } : {}), ...(f[9] ? { price: f[9] } : {}),
    ...(f[11] ? { cellsJson: unescape(f[11]) } : {}),
  };
}

/** The figures of a line, in cents, that do not depend on fees: what the record is made of. */
interface Priced {
  side: Side;
  hts: string;
  /** US: the line's value and its freight and insurance (landed cost = value + duty + fees + carriage) */
  value: bigint;
  carriage: bigint;
  customsValue: bigint;
  duty: bigint;
  consumptionTax: bigint;
  vat: bigint;
  beforeTariffsPart: bigint;
  programs: string[];
  amounts: bigint[];
  dutiesText: string;
}

function record(p: Priced, cells: string[], row: number, entryId: number, quantity: string | undefined, price: string | undefined): { record: LineRecord; figures: CentFigures } {
  const taxes = p.consumptionTax + p.vat;
  const landedBeforeFees = p.side === 'US' ? p.value + p.duty + taxes + p.carriage : p.customsValue + p.duty + taxes;
  const head = `${csvCells(cells)},${csvCell(p.hts)},${p.side},${p.side === 'US' ? 'USD' : 'CNY'},${formatCents(p.customsValue)},${formatCents(p.duty)}`;
  const record: LineRecord = {
    row, entryId, side: p.side, landedBeforeFees, head, taxes: `${formatCents(p.consumptionTax)},${formatCents(p.vat)},${formatCents(taxes)}`,
    effectiveRate: effectiveRateCents(p.duty, p.customsValue), duties: csvCell(p.dutiesText),
    ...(quantity !== undefined ? { quantity, beforeTariffsPart: p.beforeTariffsPart } : {}), ...(price !== undefined ? { price } : {}),
    ...(p.side === 'CN' ? { cellsJson: JSON.stringify(cells) } : {}),
  };
  const byProgram = p.programs.map((name, i): [string, bigint] => [name, p.amounts[i]!]);
  return { record, figures: { customsValue: p.customsValue, duty: p.duty, byProgram, mpf: 0n, hmf: 0n, consumptionTax: p.consumptionTax, vat: p.vat, landedCost: landedBeforeFees } };
}

/** The record of a line priced by the engine (its fees not yet set), and its figures for the totals. */
export function recordOf(r: LineResult, cells: string[], entryId: number): { record: LineRecord; figures: CentFigures } {
  const l = r.line;
  const cents = (d: Decimal | undefined) => (d === undefined ? 0n : toCents(d));
  const amounts = r.duties.map((d) => toCents(d.amount));
  return record({
    side: l.into, hts: r.hts, value: cents(l.value), carriage: l.into === 'US' ? cents(l.freight) + cents(l.insurance) : 0n,
    customsValue: toCents(r.customsValue), duty: toCents(r.duty), consumptionTax: toCents(r.consumptionTax), vat: toCents(r.vat),
    beforeTariffsPart: r.cnBeforeTariffs !== undefined ? toCents(r.cnBeforeTariffs) : amounts.filter((_, i) => r.duties[i]!.program !== 'MFN').reduce((s, a) => s + a, 0n),
    programs: r.duties.map((d) => d.program), amounts, dutiesText: r.duties.map((d) => `${d.program} ${d.heading} ${d.rate} ${formatAmount(d.amount)}`).join('; '),
  }, cells, l.row, entryId, l.quantity?.toString(), l.price?.toString());
}

/** The record of a line priced by a plan, and its figures for the totals. */
export function plannedRecord(plan: LinePlan, p: PlannedLine, cells: string[], row: number, entryId: number,
  amounts: { value: bigint; carriage: bigint; quantity?: string; price?: string }): { record: LineRecord; figures: CentFigures } {
  let dutiesText = '';
  for (let i = 0; i < plan.duties.length; i++) {
    const d = plan.duties[i]!;
    dutiesText += `${i > 0 ? '; ' : ''}${d.program} ${d.heading} ${d.rate} ${formatCents(p.amounts[i]!)}`;
  }
  return record({
    side: plan.side, hts: plan.hts, value: amounts.value, carriage: amounts.carriage, customsValue: p.customsValue, duty: p.duty,
    consumptionTax: p.consumptionTax, vat: p.vat, beforeTariffsPart: p.beforeTariffsPart, programs: plan.programs, amounts: p.amounts, dutiesText,
  }, cells, row, entryId, amounts.quantity, amounts.price);
}

/** The output line of a record once its fees are known. */
export function finishRecord(r: LineRecord, mpf: bigint, hmf: bigint, targetMargin?: Decimal): string {
  const fees = mpf + hmf;
  const landed = r.landedBeforeFees + fees;
  let unit = ',,,';
  if (r.quantity !== undefined) {
    const before = r.side === 'US' ? landed - r.beforeTariffsPart! : r.beforeTariffsPart!;
    const u = unitFigures({ quantity: new Decimal(r.quantity), ...(r.price !== undefined ? { price: new Decimal(r.price) } : {}), landedCost: fromCents(landed), beforeTariffs: fromCents(before) }, targetMargin);
    if (u) unit = `${formatAmount(u.unitLandedCost)},${csvCell(u.marginBefore ?? '')},${csvCell(u.marginAfter ?? '')},${u.targetPrice ? formatAmount(u.targetPrice) : ''}`;
  }
  return `${r.head},${formatCents(mpf)},${formatCents(hmf)},${formatCents(fees)},${r.taxes},${formatCents(landed)},${r.effectiveRate},${unit},${r.duties}\n`;
}
