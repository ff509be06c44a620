import { smallConsignmentCents } from '../core/cn-duties.js';
import { landedBeforeFees, lineCentsOfPlanned, withFees } from '../core/line-cents.js';
import type { LineTexts } from '../core/line-plan.js';
import type { PricedLine } from '../core/priced-line.js';
import { CentTotals, exemptLine } from '../core/totals.js';
import type { Side } from '../core/types.js';
import { lineObject, ndjsonTotals, resultJson, totalsBySide, type Query } from './document.js';
import { PlanJson, lineEnd, usFeeFields, type LineFigures } from './json-line.js';
import { CN_RECORD, perTexts, type EncodeContext, type LineEncoder, type Output, type RecordIn, type RecordOut } from './line-encoder.js';

/**
 * The record of a JSON line: fields separated by NUL. Its input cells as JSON (a Chinese line whose declaration could
 * still turn out exempt, to price it again), then for a line of a plan (PLANNED) the plan's number and the line's own
 * fields of its head (json-line.ts LineFigures: the plan's texts are kept once, in memory, not once per line), or for
 * any other line its text before the fee fields; then quantity and price as written, and in whole cents its landed
 * cost before fees, the part of it before tariffs, its customs value and its duty. No field holds a NUL: JSON writes
 * one as \u0000, and dates, quantities and figures are digits.
 */
const NUL = '\u0000';
const PLANNED = 2;
/** plans whose texts are kept for pass two; the lines of any later plan are kept whole */
const PLAN_LIMIT = 100_000;

/** A record read back: its head and the fields after it. */
interface JsonRecord {
  kept: string;
  head: string;
  rest: string[];
}

/**
 * `--format json` and `ndjson`: each line object on a line of its own (lineObject's fields, to the byte), written in
 * pass two with its fees, landed cost, effective rate and per-unit figures; then the totals, rejected rows and warnings.
 */
export function jsonEncoder(ctx: EncodeContext, style: 'json' | 'ndjson', query: Query): LineEncoder {
  // --explain lists every measure considered for each line: the engine alone says that
  const totals = new CentTotals();
  const smallConsignment = smallConsignmentCents(ctx.ledger);
  const { targetMargin } = ctx;
  let rowsOut = 0;
  const textOf = perTexts((texts) => new PlanJson(texts));
  const planJsons: PlanJson[] = [];
  const planIds = new WeakMap<LineTexts, number>();
  /** the number of a plan line's plan (its texts kept for pass two); undefined for an engine line, whose texts are its own */
  const planId = (line: PricedLine): number | undefined => {
    if (line.result) return undefined;
    let id = planIds.get(line.texts);
    if (id === undefined && planJsons.length < PLAN_LIMIT) {
      planIds.set(line.texts, (id = planJsons.length));
      planJsons.push(textOf(line.texts));
    }
    return id;
  };
  const keep = (records: RecordOut, row: number, entryId: number, line: PricedLine, cells: string[]) => {
    const c = lineCentsOfPlanned(line.texts, line.cents, line);
    const landed = landedBeforeFees(c);
    totals.addLine(c.side, c, landed);
    // its cells, to price it again, only while its declaration's duty is small enough to be exempt
    const kept = c.side === 'CN' && ctx.book.mayBeExempt(entryId, smallConsignment) ? JSON.stringify(cells) : '';
    const side = c.side === 'US' ? 0 : CN_RECORD;
    const rest = [c.quantity ?? '', c.price ?? '', landed, c.beforeTariffsPart, c.customsValue, c.duty];
    const id = planId(line);
    const v = textOf(line.texts).figures(line, line.cents);
    if (id === undefined) {
      records.write(row, entryId, side, 0n, 0n, [kept, textOf(line.texts).head(v), ...rest].join(NUL));
      return;
    }
    records.write(row, entryId, side | PLANNED, 0n, 0n,
      [kept, id, v.skuJson, v.descriptionJson, v.date, v.quantity ?? '', v.customsValue, v.bases.join(','), v.amounts.join(','), v.duty, v.cn?.join(',') ?? '', ...rest].join(NUL));
  };
  const read = (record: RecordIn): JsonRecord => {
    const f = record.text().split(NUL);
    if ((record.c & PLANNED) === 0) return { kept: f[0]!, head: f[1]!, rest: f.slice(2) };
    const v: LineFigures = {
      row: record.a, skuJson: f[2]!, descriptionJson: f[3]!, date: f[4]!, customsValue: f[6]!, quantity: f[5] === '' ? undefined : f[5],
      bases: f[7] === '' ? [] : f[7]!.split(','), amounts: f[8] === '' ? [] : f[8]!.split(','), duty: f[9]!,
      ...(f[10] === '' ? {} : { cn: f[10]!.split(',') as [string, string, string, string, string] }),
    };
    return { kept: f[0]!, head: planJsons[Number(f[1])]!.head(v), rest: f.slice(11) };
  };
  // rest: quantity, price, landed cost before fees, the part before tariffs, customs value, duty
  const cents = (side: Side, f: string[]) => ({ side, beforeTariffsPart: BigInt(f[3]!), customsValue: BigInt(f[4]!), duty: BigInt(f[5]!),
    quantity: f[0] === '' ? undefined : f[0], price: f[1] === '' ? undefined : f[1] });
  const line = (out: Output, text: string) => out.add(style === 'json' ? resultJson.line(text, ++rowsOut === 1) : `${text}\n`);
  return {
    plans: !ctx.explain,
    keep: (record, id, line, records) => keep(records, record.row, id, line, record.cells),
    // an entry's fee shares add up to its fees: the totals take them whole
    entryFees: (mpf, hmf) => totals.addFees('US', mpf, hmf),
    begin: (out) => {
      if (style === 'json') out.add(resultJson.head(query, ctx.ledger));
    },
    usLine: (record, mpf, hmf, out) => {
      const { head, rest } = read(record);
      const withFee = withFees(BigInt(rest[2]!), mpf, hmf);
      line(out, head + usFeeFields(mpf, hmf, withFee) + lineEnd(cents('US', rest), withFee.landed, targetMargin));
    },
    cnLine: (record, exemption, out) => {
      const { kept, head, rest } = read(record);
      // an exempt declaration's duty was small all along, so each of its lines kept its cells (an entry's duty only grows)
      if (exemption) line(out, JSON.stringify(lineObject(exemptLine(ctx.priceAgain(record.a, JSON.parse(kept) as string[]), ctx.ledger, exemption, totals, ctx.explain), targetMargin)));
      else line(out, head + lineEnd(cents('CN', rest), BigInt(rest[2]!), targetMargin));
    },
    totals: (side) => totals.get(side),
    end: (rejected, warnings, out) => {
      const sides = totalsBySide((side) => totals.get(side));
      out.add(style === 'json' ? resultJson.tail(sides, rejected, warnings, rowsOut > 0) : ndjsonTotals(sides, rejected, warnings));
    },
  };
}
