/**
 * The boundary ranker: where a reported clause that follows its cue starts and stops, where a
 * source before its cue starts and stops, and where a verb cue stops ("complained | about"). The rules and the taggers cut content at clause
 * boundaries ("said A, which B", "said A, citing B", "said A and B"), skip adjuncts after the cue
 * ("said Friday that", "told a rally in Ohio"), and take the nearest noun phrase as the source
 * ("Experts on trade and | economists say"); PolNeAR's annotators keep some of those and leave
 * others out. For each edge the model scores every possible position with the current one as a
 * feature, so it learns where the current one is usually wrong, and the highest score wins.
 */
import type { Span } from '../core/types.js';
import type { SpanIndex } from '../core/span-index.js';
import type { Token } from '../core/working-doc.js';
import { HearsayError } from '../core/errors.js';
import { hashMix, hashString } from '../model/hash.js';
import type { EpochTrainOptions } from '../model/perceptron.js';
import { toLower } from '../text/lower.js';
import { tokenRange } from './roles.js';
import { TEMPORAL, timePhraseStart } from '../attribution/find.js';

/**
 * One span to bound, as token indices into `tokens`: a content after its cue, a source before or
 * after its cue, or the cue itself, in the cue's sentence.
 */
export interface BoundsInput {
  kind: 'content' | 'source' | 'trailing-source' | 'cue';
  tokens: readonly Token[];
  /** First token of the cue. */
  cue: number;
  /** Token after the cue. */
  cueEnd: number;
  /** First token of the span. */
  from: number;
  /** Token after the span's last token. */
  end: number;
  /** Producer of the attribution (`Attribution.rule`). */
  rule: string;
  /**
   * A content may not reach this token (another attribution's cue after the content's start); a
   * source may not start before it (the sentence start, or the end of a content or cue before it);
   * a source after its cue may not reach it (another span after it); a cue may not reach it (the
   * source after the cue, or the sentence end).
   */
  stop: number;
}

/** Which boundary a decision moves. */
export type BoundarySide = 'start' | 'end';

/** A training example: the input, the side, and the gold boundary (first token, or token after the last). */
export interface BoundsExample {
  input: BoundsInput;
  side: BoundarySide;
  gold: number;
}

/** Serialised ranker: feature hashes (ascending) and their quantised weights. */
export interface BoundsModelJson {
  format: 'hearsay-bounds/1';
  source: string;
  /** Weight unit: a stored integer `w` means `w * quantum`. */
  quantum: number;
  hashes: number[];
  weights: number[];
}

/** Punctuation a content never ends on (the cut is before it). */
const CUT_PUNCT = /^(?:[,;:\u2014\u2013\u2015-]|--)$/;
const FINAL_PUNCT = /^[,;:\u2014\u2013.!?-]$/;
const FINITE = /^(?:VBD|VBZ|VBP|MD)$/;
/** Tags that can open what follows a cut: a conjunction, a preposition, a relative, a participle, a verb. */
const CUT_TAGS = /^(?:CC|IN|WDT|WP|WRB|TO|VBG|VBD|VBZ|-LRB-|-RRB-|,|:|RB)$/;
/** Tags after which a content can start: punctuation, a preposition, "that", "to", a particle. */
const START_AFTER = /^(?:IN|TO|RP|CC|DT|WDT)$/;
/** Tags a content can start with after anything: a complementiser, a relative, an infinitive, a pronoun, a determiner. */
const START_WITH = /^(?:IN|WDT|WP|WRB|TO|PRP|DT)$/;

/**
 * The ranker's input for an attribution, or null where it does not apply: the content must be one
 * span after the cue, within the cue's sentence. `cues` index every attribution's cues.
 */
export function boundsInput(tokens: readonly Token[], a: { cue: Span; content: readonly Span[]; rule: string }, cues: SpanIndex): BoundsInput | null {
  if (a.content.length !== 1 || a.content[0]!.start < a.cue.end) return null;
  const [cue, cueEnd] = tokenRange(tokens, a.cue);
  const [from, end] = tokenRange(tokens, a.content[0]!);
  if (cue >= cueEnd || from >= end || from < cueEnd) return null;
  const s = tokens[cue]!.sentence;
  if (tokens[from]!.sentence !== s || tokens[end - 1]!.sentence !== s) return null;
  // A content that grew over another cue would swallow that attribution as a nested one.
  return { kind: 'content', tokens, cue, cueEnd, from, end, rule: a.rule, stop: Math.max(firstTokenOf(tokens, cues, a.content[0]!.start), end) };
}

