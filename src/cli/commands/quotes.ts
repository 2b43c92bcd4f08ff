import { QuoteBank, type QuoteListOptions } from '../../quotes/quote-bank.js';
import { formatQuotes, quotesCsv } from '../format-quotes.js';
import { type Command, flagString, parseArgs } from '../io.js';
import { readSavedDocuments } from '../saved-documents.js';

const USAGE = `usage: hearsay quotes PATH… [--format text|json|jsonl|csv] [--top N] [--min-documents N] [--min-words N] [--conflicts] [--speaker NAME] [--contains WORDS]
  Every quotation a corpus of saved analyses attributes, counted once across documents (the same
  words, or a shorter cut of them), with its speakers, how many documents carry it, and where it
  was first seen. PATH is read as by summarize: files of hearsay/1 documents one per line (.gz
  inflated), single documents, arrays, folders of .json / .jsonl / .ndjson files, or - for
  standard input.
  --top N            list at most N quotations (text: 20 unless given; the other formats: all)
  --min-documents N  only quotations met in at least N documents
  --min-words N      bank passages of at least N words (default 4); shorter ones are fragments
  --conflicts        only quotations the documents give to different people
  --speaker NAME     only quotations given to a speaker whose name contains NAME
  --contains WORDS   only quotations holding these words in this order ("who said it?")
  --format jsonl     one quotation per line; json is the whole bank (schema hearsay-quotes/1)
`;

const FLAGS = new Set(['help', 'format', 'top', 'min-documents', 'min-words', 'conflicts', 'speaker', 'contains']);

/** `hearsay quotes PATH…`: a quotation bank over a corpus of analyses. */
export const run: Command = async (args, io) => {
  const p = parseArgs(args, ['help', 'conflicts']);
  if (p.flags.has('help')) { io.stdout(USAGE); return 0; }
  const fail = (why: string): number => { io.stderr(`hearsay quotes: ${why}\n${USAGE}`); return 2; };
  for (const name of p.flags.keys()) if (!FLAGS.has(name)) return fail(`unknown option --${name}`);
  if (p.flags.has('conflicts') && p.flags.get('conflicts') !== true) return fail('--conflicts takes no value');
  const format = flagString(p, 'format', 'text');
  if (p.flags.get('format') === true || !['text', 'json', 'jsonl', 'csv'].includes(format)) return fail('--format must be text, json, jsonl or csv');
  const whole = (name: string, least: number): number | undefined | null => {
    const v = p.flags.get(name);
    if (v === undefined) return undefined;
    return typeof v === 'string' && /^\d+$/.test(v) && Number(v) >= least ? Number(v) : null;
  };
  const top = whole('top', 1);
  const minDocuments = whole('min-documents', 1);
  const minWords = whole('min-words', 1);
  if (top === null) return fail('--top must be a whole number ≥ 1');
  if (minDocuments === null) return fail('--min-documents must be a whole number ≥ 1');
  if (minWords === null) return fail('--min-words must be a whole number ≥ 1');
  const speaker = p.flags.get('speaker');
  if (speaker === true || (typeof speaker === 'string' && !speaker.trim())) return fail('--speaker needs a name');
  const contains = p.flags.get('contains');
  if (contains === true || (typeof contains === 'string' && !/[\p{L}\p{N}]/u.test(contains))) return fail('--contains needs words');
  if (!p.positionals.length) { io.stderr(USAGE); return 2; }
  if (p.positionals.filter((x) => x === '-').length > 1) return fail('standard input can be read once');

  const bank = new QuoteBank(minWords !== undefined ? { minWords } : {});
  const { problems } = await readSavedDocuments(p.positionals, io, 'hearsay quotes', (doc) => bank.add(doc));
  const list: QuoteListOptions = {
    ...(minDocuments !== undefined ? { minDocuments } : {}),
    ...(p.flags.has('conflicts') ? { conflicts: true } : {}),
    ...(typeof speaker === 'string' ? { speaker: speaker.trim() } : {}),
    ...(typeof contains === 'string' ? { contains } : {}),
    ...(top !== undefined ? { top } : format === 'text' ? { top: 20 } : {}),
  };
  const j = bank.toJSON(list);
  if (format === 'json') io.stdout(JSON.stringify(j, null, 2) + '\n');
  else if (format === 'jsonl') io.stdout(j.quotes.map((q) => JSON.stringify(q) + '\n').join(''));
  else if (format === 'csv') io.stdout(quotesCsv(j));
  else io.stdout(formatQuotes(j) + '\n');
  return problems ? 1 : 0;
};
