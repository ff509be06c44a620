/** Rows done and the rate, on standard error, for long runs on a terminal (never in a pipe, nor with --quiet); then,
 * while the priced lines are written out with their fees, how many of them are written. */
export class Progress {
  private readonly start = Date.now();
  private last = this.start;
  private shown = false;

  constructor(private readonly enabled: boolean) {}

  /** `rows` read so far */
  tick(rows: number): void {
    if (this.due(rows)) this.show(`${rows.toLocaleString('en-US')} rows, ${Math.round((rows * 1000) / (Date.now() - this.start)).toLocaleString('en-US')} rows/s`);
  }

  /** `lines` of `of` written so far */
  writing(lines: number, of: number): void {
    if (this.due(lines)) this.show(`writing: ${lines.toLocaleString('en-US')} of ${of.toLocaleString('en-US')} lines`);
  }

  /** every 1,024 rows at most, every half second at most */
  private due(count: number): boolean {
    if (!this.enabled || (count & 1023) !== 0) return false;
    const now = Date.now();
    if (now - this.last < 500) return false;
    this.last = now;
    return true;
  }

  private show(text: string): void {
    process.stderr.write(`\r${text}\x1b[K`);
    this.shown = true;
  }

  done(): void {
    if (this.shown) process.stderr.write('\r\x1b[K');
  }
}
