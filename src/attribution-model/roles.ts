/**
 * The role tagger: given a cue, tags its source and content in the sentences around it. Where the
 * BIO tagger reads the document once and a linker pairs its spans, this model reads everything
 * relative to one cue (side, distance, commas, verbs and "that" in between, the cue's head word,
 * quotation state) and the rule layer's own reading of that cue, so it learns where rule
 * boundaries go wrong ("said A, which B": does B belong to the content?).
 */
import { CUE_BY_FORM } from '../attribution/lexicon.js';
import type { Span } from '../core/types.js';
import type { Token } from '../core/working-doc.js';
import { hashMix, hashString } from '../model/hash.js';
import { lowerTexts } from '../text/lower.js';
import { AveragedPerceptron, PerceptronModel, type PerceptronModelJson, type SeededEpochTrainOptions } from '../model/perceptron.js';
import { mulberry32, shuffleInPlace } from '../model/prng.js';
import { L, LABELS, StructuredTrainer, decodeLattice, emissionMatrix, loadTaggerWeights, makeDecodeScratch, pathScore, spansFromLabels, transitionSums, type DecodeScratch, type EmissionScorer } from './decode.js';
import { tokensWithin, type TagInput } from './features.js';
import { HearsayError } from '../core/errors.js';

/** Features per token of the role tagger. */
export const ROLE_FEATURES = 44;
/** Largest window, in tokens on each side of the cue. */
const REACH_LEFT = 60;
const REACH_RIGHT = 80;

/** A cue and the token window the role tagger reads around it. */
export interface RoleWindow {
  from: number;
  to: number;
  cueFrom: number;
  cueTo: number;
}

/** The rule layer's reading of one cue: its source and content (null where the rules have none). */
export interface RuleReading {
  source: Span | null;
  content: readonly Span[];
}

/** Source and content the role tagger assigns to a cue. */
export interface RoleResult {
  source: Span | null;
  content: Span[];
}

/** Serialised role tagger. */
export interface RoleModelJson {
  format: 'hearsay-roles/1';
  source: string;
  transitions: number[];
  perceptron: PerceptronModelJson;
}

const NONE = hashString('<none>');
let nextTemplate = 101;
const T = () => nextTemplate++;
const F = {
  BIAS: T(), W0: T(), WM1: T(), WP1: T(), POS0: T(), POSM1: T(), POSP1: T(), SHAPE: T(), D: T(), D_POS: T(), D_SENT: T(),
  SENT: T(), Q: T(), Q_D: T(), COMMAS: T(), COMMAS_POS: T(), VERBS: T(), VERBS_POS: T(), CUEB: T(), THAT: T(), THAT_POS: T(),
  RR: T(), RR_POS: T(), RR_NEIGH: T(), RR_D: T(), HEAD: T(), HEAD_D: T(), HEAD_POS: T(), FIRST: T(), EDGE: T(), KIND: T(),
  W0_D: T(), W0_RR: T(), PUNCT_D: T(), OPEN_POS: T(), OPEN_CV: T(), BIGRAM: T(), PAREN: T(), POS3: T(), RBIGRAM: T(), REST: T(), LASTP: T(), CUEPOS: T(), SPOS: T(),
};

/**
 * `hashMix(template, v)` for every `v` below `size`. Most role features mix a template with a
 * small number (side, distance bucket, counts); reading them from a table spares a window most of
 * its hashing. {@link mixSmall} falls back to hashing past the table, so values are the same.
 */
