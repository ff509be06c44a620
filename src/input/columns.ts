import { isCurrency } from './iso.js';

/** The bill's columns (DESIGN §3) and the header names that map to them. */
export const COLUMNS = [
  'hts', 'value', 'currency', 'quantity', 'unit', 'origin', 'into', 'date', 'sku', 'description', 'freight',
  'insurance', 'entry', 'metal_value', 'steel_value', 'aluminum_value', 'copper_value', 'us_content_value', 'loaded_on', 'liquidated_on', 'claims', 'mfn_rate', 'extra_rate', 'vat_rate', 'ct_rate', 'price',
] as const;
export type Column = (typeof COLUMNS)[number];

const ALIASES: Record<string, Column> = {
  hs: 'hts', hscode: 'hts', htscode: 'hts', htsus: 'hts', tariffcode: 'hts', ushtscode: 'hts', htsno: 'hts', htsnumber: 'hts', hsno: 'hts', commoditycode: 'hts',
  customsvalue: 'value', amount: 'value', linevalue: 'value', totalvalue: 'value', extendedvalue: 'value', lineamount: 'value', totalamount: 'value',
  origincountry: 'origin', countryoforigin: 'origin', coo: 'origin', madein: 'origin',
  entrydate: 'date',
  qty: 'quantity', quantityshipped: 'quantity',
  uom: 'unit', unitofmeasure: 'unit',
  itemno: 'sku', itemnumber: 'sku', partno: 'sku', partnumber: 'sku', item: 'sku',
  descriptionofgoods: 'description', goodsdescription: 'description', productdescription: 'description',
  aluminiumvalue: 'aluminum_value',
};

/** Headers of real invoices that look like a bill column but are not one: the answer says which header to use. */
const NOT_COLUMNS: Record<string, string> = {
  unitprice: 'the bill takes the line\'s customs value: name that column value (e.g. "Amount USD"); price is the selling price per unit, for margins',
  unitvalue: 'the bill takes the line\'s customs value: name that column value (e.g. "Amount USD")',
  priceperunit: 'the bill takes the line\'s customs value: name that column value; price is the selling price per unit, for margins',
  cif: 'into the US the customs value excludes freight and insurance: give value, freight and insurance as columns',
  weight: 'quantity (with unit kg) is read for specific rates: name the column quantity and add unit',
  netweight: 'quantity (with unit kg) is read for specific rates: name the column quantity and add unit',
  grossweight: 'quantity (with unit kg) is read for specific rates: name the column quantity and add unit',
};

/** Header text -> key: case-insensitive, ignoring _, -, spaces and dots. */
export function normalizeHeader(header: string): string {
  return header.trim().toLowerCase().replace(/[\s_\-.]/g, '');
}

const BY_KEY = new Map<string, Column>([
  ...COLUMNS.map((c) => [normalizeHeader(c), c] as [string, Column]),
  ...Object.entries(ALIASES),
]);

export interface HeaderMap {
  /** column -> index in the record */
  index: Partial<Record<Column, number>>;
  /** headers that are not bill columns, passed through to CSV output */
  passthrough: { name: string; index: number }[];
  /** problems that make the file unusable */
  errors: string[];
  /** "Value USD" names its currency */
  impliedCurrency?: string;
  /** headers that are not read (unknown, or a near miss): each with what to use instead */
  warnings: HeaderWarning[];
}

/** A header not read: its name, its column (1-based) and the answer. */
export interface HeaderWarning {
  header: string;
  column: number;
  text: string;
}

/** "Value USD", "Amount EUR": the value column naming its currency. */
const VALUE_IN = /^(?:value|amount|customsvalue|total|totalvalue)([a-z]{3})$/;

/** Edit distance of two short keys (Damerau-Levenshtein, a swap of two letters counts one), for "did you mean". */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The bill column a mistyped header is nearest to, when it is near enough to be a slip. */
export function nearestColumn(key: string): Column | undefined {
  let best: { column: Column; d: number } | undefined;
  for (const [k, column] of BY_KEY) {
    const d = distance(key, k);
    if (!best || d < best.d) best = { column, d };
  }
  return best && best.d <= Math.max(1, Math.floor(key.length / 4)) ? best.column : undefined;
}

function unknownHeader(name: string, key: string): string {
  if (NOT_COLUMNS[key]) return `column "${name}" is not read: ${NOT_COLUMNS[key]}`;
  const near = nearestColumn(key);
  if (near) return `column "${name}" is not a bill column and is not read: did you mean "${near}"? (it is passed through to CSV output as it is)`;
  return `column "${name}" is not a bill column and is not read (passed through to CSV output); the bill columns are ${COLUMNS.join(', ')}`;
}

export function mapHeader(headers: string[]): HeaderMap {
  const map: HeaderMap = { index: {}, passthrough: [], errors: [], warnings: [] };
  const seen = new Map<Column, string>();
  const passed = new Set<string>();
  headers.forEach((name, i) => {
    const key = normalizeHeader(name);
    const currencyIn = VALUE_IN.exec(key)?.[1]?.toUpperCase();
    const column = BY_KEY.get(key) ?? (currencyIn && isCurrency(currencyIn) ? 'value' : undefined);
    if (!column) {
      if (passed.has(name)) map.errors.push(`header "${name}" appears twice (column ${i + 1})`);
      else {
        passed.add(name);
        map.passthrough.push({ name, index: i });
        if (key !== '') map.warnings.push({ header: name, column: i + 1, text: unknownHeader(name, key) });
      }
      return;
    }
    if (seen.has(column)) {
      map.errors.push(`headers "${seen.get(column)}" and "${name}" (column ${i + 1}) both mean ${column}`);
      return;
    }
    seen.set(column, name);
    map.index[column] = i;
    if (column === 'value' && currencyIn && isCurrency(currencyIn)) map.impliedCurrency = currencyIn;
  });
  for (const required of ['hts', 'value'] as const) {
    if (map.index[required] === undefined) {
      const near = map.warnings.find((w) => nearestColumn(normalizeHeader(w.header)) === required);
      map.errors.push(`missing required column "${required}" (header row: ${headers.join(', ')})${near ? `: did you mean "${near.header}" (column ${near.column})? name it ${required}` : ''}`);
    }
  }
  return map;
}
