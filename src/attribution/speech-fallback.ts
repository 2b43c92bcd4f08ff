import type { Attribution } from '../core/types.js';
import type { WorkingDoc } from '../core/working-doc.js';
import { toLower } from '../text/lower.js';
import { clauseStop, contentStartBefore, npAfter, npBefore, type Window } from './find.js';
import { isFiniteVerbTag } from './tags.js';
import { lateFinderStage, PHRASE_END, type LateFind } from './late-finder.js';
import { quoteIndex } from './stage.js';

/** Verbs of saying that credit a quotation after it ("“…,” said X"). */
const SAY = new Set(['said', 'says', 'added', 'adds', 'wrote', 'writes', 'explained', 'noted', 'notes', 'recalled', 'insisted', 'argued',
  'argues', 'remarked', 'observed', 'countered', 'replied', 'responded', 'warned', 'acknowledged', 'admitted', 'conceded', 'cautioned',
  'declared', 'stated', 'tweeted', 'continued', 'asked', 'told', 'suggested', 'predicted', 'complained', 'joked', 'quipped']);

/**
 * A quotation credited after it when no other reading took the verb: "“It held,” said a longtime
 * adviser to the mayor who asked not to be named", "“…,” said the 46-year-old". The rules read
 * the inverted order only where the source ends the sentence or a comma follows it; here the
 * source runs from the verb over a restrictive modifier ("who …", "to the mayor") to the next
 * comma or the sentence end, and a source of a determiner and adjectives alone counts.
 */
export function invertedCredits(w: Window, free: (k: number) => boolean = () => true): LateFind[] {
  const out: LateFind[] = [];
  const T = w.tokens;
  for (let i = 1; i + 1 < T.length; i++) {
    if (!SAY.has(toLower(T[i]!.text)) || !/^VB/.test(w.tags[i]!)) continue;
    // Right after a closing quotation mark, or after the comma that closes one; or after the
    // comma closing a reported clause with no quotation ("Defending that terrain is within his
    // wheelhouse, said a handful of Democrats who …"), where the source ends the sentence.
    let e = i;
    while (e > 0 && T[e - 1]!.text === ',') e--;
    const plain = e < i && e > 1 && T[e - 1]!.quote !== 'close';
    if (e === 0 || (T[e - 1]!.quote !== 'close' && !plain)) continue;
    const s = contentStartBefore(w, e);
    if (s >= e) continue;
    let src = npAfter(w, i + 1);
    // "said one former executive": a number opening the source.
    if (!src && /^(?:CD|DT)$/.test(w.tags[i + 1]!)) { const np = npAfter(w, i + 2); if (np) src = [i + 1, np[1]]; }
    if (!src && w.tags[i + 1] === 'DT' && /^(?:JJ|CD)$/.test(w.tags[i + 2] ?? '')) src = [i + 1, i + 3];
    // "said retired Army Lt. Gen. Mick Bednarek": a participle or an adjective before the name.
    if (!src && /^(?:VBN|VBD|JJ)$/.test(w.tags[i + 1] ?? '')) { const np = npAfter(w, i + 2); if (np && np[0] === i + 2) src = [i + 1, np[1]]; }
    if (!src) continue;
    let end = src[1];
    // The modifier stops where another attribution's spans begin ("… who requested anonymity" read by the models).
    while (end < T.length && !PHRASE_END.test(T[end]!.text) && T[end]!.quote !== 'open' && free(end)) end++;
    // With no quotation, the source must end the sentence (or run into another attribution that does).
    if (plain && !((end >= T.length - 1 && (end === T.length || /^[.!?]$/.test(T[end]!.text))) || (end < T.length && !free(end)))) continue;
    if (plain && !isClause(w, [s, e])) continue;
    out.push({ source: [src[0], end], cue: [i, i + 1], content: [s, e], stance: false, ownContent: true });
  }
  return out;
}

/** Hyphens and en dashes that credit a quotation before a name ("“…” - Sanders."); the rules read em dashes. */
const HYPHEN = new Set(['-', '--', '\u2013']);

/**
 * A quotation credited by a hyphen and a name after it, as fact-checks and quote boxes print them:
 * "“… pay zero taxes.” - Sanders.", "“…” -Michelle Marks, Philadelphia." The name (capitalised
 * words up to a comma or the sentence end) is the source, the hyphen the cue, the quotation the
 * content. The rules' `dash-credit` reads the em dash.
 */
export function hyphenCredits(w: Window, doc: WorkingDoc): LateFind[] {
  const T = w.tokens;
  for (let k = 0; k + 1 < T.length; k++) {
    // The quotation closes just before the hyphen, in this sentence or the one before.
    const before = k > 0 ? T[k - 1]! : doc.tokens[w.base - 1];
    if (!HYPHEN.has(T[k]!.text) || before?.quote !== 'close') continue;
    const q = quoteIndex(doc).byEnd.get(before.end)?.[0];
    if (!q) continue;
    let e = k + 1;
    while (e < T.length && T[e]!.kind === 'word' && /^\p{Lu}/u.test(T[e]!.text) && e - k <= 4) e++;
    if (e === k + 1 || !(e === T.length || /^[,.]$/.test(T[e]!.text))) continue;
    return [{ source: [k + 1, e], cue: [k, k + 1], content: [k, k + 1], contentSpans: [{ start: q.start, end: q.end }], stance: false }];
  }
  return [];
}

