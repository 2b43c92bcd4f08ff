import { appendFileSync, closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { analyze, MAX_INPUT_CHARS } from '../../analyze.js';
import type { AnalyzeOptions } from '../../core/working-doc.js';
import type { HearsayDocument } from '../../core/types.js';
import { SCHEMA_VERSION } from '../../core/types.js';
import { decodeBytes } from '../../extract/decode.js';
import { isCalendarDate } from '../../time/calendar.js';
import type { KbFile } from '../../kb/types.js';
import { type Command, type CliIo, flagString, parseArgs } from '../io.js';
import { formatText } from '../format-text.js';
import { explainDocument } from '../explain.js';

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

/** Analyses one input's bytes: decoding problems become messages on the document. */
export function analyzeBytes(input: Uint8Array, path: string, options: AnalyzeOptions): HearsayDocument {
  let bytes = input;
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    // Saved pages often come gzipped; inflate with a cap so a zip bomb stops at the size limit.
    try {
      bytes = new Uint8Array(gunzipSync(bytes, { maxOutputLength: MAX_FILE_BYTES }));
    } catch (e) {
      const tooBig = (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError;
      return tooBig
        ? errorDoc(path, 'input/too-large', `${path} inflates past ${MAX_FILE_BYTES} bytes (a zip bomb?); refused`)
        : errorDoc(path, 'input/compressed', `${path} is gzip data that does not inflate: ${(e as Error).message}`);
    }
  }
  const decoded = decodeBytes(bytes, { html: options.inputType === 'html' ? true : undefined });
  if (decoded.messages.some((m) => m.severity === 'error')) {
    const d = errorDoc(path, decoded.messages.find((m) => m.severity === 'error')!.code, decoded.messages.find((m) => m.severity === 'error')!.text);
    return d;
  }
  const doc = analyze(decoded.text, { ...options, path });
  doc.messages.unshift(...decoded.messages);
  return doc;
}

/** `hearsay analyze PATH…`: one document (json), or one JSON line per input (jsonl / several paths). */
export const run: Command = async (args, io) => {
  const p = parseArgs(args, ['explain', 'resume']);
  const format = flagString(p, 'format', p.positionals.length > 1 ? 'jsonl' : 'json') as Format;
  if (!FORMATS.includes(format)) { io.stderr(`hearsay analyze: --format must be one of ${FORMATS.join(', ')}\n`); return 2; }
  const date = flagString(p, 'date');
  if (date !== undefined && !isCalendarDate(date)) { io.stderr('hearsay analyze: --date must be a calendar day YYYY-MM-DD\n'); return 2; }
  const input = flagString(p, 'input', 'auto');
  if (!['auto', 'text', 'html'].includes(input)) { io.stderr('hearsay analyze: --input must be auto, text or html\n'); return 2; }
  if (p.positionals.length === 0) { io.stderr('usage: hearsay analyze PATH… (- for standard input)\n'); return 2; }
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
  if (p.flags.has('resume')) {
    if (!outPath) { io.stderr('hearsay analyze: --resume needs --out FILE\n'); return 2; }
    try {
      for (const line of (await readFile(resolve(io.cwd, outPath), 'utf8')).split('\n')) {
        if (!line.trim()) continue;
        try { const d = JSON.parse(line) as HearsayDocument; if (d.input?.path) done.add(d.input.path); } catch { /* a torn last line is redone */ }
      }
    } catch { /* no output yet: start from the beginning */ }
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
  const total = p.positionals.length;
  let failed = 0;
  let n = 0;
  for (const path of p.positionals) {
    n++;
    if (total > 1 && (n % 100 === 0 || n === total)) io.stderr(`analyze: ${n}/${total} inputs\n`);
    if (done.has(path)) continue;
    const got = await readInput(path, io);
    // A long document takes seconds a stage: say which one runs, so a wait is not taken for a hang.
    const long = !('error' in got) && got.bytes.length >= LONG_INPUT_BYTES;
    const onStage = long ? (stage: string, i: number, of: number) => io.stderr(`analyze: ${path}: ${stage} (${i}/${of})\n`) : undefined;
    let doc: HearsayDocument;
    try {
      doc = 'error' in got ? got.error : analyzeBytes(got.bytes, path, onStage ? { ...options, onStage } : options);
    } catch (e) {
      // A fault of ours on one input must not cost the rest of the batch.
      doc = errorDoc(path, 'input/failed', `analysis failed: ${(e as Error).message}`);
    }
    const errors = doc.messages.filter((m) => m.severity === 'error');
    if (errors.length) {
      failed++;
      io.stderr(`hearsay analyze: ${path}: ${errors.map((m) => `[${m.code}] ${m.text}`).join('; ')}\n`);
    }
    if (outPath || format === 'jsonl') write(JSON.stringify(doc) + '\n');
    else if (format === 'json') write(JSON.stringify(doc, null, 2) + '\n');
    else if (format === 'text') write(formatText(doc) + '\n');
    else {
      const { toPloverRecords } = await import('../../events/plover.js');
      for (const r of toPloverRecords(doc)) write(JSON.stringify(r) + '\n');
    }
    if (explain) io.stderr(explainDocument(doc));
  }
  return failed ? 1 : 0;
};
