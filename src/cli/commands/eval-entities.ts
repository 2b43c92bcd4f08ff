import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { analyzeToWorkingDoc } from '../../analyze.js';
import { formatEntityScores, scoreEntities, silverNames, withoutTitles, type EntityArticle, type TypedSpan } from '../../eval/entities.js';
import { codePointToUtf16 } from '../../eval/polnear.js';
import type { Command } from '../io.js';
import { flagString, parseArgs } from '../io.js';
import { silverSplit } from '../read-silver.js';
import { silverChains } from '../../eval/sources.js';
import { formatGenderScores, scoreGender, type GenderArticle } from '../../eval/gender.js';
import { existsSync } from 'node:fs';

const USAGE = `usage: hearsay eval entities DIR [--split dev|train] [--json] [--min-typed-f1 N] [--min-gender N]
  DIR holds SPLIT/text/*.txt and SPLIT/corenlp-silver/*.conll (PolNeAR layout).
  Scores the names hearsay finds (mentions of the form "name", typed by their entity, less the
  titles that open them: "Rep. Trey Gowdy" is the name "Trey Gowdy") against
  CoreNLP's silver PERSON / ORGANIZATION / LOCATION names: exact and overlapping spans, typed
  agreement, recall per silver class, precision per hearsay type and what each type matches.
  Where SPLIT/corenlp-silver/*.coref.json is present, also the persons' genders against what the
  pronouns of their silver coreference chains say, per rule.
  The silver layer is a tagger's output, so this is agreement, not accuracy.
  --min-typed-f1 N      exit 1 when typed F1 is below N (percent)
  --min-gender N        exit 1 when gender agreement (all rules) is below N (percent)
`;

/** `hearsay eval entities DIR`: hearsay's names against the CoreNLP silver name layer of a PolNeAR split. */
export const run: Command = async (args, io) => {
  const p = parseArgs(args, ['json', 'help']);
  if (p.flags.has('help')) { io.stdout(USAGE); return 0; }
  const run = await silverSplit(p, io, 'eval entities', USAGE, 'min-typed-f1', '.conll');
  if (typeof run === 'number') return run;
  const { dir, split, silverDir, files, floor } = run;
  const articles: EntityArticle[] = [];
  const genders: GenderArticle[] = [];
  for (const f of files) {
    const text = await readFile(path.join(dir, split, 'text', f.replace(/\.conll$/, '.txt')), 'utf8');
    const conll = await readFile(path.join(silverDir, f), 'utf8');
    const toUtf16 = codePointToUtf16(text);
    const silver = silverNames(conll, toUtf16);
    const doc = analyzeToWorkingDoc(text, { inputType: 'text', path: f });
    const typeOf = new Map(doc.entities.map((e) => [e.id, e.type]));
    const names = doc.mentions.filter((m) => m.form === 'name');
    const predicted: TypedSpan[] = names.map((m) => ({ ...withoutTitles(text, m), type: typeOf.get(m.entity) ?? 'other' }));
    articles.push({ silver, predicted });
    const coref = path.join(silverDir, f.replace(/\.conll$/, '.coref.json'));
    if (existsSync(coref)) {
      const persons = doc.entities.filter((e) => e.type === 'person')
        .map((e) => ({ names: names.filter((m) => m.entity === e.id), gender: e.gender ?? null }));
      genders.push({ text, chains: silverChains(await readFile(coref, 'utf8'), conll, toUtf16), persons });
    }
  }
  const scores = scoreEntities(articles);
  const gender = genders.length ? scoreGender(genders) : null;
  io.stdout(p.flags.has('json') ? `${JSON.stringify(gender ? { ...scores, gender } : scores, null, 2)}\n` : formatEntityScores(scores) + (gender ? formatGenderScores(gender) : ''));
  const f1 = 100 * scores.typed.f1;
  if (f1 < floor) { io.stderr(`eval entities: typed F1 ${f1.toFixed(1)} is below the floor ${floor}\n`); return 1; }
  const genderFloor = flagString(p, 'min-gender');
  if (genderFloor !== undefined) {
    const floorG = Number(genderFloor);
    if (!Number.isFinite(floorG)) { io.stderr(`eval entities: --min-gender must be a number\n${USAGE}`); return 2; }
    if (!gender) { io.stderr('eval entities: --min-gender needs the .coref.json silver files\n'); return 1; }
    const acc = 100 * gender.all.accuracy;
    if (acc < floorG) { io.stderr(`eval entities: gender agreement ${acc.toFixed(1)} is below the floor ${floorG}\n`); return 1; }
  }
  return 0;
};
