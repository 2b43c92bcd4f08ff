import { toLower } from '../text/lower.js';
import type { Window } from './find.js';
import { lateFinderStage, PHRASE_END, type LateFind } from './late-finder.js';

/** Words that open the question a passive "asked" reports. */
const QUESTION = new Set(['whether', 'if', 'why', 'how', 'who', 'what', 'when', 'where', 'which', 'about']);
/** Subordinators before a bare "asked" ("when asked whether …"). */
const WHEN = new Set(['when', 'after', 'once', 'if', 'while', 'before', 'as']);
const BE = new Set(['is', 'are', 'was', 'were', 'been', 'being', 'be']);

/**
 * Questions put to someone by no one named: "when asked whether he would run, …", "the actress
 * was asked if she had ever been turned away". PolNeAR marks the question as an attribution
 * with no source, "asked" (with its "be") the cue. The question runs to the next comma or the
 * sentence end.
 */
export function whenAsked(w: Window): LateFind[] {
  const out: LateFind[] = [];
  const T = w.tokens;
  for (let i = 1; i + 1 < T.length; i++) {
    if (toLower(T[i]!.text) !== 'asked') continue;
    const prev = toLower(T[i - 1]!.text);
    let cue = i;
    if (BE.has(prev)) cue = i - 1;
    else if (!WHEN.has(prev)) continue;
    if (!QUESTION.has(toLower(T[i + 1]!.text))) continue;
    const from = i + 1;
    let end = from + 1;
    while (end < T.length && !PHRASE_END.test(T[end]!.text)) end++;
    if (end <= from + 1) continue;
    out.push({ source: null, cue: [cue, i + 1], content: [from, end], stance: false });
  }
  return out;
}

/**
 * Questions put by no one named (rule `attribution:when-asked`): "when asked whether …", "was
 * asked if …". Runs after the models ({@link lateFinderStage}); a sentence-initial "Asked
 * whether …" is the rules' `asked-question`.
 */
export const whenAskedStage = lateFinderStage({ name: 'when-asked', rule: 'attribution:when-asked', triggers: new Set(['asked']), find: whenAsked });
