/**
 * Features of the attribution tagger. Every token gets a fixed-size row of hashed features
 * (template × value), computed without building strings on the hot path apart from one
 * lower-casing per token. The whole document is one sequence, so content that runs across
 * sentences is tagged by the same decoder that sees sentence and paragraph boundaries.
 */
import type { Span } from '../core/types.js';
import type { Quotation, Token } from '../core/working-doc.js';
import { hashMix, hashString } from '../model/hash.js';
import { lowerTexts } from '../text/lower.js';
import { isFiniteVerbTag } from '../attribution/tags.js';

/** What the tagger reads from a document (a WorkingDoc after segmentation satisfies it). */
export interface TagInput {
  text: string;
  tokens: readonly Token[];
  sentences: readonly Span[];
  quotes: readonly Quotation[];
}

/** Features per token: every template fires once per token (absent values hash a placeholder). */
export const FEATURES_PER_TOKEN = 71;

/** Transition contexts: the decoder keeps one transition matrix per context that holds at a token. */
export const TRANSITION_CONTEXTS = 6;
/** Context ids (see {@link TokenFeatures.contexts}). */
export const CTX = { ALWAYS: 0, SENTENCE_START: 1, PARAGRAPH_START: 2, QUOTE_OPEN: 3, AFTER_QUOTE_CLOSE: 4, CUE_WORD: 5 } as const;

/** Precomputed features of one document. */
export interface TokenFeatures {
  /** Row-major `tokens × FEATURES_PER_TOKEN` feature hashes. */
  hashes: Uint32Array;
  /** Per token, a bit set over transition contexts. */
  contexts: Uint8Array;
  count: number;
}

/** Looks up whether a lower-cased word is cue-like (a reporting verb or phrase head). */
export type CueLexicon = (lower: string) => boolean;

const NONE = hashString('<none>');
const BOS = hashString('<s>');
const EOS = hashString('</s>');

// Template ids: distinct small integers mixed into every feature hash.
let nextTemplate = 1;
const T = () => nextTemplate++;
const F = {
  BIAS: T(), W0: T(), WM1: T(), WP1: T(), WM2: T(), WP2: T(), BI_M1: T(), BI_P1: T(), SUF3: T(), PRE3: T(),
  SHAPE0: T(), SHAPEM1: T(), SHAPEP1: T(), KIND: T(), CUE0: T(), CUEM1: T(), CUEP1: T(), CUEM2P2: T(),
  INQ: T(), INQ_SHAPE: T(), QPOS: T(), DL: T(), DR: T(), DLDR: T(), DL_INQ: T(), DR_INQ: T(),
  SENTPOS: T(), SENTEND: T(), SENT_CUE: T(), SENT_Q: T(), SENT_CUE_INQ: T(), PARA: T(), SHAPE_DL: T(), SHAPE_DR: T(),
  CUEWORD_L: T(), CUEWORD_R: T(), PREV_SENT: T(), NEXT_SENT: T(), W0_DR: T(), W0_DL: T(), POS0: T(), POSM1: T(),
  POSP1: T(), POS_DR: T(), POS_DL: T(), W0_INQ: T(), QCLOSE_DIST: T(), QOPEN_DIST: T(), SENT_INQ_ALL: T(),
  CUE0_W0: T(), TRI: T(), SHAPE3: T(), PAREN: T(), COLON: T(), CUE_THAT: T(), SENT_HAS_COLON: T(),
  REL: T(), REL_COMMA: T(), THAT_AFTER: T(), SCUE_L: T(), SCUE_R: T(), REL_INQ: T(), REL_SHAPE: T(),
  CL0: T(), CL_NEIGH: T(), CL_INQ: T(), CL_SENT: T(), CL_CUEL: T(), CL_CUER: T(), AHEAD: T(), AHEAD_W: T(),
};

/**
 * `hashMix(template, a)` and `hashMix(hashMix(template, a), b)` precomputed for small `a` and
 * `b`: over half of a row mixes templates with small numbers (distances, flags, counts), and a
 * table read is cheaper than the hashing. Values past the tables are hashed, so rows are the same.
 */
class SmallMix {
  private readonly one: Uint32Array;
  private readonly two: Uint32Array;