function mixTable(template: number, size: number): Uint32Array {
  const out = new Uint32Array(size);
  for (let v = 0; v < size; v++) out[v] = hashMix(template, v);
  return out;
}
function mixSmall(table: Uint32Array, template: number, v: number): number {
  return v >= 0 && v < table.length ? table[v]! : hashMix(template, v);
}
const M = {
  BIAS: mixTable(F.BIAS, 4), D: mixTable(F.D, 64), D_POS: mixTable(F.D_POS, 64), D_SENT: mixTable(F.D_SENT, 256),
  SENT: mixTable(F.SENT, 16), Q: mixTable(F.Q, 32), Q_D: mixTable(F.Q_D, 512), COMMAS: mixTable(F.COMMAS, 32),
  COMMAS_POS: mixTable(F.COMMAS_POS, 32), VERBS: mixTable(F.VERBS, 32), VERBS_POS: mixTable(F.VERBS_POS, 32),
  CUEB: mixTable(F.CUEB, 32), THAT: mixTable(F.THAT, 32), THAT_POS: mixTable(F.THAT_POS, 32), RR: mixTable(F.RR, 32),
  RR_POS: mixTable(F.RR_POS, 32), RR_NEIGH: mixTable(F.RR_NEIGH, 128), RR_D: mixTable(F.RR_D, 512), EDGE: mixTable(F.EDGE, 16),
  KIND: mixTable(F.KIND, 64),
};

function bucket(d: number): number {
  if (d <= 3) return d;
  if (d <= 5) return 4;
  if (d <= 8) return 5;
  if (d <= 12) return 6;
  if (d <= 20) return 7;
  if (d <= 35) return 8;
  return 9;
}

/**
 * Hashes of the lower-cased token texts of a token array, filled as windows reach the tokens:
 * the reads of one document overlap. 0 marks a token not hashed yet (a word that hashes to 0 is
 * just rehashed).
 */
const tokenHashes = new WeakMap<readonly Token[], Uint32Array>();
function tokenHashesOf(toks: readonly Token[]): Uint32Array {
  let a = tokenHashes.get(toks);
  if (a === undefined || a.length !== toks.length) {
    a = new Uint32Array(toks.length);
    tokenHashes.set(toks, a);
  }
  return a;
}

const posHash = new Map<string, number>();
/** Hash of a part-of-speech tag (a few dozen values, so memoised for good). */
function hp(tag: string): number {
  let h = posHash.get(tag);
  if (h === undefined) { h = hashString(tag); posHash.set(tag, h); }
  return h;
}

function shape(s: string): number {
  const c = s.charCodeAt(0);
  if (c >= 65 && c <= 90) return /[a-z]/.test(s) ? 1 : 2;
  if (c >= 97 && c <= 122) return 3;
  if (c >= 48 && c <= 57) return 4;
  return 5 + (c % 64);
}

/** Punctuation classes remembered between a token and its cue: comma, dash, parenthesis, semicolon, colon. */
const PUNCT_CLASS = new Map([[',', 1], ['\u2014', 2], ['--', 2], ['\u2013', 2], ['(', 3], [')', 3], [';', 4], [':', 5]]);

const FINITE = new Set(['VBD', 'VBZ', 'VBP', 'MD']);

function isCueWord(t: Token, lw: string): boolean {
  return (CUE_BY_FORM.has(lw) || lw === 'according') && (!t.pos || t.pos.startsWith('VB') || lw === 'according');
}

/** The cue's verb form: 1 -ing, 2 past participle, 3 infinitive after "to", 4 finite verb, 5 noun, 6 other. */
function cueClass(toks: readonly Token[], w: RoleWindow): number {
  const t = toks[w.cueFrom]!;
  const p = t.pos ?? '';
  if (p === 'VBG') return 1;
  if (p === 'VBN') return 2;
  if (p === 'VB' && w.cueFrom > 0 && toks[w.cueFrom - 1]!.pos === 'TO') return 3;
  if (p.startsWith('VB') || p === 'MD') return 4;
  if (p.startsWith('NN')) return 5;
  return 6;
}

/** What opens the content after a cue: 1 that, 2 quotation, 3 wh-word, 4 to, 5 preposition, 6 noun phrase, 7 pronoun, 8 punctuation, 9 other. */
function openClass(t: Token, lw: string): number {
  if (lw === 'that') return 1;
  if (t.kind === 'quote') return 2;
  const p = t.pos ?? '';
  if (p.startsWith('W')) return 3;
  if (p === 'TO') return 4;
  if (p === 'IN') return 5;
  if (p === 'DT' || p.startsWith('NN') || p.startsWith('JJ') || p === 'CD' || p === 'PRP$') return 6;
  if (p === 'PRP') return 7;
  if (t.kind !== 'word') return 8;
  return 9;
}

