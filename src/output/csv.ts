const NEEDS_QUOTES = /[",\r\n]/;

/** A number as a spreadsheet reads it (-142.88, +1, 1.5e3): data, never a formula, whatever its sign. */
const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** Text a spreadsheet would run as a formula: it starts with =, +, -, @, tab or CR (OWASP CSV injection) and is not a number. */
function runsAsFormula(value: string): boolean {
  const c = value.charCodeAt(0);
  if (c === 61 || c === 64 || c === 9 || c === 13) return true; // = @ tab CR
  return (c === 43 || c === 45) && !NUMBER.test(value); // + -
}

/**
 * One CSV cell. Text that a spreadsheet would run as a formula is prefixed with a single quote; a number (a negative
 * margin, -5 in a column of yours) is left a number.
 */
export function csvCell(value: string): string {
  const safe = runsAsFormula(value) ? `'${value}` : value;
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
      ok = !(c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13) || !runsAsFormula(cells[i]!);
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

const key = (name: string) => name.trim().toLowerCase().replace(/[\s_\-.]/g, '');
const COMPUTED_KEYS = new Set(COMPUTED_COLUMNS.map(key));

/** The input columns as they are written: one named like a computed column (`duty`, `Landed Cost`, a priced CSV
 * read again) becomes `input_duty`, so no name is written twice; `renamed` lists the changes. */
export function outputInputHeaders(inputHeaders: string[]): { headers: string[]; renamed: [string, string][] } {
  const taken = new Set(inputHeaders.map(key));
  const renamed: [string, string][] = [];
  const headers = inputHeaders.map((h) => {
    if (!COMPUTED_KEYS.has(key(h))) return h;
    let name = `input_${h.trim()}`;
    while (taken.has(key(name)) || COMPUTED_KEYS.has(key(name))) name = `input_${name}`;
    taken.add(key(name));
    renamed.push([h, name]);
    return name;
  });
  return { headers, renamed };
}

/** Header: the input columns as given (renamed where they collide with a computed one), then the computed ones. */
export function csvHeader(inputHeaders: string[]): string {
  return [...outputInputHeaders(inputHeaders).headers, ...COMPUTED_COLUMNS].map(csvCell).join(',') + '\n';
}
