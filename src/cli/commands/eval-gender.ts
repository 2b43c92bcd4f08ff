import { analyze } from '../../analyze.js';
import { formatGenderGold, scoreGenderGold, type GenderGold } from '../../eval/gender.js';
import type { Gender } from '../../core/types.js';
import { type Command, flagString, parseArgs } from '../io.js';
import { floorOf, readAnchoredGold } from '../anchored-gold.js';

const USAGE = `usage: hearsay eval gender GOLD.json [--texts DIR] [--json] [--min-precision N]
  GOLD.json lists, per story (file stem), each named person and the gender its text states
  (female, male or unstated; test/fixtures/gender-gold/genders.json). The stories are read from
  DIR/<stem>.txt (default: test/fixtures/attribution-gold/dev/text), each with the date its stem
  carries. Scores the genders read from the text (titles, pronouns) and, apart, first-name guesses.
  --min-precision N     exit 1 when the precision of the text's readings is below N (percent)
`;

/** `hearsay eval gender GOLD.json`: person genders against hand-annotated stories of our own. */
export const run: Command = async (args, io) => {
  const p = parseArgs(args, ['json', 'help']);
  if (p.flags.has('help')) { io.stdout(USAGE); return 0; }
  const goldPath = p.positionals[0];
  if (!goldPath) { io.stderr(USAGE); return 2; }
  const floorFlag = floorOf(p.flags.get('min-precision'));
  if (floorFlag === null) { io.stderr(`eval gender: --min-precision must be a number (percent)\n${USAGE}`); return 2; }
  const floor = floorFlag ?? 0;
  const read = await readAnchoredGold<GenderGold>(goldPath, flagString(p, 'texts', 'test/fixtures/attribution-gold/dev/text'), io, 'eval gender', 'gender', goldProblem);
  if (typeof read === 'number') return read;
  const gold = read.gold;
  const persons = new Map<string, { name: string; gender: Gender | null }[]>();
  for (const { id: stem, text } of read.stories) {
    const date = /_(\d{4}-\d{2}-\d{2})_/.exec(stem)?.[1];
    const doc = analyze(text, { inputType: 'text', ...(date ? { date } : {}) });
    persons.set(stem, doc.entities.filter((e) => e.type === 'person').map((e) => ({ name: e.name, gender: e.gender ?? null })));
  }
  const s = scoreGenderGold(gold, persons);
  if (floorFlag !== undefined && s.right + s.wrong === 0) { io.stderr('eval gender: no gender was read from the text, so there is no precision to hold to a floor\n'); return 1; }
  io.stdout(p.flags.has('json') ? `${JSON.stringify(s, null, 2)}\n` : formatGenderGold(s));
  if (100 * s.precision < floor) { io.stderr(`eval gender: precision ${(100 * s.precision).toFixed(1)} is below the floor ${floor}\n`); return 1; }
  return 0;
};

/** What is wrong with a gold file's shape, or null: checked before any story is read. */
function goldProblem(gold: unknown): string | null {
  for (const [story, people] of Object.entries((gold as { stories: Record<string, unknown> }).stories)) {
    if (!Array.isArray(people)) return `stories["${story}"] is not a list of persons`;
    for (const [i, x] of people.entries()) {
      const person = x as { name?: unknown; gender?: unknown } | null;
      if (!person || typeof person !== 'object' || typeof person.name !== 'string' || !person.name.trim()) return `stories["${story}"][${i}] has no name`;
      if (!['female', 'male', 'unstated'].includes(person.gender as string)) return `stories["${story}"][${i}].gender is not female, male or unstated`;
    }
  }
  return null;
}
