import { searchCn, searchUs } from '../interactive/search.js';
import { loadLedger } from '../rates/load.js';
import { EXIT } from './errors.js';
import { write } from './io.js';
import { parseFormat, parseSide, REPORT_FORMATS, usage } from './options.js';

export interface SearchOptions {
  into?: string;
  format?: string;
}

/** `tariff search WORDS`: the lines of the tariff matching a code prefix or words, as the guided mode offers them. */
export async function runSearch(words: string[], opts: SearchOptions): Promise<number> {
  const into = parseSide(opts.into);
  const format = parseFormat(opts.format, Boolean(process.stdout.isTTY), REPORT_FORMATS);
  const term = words.join(' ').trim();
  if (term.length < 2) usage('tariff search needs a code prefix or words of two letters or more, e.g. tariff search lithium batteries');
  const ledger = loadLedger();
  const found = into === 'US' ? searchUs(ledger, term) : searchCn(ledger, term);
  if (format === 'json' || format === 'ndjson') {
    const items = found.map((c) => ({ code: c.value, name: c.name, ...(c.description ? { path: c.description } : {}) }));
    write(format === 'json' ? JSON.stringify({ schema: 'tariff-impact/search@1', into, query: term, lines: items }, null, 2) + '\n' : items.map((i) => JSON.stringify(i) + '\n').join(''));
  } else write(found.map((c) => c.name + '\n').join(''));
  if (found.length === 0) process.stderr.write(`no line of the ${into === 'US' ? 'HTSUS' : 'Chinese tariff the ledger knows'} matches "${term}": try fewer or other words, or a code prefix\n`);
  return EXIT.ok;
}
