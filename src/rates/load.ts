import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HmfPeriod, LedgerView, Measure, MpfPeriod, Notice, ProductList, Side, Source } from '../core/types.js';
import { HtsIndex, type HtsFile, type HtsRow } from './hts-index.js';
import type { LedgerIssue } from './schema.js';
import { checkCnLines, checkFees, checkLists, checkManifest, checkMeasures, checkRefund } from './validate.js';
import type { RefundRules } from '../core/refund.js';
import { CnIndex, type CnLinesFile } from './cn-index.js';
import { listLookups } from './list-index.js';

/** The ledger shipped with the package. */
export const BUILT_IN_RATES = fileURLToPath(new URL('../../rates/', import.meta.url));

export class LedgerError extends Error {
  constructor(readonly issues: LedgerIssue[]) {
    super(issues.map((i) => `${i.file}: ${i.entry}: ${i.field}: ${i.message}`).join('\n'));
  }
}

interface LedgerManifest {
  edition: string;
  reviewedThrough: Partial<Record<Side, string>>;
  coverage: Partial<Record<Side, string>>;
  files: { US: { hts: string; measures: string; fees: string; refund: string; lists: string[] }; CN: { lines: string; measures: string; lists: string[] } };
}

export interface Ledger extends LedgerView {
  /** how IEEPA duties are refunded (tariff refund) */
  refund: RefundRules & { ruling: Source; cape: RefundRules['cape'] & { sources: Source[] } };
  /** the Chinese lines the ledger has base rates for (for search) */
  cnLines(): { code: string; description: string; mfn: string; vat: string }[];
  dir: string;
  coverage: Partial<Record<Side, string>>;
  /** each side's measures file, as the manifest names it (for messages about a measure) */
  measuresFiles: Record<Side, string>;
  hts: HtsIndex;
  lists: Map<string, ProductList>;
}

function readJson(dir: string, file: string, issues: LedgerIssue[]): unknown {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  } catch (e) {
    issues.push({ file, entry: '(file)', field: '(file)', message: (e as Error).message });
    return undefined;
  }
}

/** Load and validate a ledger directory; throws LedgerError listing every problem. */
export function loadLedger(dir: string = BUILT_IN_RATES): Ledger {
  const issues: LedgerIssue[] = [];
  const manifest = readJson(dir, 'ledger.json', issues) as LedgerManifest | undefined;
  if (!manifest) throw new LedgerError(issues);
  issues.push(...checkManifest('ledger.json', manifest));
  if (issues.length > 0) throw new LedgerError(issues);
  const us = manifest.files.US;
  const cn = manifest.files.CN;
  const lists = new Map<string, ProductList>();
  for (const file of [...us.lists, ...cn.lists]) {
    const doc = readJson(dir, file, issues);
    if (doc === undefined) continue;
    const found = checkLists(file, doc, lists.keys());
    issues.push(...found);
    if (found.length === 0) for (const l of (doc as { lists: ProductList[] }).lists) lists.set(l.id, l);
  }
  const measuresDoc = readJson(dir, us.measures, issues);
  const cnMeasuresDoc = readJson(dir, cn.measures, issues);
  const allPrograms = [measuresDoc, cnMeasuresDoc].flatMap((d) => ((d as { measures?: { program?: string }[] } | undefined)?.measures ?? []).map((m) => m.program));
  if (measuresDoc !== undefined) issues.push(...checkMeasures(us.measures, measuresDoc, new Set(lists.keys()), allPrograms));
  if (cnMeasuresDoc !== undefined) issues.push(...checkMeasures(cn.measures, cnMeasuresDoc, new Set(lists.keys()), allPrograms));
  const cnLinesDoc = readJson(dir, cn.lines, issues);
  if (cnLinesDoc !== undefined) issues.push(...checkCnLines(cn.lines, cnLinesDoc));
  const feesDoc = readJson(dir, us.fees, issues);
  if (feesDoc !== undefined) issues.push(...checkFees(us.fees, feesDoc));
  const htsDoc = readJson(dir, us.hts, issues) as HtsFile | undefined;
  const refundDoc = readJson(dir, us.refund, issues);
  if (refundDoc !== undefined) issues.push(...checkRefund(us.refund, refundDoc));
  if (issues.length > 0 || !htsDoc) throw new LedgerError(issues);
  const cnIndex = new CnIndex(cnLinesDoc as CnLinesFile);

  const hts = new HtsIndex(htsDoc, (file) => {
    const found: LedgerIssue[] = [];
    const chapter = readJson(dir, file, found) as { rows: HtsRow[] } | undefined;
    if (!chapter || !Array.isArray(chapter.rows)) throw new LedgerError(found.length > 0 ? found : [{ file, entry: '(file)', field: 'rows', message: 'expected {"rows": [...]}' }]);
    return chapter.rows;
  });
  const fees = feesDoc as { mpf: MpfPeriod[]; hmf: HmfPeriod[] };
  return {
    dir,
    edition: manifest.edition,
    reviewedThrough: manifest.reviewedThrough,
    coverage: manifest.coverage,
    measuresFiles: { US: us.measures, CN: cn.measures },
    htsEdition: htsDoc.edition,
    measures: [...(measuresDoc as { measures: Measure[] }).measures, ...(cnMeasuresDoc as { measures: Measure[] }).measures],
    notices: [...((measuresDoc as { notices?: Notice[] }).notices ?? []), ...((cnMeasuresDoc as { notices?: Notice[] }).notices ?? [])],
    refund: refundDoc as Ledger['refund'],
    cnLine: (code) => cnIndex.line(code),
    cnLines: () => cnIndex.all(),
    cnConsumptionTax: (code) => cnIndex.consumptionTax(code),
    cnDefaults: cnIndex.defaults(),
    cnSmallConsignment: cnIndex.smallConsignment(),
    mpf: fees.mpf,
    hmf: fees.hmf,
    hts,
    lists,
    tariffLine: (code) => hts.line(code),
    ...listLookups(lists),
  };
}
