import type { Span } from '../core/types.js';
import type { Token } from '../core/working-doc.js';
import { CUE_BY_FORM, CUE_GAP_WORDS, DOCUMENT_NOUNS, HEDGES, PARTICIPLE_CUES, type CueEntry } from './lexicon.js';
import type { AttributionRuleName } from './rules.js';
import { isFiniteVerbTag, isHeadTag, isNominalTag, tagOf } from './tags.js';
import { toLower } from '../text/lower.js';
import { NAME_CONNECTORS } from '../entities/lexicon.js';

/** A candidate attribution over token indices of one sentence window. */
export interface Candidate {
  source: Span | null;
  cue: Span;
  content: Span[];
  hedge: string | null;
  rule: AttributionRuleName | 'model' | 'cues';
  /** Index of the sentence holding the cue. */
  sentence: number;
  /** Dropped when nested inside another attribution (belief and attitude cues). */
  outermostOnly?: boolean;
  /** An attitude rather than a statement (see `Attribution.stance`). */
  stance?: boolean;
  /** "Clinton said." alone: the content is the quotation just before, filled in by the stage. */
  needsPrevious?: boolean;
  /**
   * A label before numbers and no verb ("Hillary Clinton: 1,769."): a list entry, dropped once the
   * models have read the rule layer. It stays in that layer so the models, trained on it, read
   * the same layer they were trained on.
   */
  listEntry?: boolean;
  /** Refiners that changed its spans (qualified rule names), in order. */
  refined?: string[];
}

/** Words of time: where a clause or phrase is anchored in time rather than who or what it is about. */
export const TEMPORAL: ReadonlySet<string> = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today',
  'tonight', 'last', 'this', 'next', 'earlier', 'later', 'recently', 'january', 'february', 'march', 'april', 'may', 'june', 'july',
  'august', 'september', 'october', 'november', 'december', 'morning', 'afternoon', 'evening', 'night', 'week', 'weekend', 'month', 'year']);
const WEEKDAY_MONTH = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december|jan\.|feb\.|aug\.|sept?\.|oct\.|nov\.|dec\.)$/i;
/** Cue forms that are also common nouns ("a city report", "the claims"). */
const NOUNY_CUES = new Set(['report', 'reports', 'post', 'posts', 'call', 'calls', 'press', 'question', 'questions', 'show', 'shows',
  'claim', 'claims', 'charge', 'charges', 'comment', 'comments', 'tweet', 'tweets', 'promise', 'promises', 'pledge', 'pledges',
  'estimate', 'estimates', 'note', 'notes', 'demand', 'demands', 'reply', 'replies', 'state', 'states', 'finding', 'findings', 'echo',
  'feeling', 'feelings', 'thought', 'thoughts', 'known', 'hope', 'hopes', 'fear', 'fears', 'doubt', 'doubts', 'worry', 'worries',
  'attack', 'attacks', 'blast', 'blasts', 'praise', 'decline', 'declines', 'learning', 'understanding', 'comment', 'writing', 'writings',
  'saying', 'sayings', 'questioning', 'warning', 'warnings', 'testimony', 'charge', 'hearing', 'reporting', 'showing', 'calling',
  'call', 'calls', 'press', 'pressure', 'stress', 'cite', 'want', 'wants', 'tweet', 'post', 'report', 'reports', 'claim', 'vow', 'vows',
  'concern', 'plan', 'plans', 'support', 'view', 'views', 'remark', 'remarks', 'statement', 'announcement', 'deny', 'admit', 'state']);
const PREPOSITIONS = new Set(['in', 'on', 'with', 'of', 'for', 'from', 'by', 'at', 'to', 'about', 'against', 'between', 'into',
  'over', 'under', 'after', 'before', 'during', 'among', 'through', 'without', 'toward', 'towards', 'near', 'amid']);
/** Prepositions opening adjuncts of time and place that end object content. */
const ADJUNCT_PREPS = new Set(['during', 'since', 'after', 'before', 'amid', 'while', 'when']);
/** Determiners and quantifiers that stand alone as a subject ("all agreed", "others said"). */
const PRONOMINAL = new Set(['all', 'both', 'some', 'many', 'most', 'several', 'others', 'one', 'few', 'each', 'none']);
/** Media a statement is made in ("in a statement"): an adjunct of the cue, never content. */
const MEDIUM_NOUNS = new Set(['statement', 'interview', 'tweet', 'letter', 'post', 'speech', 'email', 'e-mail', 'op-ed', 'editorial', 'memo', 'press', 'news', 'video', 'radio', 'television', 'podcast', 'appearance', 'call', 'briefing', 'conference', 'rally', 'filing', 'report', 'blog', 'column']);
const BE_FORMS = new Set(['was', 'were', 'is', 'are', 'been', 'be', 'being']);
/** Directives that report a request rather than words unless the content quotes someone. */
const WEAK_DIRECTIVES = new Set(['ask', 'press', 'pressure', 'encourage']);
/** What follows "asked" when a question is put: "asked about", "asked whether". */
const QUESTION_WORDS = new Set(['about', 'whether', 'if', 'what', 'why', 'how', 'who', 'when', 'where', 'which']);
/** Words opening a subordinate clause before the main one ("While …, the mayor …"). */
export const SUBORDINATORS = new Set(['while', 'when', 'although', 'though', 'if', 'after', 'before', 'because', 'since', 'unless', 'whereas', 'once', 'until']);

/** Rules whose source never speaks a later participle of the sentence ("according to X, …, saying"). */
const PARTICIPLE_SKIPS: ReadonlySet<string> = new Set(['according-to', 'in-poll', 'reportedly']);

/** Heads of a survey that reports its findings ("In a new poll, …"). */
const POLL_NOUNS = new Set(['poll', 'polls', 'survey', 'surveys']);
/**
 * Words besides the cue lexicon that make a sentence worth the finders: "according to", a
 * sourceless "reportedly", and a poll reporting its finding ("in a new poll").
 */
export const FINDER_TRIGGERS: ReadonlySet<string> = new Set(['according', 'reportedly', ...POLL_NOUNS, 'seem', 'seems', 'seemed', 'appear', 'appears', 'appeared']);
const RELATIVE = new Set(['who', 'which', 'that', 'whom', 'whose']);
const NOT_SOURCES = new Set(['it', 'this', 'that', 'there', 'what', 'which']);

/** First words of a plural poll phrase that means polls in general ("in national polls"). */
const GENERIC_POLL_WORDS = new Set(['national', 'many', 'several', 'recent', 'preference', 'general', 'some', 'multiple', 'other', 'numerous', 'wake']);

/** Verbs of seeming ("Trump seems unfazed", "the plan appeared to stall"). */
export const SEEM_FORMS = new Set(['seem', 'seems', 'seemed', 'appear', 'appears', 'appeared']);
/** Words that may stand between a subject and a verb of seeming ("does not often seem"). */
const SEEM_GAP = new Set(['do', 'does', 'did', 'not', "n't", 'never', 'no', 'longer']);
/** Expletive subjects of seeming: part of the cue ("it seems that …", "there seems to be …"). */
const SEEM_EXPLETIVES = new Set(['it', 'there']);
/** Reflexives that only stress the subject before them ("Obama himself seemed"). */
const REFLEXIVES = new Set(['himself', 'herself', 'itself', 'themselves']);
/** Words that end a seeming's complement: a circumstance of the clause, not the judgement. */
export const SEEM_STOPS = new Set(['even', 'despite', 'while', 'because', 'although', 'though', 'since', 'after', 'before', 'when', 'until', 'unless', 'whereas']);

/** A sentence as tokens with coarse tags. */
export interface Window {
  tokens: readonly Token[];
  tags: string[];
  /** Offset of tokens[0] in doc.tokens. */
  base: number;
  sentence: number;
}

