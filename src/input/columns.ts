/** The bill's columns (DESIGN §3) and the header names that map to them. */
export const COLUMNS = [
  'hts', 'value', 'currency', 'quantity', 'unit', 'origin', 'into', 'date', 'sku', 'description', 'freight',
  'insurance', 'entry', 'metal_value', 'steel_value', 'aluminum_value', 'copper_value', 'us_content_value', 'loaded_on', 'liquidated_on', 'claims', 'mfn_rate', 'extra_rate', 'vat_rate', 'ct_rate', 'price',
] as const;
export type Column = (typeof COLUMNS)[number];

const ALIASES: Record<string, Column> = {
  hs: 'hts', hscode: 'hts', htscode: 'hts', htsus: 'hts', tariffcode: 'hts', ushtscode: 'hts', htsno: 'hts',
  customsvalue: 'value', valueusd: 'value',
  origincountry: 'origin', countryoforigin: 'origin',
  entrydate: 'date',
  qty: 'quantity',
  aluminiumvalue: 'aluminum_value',
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
}

export function mapHeader(headers: string[]): HeaderMap {
  const map: HeaderMap = { index: {}, passthrough: [], errors: [] };
  const seen = new Map<Column, string>();
  const passed = new Set<string>();
  headers.forEach((name, i) => {
    const column = BY_KEY.get(normalizeHeader(name));
    if (!column) {
      if (passed.has(name)) map.errors.push(`header "${name}" appears twice (column ${i + 1})`);
      else {
        passed.add(name);
        map.passthrough.push({ name, index: i });
      }
      return;
    }
    if (seen.has(column)) {
      map.errors.push(`headers "${seen.get(column)}" and "${name}" (column ${i + 1}) both mean ${column}`);
      return;
    }
    seen.set(column, name);
    map.index[column] = i;
    if (normalizeHeader(name) === 'valueusd') map.impliedCurrency = 'USD';
  });
  for (const required of ['hts', 'value'] as const) {
    if (map.index[required] === undefined) map.errors.push(`missing required column "${required}" (header row: ${headers.join(', ')})`);
  }
  return map;
}
