// Reading the USITC HTSUS JSON exports in ../shared/data/usitc-hts, in revision order.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parse } from 'csv-parse/sync';

export const SHARED = path.resolve(process.env.TARIFF_SHARED ?? '../shared');
export const DATA = path.join(SHARED, 'data');

export interface HtsRow {
  htsno: string;
  indent: string;
  description: string;
  units: string[] | null;
  general: string | null;
  footnotes: { columns: string[]; value: string }[] | null;
}

export interface Revision {
  /** e.g. "2025_rev_7", "2026_basic" */
  id: string;
  file: string;
  /** date the revision took effect (revision_dates.csv `effective_date`) */
  effective: string;
}

export function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(file, 'utf8'), { columns: true, comment: '#', skip_empty_lines: true }) as Record<string, string>[];
}

/** The revisions of revision_dates.csv that have an export file, oldest first. */
export function revisions(): Revision[] {
  const rows = readCsv(path.join(DATA, 'yale-tariff-tracker/revision_dates.csv'));
  const out: Revision[] = [];
  for (const r of rows) {
    const id = r.revision!.startsWith('2026') ? r.revision! : `2025_${r.revision}`;
    const file = path.join(DATA, 'usitc-hts', `hts_${id}.json.gz`);
    if (fs.existsSync(file)) out.push({ id, file, effective: r.effective_date! });
  }
  return out;
}

export function readRevision(file: string): HtsRow[] {
  return JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8')) as HtsRow[];
}

export function digits(htsno: string): string {
  return htsno.replace(/\./g, '');
}

export function stripTags(text: string): string {
  return text.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
}

export function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 1) + '\n');
}

/** A JSON object whose `rows` array is written one row a line, without indentation: small, quick to parse, readable in a diff. */
export function writeCompactRows(file: string, value: { rows: unknown[] } & Record<string, unknown>): void {
  const { rows, ...head } = value;
  const fields = Object.entries(head).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `{${fields.map((f) => `${f},\n`).join('')}"rows":[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`);
}
