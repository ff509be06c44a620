import { printable } from '../core/printable.js';
export { staleWarnings } from '../core/stale.js';

/** --fail-on-stale: true when the run must fail, after saying why on standard error. */
export function failsOnStale(flag: boolean | undefined, stale: string[]): boolean {
  if (!flag || stale.length === 0) return false;
  process.stderr.write(`fail-on-stale: ${printable(stale.join('; '))}\n`);
  return true;
}