/** First token of the earliest of `spans` that starts at or after `from` (the text's end where none does). */
function firstTokenOf(tokens: readonly Token[], spans: SpanIndex, from: number): number {
  const at = spans.firstStartFrom(from);
  return at === null ? tokens.length : tokenRange(tokens, { start: at, end: at })[0];
}

/**
 * The ranker's input for a source after its cue ("“…,” said | Mr. Kamin, who emphasized …"; its
 * end only), or null where it does not apply: the source must lie after the cue, within the cue's
 * sentence. It may not grow over another attribution's span (`spans`) that starts after it.
 */
export function trailingSourceBoundsInput(tokens: readonly Token[], a: { cue: Span; source: Span | null; rule: string }, spans: SpanIndex): BoundsInput | null {
  if (!a.source || a.source.start < a.cue.end) return null;
  const [cue, cueEnd] = tokenRange(tokens, a.cue);
  const [from, end] = tokenRange(tokens, a.source);
  if (cue >= cueEnd || from >= end || from < cueEnd) return null;
  const s = tokens[cue]!.sentence;
  if (tokens[from]!.sentence !== s || tokens[end - 1]!.sentence !== s) return null;
  return { kind: 'trailing-source', tokens, cue, cueEnd, from, end, rule: a.rule, stop: Math.max(firstTokenOf(tokens, spans, a.source.end), end) };
}

/** How far a cue may grow to the right, in tokens ("said in a phone interview"). */
const CUE_REACH = 5;

/**
 * The ranker's input for an attribution's cue (its end only: "complained | about", "said |
 * Monday", "said | in a statement"), or null where the cue is not a verb. The cue may grow over
 * the start of its content, which then starts after it, but not over its source, another cue
 * (`cues`; its own may be among them, as it never lies after itself) or a quotation mark.
 */
export function cueBoundsInput(tokens: readonly Token[], a: { cue: Span; source: Span | null; rule: string }, cues: SpanIndex): BoundsInput | null {
  const [cue, cueEnd] = tokenRange(tokens, a.cue);
  if (cue >= cueEnd || !/^(?:VB|RP)/.test(tokens[cueEnd - 1]!.pos ?? '')) return null;
  const s = tokens[cue]!.sentence;
  const taken = (t: Token): boolean => (a.source !== null && t.end > a.source.start && t.start < a.source.end) || cues.overlaps(t);
  let stop = cueEnd;
  while (stop < tokens.length && stop - cueEnd < CUE_REACH && tokens[stop]!.sentence === s && tokens[stop]!.kind !== 'quote' && !taken(tokens[stop]!)) stop++;
  return { kind: 'cue', tokens, cue, cueEnd, from: cue, end: cueEnd, rule: a.rule, stop };
}

/** How far a source may grow to the left of its current start, in tokens. */
const SOURCE_REACH = 15;

/**
 * The ranker's input for an attribution's source, or null where it does not apply: the source must
 * come before the cue in the cue's sentence. `spans` index every attribution's cue and content spans.
 */
export function sourceBoundsInput(tokens: readonly Token[], a: { cue: Span; source: Span | null; rule: string }, spans: SpanIndex): BoundsInput | null {
  if (!a.source || a.source.end > a.cue.start) return null;
  const [cue, cueEnd] = tokenRange(tokens, a.cue);
  const [from, end] = tokenRange(tokens, a.source);
  if (cue >= cueEnd || from >= end || end > cue) return null;
  const s = tokens[cue]!.sentence;
  if (tokens[from]!.sentence !== s) return null;
  let lo = from;
  while (lo > 0 && tokens[lo - 1]!.sentence === s && from - lo < SOURCE_REACH) lo--;
  // Nor over a cue or content that ends before the source: the latest such end bounds it.
  const last = spans.lastEndUntil(a.source.start);
  if (last !== null && last > tokens[lo]!.start) lo = Math.max(lo, tokenRange(tokens, { start: last, end: last })[1]);
  return { kind: 'source', tokens, cue, cueEnd, from, end, rule: a.rule, stop: Math.min(lo, from) };
}

/** Token after the last a content of the cue's sentence may reach: the sentence end before its final punctuation, or `stop`. */
function endLimit(x: BoundsInput): number {
  const T = x.tokens;
  const s = T[x.from]!.sentence;
  let max = x.from;
  while (max < x.stop && T[max]!.sentence === s) max++;
  while (max > x.from + 1 && FINAL_PUNCT.test(T[max - 1]!.text)) max--;
  return max;
}

