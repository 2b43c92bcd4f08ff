/**
 * The hearsay HTTP API and viewer as a Hono app: `POST /api/analyze`, `POST /api/compare`, `POST /api/summarize`, `POST /api/quotes`, `GET /api/health`,
 * `GET /api/openapi.json`, the viewer page at `/` and its assets under `/viewer/`.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { compareDocuments } from '../compare/compare.js';
import { GROUP_BY, Summary, type GroupBy } from '../summary/summary.js';
import { QuoteBank } from '../quotes/quote-bank.js';
import { parseDocument } from '../core/document.js';
import { HearsayError } from '../core/errors.js';
import { SCHEMA_VERSION } from '../core/types.js';
import type { AnalyzeOptions } from '../core/working-doc.js';
import { VIEWER_CSS, VIEWER_HTML } from '../viewer/page.js';
import { FetchError, fetchUrl, type Fetched, type FetchOptions } from './fetch-url.js';
import { API_ERROR_CODES, openApiDocument, type ApiErrorCode } from './openapi.js';
import { PoolError, WorkerPool, type AnalyzeJob } from './worker-pool.js';
import { isCalendarDate } from '../time/calendar.js';
import { decodeBytes } from '../extract/decode.js';
import type { HearsayDocument, Message } from '../core/types.js';

/**
 * Runs one analysis and resolves with the hearsay/1 document serialised as JSON. Must reject with
 * a {@link PoolError} of reason `timeout` when `deadline` (epoch ms) passes.
 */
export type Analyzer = (job: AnalyzeJob, deadline: number) => Promise<string>;

/** Fetches a URL for analysis; the default is {@link fetchUrl} behind the SSRF guard. */
export type Fetcher = (url: string, opts: FetchOptions) => Promise<Fetched>;

/** Configuration of {@link createApp}. */
export interface ServerOptions {
  /** Largest request body in bytes (default 5 MiB); larger answers 413. */
  maxBodyBytes?: number;
  /** Time allowed per request from admission to result, in ms (default 15000). */
  timeoutMs?: number;
  /** Analyses running at once (default: available cores). */
  concurrency?: number;
  /** Requests allowed to wait for a free worker (default: `concurrency`); beyond, 503. */
  queue?: number;
  /** Whether `{url}` requests are fetched (default false). */
  allowFetch?: boolean;
  /** Origin allowed by CORS; none (no CORS headers) by default. */
  cors?: string | null;
  /** The analysis backend; default: a worker-thread pool of `concurrency` workers. */
  analyzer?: Analyzer;
  /** The URL fetcher; default {@link fetchUrl}. */
  fetcher?: Fetcher;
  /** Overrides for the fetcher's options (tests narrow the address policy). */
  fetchOptions?: Partial<FetchOptions>;
  /** Where server-side diagnostics go (stack traces never reach clients). */
  log?: (line: string) => void;
}

/** Defaults, exported for the CLI's help and for tests. */
export const DEFAULTS = {
  maxBodyBytes: 5 * 1024 * 1024,
  timeoutMs: 15_000,
} as const;

/** A JSON error response with a stable code. */
function apiError(c: Context, code: ApiErrorCode, message: string, headers?: Record<string, string>): Response {
  const status = API_ERROR_CODES[code] as ContentfulStatusCode;
  return c.json({ error: { code, message } }, status, headers);
}

const validDate = isCalendarDate;

type Parsed =
  | { kind: 'input'; input: string; inputType: 'text' | 'html'; date?: string; path?: string }
  | { kind: 'url'; url: string; date?: string }
  | { kind: 'error'; code: ApiErrorCode; message: string };

/** A request body parsed as a JSON object, or which error code it earns. */
function jsonObject(raw: string): Record<string, unknown> | 'request/invalid-json' | 'request/invalid-input' {
  let body: unknown;
  try { body = JSON.parse(raw); } catch { return 'request/invalid-json'; }
  return body && typeof body === 'object' && !Array.isArray(body) ? body as Record<string, unknown> : 'request/invalid-input';
}

