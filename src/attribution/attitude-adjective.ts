import { defineStage } from '../core/pipeline.js';
import type { Attribution, Span } from '../core/types.js';
import type { WorkingDoc } from '../core/working-doc.js';
import { overlaps } from '../core/span-index.js';
import { resolveSource } from '../entities/index.js';
import { toLower } from '../text/lower.js';
import { clauseStop, npBefore, windowOf, type Window } from './find.js';
import { quoteType } from './stage.js';

/** Adjectives of attitude that report what their subject thinks or feels about a proposition or a thing. */
const ATTITUDE = new Set(['afraid', 'worried', 'concerned', 'convinced', 'confident', 'sure', 'certain', 'optimistic', 'pessimistic',
  'skeptical', 'sceptical', 'aware', 'unaware', 'hopeful', 'fearful', 'doubtful', 'adamant', 'unsure', 'eager', 'determined', 'critical',
  'supportive', 'wary', 'unconvinced', 'insistent', 'upset', 'angry', 'frustrated', 'furious', 'outraged', 'incensed', 'dismayed',
  'disappointed', 'pleased', 'proud', 'happy', 'unhappy', 'glad', 'nervous', 'anxious', 'alarmed', 'troubled', 'satisfied']);
/** Verbs that link a subject to an attitude adjective. */
const LINKING = new Set(['is', 'are', 'was', 'were', "'s", '’s', "'re", '’re', "'m", '’m', 'am', 'be', 'been', 'being', 'remain', 'remains',
  'remained', 'seem', 'seems', 'seemed', 'feel', 'feels', 'felt', 'appear', 'appears', 'appeared', 'become', 'became', 'grew', 'grow', 'grows']);
/** Words that may stand between the auxiliaries, the linking verb and the adjective. */
const GAP = new Set(['not', "n't", 'never', 'also', 'still', 'now', 'very', 'so', 'too', 'increasingly', 'deeply', 'highly', 'particularly',
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
    const src = npBefore(w, start);
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
    } else if (lw === 'critical' || (next !== 'that' && !/^(?:PRP|DT|NNP|NNPS|EX)$/.test(w.tags[i + 1]!))) continue;
    if (from >= T.length) continue;
    // A clause runs as reported clauses do; a phrase ("of the deal", "to finish it") stops at the first comma or dash.
    let end = from;
    if (clause) end = clauseStop(w, from, i, src);
    else while (end < T.length && !/^(?:,|;|:|-|--|\u2014|\u2013|\u2015|[.!?])$/.test(T[end]!.text) && !(end > from && SUBORDINATORS.has(toLower(T[end]!.text)))) end++;
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
 * clear whether …": the annotators mark about 2 in 5 of those. A stage of its own after the
 * models, so the rule layer they were trained on does not move; it adds only where no
 * attribution holds the cue or the source already, and not inside quotation marks, where "I'm
 * sure" is part of what a speaker said.
 */
export const attitudeAdjectiveStage = defineStage('attitude-adjective', { requires: ['attributions'], assigns: ['attitude-adjective'] }, () => (doc: WorkingDoc) => {
  const added: Attribution[] = [];
  const toks = doc.tokens;
  const taken = (s: Span) => doc.attributions.some((a) => overlaps(a.cue, s) || (a.source && overlaps(a.source, s)) || a.content.some((c) => overlaps(c, s)));
  let ti = 0;
  for (let si = 0; si < doc.sentences.length; si++) {
    const s = doc.sentences[si]!;
    while (ti < toks.length && toks[ti]!.start < s.start) ti++;
    let tj = ti;
    while (tj < toks.length && toks[tj]!.end <= s.end) tj++;
    if (!doc.body.some((b) => s.start >= b.start && s.end <= b.end)) continue;
    // Most sentences hold no such adjective: the window (its tags) is built only for those that do.
    let any = false;
    for (let k = ti; k < tj && !any; k++) { const lw = toLower(toks[k]!.text); any = lw === 'clear' || ATTITUDE.has(lw); }
    if (!any) continue;
    const w = windowOf(toks.slice(ti, tj), ti, si);
    for (const f of attitudeAdjectives(w)) {
      const sp = (a: number, b: number): Span => ({ start: w.tokens[a]!.start, end: w.tokens[b - 1]!.end });
      const cue = sp(f.cue[0], f.cue[1]);
      const source = sp(f.source[0], f.source[1]);
      if (taken(cue) || taken(source)) continue;
      // Inside quotation marks a speaker's "I'm sure" is part of what the speaker said.
      if (doc.quotes.some((q) => q.inner.start <= cue.start && cue.end <= q.inner.end)) continue;
      const content = [sp(f.content[0], f.content[1])];
      added.push({ id: '', source: { ...source, entity: null, kind: 'unknown', count: null, descriptor: null }, cue, content, quote: quoteType(doc, content), via: null, hedge: null, ...(f.clause ? {} : { stance: true }), rule: 'attribution:attitude-adjective' });
    }
  }
  if (added.length === 0) return;
  for (const a of added) Object.assign(a.source!, resolveSource(doc, a.source!));
  const all = [...doc.attributions, ...added].sort((a, b) => a.cue.start - b.cue.start);
  // Ids follow text order again; nesting refers to ids, so it is remapped.
  const rename = new Map<string, string>();
  all.forEach((a, k) => { if (a.id) rename.set(a.id, `a${k + 1}`); });
  all.forEach((a, k) => { a.id = `a${k + 1}`; if (a.via) a.via = rename.get(a.via) ?? null; });
  doc.attributions = all;
});