/**
 * A gold span without the commas, semicolons, colons and dashes at its edges: no boundary is
 * placed on them (scoring ignores punctuation), and PolNeAR ends 5 % of its sources with the
 * comma that closes an appositive ("Chris Cox, who runs the NRA's lobbying arm,").
 */
function wordEdges(T: readonly Token[], gold: Span): Span {
  let [a, b] = tokenRange(T, gold);
  while (a < b && CUT_PUNCT.test(T[a]!.text)) a++;
  while (b > a && CUT_PUNCT.test(T[b - 1]!.text)) b--;
  return a < b ? { start: Math.max(gold.start, T[a]!.start), end: Math.min(gold.end, T[b - 1]!.end) } : gold;
}

/** The gold boundary of `side` as a candidate position, or -1 where the gold span's edge is out of reach. */
export function goldBoundary(x: BoundsInput, side: BoundarySide, goldSpan: Span): number {
  const T = x.tokens;
  const gold = x.kind === 'source' || x.kind === 'trailing-source' ? wordEdges(T, goldSpan) : goldSpan;
  if (x.kind === 'cue') {
    if (side === 'start' || gold.start !== T[x.from]!.start) return -1;
    for (let j = x.from + 1; j <= x.stop; j++) if (T[j - 1]!.end === gold.end) return j;
    return -1;
  }
  if (x.kind === 'source') {
    if (side === 'end') {
      for (let j = x.from + 1; j <= x.cue; j++) if (T[j - 1]!.end === gold.end) return j;
    } else {
      for (let j = x.stop; j < x.end; j++) if (T[j]!.start === gold.start) return j;
    }
    return -1;
  }
  if (side === 'end') {
    const max = endLimit(x);
    for (let j = x.from + 1; j <= Math.min(max + 1, T.length); j++) if (T[j - 1]!.end === gold.end) return j;
    return -1;
  }
  for (let j = x.cueEnd; j < x.end; j++) if (T[j]!.start === gold.start) return j;
  return -1;
}

const lenBucket = (n: number): number => (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : n <= 10 ? 10 : n <= 20 ? 20 : n <= 40 ? 40 : 99);

/** Word and tag hashes for an input (both sides of one span share them). */
const hashesFor = (x: BoundsInput): TokenHashes => new TokenHashes(x.tokens, x.kind === 'source' ? Math.max(0, x.stop - 1) : x.cue);

/** Walks the possible boundaries of one side with each one's feature hashes. */
function eachCandidate(x: BoundsInput, side: BoundarySide, emit: Emit, hashes = hashesFor(x)): void {
  if (x.kind === 'cue') {
    if (side === 'end') cueEndCandidates(x, hashes, emit);
    return;
  }
  if (x.kind === 'source') {
    if (side === 'end') sourceEndCandidates(x, hashes, emit);
    else sourceStartCandidates(x, hashes, emit);
  } else if (x.kind === 'trailing-source') {
    if (side === 'end') endCandidates(x, hashes, emit, TRAILING_SOURCE);
  } else if (side === 'end') endCandidates(x, hashes, emit);
  else startCandidates(x, hashes, emit);
}

/** The possible boundaries of one side and each one's feature hashes. */
export function boundaryCandidates(x: BoundsInput, side: BoundarySide): { at: number[]; features: number[][] } {
  const at: number[] = [];
  const features: number[][] = [];
  eachCandidate(x, side, (j, f) => { at.push(j); features.push([...f]); });
  return { at, features };
}

/** Mixed into every feature of a source after its cue, which shares the content end's candidates. */
const TRAILING_SOURCE = hashString('trailing-source');

