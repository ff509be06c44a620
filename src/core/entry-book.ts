import { StreamSplit } from './allocate-stream.js';
import { cnExemption, mixedDatesWarning } from './bill.js';
import { UsFeeCents } from './fees.js';
import { smallConsignmentCents } from './cn-duties.js';
import { fromCents } from './money.js';
import { MODES, type LedgerView, type Mode, type Side } from './types.js';
import { StringTable } from './string-table.js';
import { SEGMENT, WeightPool } from './weight-pool.js';
import type { Warning } from './warning.js';

/** Where the book says its warnings (the CLI's collector). */
export interface WarningSink {
  add(warning: Warning): void;
}

const SIDES: readonly Side[] = ['US', 'CN'];

/**
 * The entries (declarations) of a streamed bill: an entry is one side and one `entry` value. Each line adds its value
 * and duty in whole cents (8 bytes of weight a line); once the bill is read, each US entry's fees are set and split
 * pro rata by value, and each Chinese declaration's small-consignment exemption is decided.
 *
 * An entry is a number, and what it keeps while the bill streams is held in columns, one place per entry: what its
 * fees need of its first line (date, mode), its duty, its lines' values (the weights of the fee split; their total is
 * the entry's value). A bill of a million lines may have tens of thousands of entries: an object per entry would cost
 * several times as much, and grow the collector's work with the bill.
 */
export class EntryBook {
  private readonly ids: Record<Side, Map<string, number>> = { US: new Map(), CN: new Map() };
  private size = 0;
  private capacity = 256;
  private readonly names: string[] = [];
  private side = new Uint8Array(this.capacity);
  /** the date and mode of the entry's first line (places in `dates` and MODES) */
  private date = new Int32Array(this.capacity);
  private mode = new Uint8Array(this.capacity);
  private readonly dates = new StringTable();
  /** 1 when its lines have different dates */
  private mixed = new Uint8Array(this.capacity);
  /** its lines, and those already given their share (in file order) */
  private count = new Int32Array(this.capacity);
  private done = new Int32Array(this.capacity);
  /** the first and last segments of its weights in the pool */
  private first = new Int32Array(this.capacity);
  private last = new Int32Array(this.capacity);
  private readonly pool = new WeightPool();
  /** its duty and value in cents, whatever their size */
  private readonly duty: bigint[] = [];
  private readonly total: bigint[] = [];
  /** decided once every line is read: a US entry's fees, a Chinese declaration's exemption */
  private readonly mpf: bigint[] = [];
  private readonly hmf: bigint[] = [];
  private readonly exemptions = new Map<number, string>();
  /** the fee splits of the entries between their first and last line in pass two (one at a time for a bill read entry by entry) */
  private readonly splits = new Map<number, { mpf: StreamSplit; hmf: StreamSplit }>();
  /** the entry of the last line added (a bill's lines usually come entry by entry) */
  private lastId = -1;

  id(into: Side, entry: string): number | undefined {
    return this.ids[into].get(entry);
  }

  /** Add a line of entry `entry` of side `into`; returns the entry's id. */
  add(into: Side, entry: string, date: string, mode: Mode, value: bigint, duty: bigint): number {
    let id = this.lastId;
    if (id < 0 || this.names[id] !== entry || SIDES[this.side[id]!] !== into) {
      id = this.ids[into].get(entry) ?? this.open(into, entry, date, mode);
      this.lastId = id;
    }
    this.duty[id]! += duty;
    this.total[id]! += value;
    const n = this.count[id]!;
    if (n % SEGMENT === 0) {
      const s = this.pool.segment(n === 0 ? -1 : this.last[id]!);
      if (n === 0) this.first[id] = s;
      this.last[id] = s;
    }
    this.pool.set(this.last[id]!, n % SEGMENT, value);
    this.count[id] = n + 1;
    if (this.dates.texts[this.date[id]!] !== date) this.mixed[id] = 1;
    return id;
  }

  private open(into: Side, entry: string, date: string, mode: Mode): number {
    const id = this.size++;
    if (id === this.capacity) this.grow();
    this.ids[into].set(entry, id);
    this.names.push(entry);
    this.side[id] = SIDES.indexOf(into);
    this.date[id] = this.dates.id(date);
    this.mode[id] = MODES.indexOf(mode);
    this.duty.push(0n);
    this.total.push(0n);
    return id;
  }

