import { appendFileSync, closeSync, createReadStream, createWriteStream, fstatSync, openSync, readSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { readFile, rename, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { analyze, MAX_INPUT_CHARS } from '../../analyze.js';
import type { AnalyzeOptions } from '../../core/working-doc.js';
import type { HearsayDocument, Message } from '../../core/types.js';
import { SCHEMA_VERSION } from '../../core/types.js';
import { decodeBytes } from '../../extract/decode.js';
import { isCalendarDate } from '../../time/calendar.js';
import type { KbFile } from '../../kb/types.js';
import { type Command, type CliIo, flagString, parseArgs } from '../io.js';
import { formatText } from '../format-text.js';
import { filesUnder, isFolder } from '../walk.js';
import { explainDocument } from '../explain.js';
import { linesOf } from '../saved-documents.js';

const FORMATS = ['json', 'jsonl', 'text', 'plover'] as const;
type Format = (typeof FORMATS)[number];

/** Files larger than this are refused before reading (the analysed text limit, in bytes, with slack). */
const MAX_FILE_BYTES = MAX_INPUT_CHARS * 2;

/** An empty document carrying one error, so a batch keeps one line per input. */
function errorDoc(path: string, code: string, text: string): HearsayDocument {
  return {
    schema: SCHEMA_VERSION, input: { path, type: 'text' }, text: '',
    meta: { title: null, outlet: null, site: null, published: null, url: null, byline: null },
    body: [], messages: [{ severity: 'error', code, text }], sentences: [], entities: [], attributions: [], voice: [],
  };
}

/** Reads one input (a path, or `-` for standard input); unreadable, odd or oversized files become an error document. */
export async function readInput(path: string, io: CliIo): Promise<{ bytes: Uint8Array } | { error: HearsayDocument }> {
  if (path === '-') {
    const bytes = await io.stdin(MAX_FILE_BYTES);
    if (bytes.length > MAX_FILE_BYTES) return { error: errorDoc(path, 'input/too-large', `standard input has more than ${MAX_FILE_BYTES} bytes; the limit is ${MAX_FILE_BYTES}`) };
    return { bytes };
  }
  const full = resolve(io.cwd, path);
  try {
    const st = await stat(full);
    if (!st.isFile()) return { error: errorDoc(path, 'input/not-a-file', `${path} is not a regular file`) };
    if (st.size > MAX_FILE_BYTES) {
      return { error: errorDoc(path, 'input/too-large', `${path} has ${st.size} bytes; the limit is ${MAX_FILE_BYTES}`) };
    }
    return { bytes: new Uint8Array(await readFile(full)) };
  } catch (e) {
    return { error: errorDoc(path, 'input/unreadable', `cannot read ${path}: ${(e as Error).message}`) };
  }
}

/** Inputs this long (bytes; about 80,000 words of text) report each stage on stderr. */
export const LONG_INPUT_BYTES = 500_000;

/**
 * One input's bytes made text: gzip inflated (capped), the charset decoded. Decoding problems
 * become messages for the document; an unusable input becomes an error document.
 */
export function decodeInput(input: Uint8Array, path: string, options: AnalyzeOptions): { text: string; messages: Message[] } | { error: HearsayDocument } {
  let bytes = input;
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    // Saved pages often come gzipped; inflate with a cap so a zip bomb stops at the size limit.
    try {
      bytes = new Uint8Array(gunzipSync(bytes, { maxOutputLength: MAX_FILE_BYTES }));
    } catch (e) {
      const tooBig = (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError;
      return {
        error: tooBig
          ? errorDoc(path, 'input/too-large', `${path} inflates past ${MAX_FILE_BYTES} bytes (a zip bomb?); refused`)
          : errorDoc(path, 'input/compressed', `${path} is gzip data that does not inflate: ${(e as Error).message}`),
      };
    }
  }
  const decoded = decodeBytes(bytes, { html: options.inputType === 'html' ? true : undefined });
  const bad = decoded.messages.find((m) => m.severity === 'error');
  if (bad) return { error: errorDoc(path, bad.code, bad.text) };
  return decoded;
}

/** Analyses one input's bytes: decoding problems become messages on the document. */
export function analyzeBytes(input: Uint8Array, path: string, options: AnalyzeOptions): HearsayDocument {
  const decoded = decodeInput(input, path, options);
  if ('error' in decoded) return decoded.error;
  const doc = analyze(decoded.text, { ...options, path });
  doc.messages.unshift(...decoded.messages);
  return doc;
}

/** Page files a folder given to `analyze` holds: text and HTML, optionally gzipped. */
const PAGE_FILE = /\.(txt|text|html?|xhtml)(\.gz)?$/i;

/**
 * The inputs a command line names: its paths, then the paths listed one per line in `--list FILE`
 * (`-`: standard input), each folder replaced by the page files under it. Problems (an empty or
 * unreadable folder, an unreadable list, standard input named twice) are returned to be reported.
 */
async function expandInputs(paths: readonly string[], list: string | undefined, io: CliIo): Promise<{ inputs: string[]; problems: string[]; expanded: boolean }> {
  const named = [...paths];
  const problems: string[] = [];
  let expanded = false;
  if (list !== undefined) {
    expanded = true;
    try {
      const text = list === '-' ? new TextDecoder().decode(await io.stdin(MAX_FILE_BYTES)) : await readFile(resolve(io.cwd, list), 'utf8');
      for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
        const path = line.trim();
        if (!path) continue;
        if (path === '-') problems.push(`--list ${list}: "-" (standard input) cannot be listed; name it on the command line`);
        else named.push(path);
      }
    } catch (e) {
      problems.push(`--list ${list}: cannot read: ${(e as Error).message}`);
    }
  }
  const inputs: string[] = [];
  for (const path of named) {
    if (path === '-' || !(await isFolder(path, io.cwd))) { inputs.push(path); continue; }
    expanded = true;
    const under = await filesUnder(path, io.cwd, PAGE_FILE);
    problems.push(...under.problems);
    if (!under.files.length && !under.problems.length) problems.push(`${path}: no .txt or .html files under this folder`);
    inputs.push(...under.files);
  }
  return { inputs, problems, expanded };
}

/** Default per-input time-out in a worker pool (`--jobs` above 1; ms): a page that takes longer becomes an `input/timeout` error line. */
const DEFAULT_TIMEOUT_MS = 300_000;

/** One input's outcome: the document, or (from a worker) its JSON text and error messages. */
type Outcome = { path: string; doc: HearsayDocument } | { path: string; json: string; errors: string[] };

const errorsOf = (doc: HearsayDocument): string[] => doc.messages.filter((m) => m.severity === 'error').map((m) => `[${m.code}] ${m.text}`);

/** A saved line's input path, and whether it records a failure (an `error` message). */
function savedLine(line: string): { path: string; error: boolean } | null {
  try {
    const d = JSON.parse(line) as Partial<HearsayDocument>;
    if (typeof d.input?.path !== 'string') return null;
    return { path: d.input.path, error: Array.isArray(d.messages) && d.messages.some((m) => m?.severity === 'error') };
  } catch {
    return null; // a torn last line is redone
  }
}

/**
 * The inputs an `--out` file already holds, read line by line (a crawl's file may pass what one
 * string can hold). With `retry`, error lines do not count and are taken out (an input with only
 * error lines is then analysed again): the file is written again without them, then renamed over
 * the old one, so a crash midway leaves the old file whole.
 */
async function scanOutput(file: string, retry: boolean): Promise<{ done: Set<string>; dropped: number }> {
  const done = new Set<string>();
  let errorLines = 0;
  const read = async (each: (text: string, line: ReturnType<typeof savedLine>) => void): Promise<boolean> => {
    try {
      for await (const l of linesOf(createReadStream(file))) {
        if ('tooLong' in l || !l.text.trim()) continue;
        each(l.text, savedLine(l.text));
      }
      return true;
    } catch {
      return false; // no output yet: start from the beginning
    }
  };
  if (!(await read((_, x) => { if (x?.error && retry) errorLines++; else if (x) done.add(x.path); }))) return { done, dropped: 0 };
  if (!errorLines) return { done, dropped: 0 };
  const tmp = `${file}.retry-${process.pid}`;
  const out = createWriteStream(tmp);
  let dropped = 0;
  await read((text, x) => { if (x?.error) dropped++; else out.write(text + '\n'); });
  await new Promise<void>((ok, fail) => out.end((e?: Error | null) => (e ? fail(e) : ok())));
  await rename(tmp, file);
  return { done, dropped };
}

/** `hearsay analyze PATH…`: one document (json), or one JSON line per input (jsonl / several paths). */
export const run: Command = async (args, io) => {
  const p = parseArgs(args, ['explain', 'resume', 'retry-errors']);
  if (p.positionals.length === 0 && !p.flags.has('list')) { io.stderr('usage: hearsay analyze PATH… [--list FILE] (- for standard input; a folder for the pages under it)\n'); return 2; }
  const date = flagString(p, 'date');
  if (date !== undefined && !isCalendarDate(date)) { io.stderr('hearsay analyze: --date must be a calendar day YYYY-MM-DD\n'); return 2; }
  const input = flagString(p, 'input', 'auto');
  if (!['auto', 'text', 'html'].includes(input)) { io.stderr('hearsay analyze: --input must be auto, text or html\n'); return 2; }
  const jobsFlag = p.flags.get('jobs') ?? '1';
  const jobs = jobsFlag === 'auto' ? Math.max(1, availableParallelism()) : typeof jobsFlag === 'string' && /^\d+$/.test(jobsFlag) ? Number(jobsFlag) : NaN;
  if (!(jobs >= 1 && jobs <= 256)) { io.stderr('hearsay analyze: --jobs must be a whole number from 1 to 256, or auto\n'); return 2; }
  const timeoutFlag = p.flags.get('timeout-ms');
  if (timeoutFlag !== undefined && !(typeof timeoutFlag === 'string' && /^\d+$/.test(timeoutFlag) && Number(timeoutFlag) >= 1 && Number(timeoutFlag) <= 2 ** 31 - 1)) {
    io.stderr('hearsay analyze: --timeout-ms must be a whole number of milliseconds\n');
    return 2;
  }
  const timeoutMs = timeoutFlag === undefined ? DEFAULT_TIMEOUT_MS : Number(timeoutFlag);
  // A time-out needs a worker to end, so one given with a single job still runs in a one-worker pool.
  const pooled = jobs > 1 || timeoutFlag !== undefined;
  const list = flagString(p, 'list');
  if (p.flags.get('list') === true) { io.stderr('hearsay analyze: --list needs a FILE (or - for standard input)\n'); return 2; }
  if (list === '-' && p.positionals.includes('-')) { io.stderr('hearsay analyze: standard input cannot be both the list and an input\n'); return 2; }
  if (p.positionals.filter((x) => x === '-').length > 1) { io.stderr('hearsay analyze: standard input can be read once\n'); return 2; }
  const { inputs, problems, expanded } = await expandInputs(p.positionals, list, io);
  const format = flagString(p, 'format', inputs.length > 1 || expanded ? 'jsonl' : 'json') as Format;
  if (!FORMATS.includes(format)) { io.stderr(`hearsay analyze: --format must be one of ${FORMATS.join(', ')}\n`); return 2; }
  const options: AnalyzeOptions = { inputType: input as 'auto' | 'text' | 'html' };
  if (date) options.date = date;
  const actorsPath = flagString(p, 'actors');
  if (actorsPath) {
    try {
      const { loadActorsFile } = await import('../../kb/load-actors.js');
      options.actors = loadActorsFile(JSON.parse(await readFile(resolve(io.cwd, actorsPath), 'utf8')) as unknown) as KbFile;
    } catch (e) {
      io.stderr(`hearsay analyze: cannot use --actors ${actorsPath}: ${(e as Error).message}\n`);
      return 2;
    }
  }
  const explain = p.flags.get('explain') === true;
  // Long batches: --out FILE appends one JSON line per input; --resume skips inputs already there.
  const outPath = flagString(p, 'out');
  const done = new Set<string>();
  const retry = p.flags.has('retry-errors');
  if (retry && !p.flags.has('resume')) { io.stderr('hearsay analyze: --retry-errors goes with --resume\n'); return 2; }
  if (p.flags.has('resume')) {
    if (!outPath) { io.stderr('hearsay analyze: --resume needs --out FILE\n'); return 2; }
    const scanned = await scanOutput(resolve(io.cwd, outPath), retry);
    for (const path of scanned.done) done.add(path);
    if (scanned.dropped) io.stderr(`hearsay analyze: ${scanned.dropped} error line${scanned.dropped === 1 ? '' : 's'} taken out of ${outPath}, to be analysed again\n`);
  }
  if (outPath) {
    // A run killed mid-line leaves a torn record: end it, so the next record starts a line of its own.
    try {
      const fd = openSync(resolve(io.cwd, outPath), 'r');
      try {
        const size = fstatSync(fd).size;
        const last = Buffer.alloc(1);
        if (size > 0 && readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a) appendFileSync(resolve(io.cwd, outPath), '\n');
      } finally { closeSync(fd); }
    } catch { /* no output yet */ }
  }
  const write = outPath
    ? (s: string) => appendFileSync(resolve(io.cwd, outPath), s)
    : io.stdout;
  let failed = 0;
  for (const problem of problems) { io.stderr(`hearsay analyze: ${problem}\n`); failed++; }

  /** Writes one outcome in the chosen format; a worker's JSON is parsed only where a format needs the document. */
  const emit = async (o: Outcome): Promise<void> => {
    const errors = 'doc' in o ? errorsOf(o.doc) : o.errors;
    if (errors.length) {
      failed++;
      io.stderr(`hearsay analyze: ${o.path}: ${errors.join('; ')}\n`);
    }
    if ((outPath || format === 'jsonl') && !explain) { write(('json' in o ? o.json : JSON.stringify(o.doc)) + '\n'); return; }
    const doc = 'doc' in o ? o.doc : JSON.parse(o.json) as HearsayDocument;
    if (outPath || format === 'jsonl') write(JSON.stringify(doc) + '\n');
    else if (format === 'json') write(JSON.stringify(doc, null, 2) + '\n');
    else if (format === 'text') write(formatText(doc) + '\n');
    else {
      const { toPloverRecords } = await import('../../events/plover.js');
      for (const r of toPloverRecords(doc)) write(JSON.stringify(r) + '\n');
    }
    if (explain) io.stderr(explainDocument(doc));
  };

  /** One input analysed here, on this thread. */
  const analyzeHere = async (path: string): Promise<Outcome> => {
    const got = await readInput(path, io);
    // A long document takes seconds a stage: say which one runs, so a wait is not taken for a hang.
    const long = !('error' in got) && got.bytes.length >= LONG_INPUT_BYTES;
    const onStage = long ? (stage: string, i: number, of: number) => io.stderr(`analyze: ${path}: ${stage} (${i}/${of})\n`) : undefined;
    try {
      return { path, doc: 'error' in got ? got.error : analyzeBytes(got.bytes, path, onStage ? { ...options, onStage } : options) };
    } catch (e) {
      // A fault of ours on one input must not cost the rest of the batch.
      return { path, doc: errorDoc(path, 'input/failed', `analysis failed: ${(e as Error).message}`) };
    }
  };

  const todo = inputs.filter((path) => !done.has(path));
  const total = inputs.length;
  let written = total - todo.length;
  /** Writes an outcome and reports progress every 100 inputs. */
  const flush = async (o: Outcome): Promise<void> => {
    await emit(o);
    written++;
    if (total > 1 && (written % 100 === 0 || written === total)) io.stderr(`analyze: ${written}/${total} inputs\n`);
  };
  if (!pooled) {
    for (const path of todo) await flush(await analyzeHere(path));
    return failed ? 1 : 0;
  }

  // Several workers: inputs are read and decoded here, analysed in worker threads, and written in
  // input order; a page past --timeout-ms has its worker ended and becomes an error line.
  const { WorkerPool, PoolError } = await import('../../server/worker-pool.js');
  const pool = new WorkerPool({ size: jobs });
  const analyzeThere = async (path: string): Promise<Outcome> => {
    const got = await readInput(path, io);
    if ('error' in got) return { path, doc: got.error };
    const decoded = decodeInput(got.bytes, path, options);
    if ('error' in decoded) return { path, doc: decoded.error };
    try {
      const reply = await pool.runFor({ input: decoded.text, options: { ...options, path }, messages: decoded.messages }, timeoutMs);
      return { path, json: reply.json, errors: reply.errors };
    } catch (e) {
      const timeout = e instanceof PoolError && e.reason === 'timeout';
      return { path, doc: timeout ? errorDoc(path, 'input/timeout', `analysis took longer than ${timeoutMs} ms; stopped`) : errorDoc(path, 'input/failed', `analysis failed: ${(e as Error).message}`) };
    }
  };
  try {
    // A window of a few inputs per worker keeps every worker busy while output stays in order.
    const window: Promise<Outcome>[] = [];
    for (const path of todo) {
      window.push(analyzeThere(path));
      if (window.length >= jobs * 4) await flush(await window.shift()!);
    }
    while (window.length) await flush(await window.shift()!);
  } finally {
    await pool.close();
  }
  return failed ? 1 : 0;
};
