import { toLower } from '../text/lower.js';
import { appositiveBefore, clauseStop, npBefore, type Window } from './find.js';
import { lateFinderStage, PHRASE_END } from './late-finder.js';

/** Adjectives of attitude that report what their subject thinks or feels about a proposition or a thing. */
const ATTITUDE = new Set(['afraid', 'worried', 'concerned', 'convinced', 'confident', 'sure', 'certain', 'optimistic', 'pessimistic',
  'skeptical', 'sceptical', 'aware', 'unaware', 'hopeful', 'fearful', 'doubtful', 'adamant', 'unsure', 'eager', 'determined', 'critical',
  'supportive', 'wary', 'unconvinced', 'insistent', 'upset', 'angry', 'frustrated', 'furious', 'outraged', 'incensed', 'dismayed',
  'disappointed', 'pleased', 'proud', 'happy', 'unhappy', 'glad', 'nervous', 'anxious', 'alarmed', 'troubled', 'satisfied']);
/** Verbs that link a subject to an attitude adjective. */
const LINKING = new Set(['is', 'are', 'was', 'were', "'s", '’s', "'re", '’re', "'m", '’m', 'am', 'be', 'been', 'being', 'remain', 'remains',
  'remained', 'seem', 'seems', 'seemed', 'feel', 'feels', 'felt', 'appear', 'appears', 'appeared', 'become', 'became', 'grew', 'grow', 'grows']);
/** Words that may stand between the auxiliaries, the linking verb and the adjective. */
const GAP = new Set(['not', "n't", 'n’t', 'never', 'also', 'still', 'now', 'very', 'so', 'too', 'increasingly', 'deeply', 'highly', 'particularly',
  'especially', 'more', 'less', 'most', 'quite', 'rather', 'all', 'both', 'already', 'clearly', 'openly', 'publicly', 'privately', 'growing',
  'no', 'longer', 'ever', 'always', 'equally', 'sharply', 'sternly', 'fiercely', 'vehemently', 'acutely', 'somewhat', 'fairly', 'really']);
const AUX = new Set(['has', 'have', 'had', 'will', 'would', 'may', 'might', 'could', 'should', 'must', 'can', 'do', 'does', 'did', "'ve", '’ve', "'ll", '’ll', "'d", '’d']);
/** Prepositions that join the adjective to what it is about ("critical of", "worried about"); they belong to the cue. */
const ABOUT = new Set(['about', 'of', 'with', 'over', 'for', 'in', 'at', 'by']);
/** Adjectives that take "to" as raising or importance, not as an attitude ("is certain to rise", "is critical to winning"). */
const NOT_BEFORE_TO = new Set(['certain', 'sure', 'critical', 'supportive', 'aware', 'unaware']);
/** Words that open an adjunct clause, where a phrase's content stops ("critical of Trump | since …"). */
const SUBORDINATORS = new Set(['since', 'because', 'when', 'while', 'after', 'before', 'as', 'although', 'though', 'unless', 'until', 'despite', 'if', 'whereas', 'than']);
/** Subjects that stand for nothing ("it is clear that"). */
const EXPLETIVE = new Set(['it', 'there', 'this', 'that', 'what', 'which']);

interface Found { source: [number, number]; cue: [number, number]; content: [number, number]; clause: boolean }

/** Forms of "make" in "made (it) clear that …". */
const MAKE = new Set(['make', 'makes', 'made', 'making']);
/** Words that open the clause a "clear" reports. */
const CLAUSE_OPENERS = new Set(['that', 'whether', 'if', 'why', 'how', 'what', 'who', 'when', 'where', 'which']);

