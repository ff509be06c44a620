/**
 * tariff-impact as a library: load the ledger, read a bill, price it. Importing this module reads no arguments,
 * writes nothing and never exits; the `tariff` command is src/cli/main.ts.
 */
export { loadLedger, LedgerError, BUILT_IN_RATES, type Ledger } from './rates/load.js';
export { withScenarios } from './rates/scenario.js';
export { readBill, streamBill, BillError, type BillInput, type BillOptions, type BillRow } from './input/bill.js';
export { priceBill, priceLine, type PricedBill, type PriceOptions } from './core/bill.js';
export { Decimal } from './core/money.js';
export { WARNING_CODES, warningText, type Warning, type WarningCode } from './core/warning.js';
export type { BillLine, Duty, LineResult, Mode, NotApplied, RowError, Side } from './core/types.js';
