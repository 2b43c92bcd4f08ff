import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { parseDocument } from '../../core/document.js';
import { Summary } from '../../summary/summary.js';
import { formatSummary } from '../format-summary.js';
import { type Command, type CliIo, flagString, parseArgs } from '../io.js';

const USAGE = `usage: hearsay summarize PATH… [--format text|json] [--top N] [--no-first-names]
  PATH is a file of hearsay/1 documents, one JSON per line (what analyze --out writes; .gz is
  inflated), a single JSON document or an array of them, a folder of such files, or - for
  standard input.
  --no-first-names   count only genders the text states (titles, pronouns), not first-name guesses
`;

/** A whole-file JSON (one pretty-printed document or an array) is read at once up to this size. */
const MAX_WHOLE_FILE = 256 * 1024 * 1024;
/** Standard input is read at once, so it is capped; a larger crawl is read from a file, line by line. */
const MAX_STDIN = 256 * 1024 * 1024;
/** Progress goes to stderr every this many documents. */
const PROGRESS_EVERY = 10_000;
/** Unreadable lines are named on stderr up to this many; the rest are counted. */
const MAX_NAMED_PROBLEMS = 5;

/** Files a path stands for: itself, or a folder's .json / .jsonl / .ndjson (optionally .gz) files in name order. */
async function filesOf(path: string, io: CliIo): Promise<string[]> {
  const full = resolve(io.cwd, path);
  const st = await stat(full);
  if (!st.isDirectory()) return [full];
  const names = (await readdir(full)).filter((f) => /\.(json|jsonl|ndjson)(\.gz)?$/i.test(f)).sort();
  return names.map((f) => resolve(full, f));
}

/** Lines of a file (gzip inflated), as they stream. */
function linesOf(file: string): AsyncIterable<string> {
  let stream: Readable = createReadStream(file);
  if (/\.gz$/i.test(file)) stream = stream.pipe(createGunzip());
  return createInterface({ input: stream, crlfDelay: Infinity });
}

/** Reads a whole file (gzip inflated) as text, refusing more than {@link MAX_WHOLE_FILE} bytes. */
async function wholeText(file: string): Promise<string> {
  let stream: Readable = createReadStream(file);
  if (/\.gz$/i.test(file)) stream = stream.pipe(createGunzip());
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > MAX_WHOLE_FILE) { stream.destroy(); throw new Error(`more than ${MAX_WHOLE_FILE} bytes of JSON that is not one document per line`); }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** `hearsay summarize PATH…`: who is quoted, how and how often, over a corpus of analyses. */
export const run: Command = async (args, io) => {
  const p = parseArgs(args, ['help', 'no-first-names']);
  if (p.flags.has('help')) { io.stdout(USAGE); return 0; }
  const format = flagString(p, 'format', 'text');
  if (format !== 'json' && format !== 'text') { io.stderr(`hearsay summarize: --format must be text or json\n${USAGE}`); return 2; }
  const topFlag = flagString(p, 'top', '20');
  const top = Number(topFlag);
  if (!/^\d+$/.test(topFlag) || top < 1) { io.stderr('hearsay summarize: --top must be a whole number ≥ 1\n'); return 2; }
  if (!p.positionals.length) { io.stderr(USAGE); return 2; }

  const summary = new Summary({ top, firstNames: !p.flags.has('no-first-names') });
  let counted = 0;
  let problems = 0;
  const problem = (where: string, why: string): void => {
    if (++problems <= MAX_NAMED_PROBLEMS) io.stderr(`hearsay summarize: ${where}: ${why}\n`);
  };
  const take = (json: unknown, where: string): void => {
    try {
      summary.add(parseDocument(json));
    } catch (e) {
      problem(where, (e as Error).message);
      return;
    }
    if (++counted % PROGRESS_EVERY === 0) io.stderr(`hearsay summarize: ${counted.toLocaleString('en-US')} documents\n`);
  };
  /** One document, or each of an array of them. */
  const takeJson = (json: unknown, where: string): void => {
    if (Array.isArray(json)) json.forEach((d, i) => take(d, `${where}[${i}]`));
    else take(json, where);
  };
  /** Feeds a JSON text holding one document or an array of them. */
  const takeWhole = (text: string, where: string): void => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      problem(where, `not JSON, nor one JSON document per line: ${(e as Error).message}`);
      return;
    }
    takeJson(json, where);
  };

  for (const path of p.positionals) {
    if (path === '-') {
      const bytes = await io.stdin(MAX_STDIN);
      if (bytes.length > MAX_STDIN) { problem('-', `standard input has more than ${MAX_STDIN} bytes; write it to a file, which is read line by line`); continue; }
      const text = new TextDecoder().decode(bytes);
      const lines = text.split('\n');
      const first = lines.find((l) => l.trim());
      if (first !== undefined && !parses(first)) takeWhole(text, '-');
      else lines.forEach((l, i) => { if (l.trim()) takeLine(l, `-:${i + 1}`); });
      continue;
    }
    let files: string[];
    try {
      files = await filesOf(path, io);
    } catch (e) {
      problem(path, `cannot read: ${(e as Error).message}`);
      continue;
    }
    for (const file of files) {
      const shown = files.length > 1 ? file : path;
      try {
        let lineNo = 0;
        let firstSeen = false;
        let whole = false;
        for await (const line of linesOf(file)) {
          lineNo++;
          if (!line.trim()) continue;
          if (!firstSeen) {
            firstSeen = true;
            // A pretty-printed document's first line ("{") is no JSON on its own: read the file whole.
            if (!parses(line)) { whole = true; break; }
          }
          takeLine(line, `${shown}:${lineNo}`);
        }
        if (whole) takeWhole(await wholeText(file), shown);
      } catch (e) {
        problem(shown, `cannot read: ${(e as Error).message}`);
      }
    }
  }
  if (problems > MAX_NAMED_PROBLEMS) io.stderr(`hearsay summarize: ${problems - MAX_NAMED_PROBLEMS} more unreadable lines or files not named\n`);

  const s = summary.toJSON();
  io.stdout(format === 'json' ? JSON.stringify(s, null, 2) + '\n' : formatSummary(s) + '\n');
  return problems ? 1 : 0;

  function takeLine(line: string, where: string): void {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (e) {
      problem(where, `not JSON: ${(e as Error).message}`);
      return;
    }
    takeJson(json, where);
  }
};

function parses(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}
