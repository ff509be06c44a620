import fs from 'node:fs';
import { Decimal } from '../core/money.js';
import type { StringTable } from '../core/string-table.js';
import { ByteBuffer } from './byte-buffer.js';
import { newTempFile, onTempFiles, removeTempDir } from './temp-files.js';
import type { Duty, LineResult, NotApplied, RejectedClaim } from '../core/types.js';

/** What a priced line keeps between the two passes of a streamed bill (its input cells are parsed again). */
export interface SpilledLine {
  row: number;
  cells: string[];
  hts: string;
  customsValue: string;
  duty: string;
  consumptionTax: string;
  vat: string;
  cnBeforeTariffs?: string;
  /** duties with their source and refund text replaced by the index of the text in the spill's string table (the basis
   * stays inline: it can name the line's own amounts, so interning it would keep one text per line) */
  duties: (Omit<Duty, 'base' | 'amount' | 'source' | 'refundable'> & { base: string; amount: string; source: number; refundable?: number })[];
  notApplied: NotApplied[];
  rejectedClaims: RejectedClaim[];
}

export function toSpill(r: LineResult, cells: string[], strings: StringTable): SpilledLine {
  return {
    row: r.line.row, cells, hts: r.hts, customsValue: r.customsValue.toString(), duty: r.duty.toString(),
    consumptionTax: r.consumptionTax.toString(), vat: r.vat.toString(),
    ...(r.cnBeforeTariffs ? { cnBeforeTariffs: r.cnBeforeTariffs.toString() } : {}),
    duties: r.duties.map((d) => ({
      program: d.program, heading: d.heading, rate: d.rate, base: d.base.toString(), amount: d.amount.toString(), source: strings.id(d.source),
      ...(d.basis !== undefined ? { basis: d.basis } : {}), ...(d.refundable !== undefined ? { refundable: strings.id(d.refundable) } : {}),
    })),
    notApplied: r.notApplied, rejectedClaims: r.rejectedClaims,
  };
}

export function fromSpill(s: SpilledLine, strings: StringTable): Omit<LineResult, 'line'> {
  const zero = new Decimal(0);
  return {
    hts: s.hts, customsValue: new Decimal(s.customsValue), duty: new Decimal(s.duty), consumptionTax: new Decimal(s.consumptionTax), vat: new Decimal(s.vat),
    ...(s.cnBeforeTariffs ? { cnBeforeTariffs: new Decimal(s.cnBeforeTariffs) } : {}),
    duties: s.duties.map((d) => ({
      program: d.program, heading: d.heading, rate: d.rate, base: new Decimal(d.base), amount: new Decimal(d.amount), source: strings.texts[d.source]!,
      ...(d.basis !== undefined ? { basis: d.basis } : {}), ...(d.refundable !== undefined ? { refundable: strings.texts[d.refundable]! } : {}),
    })),
    notApplied: s.notApplied, rejectedClaims: s.rejectedClaims, mpf: zero, hmf: zero, fees: zero, taxes: zero, landedCost: zero, warnings: [],
  };
}

/** A temporary file of priced lines, one line of text each (no newline inside); removed when closed. */
export class Spill {
  private readonly temp = newTempFile('lines.txt');
  readonly file = this.temp.file;
  private readonly fd = this.temp.fd;
  private readonly buffer = new ByteBuffer();

  /** lines written */
  count = 0;

  write(line: string): void {
    this.count++;
    if (this.buffer.add(line + '\n')) this.flush();
  }

  private flush(): void {
    const bytes = this.buffer.peek();
    if (bytes.length > 0) onTempFiles(() => fs.writeSync(this.fd, bytes));
  }

  /** The lines back, in the order written, a chunk of the file at a time. */
  async *batches(): AsyncGenerator<string[]> {
    this.flush();
    fs.closeSync(this.fd);
    let rest = '';
    for await (const chunk of fs.createReadStream(this.file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
      const lines = (rest + (chunk as string)).split('\n');
      rest = lines.pop()!;
      yield lines;
    }
  }

  remove(): void {
    removeTempDir(this.temp.dir);
  }
}
