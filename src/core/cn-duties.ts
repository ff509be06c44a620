import { allocateCents } from './allocate.js';
import { formatCode } from './codes.js';
import { before } from './dates.js';
import { onRow, warning, type Warning } from './warning.js';
import { Decimal, ZERO, percentOf, roundCents, sum } from './money.js';
import { parseRate } from './rate.js';
import type { BillLine, Duty, LedgerView, NotApplied, RejectedClaim, RowError } from './types.js';
import { citeSources } from './types.js';
import { claimWarning, leadingZeroWarning, resolveMeasures, withLeadingZero } from './us-duties.js';

export interface CnLine {
  hts: string;
  customsValue: Decimal;
  duties: Duty[];
  notApplied: NotApplied[];
  rejectedClaims: RejectedClaim[];
  duty: Decimal;
  consumptionTax: Decimal;
  vat: Decimal;
  /** what the line would cost with the base rate alone: value, MFN duty, and the taxes on those (for margins) */
  beforeTariffs: Decimal;
  warnings: Warning[];
  /** the rates the amounts come from, for the integer-cent path (src/core/line-plan.ts): each duty layer's percent,
   * the base rate's, the consumption tax's and the VAT's */
  rates: { layers: Decimal[]; base: Decimal; consumptionTax?: Decimal; vat: Decimal };
  valueDependent?: boolean;
}

/**
 * Chinese duty and import taxes of one line (DESIGN §6, CN), in CNY:
 * customs value = CIF (Tariff Law Art. 24), rounded to the fen; duty = value × (base rate + every additional layer),
 * rounded once and shown per layer so the layers add up to it; consumption tax = (value + duty) / (1 − CT) × CT;
 * VAT = (value + duty + CT) × VAT (VAT Law Art. 14). Each amount is rounded to 0.01 CNY and later bases use the
 * rounded amounts. With `dutyExempt` (a small consignment) only the layers no relief reduces are due, and no tax.
 */
export function computeCnDuties(line: BillLine, ledger: LedgerView, explain = false, dutyExempt?: string): CnLine | RowError {
  // the same line asked again at once (priced, then made a plan of: line-plan.ts) is not computed twice
  const plain = !explain && dutyExempt === undefined;
  if (plain && last?.line === line && last.ledger === ledger) return last.result;
  const result = cnDutiesOf(line, ledger, explain, dutyExempt);
  if (plain) last = { line, ledger, result };
  return result;
}

let last: { line: BillLine; ledger: LedgerView; result: CnLine | RowError } | undefined;