/** Feature templates: each feature is a template id mixed with the hashed values it conjoins. */
let nextTemplate = 1;
const T_ = () => nextTemplate++;
const F = {
  R: T_(), RULE_R: T_(), NX: T_(), NT: T_(), LT: T_(), LW: T_(), NT2: T_(), CL_NT: T_(), CL_NX: T_(), FIN_NT: T_(), LB: T_(), LB_NT: T_(),
  DEP_NT: T_(), COM_NT: T_(), CUE_NX: T_(), R_NT: T_(), R_NX: T_(), LT_NT: T_(),
  SR: T_(), SRULE_R: T_(), SW: T_(), ST: T_(), SPW: T_(), SPT: T_(), SPW_W: T_(), SGAP: T_(), SGAPN: T_(), SCUE_PW: T_(), SCUE_T: T_(),
  SCUE_GAP: T_(), SR_T: T_(), SR_PW: T_(), SQ: T_(),
  AR: T_(), ARULE_R: T_(), AW: T_(), AT: T_(), APW: T_(), APT: T_(), APT_T: T_(), ALEN: T_(), ASIG: T_(), AOF: T_(), AR_T: T_(), AR_PT: T_(),
  ZR: T_(), ZRULE_R: T_(), ZW: T_(), ZT: T_(), ZLT: T_(), ZLW: T_(), ZT_T2: T_(), ZGAP: T_(), ZSIG: T_(), ZCUE_T: T_(), ZR_T: T_(), ZR_W: T_(),
  CR: T_(), CRULE_R: T_(), CHEAD_W: T_(), CHEAD_SIG: T_(), CSIG: T_(), CWSIG: T_(), CNW: T_(), CNT: T_(), CLW: T_(), CHEAD_LW: T_(), CN: T_(), CLW_NT: T_(),
} as const;
const mix = (t: number, a: number, b = 0, c = 0): number => hashMix(hashMix(hashMix(t, a), b), c);
const OUTSIDE = hashString('<s>');
const SENT_END = hashString('</s>');
const END = hashString('END');
const CUE_EDGE = hashString('<cue>');

/** Hashes of the lowercased words and tags of a token range, computed once per token on first use. */
class TokenHashes {
  private readonly words: number[] = [];
  private readonly tags: number[] = [];
  constructor(private readonly tokens: readonly Token[], private readonly base: number) {}
  /** Lowercased word at `i` (a fixed value past the text's end). */
  word(i: number): number {
    if (i >= this.tokens.length) return OUTSIDE;
    return (this.words[i - this.base] ??= hashString(toLower(this.tokens[i]!.text)));
  }
  /** Tag at `i` (the word itself for untagged tokens). */
  tag(i: number): number {
    if (i >= this.tokens.length) return SENT_END;
    return (this.tags[i - this.base] ??= hashString(this.tokens[i]!.pos || this.tokens[i]!.text));
  }
}

/** Receives each candidate boundary and its features (a scratch array, valid during the call). */
type Emit = (at: number, features: readonly number[]) => void;

/**
 * Possible ends: `j` means the content is tokens `[from, j)`. The current end and the limit are
 * always candidates; other cuts only before punctuation (dashes and parentheses too), a quotation
 * mark or a word that can open a new clause or adjunct.
 */
function endCandidates(x: BoundsInput, H: TokenHashes, emit: Emit, salt = 0): void {
  const T = x.tokens;
  const max = endLimit(x);
  const tagText = (i: number): string => T[i]!.pos || T[i]!.text;
  const tag = (i: number): number => (i < max ? H.tag(i) : SENT_END);
  let clause = toLower(T[x.from]!.text) === 'that' ? 1 : 0;
  for (let k = x.from; !clause && k < Math.min(x.from + 6, max); k++) if (FINITE.test(tagText(k))) clause = 1;
  const cue = H.word(x.cue);
  const rule = hashString(x.rule);
  const f: number[] = [];
  // finite[k]: a finite verb between token k and the next comma (or the limit).
  const finite = new Uint8Array(max - x.from + 1);
  for (let k = max - 1; k >= x.from; k--) finite[k - x.from] = T[k]!.text === ',' ? 0 : FINITE.test(tagText(k)) ? 1 : finite[k + 1 - x.from]!;
  let commas = 0;
  let depth = 0;
  for (let j = x.from + 1; j <= max; j++) {
    const t = T[j - 1]!;
    if (t.quote === 'open') depth++;
    else if (t.quote === 'close') depth = Math.max(0, depth - 1);
    if (t.text === ',') commas++;
    if (CUT_PUNCT.test(t.text)) continue;
    if (j !== max && j !== x.end && !(CUT_PUNCT.test(T[j]!.text) || CUT_TAGS.test(tagText(j)) || T[j]!.quote)) continue;
    // A source after its cue does not grow over the time that dates the report ("according to a
    // Channel 12 report | last week"), as a source before its cue does not (`sourceEndCandidates`).
    if (salt && j > x.end && timeWordsOnly(T, x.end, j)) continue;
    const r = j === x.end ? 1 : j < x.end ? 2 : 3;
    const finNext = finite[j - x.from]!;
    const punctNext = j < max && CUT_PUNCT.test(T[j]!.text);
    // What follows the cut: the word (or the punctuation and the word after it), and its tag.
    const nx = j < max ? (punctNext ? hashMix(H.word(j), H.word(j + 1)) : H.word(j)) : END;
    const nt = j < max ? (punctNext ? hashMix(H.word(j), tag(j + 1)) : tag(j)) : END;
    const lb = lenBucket(j - x.from);
    const lt = H.tag(j - 1);
    f.length = 0;
    f.push(
      mix(F.R, r), mix(F.RULE_R, rule, r), mix(F.NX, nx), mix(F.NT, nt), mix(F.LT, lt), mix(F.LW, H.word(j - 1)),
      mix(F.NT2, nt, tag(j + 1), tag(j + 2)), mix(F.CL_NT, clause, nt), mix(F.CL_NX, clause, nx), mix(F.FIN_NT, finNext, nt),
      mix(F.LB, lb), mix(F.LB_NT, lb, nt), mix(F.DEP_NT, depth > 0 ? 1 : 0, nt), mix(F.COM_NT, Math.min(commas, 3), nt),
      mix(F.CUE_NX, cue, nx), mix(F.R_NT, r, nt), mix(F.R_NX, r, nx), mix(F.LT_NT, lt, nt),
    );
    // A source after its cue ends by other conventions than a content: its own weights.
    if (salt) for (let k = 0; k < f.length; k++) f[k] = hashMix(f[k]!, salt);
    emit(j, f);
  }
}