function newlineBetween(doc: TagInput, a: Token, b: Token): boolean {
  for (let k = a.end; k < b.start; k++) if (doc.text.charCodeAt(k) === 10) return true;
  return false;
}

/**
 * The window around a cue: its sentence and one sentence either side, within the paragraph (or
 * into the next one after a colon that ends the paragraph).
 */
export function roleWindow(doc: TagInput, cueFrom: number, cueTo: number): RoleWindow {
  const toks = doc.tokens;
  const s = toks[cueFrom]!.sentence;
  let from = cueFrom;
  while (from > 0 && cueFrom - from < REACH_LEFT && toks[from - 1]!.sentence >= s - 1 && !newlineBetween(doc, toks[from - 1]!, toks[from]!)) from--;
  let to = cueTo;
  // A colon at a paragraph's end ("He said:") hands its content to the next paragraph.
  while (to < toks.length && to - cueTo < REACH_RIGHT && toks[to]!.sentence <= s + 1
    && (!newlineBetween(doc, toks[to - 1]!, toks[to]!) || (toks[to - 1]!.text === ':' && to - cueTo <= 2))) to++;
  return { from, to, cueFrom, cueTo };
}

/** Token index range `[from, to)` of a character span. */
export function tokenRange(tokens: readonly Token[], s: Span): [number, number] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (tokens[m]!.end <= s.start) lo = m + 1; else hi = m; }
  let to = lo;
  while (to < tokens.length && tokens[to]!.start < s.end) to++;
  return [lo, to];
}

const quoteStateCache = new WeakMap<readonly Token[], { quotes: TagInput['quotes']; inner: Int32Array; mark: Int32Array }>();
/**
 * Per token of a document, the index (in `doc.quotes`) of the last quotation whose inner span
 * holds it and of the last quotation it is a mark of (-1 for none), computed once per document
 * in one sweep: unclosed quotations nested thousands deep, each running to its paragraph's end,
 * would otherwise make every cue's window visit every one of them. Exported for its test.
 */
export function quoteStates(doc: TagInput): { inner: Int32Array; mark: Int32Array } {
  const toks = doc.tokens;
  const qs = doc.quotes;
  const hit = quoteStateCache.get(toks);
  if (hit && hit.quotes === qs) return hit;
  const n = toks.length;
  const inner = new Int32Array(n).fill(-1);
  const mark = new Int32Array(n).fill(-1);
  // Inner token ranges; quotations are sorted by start, so their ranges open in index order.
  const from = new Int32Array(qs.length);
  const to = new Int32Array(qs.length);
  const opensAt = new Map<number, number>();
  const closesAt = new Map<number, number>();
  for (let k = 0; k < qs.length; k++) {
    const q = qs[k]!;
    [from[k], to[k]] = tokensWithin(toks, q.inner);
    // A mark is a token at the quotation's start or end that its inner span does not hold.
    opensAt.set(q.start, k);
    closesAt.set(q.end, k);
  }
  // The open quotation with the highest index is the top of a stack of those opened so far, once
  // the closed ones above it are popped.
  const order = Array.from(qs.keys()).sort((a, b) => from[a]! - from[b]! || a - b);
  const stack: number[] = [];
  for (let i = 0, next = 0; i < n; i++) {
    while (next < order.length && from[order[next]!]! <= i) {
      const k = order[next++]!;
      if (from[k]! < to[k]!) {
        // Keep the stack in index order: a quotation whose range opens later but has a lower index sits below.
        let at = stack.length;
        while (at > 0 && stack[at - 1]! > k) at--;
        stack.splice(at, 0, k);
      }
    }
    while (stack.length && to[stack[stack.length - 1]!]! <= i) stack.pop();
    if (stack.length) inner[i] = stack[stack.length - 1]!;
    const t = toks[i]!;
    const o = opensAt.get(t.start);
    const c = closesAt.get(t.end);
    const isMark = (k: number | undefined): k is number => k !== undefined && !(i >= from[k]! && i < to[k]!);
    let m = -1;
    if (isMark(o)) m = o;
    if (isMark(c) && c > m) m = c;
    mark[i] = m;
  }
  const out = { quotes: qs, inner, mark };
  quoteStateCache.set(toks, out);
  return out;
}

