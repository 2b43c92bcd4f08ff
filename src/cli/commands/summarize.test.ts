import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { main } from '../main.js';
import { jsonValues, linesOf } from '../saved-documents.js';
import { memoryIo } from '../memory-io.js';
import { analyze } from '../../analyze.js';

const io = memoryIo;

const dir = mkdtempSync(join(tmpdir(), 'hearsay-summarize-'));
const a = analyze('Mayor Ana Ruiz said the bridge would reopen on Monday.\n\nTwo city officials said the cost had doubled.\n', { date: '2025-03-04' });
const b = analyze('Ana Ruiz told reporters the ferry would run all winter.\n', { date: '2025-03-05' });
const lines = [a, b].map((d) => JSON.stringify(d)).join('\n') + '\n';

async function summarize(args: string[], stdin?: Uint8Array): Promise<{ code: number; json: { documents: number; sources: { person: { name: string; documents: number }[] } }; err: string }> {
  const x = io(stdin);
  const code = await main(['summarize', ...args, '--format', 'json'], x);
  return { code, json: JSON.parse(x.out), err: x.err };
}

test('summarize reads analyze --out lines and counts a person over two documents', async () => {
  const p = join(dir, 'crawl.jsonl');
  writeFileSync(p, lines);
  const { code, json } = await summarize([p]);
  assert.equal(code, 0);
  assert.equal(json.documents, 2);
  assert.deepEqual(json.sources.person.map((r) => [r.name, r.documents]), [['Ana Ruiz', 2]]);
});

test('summarize reads a pretty-printed document, an array, gzip and a folder of them', async () => {
  const folder = join(dir, 'folder');
  mkdirSync(folder);
  writeFileSync(join(folder, '1.json'), JSON.stringify(a, null, 2));
  writeFileSync(join(folder, '2.jsonl.gz'), gzipSync(JSON.stringify(b) + '\n'));
  writeFileSync(join(folder, 'notes.txt'), 'not read: not a .json or .jsonl file');
  const r = await summarize([folder]);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.json.documents, 2);
  const arr = join(dir, 'array.json');
  writeFileSync(arr, JSON.stringify([a, b], null, 1));
  assert.equal((await summarize([arr])).json.documents, 2);
});

test('summarize reads standard input', async () => {
  const r = await summarize(['-'], new TextEncoder().encode(lines));
  assert.equal(r.code, 0);
  assert.equal(r.json.documents, 2);
});

test('bad lines are named on stderr, the rest are counted, and the exit code is 1', async () => {
  const p = join(dir, 'torn.jsonl');
  writeFileSync(p, `${JSON.stringify(a)}\n{"schema":"hearsay/1","text":\n{"not":"a document"}\n${JSON.stringify(b)}\n`);
  const r = await summarize([p, join(dir, 'missing.jsonl')]);
  assert.equal(r.code, 1);
  assert.equal(r.json.documents, 2);
  assert.match(r.err, /torn\.jsonl:2: not JSON/);
  assert.match(r.err, /torn\.jsonl:3: /);
  assert.match(r.err, /missing\.jsonl: cannot read/);
});