/**
 * Possible starts: `s` means the content's first token is `s`, between the cue and the current
 * end. The current start and the token after the cue are always candidates; others only after
 * punctuation, a preposition, "that", "to" or a particle, or where a complementiser, relative,
 * infinitive, pronoun or determiner opens.
 */
function startCandidates(x: BoundsInput, H: TokenHashes, emit: Emit): void {
  const T = x.tokens;
  const tagText = (i: number): string => T[i]!.pos || T[i]!.text;
  const cue = H.word(x.cueEnd - 1);
  const rule = hashString(x.rule);
  const f: number[] = [];
  // What the content leaves out between the cue and its start: the first four tags, and whether there are more.
  let gap = 0;
  for (let s = x.cueEnd; s < x.end; s++) {
    if (s > x.cueEnd && s - 1 < x.cueEnd + 4) gap = hashMix(gap, H.tag(s - 1));
    const prev = T[s - 1]!;
    if (CUT_PUNCT.test(T[s]!.text)) continue;
    if (s !== x.from && s !== x.cueEnd && !(CUT_PUNCT.test(prev.text) || START_AFTER.test(tagText(s - 1)) || START_WITH.test(tagText(s)) || prev.quote || T[s]!.quote === 'open')) continue;
    const r = s === x.from ? 1 : s < x.from ? 2 : 3;
    const g = s - x.cueEnd > 4 ? hashMix(gap, 1) : gap;
    const first = H.word(s);
    const pw = s > x.cueEnd ? H.word(s - 1) : CUE_EDGE;
    const pt = s > x.cueEnd ? H.tag(s - 1) : CUE_EDGE;
    const st = H.tag(s);
    const q = (T[s]!.quote === 'open' ? 1 : T[s]!.quote === 'close' ? 2 : 0) + (prev.quote === 'open' ? 3 : prev.quote === 'close' ? 6 : 0);
    f.length = 0;
    f.push(
      mix(F.SR, r), mix(F.SRULE_R, rule, r), mix(F.SW, first), mix(F.ST, st), mix(F.SPW, pw), mix(F.SPT, pt),
      mix(F.SPW_W, pw, first), mix(F.SGAP, g), mix(F.SGAPN, lenBucket(s - x.cueEnd)), mix(F.SCUE_PW, cue, pw), mix(F.SCUE_T, cue, st),
      mix(F.SCUE_GAP, cue, g), mix(F.SR_T, r, st), mix(F.SR_PW, r, pw), mix(F.SQ, q),
    );
    emit(s, f);
  }
}

/**
 * Possible source starts: any word from the leftmost reach (`stop`) to the current end. Features:
 * the words and tags at the edge, the tags the move takes in or leaves out, the length left, and
 * whether an "of" or "in" lies inside.
 */
