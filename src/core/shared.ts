/**
 * Values that many memoised results repeat (a warning's text, a duty's heading and rate, a formula), each held once:
 * a long bill keeps tens of thousands of plans and resolutions, and V8 does not share equal strings by itself.
 * Bounded: past 100,000 different values it starts afresh (what was shared stays valid).
 */
const texts = new Map<string, string>();
const values = new Map<string, unknown>();

export function shared(text: string): string {
  const known = texts.get(text);
  if (known !== undefined) return known;
  if (texts.size >= 100_000) texts.clear();
  texts.set(text, text);
  return text;
}

/** The value made for this key the first time (values with equal keys must be interchangeable and never changed). */
export function sharedValue<T>(key: string, make: () => T): T {
  let known = values.get(key) as T | undefined;
  if (known === undefined) {
    if (values.size >= 100_000) values.clear();
    values.set(key, (known = make()));
  }
  return known;
}
