import { formatCode } from '../core/codes.js';
import type { CnConsumptionTax, CnDefaults, CnTariffLine, Source } from '../core/types.js';
import { citeSources } from '../core/types.js';

interface CnLineEntry { code?: string; prefix?: string; description: string; mfn: string; vat: string; ct?: string; unconfirmed?: string; sources: Source[] }

export interface CnLinesFile {
  edition: string;
  lines: CnLineEntry[];
  prefixes: CnLineEntry[];
  consumptionTax: { sources: Source[]; rules: ({ prefix: string; rate: string; note?: string } | { prefix: string; ask: string })[] };
  smallConsignment?: { dutyAtMost: string; unconfirmed?: string; sources: Source[] };
  defaults: CnDefaults & { sources: Source[] };
}

/** The Chinese lines the ledger knows, by 8- or 10-digit code, then by prefix (e.g. passenger cars 8703). */
export class CnIndex {
  private readonly byCode = new Map<string, CnLineEntry>();

  constructor(private readonly file: CnLinesFile) {
    for (const l of file.lines) this.byCode.set(l.code!, l);
  }

  line(code: string): CnTariffLine | { error: string } {
    const exact = this.byCode.get(code) ?? (code.length === 10 ? this.byCode.get(code.slice(0, 8)) : undefined);
    const entry = exact ?? this.file.prefixes.find((p) => code.startsWith(p.prefix!));
    if (entry) {
      return { code, description: entry.description, mfn: entry.mfn, vat: entry.vat, ...(entry.ct ? { ct: entry.ct } : {}),
        ...(entry.unconfirmed ? { unconfirmed: entry.unconfirmed } : {}), source: citeSources(entry.sources) };
    }
    const longer = this.file.lines.filter((l) => l.code!.startsWith(code));
    if (longer.length > 0) {
      return { error: `${formatCode(code)} is split in the Chinese tariff: give one of ${longer.map((l) => `${l.code} (${l.description}, ${l.mfn})`).join('; ')}` };
    }
    return { error: `the ledger has no Chinese base rate for ${formatCode(code)}: give it in the mfn_rate column (and the import VAT in vat_rate)` };
  }

  all(): { code: string; description: string; mfn: string; vat: string }[] {
    return this.file.lines.map((l) => ({ code: l.code!, description: l.description, mfn: l.mfn, vat: l.vat }));
  }

  consumptionTax(code: string): CnConsumptionTax | undefined {
    const rule = this.file.consumptionTax.rules.filter((r) => code.startsWith(r.prefix)).sort((a, b) => b.prefix.length - a.prefix.length)[0];
    if (!rule) return undefined;
    return 'ask' in rule ? { ask: rule.ask } : { rate: rule.rate, ...(rule.note ? { note: rule.note } : {}) };
  }

  defaults(): CnDefaults {
    const { vat, vatAssumed, insuranceWhenUnknown, insuranceAdded, vatRates } = this.file.defaults;
    return { vat, vatAssumed, insuranceWhenUnknown, insuranceAdded, ...(vatRates ? { vatRates } : {}) };
  }

  smallConsignment(): { dutyAtMost: string; unconfirmed?: string; source: string } | undefined {
    const s = this.file.smallConsignment;
    return s ? { dutyAtMost: s.dutyAtMost, ...(s.unconfirmed ? { unconfirmed: s.unconfirmed } : {}), source: citeSources(s.sources) } : undefined;
  }
}