/** Feature rows (window tokens × {@link ROLE_FEATURES}) and transition contexts of one window. */
export function roleFeatures(doc: TagInput, w: RoleWindow, rule: RuleReading | null): { hashes: Uint32Array; contexts: Uint8Array } {
  const toks = doc.tokens;
  const n = w.to - w.from;
  const hashes = new Uint32Array(n * ROLE_FEATURES);
  const contexts = new Uint8Array(n);
  // Rule roles: 0 none, 1 source, 2 content; 3 when the rules have no reading of this cue.
  const rr = new Uint8Array(n).fill(rule ? 0 : 3);
  if (rule) {
    const mark = (s: Span, r: number) => { for (let i = w.from; i < w.to; i++) { const t = toks[i]!; if (t.start < s.end && s.start < t.end) rr[i - w.from] = r; } };
    for (const c of rule.content) mark(c, 2);
    if (rule.source) mark(rule.source, 1);
  }
  // Quotation state: inside the last quotation holding the token, 2 where that quotation also
  // holds the cue, 1 where not; 3 on a quotation's mark read after it; 0 outside.
  const inQ = new Uint8Array(n);
  const cueStart = toks[w.cueFrom]!.start;
  if (doc.quotes.length) {
    const { inner, mark } = quoteStates(doc);
    for (let i = w.from; i < w.to; i++) {
      const k = inner[i]!;
      if (mark[i]! > k) inQ[i - w.from] = 3;
      else if (k >= 0) { const q = doc.quotes[k]!.inner; inQ[i - w.from] = q.start <= cueStart && cueStart < q.end ? 2 : 1; }
    }
  }
  // Counts between each token and the cue, accumulated outward from the cue on each side.
  const commas = new Uint8Array(n);
  const verbs = new Uint8Array(n);
  const cueB = new Uint8Array(n);
  const that = new Uint8Array(n);
  const lower = lowerTexts(toks);
  const lastP = new Uint8Array(n);
  const walk = (start: number, step: number, stop: number) => {
    let lp = 0;
    let c = 0;
    let v = 0;
    let q = 0;
    let th = 0;
    for (let i = start; i !== stop; i += step) {
      const t = toks[i]!;
      commas[i - w.from] = Math.min(c, 3);
      verbs[i - w.from] = Math.min(v, 3);
      cueB[i - w.from] = q;
      that[i - w.from] = th;
      lastP[i - w.from] = lp;
      if (t.kind !== 'word') { const pc = PUNCT_CLASS.get(t.text); if (pc !== undefined) lp = pc; }
      if (t.text === ',' || t.text === ';' || t.text === '\u2014' || t.text === '--') c++;
      if (t.pos && FINITE.has(t.pos)) v++;
      if (isCueWord(t, lower[i]!)) q = 1;
      if (lower[i] === 'that') th = 1;
    }
  };
  walk(w.cueFrom - 1, -1, w.from - 1);
  walk(w.cueTo, 1, w.to);
  const wh = tokenHashesOf(toks);
  const hwAt = (i: number): number => {
    let h = wh[i]!;
    if (h === 0) { h = hashString(lower[i]!); wh[i] = h; }
    return h;
  };
  let head = NONE;
  for (let i = w.cueTo - 1; i >= w.cueFrom; i--) if (toks[i]!.kind === 'word') { head = hwAt(i); break; }
  const first = hwAt(w.cueFrom);
  const cueSent = toks[w.cueFrom]!.sentence;
  const cueCls = cueClass(toks, w);
  const cuePos = hashMix(F.CUEPOS, cueCls);
  const sPos = hashMix(F.SPOS, cueCls);
  const open = w.cueTo < w.to ? openClass(toks[w.cueTo]!, lower[w.cueTo]!) : 0;
  const openPos = hashMix(F.OPEN_POS, open);
  const openCv = hashMix(F.OPEN_CV, open);
  // Tokens left in the sentence after each token (bucketed), for where a content may stop.
  const rest = new Uint8Array(n);
  for (let i = w.to - 1, left = 0; i >= w.from; i--) {
    if (i + 1 < w.to && toks[i + 1]!.sentence !== toks[i]!.sentence) left = 0;
    rest[i - w.from] = bucket(left);
    left++;
  }
  // In one pass: each token's index in its sentence (the subject of a participial cue leads its
  // sentence) and whether it lies inside parentheses.
  const sentIndex = new Uint8Array(n);
  const paren = new Uint8Array(n);
  for (let i = w.from, k = 0, depth = 0; i < w.to; i++) {
    k = i > w.from && toks[i - 1]!.sentence === toks[i]!.sentence ? k + 1 : 0;
    sentIndex[i - w.from] = Math.min(k, 255);
    const tx = toks[i]!.text;
    if (tx === '(') depth++;
    paren[i - w.from] = depth > 0 ? 1 : 0;
    if (tx === ')' && depth > 0) depth--;
  }
  // The cue's head and first word are fixed for the window: their mixes per side, once.
  const headMix = hashMix(F.HEAD, head);
  const headD = hashMix(F.HEAD_D, head);
  const headPos = hashMix(F.HEAD_POS, head);
  const firstMix = hashMix(F.FIRST, first);
  const headSide = [hashMix(headMix, 0), hashMix(headMix, 1), hashMix(headMix, 2)];
  const firstSide = [hashMix(firstMix, 0), hashMix(firstMix, 1), hashMix(firstMix, 2)];
  let k = 0;
  const put = (h: number) => { hashes[k++] = h >>> 0; };
  for (let i = w.from; i < w.to; i++) {
    const t = toks[i]!;
    const j = i - w.from;
    const side = i < w.cueFrom ? 0 : i < w.cueTo ? 1 : 2;
    const d = side === 0 ? bucket(w.cueFrom - i) : side === 2 ? bucket(i - w.cueTo + 1) : 0;
    const sd = side * 16 + d;
    const sent = Math.max(-1, Math.min(1, t.sentence - cueSent)) + 1;
    const prev = i > w.from ? toks[i - 1]! : null;
    const next = i + 1 < w.to ? toks[i + 1]! : null;
    const w0 = hwAt(i);
    const pos0 = t.pos ? hp(t.pos) : NONE;
    const posm1 = prev?.pos ? hp(prev.pos) : NONE;
    const posp1 = next?.pos ? hp(next.pos) : NONE;
    const r = rr[j]!;
    const rNeigh = (j > 0 ? rr[j - 1]! : 4) * 5 + (j + 1 < n ? rr[j + 1]! : 4);
    const edge = (!prev || prev.sentence !== t.sentence ? 1 : 0) | (!next || next.sentence !== t.sentence ? 2 : 0);
    const kind = t.kind === 'quote' ? (t.quote === 'open' ? 7 : 8) : t.kind.length;
    put(mixSmall(M.BIAS, F.BIAS, side));
    put(hashMix(hashMix(F.W0, w0), side));
    put(hashMix(hashMix(F.WM1, prev ? hwAt(i - 1) : NONE), side));
    put(hashMix(hashMix(F.WP1, next ? hwAt(i + 1) : NONE), side));
    put(hashMix(hashMix(F.POS0, pos0), side));
    put(hashMix(hashMix(hashMix(F.POSM1, posm1), pos0), side));
    put(hashMix(hashMix(hashMix(F.POSP1, pos0), posp1), side));
    put(hashMix(hashMix(F.SHAPE, shape(t.text)), side));
    put(mixSmall(M.D, F.D, sd));
    put(hashMix(mixSmall(M.D_POS, F.D_POS, sd), pos0));
    put(mixSmall(M.D_SENT, F.D_SENT, sd * 4 + sent));
    put(mixSmall(M.SENT, F.SENT, side * 4 + sent));
    put(mixSmall(M.Q, F.Q, side * 8 + inQ[j]!));
    put(mixSmall(M.Q_D, F.Q_D, sd * 8 + inQ[j]!));
    put(mixSmall(M.COMMAS, F.COMMAS, side * 8 + commas[j]!));
    put(hashMix(mixSmall(M.COMMAS_POS, F.COMMAS_POS, side * 8 + commas[j]!), pos0));
    put(mixSmall(M.VERBS, F.VERBS, side * 8 + verbs[j]!));
    put(hashMix(mixSmall(M.VERBS_POS, F.VERBS_POS, side * 8 + verbs[j]!), pos0));
    put(mixSmall(M.CUEB, F.CUEB, side * 8 + cueB[j]! * 4 + Math.min(commas[j]!, 1) * 2 + sent));
    put(mixSmall(M.THAT, F.THAT, side * 8 + that[j]!));
    put(hashMix(mixSmall(M.THAT_POS, F.THAT_POS, side * 8 + that[j]!), pos0));
    put(mixSmall(M.RR, F.RR, side * 8 + r));
    put(hashMix(mixSmall(M.RR_POS, F.RR_POS, side * 8 + r), pos0));
    put(mixSmall(M.RR_NEIGH, F.RR_NEIGH, r * 32 + rNeigh));
    put(mixSmall(M.RR_D, F.RR_D, sd * 8 + r));
    put(headSide[side]!);
    put(hashMix(headD, sd));
    put(hashMix(hashMix(headPos, pos0), side));
    put(firstSide[side]!);
    put(mixSmall(M.EDGE, F.EDGE, side * 4 + edge));
    put(mixSmall(M.KIND, F.KIND, side * 16 + kind));
    put(hashMix(hashMix(F.W0_D, w0), d <= 2 ? sd : side * 16 + 15));
    put(hashMix(hashMix(F.W0_RR, w0), r));
    put(hashMix(hashMix(F.PUNCT_D, t.kind === 'word' ? NONE : w0), sd));
    put(hashMix(hashMix(openPos, pos0), side));
    put(hashMix(openCv, side * 64 + commas[j]! * 16 + verbs[j]! * 4 + that[j]!));
    put(hashMix(hashMix(hashMix(F.BIGRAM, prev ? hwAt(i - 1) : NONE), w0), side));
    put(hashMix(hashMix(F.PAREN, paren[j]!), side * 4 + (d <= 3 ? 0 : 1)));
    put(hashMix(hashMix(hashMix(hashMix(F.POS3, posm1), pos0), posp1), side));
    put(hashMix(hashMix(hashMix(F.RBIGRAM, w0), next ? hwAt(i + 1) : NONE), side));
    put(hashMix(hashMix(F.REST, pos0), side * 16 + rest[j]!));
    put(hashMix(hashMix(F.LASTP, pos0), side * 8 + lastP[j]!));
    put(hashMix(hashMix(cuePos, pos0), side * 4 + sent));
    put(hashMix(sPos, side * 64 + Math.min(sentIndex[j]!, 15) * 4 + sent));
    let c = 1;
    if (edge & 1) c |= 2;
    if (i === w.cueFrom) c |= 4;
    if (i === w.cueTo) c |= 8;
    if (t.quote === 'open') c |= 16;
    if (prev?.quote === 'close') c |= 32;
    contexts[j] = c;
  }
  // Rows are read at a fixed stride: a template added without its count shifts every row after it.
  if (k !== hashes.length) throw new HearsayError('MODEL_INVALID', `role features: wrote ${k} of ${hashes.length} (ROLE_FEATURES is out of date)`);
  return { hashes, contexts };
}

