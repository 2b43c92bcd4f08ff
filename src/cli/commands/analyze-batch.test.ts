import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { main } from '../main.js';
import { memoryIo as io } from '../memory-io.js';

const dir = mkdtempSync(join(tmpdir(), 'hearsay-batch-'));
const crawl = join(dir, 'crawl');
mkdirSync(join(crawl, 'b'), { recursive: true });
mkdirSync(join(crawl, '.cache'));
writeFileSync(join(crawl, 'a.txt'), 'The port reopened on Monday, officials said.\n');
writeFileSync(join(crawl, 'b', 'c.html'), '<html><head><title>Ferry</title></head><body><article><p>The ferry will run all winter, Mayor Ana Ruiz said on Tuesday.</p><p>Two council members said the cost had doubled since March.</p></article></body></html>');
writeFileSync(join(crawl, 'b', 'd.txt.gz'), gzipSync('A union leader said the strike was over.\n'));
writeFileSync(join(crawl, 'notes.md'), 'not a page: skipped');
writeFileSync(join(crawl, '.cache', 'e.txt'), 'hidden: skipped');
const pages = [join(crawl, 'a.txt'), join(crawl, 'b', 'c.html'), join(crawl, 'b', 'd.txt.gz')];

const paths = (jsonl: string) => jsonl.trim().split('\n').map((l) => JSON.parse(l).input.path as string);

test('a folder stands for the pages under it, in name order, hidden files and other files left out', async () => {
  const x = io();
  assert.equal(await main(['analyze', crawl, '--date', '2025-03-04'], x), 0, x.err);
  assert.deepEqual(paths(x.out), pages);
  const empty = join(dir, 'empty');
  mkdirSync(empty);
  const y = io();
  assert.equal(await main(['analyze', empty], y), 1);
  assert.match(y.err, /no \.txt or \.html files/);
});

test('--list reads paths one per line, from a file or standard input', async () => {
  const list = join(dir, 'list.txt');
  writeFileSync(list, `${pages[2]}\n\n${pages[0]}\n`);
  const x = io();
  assert.equal(await main(['analyze', '--list', list], x), 0, x.err);
  assert.deepEqual(paths(x.out), [pages[2], pages[0]]);
  const y = io(new TextEncoder().encode(pages[1]! + '\n'));
  assert.equal(await main(['analyze', '--list', '-'], y), 0, y.err);
  assert.deepEqual(paths(y.out), [pages[1]]);
  assert.equal(await main(['analyze', '--list'], io()), 2);
  assert.equal(await main(['analyze', '-', '--list', '-'], io()), 2);
});

test('--jobs runs worker threads and writes the same lines, in input order, as one thread', async () => {
  const one = io();
  assert.equal(await main(['analyze', crawl, join(dir, 'missing.txt'), '--date', '2025-03-04'], one), 1);
  const out = join(dir, 'jobs.jsonl');
  const two = io();
  assert.equal(await main(['analyze', crawl, join(dir, 'missing.txt'), '--date', '2025-03-04', '--jobs', '2', '--out', out], two), 1);
  assert.equal(readFileSync(out, 'utf8'), one.out);
  assert.match(two.err, /missing\.txt: \[input\/unreadable\]/);
  const text = io();
  assert.equal(await main(['analyze', pages[0]!, '--jobs', '2', '--format', 'text'], text), 0);
  assert.match(text.out, /officials/);
  for (const bad of [['--jobs', '0'], ['--jobs', 'many'], ['--jobs', '1e1'], ['--jobs'], ['--timeout-ms', 'soon'], ['--jobs', '2', '--timeout-ms', '-1']]) {
    assert.equal(await main(['analyze', pages[0]!, ...bad], io()), 2, bad.join(' '));
  }
});

test('a page past --timeout-ms (one worker without --jobs) becomes an input/timeout error line and the batch goes on', async () => {
  // The clock starts once the worker has loaded its models: the short page passes, the long one does not.
  const long = join(dir, 'long.txt');
  // About 160,000 words: seconds of work, against a second allowed (the short page, on a fresh
  // worker whose code is not yet warm, needs a few tens of milliseconds).
  writeFileSync(long, 'The council said on Monday that the harbor bridge would reopen in May, officials said. '.repeat(10_000));
  const x = io();
  assert.equal(await main(['analyze', long, pages[0]!, '--timeout-ms', '1000'], x), 1);
  const docs = x.out.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(docs.map((d) => [d.input.path, d.messages[0]?.code ?? 'ok']), [[long, 'input/timeout'], [pages[0], docs[1].messages[0]?.code ?? 'ok']]);
  assert.equal(docs[1].attributions.length, 1);
});
