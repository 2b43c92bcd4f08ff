import { compareDocuments } from '../../compare/compare.js';
import { parseDocument } from '../../core/document.js';
import type { HearsayDocument } from '../../core/types.js';
import type { AnalyzeOptions } from '../../core/working-doc.js';
import { SCHEMA_VERSION } from '../../core/types.js';
import { type Command, type CliIo, flagString, parseArgs } from '../io.js';
import { formatComparison } from '../format-compare.js';
import { isCalendarDate } from '../../time/calendar.js';
import { analyzeBytes, readInput } from './analyze.js';

const USAGE = `usage: hearsay compare BEFORE AFTER [--format json|text] [--date YYYY-MM-DD] [--input auto|text|html]
  BEFORE and AFTER are articles (text or HTML, analysed first) or hearsay/1 JSON documents.
`;

/** Reads one side: a hearsay/1 JSON document as it is, anything else analysed. */
async function load(path: string, io: CliIo, options: AnalyzeOptions): Promise<HearsayDocument | string> {
  const got = await readInput(path, io);
  if ('error' in got) return `${path}: [${got.error.messages[0]!.code}] ${got.error.messages[0]!.text}`;
  const bytes = got.bytes;
  // A saved analysis is JSON: `{` or `[` first. JSON that is no hearsay/1 document is an error
  // here, not an article to analyse (its words would be compared as prose).
  const head = new TextDecoder().decode(bytes.subarray(0, 200)).trimStart();
  if (head.startsWith('{') || head.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    } catch (e) {
      // Text that only opens with a brace ("{Update} The mayor said …") is still an article.
      if (head.includes(SCHEMA_VERSION)) return `${path}: not valid JSON: ${(e as Error).message}`;
      json = undefined;
    }
    if (json !== undefined) {
      try {
        return parseDocument(json);
      } catch (e) {
        return `${path}: ${(e as Error).message}`;
      }
    }
  }
  const doc = analyzeBytes(bytes, path, options);
  const error = doc.messages.find((m) => m.severity === 'error');
  return error ? `${path}: [${error.code}] ${error.text}` : doc;
}

/** `hearsay compare BEFORE AFTER`: what changed between two versions of a story. */
export const run: Command = async (args, io) => {
  const p = parseArgs(args, ['help']);
  if (p.flags.has('help')) { io.stdout(USAGE); return 0; }
  const format = flagString(p, 'format', 'json');
  if (format !== 'json' && format !== 'text') { io.stderr(`hearsay compare: --format must be json or text\n${USAGE}`); return 2; }
  const date = flagString(p, 'date');
  if (date !== undefined && !isCalendarDate(date)) { io.stderr('hearsay compare: --date must be a calendar day YYYY-MM-DD\n'); return 2; }
  const input = flagString(p, 'input', 'auto');
  if (!['auto', 'text', 'html'].includes(input)) { io.stderr('hearsay compare: --input must be auto, text or html\n'); return 2; }
  if (p.positionals.length !== 2) { io.stderr(USAGE); return 2; }
  if (p.positionals[0] === '-' && p.positionals[1] === '-') { io.stderr('hearsay compare: only one side can be standard input\n'); return 2; }
  const options: AnalyzeOptions = { inputType: input as 'auto' | 'text' | 'html' };
  if (date) options.date = date;
  const before = await load(p.positionals[0]!, io, options);
  const after = await load(p.positionals[1]!, io, options);
  let failed = false;
  for (const side of [before, after]) if (typeof side === 'string') { io.stderr(`hearsay compare: ${side}\n`); failed = true; }
  if (typeof before === 'string' || typeof after === 'string' || failed) return 1;
  const cmp = compareDocuments(before, after);
  io.stdout(format === 'json' ? JSON.stringify(cmp, null, 2) + '\n' : formatComparison(cmp, before, after) + '\n');
  return 0;
};
