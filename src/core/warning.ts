/** The stable codes of warnings (README "Output"): a script acts on a kind of warning by its code. */
export const WARNING_CODES = [
  'ledger-stale', 'measure-unconfirmed', 'measure-note', 'line-notice', 'claim-not-applied', 'exclusion-available',
  'statistical-lines', 'time-of-day', 'hts-leading-zero', 'header-unknown-column', 'column-renamed', 'insurance-assumed',
  'vat-assumed', 'vat-rate-check', 'rate-unknown', 'priced-as-lines', 'entry-mixed-dates', 'mpf-missing', 'fee-unconfirmed',
  'small-consignment', 'transport-mode', 'no-rows', 'warnings-dropped', 'explain-not-shown',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

/** A warning as it is made: its kind, the row it is about (or none; `header`: the bill's header row), the tariff code or
 * heading it is about (warnings of one text are said once, with their codes), and the text. */
export interface Warning {
  code: WarningCode;
  text: string;
  row?: number;
  header?: true;
  subject?: string;
}

export function warning(code: WarningCode, text: string, about: { row?: number; subject?: string } = {}): Warning {
  return { code, text, ...(about.row !== undefined ? { row: about.row } : {}), ...(about.subject !== undefined ? { subject: about.subject } : {}) };
}

/** The same warning about another row (a plan's warnings are said for each of its lines). */
export function onRow(w: Warning, row: number): Warning {
  return w.row === row ? w : { ...w, row };
}

/** A warning as one line of text: "row 5: 8542.31.90: text". */
export function warningText(w: Warning): string {
  const row = w.header ? 'row 1 (header): ' : w.row !== undefined ? `row ${w.row}: ` : '';
  return `${row}${w.subject !== undefined ? `${w.subject}: ` : ''}${w.text}`;
}

export function sameWarning(a: Warning, b: Warning): boolean {
  return a.code === b.code && a.text === b.text && a.row === b.row && a.subject === b.subject && a.header === b.header;
}

export function sameWarnings(a: readonly Warning[], b: readonly Warning[]): boolean {
  return a.length === b.length && a.every((w, i) => sameWarning(w, b[i]!));
}

/** Warnings without repeats, in the order they first came. */
export function distinctWarnings(warnings: Iterable<Warning>): Warning[] {
  const seen = new Map<string, Warning>();
  for (const w of warnings) {
    const key = `${w.code}\u0000${warningText(w)}`;
    if (!seen.has(key)) seen.set(key, w);
  }
  return [...seen.values()];
}
