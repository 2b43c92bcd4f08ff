import { toLower } from '../text/lower.js';
import { SEEM_FORMS, SEEM_STOPS, type Window } from './find.js';
import { isFiniteVerbTag } from './tags.js';
import { lateFinderStage, PHRASE_END, type LateFind } from './late-finder.js';

/** Words between the subject and the verb ("has seemed", "just seemed", "did not seem"). */
const GAP = new Set(['do', 'does', 'did', 'not', "n't", 'never', 'no', 'longer', 'has', 'have', 'had', 'just', 'also', 'still', 'now',
  'often', 'sometimes', 'suddenly', 'initially', 'increasingly', 'clearly', 'only', 'at', 'first', 'would', 'could', 'may', 'might', 'will']);
/** Words that open the clause holding the subject: the subject starts after them. */
const OPENERS = new Set(['but', 'and', 'or', 'yet', 'so', 'that', 'because', 'while', 'although', 'though', 'since', 'if', 'when', 'as',
  'whereas', 'unless']);

/**
 * Verbs of seeming the rules' `seeming` passes over for want of a subject they can read: a
 * subject with a quantifier or a complement of its own ("none of them seemed to fit the
 * description", "his ability to do so seemed shaky", "the once-formidable front-runner on the
 * Democratic side seemed to be doing the same"). The subject runs back from the verb to the
 * start of its clause and holds no finite verb; the complement is "to" and a verb, an adjective
 * or a participle. No source; the subject and the complement are the content.
 */
export function seemingFallback(w: Window): LateFind[] {
  const out: LateFind[] = [];
  const T = w.tokens;
  for (let i = 1; i + 1 < T.length; i++) {
    if (!SEEM_FORMS.has(toLower(T[i]!.text)) || !/^VB/.test(w.tags[i]!)) continue;
    const next = w.tags[i + 1]!;
    const complement = (toLower(T[i + 1]!.text) === 'to' && w.tags[i + 2] === 'VB') || /^(?:JJ|JJR|VBN)$/.test(next)
      || (next === 'RB' && /^(?:JJ|JJR|VBN)$/.test(w.tags[i + 2] ?? ''));
    if (!complement) continue;
    let e = i;
    while (e > 0 && GAP.has(toLower(T[e - 1]!.text))) e--;
    let s = e;
    while (s > 0 && !/^(?:,|;|:|\(|--|\u2014|\u2013)$/.test(T[s - 1]!.text) && !T[s - 1]!.quote && !OPENERS.has(toLower(T[s - 1]!.text))) s--;
    if (s >= e || e - s > 12) continue;
    const subject = w.tags.slice(s, e);
    // A subject, not a clause: no finite verb, and a noun, a pronoun or a name in it.
    if (subject.some(isFiniteVerbTag) || !subject.some((t) => /^(?:NN|NNS|NNP|NNPS|PRP|CD)$/.test(t) || t === 'DT')) continue;
    // Not an expletive or a relative pronoun (the rules read those), nor an infinitive ("an attempt to appear").
    if (/^(?:it|there|what|which|who|whom|that)$/i.test(T[s]!.text) || toLower(T[e - 1]!.text) === 'to') continue;
    let end = i + 2;
    while (end < T.length && !PHRASE_END.test(T[end]!.text) && !SEEM_STOPS.has(toLower(T[end]!.text)) && toLower(T[end]!.text) !== 'but' && T[end]!.text !== '(') end++;
    // "seems credible to me": the one it seems so to is a source the rules would name.
    if (T.slice(i + 1, end).some((t, k) => toLower(t.text) === 'to' && w.tags[i + 2 + k] === 'PRP')) continue;
    out.push({ source: null, cue: [e, i + 1], content: [i + 1, end], lead: [s, e], stance: false });
  }
  return out;
}

/**
 * Sourceless judgements of seeming the rules miss (rule `attribution:seeming-fallback`). Runs after
 * the models ({@link lateFinderStage}).
 */
export const seemingFallbackStage = lateFinderStage({ name: 'seeming-fallback', rule: 'attribution:seeming-fallback', triggers: SEEM_FORMS, find: seemingFallback });
