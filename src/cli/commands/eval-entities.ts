import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { analyzeToWorkingDoc } from '../../analyze.js';
import { formatEntityScores, scoreEntities, silverNames, withoutTitles, type EntityArticle, type TypedSpan } from '../../eval/entities.js';
import { codePointToUtf16 } from '../../eval/polnear.js';
import type { Command } from '../io.js';
import { flagString, parseArgs } from '../io.js';

const USAGE = `usage: hearsay eval entities DIR [--split dev|train] [--json] [--min-typed-f1 N]
  DIR holds SPLIT/text/*.txt and SPLIT/corenlp-silver/*.conll (PolNeAR layout).
  Scores the names hearsay finds (mentions of the form "name", typed by their entity, less the
  titles that open them: "Rep. Trey Gowdy" is the name "Trey Gowdy") against
  CoreNLP's silver PERSON / ORGANIZATION / LOCATION names: exact and overlapping spans, typed
  agreement, recall per silver class, precision per hearsay type and what each type matches.
  The silver layer is a tagger's output, so this is agreement, not accuracy.
  --min-typed-f1 N      exit 1 when typed F1 is below N (percent)
`;

/** `hearsay eval entities DIR`: hearsay's names against the CoreNLP silver name layer of a PolNeAR split. */
export const run: Command = async (args, io) => {
  const p = parseArgs(args, ['json', 'help']);
  if (p.flags.has('help')) { io.stdout(USAGE); return 0; }
  const dirArg = p.positionals[0];
  if (!dirArg) { io.stderr(USAGE); return 2; }
  const split = flagString(p, 'split', 'dev');
  if (split !== 'dev' && split !== 'train') { io.stderr(`eval entities: --split must be dev or train\n${USAGE}`); return 2; }
  const floor = Number(flagString(p, 'min-typed-f1', '0'));
  if (!Number.isFinite(floor)) { io.stderr(`eval entities: --min-typed-f1 takes a number\n${USAGE}`); return 2; }
  const dir = path.resolve(io.cwd, dirArg);
  const silverDir = path.join(dir, split, 'corenlp-silver');
  let files: string[];
  try {
    files = (await readdir(silverDir)).filter((f) => f.endsWith('.conll')).sort();
  } catch (e) {
    io.stderr(`eval entities: cannot read ${silverDir}: ${(e as Error).message}\n`);
    return 1;
  }
  if (files.length === 0) { io.stderr(`eval entities: no .conll files under ${silverDir}\n`); return 1; }
  const articles: EntityArticle[] = [];
  for (const f of files) {
    const text = await readFile(path.join(dir, split, 'text', f.replace(/\.conll$/, '.txt')), 'utf8');
    const silver = silverNames(await readFile(path.join(silverDir, f), 'utf8'), codePointToUtf16(text));
    const doc = analyzeToWorkingDoc(text, { inputType: 'text', path: f });
    const typeOf = new Map(doc.entities.map((e) => [e.id, e.type]));
    const predicted: TypedSpan[] = doc.mentions.filter((m) => m.form === 'name').map((m) => ({ ...withoutTitles(text, m), type: typeOf.get(m.entity) ?? 'other' }));
    articles.push({ silver, predicted });
  }
  const scores = scoreEntities(articles);
  io.stdout(p.flags.has('json') ? `${JSON.stringify(scores, null, 2)}\n` : formatEntityScores(scores));
  const f1 = 100 * scores.typed.f1;
  if (f1 < floor) { io.stderr(`eval entities: typed F1 ${f1.toFixed(1)} is below the floor ${floor}\n`); return 1; }
  return 0;
};
