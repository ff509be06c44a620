import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from './errors.js';

/** what a full, missing or read-only temporary folder answers */
const DISK = new Set(['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ENOTDIR']);

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
  const file = path.join(dir, name);
  try {
    return { dir, file, fd: onTempFiles(() => fs.openSync(file, 'w')) };
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
