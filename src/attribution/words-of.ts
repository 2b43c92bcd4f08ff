import { toLower } from '../text/lower.js';
import type { Window } from './find.js';
import { endWithoutClose, lateFinderStage, PHRASE_END, type LateFind } from './late-finder.js';


/**
 * "In the words of X, Y" and "Y, in the words of X" (rule `attribution:words-of`): X is the
 * source, "In the words of" the cue, Y the content, as "according to" reads. X runs from "of" to
 * the next phrase end (at most ten tokens); Y is the rest of the sentence after it, or the
 * sentence before it when the phrase comes last. PolNeAR has two such phrases ("in the words of a
 * senior adviser"), one marked.
 */
export function wordsOf(w: Window): LateFind[] {
  const out: LateFind[] = [];
  const T = w.tokens;
  const low = (k: number) => toLower(T[k]?.text ?? '');
  for (let i = 0; i + 4 < T.length; i++) {
    if (low(i) !== 'in' || low(i + 1) !== 'the' || low(i + 2) !== 'words' || low(i + 3) !== 'of') continue;
    const from = i + 4;
    let end = from;
    while (end < T.length && end - from < 10 && !PHRASE_END.test(T[end]!.text) && T[end]!.kind !== 'quote') end++;
    if (end === from || !T.slice(from, end).some((t, k) => /^(?:NN|PRP)/.test(w.tags[from + k]!))) continue;
    const last = endWithoutClose(T);
    if (T[end]?.text === ',' && end + 1 < last) {
      out.push({ source: [from, end], cue: [i, i + 4], content: [end + 1, last], stance: false });
    } else if (i > 1 && T[i - 1]!.text === ',' && end >= last) {
      out.push({ source: [from, end], cue: [i, i + 4], content: [0, i - 1], stance: false });
    }
  }
  return out;
}

/** The words-of finder as a stage after the models ({@link lateFinderStage}). */
export const wordsOfStage = lateFinderStage({ name: 'words-of', rule: 'attribution:words-of', triggers: new Set(['words']), find: wordsOf });
