import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { HearsayDocument } from '../core/types.js';
import { createApp, createAppHandle, type Analyzer } from './app.js';
import { PoolError, WorkerPool } from './worker-pool.js';

const ARTICLE = 'The plan will "create jobs," Transport Minister Ana Reyes said. Two officials told Reuters the budget had doubled.';

interface ErrorBody { error: { code: string; message: string } }

async function post(app: ReturnType<typeof createApp>, body: string, type = 'application/json', url = '/api/analyze'): Promise<Response> {
  return app.request(url, { method: 'POST', headers: { 'Content-Type': type }, body });
}

/** An analyzer that echoes the job as a minimal document, for tests that do not need workers. */
const echo: Analyzer = async (job) => JSON.stringify({ schema: 'hearsay/1', text: job.input, input: { path: job.options.path ?? null, type: job.options.inputType }, date: job.options.date ?? null });

test('POST /api/analyze runs the real analysis in a worker', async () => {
  const { app, close } = createAppHandle({ concurrency: 1 });
  try {
    const res = await post(app, JSON.stringify({ text: ARTICLE, date: '2025-03-04' }));
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    const doc = (await res.json()) as HearsayDocument;
    assert.equal(doc.schema, 'hearsay/1');
    assert.equal(doc.text, ARTICLE);
    assert.equal(doc.input.type, 'text');
    assert.ok(Array.isArray(doc.attributions));
    // Raw text/plain body, date in the query.
    const raw = await post(app, ARTICLE, 'text/plain; charset=utf-8', '/api/analyze?date=2025-03-04');
    assert.equal(raw.status, 200);
    assert.equal(((await raw.json()) as HearsayDocument).text, ARTICLE);
  } finally {
    await close();
  }
});

test('JSON and raw bodies map onto input types, dates and paths', async () => {
  const app = createApp({ analyzer: echo });
  const j = async (r: Response) => (await r.json()) as { text: string; input: { type: string; path: string | null }; date: string | null };
  const t = await j(await post(app, JSON.stringify({ text: 'a', date: '2024-02-29', path: 'x.txt' })));
  assert.deepEqual([t.input.type, t.date, t.input.path], ['text', '2024-02-29', 'x.txt']);
  const h = await j(await post(app, JSON.stringify({ html: '<p>a</p>' })));
  assert.equal(h.input.type, 'html');
  const rh = await j(await post(app, '<p>b</p>', 'text/html'));
  assert.deepEqual([rh.input.type, rh.text], ['html', '<p>b</p>']);
});

test('bad requests answer JSON errors with stable codes', async () => {
  const app = createApp({ analyzer: echo });
  const cases: [string, string, number, string][] = [
    ['{not json', 'application/json', 400, 'request/invalid-json'],
    ['[1,2]', 'application/json', 400, 'request/invalid-input'],
    ['{}', 'application/json', 400, 'request/invalid-input'],
    ['{"text":"a","html":"b"}', 'application/json', 400, 'request/invalid-input'],
    ['{"text":42}', 'application/json', 400, 'request/invalid-input'],
    ['{"text":"a","date":"2025-02-30"}', 'application/json', 400, 'request/invalid-input'],
    ['{"text":"a","date":"yesterday"}', 'application/json', 400, 'request/invalid-input'],
    ['a=b', 'application/x-www-form-urlencoded', 415, 'request/unsupported-media-type'],
  ];
  for (const [body, type, status, code] of cases) {
    const res = await post(app, body, type);
    assert.equal(res.status, status, body);
    assert.equal(((await res.json()) as ErrorBody).error.code, code, body);
  }
  const badDate = await post(app, 'x', 'text/plain', '/api/analyze?date=2025-13-01');
  assert.equal(badDate.status, 400);
  const nf = await app.request('/api/nothing');
  assert.equal(nf.status, 404);
  assert.equal(((await nf.json()) as ErrorBody).error.code, 'not-found');
});

