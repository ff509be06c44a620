import { parseRowWarning, rowWarning } from '../core/row-warning.js';

/**
 * Warnings said once: the same message about many rows becomes one line naming the rows
 * ("... (rows 2, 5, 9 and 1,204 more)"), each row counted once, the messages in the order they first came.
 */
export function summarizeWarnings(warnings: Iterable<string>): string[] {
  // held in memory already: no limit
  const collector = new WarningCollector(Infinity);
  const parsed = [...warnings].map(parseRowWarning);
  for (const w of parsed) collector.addAt(undefined, w.message);
  // in row order, as a streamed bill gives them
  for (const w of parsed.filter((p) => p.row !== undefined).sort((a, b) => a.row! - b.row!)) collector.addAt(w.row, w.message);
  return collector.summary();
}

/** Warnings gathered while a bill streams (rows in order): per message, its first rows and how many; memory does not grow with rows. */
export class WarningCollector {
  private readonly byMessage = new Map<string, { rows: number[]; count: number; last?: number }>();
  /** warnings whose message came after `limit` different ones: counted, not kept */
  private dropped = 0;

  /** `limit`: the different messages kept (a streamed bill's memory stays bounded) */
  constructor(private readonly limit = 10_000) {}

  add(warning: string): void {
    const { row, message } = parseRowWarning(warning);
    this.addAt(row, message);
  }

  /** A warning about one row (or about none). */
  addAt(row: number | undefined, message: string): void {
    let entry = this.byMessage.get(message);
    if (!entry) {
      if (this.byMessage.size >= this.limit) {
        this.dropped++;
        return;
      }
      this.byMessage.set(message, (entry = { rows: [], count: 0 }));
    }
    if (row !== undefined && entry.last !== row) {
      entry.last = row;
      entry.count++;
      if (entry.rows.length < 5) entry.rows.push(row);
    }
  }

  summary(): string[] {
    const lines = [...this.byMessage].map(([message, { rows, count }]) => {
      if (count === 0) return message;
      if (count === 1) return rowWarning(rows[0]!, message);
      return `rows ${rows.join(', ')}${count > rows.length ? ` and ${(count - rows.length).toLocaleString('en-US')} more` : ''}: ${message}`;
    });
    if (this.dropped > 0) lines.push(`${this.dropped.toLocaleString('en-US')} more warnings not shown: only the first ${this.limit.toLocaleString('en-US')} different warnings are kept`);
    return lines;
  }
}
