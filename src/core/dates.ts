/** Dates are ISO strings (YYYY-MM-DD, optionally THH:MM); comparing them as strings orders them. */
export function inPeriod(date: string, from: string | undefined, to: string | undefined): boolean {
  const day = date.slice(0, 10);
  return (from === undefined || day >= from) && (to === undefined || day < to);
}