test('bodies over the limit answer 413, by default above 5 MiB', async () => {
  const small = createApp({ analyzer: echo, maxBodyBytes: 100 });
  const over = await post(small, JSON.stringify({ text: 'x'.repeat(200) }));
  assert.equal(over.status, 413);
  assert.equal(((await over.json()) as ErrorBody).error.code, 'request/too-large');
  assert.equal((await post(small, JSON.stringify({ text: 'x'.repeat(50) }))).status, 200);
  // Without Content-Length (a stream), the limit still holds.
  const stream = new ReadableStream<Uint8Array>({
    start(ctl) { ctl.enqueue(new TextEncoder().encode('y'.repeat(300))); ctl.close(); },
  });
  const streamed = await small.request('/api/analyze', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: stream, duplex: 'half' } as RequestInit);
  assert.equal(streamed.status, 413);

  const dflt = createApp({ analyzer: echo });
  const big = await post(dflt, 'z'.repeat(5 * 1024 * 1024 + 1), 'text/plain');
  assert.equal(big.status, 413);
  assert.equal((await post(dflt, 'z'.repeat(5 * 1024 * 1024 - 10), 'text/plain')).status, 200);
});

test('beyond the concurrency limit the server answers 503 with Retry-After', async () => {
  const release: (() => void)[] = [];
  const slow: Analyzer = (job) => new Promise((resolve) => release.push(() => resolve(JSON.stringify({ text: job.input }))));
  const app = createApp({ analyzer: slow, concurrency: 1, queue: 1 });
  const first = post(app, JSON.stringify({ text: 'one' }));
  const second = post(app, JSON.stringify({ text: 'two' }));
  // Let both requests be admitted before the third arrives.
  while (release.length < 2) await new Promise((r) => setImmediate(r));
  const third = await post(app, JSON.stringify({ text: 'three' }));
  assert.equal(third.status, 503);
  assert.equal(third.headers.get('retry-after'), '1');
  assert.equal(((await third.json()) as ErrorBody).error.code, 'server/busy');
  const health = (await (await app.request('/api/health')).json()) as { pending: number };
  assert.equal(health.pending, 2);
  for (const r of release) r();
  assert.equal((await first).status, 200);
  assert.equal((await second).status, 200);
  // Capacity is back once they finish.
  const fourth = post(app, JSON.stringify({ text: 'four' }));
  while (release.length < 3) await new Promise((r) => setImmediate(r));
  release[2]!();
  assert.equal((await fourth).status, 200);
});

function hangingWorker(): URL {
  const dir = mkdtempSync(path.join(tmpdir(), 'hearsay-worker-'));
  const file = path.join(dir, 'hang.mjs');
  writeFileSync(file, `import { parentPort } from 'node:worker_threads';
parentPort.postMessage({ ready: true });
parentPort.on('message', (m) => {
  if (m.job.input === 'hang') for (;;) {}
  if (m.job.input === 'throw') { parentPort.postMessage({ id: m.id, ok: false, message: 'secret internal detail' }); return; }
  if (m.job.input === 'crash') process.exit(3);
  parentPort.postMessage({ id: m.id, ok: true, json: JSON.stringify({ text: m.job.input }) });
});
`);
  return pathToFileURL(file);
}

test('an analysis past its time-out is terminated and answers 504; the pool recovers', async () => {
  const pool = new WorkerPool({ size: 1, script: hangingWorker() });
  const app = createApp({ analyzer: (job, deadline) => pool.run(job, deadline), timeoutMs: 300 });
  try {
    const res = await post(app, JSON.stringify({ text: 'hang' }));
    assert.equal(res.status, 504);
    assert.equal(((await res.json()) as ErrorBody).error.code, 'analysis/timeout');
    const ok = await post(app, JSON.stringify({ text: 'fine' }));
    assert.equal(ok.status, 200);
    assert.deepEqual(await ok.json(), { text: 'fine' });
    // Worker-side failures and crashes give a generic 500, no internals.
    const failed = await post(app, JSON.stringify({ text: 'throw' }));
    assert.equal(failed.status, 500);
    const text = await failed.text();
    assert.ok(!text.includes('secret'), text);
    assert.equal((JSON.parse(text) as ErrorBody).error.code, 'analysis/failed');
    assert.equal((await post(app, JSON.stringify({ text: 'crash' }))).status, 500);
    assert.equal((await post(app, JSON.stringify({ text: 'again' }))).status, 200);
  } finally {
    await pool.close();
  }
});