function sourceStartCandidates(x: BoundsInput, H: TokenHashes, emit: Emit): void {
  const T = x.tokens;
  const rule = hashString(x.rule);
  const f: number[] = [];
  for (let s = x.stop; s < x.end; s++) {
    if (T[s]!.kind !== 'word' && T[s]!.kind !== 'number' && s !== x.from) continue;
    const r = s === x.from ? 1 : s < x.from ? 2 : 3;
    // The tags taken in (growing) or left out (shrinking), nearest the current start first.
    let sig = r;
    if (s < x.from) for (let k = x.from - 1; k >= s && k >= x.from - 4; k--) sig = hashMix(sig, H.tag(k));
    else for (let k = x.from; k < s && k < x.from + 4; k++) sig = hashMix(sig, H.tag(k));
    let of = 0;
    for (let k = s; k < x.end; k++) { const w = T[k]!.text; if (w === 'of' || w === 'in' || w === 'on' || w === 'for') { of = 1; break; } }
    const pt = s > 0 ? H.tag(s - 1) : OUTSIDE;
    const st = H.tag(s);
    f.length = 0;
    f.push(
      mix(F.AR, r), mix(F.ARULE_R, rule, r), mix(F.AW, H.word(s)), mix(F.AT, st), mix(F.APW, s > 0 ? H.word(s - 1) : OUTSIDE), mix(F.APT, pt),
      mix(F.APT_T, pt, st), mix(F.ALEN, lenBucket(x.end - s)), mix(F.ASIG, sig), mix(F.AOF, of, r), mix(F.AR_T, r, st), mix(F.AR_PT, r, pt),
    );
    emit(s, f);
  }
}

/** Whether tokens `[from, to)` are all words of time ("last week", "on Monday"). */
function timeWordsOnly(T: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const w = toLower(T[k]!.text);
    if (!TEMPORAL.has(w) && !(k === from && (w === 'on' || w === 'in' || w === 'earlier' || w === 'late'))) return false;
  }
  return true;
}

/** Possible source ends: after any word from the current start to the cue, with two limits (below). */
function sourceEndCandidates(x: BoundsInput, H: TokenHashes, emit: Emit): void {
  const T = x.tokens;
  const rule = hashString(x.rule);
  const cue = H.word(x.cue);
  const f: number[] = [];
  // A dated subject ("State prosecutors | in early April | said") keeps the end the rules gave
  // it: the ranker learned its edges from sources that touch their cue.
  const dated = timePhraseStart(T, x.end - 1, x.cue) === x.end;
  for (let e = x.from + 1; e <= x.cue; e++) {
    if (dated && e !== x.end) continue;
    // A source grows over no verb: past one it would take in the clause the cue hangs from
    // ("Netanyahu appeared to soften his tone, saying …").
    if (e > x.end && /^(?:VB|MD)/.test(T[e - 1]!.pos ?? '')) break;
    if (CUT_PUNCT.test(T[e - 1]!.text) && e !== x.end) continue;
    // Nor over a time phrase before the cue ("An arbitration panel | in 2001 said"): it dates the statement.
    if (e > x.end && timePhraseStart(T, x.from, e) !== null) continue;
    // Nor does it drop a restrictive relative clause ("others who want to stop the dam").
    if (e < x.end && /^(?:WP|WDT)$/.test(T[e]!.pos ?? '') && T[e - 1]!.text !== ',') continue;
    const r = e === x.end ? 1 : e < x.end ? 2 : 3;
    // What lies between the source and the cue: its first tags and its length.
    let sig = 0;
    for (let k = e; k < x.cue && k < e + 3; k++) sig = hashMix(sig, H.tag(k));
    const nt = e < x.cue ? H.tag(e) : CUE_EDGE;
    const nw = e < x.cue ? H.word(e) : CUE_EDGE;
    f.length = 0;
    f.push(
      mix(F.ZR, r), mix(F.ZRULE_R, rule, r), mix(F.ZW, nw), mix(F.ZT, nt), mix(F.ZLT, H.tag(e - 1)), mix(F.ZLW, H.word(e - 1)),
      mix(F.ZT_T2, nt, e + 1 < x.cue ? H.tag(e + 1) : CUE_EDGE), mix(F.ZGAP, lenBucket(x.cue - e)), mix(F.ZSIG, sig), mix(F.ZCUE_T, cue, nt),
      mix(F.ZR_T, r, nt), mix(F.ZR_W, r, nw),
    );
    emit(e, f);
  }
}

/**
 * Possible cue ends: the current one and each of the next few tokens. Features: the cue's head
 * word, the words and tags taken in, and what follows the new end.
 */