function parseJsonRequest(raw: string): Parsed {
  const o = jsonObject(raw);
  if (o === 'request/invalid-json') return { kind: 'error', code: o, message: 'the body is not valid JSON' };
  if (o === 'request/invalid-input') return { kind: 'error', code: o, message: 'expected a JSON object with "text", "html" or "url"' };
  const given = (['text', 'html', 'url'] as const).filter((k) => o[k] !== undefined);
  if (given.length !== 1) return { kind: 'error', code: 'request/invalid-input', message: 'give exactly one of "text", "html" or "url"' };
  const field = given[0]!;
  const value = o[field];
  if (typeof value !== 'string') return { kind: 'error', code: 'request/invalid-input', message: `"${field}" must be a string` };
  let date: string | undefined;
  if (o.date !== undefined && o.date !== null && o.date !== '') {
    if (typeof o.date !== 'string' || !validDate(o.date)) return { kind: 'error', code: 'request/invalid-input', message: '"date" must be YYYY-MM-DD' };
    date = o.date;
  }
  let path: string | undefined;
  if (o.path !== undefined && o.path !== null) {
    if (typeof o.path !== 'string' || o.path.length > 500) return { kind: 'error', code: 'request/invalid-input', message: '"path" must be a short string' };
    path = o.path;
  }
  if (field === 'url') return { kind: 'url', url: value, ...(date ? { date } : {}) };
  return { kind: 'input', input: value, inputType: field, ...(date ? { date } : {}), ...(path ? { path } : {}) };
}

/**
 * The viewer's browser modules, by URL path: its own two and the core modules it imports (the
 * comparison's wording and the document helpers), served as built so the page needs no bundler.
 */
const VIEWER_MODULES = [
  'viewer/app.js', 'viewer/render-model.js', 'compare/describe.js', 'core/document.js', 'core/errors.js', 'core/types.js', 'text/clip.js', 'text/csv.js',
];

function loadAssets(): Map<string, string> {
  const assets = new Map<string, string>();
  const root = new URL('../', import.meta.url);
  for (const name of VIEWER_MODULES) {
    try { assets.set(`/${name}`, readFileSync(new URL(name, root), 'utf8')); } catch { /* not built: 404 */ }
  }
  return assets;
}

const PAGE_CSP = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: blob:", "connect-src 'self'",
  "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
].join('; ');

/** The app plus the pool it owns (when it created one), so callers can shut it down. */
export interface AppHandle {
  app: Hono;
  /** Stops the worker pool the app created, if any. */
  close: () => Promise<void>;
}

/**
 * Builds the app and returns it with a `close` for the worker pool it may own. Use
 * {@link createApp} when the process lifetime owns the pool.
 */