/** Emission scores with the cue fixed: cue tokens may only be cue, others never. */
function emissions(hashes: Uint32Array, n: number, w: RoleWindow, scorer: EmissionScorer, scratch: DecodeScratch): Float64Array {
  const out = emissionMatrix({ hashes, count: n }, scorer, scratch, ROLE_FEATURES);
  for (let j = 0; j < n; j++) {
    const i = j + w.from;
    const isCue = i >= w.cueFrom && i < w.cueTo;
    for (let y = 0; y < L; y++) {
      const cueLabel = y === 3 || y === 4;
      if (isCue ? !(y === (i === w.cueFrom ? 3 : 4)) : cueLabel) out[j * L + y] = -Infinity;
    }
  }
  return out;
}

/** A loaded role tagger. */
export class RoleModel {
  readonly json: RoleModelJson;
  private readonly emission: PerceptronModel;
  private readonly transitions: Float64Array;
  /** {@link transitionSums} of the frozen table. */
  private readonly sums: Float64Array;
  private readonly scratch = makeDecodeScratch();

  private constructor(json: RoleModelJson) {
    if (json.format !== 'hearsay-roles/1') throw new Error(`unsupported role model format "${String(json.format)}"`);
    this.json = json;
    ({ emission: this.emission, transitions: this.transitions } = loadTaggerWeights(json, 'role model'));
    this.sums = transitionSums(this.transitions);
  }

