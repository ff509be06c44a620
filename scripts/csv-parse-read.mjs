// The yardstick of `npm run bench`: csv-parse reading a bill the usual way, as its users run it (a Node process, a
// file stream piped to the parser, one `data` event per record, records as objects keyed by the header).
import fs from 'node:fs';
import { parse } from 'csv-parse';

let records = 0;
fs.createReadStream(process.argv[2])
  .pipe(parse({ bom: true, columns: true, relax_column_count: true }))
  .on('data', () => { records++; })
  .on('error', (e) => { console.error(e.message); process.exitCode = 1; })
  .on('end', () => { console.log(records); });
