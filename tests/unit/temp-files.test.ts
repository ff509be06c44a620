import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/cli/errors.js';
import { onTempFiles } from '../../src/cli/temp-files.js';

const failing = (code: string) => () => {
  throw Object.assign(new Error(`${code}: failed, write`), { code });
};

describe('onTempFiles', () => {
  it('says a full or read-only temporary folder as a user error, with what to do', () => {
    for (const code of ['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES']) {
      expect(() => onTempFiles(failing(code))).toThrow(UserError);
      expect(() => onTempFiles(failing(code))).toThrow(new RegExp(`${code}: failed, write\\. They take about as much room as the output; set TMPDIR`));
    }
  });
  it('leaves other errors as they are, and returns what the work returns', () => {
    expect(() => onTempFiles(failing('EBADF'))).toThrow(/^EBADF: failed, write$/);
    expect(() => onTempFiles(failing('EBADF'))).not.toThrow(UserError);
    expect(onTempFiles(() => 42)).toBe(42);
  });
});
