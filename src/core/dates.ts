/**
 * Instants are ISO strings: YYYY-MM-DD, or YYYY-MM-DDTHH:MM in the importing side's local time (Eastern for the US,
 * Beijing for China). A measure's `from`/`to` date alone means 00:00 of that day. An entry known only by its date is
 * taken at the end of the day, so a measure that starts at a time on that day already applies (DESIGN §2: "a date
 * without a time on such a transition day uses the new rate", with a warning from timeMatters).
 */
/** The instant a `from`/`to` of the ledger stands for: a date alone is 00:00 of that day. */
export function boundary(instant: string): string {
  return instant.length === 10 ? `${instant}T00:00` : instant;
}

function entryInstant(instant: string): string {
  return instant.length === 10 ? `${instant}T23:59` : instant;
}

/** True when the entry instant is in [from, to). */
export function inPeriod(instant: string, from: string | undefined, to: string | undefined): boolean {
  const at = entryInstant(instant);
  return (from === undefined || at >= boundary(from)) && (to === undefined || at < boundary(to));
}

/** True when `a` is strictly before the boundary `b` (e.g. goods loaded before a cut-off). */
export function before(a: string, b: string): boolean {
  return boundary(a) < boundary(b);
}

/** The boundaries among these that fall at a time of day (not midnight) on the entry's date, when the entry has no time. */
export function timeMatters(instant: string, boundaries: (string | undefined)[]): string[] {
  if (instant.length !== 10) return [];
  return boundaries.filter((b): b is string => b !== undefined && b.length > 10 && b.slice(0, 10) === instant && !b.endsWith('T00:00'));
}

/** Today's date where the program runs (local time), YYYY-MM-DD: the default date of an entry. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
