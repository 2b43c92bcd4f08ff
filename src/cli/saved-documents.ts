/**
 * Reading saved hearsay/1 analyses for the corpus commands (`summarize`, `quotes`): files of one
 * document per line (gzip inflated), single or several pretty-printed documents, arrays of
 * them, folders and standard input, each read once and in bounded memory.
 */
import { createReadStream } from 'node:fs';
import { gunzipSync, createGunzip } from 'node:zlib';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { parseDocument } from '../core/document.js';
import type { HearsayDocument } from '../core/types.js';
import type { CliIo } from './io.js';
import { filesUnder, isFolder } from './walk.js';

/** Files a folder of saved analyses holds. */
const SAVED_FILE = /\.(json|jsonl|ndjson)(\.gz)?$/i;
/** Longest line read (bytes); a longer one is named and skipped. V8's strings stop at 512 MB. */
const MAX_LINE = 256 * 1024 * 1024;
/** A file that is not one document per line is read whole, up to this size (characters). */
const MAX_WHOLE = 256 * 1024 * 1024;
/** Standard input is read at once, so it is capped; a larger crawl is read from a file. */
const MAX_STDIN = 256 * 1024 * 1024;
/** Progress goes to stderr every this many documents. */
const PROGRESS_EVERY = 10_000;
/** Unreadable lines are named on stderr up to this many; the rest are counted. */
const MAX_NAMED_PROBLEMS = 5;

/** A line of a stream, or `tooLong` where one passed {@link MAX_LINE} (skipped). */
type Line = { n: number; text: string } | { n: number; tooLong: true };

/**
 * Splits a byte stream into lines with bounded memory: a UTF-8 BOM at the start is dropped, a
 * trailing CR is cut, and a line past `max` bytes is reported instead of held. Splitting bytes at
 * LF is safe: no multi-byte UTF-8 sequence holds that byte.
 */
export async function* linesOf(stream: AsyncIterable<Buffer | Uint8Array>, max = MAX_LINE): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let n = 0;
  let first = true;
  const end = (): Line => {
    n++;
    if (tooLong) return { n, tooLong: true };
    let text = Buffer.concat(parts, size).toString('utf8');
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    first = false;
    if (text.endsWith('\r')) text = text.slice(0, -1);
    return { n, text };
  };
  for await (const chunk of stream) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let from = 0;
    for (let at = buf.indexOf(0x0a); at >= 0; at = buf.indexOf(0x0a, from)) {
      if (!tooLong && size + at - from > max) tooLong = true;
      if (!tooLong) { parts.push(buf.subarray(from, at)); size += at - from; }
      yield end();
      parts = []; size = 0; tooLong = false; first = false;
      from = at + 1;
    }
    if (from < buf.length) {
      if (!tooLong && size + buf.length - from > max) { tooLong = true; parts = []; size = 0; }
      if (!tooLong) { parts.push(buf.subarray(from)); size += buf.length - from; }
    }
  }
  if (size > 0 || tooLong) yield end();
}

/**
 * The JSON values of a text holding several in a row (`{…}{…}`, pretty-printed documents one after
 * another), as slices; null where the text is not such a row (text between values, unbalanced).
 */
export function jsonValues(text: string): string[] | null {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (c === 92) escaped = true;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) { if (depth === 0) return null; inString = true; continue; }
    if (c === 123 || c === 91) { if (depth++ === 0) start = i; continue; }
    if (c === 125 || c === 93) {
      if (--depth < 0) return null;
      if (depth === 0) out.push(text.slice(start, i + 1));
      continue;
    }
    if (depth === 0 && c !== 32 && c !== 9 && c !== 10 && c !== 13) return null;
  }
  return depth === 0 && out.length ? out : null;
}


/**
 * A byte stream, inflated where it starts with gzip's magic bytes, whatever the file is called
 * (a crawl's `part-0001` may be gzip). Reads the stream once, so pipes work.
 */
async function* inflated(stream: Readable): AsyncGenerator<Buffer> {
  const it = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  let head = Buffer.alloc(0);
  while (head.length < 2) {
    const n = await it.next();
    if (n.done) { if (head.length) yield head; return; }
    head = Buffer.concat([head, n.value]);
  }
  const rest = async function* (): AsyncGenerator<Buffer> {
    yield head;
    for (let n = await it.next(); !n.done; n = await it.next()) yield n.value;
  };
  if (head[0] !== 0x1f || head[1] !== 0x8b) { yield* rest(); return; }
  const gunzip = createGunzip();
  const source = Readable.from(rest());
  source.on('error', (e) => gunzip.destroy(e));
  yield* source.pipe(gunzip) as AsyncIterable<Buffer>;
}

/** What {@link readSavedDocuments} found: documents taken and inputs or lines it could not read. */
export interface SavedReadResult {
  documents: number;
  problems: number;
}

/**
 * Reads every document under `paths` ('-' is standard input) into `onDocument`, in order. Lines,
 * files or values that are not hearsay/1 are named on stderr (the first five, then counted) under
 * `command`'s name, and progress goes to stderr every 10,000 documents.
 */