function cueEndCandidates(x: BoundsInput, H: TokenHashes, emit: Emit): void {
  const T = x.tokens;
  const rule = hashString(x.rule);
  const head = H.word(x.cueEnd - 1);
  const f: number[] = [];
  let sig = 0;
  let wsig = 0;
  for (let e = x.cueEnd; e <= x.stop; e++) {
    if (e > x.cueEnd) { sig = hashMix(sig, H.tag(e - 1)); wsig = hashMix(wsig, H.word(e - 1)); }
    if (e > x.cueEnd && CUT_PUNCT.test(T[e - 1]!.text) && T[e - 1]!.text !== ':') continue;
    const r = e === x.cueEnd ? 1 : 3;
    const nw = e < T.length ? H.word(e) : OUTSIDE;
    const nt = e < T.length ? H.tag(e) : OUTSIDE;
    f.length = 0;
    f.push(
      mix(F.CR, r), mix(F.CRULE_R, rule, r), mix(F.CHEAD_W, head, r), mix(F.CHEAD_SIG, head, sig), mix(F.CSIG, sig), mix(F.CWSIG, wsig),
      mix(F.CNW, nw, r), mix(F.CNT, nt, r), mix(F.CLW, H.word(e - 1)), mix(F.CHEAD_LW, head, H.word(e - 1)), mix(F.CN, e - x.cueEnd), mix(F.CLW_NT, H.word(e - 1), nt),
    );
    emit(e, f);
  }
}

/** A loaded boundary ranker. */
export class BoundsModel {
  // Open addressing over the feature hashes (as int32; 0 marks an empty slot, so hash 0 has no weight).
  private readonly keys: Int32Array;
  private readonly values: Float64Array;
  private readonly mask: number;

  constructor(json: BoundsModelJson) {
    if (json.format !== 'hearsay-bounds/1' || json.hashes.length !== json.weights.length) throw new HearsayError('MODEL_INVALID', `not a boundary model (format "${String(json.format)}")`);
    let cap = 16;
    while (cap < json.hashes.length * 2) cap *= 2;
    this.keys = new Int32Array(cap);
    this.values = new Float64Array(cap);
    this.mask = cap - 1;
    json.hashes.forEach((h, i) => {
      const k = h | 0;
      if (k === 0) return;
      let slot = slotOf(k) & this.mask;
      while (this.keys[slot] !== 0) slot = (slot + 1) & this.mask;
      this.keys[slot] = k;
      this.values[slot] = json.weights[i]! * json.quantum;
    });
  }

