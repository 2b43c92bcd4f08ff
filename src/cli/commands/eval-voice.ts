import { analyze } from '../../analyze.js';
import { resolveAnchor } from '../../eval/anchored-spans.js';
import { formatVoiceGold, scoreVoiceGold, VOICE_KINDS, type VoiceArticle, type VoiceGold } from '../../eval/voice.js';
import { type Command, flagString, parseArgs } from '../io.js';
import { floorOf, readAnchoredGold, resolveOr2, writeErrorsOr1 } from '../anchored-gold.js';

const USAGE = `usage: hearsay eval voice GOLD.json [--texts DIR] [--errors FILE] [--json] [--min-voice-accuracy N]
  GOLD.json (test/fixtures/voice-gold/voice.json) lists, per story, each loaded or evaluative word
  (its words, paragraph and occurrence) with its kind, strength and voice (authorial or
  attributed); the stories are read from DIR/<stem>.txt (default test/fixtures/attribution-gold/dev/text),
  each with the date its stem carries. Scores the words found, and the voice given to each.
  --errors FILE             write the misses, false alarms and wrong voices with their context
  --min-voice-accuracy N    exit 1 when the voice is right for fewer than N % of the words found
`;

const VOICE_FLAGS = new Set(['help', 'json', 'texts', 'errors', 'min-voice-accuracy']);

/** `hearsay eval voice GOLD.json`: loaded words and their voice against our hand-annotated stories. */
export const run: Command = async (args, io) => {
  const p = parseArgs(args, ['json', 'help']);
  if (p.flags.has('help')) { io.stdout(USAGE); return 0; }
  const target = p.positionals[0];
  if (!target) { io.stderr(USAGE); return 2; }
  const unknown = [...p.flags.keys()].find((f) => !VOICE_FLAGS.has(f));
  if (unknown) { io.stderr(`eval voice: unknown option --${unknown}\n${USAGE}`); return 2; }
  const floor = floorOf(p.flags.get('min-voice-accuracy'));
  if (floor === null) { io.stderr(`eval voice: --min-voice-accuracy must be a number (percent)\n${USAGE}`); return 2; }
  const read = await readAnchoredGold<VoiceGold>(target, flagString(p, 'texts', 'test/fixtures/attribution-gold/dev/text'), io, 'eval voice', 'voice', goldProblem);
  if (typeof read === 'number') return read;
  const golds = resolveOr2(io, 'eval voice', () => read.stories.map(({ id, text, starts }) =>
    read.gold.stories[id]!.map((w, i) => ({ ...resolveAnchor(text, starts, w, `${id}[${i}]`), kind: w.kind, strength: w.strength, voice: w.voice }))));
  if (golds === 2) return 2;
  const articles: VoiceArticle[] = read.stories.map(({ id, text }, k) => {
    const date = /_(\d{4}-\d{2}-\d{2})_/.exec(id)?.[1];
    return { id, text, gold: golds[k]!, predicted: analyze(text, { inputType: 'text', ...(date ? { date } : {}) }).voice };
  });
  const s = scoreVoiceGold(articles);
  io.stdout(p.flags.has('json') ? `${JSON.stringify({ ...s, errors: s.errors.length }, null, 2)}\n` : formatVoiceGold(s));
  const written = await writeErrorsOr1(io, 'eval voice', flagString(p, 'errors'), () => s.errors.map((e) => `${e.story}\t${e.kind}\tgold ${e.gold ? `${JSON.stringify(e.gold.text)} ${e.gold.voice} ${e.gold.kind}` : '-'}\tpredicted ${e.predicted ? `${JSON.stringify(e.predicted.text)} ${e.predicted.voice} ${e.predicted.rule ?? ''}` : '-'}\t${e.context}`));
  if (floor !== undefined && 100 * s.voiceAccuracy.accuracy < floor) { io.stderr(`eval voice: voice accuracy ${(100 * s.voiceAccuracy.accuracy).toFixed(1)} is below the floor ${floor}\n`); return 1; }
  return written;
};

/** What is wrong with a gold file's entries, or null: checked before any story is read. */
function goldProblem(gold: unknown): string | null {
  for (const [id, x] of Object.entries((gold as { stories: Record<string, unknown> }).stories)) {
    if (!Array.isArray(x)) return `stories["${id}"] is not a list of words`;
    for (const [i, w] of (x as unknown[]).entries()) {
      const e = w as { text?: unknown; paragraph?: unknown; occurrence?: unknown; kind?: unknown; strength?: unknown; voice?: unknown } | null;
      if (!e || typeof e !== 'object' || typeof e.text !== 'string' || !e.text.trim() || !Number.isInteger(e.paragraph) || (e.paragraph as number) < 0) return `stories["${id}"][${i}] has no text and paragraph`;
      if (e.occurrence !== undefined && !(Number.isInteger(e.occurrence) && (e.occurrence as number) >= 1)) return `stories["${id}"][${i}].occurrence is not a whole number ≥ 1`;
      if (!(VOICE_KINDS as readonly unknown[]).includes(e.kind)) return `stories["${id}"][${i}].kind is not one of ${VOICE_KINDS.join(', ')}`;
      if (e.strength !== 'strong' && e.strength !== 'mild') return `stories["${id}"][${i}].strength is not strong or mild`;
      if (e.voice !== 'authorial' && e.voice !== 'attributed') return `stories["${id}"][${i}].voice is not authorial or attributed`;
    }
  }
  return null;
}