test('a worker that dies while loading fails the job first in line instead of being replaced forever', async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'hearsay-dying-')), 'dying-worker.mjs');
  writeFileSync(file, 'process.exit(5);\n');
  const pool = new WorkerPool({ size: 1, script: pathToFileURL(file) });
  try {
    await assert.rejects(pool.runFor({ input: 'a', options: {} }, 10_000), (e: unknown) => e instanceof PoolError && e.reason === 'failed');
    await assert.rejects(pool.runFor({ input: 'b', options: {} }, 10_000), (e: unknown) => e instanceof PoolError && e.reason === 'failed');
  } finally {
    await pool.close();
  }
});

test('a job whose deadline passes while queued is never run', async () => {
  const pool = new WorkerPool({ size: 1, script: hangingWorker() });
  try {
    const deadline = Date.now() + 200;
    const a = pool.run({ input: 'hang', options: {} }, deadline);
    const b = pool.run({ input: 'fine', options: {} }, deadline);
    await assert.rejects(a, (e: unknown) => e instanceof PoolError && e.reason === 'timeout');
    await assert.rejects(b, (e: unknown) => e instanceof PoolError && e.reason === 'timeout');
    assert.equal(pool.pending, 0);
  } finally {
    await pool.close();
  }
});

test('an analyzer that ignores its deadline is still cut off', async () => {
  const never: Analyzer = () => new Promise(() => {});
  const app = createApp({ analyzer: never, timeoutMs: 50 });
  const res = await post(app, JSON.stringify({ text: 'x' }));
  assert.equal(res.status, 504);
});

test('internal errors hide their stack', async () => {
  const logged: string[] = [];
  const boom: Analyzer = () => { throw new TypeError('kaboom at /secret/path.js:1'); };
  const app = createApp({ analyzer: boom, log: (l) => logged.push(l) });
  const res = await post(app, JSON.stringify({ text: 'x' }));
  assert.equal(res.status, 500);
  const body = await res.text();
  assert.ok(!body.includes('kaboom') && !body.includes('/secret'), body);
  assert.ok(logged.some((l) => l.includes('kaboom')));
});