  /** Weight of one feature hash (0 where the model has none). */
  weight(h: number): number {
    const k = h | 0;
    let slot = slotOf(k) & this.mask;
    for (;;) {
      const at = this.keys[slot]!;
      if (at === k) return this.values[slot]!;
      if (at === 0) return 0;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Loads a model written by {@link trainBoundsModel}. */
  static fromJSON(json: BoundsModelJson): BoundsModel {
    return new BoundsModel(json);
  }

  /** The best boundary of one side; the current one unless another scores higher. */
  choose(x: BoundsInput, side: BoundarySide, hashes = hashesFor(x)): number {
    const current = side === 'end' ? x.end : x.from;
    let keep = Number.NEGATIVE_INFINITY;
    let best = current;
    let bestScore = Number.NEGATIVE_INFINITY;
    eachCandidate(x, side, (j, f) => {
      let s = 0;
      for (const h of f) s += this.weight(h);
      if (j === current) keep = s;
      if (s > bestScore) { bestScore = s; best = j; }
    }, hashes);
    // The current edge wins ties; one the candidates cannot express (a content running past the
    // sentence's last word) stays.
    return keep === Number.NEGATIVE_INFINITY || bestScore <= keep ? current : best;
  }

  /**
   * The span with both edges chosen ({@link choose}), or null where neither moves. A start that
   * would reach the chosen end keeps its place.
   */
  rebound(x: BoundsInput): Span | null {
    const hashes = hashesFor(x);
    const end = this.choose(x, 'end', hashes);
    let start = this.choose(x, 'start', hashes);
    if (start >= end) start = x.from;
    if (start === x.from && end === x.end) return null;
    return { start: x.tokens[start]!.start, end: x.tokens[end - 1]!.end };
  }
}

/** A table slot for an int32 key: the hashes are already mixed, so their low bits will do after one more shuffle. */
const slotOf = (k: number): number => Math.imul(k ^ (k >>> 16), 0x45d9f3b);

/** Index of the best-scoring candidate; the current edge (`keep`) wins ties, so an empty model changes nothing. */
function bestIndex(features: readonly number[][], w: (h: number) => number, keep: number): number {
  let best = keep;
  let bestScore = 0;
  for (const h of features[keep]!) bestScore += w(h);
  features.forEach((f, i) => {
    let s = 0;
    for (const h of f) s += w(h);
    if (s > bestScore) { bestScore = s; best = i; }
  });
  return best;
}

/**
 * Per input kind and side (`"content end"`, `"source start"`, …): how many examples there are and
 * how many have their gold edge among the candidates (the others cannot be learned; a gap here
 * once hid 5 % of PolNeAR's sources, whose gold ends on a comma no candidate sits on).
 */
export function boundsCoverage(examples: readonly BoundsExample[]): Map<string, { examples: number; candidate: number }> {
  const out = new Map<string, { examples: number; candidate: number }>();
  for (const e of examples) {
    const k = `${e.input.kind} ${e.side}`;
    const row = out.get(k) ?? { examples: 0, candidate: 0 };
    row.examples++;
    if (boundaryCandidates(e.input, e.side).at.includes(e.gold)) row.candidate++;
    out.set(k, row);
  }
  return out;
}

/** Share of examples (in %) whose chosen boundary is the gold one. */
export function boundsAccuracy(model: BoundsModel, examples: readonly BoundsExample[]): number {
  if (examples.length === 0) return 0;
  let right = 0;
  for (const e of examples) if (model.choose(e.input, e.side) === e.gold) right++;
  return (100 * right) / examples.length;
}

/** Options of {@link trainBoundsModel}: `select` scores dev edge accuracy, say. */
export type TrainBoundsOptions = EpochTrainOptions<BoundsModel>;

/**
 * Trains the ranker with an averaged ranking perceptron (examples in the given order, so the
 * result is deterministic), keeping the epoch `select` scores best. Examples whose gold or
 * current boundary is not among the candidates are skipped.
 */
export function trainBoundsModel(examples: readonly BoundsExample[], options: TrainBoundsOptions): { model: BoundsModelJson; bestEpoch: number; score: number } {
  const epochs = options.epochs ?? 4;
  const prepared = examples.map((e) => {
    const c = boundaryCandidates(e.input, e.side);
    return { features: c.features, gold: c.at.indexOf(e.gold), keep: c.at.indexOf(e.side === 'end' ? e.input.end : e.input.from) };
  }).filter((e) => e.gold >= 0 && e.keep >= 0);
  const w = new Map<number, number>();
  const u = new Map<number, number>();
  let step = 1;
  const update = (f: readonly number[], d: number): void => {
    for (const h of f) { w.set(h, (w.get(h) ?? 0) + d); u.set(h, (u.get(h) ?? 0) + step * d); }
  };
  let best: { score: number; epoch: number; json: BoundsModelJson } | null = null;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    let right = 0;
    for (const e of prepared) {
      const b = bestIndex(e.features, (h) => w.get(h) ?? 0, e.keep);
      if (b === e.gold) right++;
      else { update(e.features[e.gold]!, 1); update(e.features[b]!, -1); }
      step++;
    }
    const json = freeze(w, u, step, options.source ?? 'PolNeAR train');
    const score = options.select(BoundsModel.fromJSON(json));
    options.onProgress?.(`bounds epoch ${epoch}: train ${(100 * right / Math.max(1, prepared.length)).toFixed(2)} %; dev ${score.toFixed(2)}; ${json.hashes.length} weights`);
    if (!best || score > best.score) best = { score, epoch, json };
  }
  return { model: best!.json, bestEpoch: best!.epoch, score: best!.score };
}

const QUANTUM = 1 / 64;

/** Averaged weights, quantised; weights that round to zero are left out. */
function freeze(w: ReadonlyMap<number, number>, u: ReadonlyMap<number, number>, step: number, source: string): BoundsModelJson {
  const hashes = [...w.keys()].sort((a, b) => a - b);
  const out: BoundsModelJson = { format: 'hearsay-bounds/1', source, quantum: QUANTUM, hashes: [], weights: [] };
  for (const h of hashes) {
    const q = Math.round((w.get(h)! - u.get(h)! / step) / QUANTUM);
    if (q === 0) continue;
    out.hashes.push(h);
    out.weights.push(q);
  }
  return out;
}
