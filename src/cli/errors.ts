/**
 * Exit codes (DESIGN §4, README "Exit codes"). When several conditions hold at once the first of this order wins,
 * and each one is said on standard error: input error 1 > rows rejected 3 > stale ledger 5 > gate 4. An internal error
 * (a defect in tariff, never the user's input) exits 70, EX_SOFTWARE of sysexits.h.
 */
export const EXIT = { ok: 0, input: 1, usage: 2, rejected: 3, gate: 4, stale: 5, internal: 70, hangup: 129, interrupted: 130, terminated: 143 } as const;

/** A user error: printed as one message, no stack trace, with its exit code. */
export class UserError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT.input) {
    super(message);
  }
}

/** The exit code of a run from the conditions that hold, by the documented precedence (1 > 3 > 5 > 4). */
export function exitFor(c: { input?: boolean; rejected?: boolean; stale?: boolean; gate?: boolean }): number {
  if (c.input) return EXIT.input;
  if (c.rejected) return EXIT.rejected;
  if (c.stale) return EXIT.stale;
  if (c.gate) return EXIT.gate;
  return EXIT.ok;
}
