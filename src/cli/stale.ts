import { printable } from '../core/printable.js';
import { warningText, type Warning } from '../core/warning.js';
export { staleWarnings } from '../core/stale.js';

/** --fail-on-stale: true when the run must fail, after saying why on standard error. */
export function failsOnStale(flag: boolean | undefined, stale: readonly Warning[]): boolean {
  if (!flag || stale.length === 0) return false;
  process.stderr.write(`fail-on-stale: ${printable(stale.map(warningText).join('; '))}\n`);
  return true;
}