  constructor(private readonly template: number, private readonly aSize: number, private readonly bSize = 0) {
    this.one = new Uint32Array(aSize);
    this.two = new Uint32Array(aSize * bSize);
    for (let a = 0; a < aSize; a++) {
      const h = hashMix(template, a);
      this.one[a] = h;
      for (let b = 0; b < bSize; b++) this.two[a * bSize + b] = hashMix(h, b);
    }
  }

  mix2(a: number): number {
    return a >= 0 && a < this.aSize ? this.one[a]! : hashMix(this.template, a);
  }

  mix3(a: number, b: number): number {
    return a >= 0 && a < this.aSize && b >= 0 && b < this.bSize ? this.two[a * this.bSize + b]! : hashMix(hashMix(this.template, a), b);
  }
}

const S = {
  KIND: new SmallMix(F.KIND, 128), CUE0: new SmallMix(F.CUE0, 4), CUEM1: new SmallMix(F.CUEM1, 4), CUEP1: new SmallMix(F.CUEP1, 4),
  CUEM2P2: new SmallMix(F.CUEM2P2, 16), INQ: new SmallMix(F.INQ, 4), INQ_SHAPE: new SmallMix(F.INQ_SHAPE, 4), W0_INQ: new SmallMix(F.W0_INQ, 4),
  QPOS: new SmallMix(F.QPOS, 8), DL: new SmallMix(F.DL, 16), DR: new SmallMix(F.DR, 16), DLDR: new SmallMix(F.DLDR, 16, 16),
  DL_INQ: new SmallMix(F.DL_INQ, 16, 4), DR_INQ: new SmallMix(F.DR_INQ, 16, 4), SENTPOS: new SmallMix(F.SENTPOS, 8), SENTEND: new SmallMix(F.SENTEND, 8),
  SENT_CUE: new SmallMix(F.SENT_CUE, 4, 4), SENT_Q: new SmallMix(F.SENT_Q, 4), SENT_CUE_INQ: new SmallMix(F.SENT_CUE_INQ, 4, 4),
  SENT_INQ_ALL: new SmallMix(F.SENT_INQ_ALL, 4, 4), PARA: new SmallMix(F.PARA, 4), PREV_SENT: new SmallMix(F.PREV_SENT, 64),
  NEXT_SENT: new SmallMix(F.NEXT_SENT, 32), QCLOSE_DIST: new SmallMix(F.QCLOSE_DIST, 16, 4), QOPEN_DIST: new SmallMix(F.QOPEN_DIST, 16, 4),
  COLON: new SmallMix(F.COLON, 4, 4), CUE_THAT: new SmallMix(F.CUE_THAT, 4), SENT_HAS_COLON: new SmallMix(F.SENT_HAS_COLON, 4, 16),
  PAREN: new SmallMix(F.PAREN, 4), REL: new SmallMix(F.REL, 8, 4), REL_COMMA: new SmallMix(F.REL_COMMA, 32, 4),
  THAT_AFTER: new SmallMix(F.THAT_AFTER, 4, 8), REL_INQ: new SmallMix(F.REL_INQ, 32, 4), REL_SHAPE: new SmallMix(F.REL_SHAPE, 8),
  CL0: new SmallMix(F.CL0, 4), CL_NEIGH: new SmallMix(F.CL_NEIGH, 4, 16), CL_INQ: new SmallMix(F.CL_INQ, 4, 4),
  CL_SENT: new SmallMix(F.CL_SENT, 4, 32), CL_CUEL: new SmallMix(F.CL_CUEL, 16, 16), CL_CUER: new SmallMix(F.CL_CUER, 16, 16),
  AHEAD: new SmallMix(F.AHEAD, 16, 4),
};

/**
 * Per token, what follows it within eight tokens of its sentence: 1 a "that", 2 an opening
 * quotation mark, 3 a colon, 4 + distance (up to 4) a finite verb, 9 a sentence end, whichever
 * comes first; 0 for none. "said the plan would fail" against "said goodbye": the BIO tagger
 * and the cue detector both read it. One backward pass per document.
 */
