import { formatCode, covers } from './codes.js';
import { inPeriod } from './dates.js';
import { Decimal, roundCents, percentOf, sum } from './money.js';
import { applyRate, parseRate, specificUnit, type Rate } from './rate.js';
import type { BillLine, Duty, Exception, LedgerView, Measure, NotApplied, RowError } from './types.js';

export interface UsDuties {
  hts: string;
  duties: Duty[];
  notApplied: NotApplied[];
  duty: Decimal;
  warnings: string[];
}

function citeSources(m: { sources: { instrument: string; citation: string }[] }): string {
  return m.sources.map((s) => `${s.instrument}; ${s.citation}`).join(' | ');
}

function matchesOrigin(measure: Measure, origin: string): boolean {
  return measure.origins.includes('*') || measure.origins.includes(origin);
}

function inScope(measure: Measure, code: string, date: string, ledger: LedgerView): { yes: boolean; note?: string } {
  const scope = measure.scope;
  if ('all' in scope) return { yes: true };
  if ('codes' in scope) return { yes: scope.codes.some((p) => covers(p, code)) };
  const entry = ledger.listEntry(scope.list, code, date);
  return entry ? { yes: true, note: entry.note } : { yes: false };
}

/** The first exception whose conditions all hold: the claim is made, the code is on the list, the code is under a prefix. */
function exceptionFor(measure: Measure, q: ProductQuery, ledger: LedgerView): Exception | undefined {
  return (measure.except ?? []).find((e) =>
    (e.claim === undefined || q.claims.includes(e.claim)) &&
    (e.list === undefined || ledger.listEntry(e.list, q.code, q.date) !== undefined) &&
    (e.codes === undefined || e.codes.some((p) => covers(p, q.code))));
}

/** The MFN (column 1 general) rate of the line: the user's `mfn_rate`, or the ledger's. */
export function mfnRate(line: Pick<BillLine, 'row' | 'code' | 'mfnRate'>, ledger: LedgerView): { rate: Rate; text: string; source: string; code: string } | RowError {
  const tl = ledger.tariffLine(line.code);
  if ('error' in tl) return { row: line.row, column: 'hts', message: tl.error };
  if (line.mfnRate) return { rate: line.mfnRate, text: line.mfnRate.text, source: 'mfn_rate given in the bill', code: tl.code };
  const rate = parseRate(tl.mfnText);
  const source = `HTSUS column 1 general rate of ${formatCode(tl.mfnFrom)} (${ledger.htsEdition})`;
  if (!rate) {
    return { row: line.row, column: 'mfn_rate', message: `the MFN rate of ${formatCode(tl.mfnFrom)} is "${tl.mfnText}", a form this calculator does not compute; give the line's duty rate in the mfn_rate column (e.g. "5%" or "2.4¢/kg + 3%")` };
  }
  return { rate, text: tl.mfnText, source, code: tl.code };
}

/** What the ledger's additional measures do to a product on a date: the measures that apply, and why others do not. */
export interface MeasureResolution {
  applied: Measure[];
  notApplied: NotApplied[];
  warnings: string[];
}

export interface ProductQuery {
  row?: number;
  code: string;
  origin: string;
  date: string;
  claims: string[];
}

/**
 * The additional measures in force on the date for the origin that reach the code, after exceptions and
 * replacements (stacking rules are data: `except` and `replaces` of each measure).
 * With `explain`, measures in force that do not reach the product are listed in notApplied too.
 */
