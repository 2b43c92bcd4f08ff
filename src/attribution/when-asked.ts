import { toLower } from '../text/lower.js';
import { npAfter, npBefore, type Window } from './find.js';
import { lateFinderStage, PHRASE_END, type LateFind } from './late-finder.js';

/** Words that open the question a passive "asked" reports. */
const QUESTION = new Set(['whether', 'if', 'why', 'how', 'who', 'what', 'when', 'where', 'which', 'about']);
/** Subordinators before a bare "asked" ("when asked whether …"). */
const WHEN = new Set(['when', 'after', 'once', 'if', 'while', 'before', 'as']);
const BE = new Set(['is', 'are', 'was', 'were', 'been', 'being', 'be']);
/** A dash or colon that opens the sentence's own text after a timestamp or kicker ("12:40 p.m. — Asked whether …"). */
const OPENER = /^(?:--|\u2014|\u2013|\u2015|:)$/;

/** Words that may stand between "asked" and the question ("was asked on Fox News whether", "Asked during a debate why"). */
const ADJUNCT = /^(?:IN|DT|NN|NNS|NNP|NNPS|CD|JJ|RB|POS|PRP\$)$/;
/** Words between the asker and "asked" ("earlier asked", "then loudly asked"). */
const ADVERB = /^(?:RB|RBR)$/;

/**
 * Where the question after "asked" (token `i`) starts and ends: a question word after at most
 * five words of adjunct ("asked on Fox News who leads the party"), "to" and a verb ("asked to
 * confirm …"), or a quotation ("was asked, “If you had known …?”"); null when none follows.
 */
function question(w: Window, i: number, adjuncts: boolean): [number, number] | null {
  const T = w.tokens;
  let k = i + 1;
  if (T[k]?.text === ',' && T[k + 1]?.quote === 'open') k++;
  if (T[k]?.quote === 'open') {
    let e = k + 1;
    while (e < T.length && T[e]!.quote !== 'close') e++;
    return e < T.length ? [k, e + 1] : null;
  }
  if (adjuncts) while (k < T.length && k - i <= 5 && ADJUNCT.test(w.tags[k]!) && !QUESTION.has(toLower(T[k]!.text))) k++;
  const q = toLower(T[k]?.text ?? '');
  if (!QUESTION.has(q) && !(q === 'to' && w.tags[k + 1] === 'VB')) return null;
  let end = k + 1;
  while (end < T.length && !PHRASE_END.test(T[end]!.text)) end++;
  return end > k + 1 ? [q === 'about' ? k + 1 : k, end] : null;
}

/**
 * Questions put to someone: "when asked whether he would run, …", "the actress was asked if she
 * had ever been turned away", "Asked during a debate why he trailed, …" (no one named: PolNeAR
 * marks the question with no source, "asked" with its "be" the cue), and "Lee Wang asked Clinton
 * whether she would release transcripts", "the pilot asked for volunteers" (the asker the source),
 * where the models missed them; "Asked by Starnes if …" names the asker as the source, and a
 * dash after a timestamp ("12:40 p.m. — Asked whether …") opens the sentence as its start does.
 * The question runs to the next comma or the sentence end.
 */
export function whenAsked(w: Window): LateFind[] {
  const out: LateFind[] = [];
  const T = w.tokens;
  for (let i = 0; i + 1 < T.length; i++) {
    if (toLower(T[i]!.text) !== 'asked') continue;
    const prev = i > 0 ? toLower(T[i - 1]!.text) : '';
    let cue = i;
    let source: [number, number] | null = null;
    let q: [number, number] | null;
    if (i === 0 || OPENER.test(prev) || BE.has(prev) || WHEN.has(prev) || (BE.has(toLower(T[i - 2]?.text ?? '')) && ADVERB.test(w.tags[i - 1]!))) {
      if (i > 0 && !WHEN.has(prev) && !OPENER.test(prev)) cue = BE.has(prev) ? i - 1 : i - 2;
      q = question(w, i, true);
      // "Asked by Starnes if …", "was asked by a reporter on Thursday whether …": the asker is the source.
      if (q && toLower(T[i + 1]!.text) === 'by') {
        let e = i + 2;
        while (e < q[0] && w.tags[e] !== 'IN' && !QUESTION.has(toLower(T[e]!.text))) e++;
        if (e > i + 2) source = [i + 2, e];
      }
    } else {
      // An asker: the noun phrase before "asked" (over adverbs), the one asked after it.
      let s = i;
      while (s > 0 && ADVERB.test(w.tags[s - 1]!)) s--;
      source = npBefore(w, s);
      if (!source) continue;
      cue = s < i && /^(?:earlier|then|also|later|repeatedly|again|once)$/i.test(T[s]!.text) ? s : i;
      const next = toLower(T[i + 1]!.text);
      if (next === 'for') { q = question(w, i, false); if (!q) { let e = i + 2; while (e < T.length && !PHRASE_END.test(T[e]!.text)) e++; q = e > i + 2 ? [i + 2, e] : null; } }
      else {
        let obj = npAfter(w, i + 1);
        // "asked the conservative who …": an adjective as the head.
        if (!obj) { let o = i + 1; while (o < T.length && o - i <= 4 && /^(?:DT|JJ|NN|NNS|NNP|NNPS|PRP)$/.test(w.tags[o]!)) o++; obj = o > i + 1 ? [i + 1, o] : null; }
        if (!obj) continue;
        const after = toLower(T[obj[1]]?.text ?? '');
        // "asked Clinton Friday whether …": a time between the one asked and the question.
        q = question(w, obj[1] - 1, true);
        // "asked a federal judge to block the rules": the one asked and what they are to do.
        if (q && after === 'to') q = [obj[0], q[1]];
      }
    }
    if (!q) continue;
    out.push({ source, cue: [cue, i + 1], content: q, stance: false });
  }
  return out;
}

/**
 * Questions put to someone (rule `attribution:when-asked`): "when asked whether …", "was asked
 * if …", "X asked Y whether …". Runs after the models ({@link lateFinderStage}), where no other
 * attribution holds the cue; a sentence-initial "Asked whether …" is mostly the rules'
 * `asked-question` already.
 */
export const whenAskedStage = lateFinderStage({ name: 'when-asked', rule: 'attribution:when-asked', triggers: new Set(['asked']), find: whenAsked });
