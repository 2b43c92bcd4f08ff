import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runLoadTest } from './load.js';

test('runLoadTest stops at its request budget and reports every request', async () => {
  const r = await runLoadTest({ concurrency: 3, durationMs: 60_000, requests: 9, text: 'Reyes said the port "will create jobs."' });
  assert.equal(r.requests, 9);
  assert.equal(r.errors, 0);
  assert.ok(r.rps > 0);
  assert.ok(r.p95 >= r.p50 && r.p50 > 0);
});
