/** A defect (an exception that is not a user, bill or ledger error) says so and exits 70, never 1 like bad input. */
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../src/cli/calc.js', () => ({ runCalc: () => { throw new TypeError("Cannot read properties of undefined (reading 'duty')"); } }));

describe('internal error', () => {
  afterEach(() => vi.restoreAllMocks());

  it('exits 70 with a message that names it a defect, without a stack trace', async () => {
    const { main } = await import('../../src/cli/main.js');
    const { EXIT } = await import('../../src/cli/errors.js');
    let said = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => { said += String(s); return true; });
    expect(await main(['node', 'tariff', 'calc', 'examples/bill.csv'])).toBe(70);
    expect(EXIT.internal).toBe(70);
    expect(said).toBe("tariff: internal error (a defect in tariff, not in your input): Cannot read properties of undefined (reading 'duty') (run with --debug for the stack trace)\n");
  });
});
