import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { analyze } from '../../analyze.js';
import { resolveAnchor } from '../../eval/anchored-spans.js';
import { silverSpans } from '../../eval/entities.js';
import { codePointToUtf16 } from '../../eval/polnear.js';
import {
  formatSilverTimes, formatTimeGold, scoreSilverTimes, scoreTimeGold, SILVER_TIME_CLASSES, TIME_GRAINS,
  type SilverTimeArticle, type TimeArticle, type TimeGold,
} from '../../eval/times.js';
import { isCalendarDate } from '../../time/calendar.js';
import { type Command, flagString, parseArgs } from '../io.js';
import { silverSplit } from '../read-silver.js';
import { floorOf, readAnchoredGold, resolveOr2, writeErrorsOr1 } from '../anchored-gold.js';

const USAGE = `usage: hearsay eval times GOLD.json [--texts DIR] [--errors FILE] [--json] [--min-value-f1 N]
       hearsay eval times DIR [--split dev|train] [--json] [--min-span-f1 N]
  GOLD.json (test/fixtures/time-gold/times.json) lists, per story, its reference date and every
  time expression (its words, paragraph and occurrence) with its value and grain; the stories are
  read from DIR/<stem>.txt (default test/fixtures/attribution-gold/dev/text). Scores spans, spans
  with their values, and values per grain.
  DIR (PolNeAR layout) scores spans against CoreNLP's silver DATE / TIME / DURATION names
  (agreement, not accuracy; each article read with the date its file name carries).
  --errors FILE       write the misses, false alarms and wrong values with their context (gold)
  --min-value-f1 N    exit 1 when span-and-value F1 is below N (percent)
  --min-span-f1 N     exit 1 when the overlap F1 against the silver spans is below N (percent)
`;

const SILVER = new Set<string>(SILVER_TIME_CLASSES);
const TIMES_FLAGS = new Set(['help', 'json', 'texts', 'errors', 'min-value-f1', 'split', 'min-span-f1']);

/** `hearsay eval times`: the time layer against our gold (values) or PolNeAR's silver layer (spans). */
export const run: Command = async (args, io) => {
  const p = parseArgs(args, ['json', 'help']);
  if (p.flags.has('help')) { io.stdout(USAGE); return 0; }
  const target = p.positionals[0];
  if (!target) { io.stderr(USAGE); return 2; }
  const json = p.flags.has('json');
  const unknown = [...p.flags.keys()].find((f) => !TIMES_FLAGS.has(f));
  if (unknown) { io.stderr(`eval times: unknown option --${unknown}\n${USAGE}`); return 2; }
  const silver = !target.endsWith('.json');
  const wrong = (silver ? ['min-value-f1', 'texts', 'errors'] : ['min-span-f1', 'split']).find((f) => p.flags.has(f));
  if (wrong) { io.stderr(`eval times: --${wrong} does not go with ${silver ? 'a PolNeAR folder' : 'a gold file'}\n${USAGE}`); return 2; }
  if (silver) {
    const split = await silverSplit(p, io, 'eval times', USAGE, 'min-span-f1', '.conll');
    if (typeof split === 'number') return split;
    const articles: SilverTimeArticle[] = [];
    for (const f of split.files) {
      const text = await readFile(path.join(split.dir, split.split, 'text', f.replace(/\.conll$/, '.txt')), 'utf8');
      const conll = await readFile(path.join(split.silverDir, f), 'utf8');
      const date = /_(\d{4}-\d{2}-\d{2})_/.exec(f)?.[1];
      const doc = analyze(text, { inputType: 'text', ...(date && isCalendarDate(date) ? { date } : {}) });
      articles.push({ silver: silverSpans(conll, codePointToUtf16(text), SILVER), predicted: doc.times ?? [] });
    }
    const s = scoreSilverTimes(articles);
    io.stdout(json ? `${JSON.stringify(s, null, 2)}\n` : formatSilverTimes(s));
    if (100 * s.spans.f1 < split.floor) { io.stderr(`eval times: span F1 ${(100 * s.spans.f1).toFixed(1)} is below the floor ${split.floor}\n`); return 1; }
    return 0;
  }

  const floor = floorOf(p.flags.get('min-value-f1'));
  if (floor === null) { io.stderr(`eval times: --min-value-f1 must be a number (percent)\n${USAGE}`); return 2; }
  const read = await readAnchoredGold<TimeGold>(target, flagString(p, 'texts', 'test/fixtures/attribution-gold/dev/text'), io, 'eval times', 'time', goldProblem);
  if (typeof read === 'number') return read;
  const golds = resolveOr2(io, 'eval times', () => read.stories.map(({ id, text, starts }) =>
    read.gold.stories[id]!.times.map((t, i) => ({ ...resolveAnchor(text, starts, t, `${id} times[${i}]`), value: t.value, grain: t.grain }))));
  if (golds === 2) return 2;
  const articles: TimeArticle[] = read.stories.map(({ id, text }, k) => ({
    id, text, gold: golds[k]!, predicted: analyze(text, { inputType: 'text', date: read.gold.stories[id]!.date }).times ?? [],
  }));
  const s = scoreTimeGold(articles);
  io.stdout(json ? `${JSON.stringify({ ...s, errors: s.errors.length }, null, 2)}\n` : formatTimeGold(s));
  const written = await writeErrorsOr1(io, 'eval times', flagString(p, 'errors'), () => s.errors.map((e) => `${e.story}\t${e.kind}\tgold ${e.gold ? `${JSON.stringify(e.gold.text)} ${e.gold.value} ${e.gold.grain}` : '-'}\tpredicted ${e.predicted ? `${JSON.stringify(e.predicted.text)} ${e.predicted.value} ${e.predicted.grain} ${e.predicted.rule ?? ''}` : '-'}\t${e.context}`));
  if (floor !== undefined && 100 * s.values.f1 < floor) { io.stderr(`eval times: span-and-value F1 ${(100 * s.values.f1).toFixed(1)} is below the floor ${floor}\n`); return 1; }
  return written;
};

/** What is wrong with a gold file's shape, or null: checked before any story is read. */
function goldProblem(gold: unknown): string | null {
  for (const [id, x] of Object.entries((gold as { stories: Record<string, unknown> }).stories)) {
    const story = x as { date?: unknown; times?: unknown } | null;
    if (!story || typeof story !== 'object' || typeof story.date !== 'string' || !isCalendarDate(story.date)) return `stories["${id}"].date is not a calendar day`;
    if (!Array.isArray(story.times)) return `stories["${id}"].times is not a list`;
    for (const [i, t] of (story.times as unknown[]).entries()) {
      const e = t as { text?: unknown; paragraph?: unknown; occurrence?: unknown; value?: unknown; grain?: unknown } | null;
      if (!e || typeof e !== 'object' || typeof e.text !== 'string' || !e.text.trim() || !Number.isInteger(e.paragraph) || (e.paragraph as number) < 0) return `stories["${id}"].times[${i}] has no text and paragraph`;
      if (e.occurrence !== undefined && !(Number.isInteger(e.occurrence) && (e.occurrence as number) >= 1)) return `stories["${id}"].times[${i}].occurrence is not a whole number ≥ 1`;
      if (e.value !== null && typeof e.value !== 'string') return `stories["${id}"].times[${i}].value is not a string or null`;
      if (!(TIME_GRAINS as readonly unknown[]).includes(e.grain)) return `stories["${id}"].times[${i}].grain is not one of ${TIME_GRAINS.join(', ')}`;
    }
  }
  return null;
}
