// The streamed `tariff calc` (two passes, fee split from 8-byte weights; NDJSON and CSV output by the integer-cent path)
// against the plain in-memory computation (priceBill with decimal.js) on thousands of random lines: every amount equal
// to the cent, every NDJSON line object the engine's.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { priceBill } from '../../src/core/bill.js';
import { Decimal } from '../../src/core/money.js';
import { mapHeader } from '../../src/input/columns.js';
import { parseRow } from '../../src/input/row.js';
import { lineObject } from '../../src/output/document.js';
import { loadLedger } from '../../src/rates/load.js';
import { parse } from 'csv-parse/sync';
import { writeBill } from '../../scripts/bench-bill.js';
import { run } from './run.js';

describe('streamed calc = plain computation', () => {
  it.each([['7 dates in turn', false], ['a date per entry over 600 days', true]])('agrees to the cent on 3,000 random lines of mixed programs, both sides, many entries (%s)', (_name, spread) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'exact-')), 'bill.csv');
    writeBill(3000, file, spread);
    const r = run(['calc', file, '--format', 'ndjson']);
    expect(r.status, r.stderr.slice(0, 300)).toBe(0);
    const texts = r.stdout.trimEnd().split('\n');
    const streamed = texts.map((l) => JSON.parse(l));
    const totals = streamed.pop();

    const records = parse(fs.readFileSync(file, 'utf8')) as string[][];
    const header = mapHeader(records[0]!);
    const lines = records.slice(1).map((cells, i) => parseRow(i + 2, cells, header, { into: 'US', date: '2026-11-26', mode: 'ocean', fx: new Map() }));
    const plain = priceBill(lines.filter((l): l is Exclude<typeof l, unknown[]> => !Array.isArray(l)), loadLedger());
    expect(streamed).toHaveLength(plain.lines.length);
    // every line object as the engine's, to the byte (integer-cent path: plans, templates of the line text)
    expect(texts.slice(0, -1)).toEqual(plain.lines.map((p) => JSON.stringify(lineObject(p))));
    const landed = plain.lines.filter((l) => l.line.into === 'US').reduce((a, l) => a.plus(l.landedCost), new Decimal(0));
    expect(totals.totals.US.landedCost).toBe(landed.toFixed(2));

    // the same bill as CSV output, from standard input: the integer-cent path (plans) and the engine (first lines of
    // each kind) give every column the plain computation gives
    const csv = run(['calc', '-', '--format', 'csv'], fs.readFileSync(file, 'utf8'));
    expect(csv.status, csv.stderr.slice(0, 300)).toBe(0);
    expect(csv.stderr).toBe(r.stderr);
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(plain.lines.length);
    plain.lines.forEach((p, i) => {
      const c = rows[i]!;
      const unit = p.line.quantity && !p.line.quantity.isZero() ? p.landedCost.dividedBy(p.line.quantity).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2) : '';
      expect([c.sku, c.customs_value, c.duty, c.mpf, c.hmf, c.fees, c.consumption_tax, c.vat, c.taxes, c.landed_cost, c.unit_landed_cost, c.duties]).toEqual([
        p.line.sku, p.customsValue.toFixed(2), p.duty.toFixed(2), p.mpf.toFixed(2), p.hmf.toFixed(2), p.fees.toFixed(2), p.consumptionTax.toFixed(2),
        p.vat.toFixed(2), p.taxes.toFixed(2), p.landedCost.toFixed(2), unit, p.duties.map((d) => `${d.program} ${d.heading} ${d.rate} ${d.amount.toFixed(2)}`).join('; ')]);
    });
  });
});
