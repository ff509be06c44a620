import { Decimal } from '../../src/core/money.js';
import type { BillLine } from '../../src/core/types.js';

let nextRow = 2;

/** A bill line with defaults: CN origin, into US, ocean, one entry. */
export function line(code: string, value: string, date: string, extra: Partial<BillLine> = {}): BillLine {
  return {
    row: nextRow++, code, into: 'US', origin: 'CN', date, mode: 'ocean', currency: 'USD', value: new Decimal(value),
    entry: '1', claims: [], passthrough: {}, ...extra,
  };
}
