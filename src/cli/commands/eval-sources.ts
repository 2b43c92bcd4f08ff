import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { analyzeToWorkingDoc } from '../../analyze.js';
import type { Source } from '../../core/types.js';
import { codePointToUtf16 } from '../../eval/polnear.js';
import { chainOf, formatSourceScores, judgeSource, scoreSources, silverChains, sourceForm, type SourceArticle } from '../../eval/sources.js';
import type { Command } from '../io.js';
import { flagString, parseArgs } from '../io.js';
import { silverSplit } from '../read-silver.js';

const USAGE = `usage: hearsay eval sources DIR [--split dev|train] [--json] [--by-rule] [--errors FILE] [--min-accuracy N]
  DIR holds SPLIT/text/*.txt and SPLIT/corenlp-silver/*.conll and *.coref.json (PolNeAR layout).
  Scores how hearsay resolves attribution sources ("He", "the senator", "who" → an entity)
  against CoreNLP's silver coreference chains: a source is right when its entity meets the
  source's chain elsewhere in the text, unlinked when it has no entity met elsewhere, wrong when
  its entity is met elsewhere but not on that chain. Sources on no chain, and documents (whose
  entity is their author), are not scored.
  Each article is read with the date its file name carries (as --date), so titles resolve to
  the holder of the day. The chains are a system's output, so this is agreement, not accuracy.
  --by-rule             also one row per rule that resolved the sources (its mention in the span)
  --errors FILE         write each unlinked or wrong source with its sentence and entity
  --min-accuracy N      exit 1 when the share of right sources is below N (percent)
`;

const DATE_IN_NAME = /\d{4}-\d{2}-\d{2}/;

/** `hearsay eval sources DIR`: source resolution against the CoreNLP silver coreference chains of a PolNeAR split. */
export const run: Command = async (args, io) => {
  const p = parseArgs(args, ['json', 'help', 'by-rule']);
  if (p.flags.has('help')) { io.stdout(USAGE); return 0; }
  const run = await silverSplit(p, io, 'eval sources', USAGE, 'min-accuracy', '.coref.json');
  if (typeof run === 'number') return run;
  const { dir, split, silverDir, files, floor } = run;
  const errorsPath = flagString(p, 'errors');
  const articles: SourceArticle[] = [];
  const errors: string[] = [];
  for (const f of files) {
    const base = f.replace(/\.coref\.json$/, '');
    const text = await readFile(path.join(dir, split, 'text', `${base}.txt`), 'utf8');
    const chains = silverChains(await readFile(path.join(silverDir, f), 'utf8'), await readFile(path.join(silverDir, `${base}.conll`), 'utf8'), codePointToUtf16(text));
    // The article's date, as a user would pass it with --date: PolNeAR's file names carry it, and
    // "the president" of a 2016 article is not today's.
    const date = DATE_IN_NAME.exec(base)?.[0];
    const doc = analyzeToWorkingDoc(text, { inputType: 'text', path: f, ...(date ? { date } : {}) });
    const byId = new Map(doc.entities.map((e) => [e.id, e]));
    // The rule that resolved a source: its entity's mention inside the span, else how the entity was made.
    const ruleOf = (src: Source): string => {
      if (!src.entity) return 'unresolved';
      const inside = doc.mentions.filter((m) => m.entity === src.entity && m.start >= src.start && m.end <= src.end);
      return inside.at(-1)?.rule ?? byId.get(src.entity)?.rule ?? 'entity';
    };
    const sources = doc.attributions.flatMap((a) => (a.source ? [{ start: a.source.start, end: a.source.end, entityMentions: a.source.entity ? byId.get(a.source.entity)?.mentions ?? null : null, entity: a.source.entity, document: a.source.kind === 'document', rule: ruleOf(a.source) }] : []));
    articles.push({ text, chains, sources });
    if (errorsPath) {
      for (const s of sources) {
        const v = judgeSource(chains, s);
        if (v !== 'unlinked' && v !== 'wrong') continue;
        const e = s.entity ? byId.get(s.entity) : undefined;
        const sent = doc.sentences.find((x) => x.start <= s.start && s.start < x.end);
        const rep = chainOf(chains, s)?.chain.find((m) => m.representative);
        errors.push(`${base}\t${v}\t${sourceForm(text.slice(s.start, s.end))}\t“${text.slice(s.start, s.end)}” → ${e ? `${e.name} (${e.type})` : 'none'}; silver chain: “${rep ? text.slice(rep.start, rep.end) : '?'}”\n    ${sent ? text.slice(sent.start, sent.end).replace(/\s+/g, ' ') : ''}`);
      }
    }
  }
  const scores = scoreSources(articles);
  io.stdout(p.flags.has('json') ? `${JSON.stringify(scores, null, 2)}\n` : formatSourceScores(scores, p.flags.has('by-rule')));
  if (errorsPath) {
    await writeFile(path.resolve(io.cwd, errorsPath), `${errors.join('\n')}\n`);
    io.stderr(`eval sources: ${errors.length} unlinked or wrong sources written to ${errorsPath}\n`);
  }
  const acc = 100 * scores.all.accuracy;
  if (acc < floor) { io.stderr(`eval sources: right ${acc.toFixed(1)} % is below the floor ${floor}\n`); return 1; }
  return 0;
};
