import { toLower } from '../text/lower.js';
import { appositiveBefore, npBefore, type Window } from './find.js';
import { lateFinderStage, PHRASE_END, type LateFind } from './late-finder.js';

/** Participles of perception and description that, passive and before "as", report how others see the subject. */
const SEEN = new Set(['seen', 'viewed', 'considered', 'regarded', 'perceived', 'described', 'billed', 'touted', 'hailed', 'branded',
  'labeled', 'labelled', 'characterized', 'characterised', 'portrayed', 'painted', 'cast', 'dismissed', 'derided', 'praised', 'criticized', 'criticised',
  'known']);
/** Participles that take "to" and a verb after "be" ("was intended to", "are known to"). */
const TO_VERB = new Set(['known', 'intended', 'meant']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", '’s', "'re", '’re']);
/** Words between "be" and the participle ("is widely seen as"). */
const GAP = new Set(['widely', 'largely', 'generally', 'often', 'still', 'also', 'now', 'long', 'increasingly', 'commonly', 'broadly',
  'frequently', 'sometimes', 'once', 'not', "n't", 'never', 'always', 'already', 'privately', 'publicly', 'roundly', 'repeatedly',
  'best', 'better', 'well', 'derisively', 'affectionately', 'formerly', 'nonetheless', 'still', 'hardly']);

/**
 * Passives of perception with no one named: "The union is widely regarded as one of the more
 * liberal", "which was seen as payback", "Ginsburg is known for speaking her mind". PolNeAR marks
 * them with no source; the cue is "be" and the participle with "as" (or "known for"; "considered"
 * and "deemed" also with no "as": "is considered an asset"), and the
 * content is the subject and the complement (two spans), also for a reduced relative ("a state
 * seen as critical"); after a comma ("the Islamic State, also known as ISIS") the name alone. Not where "by" names who sees it (the rules' `passive-by`).
 */
export function seenAs(w: Window): LateFind[] {
  const out: LateFind[] = [];
  const T = w.tokens;
  for (let i = 1; i + 2 < T.length; i++) {
    const lw = toLower(T[i]!.text);
    const next = toLower(T[i + 1]!.text);
    // "is considered an asset", "are deemed too risky": a complement with no "as".
    const bare = (lw === 'considered' || lw === 'deemed') && next !== 'as' && /^(?:DT|JJ|JJR|JJS|RB|PRP\$|CD|NN|NNS)$/.test(w.tags[i + 1]!);
    // "were known to use the house", "the tax was intended to deliver a blow", "is not meant to be
    // like this": what the subject is known or meant to do.
    const knownTo = TO_VERB.has(lw) && next === 'to' && w.tags[i + 2] === 'VB';
    if (!(SEEN.has(lw) || bare || knownTo) || !(bare || knownTo || next === 'as' || (lw === 'known' && next === 'for'))) continue;
    let be = i - 1;
    while (be >= 0 && GAP.has(toLower(T[be]!.text))) be--;
    let start = be;
    let subject: [number, number] | null;
    if (be >= 0 && BE.has(toLower(T[be]!.text))) {
      // "has long been known for": auxiliaries and the words between them.
      while (start > 0 && (/^(?:has|have|had|will|would|may|might|could|should|must|can)$/i.test(T[start - 1]!.text) || GAP.has(toLower(T[start - 1]!.text)))) start--;
      // "The other two states, Delaware and Maryland, are widely seen as …": a subject with an appositive.
      subject = npBefore(w, start) ?? appositiveBefore(w, start);
    } else if (lw !== 'known' && !bare && next === 'as' && be === i - 1 && be >= 0 && (/^NNS?$/.test(w.tags[be]!) || T[be]!.text === ',')) {
      // A reduced relative: "a state seen as critical", "Low oil prices, seen as a boon".
      start = i;
      subject = T[be]!.text === ',' ? npBefore(w, be) : npBefore(w, i);
    } else if (lw === 'known' && !bare && be >= 1 && T[be]!.text === ',') {
      // "the Islamic State, also known as ISIS": the name alone is the content, as the annotators mark it.
      start = be + 1;
      subject = null;
    } else continue;
    if (!subject && start <= be) continue;
    const from = bare || knownTo ? i + 1 : i + 2;
    let end = from;
    while (end < T.length && !PHRASE_END.test(T[end]!.text) && toLower(T[end]!.text) !== 'by'
      && !(toLower(T[end]!.text) === 'and' && /^(?:VBZ|VBD|VBP|MD)$/.test(w.tags[end + 1] ?? ''))) end++;
    if (end <= from || toLower(T[end]?.text ?? '') === 'by') continue;
    if (start > i) continue;
    if (bare && !subject) continue;
    // "Mrs. Clinton's plan is intended to …": what a plan is meant to do is its owner's intent,
    // and the annotators make the possessor the source, the noun part of the cue.
    const owner = knownTo && lw !== 'known' && subject ? T.slice(subject[0], subject[1]).findIndex((t) => /^['’]s$/.test(t.text)) : -1;
    if (owner > 0) {
      out.push({ source: [subject![0], subject![0] + owner + 1], cue: [subject![0] + owner + 1, from], content: [from, end], stance: false });
      continue;
    }
    out.push({ source: null, cue: [Math.min(start, i), from], content: [from, end], stance: false, ...(subject ? { lead: subject } : {}) });
  }
  return out;
}

/**
 * How others see the subject, said by no one named (rule `attribution:seen-as`). Runs after the
 * models ({@link lateFinderStage}).
 */
export const seenAsStage = lateFinderStage({ name: 'seen-as', rule: 'attribution:seen-as', triggers: new Set([...SEEN, ...TO_VERB, 'considered', 'deemed']), find: seenAs });
