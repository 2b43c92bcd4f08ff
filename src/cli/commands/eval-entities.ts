import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { analyzeToWorkingDoc } from '../../analyze.js';
import { formatEntityScores, scoreEntities, silverNames, withoutTitles, type EntityArticle, type TypedSpan } from '../../eval/entities.js';
import { codePointToUtf16 } from '../../eval/polnear.js';
import type { Command } from '../io.js';
import { parseArgs } from '../io.js';
import { silverSplit } from '../read-silver.js';

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
  const run = await silverSplit(p, io, 'eval entities', USAGE, 'min-typed-f1', '.conll');
  if (typeof run === 'number') return run;
  const { dir, split, silverDir, files, floor } = run;
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