/** Builds the tag array for a sentence's tokens. */
export function windowOf(tokens: readonly Token[], base: number, sentence: number, names?: ReadonlySet<number>): Window {
  const tags = tokens.map((t, i) => (names?.has(base + i) && t.kind === 'word' && /^\p{Lu}/u.test(t.text) ? 'NNP' : tagOf(t, i === 0 || tokens[i - 1]!.quote === 'open')));
  // A tagger slip on an unambiguous cue verb ("An aide told/NN") would hide the attribution.
  for (let i = 0; i < tokens.length; i++) {
    const lw = toLower(tokens[i]!.text);
    if (tokens[i]!.pos && !/^VB/.test(tags[i]!) && CUE_BY_FORM.has(lw) && !NOUNY_CUES.has(lw) && i > 0) {
      tags[i] = lw.endsWith('ing') ? 'VBG' : /[^s]s$/.test(lw) ? 'VBZ' : 'VBD';
    }
  }
  // A nouny cue between a nominal and "that" is a verb ("Video shows that …").
  for (let i = 1; i + 1 < tokens.length; i++) {
    const lw = toLower(tokens[i]!.text);
    if (!/^VB/.test(tags[i]!) && NOUNY_CUES.has(lw) && toLower(tokens[i + 1]!.text) === 'that' && isHeadTag(tags[i - 1]!)) {
      tags[i] = /[^s]s$/.test(lw) ? 'VBZ' : 'VBD';
    }
  }
  // ", the Journal reports." — a nouny cue that closes the sentence after a comma and a name is a verb.
  for (let i = 2; i < tokens.length; i++) {
    const lw = toLower(tokens[i]!.text);
    if (/^VB/.test(tags[i]!) || !NOUNY_CUES.has(lw) || !/^(?:[.!?]|)$/.test(tokens[i + 1]?.text ?? '')) continue;
    let s = i - 1;
    while (s > 0 && /^(?:NNP|NNPS|NN|NNS|DT)$/.test(tags[s]!)) s--;
    if (s < i - 1 && (tokens[s]!.text === ',' || tokens[s]!.quote === 'close') && /^NNP/.test(tags[i - 1]!)) tags[i] = /[^s]s$/.test(lw) ? 'VBZ' : 'VBD';
  }
  // Before a finite verb, a finite verb form that opens the sentence or follows a determiner,
  // adjective or possessive is a noun the tagger misread ("Aides/VBZ say", "His aides/VBZ say").
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (/^VB[ZDP]$/.test(tags[i]!) && (i === 0 || /^(?:PRP\$|DT|JJ)$/.test(tags[i - 1]!)) && /^(?:VB[ZDP]|MD)$/.test(tags[i + 1]!)) tags[i] = /s$/i.test(tokens[i]!.text) ? 'NNS' : 'NN';
  }
  // A hyphenated participle between a determiner and a noun is an adjective ("the left-leaning institute").
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (/^VB[GND]$/.test(tags[i]!) && tokens[i]!.text.includes('-') && /^(?:DT|PRP\$|JJ|CD)$/.test(tags[i - 1]!) && /^(?:NN|NNS|NNP|NNPS|JJ)$/.test(tags[i + 1]!)) tags[i] = 'JJ';
  }
  // Without a tagger, a cue form after a determiner or name is a noun ("a city report").
  for (let i = 1; i < tokens.length; i++) {
    if (!tokens[i]!.pos && /^VB/.test(tags[i]!) && /^(?:DT|JJ|NN|NNP|CD|PRP\$|POS)$/.test(tags[i - 1]!) && NOUNY_CUES.has(toLower(tokens[i]!.text))) tags[i] = 'NN';
  }
  return { tokens, tags, base, sentence };
}

const low = (t: Token | undefined): string => (t ? toLower(t.text) : '');

/**
 * Prepositions that attach a phrase to a noun inside a source ("supporters in Congress", "a study
 * by Yale", "the complaint to the board"); "of" attaches after any head.
 */
const PP_IN_SOURCE = new Set(['at', 'for', 'from', 'with', 'in', 'by', 'to']);

/** Adverbs that open a quantified source ("Nearly half of voters", "Only 52 percent", "Not all aides"). */
const SOURCE_ADVERBS = new Set(['nearly', 'almost', 'roughly', 'about', 'approximately', 'only', 'just', 'not', 'some', 'over', 'more', 'fewer', 'barely']);

/**
 * An NP that ends a relative clause is not the subject of the verb after it: "others who want to
 * ban abortion | said" has "others who want to ban abortion" as its subject, not "abortion".
 */
function relativeHost(w: Window, np: [number, number] | null): [number, number] | null {
  if (!np) return null;
  for (let r = np[0] - 1; r > 0 && r >= np[0] - 8; r--) {
    const tag = w.tags[r]!;
    if (/^[.,;:]$/.test(w.tokens[r]!.text) || (/^VB[DZP]$/.test(tag) && r === np[0] - 1)) return np;
    if ((tag === 'WP' || tag === 'WDT') && RELATIVE.has(low(w.tokens[r]))) {
      if (!w.tags.slice(r + 1, np[0]).some((x) => /^(?:VB|MD)/.test(x))) return np;
      const host = npBefore(w, r);
      return host ? [host[0], np[1]] : np;
    }
  }
  return np;
}

/** NP ending just before token index `end` (exclusive), scanning backwards; [start, end) or null. */
/** A year, or a capitalised weekday or month name ("May" here: lower-case it is a modal). */
const isTimeWord = (t: string): boolean => /^(?:1[89]|20)\d\d$/.test(t) || (/^[A-Z]/.test(t) && (WEEKDAY_MONTH.test(t) || t === 'May'));

/**
 * Index of the preposition opening a time phrase that ends at `end` ("in 2001", "on Tuesday",
 * "in early March 2015"), not before `from`; null when `[from, end)` does not end in one.
 */
export function timePhraseStart(tokens: readonly Token[], from: number, end: number): number | null {
  let i = end - 1;
  let words = 0;
  while (i > from && words < 3 && isTimeWord(tokens[i]!.text)) { i--; words++; }
  if (words === 0) return null;
  if (i > from && /^(?:early|late|mid)$/i.test(tokens[i]!.text)) i--;
  return i > from && /^(?:in|on|during|since)$/i.test(tokens[i]!.text) ? i : null;
}

export function npBefore(w: Window, end: number): [number, number] | null {
  if (w.tokens[end - 1]?.text === ')') {
    let l = end - 2;
    while (l >= 0 && end - l < 9 && w.tokens[l]!.text !== '(') l--;
    if (w.tokens[l]?.text === '(') {
      const inner = npBefore(w, l);
      return inner ? [inner[0], end] : null;
    }
  }
  // "An arbitration panel in 2001 said": a time phrase closing the subject dates the statement.
  const timeFrom = timePhraseStart(w.tokens, 0, end);
  if (timeFrom !== null && isHeadTag(w.tags[timeFrom - 1]!)) return npBefore(w, timeFrom);
  let i = end - 1;
  if (low(w.tokens[i]) === 'who') return [i, end];
  // "…, many of whom say": the relative pronoun and its quantifier are the source.
  if (low(w.tokens[i]) === 'whom' && low(w.tokens[i - 1]) === 'of' && i >= 2 && /^(?:DT|JJ|JJS|CD|PDT|RB)$/.test(w.tags[i - 2] ?? '')) return [i - 2, end];
  if (PRONOMINAL.has(low(w.tokens[i])) && !isNominalTag(w.tags[i - 1] ?? '')) return [i, end];
  if (i < 0 || !isHeadTag(w.tags[i]!) || NOT_SOURCES.has(low(w.tokens[i]))) {
    return null;
  }
  if (WEEKDAY_MONTH.test(w.tokens[i]!.text) || TEMPORAL.has(low(w.tokens[i])) && w.tags[i] !== 'NNP') return null;
  let start = i;
  i--;
  while (i >= 0 && end - i <= 12) {
    const tag = w.tags[i]!;
    const t = w.tokens[i]!;
    const lw = low(t);
    if (RELATIVE.has(lw) && lw !== 'that') break;
    if (WEEKDAY_MONTH.test(t.text)) break;
    if (w.tags[start] === 'PRP') break;
    if ((lw === 'of' || (PP_IN_SOURCE.has(lw) && /^NNP?S?$/.test(w.tags[i - 1] ?? ''))) && i > 0 && isHeadTag(w.tags[i - 1]!)) { start = i; i--; continue; }
    if (t.text === '-' || t.text === '&') { start = i; i--; continue; }
    // A lower-case particle inside a name ("Bill de Blasio", "Osama bin Laden").
    if (NAME_CONNECTORS.has(lw) && lw !== 'of' && /^\p{Lu}/u.test(w.tokens[i + 1]!.text) && /^\p{Lu}/u.test(w.tokens[i - 1]?.text ?? '')) { start = i; i--; continue; }
    if (!isNominalTag(tag) || tag === 'PRP' || tag === 'VBN' && !/^\p{Lu}/u.test(t.text)) break;
    if (tag === 'DT' || tag === 'PRP$') {
      start = i;
      // "the valley" may be the object of a preposition on the real head ("Farmers in the valley").
      const p = low(w.tokens[i - 1]);
      if (((p === 'of' && /^(?:CD|DT|JJS?)$/.test(w.tags[i - 2] ?? '')) || ((p === 'of' || PP_IN_SOURCE.has(p)) && /^NNP?S?$/.test(w.tags[i - 2] ?? ''))) && i > 1) { i--; continue; }
      break;
    }
    start = i;
    i--;
  }
  // A quantity or focus adverb opens the source ("Nearly 60 percent of voters", "Not all aides").
  if (start > 0 && SOURCE_ADVERBS.has(low(w.tokens[start - 1])) && /^(?:CD|DT|JJ|PDT|NNS)$/.test(w.tags[start] ?? '')) start--;
  // Coordinated subjects speak together ("Mr. Grassley and Mr. Leahy said"), when the first
  // conjunct opens the clause.
  const cc = low(w.tokens[start - 1]);
  if ((cc === 'and' || cc === '&') && start - 1 > 0 && isHeadTag(w.tags[start - 2]!) && w.tags[start] !== 'PRP') {
    const first = npBefore(w, start - 1);
    const before = first ? w.tokens[first[0] - 1] : undefined;
    if (first && w.tags[first[0]] !== 'PRP' && (!before || before.text === ',' || before.quote === 'open')) return [first[0], end];
  }
  return [start, end];
}

