/** Exit codes (DESIGN §4). */
export const EXIT = { ok: 0, input: 1, usage: 2, rejected: 3, gate: 4, hangup: 129, interrupted: 130, terminated: 143 } as const;

/** A user error: printed as one message, no stack trace, with its exit code. */
export class UserError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT.input) {
    super(message);
  }
}
