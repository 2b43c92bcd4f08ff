import { GROUP_BY, Summary, type GroupBy } from '../../summary/summary.js';
import { formatSummary, summaryCsv } from '../format-summary.js';
import { type Command, flagString, parseArgs } from '../io.js';
import { readSavedDocuments } from '../saved-documents.js';

const USAGE = `usage: hearsay summarize PATH… [--format text|json|csv] [--top N] [--no-first-names] [--by outlet|site|year|month|day[,…]]
  PATH is a file of hearsay/1 documents, one JSON per line (what analyze --out writes; .gz is
  inflated), one JSON document, an array of them or several in a row (what analyze --format json
  writes), a folder of .json / .jsonl / .ndjson files (read depth first, hidden ones left out),
  or - for standard input.
  --no-first-names   count only genders the text states (titles, pronouns), not first-name guesses
  --by KEY[,KEY2]    also count per outlet, site, or publication year, month or day; two crossed
                     (--by outlet,month) count each outlet's months
  --format csv       the sources listed (kind by kind), or with --by the groups, as CSV
`;

/** `hearsay summarize PATH…`: who is quoted, how and how often, over a corpus of analyses. */
export const run: Command = async (args, io) => {
  const p = parseArgs(args, ['help', 'no-first-names']);
  if (p.flags.has('help')) { io.stdout(USAGE); return 0; }
  const format = flagString(p, 'format', 'text');
  if (p.flags.get('format') === true || !['json', 'text', 'csv'].includes(format)) { io.stderr(`hearsay summarize: --format must be text, json or csv\n${USAGE}`); return 2; }
  const topFlag = p.flags.get('top') ?? '20';
  if (typeof topFlag !== 'string' || !/^\d+$/.test(topFlag) || Number(topFlag) < 1) { io.stderr('hearsay summarize: --top must be a whole number ≥ 1\n'); return 2; }
  const byFlag = p.flags.get('by');
  const [by, then, ...more] = typeof byFlag === 'string' ? byFlag.split(',').map((x) => x.trim()) : [];
  const known = (x: string | undefined) => x === undefined || (GROUP_BY as readonly string[]).includes(x);
  if (byFlag !== undefined && (typeof byFlag !== 'string' || !by || !known(by) || !known(then) || more.length || (then !== undefined && then === by))) {
    io.stderr(`hearsay summarize: --by must be one of ${GROUP_BY.join(', ')}, or two of them crossed (outlet,month)\n`);
    return 2;
  }
  if (!p.positionals.length) { io.stderr(USAGE); return 2; }
  if (p.positionals.filter((x) => x === '-').length > 1) { io.stderr('hearsay summarize: standard input can be read once\n'); return 2; }

  const summary = new Summary({ top: Number(topFlag), firstNames: !p.flags.has('no-first-names'), ...(by ? { by: by as GroupBy } : {}), ...(then ? { then: then as GroupBy } : {}) });
  const { problems } = await readSavedDocuments(p.positionals, io, 'hearsay summarize', (doc) => summary.add(doc));
  const s = summary.toJSON();
  io.stdout(format === 'json' ? JSON.stringify(s, null, 2) + '\n' : format === 'csv' ? summaryCsv(s) : formatSummary(s) + '\n');
  return problems ? 1 : 0;
};