/** NP starting at token index `from`; [start, end) or null. */
export function npAfter(w: Window, from: number): [number, number] | null {
  let i = from;
  const n = w.tokens.length;
  if (i >= n) return null;
  const first = w.tags[i]!;
  if (!isNominalTag(first) || first === 'VBN') return null;
  if (first === 'PRP') return NOT_SOURCES.has(low(w.tokens[i])) ? null : [i, i + 1];
  let lastHead = -1;
  while (i < n && i - from < 12) {
    const tag = w.tags[i]!;
    const t = w.tokens[i]!;
    if (i > from && (TEMPORAL.has(low(t)) && tag !== 'NNP' || WEEKDAY_MONTH.test(t.text))) break;
    if (low(t) === 'of' && lastHead === i - 1 && i + 1 < n && isNominalTag(w.tags[i + 1]!)) { i++; continue; }
    if (t.text === '-' || t.text === '&') { i++; continue; }
    if (t.text === '(' && lastHead === i - 1) {
      let r = i + 1;
      while (r < n && r - i < 8 && w.tokens[r]!.text !== ')') r++;
      if (w.tokens[r]?.text === ')') { lastHead = r; i = r + 1; continue; }
    }
    if (!isNominalTag(tag) || tag === 'PRP' || tag === 'VBN') break;
    if (isHeadTag(tag)) lastHead = i;
    else if (lastHead >= 0 && (tag === 'DT' || tag === 'PRP$')) break;
    i++;
  }
  return lastHead >= 0 ? [from, lastHead + 1] : null;
}

/**
 * Skips a time adjunct backwards from `end` ("on Saturday", "late Tuesday", "this week"); returns
 * `end` itself when there is none.
 */
function skipTimeBack(w: Window, end: number): number {
  let i = end;
  while (i > 0 && (WEEKDAY_MONTH.test(w.tokens[i - 1]!.text) || (TEMPORAL.has(low(w.tokens[i - 1])) && w.tags[i - 1] !== 'NNP') || (w.tags[i - 1] === 'CD' && i < end))) i--;
  if (i === end) return end;
  if (i > 0 && /^(?:on|last|this|early|late|earlier|in|during)$/.test(low(w.tokens[i - 1]))) i--;
  return i;
}

/** Skips gap words (auxiliaries, adverbs) backwards from `end`; returns new end and any hedge. */
function skipGapBack(w: Window, end: number): { end: number; hedge: string | null } {
  let hedge: string | null = null;
  let i = end;
  while (i > 0 && CUE_GAP_WORDS.has(low(w.tokens[i - 1]))) {
    if (HEDGES.has(low(w.tokens[i - 1]))) hedge = low(w.tokens[i - 1]);
    i--;
  }
  return { end: i, hedge };
}

/**
 * The subject of the nearest finite clause before token `end`: the NP before its verb. Used for
 * participial cues (", saying …") and coordinated cues ("… and has insisted that …").
 */
export function clauseSubject(w: Window, end: number, preferFirst = false): [number, number] | null {
  const order: number[] = [];
  for (let v = end - 1; v >= 0; v--) if (isFiniteVerbTag(w.tags[v]!)) order.push(v);
  if (preferFirst) order.reverse();
  for (const v of order) {
    let e = v;
    while (e > 0 && CUE_GAP_WORDS.has(low(w.tokens[e - 1])) && !isFiniteVerbTag(w.tags[e - 1]!) ) e--;
    // Walk back over a chain of auxiliaries ("has been", "would have").
    while (e > 0 && isFiniteVerbTag(w.tags[e - 1]!)) e--;
    // "Dean, a medical doctor, then appeared …": a subject with an appositive.
    const np = npBefore(w, e) ?? appositiveBefore(w, e);
    // An NP right after a preposition is an object, not a subject ("with rebels trapped").
    if (np && !PREPOSITIONS.has(low(w.tokens[np[0] - 1]))) return np;
  }
  return null;
}

/** Index just past the last token of the sentence's content, dropping final punctuation outside quotes. */
function contentEnd(w: Window, from: number): number {
  let end = w.tokens.length;
  while (end > from && w.tokens[end - 1]!.kind === 'punct' && /^[.!?;:,\u2014\u2013-]$/.test(w.tokens[end - 1]!.text)) end--;
  return end;
}

/**
 * Where reported content that starts at `from` stops within the sentence: before a trailing
 * attribution (", two officials said"), a participial cue (", saying"), "according to", or a
 * coordinated finite predicate of the main subject ("but stopped short").
 */
