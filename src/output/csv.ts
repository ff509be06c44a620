const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV cell. Text that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR)
 * is prefixed with a single quote (OWASP CSV injection); computed amounts are never negative, so they are not touched.
 */
export function csvCell(value: string): string {
  const c = value.charCodeAt(0);
  // = + - @ tab CR
  const safe = c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Cells joined as one CSV line (no newline), each as csvCell writes it. `plain` cells (from a line without quotes,
 * so without commas or quotes) are joined as they are unless one starts like a formula or holds a line break.
 */
export function csvCells(cells: string[], plain = false): string {
  if (plain) {
    let ok = true;
    for (let i = 0; i < cells.length && ok; i++) {
      const c = cells[i]!.charCodeAt(0);
      ok = !(c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13);
    }
    const joined = ok ? cells.join(',') : '';
    // a bill whose lines end in CRLF or CR can still hold a bare LF (or CR) in a plain cell: such cells are quoted
    if (ok && joined.indexOf('\n') < 0 && joined.indexOf('\r') < 0) return joined;
  }
  let out = '';
  for (let i = 0; i < cells.length; i++) out += (i > 0 ? ',' : '') + csvCell(cells[i]!);
  return out;
}

export const COMPUTED_COLUMNS = ['hts_code', 'into_side', 'currency_out', 'customs_value', 'duty', 'mpf', 'hmf', 'fees', 'consumption_tax', 'vat', 'taxes', 'landed_cost', 'effective_duty_rate', 'unit_landed_cost', 'margin_before_tariffs', 'margin_after_tariffs', 'target_price', 'duties'];

/** Header: the input columns as given, then the computed ones. */
export function csvHeader(inputHeaders: string[]): string {
  return [...inputHeaders, ...COMPUTED_COLUMNS].map(csvCell).join(',') + '\n';
}