/** Whether window tokens `[from, to)` hold a finite verb: a reported clause, not a phrase. */
function isClause(w: Window, [from, to]: [number, number]): boolean {
  for (let k = from; k < to; k++) if (isFiniteVerbTag(w.tags[k]!)) return true;
  return false;
}

/** The clause after the comma at token `c`, to the sentence end (or a closing parenthesis); null when under two words. */
function clauseAfterComma(w: Window, c: number): [number, number] | null {
  const T = w.tokens;
  let e = c + 1;
  while (e < T.length && !/^(?:[.;:!?]|\))$/.test(T[e]!.text)) e++;
  return e > c + 2 ? [c + 1, e] : null;
}

/** Verbs of an "as X reported" credit. */
const AS_CREDIT = new Set(['reported', 'noted', 'wrote', 'reports', 'notes', 'writes']);

/**
 * A clause credited by "as": "As reported by Western Journalism, investigators found …", "As
 * BuzzFeed News first reported, Mr. Trump voiced support …", "… a right-wing scare tactic, as
 * David Dayen noted in The Intercept." The one reporting is the source, the verb the cue, the
 * clause on the far side of the comma the content.
 */
export function asCredits(w: Window): LateFind[] {
  const out: LateFind[] = [];
  const T = w.tokens;
  for (let i = 1; i + 1 < T.length; i++) {
    if (!AS_CREDIT.has(toLower(T[i]!.text))) continue;
    let source: [number, number] | null = null;
    let a = -1;
    let after = i + 1;
    if (toLower(T[i - 1]!.text) === 'as' && toLower(T[i + 1]!.text) === 'by') {
      a = i - 1;
      source = npAfter(w, i + 2);
      if (source) after = source[1];
    } else {
      let v = i;
      if (i >= 2 && /^(?:first|previously|earlier|also|once)$/i.test(T[i - 1]!.text)) v = i - 1;
      const np = npBefore(w, v);
      if (np && np[0] > 0 && toLower(T[np[0] - 1]!.text) === 'as') { source = np; a = np[0] - 1; }
    }
    if (!source || a < 0) continue;
    let content: [number, number] | null = null;
    if (a === 0 || (a === 1 && T[0]!.quote === 'open') || T[a - 1]!.text === '(') {
      // "As X reported, CLAUSE": the clause after the comma that closes the credit.
      let c = after;
      while (c < T.length && T[c]!.text !== ',' && c - after <= 6) c++;
      if (T[c]?.text !== ',') continue;
      content = clauseAfterComma(w, c);
    } else if (T[a - 1]!.text === ',') {
      // "CLAUSE, as X noted.": the clause before the comma, from the sentence start.
      let e = after;
      while (e < T.length && T[e]!.kind === 'word' && e - after <= 6) e++;
      if (e === T.length || /^[.!?]$/.test(T[e]!.text)) content = [0, a - 1];
    }
    if (!content || !isClause(w, content)) continue;
    out.push({ source, cue: [i, i + 1], content, stance: false, ownContent: true });
  }
  return out;
}

/**
 * "According to X" where the rules' `according-to` gave nothing: "The plan would cost about $1.38
 * trillion a year, according to the document he released", "According to a 2016 study by the Pew
 * Research Center, eligible voters …". X runs to the next comma or the sentence end; the content is
 * the clause before it (from the sentence start) or, where it opens the sentence, the clause after
 * its comma.
 */
export function accordingTo(w: Window): LateFind[] {
  const T = w.tokens;
  for (let i = 0; i + 2 < T.length; i++) {
    if (toLower(T[i]!.text) !== 'according' || toLower(T[i + 1]!.text) !== 'to') continue;
    let end = i + 2;
    while (end < T.length && !PHRASE_END.test(T[end]!.text) && T[end]!.quote !== 'open') end++;
    if (end === i + 2) continue;
    let content: [number, number] | null = null;
    if (i === 0) {
      if (T[end]?.text !== ',') continue;
      content = clauseAfterComma(w, end);
    } else if (T[i - 1]!.text === ',' && i > 2 && (end === T.length || /^[.!?]$/.test(T[end]!.text))) content = [0, i - 1];
    if (!content || !isClause(w, content)) continue;
    return [{ source: [i + 2, end], cue: [i, i + 2], content, stance: false, ownContent: true }];
  }
  return [];
}

/** The verbs read across an aside or after a polled subject: the plainest of saying. */
const SAY_PLAIN = new Set(['said', 'says', 'say', 'told', 'wrote', 'writes', 'added', 'adds']);
/** Quantifiers that speak by themselves ("another said", "one says", "some say"). */
const QUANTIFIERS = new Set(['another', 'one', 'others', 'some', 'many', 'most', 'both', 'neither', 'none', 'several', 'few', 'all']);
/** Participles of polling after a subject ("those surveyed said", "voters polled said"). */
const POLLED = new Set(['polled', 'surveyed', 'interviewed', 'questioned', 'sampled', 'asked']);