export function clauseStop(w: Window, from: number, cueIdx: number, source: [number, number] | null = null): number {
  const n = contentEnd(w, from);
  // A content clause with its own, different subject keeps its participial adjuncts: in
  // "officials said that Trump objected, telling him …" the telling is part of what they said.
  let ownSubject = false;
  // Content that is a clause ("he rated … and talked …") keeps its coordinated verbs; content that
  // is an object or infinitive ("Israel against X and praised Y") hands them back to the subject.
  const k0 = low(w.tokens[from]) === 'that' ? from + 1 : from;
  const subj = npAfter(w, k0);
  const contentIsClause = subj !== null && (isFiniteVerbTag(w.tags[subj[1]] ?? '') || CUE_GAP_WORDS.has(low(w.tokens[subj[1]])));
  if (source && !PARTICIPLE_CUES.has(low(w.tokens[cueIdx]))) {
    let k = from;
    if (low(w.tokens[k]) === 'that') k++;
    const np = npAfter(w, k);
    if (np && w.tags[np[1] - 1] !== 'PRP' && isFiniteVerbTag(w.tags[np[1]] ?? '') ) {
      const a = w.tokens.slice(np[0], np[1]).map((t) => t.text).join(' ');
      const b = w.tokens.slice(source[0], source[1]).map((t) => t.text).join(' ');
      ownSubject = a !== b;
    }
  }
  const participleCue = w.tags[cueIdx] === 'VBG' && PARTICIPLE_CUES.has(low(w.tokens[cueIdx]));
  // A cue inside an opening subordinate clause ("While a judge ruled X, | his decision …"):
  // its content ends at the comma that closes that clause (the stage's main-clause refiner
  // does the same after the boundary ranker).
  const sub = SUBORDINATORS.has(low(w.tokens[0])) && !w.tokens.slice(1, cueIdx).some((t) => t.text === ',');
  let depth = 0;
  for (let i = from; i < n; i++) {
    const t = w.tokens[i]!;
    if (sub && depth === 0 && t.text === ',' && i > from) {
      const np = npAfter(w, i + 1);
      if (np && (isFiniteVerbTag(w.tags[np[1]] ?? '') || w.tags[np[1]] === 'MD')) return trimEnd(w, from, i);
    }
    if (t.quote === 'open') depth++;
    else if (t.quote === 'close') depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    // "saying A and questioning B": a second participle is the subject's next act, as the first was.
    if (participleCue && i > from && low(t) === 'and' && w.tags[i + 1] === 'VBG') return trimEnd(w, from, i);
    const nx = w.tokens[i + 1];
    const lnx = low(nx);
    // An object or infinitive has no finite verb of its own: a finite cue verb after it is the
    // main clause's ("others who want to ban it | said …", "citing the polls, | said …").
    if (!contentIsClause && i > from && /^VB[DZP]$/.test(w.tags[i]!) && CUE_BY_FORM.has(low(t)) && !RELATIVE.has(low(w.tokens[i - 1])) && !inRelativeClause(w, from, i)) return trimEnd(w, from, i);
    if (t.text === ',' && (lnx === 'which' || (lnx === 'who' && i > from + 1))) return trimEnd(w, from, i);
    // A semicolon starts another statement ("…, the center estimates; another group finds …").
    if (t.text === ';' && i > from) return trimEnd(w, from, i);
    // ", contradicting …", ", although …": the writer's comment on the report, not its content.
    if ((t.text === ',' || t.text === '\u2014' || t.text === '\u2015') && i > from + 2
      && ((w.tags[i + 1] === 'VBG' && !ownSubject) || /^(?:although|though|while|whereas)$/.test(lnx) || (t.text !== ',' && lnx === 'as'))) return trimEnd(w, from, i);
    // "in a statement", "in an interview", "on Twitter": where it was said, not what.
    if (i > from && low(t) === 'in' && /^(?:a|an|his|her|their|its|the)$/.test(lnx) && MEDIUM_NOUNS.has(low(w.tokens[i + 2]))) return trimEnd(w, from, i);
    if (i > from && low(t) === 'on' && /^(?:twitter|facebook|instagram|television|tv|radio|cnn|fox|msnbc)$/.test(lnx)) return trimEnd(w, from, i);
    // Object and infinitive content ends before a trailing time or place adjunct.
    if (!contentIsClause && i > from && ADJUNCT_PREPS.has(low(t)) && isHeadTag(w.tags[i - 1]!)) return trimEnd(w, from, i);
    if (t.text === ',' || t.text === '\u2014' || (t.quote === 'close' && w.tokens[i - 1]?.text === ',')) {
      if (lnx === 'according' && low(w.tokens[i + 2]) === 'to') return trimEnd(w, from, i);
      const part = lnx === 'and' ? low(w.tokens[i + 2]) : lnx;
      if (nx && PARTICIPLE_CUES.has(part) && CUE_BY_FORM.has(part) && !ownSubject) return trimEnd(w, from, i);
      // ", NP (gap) cue" then end of sentence or comma: a trailing attribution.
      const np = nx ? npAfter(w, i + 1) : null;
      if (np) {
        let j = np[1];
        while (j < n && CUE_GAP_WORDS.has(low(w.tokens[j]))) j++;
        if (j < w.tokens.length && CUE_BY_FORM.has(low(w.tokens[j])) && /^VB/.test(w.tags[j]!)) {
          const after = npAfter(w, j + 1);
          const k = after ? after[1] : j + 1;
          const rest = w.tokens.slice(k, n);
          if (k >= n || w.tokens[k]?.text === ',' || TEMPORAL.has(low(w.tokens[k]))
            || (rest.length <= 5 && rest.every((_, r) => !/^VB|MD/.test(w.tags[k + r]!)))) return trimEnd(w, from, i);
        }
      }
    }
    const commaHere = t.text === ',' || (t.quote === 'close' && w.tokens[i - 1]?.text === ',');
    // ", and he noted …": a coordinated clause with its own source and cue starts a new attribution.
    if ((commaHere || t.text === '\u2014') && (lnx === 'and' || lnx === 'but') && i + 2 < n) {
      const np2 = npAfter(w, i + 2);
      if (np2) {
        let j2 = np2[1];
        while (j2 < n && CUE_GAP_WORDS.has(low(w.tokens[j2]))) j2++;
        if (j2 < n && CUE_BY_FORM.has(low(w.tokens[j2])) && /^VB/.test(w.tags[j2]!)) return trimEnd(w, from, i);
      }
    }
    if ((commaHere || !contentIsClause) && i > cueIdx + 1 && (lnx === 'but' || lnx === 'and') && i + 2 < n) {
      const v = w.tags[i + 2]!;
      const g = w.tags[i + 1] === 'CC' ? i + 2 : -1;
      // "unsubstantiated and fabricated by …": a participle coordinated with an adjective describes, it does not act.
      const adjectival = v === 'VBN' && /^(?:JJ|VBN)$/.test(w.tags[i]!);
      if (g > 0 && (v === 'VBD' || v === 'VBZ' || (v === 'VBN' && !contentIsClause && !adjectival)) && !RELATIVE.has(low(w.tokens[g]))) return trimEnd(w, from, i + 1);
    }
  }
  return n;
}

/**
 * A poll named after the clause it reports ("Cruz led by 10 points | in | a Register poll released
 * Monday"): the poll phrase runs to the next comma or the sentence end, and the clause before "in"
 * must have a subject and a finite verb of its own. Returns where the clause starts (after a
 * leading connective or comma-closed adverbial) and where the poll phrase ends.
 */
function trailingPoll(w: Window, i: number): { from: number; sourceEnd: number } | null {
  const np = npAfter(w, i + 1);
  if (!np) return null;
  let head = np[1] - 1;
  // "the RealClearPolitics average of New Hampshire polls"
  if (low(w.tokens[np[1]]) === 'of') { const of = npAfter(w, np[1] + 1); if (of) head = of[1] - 1; }
  if (!POLL_NOUNS.has(low(w.tokens[head]))) return null;
  // "ahead in the polls" is a manner of speaking, not a reported finding (PolNeAR marks it rarely).
  if (head - np[0] < 2 && (head === np[0] || low(w.tokens[np[0]]) === 'the')) return null;
  // "ahead in national polls", "pulled even in many polls": polls in general, no finding reported
  // (PolNeAR marks none of the 9 on train); a named or sourced set ("recent polls from Quinnipiac") is one.
  if (GENERIC_POLL_WORDS.has(low(w.tokens[np[0]])) && /s$/.test(low(w.tokens[head])) && !/^(?:from|by|of)$/.test(low(w.tokens[head + 1]))) return null;
  const n = contentEnd(w, head + 1);
  let e = head + 1;
  // "… released Sunday", "… conducted in May": the poll's own modifier, up to a comma.
  if (w.tags[e] === 'VBN') while (e < n && e < head + 6 && w.tokens[e]!.text !== ',' && !w.tokens[e]!.quote) e++;
  // The clause before: from the last comma (or the sentence start) that a subject follows.
  let from = 0;
  for (let k = i - 1; k > 0; k--) if (w.tokens[k]!.text === ',' || w.tokens[k]!.text === ';') { from = k + 1; break; }
  while (from < i && (w.tags[from] === 'CC' || w.tags[from] === 'RB' || w.tokens[from]!.kind === 'punct')) from++;
  const subj = npAfter(w, from);
  if (!subj || subj[1] >= i) return null;
  let v = subj[1];
  while (v < i && w.tags[v] === 'RB') v++;
  if (!isFiniteVerbTag(w.tags[v] ?? '') && w.tags[v] !== 'MD') return null;
  return { from, sourceEnd: e };
}

/** Whether the verb at `i` has a subject opened by a relative or "what" ("infected with what he | called …"). */
function inRelativeClause(w: Window, from: number, i: number): boolean {
  const np = npBefore(w, i);
  if (!np || np[0] <= from) return false;
  const l = low(w.tokens[np[0] - 1]);
  return l === 'what' || RELATIVE.has(l);
}