export function lookAheadCodes(tokens: readonly Token[], lower: readonly string[]): Uint8Array {
  const n = tokens.length;
  const marker = (j: number): number => {
    const t = tokens[j]!;
    if (lower[j] === 'that') return 1;
    if (t.quote === 'open') return 2;
    if (t.text === ':') return 3;
    if (isFiniteVerbTag(t.pos ?? '')) return 4;
    if (t.text === '.' || t.text === '!' || t.text === '?' || t.text === ';') return 9;
    return 0;
  };
  const next = new Int32Array(n).fill(-1);
  for (let i = n - 2; i >= 0; i--) {
    if (tokens[i + 1]!.sentence !== tokens[i]!.sentence) continue;
    next[i] = marker(i + 1) ? i + 1 : next[i + 1]!;
  }
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const j = next[i]!;
    if (j < 0 || j - i > 8) continue;
    const m = marker(j);
    out[i] = m === 4 ? 4 + Math.min(j - i, 4) : m;
  }
  return out;
}

/** Coarse word shape: Xx, x, X, d, punctuation itself, with runs collapsed and length capped. */
export function shapeOf(s: string): string {
  let out = '';
  let last = '';
  for (const ch of s) {
    let c: string;
    if (/\p{Lu}/u.test(ch)) c = 'X';
    else if (/\p{Ll}/u.test(ch)) c = 'x';
    else if (/\p{N}/u.test(ch)) c = 'd';
    else c = ch;
    if (c !== last) out += c;
    last = c;
    if (out.length >= 5) break;
  }
  return out;
}

function bucket(d: number): number {
  if (d < 0) return 15;
  if (d <= 3) return d;
  if (d <= 5) return 4;
  if (d <= 8) return 5;
  if (d <= 12) return 6;
  if (d <= 20) return 7;
  return 8;
}

/**
 * Computes the feature rows of a document. `lexicon` marks cue-like words; `cache` memoises the
 * per-word hashes across documents. Part-of-speech features read `token.pos` only with `usePos`,
 * so a model trained without a tagger is not shifted when one runs before it. `claimed` (1 per
 * token the rules already hold as cue or content, or outside the body) stacks the rule layer into
 * the tagger; without it those templates hash a placeholder.
 */
/**
 * Token index range `[a, b)` of the tokens lying wholly inside `span` (start at or after its
 * start, end at or before its end), by two binary searches: tokens are sorted and do not
 * overlap, so their ends rise with their starts.
 */
export function tokensWithin(tokens: readonly Token[], span: Span): [number, number] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (tokens[m]!.start < span.start) lo = m + 1; else hi = m; }
  const a = lo;
  hi = tokens.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (tokens[m]!.end <= span.end) lo = m + 1; else hi = m; }
  return [a, Math.max(a, lo)];
}

/**
 * Quotation state per token: `inQ` 2 inside a double quotation's inner span, 1 inside another's,
 * 0 outside; `qPos` 4 on an opening mark, 5 on a closing one (the code of the last quotation, in
 * document order, the token marks), else 1 / 2 / 3 for the first / last / only token of a quoted
 * run. Difference arrays and maps make it one pass, so unclosed quotations nested thousands deep
 * ('“a “a “a …') cost no more than one.
 */
export function quotationCodes(tokens: readonly Token[], qs: readonly Quotation[]): { inQ: Uint8Array; qPos: Uint8Array } {
  const n = tokens.length;
  const inQ = new Uint8Array(n);
  const qPos = new Uint8Array(n);
  if (!qs.length) return { inQ, qPos };
  const double = new Int32Array(n + 1);
  const any = new Int32Array(n + 1);
  const opens = new Map<number, number>();
  const closes = new Map<number, number>();
  for (let k = 0; k < qs.length; k++) {
    const q = qs[k]!;
    const [a, b] = tokensWithin(tokens, q.inner);
    if (a < b) {
      any[a]!++; any[b]!--;
      if (q.marks === 'double') { double[a]!++; double[b]!--; }
    }
    opens.set(q.start, k);
    if (q.closed) closes.set(q.end, k);
  }
  for (let i = 0, d = 0, y = 0; i < n; i++) {
    d += double[i]!;
    y += any[i]!;
    if (y > 0) inQ[i] = d > 0 ? 2 : 1;
    const t = tokens[i]!;
    const o = opens.get(t.start) ?? -1;
    let c = closes.get(t.end) ?? -1;
    if (c >= 0 && qs[c]!.start > t.start) c = -1;
    if (o >= 0 || c >= 0) qPos[i] = o >= c ? 4 : 5;
  }
  markQuotedRunEdges(inQ, qPos);
  return { inQ, qPos };
}