/** "X made (it) clear (Tuesday) that …": X is the source, "made clear" the cue. */
function clearAt(w: Window, i: number): Found | null {
  const T = w.tokens;
  let k = i - 1;
  while (k >= 0 && GAP.has(toLower(T[k]!.text))) k--;
  if (k < 0) return null;
  // The clause "clear" reports: right after it, or after a short time phrase ("made clear on Monday that").
  let from = i + 1;
  while (from < T.length && from <= i + 4 && !CLAUSE_OPENERS.has(toLower(T[from]!.text)) && /^(?:NNP|NN|RB|IN|CD|DT)$/.test(w.tags[from]!)) from++;
  if (from >= T.length || !CLAUSE_OPENERS.has(toLower(T[from]!.text))) return null;
  const lk = toLower(T[k]!.text);
  if (MAKE.has(lk) || (lk === 'it' && k > 0 && MAKE.has(toLower(T[k - 1]!.text)))) {
    let start = lk === 'it' ? k - 1 : k;
    while (start > 0 && (AUX.has(toLower(T[start - 1]!.text)) || GAP.has(toLower(T[start - 1]!.text)))) start--;
    const src = npBefore(w, start);
    if (!src) return null;
    const end = clauseStop(w, from, i, src);
    return end > from ? { source: src, cue: [start, i + 1], content: [from, end], clause: true } : null;
  }
  // Not "it is (not) clear whether …": PolNeAR marks 7 of 24 such on train.
  return null;
}

/** Attitude adjectives in one sentence window: "Many Democrats are afraid that …", "She was critical of the plan". */
export function attitudeAdjectives(w: Window): Found[] {
  const out: Found[] = [];
  const T = w.tokens;
  for (let i = 1; i + 1 < T.length; i++) {
    const lw = toLower(T[i]!.text);
    if (lw === 'clear') {
      const f = clearAt(w, i);
      if (f) out.push(f);
      continue;
    }
    if (!ATTITUDE.has(lw) || !/^(?:JJ|VBN|VBD)$/.test(w.tags[i]!)) continue;
    let k = i - 1;
    while (k >= 0 && GAP.has(toLower(T[k]!.text))) k--;
    if (k < 0 || !LINKING.has(toLower(T[k]!.text))) continue;
    let start = k;
    while (start > 0 && (AUX.has(toLower(T[start - 1]!.text)) || GAP.has(toLower(T[start - 1]!.text)) || LINKING.has(toLower(T[start - 1]!.text)))) start--;
    const src = npBefore(w, start) ?? appositiveBefore(w, start);
    if (!src || (src[1] - src[0] === 1 && EXPLETIVE.has(toLower(T[src[0]]!.text)))) continue;
    const next = toLower(T[i + 1]!.text);
    let cueEnd = i + 1;
    let from = i + 1;
    let clause = true;
    if (next === 'to') {
      if (NOT_BEFORE_TO.has(lw)) continue;
      clause = false;
    } else if (ABOUT.has(next)) {
      if (lw === 'critical' && next !== 'of') continue;
      cueEnd = i + 2;
      from = i + 2;
      clause = false;
    } else if (lw === 'critical' || (next !== 'that' && !CLAUSE_OPENERS.has(next) && !/^(?:PRP|DT|NNP|NNPS|EX)$/.test(w.tags[i + 1]!))) continue;
    if (from >= T.length) continue;
    // A clause runs as reported clauses do; a phrase ("of the deal", "to finish it") stops at the first comma or dash.
    let end = from;
    if (clause) end = clauseStop(w, from, i, src);
    else while (end < T.length && !(PHRASE_END.test(T[end]!.text) || T[end]!.text === '-') && !(end > from && SUBORDINATORS.has(toLower(T[end]!.text)))) end++;
    if (end <= from) continue;
    out.push({ source: src, cue: [start, cueEnd], content: [from, end], clause });
  }
  return out;
}

/**
 * Attitudes reported with an adjective (rule `attribution:attitude-adjective`): "Many Democrats
 * are afraid that turnout will fall", "Republicans have been critical of the deal", "She made
 * clear that she would run". PolNeAR's annotators mark them as attributions, the linking verb
 * and adjective (with "of", "about" … before a phrase) the cue and the subject the source; the
 * models found 79 of the 286 on train. This finder adds 61 on train, 44 of them right, and 6 on
 * dev, all right. One whose content is a phrase, not a clause, is a stance. Not "it is (not)
 * clear whether …": the annotators mark about 2 in 5 of those. Runs after the models
 * ({@link lateFinderStage}).
 */
export const attitudeAdjectiveStage = lateFinderStage({
  name: 'attitude-adjective',
  rule: 'attribution:attitude-adjective',
  triggers: new Set([...ATTITUDE, 'clear']),
  find: (w) => attitudeAdjectives(w).map((f) => ({ source: f.source, cue: f.cue, content: f.content, stance: !f.clause })),
});