export function createAppHandle(opts: ServerOptions = {}): AppHandle {
  const maxBodyBytes = opts.maxBodyBytes ?? DEFAULTS.maxBodyBytes;
  const timeoutMs = opts.timeoutMs ?? DEFAULTS.timeoutMs;
  const concurrency = Math.max(1, opts.concurrency ?? availableParallelism());
  const queue = Math.max(0, opts.queue ?? concurrency);
  const allowFetch = opts.allowFetch ?? false;
  const log = opts.log ?? (() => {});
  let pool: WorkerPool | null = null;
  const analyzer: Analyzer = opts.analyzer ?? ((job, deadline) => (pool ??= new WorkerPool({ size: concurrency })).run(job, deadline));
  const fetcher: Fetcher = opts.fetcher ?? fetchUrl;
  const assets = loadAssets();
  const openapi = JSON.stringify(openApiDocument({ maxBodyBytes, timeoutMs, allowFetch }));
  let inFlight = 0;

  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    if (c.req.path.startsWith('/api/')) c.header('Cache-Control', 'no-store');
  });
  if (opts.cors) {
    app.use('/api/*', cors({ origin: opts.cors, allowMethods: ['GET', 'POST', 'OPTIONS'], allowHeaders: ['Content-Type'], maxAge: 600 }));
  }

  const limitBody = bodyLimit({ maxSize: maxBodyBytes, onError: (c) => apiError(c, 'request/too-large', `the body is larger than ${maxBodyBytes} bytes`) });

  app.get('/api/health', (c) => c.json({ status: 'ok', schema: SCHEMA_VERSION, pending: inFlight, concurrency }));
  app.get('/api/openapi.json', (c) => c.body(openapi, 200, { 'Content-Type': 'application/json; charset=utf-8' }));

  app.post(
    '/api/analyze',
    limitBody,
    async (c) => {
      if (inFlight >= concurrency + queue) {
        return apiError(c, 'server/busy', 'too many analyses at once; retry shortly', { 'Retry-After': '1' });
      }
      inFlight++;
      try {
        return await handleAnalyze(c);
      } finally {
        inFlight--;
      }
    },
  );

  // Two saved analyses in, their comparison out: no analysis runs here, so no worker is needed.
  app.post(
    '/api/compare',
    limitBody,
    async (c) => {
      const o = jsonObject(await c.req.text());
      if (o === 'request/invalid-json') return apiError(c, o, 'the body is not valid JSON');
      if (o === 'request/invalid-input' || o.before === undefined || o.after === undefined) {
        return apiError(c, 'request/invalid-input', 'expected {"before": hearsay/1 document, "after": hearsay/1 document}');
      }
      try {
        return c.json(compareDocuments(parseDocument(o.before), parseDocument(o.after)));
      } catch (e) {
        if (e instanceof HearsayError) return apiError(c, 'request/invalid-input', e.message);
        log(`compare failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
        return apiError(c, 'internal', 'the comparison failed');
      }
    },
  );

  // Saved analyses in, a corpus summary out: counting only, so no worker either.
  app.post(
    '/api/summarize',
    limitBody,
    async (c) => {
      const o = jsonObject(await c.req.text());
      if (o === 'request/invalid-json') return apiError(c, o, 'the body is not valid JSON');
      const groups = GROUP_BY.map((g) => `"${g}"`).join(' | ');
      const usage = `expected {"documents": [hearsay/1 document, …], "top"?: integer ≥ 1, "by"?: ${groups}, "then"?: ${groups} (with "by", another)}`;
      if (o === 'request/invalid-input' || !Array.isArray(o.documents)) return apiError(c, 'request/invalid-input', usage);
      const { top, by, then } = o;
      const group = (g: unknown) => g === undefined || (GROUP_BY as readonly unknown[]).includes(g);
      if ((top !== undefined && !(Number.isInteger(top) && (top as number) >= 1)) || !group(by) || !group(then) || (then !== undefined && (by === undefined || then === by))) {
        return apiError(c, 'request/invalid-input', usage);
      }
      const summary = new Summary({
        ...(top === undefined ? {} : { top: top as number }), ...(by === undefined ? {} : { by: by as GroupBy }), ...(then === undefined ? {} : { then: then as GroupBy }),
      });
      const bad = addDocuments(o.documents as unknown[], (d) => summary.add(d));
      return bad === null ? c.json(summary.toJSON()) : apiError(c, 'request/invalid-input', bad);
    },
  );

  // Saved analyses in, their quotation bank out: counting only, so no worker either.
  app.post(
    '/api/quotes',
    limitBody,
    async (c) => {
      const o = jsonObject(await c.req.text());
      if (o === 'request/invalid-json') return apiError(c, o, 'the body is not valid JSON');
      const usage = 'expected {"documents": [hearsay/1 document, …], "top"?: integer ≥ 1, "minDocuments"?: integer ≥ 1, "minWords"?: integer ≥ 1, "conflicts"?: boolean, "speaker"?: string, "contains"?: string}';
      if (o === 'request/invalid-input' || !Array.isArray(o.documents)) return apiError(c, 'request/invalid-input', usage);
      const { top, minDocuments, minWords, conflicts, speaker, contains } = o;
      const count = (v: unknown) => v === undefined || (Number.isInteger(v) && (v as number) >= 1);
      if (!count(top) || !count(minDocuments) || !count(minWords) || (conflicts !== undefined && typeof conflicts !== 'boolean')
        || (speaker !== undefined && !(typeof speaker === 'string' && speaker.trim()))
        || (contains !== undefined && !(typeof contains === 'string' && /[\p{L}\p{N}]/u.test(contains)))) return apiError(c, 'request/invalid-input', usage);
      const bank = new QuoteBank(minWords === undefined ? {} : { minWords: minWords as number });
      const bad = addDocuments(o.documents as unknown[], (d) => bank.add(d));
      if (bad !== null) return apiError(c, 'request/invalid-input', bad);
      return c.json(bank.toJSON({
        ...(top === undefined ? {} : { top: top as number }), ...(minDocuments === undefined ? {} : { minDocuments: minDocuments as number }),
        ...(conflicts ? { conflicts: true } : {}), ...(speaker === undefined ? {} : { speaker: (speaker as string).trim() }),
        ...(contains === undefined ? {} : { contains: contains as string }),
      }));
    },
  );

  /** Parses and adds each document; the first that is not hearsay/1 is named and stops the request. */
  function addDocuments(documents: readonly unknown[], add: (d: HearsayDocument) => void): string | null {
    for (const [i, d] of documents.entries()) {
      try {
        add(parseDocument(d));
      } catch (e) {
        if (e instanceof HearsayError) return `documents[${i}]: ${e.message}`;
        throw e;
      }
    }
    return null;
  }

  async function handleAnalyze(c: Context): Promise<Response> {
    const deadline = Date.now() + timeoutMs;
    const header = c.req.header('content-type') ?? '';
    const ct = header.split(';')[0]!.trim().toLowerCase();
    let parsed: Parsed;
    let decodedMessages: Message[] = [];
    if (ct === 'application/json' || ct.endsWith('+json')) parsed = parseJsonRequest(await c.req.text());
    else if (ct === 'text/plain' || ct === 'text/html' || ct === 'application/xhtml+xml') {
      const date = c.req.query('date');
      if (date !== undefined && date !== '' && !validDate(date)) return apiError(c, 'request/invalid-input', '"date" must be YYYY-MM-DD');
      // A raw body is bytes in the charset its header (or its BOM, or an HTML meta tag) names, as a file is.
      const decoded = decodeBytes(new Uint8Array(await c.req.arrayBuffer()), { contentType: header, html: ct !== 'text/plain' });
      const bad = decoded.messages.find((m) => m.severity === 'error');
      if (bad) return apiError(c, 'request/invalid-input', bad.text);
      decodedMessages = decoded.messages;
      parsed = { kind: 'input', input: decoded.text, inputType: ct === 'text/plain' ? 'text' : 'html', ...(date ? { date } : {}) };
    } else {
      return apiError(c, 'request/unsupported-media-type', 'send application/json, text/plain or text/html');
    }
    if (parsed.kind === 'error') return apiError(c, parsed.code, parsed.message);

    let job: AnalyzeJob;
    if (parsed.kind === 'url') {
      if (!allowFetch) return apiError(c, 'fetch/disabled', 'this server does not fetch URLs (start it with --allow-fetch)');
      let page: Fetched;
      try {
        page = await fetcher(parsed.url, { maxBytes: maxBodyBytes, timeoutMs, ...opts.fetchOptions });
      } catch (e) {
        if (e instanceof FetchError) return apiError(c, e.code, e.message);
        log(`fetch failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
        return apiError(c, 'fetch/failed', 'could not fetch the page');
      }
      const options: AnalyzeOptions = { inputType: page.type, path: null, ...(parsed.date ? { date: parsed.date } : {}) };
      job = { input: page.body, options, url: page.finalUrl, ...(page.messages?.length ? { messages: page.messages } : {}) };
    } else {
      const options: AnalyzeOptions = { inputType: parsed.inputType, path: parsed.path ?? null, ...(parsed.date ? { date: parsed.date } : {}) };
      job = { input: parsed.input, options, ...(decodedMessages.length ? { messages: decodedMessages } : {}) };
    }

    try {
      const json = await withDeadline(analyzer(job, deadline), deadline);
      return c.body(json, 200, { 'Content-Type': 'application/json; charset=utf-8' });
    } catch (e) {
      if (e instanceof PoolError && e.reason === 'timeout') return apiError(c, 'analysis/timeout', `the analysis took longer than ${timeoutMs} ms`);
      log(`analysis failed: ${e instanceof Error ? e.message : String(e)}`);
      return apiError(c, 'analysis/failed', 'the analysis failed');
    }
  }

  app.get('/', (c) => c.html(VIEWER_HTML, 200, { 'Content-Security-Policy': PAGE_CSP }));
  app.get('/viewer/style.css', (c) => c.body(VIEWER_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' }));
  for (const name of VIEWER_MODULES) {
    app.get(`/${name}`, (c) => {
      const body = assets.get(`/${name}`);
      if (body === undefined) return apiError(c, 'not-found', 'no such asset');
      return c.body(body, 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
    });
  }

  app.notFound((c) => apiError(c, 'not-found', 'no such route'));
  app.onError((err, c) => {
    log(`internal error on ${c.req.method} ${c.req.path}: ${err.stack ?? err.message}`);
    return apiError(c, 'internal', 'internal server error');
  });

  return { app, close: async () => { await pool?.close(); } };
}

/** Builds the hearsay HTTP app (API + viewer). Its worker pool is created lazily and unref'd. */
export function createApp(opts: ServerOptions = {}): Hono {
  return createAppHandle(opts).app;
}

/** Backstop for analyzers that ignore their deadline: reject shortly after it. */
function withDeadline(p: Promise<string>, deadline: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PoolError('timeout', 'deadline passed')), Math.max(0, deadline - Date.now()) + 250);
  });
  return Promise.race([p, guard]).finally(() => clearTimeout(timer));
}
