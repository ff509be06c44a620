/**
 * Warnings said once: the same message about many rows becomes one line naming the rows
 * ("... (rows 2, 5, 9 and 1,204 more)").
 */
export function summarizeWarnings(warnings: Iterable<string>): string[] {
  const byMessage = new Map<string, number[]>();
  for (const w of warnings) {
    const m = /^row (\d+): (.*)$/s.exec(w);
    const message = m ? m[2]! : w;
    const rows = byMessage.get(message) ?? [];
    if (m) rows.push(Number(m[1]));
    byMessage.set(message, rows);
  }
  return [...byMessage].map(([message, rows]) => {
    if (rows.length === 0) return message;
    const unique = [...new Set(rows)].sort((a, b) => a - b);
    const shown = unique.slice(0, 5).join(', ');
    return unique.length === 1 ? `row ${shown}: ${message}` : `rows ${shown}${unique.length > 5 ? ` and ${(unique.length - 5).toLocaleString('en-US')} more` : ''}: ${message}`;
  });
}

/** Warnings gathered while a bill streams: per message, its first rows and how many; memory does not grow with rows. */
export class WarningCollector {
  private readonly byMessage = new Map<string, { rows: number[]; count: number; last?: number }>();

  add(warning: string): void {
    const m = /^row (\d+): (.*)$/s.exec(warning);
    this.addAt(m ? Number(m[1]) : undefined, m ? m[2]! : warning);
  }

  /** A warning about one row (or about none). */
  addAt(row: number | undefined, message: string): void {
    let entry = this.byMessage.get(message);
    if (!entry) {
      if (this.byMessage.size >= 10_000) return;
      this.byMessage.set(message, (entry = { rows: [], count: 0 }));
    }
    if (row !== undefined && entry.last !== row) {
      entry.last = row;
      entry.count++;
      if (entry.rows.length < 5) entry.rows.push(row);
    }
  }

  summary(): string[] {
    return [...this.byMessage].map(([message, { rows, count }]) => {
      if (count === 0) return message;
      if (count === 1) return `row ${rows[0]}: ${message}`;
      return `rows ${rows.join(', ')}${count > rows.length ? ` and ${(count - rows.length).toLocaleString('en-US')} more` : ''}: ${message}`;
    });
  }
}
