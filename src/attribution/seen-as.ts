import { toLower } from '../text/lower.js';
import { npBefore, type Window } from './find.js';
import { lateFinderStage, type LateFind } from './late-finder.js';

/** Participles of perception and description that, passive and before "as", report how others see the subject. */
const SEEN = new Set(['seen', 'viewed', 'considered', 'regarded', 'perceived', 'described', 'billed', 'touted', 'hailed', 'branded',
  'labeled', 'labelled', 'characterized', 'characterised', 'portrayed', 'painted', 'cast', 'dismissed', 'derided', 'praised', 'criticized', 'criticised']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", '’s', "'re", '’re']);
/** Words between "be" and the participle ("is widely seen as"). */
const GAP = new Set(['widely', 'largely', 'generally', 'often', 'still', 'also', 'now', 'long', 'increasingly', 'commonly', 'broadly',
  'frequently', 'sometimes', 'once', 'not', "n't", 'never', 'always', 'already', 'privately', 'publicly', 'roundly', 'repeatedly']);

/**
 * Passives of perception with no one named: "The union is widely regarded as one of the more
 * liberal", "which was seen as payback". PolNeAR marks them with no source; the cue is "be" and
 * the participle with "as", and the content is the subject and the complement (two spans). Not
 * where "by" names who sees it within the next words (the rules' `passive-by` reads those).
 */
export function seenAs(w: Window): LateFind[] {
  const out: LateFind[] = [];
  const T = w.tokens;
  for (let i = 1; i + 2 < T.length; i++) {
    if (!SEEN.has(toLower(T[i]!.text)) || toLower(T[i + 1]!.text) !== 'as') continue;
    let be = i - 1;
    while (be >= 0 && GAP.has(toLower(T[be]!.text))) be--;
    if (be < 0 || !BE.has(toLower(T[be]!.text))) continue;
    let start = be;
    while (start > 0 && /^(?:has|have|had|will|would|may|might|could|should|must|can)$/i.test(T[start - 1]!.text)) start--;
    const subject = npBefore(w, start);
    if (!subject) continue;
    const from = i + 2;
    let end = from;
    while (end < T.length && !/^(?:,|;|:|[.!?]|--|\u2014|\u2013|\u2015)$/.test(T[end]!.text) && toLower(T[end]!.text) !== 'by') end++;
    if (end <= from || toLower(T[end]?.text ?? '') === 'by') continue;
    out.push({ source: null, cue: [start, i + 2], content: [from, end], stance: false, lead: subject });
  }
  return out;
}

/**
 * How others see the subject, said by no one named (rule `attribution:seen-as`). Runs after the
 * models ({@link lateFinderStage}).
 */
export const seenAsStage = lateFinderStage({ name: 'seen-as', rule: 'attribution:seen-as', triggers: SEEN, find: seenAs });