  /** Loads a model written by {@link trainRoleModel}. */
  static fromJSON(json: RoleModelJson): RoleModel {
    return new RoleModel(json);
  }

  /** Label ids over the window of a cue. */
  labels(doc: TagInput, w: RoleWindow, rule: RuleReading | null): Uint8Array {
    const { hashes, contexts } = roleFeatures(doc, w, rule);
    const n = w.to - w.from;
    return decodeLattice(emissions(hashes, n, w, this.emission, this.scratch), contexts, this.transitions, this.scratch, null, this.sums).labels;
  }

  /**
   * The tagger's reading of a rule's cue and how much it prefers it over the rule's own reading
   * (path score difference; Infinity where the rule's reading is not a path the tagger allows).
   */
  reread(doc: TagInput, cueFrom: number, cueTo: number, rule: RuleReading): { read: RoleResult; margin: number } {
    return this.readAgainst(doc, cueFrom, cueTo, rule, rule);
  }

  /**
   * The tagger's reading of a cue and how much it prefers it over reading no source and no
   * content there (path score difference): how attribution-like the cue's surroundings look.
   */
  readScored(doc: TagInput, cueFrom: number, cueTo: number): { read: RoleResult; margin: number } {
    return this.readAgainst(doc, cueFrom, cueTo, null, { source: null, content: [] });
  }

