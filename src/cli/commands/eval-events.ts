import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { analyzeToWorkingDoc } from '../../analyze.js';
import type { EventRecord } from '../../core/types.js';
import { formatEventScores, readGsr, scoreEvents, type GsrRecord } from '../../eval/events.js';
import { eventsStage } from '../../events/stage.js';
import { BUILTIN_KB, DEFAULT_KB, indexKb, type KbIndex } from '../../kb/index.js';
import { loadActorsFile } from '../../kb/load-actors.js';
import { timesStage } from '../../time/stage.js';
import type { Command } from '../io.js';
import { flagString, parseArgs } from '../io.js';

const USAGE = `usage: hearsay eval events FILE [--errors OUT] [--json] [--actors FILE]
  FILE is a PLOVER gold-standard JSON array (../shared/plover-gsr/dev.json).
  Prints, per category and overall: share of sentences with an event of the gold category, with
  the gold actor country, with the gold recipient country. --errors writes the misses as JSON lines.
`;

/** `hearsay eval events FILE`: codes each gold sentence and prints category/actor/recipient accuracy. */
export const run: Command = async (args, io) => {
  const p = parseArgs(args, ['json', 'help']);
  if (p.flags.has('help')) { io.stdout(USAGE); return 0; }
  const file = p.positionals[0];
  if (!file) { io.stderr(USAGE); return 2; }
  let records: GsrRecord[];
  let kb: KbIndex = DEFAULT_KB;
  try {
    records = readGsr(JSON.parse(await readFile(path.resolve(io.cwd, file), 'utf8')));
    const actors = flagString(p, 'actors');
    if (actors) kb = indexKb(BUILTIN_KB, loadActorsFile(JSON.parse(await readFile(path.resolve(io.cwd, actors), 'utf8'))));
  } catch (e) {
    io.stderr(`eval events: ${(e as Error).message}\n`);
    return 1;
  }
  if (records.length === 0) {
    io.stderr(`eval events: ${file} holds no gold event records (each needs id, text and event fields)\n`);
    return 1;
  }
  const times = timesStage();
  const events = eventsStage({ kb });
  const code = (r: GsrRecord): EventRecord[] => {
    const doc = analyzeToWorkingDoc(r.text, { date: r.date ?? undefined, inputType: 'text' });
    if (!doc.layers.has('times')) times.run(doc);
    if (!doc.layers.has('events') || kb !== DEFAULT_KB) events.run(doc);
    return doc.events ?? [];
  };
  const scores = scoreEvents(records, code);
  if (p.flags.has('json')) {
    io.stdout(`${JSON.stringify({ overall: scores.overall, byCategory: Object.fromEntries(scores.byCategory) }, null, 2)}\n`);
  } else {
    io.stdout(formatEventScores(scores));
  }
  const errors = flagString(p, 'errors');
  if (errors) {
    const byId = new Map(records.map((r) => [r.id, r]));
    const lines = scores.outcomes.filter((o) => !o.categoryHit || o.actor === false || o.recipient === false)
      .map((o) => JSON.stringify({ ...o, text: byId.get(o.id)?.text }));
    await writeFile(path.resolve(io.cwd, errors), `${lines.join('\n')}\n`);
  }
  // CI floors, in percent: --min-category, --min-actor, --min-recipient.
  const o = scores.overall;
  const pct = (a: number, b: number) => (b ? (100 * a) / b : 0);
  const floors: Array<[string, number]> = [['category', pct(o.categoryHits, o.sentences)], ['actor', pct(o.actorHits, o.actorScored)], ['recipient', pct(o.recipientHits, o.recipientScored)]];
  let below = 0;
  for (const [name, value] of floors) {
    const min = flagString(p, `min-${name}`);
    if (min !== undefined && value < Number(min)) { io.stderr(`eval events: ${name} accuracy ${value.toFixed(1)} is below the floor ${min}\n`); below++; }
  }
  return below ? 1 : 0;
};
