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

/** a warning about a tariff code or heading: "8471.30.01.00: ..." */
const CODED = /^(\d{4}(?:\.\d\d){1,3}): (.*)$/s;

/** A warning's text and the tariff code or heading it is about ("8471.30.01.00: text"), read once. */
export function warningParts(warning: string): { subject: string | undefined; message: string } {
  const coded = CODED.exec(warning);
  return coded ? { subject: coded[1]!, message: coded[2]! } : { subject: undefined, message: warning };
}

/** Warnings gathered while a bill streams (rows in order): per message, its first rows and how many; memory does not grow with rows. */
export class WarningCollector {
  private readonly byMessage = new Map<string, { rows: number[]; count: number; last?: number; codes: string[]; codeCount: number }>();
  /** warnings whose message came after `limit` different ones: counted, not kept */
  private dropped = 0;

  /** `limit`: the different messages kept (a streamed bill's memory stays bounded) */
  constructor(private readonly limit = 10_000) {}

  add(warning: string): void {
    const { row, message } = parseRowWarning(warning);
    this.addAt(row, message);
  }

  /** A warning about one row (or about none). */
  addAt(row: number | undefined, warning: string): void {
    // "7318.15.80.66: text" and "7606.12.30.96: text": one text about the ledger, said once with its codes
    const { subject, message } = warningParts(warning);
    this.addAbout(row, message, subject);
  }

  /** A warning about one row (or none) and one tariff code or heading (or none), read already (warningParts). */
  addAbout(row: number | undefined, message: string, subject: string | undefined): void {
    let entry = this.byMessage.get(message);
    if (!entry) {
      if (this.byMessage.size >= this.limit) {
        this.dropped++;
        return;
      }
      this.byMessage.set(message, (entry = { rows: [], count: 0, codes: [], codeCount: 0 }));
    }
    if (subject !== undefined && !entry.codes.includes(subject)) {
      entry.codeCount++;
      if (entry.codes.length < 5) entry.codes.push(subject);
    }
    if (row !== undefined && entry.last !== row) {
      entry.last = row;
      entry.count++;
      if (entry.rows.length < 5) entry.rows.push(row);
    }
  }

  summary(): string[] {
    const lines = [...this.byMessage].map(([text, { rows, count, codes, codeCount }]) => {
      const message = codes.length === 0 ? text : `${codes.join(', ')}${codeCount > codes.length ? ` and ${codeCount - codes.length} more` : ''}: ${text}`;
      if (count === 0) return message;
      if (count === 1) return rowWarning(rows[0]!, message);
      return `rows ${rows.join(', ')}${count > rows.length ? ` and ${(count - rows.length).toLocaleString('en-US')} more` : ''}: ${message}`;
    });
    if (this.dropped > 0) lines.push(`${this.dropped.toLocaleString('en-US')} more warnings not shown: only the first ${this.limit.toLocaleString('en-US')} different warnings are kept`);
    return lines;
  }
}
