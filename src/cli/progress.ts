/** Rows done and the rate, on standard error, for long runs on a terminal (never in a pipe, nor with --quiet). */
export class Progress {
  private readonly start = Date.now();
  private last = this.start;
  private shown = false;

  constructor(private readonly enabled: boolean) {}

  tick(rows: number): void {
    if (!this.enabled || (rows & 1023) !== 0) return;
    const now = Date.now();
    if (now - this.last < 500) return;
    this.last = now;
    const rate = Math.round((rows * 1000) / (now - this.start));
    process.stderr.write(`\r${rows.toLocaleString('en-US')} rows, ${rate.toLocaleString('en-US')} rows/s   `);
    this.shown = true;
  }

  done(): void {
    if (this.shown) process.stderr.write('\r\x1b[K');
  }
}
