import { CentWeights, WeightPool, type StreamSplit } from '../core/allocate-stream.js';
import { cnExemption, entryFees, mixedDatesWarning } from '../core/bill.js';
import { fromCents, toCents } from '../core/money.js';
import type { LedgerView, Mode, Side } from '../core/types.js';
import type { WarningCollector } from './warnings.js';

/** What an entry keeps while the bill streams: what its fees need of its first line (date, mode), its duty, its lines'
 * values as the weights of the fee split (their total is the entry's value). */
interface EntryState {
  date: string;
  mode: Mode;
  into: Side;
  entry: string;
  duty: bigint;
  /** dropped once the entry's last line has its share */
  weights: CentWeights | undefined;
  mixedDates: boolean;
  /** decided once every line is read; split when the entry's first line asks for its share */
  mpfCents: bigint | undefined;
  hmfCents: bigint | undefined;
  mpf: StreamSplit | undefined;
  hmf: StreamSplit | undefined;
  exemption: string | undefined;
  /** lines already given their share, in file order */
  done: number;
}

/**
 * The entries (declarations) of a streamed bill: an entry is one side and one `entry` value. Each line adds its value
 * and duty in whole cents (8 bytes of weight a line); once the bill is read, each US entry's fees are set and split
 * pro rata by value, and each Chinese declaration's small-consignment exemption is decided.
 */
export class EntryBook {
  private readonly ids: Record<Side, Map<string, number>> = { US: new Map(), CN: new Map() };
  private readonly entries: EntryState[] = [];
  /** the weights of every entry */
  private readonly pool = new WeightPool();
  /** the entry of the last line added (a bill's lines usually come entry by entry) */
  private last: EntryState | undefined;
  private lastId = 0;

  id(into: Side, entry: string): number | undefined {
    return this.ids[into].get(entry);
  }

  /** Add a line of entry `entry` of side `into`; returns the entry's id. */
  add(into: Side, entry: string, date: string, mode: Mode, value: bigint, duty: bigint): number {
    let e = this.last;
    let id = this.lastId;
    if (e === undefined || e.entry !== entry || e.into !== into) {
      const known = this.ids[into].get(entry);
      if (known === undefined) {
        id = this.entries.length;
        this.ids[into].set(entry, id);
        this.entries.push({ date, mode, into, entry, duty: 0n, weights: new CentWeights(this.pool), mixedDates: false, mpfCents: undefined, hmfCents: undefined,
          mpf: undefined, hmf: undefined, exemption: undefined, done: 0 });
      } else id = known;
      e = this.entries[id]!;
      this.last = e;
      this.lastId = id;
    }
    e.duty += duty;
    e.weights!.push(value);
    if (date !== e.date) e.mixedDates = true;
    return id;
  }

  /** Set the fees of every US entry and the exemptions of Chinese ones; `feesOf` is told each US entry's fees. */
  settle(ledger: LedgerView, warnings: WarningCollector, feesOf?: (mpf: bigint, hmf: bigint) => void): void {
    const mixed = this.entries.filter((e) => e.mixedDates && e.into === 'US').map((e) => e.entry);
    if (mixed.length > 0) warnings.add(mixedDatesWarning(mixed));
    for (const entry of this.entries) {
      if (entry.into === 'CN') {
        const found: string[] = [];
        entry.exemption = cnExemption(fromCents(entry.duty), ledger, found);
        found.forEach((w) => warnings.add(w));
        continue;
      }
      const fees = entryFees(entry, fromCents(entry.weights!.total), ledger);
      fees.warnings.forEach((w) => warnings.add(w));
      entry.mpfCents = toCents(fees.mpf);
      entry.hmfCents = toCents(fees.hmf);
      feesOf?.(entry.mpfCents, entry.hmfCents);
    }
  }

  /** Whether a Chinese declaration could still turn out exempt: its duty so far is within the small-consignment amount. */
  mayBeExempt(id: number, dutyAtMost: bigint | undefined): boolean {
    return dutyAtMost !== undefined && this.entries[id]!.duty <= dutyAtMost;
  }

  exemption(id: number): string | undefined {
    return this.entries[id]!.exemption;
  }

  /** The fee shares, in cents, of the entry's next line in file order (nothing for a Chinese declaration), in `fees`. */
  nextFees(id: number): { mpf: bigint; hmf: bigint } {
    const e = this.entries[id]!;
    const i = e.done++;
    // the split is made when it is first needed and dropped with the weights after the entry's last line: a bill read
    // entry by entry holds one split at a time
    if (i === 0 && e.mpfCents !== undefined) {
      e.mpf = e.weights!.split(e.mpfCents);
      e.hmf = e.weights!.split(e.hmfCents!);
    }
    this.fees.mpf = e.mpf?.share(i) ?? 0n;
    this.fees.hmf = e.hmf?.share(i) ?? 0n;
    if (e.done === e.weights?.count) {
      e.mpf = undefined;
      e.hmf = undefined;
      e.weights = undefined;
    }
    return this.fees;
  }

  /** the last shares asked for (one object, reused: a million lines need no million objects) */
  private readonly fees = { mpf: 0n, hmf: 0n };
}
