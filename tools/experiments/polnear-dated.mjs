// PolNeAR articles as a small crawl for `hearsay summarize`: each text analysed with the date its
// file name carries (as `--date` would give it) and, since the plain texts name no outlet, the
// outlet from the file name's first part. Writes JSON lines to standard output.
//   npm run build && node tools/experiments/polnear-dated.mjs [../shared/polnear/dev/text] > dev.jsonl
//   node bin/hearsay summarize dev.jsonl --by outlet
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../dist/analyze.js';

const dir = process.argv[2] ?? '../shared/polnear/dev/text';
for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
  const date = /_(\d{4}-\d{2}-\d{2})_/.exec(f)?.[1];
  const doc = analyze(readFileSync(join(dir, f), 'utf8'), { path: f, ...(date ? { date } : {}) });
  doc.meta.outlet ??= f.split('_')[0];
  process.stdout.write(JSON.stringify(doc) + '\n');
}
