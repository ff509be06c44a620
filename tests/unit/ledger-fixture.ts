// A small ledger built in the test, for worked examples stated with their own parameters.
import type { LedgerView, Measure } from '../../src/core/types.js';
import fees from '../../rates/us/fees.json' with { type: 'json' };
import type { HmfPeriod, MpfPeriod } from '../../src/core/types.js';

const SOURCE = [{ instrument: 'test', citation: 'test', url: 'https://example.test' }];

export function measure(id: string, program: string, heading: string, rate: string, extra: Partial<Measure> = {}): Measure {
  return { id, side: 'US', program, heading, rate, origins: ['CN'], scope: { all: true }, from: '2025-01-01', sources: SOURCE, ...extra };
}

/** Every code has the given MFN rate; lists are given as id -> code prefixes. */
export function fixtureLedger(mfn: string, measures: Measure[], lists: Record<string, string[]> = {}): LedgerView {
  return {
    edition: 'test', reviewedThrough: { US: '2026-07-23' }, htsEdition: 'test HTS', measures, notices: [],
    mpf: fees.mpf as MpfPeriod[], hmf: fees.hmf as HmfPeriod[],
    tariffLine: (code) => ({ code, description: 'test line', units: 'No.', mfnText: mfn, mfnFrom: code }),
    listEntry: (id, code) => (lists[id]?.some((p) => code.startsWith(p)) ? { code } : undefined),
    listHasUnder: () => false,
    listDates: () => [],
    cnLine: () => ({ error: 'no Chinese lines in the fixture' }),
    cnConsumptionTax: () => undefined,
    cnDefaults: { vat: '13%', vatAssumed: 'the general rate of the fixture', insuranceWhenUnknown: '0.3%', insuranceAdded: 'as the fixture says' },
  };
}