  /** Best reading of a cue (given the rules' reading as features) and its score margin over `other`. */
  private readAgainst(doc: TagInput, cueFrom: number, cueTo: number, rule: RuleReading | null, other: RuleReading): { read: RoleResult; margin: number } {
    const w = roleWindow(doc, cueFrom, cueTo);
    const { hashes, contexts } = roleFeatures(doc, w, rule);
    const scores = emissions(hashes, w.to - w.from, w, this.emission, this.scratch);
    const best = decodeLattice(scores, contexts, this.transitions, this.scratch, null, this.sums);
    const alt = pathScore(scores, contexts, this.transitions, ruleLabels(doc.tokens, w, other), this.scratch, this.sums);
    return { read: readLabels(doc.tokens, w, best.labels), margin: best.score - alt };
  }

  /** Source and content of the cue at token range `[cueFrom, cueTo)`. */
  read(doc: TagInput, cueFrom: number, cueTo: number, rule: RuleReading | null): RoleResult {
    const w = roleWindow(doc, cueFrom, cueTo);
    return readLabels(doc.tokens, w, this.labels(doc, w, rule));
  }
}

/** A rule's reading of a cue as window labels (source, cue, content; BIO). */
function ruleLabels(tokens: readonly Token[], w: RoleWindow, rule: RuleReading): Uint8Array {
  const n = w.to - w.from;
  const out = new Uint8Array(n);
  const mark = (s: Span, b: number) => {
    let first = true;
    for (let j = 0; j < n; j++) {
      const t = tokens[j + w.from]!;
      if (t.start < s.end && s.start < t.end && out[j] === 0) { out[j] = first ? b : b + 1; first = false; }
    }
  };
  for (let i = w.cueFrom; i < w.cueTo; i++) out[i - w.from] = i === w.cueFrom ? 3 : 4;
  if (rule.source) mark(rule.source, 1);
  for (const c of rule.content) mark(c, 5);
  return out;
}

