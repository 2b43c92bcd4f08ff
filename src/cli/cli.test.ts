import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main.js';
import type { CliIo } from './io.js';

function io(stdin = new Uint8Array()): CliIo & { out: string; err: string } {
  const o = { out: '', err: '', cwd: process.cwd() } as CliIo & { out: string; err: string };
  o.stdout = (s) => { o.out += s; };
  o.stderr = (s) => { o.err += s; };
  o.stdin = async () => stdin;
  return o;
}

const dir = mkdtempSync(join(tmpdir(), 'hearsay-cli-'));
const file = (name: string, data: string | Uint8Array) => { const p = join(dir, name); writeFileSync(p, data); return p; };
const article = file('ok.txt', 'The port reopened on Monday, officials said.\n\nA union leader said the strike was over.\n');

test('analyze one path prints one hearsay/1 document with input.path', async () => {
  const x = io();
  assert.equal(await main(['analyze', article, '--date', '2025-03-04'], x), 0);
  const doc = JSON.parse(x.out);
  assert.equal(doc.schema, 'hearsay/1');
  assert.equal(doc.input.path, article);
  assert.equal(doc.attributions.length, 2);
});

test('several paths print one JSON line each, in order; a bad file yields an error line and the rest go on', async () => {
  const empty = file('empty.txt', '');
  const binary = file('bin.txt', new Uint8Array([0, 1, 2, 3, 0, 0, 255, 254, 0, 7, 8, 0, 0, 0, 0, 0]));
  const x = io();
  const code = await main(['analyze', empty, article, binary, join(dir, 'missing.txt')], x);
  assert.equal(code, 1);
  const lines = x.out.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.input.path), [empty, article, binary, join(dir, 'missing.txt')]);
  assert.equal(lines[0].messages[0].code, 'input/empty');
  assert.equal(lines[1].attributions.length, 2);
  assert.equal(lines[2].messages[0].code, 'input/binary');
  assert.equal(lines[3].messages[0].code, 'input/unreadable');
  assert.match(x.err, /input\/empty/);
});

test('a file over the size limit is refused without being read', async () => {
  const p = join(dir, 'huge.txt');
  const fd = openSync(p, 'w');
  ftruncateSync(fd, 50 * 1024 * 1024);
  closeSync(fd);
  const x = io();
  assert.equal(await main(['analyze', p], x), 1);
  assert.equal(JSON.parse(x.out).messages[0].code, 'input/too-large');
});

test('invalid UTF-8 is decoded with a warning, not lost', async () => {
  const bytes = new Uint8Array([...Buffer.from('The caf'), 0xe9, ...Buffer.from(' owner said business was slow.\n')]);
  const x = io();
  assert.equal(await main(['analyze', file('latin1.txt', bytes)], x), 0);
  const doc = JSON.parse(x.out);
  assert.ok(doc.text.includes('café'));
  assert.ok(doc.messages.some((m: { code: string }) => m.code === 'input/invalid-encoding'));
});

test('- reads standard input; --format text prints a summary, not JSON', async () => {
  const x = io(new Uint8Array(Buffer.from('“We are done,” said the mayor.')));
  assert.equal(await main(['analyze', '-', '--format', 'text'], x), 0);
  assert.match(x.out, /1 attributions/);
  assert.match(x.out, /the mayor/);
  assert.throws(() => JSON.parse(x.out));
});

test('hostile HTML finishes with a document, not a crash', async () => {
  const deep = '<html><body>' + '<div>'.repeat(10000) + '<p>The council said the vote would be held in May.</p>' + '</div>'.repeat(10) + '<script>alert(1)</script>';
  const x = io();
  const code = await main(['analyze', file('deep.html', deep)], x);
  const doc = JSON.parse(x.out);
  assert.equal(doc.input.type, 'html');
  assert.ok(code === 0 || code === 1);
  assert.ok(!doc.text.includes('alert(1)'));
});

test('bad flags are usage errors with exit code 2', async () => {
  const x = io();
  assert.equal(await main(['analyze', article, '--format', 'xml'], x), 2);
  assert.equal(await main(['analyze', article, '--date', 'yesterday'], x), 2);
  assert.equal(await main(['frobnicate'], x), 2);
});
