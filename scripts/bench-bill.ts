// Writes a bill of N lines from real HTSUS codes with mixed programs (301 lists, four-year review, Annex II,
// Section 232 on full value and on metal content, specific rates, China lines), deterministic.
// Usage: tsx scripts/bench-bill.ts N OUT.csv
import fs from 'node:fs';

const CODES: [string, string][] = [
  // code, extra columns: metal_value,quantity,into,currency,claims
  ['8517.13.00.00', ',,US,USD,'], ['6110.20.20.79', ',,US,USD,'], ['8541.10.00', ',,US,USD,'], ['8471.30.01.00', ',,US,USD,9903.94.06'],
  ['9503.00.00.90', ',,US,USD,'], ['7326.90.86.88', ',,US,USD,'], ['9403.10.00.40', '{metal},,US,USD,'], ['8703.23.01', ',,US,USD,'],
  ['4015.12.10.10', ',,US,USD,'], ['0201.10.05.90', ',{qty},US,USD,'], ['8504.23.00', '{metal},,US,USD,'], ['9401.61.40.11', ',,US,USD,'],
  ['6403.99.90', ',,US,USD,'], ['8507.60.00.90', ',,US,USD,9903.94.06'], ['3926.90.99', ',,US,USD,'], ['8708.29.51.60', '{metal},,US,USD,'],
  ['1201.90.19', ',,CN,CNY,cn-exclusion'], ['0203.29.00', ',,CN,CNY,'], ['2711.11.00', ',,CN,CNY,cn-exclusion'], ['8542.31.90', ',,CN,CNY,'],
];
const DATES = ['2025-01-15', '2025-04-15', '2025-06-01', '2025-09-04', '2025-11-15', '2026-03-01', '2026-05-01'];

/** `spreadDates`: each entry of 50 lines gets its own date, any day of 600 from 2025-01-02 (as a year of entries has),
 * instead of the 7 dates above in turn */
export function writeBill(n: number, out: string, spreadDates = false): void {
  const fd = fs.openSync(out, 'w');
  let buf = 'sku,hts,value,metal_value,quantity,into,currency,claims,date,entry\n';
  let seed = 12345;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < n; i++) {
    const [code, extra] = CODES[Math.floor(rand() * CODES.length)]!;
    const cents = 10000 + Math.floor(rand() * 9_990_000);
    const value = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
    const metal = `${Math.floor(cents / 300)}.00`;
    const qty = String(1 + Math.floor(rand() * 500));
    // one date per entry of 50 lines
    const date = spreadDates ? dayOf(Math.floor(i / 50)) : DATES[Math.floor(i / 50) % DATES.length];
    buf += `S${i},${code},${value},${extra.replace('{metal}', metal).replace('{qty}', qty)},${date},E${Math.floor(i / 50)}\n`;
    if (buf.length > 1 << 20) { fs.writeSync(fd, buf); buf = ''; }
  }
  fs.writeSync(fd, buf);
  fs.closeSync(fd);
}

/** A day of the 600 from 2025-01-02 for an entry, spread by a fixed hash of its number. */
function dayOf(entry: number): string {
  const day = new Date(Date.UTC(2025, 0, 2 + ((entry * 2654435761) >>> 0) % 600));
  return day.toISOString().slice(0, 10);
}

if (process.argv[1]?.endsWith('bench-bill.ts')) writeBill(Number(process.argv[2] ?? 1000), process.argv[3] ?? 'bench.csv');