function trimEnd(w: Window, from: number, end: number): number {
  let e = end;
  while (e > from && /^[,;:\u2014\u2013-]$/.test(w.tokens[e - 1]!.text)) e--;
  return e;
}

const span = (w: Window, a: number, b: number): Span => ({ start: w.tokens[a]!.start, end: w.tokens[b - 1]!.end });

/** Which cue entry a verb token at `i` realises, honouring particles and that-only cues. */
function cueAt(w: Window, i: number): { entry: CueEntry; end: number } | null {
  const t = w.tokens[i]!;
  const entries = CUE_BY_FORM.get(low(t));
  if (!entries) return null;
  const tag = w.tags[i]!;
  if (!/^VB/.test(tag)) return null;
  for (const e of entries) {
    if (e.particle) {
      if (low(w.tokens[i + 1]) === e.particle) return { entry: e, end: i + 2 };
      continue;
    }
    if (e.lemma === 'point') { if (low(w.tokens[i + 1]) === 'out') return { entry: e, end: i + 2 }; continue; }
    if (e.thatOnly && low(w.tokens[i + 1]) !== 'that') continue;
    if (e.lemma === 'call' && entries.some((x) => x.particle === low(w.tokens[i + 1]))) continue;
    return { entry: e, end: i + 1 };
  }
  return null;
}

