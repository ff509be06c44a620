import { EXIT } from './errors.js';
import { removeAllTempFiles } from './temp-files.js';

/** What a failed write says, by its cause (`cannot write output: disk full`). */
const CAUSES: Record<string, string> = {
  ENOSPC: 'disk full',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EIO: 'input/output error',
  EBADF: 'the output is closed',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
};

/** The exit code of each signal that stops a run: 128 + the signal's number, as shells report it. */
const SIGNALS = { SIGHUP: EXIT.hangup, SIGINT: EXIT.interrupted, SIGTERM: EXIT.terminated } as const;

/** An error of a write to standard output or error (not of a file read or a temporary file). */
export function isOutputWriteError(e: unknown): e is NodeJS.ErrnoException {
  const x = e as NodeJS.ErrnoException | undefined;
  return typeof x?.code === 'string' && x.syscall === 'write' && x.path === undefined;
}

/** "cannot write output: disk full" (or the cause the system gave). */
export function writeFailureMessage(e: NodeJS.ErrnoException): string {
  return `cannot write output: ${CAUSES[e.code ?? ''] ?? `${e.code}: ${e.message}`}`;
}

let ending = false;

/** End now: temporary files are removed by the 'exit' handler (process.exit runs it). */
function end(code: number, message?: string): void {
  if (ending) return;
  ending = true;
  if (message !== undefined) {
    try {
      process.stderr.write(message);
    } catch {
      // standard error gone too: the exit code still says it
    }
  }
  process.exit(code);
}

/**
 * Every way a run can end removes its temporary files: a normal end, an error, a signal (SIGINT, SIGTERM, SIGHUP:
 * said on standard error, exit 128 + the signal), a closed pipe on standard output or error (`| head`: quiet, exit 0,
 * what head asked for) and a failed write (exit 1, "cannot write output: disk full").
 */
export function installExitPaths(): void {
  process.on('exit', removeAllTempFiles);
  for (const [signal, code] of Object.entries(SIGNALS)) {
    process.on(signal, () => end(code, `\ninterrupted (${signal}): stopped before the end; any output is incomplete\n`));
  }
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') end(EXIT.ok);
    else end(EXIT.input, `tariff: ${writeFailureMessage(e)}\n`);
  });
  // standard error closed (`2>&1 | head`) or full: nothing more can be said there
  process.stderr.on('error', (e: NodeJS.ErrnoException) => end(e.code === 'EPIPE' ? EXIT.ok : EXIT.input));
}