export function resolveMeasures(q: ProductQuery, ledger: LedgerView, explain = false): MeasureResolution {
  const warnings: string[] = [];
  const notApplied: NotApplied[] = [];
  const candidates: Measure[] = [];
  const hts = formatCode(q.code);
  const where = q.row === undefined ? '' : `row ${q.row}: `;
  for (const measure of ledger.measures) {
    if (measure.side !== 'US' || !inPeriod(q.date, measure.from, measure.to)) continue;
    if (!matchesOrigin(measure, q.origin)) {
      if (explain) notApplied.push({ program: measure.program, heading: measure.heading, reason: `origin ${q.origin} is not covered (${measure.origins.join(', ')})` });
      continue;
    }
    const scope = inScope(measure, q.code, q.date, ledger);
    if (!scope.yes) {
      if ('list' in measure.scope && ledger.listHasUnder(measure.scope.list, q.code, q.date)) {
        warnings.push(`${where}some statistical lines under ${hts} are in the scope of ${measure.heading} (${measure.program}): give the 10-digit code to price them`);
      }
      if (explain) notApplied.push({ program: measure.program, heading: measure.heading, reason: `${hts} is not in its product scope` });
      continue;
    }
    const exception = exceptionFor(measure, q, ledger);
    if (exception) {
      notApplied.push({ program: measure.program, heading: measure.heading, reason: `${exception.reason}; reported under ${exception.heading}` });
      continue;
    }
    if (scope.note) warnings.push(`${where}${measure.heading}: ${scope.note}`);
    if (measure.unconfirmed) warnings.push(`${measure.heading}: ${measure.unconfirmed}`);
    candidates.push(measure);
  }
  for (const notice of ledger.notices) {
    if (notice.side === 'US' && inPeriod(q.date, notice.from, notice.to) && ledger.listEntry(notice.list, q.code, q.date)) {
      warnings.push(`${where}${hts}: ${notice.message}`);
    }
  }
  const applied: Measure[] = [];
  for (const measure of candidates) {
    const by = candidates.find((other) => other !== measure && (other.replaces ?? []).some((p) => measure.heading.startsWith(p)));
    if (by) notApplied.push({ program: measure.program, heading: measure.heading, reason: `replaced by ${by.heading} (${by.program}, ${by.sources[0]?.citation ?? ''})` });
    else applied.push(measure);
  }
  return { applied, notApplied, warnings };
}

/**
 * US duties of one line: MFN plus every additional measure that applies (resolveMeasures), each on the
 * customs value and rounded to the cent, half up; additional duties never compound.
 */
export function computeUsDuties(line: BillLine, ledger: LedgerView, explain = false): UsDuties | RowError {
  const mfn = mfnRate(line, ledger);
  if ('row' in mfn) return mfn;
  const unit = specificUnit(mfn.rate);
  if (unit && line.quantity === undefined) {
    return { row: line.row, column: 'quantity', message: `the MFN rate "${mfn.text}" has a specific part: give the quantity in ${unit}` };
  }
  if (unit && line.unit !== undefined && line.unit !== unit) {
    return { row: line.row, column: 'unit', message: `the MFN rate "${mfn.text}" is per ${unit}, but the line's quantity is in ${line.unit}` };
  }
  // the code as the HTSUS prints it (an 8-digit code printed only as its one statistical line takes that line)
  const code = mfn.code;
  const hts = formatCode(code);
  const duties: Duty[] = [{
    program: 'MFN', heading: hts, rate: mfn.text, base: line.value,
    amount: roundCents(applyRate(mfn.rate, line.value, line.quantity)), source: mfn.source,
  }];
  const resolved = resolveMeasures({ ...line, code }, ledger, explain);
  for (const measure of resolved.applied) {
    duties.push({
      program: measure.program, heading: measure.heading, rate: measure.rate, base: line.value,
      amount: roundCents(applyRate(parseRate(measure.rate)!, line.value, undefined)), source: citeSources(measure),
      ...(measure.refundable ? { refundable: measure.refundable } : {}),
    });
  }
  if (line.extraRate !== undefined) {
    duties.push({
      program: 'Additional (user)', heading: 'extra_rate', rate: `${line.extraRate.toString()}%`, base: line.value,
      amount: roundCents(percentOf(line.extraRate, line.value)), source: 'extra_rate given in the bill (e.g. antidumping or countervailing duty)',
    });
  }
  return { hts, duties, notApplied: resolved.notApplied, duty: sum(duties.map((d) => d.amount)), warnings: resolved.warnings };
}