/** Finds candidate attributions in one sentence window. */
export function findInWindow(w: Window): Candidate[] {
  const out: Candidate[] = [];
  const n = w.tokens.length;
  const participleSources: Array<[number, number] | null> = [];
  for (let i = 0; i < n; i++) {
    const lt = low(w.tokens[i]);
    // According to X.
    if (lt === 'according' && low(w.tokens[i + 1]) === 'to') {
      const np = npAfter(w, i + 2);
      if (!np) continue;
      const cue = span(w, i, i + 2);
      let content: Span | null = null;
      if (i === 0 || (i === 1 && w.tags[0] === 'CC')) {
        let k = np[1];
        while (k < n && w.tokens[k]!.text !== ',') k++;
        if (k + 1 < n) content = span(w, k + 1, contentEnd(w, k + 1));
      } else {
        const end = trimEnd(w, 0, i);
        if (end > 0) content = span(w, 0, end);
      }
      if (content && content.end > content.start) out.push({ source: span(w, np[0], np[1]), cue, content: [content], hedge: null, rule: 'according-to', sentence: w.sentence });
      continue;
    }
    // "The sale is expected to close in May": an expectation no one is named for. PolNeAR
    // annotates it without a source; the subject and the infinitive are the content.
    const gap0 = lt === 'expected' && w.tags[i] === 'VBN' && low(w.tokens[i + 1]) === 'to' ? skipGapBack(w, i) : null;
    // "is widely expected", "is not expected": adverbs may stand between.
    while (gap0 && gap0.end > 0 && (w.tags[gap0.end - 1] === 'RB' || BE_FORMS.has(low(w.tokens[gap0.end - 1])))) gap0.end--;
    if (gap0 && w.tokens.slice(gap0.end, i).some((t) => BE_FORMS.has(low(t)))) {
      const gap = gap0;
      const rel = gap.end > 0 && RELATIVE.has(low(w.tokens[gap.end - 1]));
      const subj: [number, number] | null = rel ? [gap.end - 1, gap.end] : npBefore(w, gap.end);
      const end = clauseStop(w, i + 1, i);
      if (end <= i + 2) continue;
      const content = subj ? [span(w, subj[0], subj[1]), span(w, i + 1, end)] : [span(w, i + 1, end)];
      out.push({ source: null, cue: span(w, gap.end, i + 1), content, hedge: gap.hedge, rule: 'expectation', sentence: w.sentence });
      continue;
    }
    // "In a Register poll released Monday, Cruz led by 10 points": the poll is the source.
    if (i === 0 && lt === 'in') {
      const np = npAfter(w, 1);
      if (!np || !POLL_NOUNS.has(low(w.tokens[np[1] - 1]))) continue;
      let k = np[1];
      while (k < n && k < np[1] + 8 && w.tokens[k]!.text !== ',') k++;
      if (w.tokens[k]?.text !== ',' || k + 1 >= n) continue;
      const end = contentEnd(w, k + 1);
      if (end > k + 1) out.push({ source: span(w, 1, k), cue: span(w, 0, 1), content: [span(w, k + 1, end)], hedge: null, rule: 'in-poll', sentence: w.sentence });
      continue;
    }
    // "The club is reportedly spending $2 million": unnamed others report it. On a cue verb
    // ("reportedly replied") it is the cue's hedge instead.
    if (lt === 'reportedly' && w.tags[i] === 'RB') {
      let v = i + 1;
      if (i === 0 && w.tokens[1]?.text === ',') { const np = npAfter(w, 2); v = np ? np[1] : 2; }
      while (v < n && (w.tags[v] === 'RB' || CUE_GAP_WORDS.has(low(w.tokens[v])))) v++;
      if (v >= n || CUE_BY_FORM.has(low(w.tokens[v])) || !/^(?:VB|JJ|IN|DT)/.test(w.tags[v] ?? '')) continue;
      const end = clauseStop(w, i + 1, i);
      if (end <= i + 1) continue;
      let e = i;
      while (e > 0 && (CUE_GAP_WORDS.has(low(w.tokens[e - 1])) || isFiniteVerbTag(w.tags[e - 1]!) && BE_FORMS.has(low(w.tokens[e - 1])))) e--;
      const subj = e > 0 ? npBefore(w, e) ?? appositiveBefore(w, e) : null;
      const content = subj ? [span(w, subj[0], i), span(w, i + 1, end)] : [span(w, i + 1 + (w.tokens[i + 1]?.text === ',' ? 1 : 0), end)];
      out.push({ source: null, cue: span(w, i, i + 1), content, hedge: null, rule: 'reportedly', sentence: w.sentence });
      continue;
    }
    // "Cruz led by 10 points in a Register poll released Monday": the same, after the clause.
    if (i > 2 && lt === 'in') {
      const found = trailingPoll(w, i);
      if (found) out.push({ source: span(w, i + 1, found.sourceEnd), cue: span(w, i, i + 1), content: [span(w, found.from, i)], hedge: null, rule: 'in-poll', sentence: w.sentence });
      continue;
    }
    // "Asked whether she would run, Ortiz said …", "… when asked about the fee": the question
    // put to the speaker by someone unnamed. PolNeAR gives it no source; the question is content.
    if (lt === 'asked' && QUESTION_WORDS.has(low(w.tokens[i + 1])) && (i === 0 || (i === 1 && low(w.tokens[0]) === 'when') || (low(w.tokens[i - 1]) === 'when' && w.tokens[i - 2]?.text === ','))) {
      const about = low(w.tokens[i + 1]) === 'about';
      const from = about ? i + 2 : i + 1;
      let end = from;
      let depth = 0;
      for (; end < n; end++) {
        const t = w.tokens[end]!;
        if (t.quote === 'open') depth++;
        else if (t.quote === 'close') depth = Math.max(0, depth - 1);
        if (depth === 0 && t.text === ',' && end > from) break;
      }
      end = end < n ? end : contentEnd(w, from);
      if (end > from) out.push({ source: null, cue: span(w, i, about ? i + 2 : i + 1), content: [span(w, from, end)], hedge: null, rule: 'asked-question', sentence: w.sentence });
      continue;
    }
    // "Clinton appeared to soften", "the plan seems unlikely to pass": how things look to the
    // outlet. PolNeAR attributes it to no one; the subject and the complement are the content.
    if (SEEM_FORMS.has(lt) && /^VB/.test(w.tags[i] ?? '')) {
      const found = seemingAt(w, i);
      if (found) out.push(found);
      continue;
    }
    const cue = cueAt(w, i);
    if (!cue) continue;
    const { entry } = cue;
    const isParticiple = w.tags[i] === 'VBG' || lt.endsWith('ing');
    let source: [number, number] | null = null;
    let hedge: string | null = null;
    let rule: AttributionRuleName = 'source-cue-content';
    if (isParticiple) {
      const prev = w.tokens[i - 1];
      const lp = low(prev);
      const npPrev = npBefore(w, i);
      let docNounAt = -1;
      if (npPrev) {
        // "a letter to the president urging …": the document noun may head an NP with PPs.
        for (let k = npPrev[1] - 1; k >= Math.max(0, npPrev[0] - 6); k--) {
          if (DOCUMENT_NOUNS.has(low(w.tokens[k]))) { docNounAt = k; break; }
          if (!(isNominalTag(w.tags[k]!) || w.tags[k] === 'IN' || w.tags[k] === 'TO')) break;
        }
      }
      const afterDocNoun = docNounAt >= 0;
      const commaBefore = prev && (prev.text === ',' || (prev.quote === 'close' && w.tokens[i - 2]?.text === ','));
      if (!(commaBefore || lp === 'and' || lp === 'while' || lp === 'by') && !afterDocNoun) continue;
      if (!PARTICIPLE_CUES.has(lt)) continue;
      if (lp === 'and' && participleSources.length) source = participleSources[participleSources.length - 1]!;
      else {
        let stopAt = i - 1;
        if (afterDocNoun) { stopAt = docNounAt; while (stopAt > 0 && isNominalTag(w.tags[stopAt - 1]!) && w.tags[stopAt - 1] !== 'PRP') stopAt--; }
        source = clauseSubject(w, stopAt);
        // "Mr. Manafort, citing the polls, said …": the subject before the comma, its verb after.
        if (!source && commaBefore && !afterDocNoun) source = npBefore(w, i - 1);
        // A pronoun, or no subject at all ("Cooper, the governor's rival, called/VBN for …,
        // saying …": the clause's verb was read as a participle): an earlier cue of the sentence
        // knows who speaks.
        if (!source || w.tags[source[1] - 1] === 'PRP') {
          const earlier = out.find((c) => c.source && !PARTICIPLE_SKIPS.has(c.rule));
          if (earlier?.source) source = tokenRange(w, earlier.source);
        } else {
          // The subject of a reported clause that ends before the participle is not its subject:
          // "Perdue said those claims did Romney in, arguing …" argues with Perdue's voice.
          const a = w.tokens[source[0]]!.start;
          const cueStart = w.tokens[i]!.start;
          const outer = out.find((c) => c.source && !PARTICIPLE_SKIPS.has(c.rule) && c.content.some((s) => s.start <= a && s.end <= cueStart && s.end > a));
          if (outer?.source) source = tokenRange(w, outer.source);
        }
      }
      participleSources.push(source);
      rule = 'participle-cue';
    } else {
      const gap = skipGapBack(w, i);
      hedge = gap.hedge;
      // Passive: "was first reported by the Post" names the source after "by"; without an
      // agent ("has not been charged") there is no one to attribute to.
      const passive = w.tags[i] === 'VBN' && w.tokens.slice(gap.end, i).some((t) => BE_FORMS.has(low(t)));
      if (passive) {
        const agent = low(w.tokens[cue.end]) === 'by' ? npAfter(w, cue.end + 1) : null;
        const subj = npBefore(w, gap.end);
        if (agent && subj) {
          out.push({ source: span(w, agent[0], agent[1]), cue: span(w, gap.end, cue.end + 1), content: [span(w, subj[0], subj[1])], hedge, rule: 'passive-by', sentence: w.sentence });
        }
        continue;
      }
      const lp = low(w.tokens[gap.end - 1]);
      if (lp === 'and' || lp === 'but') {
        source = clauseSubject(w, gap.end - 1, true);
      } else {
        source = relativeHost(w, npBefore(w, gap.end)) ?? appositiveBefore(w, gap.end);
        // "The Ledger on Saturday wrote that …": a time adjunct between source and cue.
        const t = source ? gap.end : skipTimeBack(w, gap.end);
        if (t < gap.end) source = npBefore(w, skipGapBack(w, t).end);
      }
    }
    // Inverted order ("…,” said the mayor"): the source follows the cue.
    const before = w.tokens[i - 1];
    if (!source && rule !== 'participle-cue' && before && (before.text === ',' || before.quote === 'close')) {
      let after = npAfter(w, cue.end);
      // "…, said one party source in the room.": a closing prepositional phrase is the source's.
      if (after && PP_IN_SOURCE.has(low(w.tokens[after[1]])) && after[1] < contentEnd(w, after[1])) {
        const pp = npAfter(w, after[1] + 1);
        if (pp && pp[1] >= contentEnd(w, pp[1])) after = [after[0], pp[1]];
      }
      if (after && (after[1] >= contentEnd(w, after[1]) || w.tokens[after[1]]?.text === ',')) {
        let e = i;
        while (e > 0 && (w.tokens[e - 1]!.text === ',')) e--;
        const s = w.tokens[e - 1]?.quote === 'close' ? contentStartBefore(w, e) : 0;
        if (e > s) {
          out.push({ source: span(w, after[0], after[1]), cue: span(w, i, cue.end), content: [span(w, s, e)], hedge, rule: 'content-cue-source', sentence: w.sentence });
          continue;
        }
      }
    }
    // Content before the cue wins when the source is set off by a comma or a closing quote
    // ("Y, X said …", "“Y,” X said to the crowd"); a tail after "X said," continues it.
    let kAfter = cue.end;
    if (entry.frame === 'tell') { const obj = npAfter(w, kAfter); if (obj) kAfter = obj[1]; }
    const explicitPost = low(w.tokens[kAfter]) === 'that' || w.tokens[kAfter]?.quote === 'open' || w.tokens[kAfter]?.text === ':';
    const parenthetical = w.tokens[kAfter]?.text === ',' && source !== null && w.tokens[source[0] - 1]?.text === ',';
    // A relative pronoun's clause says what comes after its cue: in "Sanders lost Ohio to Clinton,
    // who added to her lead" the main clause before "who" is not what "who" said.
    const relativeSource = source !== null && source[1] - source[0] === 1 && RELATIVE.has(low(w.tokens[source[0]]));
    if (source && rule !== 'participle-cue' && source[1] <= i && !explicitPost && !relativeSource) {
      let pre = preContent(w, source[0]);
      if (!pre && parenthetical) {
        // "The museum, he said, would open": both sides are content, unless the left is an adverbial.
        let e = source[0] - 1;
        const first = w.tokens[0]!;
        if (e > 0 && !/^(?:during|in|on|at|after|before|back|since|as|when|while|for|by|with)$/i.test(first.text)) pre = [0, e];
        else if (e > 0) {
          // "In the end, the mayor said, the bridge will be rebuilt": the adverbial frames the
          // clause after the cue, which is what was said; the tail below reads that clause.
          const k = kAfter + 1;
          const t0 = w.tokens[k];
          if (t0 && t0.kind === 'word' && !/^(?:VBG|WDT|WP|WRB)$/.test(w.tags[k]!) && !TAIL_STOP.has(low(t0)) && clauseStop(w, k, i, source) > k + 1) pre = [0, e];
        }
      }
      if (pre) {
        const spans: Span[] = [span(w, pre[0], pre[1])];
        let k = cue.end;
        if (entry.frame === 'tell') { const obj = npAfter(w, k); if (obj) k = obj[1]; }
        if (w.tokens[k]?.text === ',' && k + 1 < n) {
          const t0 = w.tokens[k + 1]!;
          const l0 = low(t0);
          if (t0.quote === 'open' || (!/^(?:VBG|WDT|WP|WRB)$/.test(w.tags[k + 1]!) && !TAIL_STOP.has(l0) && t0.kind === 'word')) {
            const stop = clauseStop(w, k + 1, i, source);
            if (stop > k + 1) spans.push(span(w, k + 1, stop));
          }
        }
        // A quotation resumed later in the sentence ("“A,” he said, referring to B, “C.”").
        const lastEnd = spans[spans.length - 1]!.end;
        for (let q = cue.end; q < n; q++) {
          const t = w.tokens[q]!;
          if (t.quote !== 'open' && PARTICIPLE_CUES.has(low(t))) break;
          if (t.quote !== 'open' || t.start < lastEnd) continue;
          let depth = 0;
          let closed = false;
          for (let r = q; r < n; r++) {
            const x = w.tokens[r]!;
            if (x.quote === 'open') depth++;
            else if (x.quote === 'close' && --depth === 0) { spans.push({ start: t.start, end: x.end }); q = r; closed = true; break; }
          }
          // A quotation that runs on past the sentence ("“A,” he said, “but B. C.”"): the stage
          // extends it to its closing mark.
          if (!closed) { spans.push({ start: t.start, end: w.tokens[n - 1]!.end }); break; }
        }
        // "Asked to describe it, O'Neill said, “…”": the question is put to the source, not said by it.
        if (spans.length > 1 && pre[0] === 0 && low(w.tokens[0]) === 'asked') spans.shift();
        out.push({ source: span(w, source[0], source[1]), cue: span(w, i, cue.end), content: spans, hedge, rule: 'content-source-cue', sentence: w.sentence, ...(entry.outermostOnly ? { outermostOnly: true } : {}) });
        continue;
      }
    }
    // Content after the cue.
    let j = cue.end;
    let contentSpans: Span[] = [];
    const nextTok = w.tokens[j];
    const atEnd = !nextTok || (nextTok.kind === 'punct' && /^[.!?]$/.test(nextTok.text));
    const followedByComma = nextTok?.text === ',';
    if (!atEnd && !followedByComma || (followedByComma && source && w.tokens[j + 1]?.quote === 'open')) {
      if (entry.frame === 'tell' || entry.frame === 'directive') {
        const obj = npAfter(w, j);
        if (entry.frame === 'directive') {
          if (entry.particle === 'for') { /* content is whatever follows "for" */ }
          else if (obj && low(w.tokens[obj[1]]) === 'to' && WEAK_DIRECTIVES.has(entry.lemma)
            && !w.tokens.slice(obj[1], n).some((t) => t.quote === 'open')) {
            // Asking or pressing someone to act is an event (a request) unless words are quoted.
            continue;
          } else if (!obj || low(w.tokens[obj[1]]) !== 'to') {
            if (!(entry.lemma === 'demand' || entry.lemma === 'ask') || low(w.tokens[j]) !== 'that' && low(w.tokens[j]) !== 'why' && low(w.tokens[j]) !== 'whether') continue;
          }
        } else if (obj && entry.lemma !== 'warn') j = obj[1];
        else if (obj && entry.lemma === 'warn' && (low(w.tokens[obj[1]]) === 'that' || low(w.tokens[obj[1]]) === 'against' || low(w.tokens[obj[1]]) === 'to' || w.tokens[obj[1]]?.quote === 'open')) j = obj[1];
        if (entry.frame === 'tell') rule = rule === 'participle-cue' ? rule : 'source-tell-content';
        else rule = rule === 'participle-cue' ? rule : 'source-directive-infinitive';
      } else if (entry.frame === 'object') {
        rule = rule === 'participle-cue' ? rule : 'source-cue-object';
      }
      // Skip a short adjunct before "that" ("said on Tuesday that").
      for (let k = j; k < Math.min(n, j + 7); k++) {
        if (low(w.tokens[k]) === 'that' && w.tags[k - 1] !== 'DT') {
          const between = w.tokens.slice(j, k);
          if (between.every((t) => t.kind === 'word' || t.kind === 'number' || t.text === ',') && (k === j || /^(?:on|in|at|last|this|during|after|before|earlier|later|privately|publicly|again|also|repeatedly|,)$/i.test(w.tokens[j]!.text))) j = k;
          break;
        }
        if (w.tokens[k]!.quote || /^[.;!?]$/.test(w.tokens[k]!.text)) break;
      }
      if (w.tokens[j]?.text === ':' || w.tokens[j]?.text === ',') j++;
      if (j < n) {
        const stop = clauseStop(w, j, i, source);
        const adjunctOnly = stop - j <= 4 && w.tokens.slice(j, stop).every((t, k) => k === 0 ? /^(?:on|in|at|last|this|yesterday|today|earlier|late|early)$/i.test(t.text) || TEMPORAL.has(low(t)) : t.kind === 'word' && !/^VB/.test(w.tags[j + k]!));
        if (stop > j && !adjunctOnly) contentSpans = [span(w, j, stop)];
      }
      if (!source && contentSpans.length) {
        // "… said X" with the source after the cue is handled below; a sourceless cue is kept
        // only for the inverted order.
        source = null;
      }
    }
    if (contentSpans.length === 0) {
      // Content before the cue: "Y, X said" / "“Y,” X said" / "“Y,” said X".
      let srcStart = source ? source[0] : i;
      let inverted = false;
      if (!source || source[0] === i) {
        const after = npAfter(w, cue.end);
        if (after && (w.tokens[i - 1]?.text === ',' || w.tokens[i - 1]?.quote === 'close')) { source = after; inverted = true; srcStart = i; }
      }
      let e = srcStart;
      while (e > 0 && (w.tokens[e - 1]!.text === ',' || w.tokens[e - 1]!.text === '\u2014')) e--;
      if (e === srcStart && !(w.tokens[e - 1]?.quote === 'close')) {
        if (source && source[0] === 0 && !inverted && (atEnd || followedByComma)) {
          out.push({ source: span(w, source[0], source[1]), cue: span(w, i, cue.end), content: [], hedge, rule: 'content-source-cue', sentence: w.sentence, needsPrevious: true });
        }
        continue;
      }
      if (e <= 0) continue;
      // The content runs back to the sentence start, or to the opening mark of a quote ending here.
      const s = contentStartBefore(w, e);
      if (!source) continue;
      contentSpans = [span(w, s, e)];
      rule = inverted ? 'content-cue-source' : 'content-source-cue';
    }
    if (!source && rule !== 'participle-cue') continue;
    // "a firm called Cambridge Analytica": naming a thing just introduced, not calling it anything.
    if (rule === 'source-cue-object' && entry.lemma === 'call' && source && source[1] === i && /^(?:a|an)$/.test(low(w.tokens[source[0]]))) continue;
    const srcSpan = source ? span(w, source[0], source[1]) : null;
    const cueSpan = span(w, i, cue.end);
    out.push({ source: srcSpan, cue: cueSpan, content: contentSpans, hedge, rule, sentence: w.sentence, ...(entry.outermostOnly ? { outermostOnly: true } : {}) });
  }
  return out;
}

