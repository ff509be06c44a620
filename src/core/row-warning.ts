const ROW = /^row (\d+): (.*)$/s;

/** A warning about one row is written "row N: message"; this reads it back (row undefined: a warning about none). */
export function parseRowWarning(warning: string): { row: number | undefined; message: string } {
  const m = ROW.exec(warning);
  return m ? { row: Number(m[1]), message: m[2]! } : { row: undefined, message: warning };
}

/** A warning about one row, as the engine writes it. */
export function rowWarning(row: number, message: string): string {
  return `row ${row}: ${message}`;
}
