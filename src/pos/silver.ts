import { segmentArticle } from '../text/segment.js';
import type { TaggedSentence } from './conllu.js';
import { normalizeForm } from './normalize.js';

/** One row of a CoreNLP silver `.conll` file: the token's tag, head and character span. */
interface SilverRow {
  id: number;
  xpos: string;
  head: number;
  start: number;
  end: number;
}

/** Counts of how {@link silverTaggedSentences} aligned one article. */
export interface SilverAlignment {
  sentences: TaggedSentence[];
  /** Sentences kept, and sentences dropped because a token did not align with CoreNLP's. */
  kept: number;
  dropped: number;
}

/**
 * Turns an article and its CoreNLP silver layer (columns id form lemma xpos ner head deprel start
 * end, offsets in code points, as in PolNeAR) into tagged sentences in hearsay's own tokenization
 * and sentence split, so a tagger trained on them sees what it will see at run time. A token
 * covering several CoreNLP tokens ("cannot" → can not) takes the tag of the first
 * part whose head lies outside it; a sentence with any token that cuts through a CoreNLP
 * token is dropped rather than guessed.
 */
export function silverTaggedSentences(text: string, conll: string, toUtf16: (cp: number) => number): SilverAlignment {
  const rows: SilverRow[][] = [];
  let sentence: SilverRow[] = [];
  for (const line of conll.split('\n')) {
    if (line.startsWith('#')) continue;
    if (line.trim() === '') { if (sentence.length) rows.push(sentence); sentence = []; continue; }
    const c = line.split('\t');
    if (c.length < 9) continue;
    sentence.push({ id: Number(c[0]), xpos: c[3]!, head: Number(c[5]), start: toUtf16(Number(c[7])), end: toUtf16(Number(c[8])) });
  }
  if (sentence.length) rows.push(sentence);
  // Each silver token by start offset, with its sentence and its place in it.
  const byStart = new Map<number, { row: SilverRow; sentence: number; index: number }>();
  rows.forEach((s, k) => s.forEach((row, index) => byStart.set(row.start, { row, sentence: k, index })));

  const tokens = segmentArticle(text).tokens;
  const out: TaggedSentence[] = [];
  let dropped = 0;
  let i = 0;
  while (i < tokens.length) {
    const s = tokens[i]!.sentence;
    let j = i;
    while (j < tokens.length && tokens[j]!.sentence === s) j++;
    const words: string[] = [];
    const tags: string[] = [];
    let ok = true;
    for (let k = i; k < j; k++) {
      const t = tokens[k]!;
      const first = byStart.get(t.start);
      if (!first) { ok = false; break; }
      // Gather the silver tokens inside [t.start, t.end) of one silver sentence.
      const group: SilverRow[] = [first.row];
      let end = first.row.end;
      const silverSentence = rows[first.sentence]!;
      let idx = first.index;
      while (end < t.end && idx + 1 < silverSentence.length && silverSentence[idx + 1]!.start < t.end) {
        idx++;
        group.push(silverSentence[idx]!);
        end = silverSentence[idx]!.end;
      }
      if (end !== t.end) { ok = false; break; }
      const lo = group[0]!.id;
      const hi = group[group.length - 1]!.id;
      // The first part whose head lies outside: "cannot" (can/MD not/RB, both on the verb) is MD.
      const headPart = group.find((r) => r.head < lo || r.head > hi) ?? group[group.length - 1]!;
      words.push(normalizeForm(t.text, t.kind === 'quote' ? t.quote : undefined));
      tags.push(headPart.xpos);
    }
    if (ok) out.push({ words, tags });
    else dropped++;
    i = j;
  }
  return { sentences: out, kept: out.length, dropped };
}