function tokenRange(w: Window, s: Span): [number, number] {
  let a = 0;
  while (a < w.tokens.length && w.tokens[a]!.start < s.start) a++;
  let b = a;
  while (b < w.tokens.length && w.tokens[b]!.end <= s.end) b++;
  return [a, b];
}

/** Words that open an adjunct rather than more reported content after "X said,". */
const TAIL_STOP = new Set(['and', 'but', 'so', 'then', 'as', 'while', 'when', 'after', 'before', 'because', 'according', 'who', 'which', 'where', 'in', 'at', 'on', 'during', 'referring', 'adding', 'speaking']);

/**
 * Content before a source set off by a comma, dash or closing quote: back to the sentence start,
 * to the opening mark of the quotation ending there, or to an earlier "according to"/participle.
 * Valid when it holds a finite verb or is a quotation (a bare adverbial is not content).
 */
function preContent(w: Window, srcStart: number): [number, number] | null {
  let e = srcStart;
  const prev = w.tokens[e - 1];
  if (!prev) return null;
  const closeQuote = prev.quote === 'close' || (prev.text === ',' && w.tokens[e - 2]?.quote === 'close');
  if (!(prev.text === ',' || prev.text === '\u2014' || prev.quote === 'close')) return null;
  while (e > 0 && (w.tokens[e - 1]!.text === ',' || w.tokens[e - 1]!.text === '\u2014')) e--;
  if (e <= 0) return null;
  const s = contentStartBefore(w, e);
  if (e <= s) return null;
  if (closeQuote) return [s, e];
  let depth = 0;
  for (let k = s; k < e; k++) {
    const t = w.tokens[k]!;
    if (t.quote === 'open') depth++;
    else if (t.quote === 'close') depth = Math.max(0, depth - 1);
    else if (depth === 0 && isFiniteVerbTag(w.tags[k]!)) return [s, e];
  }
  return null;
}