test('the text format names the most cited people; bad flags are usage errors', async () => {
  const p = join(dir, 'crawl2.jsonl');
  writeFileSync(p, lines);
  const x = io();
  assert.equal(await main(['summarize', p], x), 0);
  assert.match(x.out, /^2 documents, /);
  assert.match(x.out, /People \(attributions, quoted, documents.*\n {2}Ana Ruiz +2 +0 +2/);
  const byDay = io();
  assert.equal(await main(['summarize', p, '--by', 'day'], byDay), 0);
  assert.match(byDay.out, /By day .*\n {2}2025-03-04 +1 /);
  assert.equal(await main(['summarize', p, '--by', 'week'], io()), 2);
  const csv = io();
  assert.equal(await main(['summarize', p, '--format', 'csv'], csv), 0);
  assert.match(csv.out, /^kind,name,resolved,attributions,quoted,documents,gender\r\nperson,Ana Ruiz,true,2,0,2,female\r\n/);
  const groups = io();
  assert.equal(await main(['summarize', p, '--format', 'csv', '--by', 'month'], groups), 0);
  assert.match(groups.out, /^month,documents,words,attributions,women_quoted,men_quoted,unknown_quoted,women_share,anonymous_share,own_voice_per_1000_words\r\n2025-03,2,/);
  assert.equal(await main(['summarize', p, '--top', '0'], io()), 2);
  assert.equal(await main(['summarize', p, '--format', 'xml'], io()), 2);
  assert.equal(await main(['summarize'], io()), 2);
});

test('a BOM, a header line or a torn first line do not cost the lines after them', async () => {
  const bom = join(dir, 'bom.jsonl');
  writeFileSync(bom, '\uFEFF' + lines);
  assert.equal((await summarize([bom])).json.documents, 2);
  const header = join(dir, 'header.jsonl');
  writeFileSync(header, '# crawl of 2025-03-05\n' + lines);
  const r = await summarize([header]);
  assert.equal(r.code, 1);
  assert.equal(r.json.documents, 2);
  assert.match(r.err, /header\.jsonl:1: not JSON/);
});

test('documents pretty-printed one after another (analyze --format json on several files) are read', async () => {
  const p = join(dir, 'several.json');
  writeFileSync(p, JSON.stringify(a, null, 2) + '\n' + JSON.stringify(b, null, 2) + '\n');
  const r = await summarize([p]);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.json.documents, 2);
  assert.deepEqual(jsonValues('{"a":"}{"} [1,2]\n{"b":[{}]}'), ['{"a":"}{"}', '[1,2]', '{"b":[{}]}']);
  assert.equal(jsonValues('{"a":1} x {"b":2}'), null);
  assert.equal(jsonValues('{"a":1'), null);
});

test('folders are read depth first; a folder with nothing to read is a problem; gzip on standard input is inflated', async () => {
  const nested = join(dir, 'nested');
  mkdirSync(join(nested, '2025-03'), { recursive: true });
  mkdirSync(join(nested, '.hidden'));
  writeFileSync(join(nested, '2025-03', 'day.jsonl'), lines);
  writeFileSync(join(nested, '.hidden', 'skip.jsonl'), lines);
  assert.equal((await summarize([nested])).json.documents, 2);
  const empty = join(dir, 'empty-folder');
  mkdirSync(empty);
  const r = await summarize([empty]);
  assert.equal(r.code, 1);
  assert.match(r.err, /no \.json, \.jsonl or \.ndjson files/);
  assert.equal((await summarize(['-'], gzipSync(lines))).json.documents, 2);
});

test('a line past the length limit is reported and skipped, in bounded memory', async () => {
  const chunks = [Buffer.from('\uFEFFshort\r\n'), Buffer.from('x'.repeat(40)), Buffer.from('y'.repeat(40) + '\nlast')];
  const got = [];
  for await (const l of linesOf((async function* () { yield* chunks; })(), 64)) got.push(l);
  assert.deepEqual(got, [{ n: 1, text: 'short' }, { n: 2, tooLong: true }, { n: 3, text: 'last' }]);
});

test('summarize --by outlet,month crosses the two; a third key or the same twice is a usage error', async () => {
  const p = join(dir, 'crossed.jsonl');
  writeFileSync(p, lines);
  const x = io();
  assert.equal(await main(['summarize', p, '--by', 'outlet,month', '--format', 'csv'], x), 0, x.err);
  const rows = x.out.trim().split('\r\n');
  assert.equal(rows[0], 'outlet,month,documents,words,attributions,women_quoted,men_quoted,unknown_quoted,women_share,anonymous_share,own_voice_per_1000_words');
  assert.match(rows[1]!, /^\(none\),2025-03,2,/);
  for (const bad of ['outlet,month,day', 'month,month', 'outlet,', 'weekday']) {
    const y = io();
    assert.equal(await main(['summarize', p, '--by', bad], y), 2, bad);
    assert.match(y.err, /--by must be/);
  }
});
