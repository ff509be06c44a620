import { smallConsignmentCents } from '../core/cn-duties.js';
import { landedBeforeFees, lineCentsOfPlanned, withFees, type LineCents } from '../core/line-cents.js';
import type { PricedLine } from '../core/priced-line.js';
import { CentTotals, exemptLine } from '../core/totals.js';
import type { Side } from '../core/types.js';
import { lineObject, ndjsonTotals, resultJson, totalsBySide, type Query } from './document.js';
import { PlanJson, lineEnd, usFeeFields } from './json-line.js';
import { CN_RECORD, perTexts, type EncodeContext, type LineEncoder, type Output, type RecordOut } from './line-encoder.js';

/**
 * The record of a JSON line: its text, fields separated by NUL: its input cells as JSON (a Chinese line whose
 * declaration could still turn out exempt, to price it again), its text before the fee fields (json-line.ts),
 * quantity and price as written, and in whole cents its landed cost before fees, the part of it before tariffs, its
 * customs value and its duty. No field holds a NUL: JSON writes one as \u0000.
 */
const NUL = '\u0000';

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
  const keep = (records: RecordOut, row: number, entryId: number, c: LineCents, head: string, cells: string[]) => {
    const landed = landedBeforeFees(c);
    totals.addLine(c.side, c, landed);
    // its cells, to price it again, only while its declaration's duty is small enough to be exempt
    const kept = c.side === 'CN' && ctx.book.mayBeExempt(entryId, smallConsignment) ? JSON.stringify(cells) : '';
    records.write(row, entryId, c.side === 'US' ? 0 : CN_RECORD, 0n, 0n,
      [kept, head, c.quantity ?? '', c.price ?? '', landed, c.beforeTariffsPart, c.customsValue, c.duty].join(NUL));
  };
  const textOf = perTexts((texts) => new PlanJson(texts));
  const headOf = (line: PricedLine) => textOf(line.texts).head(line, line.cents);
  const fields = (record: { text(): string }) => record.text().split(NUL) as [string, string, string, string, string, string, string, string];
  const cents = (side: Side, f: string[]) => ({ side, beforeTariffsPart: BigInt(f[5]!), customsValue: BigInt(f[6]!), duty: BigInt(f[7]!),
    quantity: f[2] === '' ? undefined : f[2], price: f[3] === '' ? undefined : f[3] });
  const line = (out: Output, text: string) => out.add(style === 'json' ? resultJson.line(text, ++rowsOut === 1) : `${text}\n`);
  return {
    plans: !ctx.explain,
    keep: (record, id, line, records) => keep(records, record.row, id, lineCentsOfPlanned(line.texts, line.cents, line), headOf(line), record.cells),
    // an entry's fee shares add up to its fees: the totals take them whole
    entryFees: (mpf, hmf) => totals.addFees('US', mpf, hmf),
    begin: (out) => {
      if (style === 'json') out.add(resultJson.head(query, ctx.ledger));
    },
    usLine: (record, mpf, hmf, out) => {
      const f = fields(record);
      const withFee = withFees(BigInt(f[4]), mpf, hmf);
      line(out, f[1] + usFeeFields(mpf, hmf, withFee) + lineEnd(cents('US', f), withFee.landed, targetMargin));
    },
    cnLine: (record, exemption, out) => {
      const f = fields(record);
      // an exempt declaration's duty was small all along, so each of its lines kept its cells (an entry's duty only grows)
      if (exemption) line(out, JSON.stringify(lineObject(exemptLine(ctx.priceAgain(record.a, JSON.parse(f[0]) as string[]), ctx.ledger, exemption, totals, ctx.explain), targetMargin)));
      else line(out, f[1] + lineEnd(cents('CN', f), BigInt(f[4]), targetMargin));
    },
    totals: (side) => totals.get(side),
    end: (rejected, warnings, out) => {
      const sides = totalsBySide((side) => totals.get(side));
      out.add(style === 'json' ? resultJson.tail(sides, rejected, warnings, rowsOut > 0) : ndjsonTotals(sides, rejected, warnings));
    },
  };
}