/**
 * A speaker and a verb of saying the rules let pass for what stands between them or after the
 * verb: an aside before the reported clause ("He said, however, that …", "Guccifer said, per a
 * translator, that …"), a subject closed by a participle of polling ("those surveyed said
 * …", "Some 56 percent of voters polled said …") and a bare quantifier ("another says there
 * are about 1,800", "Yet another said, “…”"). The reported clause runs as the rules run one.
 */
export function saidAcross(w: Window): LateFind[] {
  const out: LateFind[] = [];
  const T = w.tokens;
  for (let i = 1; i + 2 < T.length; i++) {
    if (!SAY_PLAIN.has(toLower(T[i]!.text)) || !/^VB[DZP]$/.test(w.tags[i]!)) continue;
    let source: [number, number] | null = null;
    let from = i + 1;
    if (QUANTIFIERS.has(toLower(T[i - 1]!.text)) && (i === 1 || /^(?:,|;|yet|while|and|but)$/i.test(T[i - 2]!.text))) {
      // "another says there are about 1,800", "Yet another said, “…”": a bare quantifier speaks.
      source = [i - 1, i];
      if (T[i + 1]!.text === ',') from = i + 2;
      if (T[from]?.quote === 'open') {
        let e = from + 1;
        while (e < T.length && T[e]!.quote !== 'close') e++;
        if (e < T.length) { out.push({ source, cue: [i, i + 1], content: [from, e + 1], stance: false, ownContent: true }); continue; }
      }
    } else if (T[i + 1]!.text === ',') {
      // The aside runs to the next comma, within a few words.
      let c = i + 2;
      while (c < T.length && c - i <= 8 && T[c]!.text !== ',' && !/^[.;:!?]$/.test(T[c]!.text) && !T[c]!.quote) c++;
      if (T[c]?.text !== ',' || c === i + 2 || c + 1 >= T.length) continue;
      source = npBefore(w, i);
      from = c + 1;
    } else if (POLLED.has(toLower(T[i - 1]!.text)) && i >= 2) {
      const np = npBefore(w, i - 1) ?? (/^(?:DT|PRP|NNS?|CD)$/.test(w.tags[i - 2]!) ? [i - 2, i - 1] as [number, number] : null);
      if (np) source = [np[0], i];
    }
    if (!source || from >= T.length) continue;
    const end = clauseStop(w, from, i, source);
    if (end <= from) continue;
    out.push({ source, cue: [i, i + 1], content: [from, end], stance: false, ownContent: true });
  }
  return out;
}

/**
 * The quotation a credit closes may have opened sentences before ("“A. B,” said X"), and quoted
 * sentences after the credit in the same paragraph, with no attribution's cue of their own, go on
 * with the same speaker (“A,” said X. “B.”), as the attribution stage reads its own credits.
 */
function continueQuotation(doc: WorkingDoc, a: Attribution): void {
  // A hyphen credit closes its quotation: what follows is the outlet's again.
  if (HYPHEN.has(doc.slice(a.cue))) return;
  const first = a.content[0]!;
  const q0 = quoteIndex(doc).byEnd.get(first.end)?.find((q) => q.start < first.start);
  if (q0) a.content[0] = { start: q0.start, end: first.end };
  let si = doc.sentences.findIndex((s) => s.start <= a.cue.start && a.cue.start < s.end);
  if (si < 0) return;
  let lastEnd = Math.max(a.cue.end, a.source?.end ?? 0, doc.sentences[si]!.end);
  for (si++; si < doc.sentences.length; si++) {
    const s = doc.sentences[si]!;
    if (/\n/.test(doc.text.slice(lastEnd, s.start))) break;
    if (doc.attributions.some((b) => b.cue.start >= s.start && b.cue.end <= s.end)) break;
    const q = quoteIndex(doc).byStart.get(s.start)?.find((x) => x.end >= s.end - 1);
    if (!q) break;
    a.content.push({ start: q.start, end: Math.max(q.end, s.end) });
    lastEnd = s.end;
  }
}

/**
 * Verbs of saying the rules let pass (rule `attribution:speech-fallback`): credits after a
 * quotation ({@link invertedCredits}, {@link hyphenCredits}), "as" and "according to" credits
 * ({@link asCredits}, {@link accordingTo}), asides and polled subjects ({@link saidAcross}). Runs
 * after the models ({@link lateFinderStage}), where no attribution holds the verb, the source or
 * the content. On PolNeAR train it adds 26 attributions, 25 of them right.
 */
export const speechFallbackStage = lateFinderStage({ name: 'speech-fallback', rule: 'attribution:speech-fallback', triggers: new Set([...SAY, ...SAY_PLAIN, ...HYPHEN, ...AS_CREDIT, 'according']), find: (w, free, doc) => [...invertedCredits(w, free), ...saidAcross(w), ...hyphenCredits(w, doc), ...asCredits(w), ...accordingTo(w)], sharedSource: true, extend: continueQuotation });
