import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CliIo } from '../io.js';
import { run } from './serve.js';

function io(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (s) => out.push(s), stderr: (s) => err.push(s), stdin: async () => new Uint8Array(), cwd: process.cwd() };
}

test('serve: bad flags exit 2 with usage', async () => {
  for (const args of [['--port', 'abc'], ['--port', '70000'], ['--bogus'], ['extra'], ['--concurrency', '0'], ['--cors']]) {
    const x = io();
    assert.equal(await run(args, x), 2, args.join(' '));
    assert.match(x.err.join(''), /Usage: hearsay serve/);
  }
  const h = io();
  assert.equal(await run(['--help'], h), 0);
  assert.match(h.out.join(''), /--allow-fetch/);
});

test('serve: listens, answers, and shuts down on SIGINT', async () => {
  const x = io();
  const done = run(['--port', '0', '--host', '127.0.0.1', '--concurrency', '1', '--timeout-ms', '5000'], x);
  while (!x.out.join('').includes('serving on')) await new Promise((r) => setTimeout(r, 10));
  const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(x.out.join(''))![1]!;
  const res = await fetch(`${url}/api/health`);
  assert.equal(res.status, 200);
  assert.equal(((await res.json()) as { concurrency: number }).concurrency, 1);
  process.emit('SIGINT');
  assert.equal(await done, 0);
});