/** Turns window labels into a source (the source run nearest the cue) and content spans. */
export function readLabels(tokens: readonly Token[], w: RoleWindow, labels: Uint8Array): RoleResult {
  const content: Span[] = [];
  let source: Span | null = null;
  let best = Infinity;
  const hasWord = (a: number, b: number) => { for (let i = a; i < b; i++) if (tokens[i]!.kind === 'word' || tokens[i]!.kind === 'number') return true; return false; };
  for (const s of spansFromLabels(labels)) {
    const a = s.from + w.from;
    const b = s.to + w.from;
    if (!hasWord(a, b)) continue;
    const span = { start: tokens[a]!.start, end: tokens[b - 1]!.end };
    if (s.role === 'content') content.push(span);
    else if (s.role === 'source') {
      const dist = b <= w.cueFrom ? w.cueFrom - b : a - w.cueTo;
      if (dist < best) { best = dist; source = span; }
    }
  }
  return { source, content };
}

/** One training example: a gold cue, its window, gold labels and the rule reading. */
export interface RoleExample {
  doc: TagInput;
  window: RoleWindow;
  gold: Uint8Array;
  rule: RuleReading | null;
}

/** Options of {@link trainRoleModel}. */
export interface TrainRoleOptions extends SeededEpochTrainOptions<RoleModel> {
  /** Averaged weights below this magnitude are dropped (default 4: a fifth of the weights of 0.5 for 0.1 point less on dev). */
  prune?: number;
}

/** Averaged structured perceptron over role windows; keeps the epoch `select` scores best. */
export function trainRoleModel(train: readonly RoleExample[], options: TrainRoleOptions): { model: RoleModelJson; bestEpoch: number; score: number } {
  const epochs = options.epochs ?? 6;
  const random = mulberry32(options.seed ?? 1);
  const feats = train.map((e) => roleFeatures(e.doc, e.window, e.rule));
  const trainer = new AveragedPerceptron(LABELS);
  const structured = new StructuredTrainer(trainer, ROLE_FEATURES);
  const w = structured.transitions;
  const scratch = makeDecodeScratch();
  const order = train.map((_, i) => i);
  let best: { score: number; epoch: number; json: RoleModelJson } | null = null;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const t0 = performance.now();
    shuffleInPlace(order, random);
    let correct = 0;
    let total = 0;
    for (const ei of order) {
      const e = train[ei]!;
      const { hashes, contexts } = feats[ei]!;
      const n = e.window.to - e.window.from;
      const pred = decodeLattice(emissions(hashes, n, e.window, trainer, scratch), contexts, w, scratch).labels;
      correct += structured.update(e.gold, pred, contexts, hashes);
      total += n;
    }
    const frozen = trainer.finalize({ prune: options.prune ?? 4, quantum: 1 / 16 });
    const json: RoleModelJson = {
      format: 'hearsay-roles/1',
      source: options.source ?? 'PolNeAR train',
      transitions: structured.averagedTransitions(),
      perceptron: frozen.toJSON(),
    };
    const score = options.select(RoleModel.fromJSON(json));
    options.onProgress?.(`roles epoch ${epoch}: train token acc ${(100 * correct / total).toFixed(2)}; dev ${score.toFixed(2)}; ${frozen.weightCount} weights; ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    if (!best || score > best.score) best = { score, epoch, json };
  }
  return { model: best!.json, bestEpoch: best!.epoch, score: best!.score };
}
