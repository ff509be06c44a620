import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from './errors.js';

/** what a full, missing or read-only temporary folder answers */
const DISK = new Set(['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ENOTDIR']);

/** the temporary folders of this run not yet removed (removeAllTempFiles empties it on every way out: exit-paths.ts) */
const live = new Set<string>();

/**
 * Do `io` on the temporary files of the priced lines (between the two passes of calc): a temporary folder that is
 * missing, read-only or full is the user's to fix, so it is said as a user error, with what to do.
 */
export function onTempFiles<T>(io: () => T): T {
  try {
    return io();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === undefined || !DISK.has(code)) throw e;
    throw new UserError(`cannot write the priced lines to a temporary file in ${os.tmpdir()}: ${(e as Error).message}. They take about as much room as the output; set TMPDIR to a folder with room for it`);
  }
}

/** A folder of its own in the temporary folder, and a file in it opened for writing. */
export function newTempFile(name: string): { dir: string; file: string; fd: number } {
  const dir = onTempFiles(() => fs.mkdtempSync(path.join(os.tmpdir(), 'tariff-')));
  live.add(dir);
  const file = path.join(dir, name);
  try {
    return { dir, file, fd: onTempFiles(() => fs.openSync(file, 'w')) };
  } catch (e) {
    removeTempDir(dir);
    throw e;
  }
}

/** Remove a folder made by newTempFile (an open file in it goes too: Unix unlinks it at once). */
export function removeTempDir(dir: string): void {
  live.delete(dir);
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Remove every temporary folder of the run still there: synchronous, so it can run in an 'exit' handler. */
export function removeAllTempFiles(): void {
  for (const dir of [...live]) {
    try {
      removeTempDir(dir);
    } catch {
      // a folder that cannot be removed on the way out is not worth a second error
    }
  }
}