test('health, OpenAPI, page and assets', async () => {
  const app = createApp({ analyzer: echo });
  const health = await app.request('/api/health');
  assert.equal(health.status, 200);
  assert.equal(((await health.json()) as { status: string }).status, 'ok');
  const oa = (await (await app.request('/api/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown> };
  assert.equal(oa.openapi, '3.1.0');
  assert.ok(oa.paths['/api/analyze'] && oa.paths['/api/health']);
  const page = await app.request('/');
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  const html = await page.text();
  assert.ok(html.includes('<script type="module" src="/viewer/app.js">'));
  assert.ok(!/<script>/.test(html), 'no inline script');
  for (const asset of ['/viewer/app.js', '/viewer/render-model.js']) {
    const r = await app.request(asset);
    assert.equal(r.status, 200, asset);
    assert.match(r.headers.get('content-type') ?? '', /javascript/);
    assert.ok(!(await r.text()).includes('innerHTML'), `${asset} must not use innerHTML`);
  }
  assert.match((await app.request('/viewer/style.css')).headers.get('content-type') ?? '', /text\/css/);
  assert.equal((await app.request('/viewer/..%2Fserver%2Fapp.js')).status, 404);
});

test('CORS is off by default and on for the configured origin only', async () => {
  const off = createApp({ analyzer: echo });
  const r1 = await off.request('/api/health', { headers: { Origin: 'https://evil.example' } });
  assert.equal(r1.headers.get('access-control-allow-origin'), null);
  const pre = await off.request('/api/analyze', { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' } });
  assert.equal(pre.headers.get('access-control-allow-origin'), null);
  const on = createApp({ analyzer: echo, cors: 'https://news.example' });
  const r2 = await on.request('/api/health', { headers: { Origin: 'https://news.example' } });
  assert.equal(r2.headers.get('access-control-allow-origin'), 'https://news.example');
  const r3 = await on.request('/api/health', { headers: { Origin: 'https://evil.example' } });
  assert.notEqual(r3.headers.get('access-control-allow-origin'), 'https://evil.example');
});

test('URL fetching is off unless allowed', async () => {
  const app = createApp({ analyzer: echo });
  const res = await post(app, JSON.stringify({ url: 'https://example.com/' }));
  assert.equal(res.status, 403);
  assert.equal(((await res.json()) as ErrorBody).error.code, 'fetch/disabled');
});

test('SSRF guard: loopback, private, link-local and IPv6 loopback URLs are refused', async () => {
  const app = createApp({ analyzer: echo, allowFetch: true, timeoutMs: 2000 });
  for (const url of [
    'http://127.0.0.1/', 'http://127.1.2.3:8080/x', 'http://10.0.0.1/', 'http://172.16.5.4/', 'http://192.168.1.1/',
    'http://169.254.169.254/latest/meta-data/', 'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://[fe80::1]/',
    'http://[fd00::1]/', 'http://0x7f000001/', 'http://2130706433/', 'http://0.0.0.0/', 'http://localhost/',
  ]) {
    const res = await post(app, JSON.stringify({ url }));
    assert.equal(res.status, 403, url);
    assert.equal(((await res.json()) as ErrorBody).error.code, 'fetch/blocked', url);
  }
  for (const url of ['file:///etc/passwd', 'ftp://example.com/', 'not a url']) {
    const res = await post(app, JSON.stringify({ url }));
    assert.equal(res.status, 400, url);
    assert.equal(((await res.json()) as ErrorBody).error.code, 'fetch/bad-url', url);
  }
});

test('SSRF guard: redirects and DNS answers to blocked addresses are refused; allowed pages are analysed', async () => {
  const server = http.createServer((req, res) => {
    if (req.url === '/page') {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(ARTICLE);
    } else if (req.url === '/to-blocked') {
      res.writeHead(302, { Location: `http://127.0.0.2:${(server.address() as AddressInfo).port}/page` });
      res.end();
    } else if (req.url === '/to-name') {
      res.writeHead(301, { Location: 'http://internal.test/' });
      res.end();
    } else if (req.url === '/binary') {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      res.end('x');
    } else if (req.url === '/latin') {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      // "Renée said “yes”" in Windows-1252 with no charset named: decoded as files are, with a note.
      res.end(Buffer.from([0x52, 0x65, 0x6e, 0xe9, 0x65, 0x20, 0x73, 0x61, 0x69, 0x64, 0x20, 0x93, 0x79, 0x65, 0x73, 0x94]));
    } else {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(`<html><body>${'x'.repeat(5000)}</body></html>`);
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // This test's policy allows 127.0.0.1 (the test server) and blocks 127.0.0.2 and 10/8.
  const app = createApp({
    analyzer: echo, allowFetch: true, maxBodyBytes: 4000, timeoutMs: 5000,
    fetchOptions: {
      isBlocked: (ip) => ip === '127.0.0.2' || ip.startsWith('10.'),
      resolve: async (host) => (host === 'internal.test' ? [{ address: '10.0.0.7', family: 4 }] : [{ address: '127.0.0.1', family: 4 }]),
    },
  });
  try {
    const ok = await post(app, JSON.stringify({ url: `${base}/page` }));
    assert.equal(ok.status, 200);
    assert.equal(((await ok.json()) as { text: string }).text, ARTICLE);
    for (const p of ['/to-blocked', '/to-name']) {
      const res = await post(app, JSON.stringify({ url: `${base}${p}` }));
      assert.equal(res.status, 403, p);
      assert.equal(((await res.json()) as ErrorBody).error.code, 'fetch/blocked', p);
    }
    const big = await post(app, JSON.stringify({ url: `${base}/big` }));
    assert.equal(big.status, 413);
    assert.equal(((await big.json()) as ErrorBody).error.code, 'fetch/too-large');
    const latin = await post(app, JSON.stringify({ url: `${base}/latin` }));
    assert.equal(((await latin.json()) as { text: string }).text, 'Renée said \u201Cyes\u201D');
    const bin = await post(app, JSON.stringify({ url: `${base}/binary` }));
    assert.equal(((await bin.json()) as ErrorBody).error.code, 'fetch/unsupported-type');
  } finally {
    server.close();
  }
});

test('POST /api/compare: two hearsay/1 documents in, a hearsay-compare/1 record out; bad sides answer 400', async () => {
  const { analyze } = await import('../analyze.js');
  const before = analyze('The port reopened on Monday, officials said.', { date: '2025-03-04' });
  const after = analyze('The port reopened on Monday, port director Ana Ruiz said.', { date: '2025-03-04' });
  const app = createApp({ analyzer: echo });
  const ok = await post(app, JSON.stringify({ before, after }), 'application/json', '/api/compare');
  assert.equal(ok.status, 200);
  const cmp = (await ok.json()) as { schema: string; attributions: { kind: string; changed: string[] }[] };
  assert.equal(cmp.schema, 'hearsay-compare/1');
  assert.deepEqual(cmp.attributions.map((a) => [a.kind, a.changed]), [['changed', ['source', 'sourceKind']]]);
  const notDoc = await post(app, JSON.stringify({ before, after: { schema: 'hearsay/2' } }), 'application/json', '/api/compare');
  assert.equal(notDoc.status, 400);
  assert.equal(((await notDoc.json()) as ErrorBody).error.code, 'request/invalid-input');
  assert.equal((await post(app, JSON.stringify({ before }), 'application/json', '/api/compare')).status, 400);
  assert.equal(((await (await post(app, '{', 'application/json', '/api/compare')).json()) as ErrorBody).error.code, 'request/invalid-json');
  const oa = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
  assert.ok(oa.paths['/api/compare']);
});

test('a raw body is decoded by its charset: Windows-1252 smart quotes, UTF-16 with a BOM; binary is refused', async () => {
  const app = createApp({ analyzer: echo });
  const send = (bytes: Uint8Array, type: string) => app.request('/api/analyze', { method: 'POST', headers: { 'Content-Type': type }, body: Buffer.from(bytes) });
  const cp1252 = Uint8Array.from([...'He said '].map((c) => c.charCodeAt(0)).concat([0x93, 0x79, 0x65, 0x73, 0x94]));
  const a = await send(cp1252, 'text/plain; charset=windows-1252');
  assert.equal(a.status, 200);
  assert.equal(((await a.json()) as HearsayDocument).text, 'He said \u201Cyes\u201D');
  const utf16 = new Uint8Array([0xff, 0xfe, ...[...'He said yes.'].flatMap((c) => [c.charCodeAt(0), 0])]);
  const b = await send(utf16, 'text/plain');
  assert.equal(((await b.json()) as HearsayDocument).text, 'He said yes.');
  const bin = await send(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 1, 2, 3]), 'text/plain');
  assert.equal(bin.status, 400);
});

test('POST /api/summarize: hearsay/1 documents in, a hearsay-summary/1 record out; bad input answers 400', async () => {
  const { analyze } = await import('../analyze.js');
  const docs = [
    analyze('Port director Ana Ruiz said the port reopened on Monday.', { date: '2025-03-04' }),
    analyze('Ana Ruiz told reporters the ferry would run all winter.', { date: '2025-03-05' }),
  ];
  const app = createApp({ analyzer: echo });
  const ok = await post(app, JSON.stringify({ documents: docs, top: 5 }), 'application/json', '/api/summarize');
  assert.equal(ok.status, 200);
  const s = (await ok.json()) as { schema: string; documents: number; sources: { person: { name: string; documents: number }[] } };
  assert.equal(s.schema, 'hearsay-summary/1');
  assert.equal(s.documents, 2);
  assert.deepEqual(s.sources.person.map((r) => [r.name, r.documents]), [['Ana Ruiz', 2]]);
  const notDoc = await post(app, JSON.stringify({ documents: [docs[0], { schema: 'hearsay/2' }] }), 'application/json', '/api/summarize');
  assert.equal(notDoc.status, 400);
  assert.match(((await notDoc.json()) as ErrorBody).error.message, /^documents\[1\]/);
  assert.equal((await post(app, JSON.stringify({ documents: docs, top: 0 }), 'application/json', '/api/summarize')).status, 400);
  assert.equal((await post(app, JSON.stringify({ docs }), 'application/json', '/api/summarize')).status, 400);
  const crossed = await post(app, JSON.stringify({ documents: docs, by: 'outlet', then: 'day' }), 'application/json', '/api/summarize');
  assert.deepEqual(((await crossed.json()) as { groups: { list: { keys: string[] }[] } }).groups.list.map((g) => g.keys), [['(none)', '2025-03-04'], ['(none)', '2025-03-05']]);
  for (const bad of [{ then: 'day' }, { by: 'day', then: 'day' }, { by: 'day', then: 'week' }]) {
    assert.equal((await post(app, JSON.stringify({ documents: docs, ...bad }), 'application/json', '/api/summarize')).status, 400, JSON.stringify(bad));
  }
  const oa = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
  assert.ok(oa.paths['/api/summarize']);
});

test('POST /api/quotes: hearsay/1 documents in, a hearsay-quotes/1 bank out; bad options and documents answer 400', async () => {
  const { analyze } = await import('../analyze.js');
  const docs = [
    analyze('Port director Ana Ruiz said: “The port will reopen on Monday morning, whatever the weather does.”', { date: '2025-03-04' }),
    analyze('“The port will reopen on Monday morning, whatever the weather does,” Ana Ruiz told reporters.', { date: '2025-03-05' }),
  ];
  const app = createApp({ analyzer: echo });
  const ok = await post(app, JSON.stringify({ documents: docs, minDocuments: 2 }), 'application/json', '/api/quotes');
  assert.equal(ok.status, 200);
  const q = (await ok.json()) as { schema: string; documents: number; quotes: { speaker: string; documents: number; first: { start: number; end: number } }[] };
  assert.equal(q.schema, 'hearsay-quotes/1');
  assert.deepEqual(q.quotes.map((x) => [x.speaker, x.documents]), [['Ana Ruiz', 2]]);
  assert.equal(docs[0]!.text.slice(q.quotes[0]!.first.start, q.quotes[0]!.first.end), 'The port will reopen on Monday morning, whatever the weather does.');
  for (const bad of [{ documents: docs, top: 0 }, { documents: docs, conflicts: 'yes' }, { documents: docs, speaker: ' ' }, { docs }, { documents: [{ schema: 'hearsay/2' }] }]) {
    const r = await post(app, JSON.stringify(bad), 'application/json', '/api/quotes');
    assert.equal(r.status, 400, JSON.stringify(bad).slice(0, 60));
  }
  const oa = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
  assert.ok(oa.paths['/api/quotes']);
});