/** Codes the first (1), last (2) or only (3) token of each quoted run in `qPos`, where no mark code stands. */
export function markQuotedRunEdges(inQ: ArrayLike<number>, qPos: { [i: number]: number; length: number }): void {
  const n = inQ.length;
  for (let i = 0; i < n; i++) {
    if (!inQ[i]) continue;
    let p = 0;
    if (i === 0 || !inQ[i - 1]) p |= 1;
    if (i === n - 1 || !inQ[i + 1]) p |= 2;
    if (p && !qPos[i]) qPos[i] = p;
  }
}

export function extractFeatures(doc: TagInput, lexicon: CueLexicon, cache: Map<string, WordHashes> = new Map(), usePos = false, claimed: Uint8Array | null = null, rows: Uint8Array | null = null): TokenFeatures {
  const { tokens, text } = doc;
  const n = tokens.length;
  const hashes = new Uint32Array(n * FEATURES_PER_TOKEN);
  const contexts = new Uint8Array(n);
  if (n === 0) return { hashes, contexts, count: 0 };

  const words: WordHashes[] = new Array(n);
  const cue = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    let w = cache.get(t.text);
    if (!w) {
      w = wordHashes(t.text, lexicon);
      if (cache.size > 100_000) cache.clear();
      cache.set(t.text, w);
    }
    words[i] = w;
    cue[i] = w.cue;
  }

  const { inQ, qPos } = quotationCodes(tokens, doc.quotes);

  // Sentence index ranges and per-sentence facts.
  const sentOf = new Int32Array(n);
  const sentCount = Math.max(1, doc.sentences.length);
  const sStart = new Int32Array(sentCount).fill(-1);
  const sEnd = new Int32Array(sentCount).fill(-1);
  const sCue = new Uint8Array(sentCount);
  const sQuote = new Uint8Array(sentCount);
  const sColon = new Uint8Array(sentCount);
  const sAllQ = new Uint8Array(sentCount).fill(1);
  const sClaimed = new Int32Array(sentCount);
  const sSize = new Int32Array(sentCount);
  for (let i = 0; i < n; i++) {
    const s = Math.min(Math.max(tokens[i]!.sentence ?? 0, 0), sentCount - 1);
    sentOf[i] = s;
    if (sStart[s] === -1) sStart[s] = i;
    sEnd[s] = i;
    if (cue[i]) sCue[s] = 1;
    if (tokens[i]!.kind === 'quote') sQuote[s] = 1;
    if (tokens[i]!.text === ':') sColon[s] = 1;
    if (!inQ[i] && tokens[i]!.kind === 'word') sAllQ[s] = 0;
    sSize[s]!++;
    if (claimed?.[i]) sClaimed[s]!++;
  }

  // Nearest cue-like token left and right (any sentence), and nearest quote marks.
  const cueL = new Int32Array(n);
  const cueR = new Int32Array(n);
  let last = -1;
  for (let i = 0; i < n; i++) { cueL[i] = last; if (cue[i]) last = i; }
  last = -1;
  for (let i = n - 1; i >= 0; i--) { cueR[i] = last; if (cue[i]) last = i; }
  const qCloseL = new Int32Array(n);
  const qOpenR = new Int32Array(n);
  last = -1;
  for (let i = 0; i < n; i++) { qCloseL[i] = last; if (qPos[i] === 5) last = i; }
  last = -1;
  for (let i = n - 1; i >= 0; i--) { qOpenR[i] = last; if (qPos[i] === 4) last = i; }

  // Prefix counts of commas and of complement openers ("that", ":", an opening quote).
  const commas = new Int32Array(n + 1);
  const openers = new Int32Array(n + 1);
  const sFirstCue = new Int32Array(sentCount).fill(-1);
  const sLastCue = new Int32Array(sentCount).fill(-1);
  const lower = lowerTexts(tokens);
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    commas[i + 1] = commas[i]! + (t.text === ',' ? 1 : 0);
    const lw = lower[i]!;
    openers[i + 1] = openers[i]! + (lw === 'that' || t.text === ':' || t.quote === 'open' ? 1 : 0);
    if (cue[i]) { const s = sentOf[i]!; if (sFirstCue[s] === -1) sFirstCue[s] = i; sLastCue[s] = i; }
  }

  const aheads = lookAheadCodes(tokens, lower);

  // Row writers, defined once (not per token) to keep the loop allocation-free.
  let k = 0;
  const put = (h: number) => { hashes[k++] = h >>> 0; };
  const mix2 = (tpl: number, a: number) => put(hashMix(tpl, a));
  const mix3 = (tpl: number, a: number, b: number) => put(hashMix(hashMix(tpl, a), b));
  let paraStart = true;
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    const w = words[i]!;
    const s = sentOf[i]!;
    const prev = i > 0 ? tokens[i - 1]! : null;
    if (prev) {
      paraStart = false;
      for (let k = prev.end; k < t.start; k++) if (text.charCodeAt(k) === 10) { paraStart = true; break; }
    }
    const sentStart = sStart[s] === i;
    if (rows && !rows[i]) {
      // A row the decoder will skip: only its context bits (paragraph starts) are needed.
      contexts[i] = (1 << CTX.ALWAYS) | (sentStart ? 1 << CTX.SENTENCE_START : 0) | (paraStart ? 1 << CTX.PARAGRAPH_START : 0);
      continue;
    }
    const posInSent = i - sStart[s]!;
    const toEnd = sEnd[s]! - i;
    const wm1 = i > 0 ? words[i - 1]!.lower : BOS;
    const wm2 = i > 1 ? words[i - 2]!.lower : BOS;
    const wp1 = i + 1 < n ? words[i + 1]!.lower : EOS;
    const wp2 = i + 2 < n ? words[i + 2]!.lower : EOS;
    const shm1 = i > 0 ? words[i - 1]!.shape : BOS;
    const shp1 = i + 1 < n ? words[i + 1]!.shape : EOS;
    const q = inQ[i]!;
    const dlRaw = cueL[i]! >= 0 ? i - cueL[i]! : -1;
    const drRaw = cueR[i]! >= 0 ? cueR[i]! - i : -1;
    // Distances count within the sentence; a cue in another sentence is a separate bucket.
    const dl = dlRaw < 0 ? 15 : sentOf[cueL[i]!] === s ? bucket(dlRaw) : 9 + Math.min(sentOf[i]! - sentOf[cueL[i]!]!, 3);
    const dr = drRaw < 0 ? 15 : sentOf[cueR[i]!] === s ? bucket(drRaw) : 9 + Math.min(sentOf[cueR[i]!]! - sentOf[i]!, 3);
    const cueWordL = dlRaw > 0 && dlRaw <= 8 ? words[cueL[i]!]!.lower : NONE;
    const cueWordR = drRaw > 0 && drRaw <= 8 ? words[cueR[i]!]!.lower : NONE;
    const pos0 = usePos && t.pos ? hashString(t.pos) : NONE;
    const posm1 = usePos && prev?.pos ? hashString(prev.pos) : NONE;
    const posp1 = usePos && i + 1 < n && tokens[i + 1]!.pos ? hashString(tokens[i + 1]!.pos!) : NONE;
    const qcd = qCloseL[i]! >= 0 && sentOf[qCloseL[i]!] === s ? bucket(i - qCloseL[i]!) : 15;
    const qod = qOpenR[i]! >= 0 && sentOf[qOpenR[i]!] === s ? bucket(qOpenR[i]! - i) : 15;
    const prevSent = s > 0 ? (sCue[s - 1]! | (sQuote[s - 1]! << 1) | (sAllQ[s - 1]! << 2)) : 8;
    const nextSent = s + 1 < sentCount ? (sCue[s + 1]! | (sQuote[s + 1]! << 1) | (sAllQ[s + 1]! << 2)) : 8;

    // Where the token sits relative to the cues of its sentence.
    const fc = sFirstCue[s]!;
    const lc = sLastCue[s]!;
    const rel = fc < 0 ? 0 : cue[i] ? 1 : i < fc ? 2 : i > lc ? 3 : 4;
    const cueAtEnd = lc >= 0 && sEnd[s]! - lc <= 3 ? 1 : 0;
    const sameL = cueL[i]! >= 0 && sentOf[cueL[i]!] === s;
    const sameR = cueR[i]! >= 0 && sentOf[cueR[i]!] === s;
    const commaR = sameR ? Math.min(commas[cueR[i]!]! - commas[i + 1]!, 2) : 3;
    const thatAfter = sameL ? Math.min(openers[i + 1]! - openers[cueL[i]! + 1]!, 2) : 3;
    const sCueL = sameL ? words[cueL[i]!]!.lower : NONE;
    const sCueR = sameR ? words[cueR[i]!]!.lower : NONE;

    // Rule layer: 0/1 claimed, 2 when the caller gave no rule layer.
    const cl = claimed ? claimed[i]! : 2;
    const clNeigh = claimed ? (i > 0 ? claimed[i - 1]! : 2) * 3 + (i + 1 < n ? claimed[i + 1]! : 2) : 9;
    const clSent = claimed ? (sClaimed[s] === 0 ? 0 : sClaimed[s] === sSize[s] ? 2 : 1) : 3;
    const clCueL = claimed && sameL ? claimed[cueL[i]!]! : 2;
    const clCueR = claimed && sameR ? claimed[cueR[i]!]! : 2;

    const o = i * FEATURES_PER_TOKEN;
    k = o;
    put(F.BIAS * 0x01000193);
    mix2(F.W0, w.lower);
    mix2(F.WM1, wm1);
    mix2(F.WP1, wp1);
    mix2(F.WM2, wm2);
    mix2(F.WP2, wp2);
    mix3(F.BI_M1, wm1, w.lower);
    mix3(F.BI_P1, w.lower, wp1);
    mix3(F.TRI, wm1, wp1);
    mix2(F.SUF3, w.suffix);
    mix2(F.PRE3, w.prefix);
    mix2(F.SHAPE0, w.shape);
    mix2(F.SHAPEM1, shm1);
    mix2(F.SHAPEP1, shp1);
    mix3(F.SHAPE3, hashMix(shm1, w.shape), shp1);
    put(S.KIND.mix2((t.kind === 'quote' ? 10 + (t.quote === 'open' ? 1 : 2) : t.kind.length) + (qPos[i]! << 4)));
    put(S.CUE0.mix2(cue[i]!));
    put(S.CUEM1.mix2(i > 0 ? cue[i - 1]! : 2));
    put(S.CUEP1.mix2(i + 1 < n ? cue[i + 1]! : 2));
    put(S.CUEM2P2.mix2((i > 1 ? cue[i - 2]! : 2) * 3 + (i + 2 < n ? cue[i + 2]! : 2)));
    mix2(F.CUE0_W0, cue[i]! ? w.lower : NONE);
    put(S.INQ.mix2(q));
    put(hashMix(S.INQ_SHAPE.mix2(q), w.shape));
    put(hashMix(S.W0_INQ.mix2(q), w.lower));
    put(S.QPOS.mix2(qPos[i]!));
    put(S.DL.mix2(dl));
    put(S.DR.mix2(dr));
    put(S.DLDR.mix3(dl, dr));
    put(S.DL_INQ.mix3(dl, q));
    put(S.DR_INQ.mix3(dr, q));
    mix3(F.SHAPE_DL, w.shape, dl);
    mix3(F.SHAPE_DR, w.shape, dr);
    mix3(F.W0_DR, w.lower, dr);
    mix3(F.W0_DL, w.lower, dl);
    mix3(F.CUEWORD_L, cueWordL, Math.min(dlRaw, 4));
    mix3(F.CUEWORD_R, cueWordR, Math.min(drRaw, 4));
    put(S.SENTPOS.mix2(Math.min(posInSent, 6)));
    put(S.SENTEND.mix2(Math.min(toEnd, 4)));
    put(S.SENT_CUE.mix3(sCue[s]!, sQuote[s]!));
    put(S.SENT_Q.mix2(sQuote[s]! | (sColon[s]! << 1)));
    put(S.SENT_CUE_INQ.mix3(sCue[s]!, q));
    put(S.SENT_INQ_ALL.mix3(sAllQ[s]!, q));
    put(S.PARA.mix2((paraStart ? 1 : 0) | (sentStart ? 2 : 0)));
    put(S.PREV_SENT.mix2(prevSent * 4 + (sentStart ? 1 : 0) + (paraStart ? 2 : 0)));
    put(S.NEXT_SENT.mix2(nextSent * 2 + (toEnd === 0 ? 1 : 0)));
    put(S.QCLOSE_DIST.mix3(qcd, q));
    put(S.QOPEN_DIST.mix3(qod, q));
    put(S.COLON.mix3(wm1 === COLON_H ? 1 : wp1 === COLON_H ? 2 : 0, cue[i]!));
    put(hashMix(S.CUE_THAT.mix2(i > 0 ? cue[i - 1]! : 0), w.lower));
    put(S.SENT_HAS_COLON.mix3(sColon[s]!, dl));
    put(S.PAREN.mix2(w.lower === PAREN_H ? 1 : 0));
    put(S.REL.mix3(rel, cueAtEnd));
    put(S.REL_COMMA.mix3(rel * 4 + commaR, cueAtEnd));
    put(S.THAT_AFTER.mix3(thatAfter, rel));
    mix3(F.SCUE_L, sCueL, thatAfter);
    mix3(F.SCUE_R, sCueR, commaR);
    put(S.REL_INQ.mix3(rel * 4 + cueAtEnd, q));
    put(hashMix(S.REL_SHAPE.mix2(rel), w.shape));
    mix2(F.POS0, pos0);
    mix2(F.POSM1, posm1);
    mix2(F.POSP1, posp1);
    mix3(F.POS_DR, pos0, dr);
    mix3(F.POS_DL, pos0, dl);
    put(S.CL0.mix2(cl));
    put(S.CL_NEIGH.mix3(cl, clNeigh));
    put(S.CL_INQ.mix3(cl, q));
    put(S.CL_SENT.mix3(clSent, cl * 8 + rel));
    put(S.CL_CUEL.mix3(clCueL * 3 + cl, dl));
    put(S.CL_CUER.mix3(clCueR * 3 + cl, dr));
    const ahead = aheads[i]!;
    put(S.AHEAD.mix3(ahead, cue[i]!));
    mix3(F.AHEAD_W, cue[i] ? w.lower : NONE, ahead);
    if (k !== o + FEATURES_PER_TOKEN) throw new Error(`feature row has ${k - o} features, expected ${FEATURES_PER_TOKEN}`);

    let c = 1 << CTX.ALWAYS;
    if (sentStart) c |= 1 << CTX.SENTENCE_START;
    if (paraStart) c |= 1 << CTX.PARAGRAPH_START;
    if (qPos[i] === 4) c |= 1 << CTX.QUOTE_OPEN;
    if (prev && qPos[i - 1] === 5) c |= 1 << CTX.AFTER_QUOTE_CLOSE;
    if (cue[i]) c |= 1 << CTX.CUE_WORD;
    contexts[i] = c;
  }
  return { hashes, contexts, count: n };
}

const COLON_H = hashString(':');
const PAREN_H = hashString('(');

/** Per-word hashes, memoised by surface form. */
export interface WordHashes {
  lower: number;
  shape: number;
  suffix: number;
  prefix: number;
  cue: number;
}

function wordHashes(form: string, lexicon: CueLexicon): WordHashes {
  const lower = form.toLowerCase();
  const norm = /^\p{N}[\p{N},.:]*$/u.test(lower) ? '<num>' : lower.replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"');
  return {
    lower: hashString(norm),
    shape: hashString(shapeOf(form)),
    suffix: hashString(norm.length > 3 ? norm.slice(-3) : norm),
    prefix: hashString(norm.length > 3 ? norm.slice(0, 3) : norm),
    cue: lexicon(lower) ? 1 : 0,
  };
}