/**
 * A verb of seeming at token `i` read as an outlet's sourceless judgement: the complement ("to"
 * and a verb, an adjective or participle, "like", "as if"; after "it" a clause) and the subject
 * before the verb. Null when the verb reports where someone was ("appeared on Fox News") or
 * has no subject to judge.
 */
function seemingAt(w: Window, i: number): Candidate | null {
  const n = w.tokens.length;
  const next = low(w.tokens[i + 1]);
  const tag = w.tags[i + 1] ?? '';
  const seem = low(w.tokens[i]).startsWith('seem');
  let e = i;
  while (e > 0 && (CUE_GAP_WORDS.has(low(w.tokens[e - 1])) || SEEM_GAP.has(low(w.tokens[e - 1])) || w.tags[e - 1] === 'MD' || (w.tags[e - 1] === 'RB' && low(w.tokens[e - 1]) !== 'what'))) e--;
  const expletive = e > 0 && SEEM_EXPLETIVES.has(low(w.tokens[e - 1]));
  const complement =
    (next === 'to' && /^VB$/.test(w.tags[i + 2] ?? '')) ||
    /^(?:JJ|JJR|JJS|VBN)$/.test(tag) ||
    (tag === 'RB' && /^(?:JJ|JJR|VBN)$/.test(w.tags[i + 2] ?? '')) ||
    next === 'like' || (next === 'as' && /^(?:if|though)$/.test(low(w.tokens[i + 2]))) ||
    (expletive && (next === 'that' || (seem && /^(?:DT|NNP|NNPS|PRP)$/.test(tag)))) ||
    (seem && tag === 'DT' && !expletive);
  if (!complement || i + 1 >= n) return null;
  // "Obama seemed to recognize X", "Democrats appeared pleased with X": a stance of the subject's
  // own, which PolNeAR gives the subject as its source; the cue finders read those.
  if (next === 'to' && CUE_BY_FORM.has(low(w.tokens[i + 2]))) return null;
  if (/^(?:JJ|VBN)$/.test(tag) && /^(?:about|with|of|by)$/.test(low(w.tokens[i + 2]))) return null;
  // The judgement ends where the clause adds its own circumstance ("seemed to shrink | even if …").
  let end = clauseStop(w, i + 1, i);
  for (let k = i + 2; k < end; k++) {
    const t = w.tokens[k]!;
    if (t.quote) continue;
    const after = low(w.tokens[k + 1]);
    const clauseComma = t.text === ',' && !expletive && (SEEM_STOPS.has(after) || after === 'but' || w.tags[k + 1] === 'VBG');
    if (clauseComma || t.text === ';' || /^[\u2014\u2013-]+$/.test(t.text) || SEEM_STOPS.has(low(t))) { end = k; break; }
  }
  if (end <= i + 1) return null;
  const rest = span(w, i + 1, end);
  if (expletive) return { source: null, cue: span(w, e - 1, i + 1), content: [rest], hedge: null, rule: 'seeming', sentence: w.sentence };
  const prev = low(w.tokens[e - 1]);
  if (prev === 'what') return null;
  // "Obama himself seemed": the reflexive only stresses the subject before it.
  const subjEnd = REFLEXIVES.has(prev) ? e - 1 : e;
  let subj: [number, number] | null = subjEnd > 0 && RELATIVE.has(prev) ? [e - 1, e] : subjEnd > 0 ? npBefore(w, subjEnd) : null;
  if (!subj && subjEnd > 0) {
    // "The statistics, gathered by …, appear": the head before the appositive.
    const ap = appositiveBefore(w, subjEnd);
    let k = ap ? ap[0] : -1;
    while (ap && k < ap[1] && w.tokens[k]!.text !== ',') k++;
    subj = ap ? [ap[0], k] : null;
  }
  // A subject right after a preposition or a verb is an object ("in what appeared to be",
  // "Democrats leaving a meeting did not seem").
  if (!subj || PREPOSITIONS.has(low(w.tokens[subj[0] - 1])) || /^VB/.test(w.tags[subj[0] - 1] ?? '')) return null;
  return { source: null, cue: span(w, e, i + 1), content: [span(w, subj[0], subj[1]), rest], hedge: null, rule: 'seeming', sentence: w.sentence };
}

/**
 * "Phil Lovas, the state's campaign chairman, said": an NP, a comma-delimited appositive (or
 * parenthetical "(D-N.C.)", or a "who/which" clause), and a comma before the cue. Returns the
 * whole span from the NP to the last comma (exclusive).
 */
export function appositiveBefore(w: Window, end: number): [number, number] | null {
  if (w.tokens[end - 1]?.text !== ',') return null;
  let k = end - 2;
  let finite = false;
  let relative = false;
  while (k >= 0 && end - k < 30) {
    const t = w.tokens[k]!;
    if (t.text === ',' ) break;
    if (t.quote || /^[.;:!?]$/.test(t.text)) return null;
    if (RELATIVE.has(low(t)) && low(t) !== 'that') relative = true;
    if (isFiniteVerbTag(w.tags[k]!)) finite = true;
    k--;
  }
  if (k < 0 || w.tokens[k]!.text !== ',' || (finite && !relative) || k === end - 2) return null;
  const np = npBefore(w, k) ?? appositiveBefore(w, k + 1);
  if (!np) return null;
  // "Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said": walk left
  // over earlier ", NP" links to the head name.
  for (let hops = 0; hops < 3 && w.tokens[np[0] - 1]?.text === ','; hops++) {
    const left = npBefore(w, np[0] - 1);
    if (!left) break;
    np[0] = left[0];
  }
  const before = w.tokens[np[0] - 1];
  if (before && !(before.text === ',' || before.quote || w.tags[np[0] - 1] === 'CC' || w.tags[np[0] - 1] === 'RB')) return null;
  return [np[0], end - 1];
}

/**
 * Number of tokens of a dateline starting at token `from` ("WASHINGTON ― ", "FLINT, Mich., Oct. 4
 * (UPI) — "): an all-capital place, then capitalised words, numbers and punctuation, then a dash,
 * all before token `limit`; 0 when there is none. A dateline places the story; it is never
 * reported content.
 */
export function datelineLength(tokens: readonly Token[], from: number, limit: number): number {
  const first = tokens[from];
  if (!first || !/^[A-Z][A-Z.'-]+$/.test(first.text)) return 0;
  for (let k = from + 1; k < Math.min(limit - 1, from + 14); k++) {
    const t = tokens[k]!;
    if (/^(?:\u2015|\u2014|\u2013|--)$/.test(t.text)) return k + 1 - from;
    if (t.kind === 'word' && !/^[A-Z]/.test(t.text)) return 0;
  }
  return 0;
}

/**
 * Where content ending at token `e` (exclusive) starts: the opening mark of the quotation that
 * closes there, else just after an earlier "according to" or ", saying", else the sentence start
 * (past a dateline).
 */
export function contentStartBefore(w: Window, e: number): number {
  if (w.tokens[e - 1]?.quote === 'close') {
    let depth = 0;
    for (let k = e - 1; k >= 0; k--) {
      const q = w.tokens[k]!.quote;
      if (q === 'close') depth++;
      else if (q === 'open' && --depth === 0) {
        // A quotation opened mid-clause ("using the tax ''is a misguided approach,'' he said")
        // is a fragment of the reported clause, which runs back to the sentence start.
        if (k === 0 || w.tokens[k - 1]!.text === ':' || !w.tokens.slice(0, k).some((t) => t.kind === 'word')) return k;
        for (let j = k - 1; j >= 0; j--) {
          if (low(w.tokens[j]) === 'according' || (w.tokens[j]!.text === ',' && PARTICIPLE_CUES.has(low(w.tokens[j + 1])))) return j + 1;
          // Another report before the quotation ("X said she felt … “…,” she said") keeps it apart.
          if (w.tags[j]?.startsWith('VB') && CUE_BY_FORM.has(low(w.tokens[j]))) return k;
        }
        return 0;
      }
    }
    return 0;
  }
  for (let k = e - 1; k >= 0; k--) {
    if (low(w.tokens[k]) === 'according' || (w.tokens[k]!.text === ',' && PARTICIPLE_CUES.has(low(w.tokens[k + 1])))) return k + 1;
  }
  return datelineLength(w.tokens, 0, e);
}