function cnDutiesOf(line: BillLine, ledger: LedgerView, explain: boolean, dutyExempt: string | undefined): CnLine | RowError {
  const warnings: Warning[] = [];
  const found = withLeadingZero(line.code, (c) => ledger.cnLine(c));
  if (found.repaired) {
    warnings.push(leadingZeroWarning(line, found.repaired));
    line = { ...line, code: found.repaired };
  }
  const tl = found.result;
  if ('error' in tl && !line.mfnRate) return { row: line.row, column: 'hts', message: tl.error };
  const known = 'error' in tl ? undefined : tl;
  if (known?.unconfirmed) warnings.push(warning('measure-unconfirmed', known.unconfirmed, { row: line.row, subject: formatCode(line.code) }));
  const mfn = line.mfnRate ?? parseRate(known!.mfn)!;
  if (mfn.specific.length > 0) return { row: line.row, column: 'mfn_rate', message: `"${mfn.text}": only ad valorem rates are computed for China` };

  let insurance = line.insurance;
  if (line.freight !== undefined && insurance === undefined) {
    // insurance unknown: a share of price and freight, from the ledger
    const share = parseRate(ledger.cnDefaults.insuranceWhenUnknown)!.adValorem;
    insurance = roundCents(percentOf(share, line.value.plus(line.freight)));
    warnings.push(warning('insurance-assumed', `insurance not given: ${share.times(10).toString()}‰ of price and freight (${insurance.toFixed(2)} CNY) is added, ${ledger.cnDefaults.insuranceAdded}`, { row: line.row }));
  }
  const customsValue = roundCents(line.value.plus(line.freight ?? ZERO).plus(insurance ?? ZERO));

  const resolved = resolveMeasures({ ...line, side: 'CN', mfnAdValorem: mfn.adValorem }, ledger, explain);
  if (resolved.error) return { ...resolved.error, row: line.row };
  const hts = formatCode(line.code);
  // `kept`: a duty no relief reduces (the 2025 announcements: "此次加征的关税不予减免"), due even in a small consignment
  const layers = [
    { program: 'MFN', heading: hts, rate: mfn.text, percent: mfn.adValorem, source: line.mfnRate ? 'mfn_rate given in the bill' : known!.source, kept: undefined as string | undefined },
    ...resolved.applied.map((a) => ({ program: a.measure.program, heading: a.heading, rate: a.rate, percent: a.percent, source: citeSources(a.measure.sources), kept: a.measure.noRelief })),
    ...(line.extraRate !== undefined ? [{ program: 'Additional (user)', heading: 'extra_rate', rate: `${line.extraRate.toString()}%`, percent: line.extraRate, source: 'extra_rate given in the bill', kept: 'extra_rate given in the bill: a layer the ledger does not know is not taken to be relieved' }] : []),
  ];
  const totalPercent = sum(layers.map((l) => l.percent));
  // a small consignment (dutyExempt): the ordinary duty is waived; what no relief reduces is still due on the customs value
  const duePercent = dutyExempt ? sum(layers.filter((l) => l.kept).map((l) => l.percent)) : totalPercent;
  const duty = roundCents(percentOf(duePercent, customsValue));
  const parts = allocateCents(duty, layers.map((l) => (dutyExempt && !l.kept ? ZERO : l.percent)));
  const duties: Duty[] = layers.map((l, i) => ({ program: l.program, heading: l.heading, rate: l.rate, base: customsValue, amount: parts[i]!, source: l.source,
    ...(dutyExempt ? { basis: l.kept ? `due in a small consignment: ${l.kept}` : dutyExempt } : {}) }));
  // (the ledger's small-consignment warning says what stays due; each duty's basis names the text that keeps it)

  let ctPercent = line.ctRate;
  if (ctPercent === undefined && known?.ct) ctPercent = parseRate(known.ct)!.adValorem;
  if (ctPercent === undefined) {
    // only the lines the consumption tax schedule names pay it: the ledger's rules say which (a rule by prefix)
    const rule = ledger.cnConsumptionTax(line.code);
    if (rule && 'ask' in rule) return { row: line.row, column: 'ct_rate', message: `${rule.ask}: give the rate in the ct_rate column` };
    if (rule) ctPercent = parseRate(rule.rate)!.adValorem;
  }
  const hundred = new Decimal(100);
  const ctOn = (dutyAmount: Decimal) => (ctPercent === undefined || ctPercent.isZero() ? ZERO
    : roundCents(customsValue.plus(dutyAmount).dividedBy(hundred.minus(ctPercent).dividedBy(hundred)).times(ctPercent).dividedBy(hundred)));
  const consumptionTax = dutyExempt ? ZERO : ctOn(duty);

  let vatPercent = line.vatRate;
  if (vatPercent !== undefined) {
    const law = ledger.cnDefaults.vatRates;
    if (law && !before(line.date, law.from) && !law.rates.some((r) => parseRate(r)!.adValorem.equals(vatPercent!))) {
      warnings.push(warning('vat-rate-check', `vat_rate ${vatPercent.toString()}% is not a rate of ${law.law} (${law.rates.join(' or ')} from ${law.from}): check it`, { row: line.row, subject: hts }));
    }
  }
  if (vatPercent === undefined && known) vatPercent = parseRate(known.vat)!.adValorem;
  if (vatPercent === undefined) {
    vatPercent = parseRate(ledger.cnDefaults.vat)!.adValorem;
    warnings.push(warning('vat-assumed', `import VAT ${ledger.cnDefaults.vat} assumed: ${ledger.cnDefaults.vatAssumed}`, { row: line.row, subject: hts }));
  }
  const vat = dutyExempt ? ZERO : roundCents(percentOf(vatPercent, customsValue.plus(duty).plus(consumptionTax)));
  const baseDuty = dutyExempt ? ZERO : roundCents(percentOf(mfn.adValorem, customsValue));
  const baseCt = dutyExempt ? ZERO : ctOn(baseDuty);
  const beforeTariffs = customsValue.plus(baseDuty).plus(baseCt).plus(dutyExempt ? ZERO : roundCents(percentOf(vatPercent, customsValue.plus(baseDuty).plus(baseCt))));
  const rejectedClaims = resolved.rejectedClaims;
  // the ledger's warnings about a measure are about this line: said once per line, and on every line they touch
  warnings.push(...resolved.warnings.map((w) => onRow(w, line.row)), ...rejectedClaims.map((c) => claimWarning(line.row, c)));
  return { hts, customsValue, duties, notApplied: resolved.notApplied, rejectedClaims, duty, consumptionTax, vat, beforeTariffs, warnings,
    rates: { layers: layers.map((l) => l.percent), base: mfn.adValorem, ...(ctPercent !== undefined ? { consumptionTax: ctPercent } : {}), vat: vatPercent },
    ...(resolved.valueDependent ? { valueDependent: true } : {}) };
}

/**
 * The small-consignment exemption of Tariff Law Art. 32(1): one consignment (一票) within the amount the State Council
 * sets is free of duty; the ledger says which amount (and that it is unconfirmed). The test is on the declaration's duty;
 * an exempt declaration is priced again by computeCnDuties with the exemption: the ordinary duty and the import taxes are
 * waived, the layers marked `noRelief` (第1号 三, 第2号 三, 第4号 二: "此次加征的关税不予减免") are still due.
 */
export function smallConsignment(entryDuty: Decimal, dutyAtMost: string | undefined): boolean {
  return dutyAtMost !== undefined && entryDuty.greaterThan(0) && entryDuty.lessThanOrEqualTo(dutyAtMost);
}

/** The small-consignment amount in whole cents, rounded up: a declaration whose duty passes it is not exempt (a streamed
 * bill checks its declarations with smallConsignment only at or below it). */
export function smallConsignmentCents(ledger: LedgerView): bigint | undefined {
  const rule = ledger.cnSmallConsignment;
  return rule && BigInt(new Decimal(rule.dutyAtMost).times(100).ceil().toFixed(0));
}