  private grow(): void {
    this.capacity *= 2;
    this.side = grown(this.side, new Uint8Array(this.capacity));
    this.date = grown(this.date, new Int32Array(this.capacity));
    this.mode = grown(this.mode, new Uint8Array(this.capacity));
    this.mixed = grown(this.mixed, new Uint8Array(this.capacity));
    this.count = grown(this.count, new Int32Array(this.capacity));
    this.done = grown(this.done, new Int32Array(this.capacity));
    this.first = grown(this.first, new Int32Array(this.capacity));
    this.last = grown(this.last, new Int32Array(this.capacity));
  }

  /** Set the fees of every US entry and the exemptions of Chinese ones; `feesOf` is told each US entry's fees. */
  settle(ledger: LedgerView, warnings: WarningSink, feesOf?: (mpf: bigint, hmf: bigint) => void): void {
    const mixed: string[] = [];
    for (let id = 0; id < this.size; id++) if (this.mixed[id] && SIDES[this.side[id]!] === 'US') mixed.push(this.names[id]!);
    if (mixed.length > 0) warnings.add(mixedDatesWarning(mixed));
    const most = smallConsignmentCents(ledger);
    for (let id = 0; id < this.size; id++) {
      if (SIDES[this.side[id]!] === 'CN') {
        this.mpf.push(0n);
        this.hmf.push(0n);
        // a declaration over the small-consignment amount is not exempt: only the others are checked in Decimal
        if (!this.mayBeExempt(id, most) || this.duty[id]! <= 0n) continue;
        const found: Warning[] = [];
        const exemption = cnExemption(fromCents(this.duty[id]!), ledger, found);
        found.forEach((w) => warnings.add(w));
        if (exemption) this.exemptions.set(id, exemption);
        continue;
      }
      const rule = this.feeRule(this.date[id]!, this.mode[id]!, ledger, warnings);
      const { mpf, hmf } = rule.fees(this.total[id]!);
      this.mpf.push(mpf);
      this.hmf.push(hmf);
      feesOf?.(mpf, hmf);
    }
  }

  /** The fees of the US entries of a date and mode, read once from the ledger; its warnings are said when first read. */
  private feeRule(date: number, mode: number, ledger: LedgerView, warnings: WarningSink): UsFeeCents {
    const key = date * MODES.length + mode;
    let rule = this.feeRules.get(key);
    if (rule === undefined) {
      rule = new UsFeeCents(this.dates.texts[date]!, MODES[mode]!, ledger);
      rule.warnings.forEach((w) => warnings.add(w));
      this.feeRules.set(key, rule);
    }
    return rule;
  }

  private readonly feeRules = new Map<number, UsFeeCents>();

  /** Whether a Chinese declaration could still turn out exempt: its duty so far is within the small-consignment amount. */
  mayBeExempt(id: number, dutyAtMost: bigint | undefined): boolean {
    return dutyAtMost !== undefined && this.duty[id]! <= dutyAtMost;
  }

  exemption(id: number): string | undefined {
    return this.exemptions.get(id);
  }

  /** The fee shares, in cents, of the entry's next line in file order (nothing for a Chinese declaration). */
  nextFees(id: number): { mpf: bigint; hmf: bigint } {
    const i = this.done[id]!++;
    const n = this.count[id]!;
    // the split is made when it is first needed and dropped after the entry's last line: a bill read entry by entry
    // holds one split at a time
    let split = this.splits.get(id);
    if (split === undefined && SIDES[this.side[id]!] === 'US') {
      const weights = this.pool.gather(this.first[id]!, n);
      split = { mpf: new StreamSplit(this.mpf[id]!, weights, this.total[id]!), hmf: new StreamSplit(this.hmf[id]!, weights, this.total[id]!) };
      if (n > 1) this.splits.set(id, split);
    }
    this.fees.mpf = split?.mpf.share(i) ?? 0n;
    this.fees.hmf = split?.hmf.share(i) ?? 0n;
    if (i === n - 1) this.splits.delete(id);
    return this.fees;
  }

  /** the last shares asked for (one object, reused: a million lines need no million objects) */
  private readonly fees = { mpf: 0n, hmf: 0n };
}

function grown<T extends Uint8Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
