/** A warning as data (JSON's warningDetails): a stable code, the rows it concerns (the first five, and how many more), the text. */
export interface WarningDetail {
  code: string;
  rows?: number[];
  moreRows?: number;
  text: string;
}

/**
 * The stable codes of warnings, first match wins (README "Warnings"). The ledger and the engine write warnings as
 * text; the code is read from the text in this one place, so a script can act on a kind of warning.
 */
const CODES: [string, RegExp][] = [
  ['ledger-stale', /ledger is reviewed through \d{4}-\d\d-\d\d/],
  ['header-unknown-column', /^column ".*" is not (a bill column|read)/],
  ['claim-not-applied', /^claim \S+ not applied/],
  ['time-of-day', /without a time the later rate is used/],
  ['statistical-lines', /give the 10-digit code to price them/],
  ['exclusion-available', /product exclusion/],
  ['hts-leading-zero', /drops the leading zero/],
  ['insurance-assumed', /^insurance not given/],
  ['vat-assumed', /import VAT \S+ assumed/],
  ['entry-mixed-dates', /lines with different dates: the fees of an entry/],
  ['mpf-missing', /^MPF: the ledger has no/],
  ['fee-unconfirmed', /^MPF /],
  ['small-consignment', /^small consignment/],
  ['transport-mode', /^\w+ items: /],
  ['no-rows', /has a header and no rows/],
  ['warnings-dropped', /more warnings not shown/],
  ['explain-not-shown', /^--explain /],
  ['measure-unconfirmed', /not in hand|not (yet )?confirmed|unconfirmed|not re-(checked|seen)|not available|never published/i],
  ['measure-note', /^99\d\d\.\d\d\.\d\d(, 99\d\d\.\d\d\.\d\d)*( and \d+ more)?: /],
  ['line-notice', /^\d{4}(\.\d\d){1,3}(, \d{4}(\.\d\d){1,3})*( and \d+ more)?: /],
];

const ROWS = /^(?:row (\d+)|rows ([\d, ]+?)(?: and ([\d,]+) more)?)(?: \(header\))?: (.*)$/s;

/** A warning line as said ("rows 2, 5 and 3 more: text") as data, with its code. */
export function warningDetail(warning: string): WarningDetail {
  const m = ROWS.exec(warning);
  const text = m ? m[4]! : warning;
  const code = CODES.find(([, re]) => re.test(text))?.[0] ?? 'other';
  if (!m) return { code, text };
  const rows = m[1] ? [Number(m[1])] : m[2]!.split(', ').map(Number);
  return { code, rows, ...(m[3] ? { moreRows: Number(m[3].replace(/,/g, '')) } : {}), text };
}
