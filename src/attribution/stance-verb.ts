import { toLower } from '../text/lower.js';
import { npAfter, npBefore, type Window } from './find.js';
import { lateFinderStage, PHRASE_END, type LateFind } from './late-finder.js';

/** Verbs of taking sides whose object is what the subject backs or rejects. */
const STANCE = new Set(['support', 'supports', 'supported', 'supporting', 'back', 'backs', 'backed', 'backing', 'oppose', 'opposes',
  'opposed', 'opposing', 'favor', 'favors', 'favored', 'favoring', 'favour', 'favours', 'favoured', 'prefer', 'prefers', 'preferred']);
/** Words that may stand between the subject and the verb. */
const GAP = new Set(['not', "n't", 'never', 'also', 'still', 'now', 'strongly', 'generally', 'largely', 'overwhelmingly', 'narrowly',
  'publicly', 'openly', 'firmly', 'already', 'long', 'initially', 'originally', 'previously', 'once', 'all', 'both', 'each', 'would', 'will',
  'could', 'might', 'may', 'should', 'do', 'does', 'did', 'has', 'have', 'had', 'is', 'are', 'was', 'were', 'be', 'been', "'ve", '’ve', "'d", '’d']);
/** Words that open an adjunct clause, where the object stops. */
const STOPS = new Set(['since', 'because', 'when', 'while', 'after', 'before', 'as', 'although', 'though', 'unless', 'until', 'despite',
  'if', 'whereas', 'than', 'and', 'but', 'or', 'who', 'which', 'in', 'for', 'over', 'by', 'at', 'on', 'during']);

/**
 * Stances taken with a verb of taking sides: "19 percent of students support Clinton", "a group
 * backing Bush", "voters who favored the measure". The subject (or the noun before a participle)
 * is the source, the verb the cue, its object the content; not a passive ("was backed by"), not
 * a noun ("their support"), not "endorse" (an endorsement is an event the annotators mostly
 * leave unmarked: 0 of 5 on train).
 */
export function stanceVerbs(w: Window): LateFind[] {
  const out: LateFind[] = [];
  const T = w.tokens;
  for (let i = 1; i + 1 < T.length; i++) {
    const lw = toLower(T[i]!.text);
    if (!STANCE.has(lw) || !/^VB/.test(w.tags[i]!)) continue;
    // A passive ("was backed by") names the one who backs after "by".
    if (w.tags[i] === 'VBN' && /^(?:is|are|was|were|be|been|being)$/i.test(T[i - 1]!.text)) continue;
    let start = i;
    while (start > 0 && GAP.has(toLower(T[start - 1]!.text))) start--;
    const src = npBefore(w, start);
    // "If you support Donald Trump, …" addresses the reader; an all-capitals line is a headline.
    if (!src || (src[1] - src[0] === 1 && /^you$/i.test(T[src[0]]!.text)) || !/\p{Ll}/u.test(T[i]!.text)) continue;
    let from = i + 1;
    // "back away from", "support for": particles and prepositions are no object.
    if (/^(?:RP|IN|TO)$/.test(w.tags[from] ?? '')) continue;
    const obj = npAfter(w, from);
    if (!obj) continue;
    // The object runs on over "of"-phrases and a gerund's complement ("temporarily banning
    // non-citizen Muslims") up to a clause boundary, a finite verb or a figure ("Trump 46 percent to 32").
    let end = from + 1;
    while (end < T.length && !STOPS.has(toLower(T[end]!.text)) && !(PHRASE_END.test(T[end]!.text) || T[end]!.text === '-') && !/^(?:VBD|VBZ|VBP|MD|CD)$/.test(w.tags[end]!)) end++;
    out.push({ source: src, cue: [i, i + 1], content: [from, end], stance: true });
  }
  return out;
}

/**
 * Stances with a verb of taking sides (rule `attribution:stance-verb`): "about 6 in 10 white men
 * supported Sanders", "a group backing Bush". PolNeAR's annotators mark them as attitudes of
 * their subjects, and the models miss most in poll reports. Runs after the models
 * ({@link lateFinderStage}).
 */
export const stanceVerbStage = lateFinderStage({ name: 'stance-verb', rule: 'attribution:stance-verb', triggers: STANCE, find: stanceVerbs });
