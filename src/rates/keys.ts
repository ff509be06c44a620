/**
 * The keys each kind of ledger or scenario entry may have: a key not listed is an error naming it (a typo such as
 * `form` for `from` would otherwise be ignored and change what is priced). Adding a field to the ledger is one word here.
 */
export const KNOWN_KEYS = {
  manifest: ['edition', 'reviewedThrough', 'coverage', 'files'],
  manifestFiles: ['hts', 'measures', 'fees', 'lists', 'refund', 'lines'],
  measuresFile: ['note', 'measures', 'notices'],
  measure: ['id', 'side', 'program', 'heading', 'rate', 'origins', 'scope', 'except', 'from', 'to', 'refundable', 'inTransit', 'sources',
    'usContent', 'replaces', 'requiresClaim', 'unconfirmed', 'confidence', 'base', 'metal', 'fullValueChapters', 'floor', 'modes', 'replacesAll',
    'noRelief'],
  scope: ['all', 'list', 'codes'],
  except: ['heading', 'codes', 'reason', 'whenApplied', 'claim', 'list', 'remainder', 'unconfirmed', 'from', 'to'],
  inTransit: ['heading', 'loadedBefore', 'enteredBefore', 'reason', 'modes', 'unconfirmed', 'rate'],
  usContent: ['heading', 'minShare'],
  source: ['instrument', 'citation', 'url'],
  notice: ['id', 'side', 'list', 'unlessList', 'from', 'to', 'message', 'warning', 'sources'],
  listsFile: ['note', 'lists'],
  list: ['id', 'title', 'sources', 'entries', 'note'],
  listEntry: ['code', 'from', 'to', 'note'],
  feesFile: ['note', 'mpf', 'hmf'],
  mpf: ['id', 'label', 'from', 'to', 'rate', 'min', 'max', 'informal', 'informalBelow', 'modes', 'otherModes', 'sources', 'unconfirmed', 'confidence'],
  hmf: ['id', 'from', 'to', 'rate', 'modes', 'sources', 'unconfirmed', 'confidence'],
  scenario: ['scenario', 'description', 'remove', 'change', 'add', 'lists', 'removeNotices', 'notices', 'cnLines'],
  /** a Chinese line a scenario brings (tariff rates import-cn) */
  cnLine: ['code', 'description', 'mfn', 'vat', 'ct', 'sources'],
  change: ['id', 'from', 'set'],
  /** what a scenario's change may set on a measure */
  changeSet: ['rate', 'from', 'to', 'origins', 'scope', 'except', 'replaces', 'unconfirmed', 'heading', 'program', 'confidence'],
} as const satisfies Record<string, readonly string[]>;

export type EntryKind = keyof typeof KNOWN_KEYS;