export async function readSavedDocuments(paths: readonly string[], io: CliIo, command: string, onDocument: (doc: HearsayDocument) => void): Promise<SavedReadResult> {
  let counted = 0;
  let problems = 0;
  const problem = (where: string, why: string): void => {
    if (++problems <= MAX_NAMED_PROBLEMS) io.stderr(`${command}: ${where}: ${why}\n`);
  };
  const take = (json: unknown, where: string): void => {
    if (Array.isArray(json)) { json.forEach((d, i) => take(d, `${where}[${i}]`)); return; }
    try {
      onDocument(parseDocument(json));
    } catch (e) {
      problem(where, (e as Error).message);
      return;
    }
    if (++counted % PROGRESS_EVERY === 0) io.stderr(`${command}: ${counted.toLocaleString('en-US')} documents\n`);
  };
  const takeLine = (line: Line, where: string): void => {
    if ('tooLong' in line) { problem(`${where}:${line.n}`, `a line longer than ${MAX_LINE} bytes; skipped`); return; }
    if (!line.text.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line.text);
    } catch (e) {
      problem(`${where}:${line.n}`, `not JSON: ${(e as Error).message}`);
      return;
    }
    take(json, `${where}:${line.n}`);
  };

  /**
   * Reads one stream once. One document per line where the first line is JSON (or, after a
   * header or a torn line, the second is); otherwise the text is read whole as one JSON value or
   * several in a row, and where it is neither, line by line after all, naming the lines that fail.
   */
  const readStream = async (stream: AsyncIterable<Buffer | Uint8Array>, where: string): Promise<void> => {
    const head: Line[] = [];
    let mode: 'lines' | 'whole' | null = null;
    const kept: string[] = [];
    let keptSize = 0;
    for await (const line of linesOf(stream)) {
      if (mode === 'lines') { takeLine(line, where); continue; }
      if (mode === 'whole') {
        if ('tooLong' in line || (keptSize += line.text.length + 1) > MAX_WHOLE) {
          problem(where, `more than ${MAX_WHOLE} characters of JSON that is not one document per line; the rest is not read`);
          return;
        }
        kept.push(line.text);
        continue;
      }
      head.push(line);
      const texts = head.filter((l) => 'text' in l && l.text.trim());
      const parses = (l: Line | undefined) => { try { return l !== undefined && 'text' in l && (JSON.parse(l.text), true); } catch { return false; } };
      if (parses(texts[0]) || head.length > 10_000) mode = 'lines';
      else if (texts.length < 2) continue;
      else mode = parses(texts[1]) ? 'lines' : 'whole';
      if (mode === 'lines') for (const l of head) takeLine(l, where);
      else for (const l of head) { if ('tooLong' in l) { problem(where, `a line longer than ${MAX_LINE} bytes`); return; } kept.push(l.text); keptSize += l.text.length + 1; }
    }
    if (mode === null) {
      // Fewer than two non-blank lines: one line that is no JSON is named as such.
      for (const l of head) takeLine(l, where);
      return;
    }
    if (mode === 'lines') return;
    const text = kept.join('\n');
    try {
      take(JSON.parse(text), where);
      return;
    } catch { /* several values, or lines after all */ }
    const values = jsonValues(text);
    const parsed = values?.map((v) => { try { return { ok: true as const, json: JSON.parse(v) as unknown }; } catch { return { ok: false as const }; } });
    if (parsed && parsed.every((x) => x.ok)) {
      parsed.forEach((x, i) => take(x.ok ? x.json : null, parsed.length > 1 ? `${where} (value ${i + 1})` : where));
      return;
    }
    kept.forEach((l, i) => takeLine({ n: i + 1, text: l }, where));
  };

  const seen = new Set<string>();
  for (const path of paths) {
    if (path === '-') {
      let bytes: Uint8Array = await io.stdin(MAX_STDIN);
      if (bytes.length > MAX_STDIN) { problem('-', `standard input has more than ${MAX_STDIN} bytes; write it to a file, which is read line by line`); continue; }
      if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
        try {
          bytes = gunzipSync(bytes, { maxOutputLength: MAX_STDIN });
        } catch (e) {
          problem('-', `gzip data that does not inflate within ${MAX_STDIN} bytes: ${(e as Error).message}`);
          continue;
        }
      }
      const all = bytes;
      await readStream((async function* () { yield all; })(), '-');
      continue;
    }
    let files = [path];
    if (await isFolder(path, io.cwd)) {
      const under = await filesUnder(path, io.cwd, SAVED_FILE);
      for (const why of under.problems) problem(path, why);
      if (!under.files.length && !under.problems.length) problem(path, 'no .json, .jsonl or .ndjson files under this folder');
      files = under.files;
    }
    for (const file of files) {
      const full = resolve(io.cwd, file);
      // A file named twice (or met again under a folder) would count every document twice.
      if (seen.has(full)) { io.stderr(`${command}: ${file}: given more than once; read once\n`); continue; }
      seen.add(full);
      try {
        await readStream(inflated(createReadStream(full)), file);
      } catch (e) {
        problem(file, `cannot read: ${(e as Error).message}`);
      }
    }
  }
  if (problems > MAX_NAMED_PROBLEMS) io.stderr(`${command}: ${problems - MAX_NAMED_PROBLEMS} more unreadable lines or files not named\n`);

  return { documents: counted, problems };
}
