import { hashMix, hashString } from '../model/hash.js';

// Regex literals live at module level: one in a function body allocates a new RegExp per call.
const FOUR_DIGITS = /^\d{4}$/;

/**
 * Feature extraction shared by POS training and tagging. Every per-word string feature is hashed
 * once per word type ({@link wordInfo}, cached by the tagger); a token's features are then a few
 * integer mixes, which is what keeps tagging in the hundreds of thousands of tokens per second.
 */

/**
 * Pre-hashed features of one (normalised) word: the features that depend on the word alone are
 * stored already mixed with their template, once per role (self, previous, next...), so a token
 * costs only the few mixes that involve tags or word pairs.
 */
export interface WordInfo {
  /**
   * Raw hash of the folded lowercase form, for word-pair conjunctions. This and the other number
   * fields are 32-bit hashes held as int32 (see `build`).
   */
  norm: number;
  /** Word-only features of the word itself (form, norm, suffixes, prefixes, shape). */
  self: Uint32Array;
  /** Shape conjoined with "is first in sentence" (index 1) or not (index 0). */
  shapeFirst: Uint32Array;
  prevNorm: number;
  prevSuf3: number;
  prevShape: number;
  prev2Norm: number;
  nextNorm: number;
  nextSuf3: number;
  nextShape: number;
  next2Norm: number;
}

/** Upper bound on the number of features {@link extractFeatures} writes. */
export const MAX_FEATURES = 32;

// Template ids: distinct seeds so the same value under two templates hashes apart.
const T = {
  bias: 1, form: 2, norm: 3, suf1: 4, suf2: 5, suf3: 6, suf4: 7, pre1: 8, pre3: 9, shape: 10,
  t1: 11, t2: 12, t1t2: 13, t1norm: 14, pnorm: 15, psuf3: 16, ppnorm: 17, nnorm: 18, nsuf3: 19,
  nnnorm: 20, pnormNorm: 21, normNnorm: 22, t1nnorm: 23, shapeFirst: 24, nshape: 25, pshape: 26, verbNorm: 27, suf1Nnorm: 28, t1pnorm: 29,
} as const;

const BIAS = hashMix(T.bias, 0);

/** Computes the hashed parts of a word already passed through `normalizeForm`. */
export function wordInfo(form: string): WordInfo {
  const lower = form.toLowerCase();
  return build(
    hashString(form), hashString(foldDigits(lower)), hashString(lower.slice(-1)), hashString(lower.slice(-2)),
    hashString(lower.slice(-3)), hashString(lower.slice(-4)), hashString(form.slice(0, 1)), hashString(lower.slice(0, 3)),
    hashString(wordShape(form)),
  );
}

/**
 * The typed arrays of word infos are views into shared chunks: the tagger keeps one info per word
 * type, and two typed arrays of their own (each with its buffer object) cost about 200 bytes more
 * per word than two views.
 */
const CHUNK = 11 * 2048;
let chunk = new Uint32Array(CHUNK);
let chunkUsed = 0;

/** A view of `length` fresh words of the current chunk (a new chunk when it is full). */
function take(length: number): Uint32Array {
  if (chunkUsed + length > CHUNK) {
    chunk = new Uint32Array(CHUNK);
    chunkUsed = 0;
  }
  const view = chunk.subarray(chunkUsed, chunkUsed + length);
  chunkUsed += length;
  return view;
}

function build(form: number, norm: number, suf1: number, suf2: number, suf3: number, suf4: number, pre1: number, pre3: number, shape: number): WordInfo {
  const shapeT = hashMix(T.shapeFirst, shape);
  const self = take(9);
  self[0] = hashMix(T.form, form);
  self[1] = hashMix(T.norm, norm);
  self[2] = hashMix(T.suf1, suf1);
  self[3] = hashMix(T.suf2, suf2);
  self[4] = hashMix(T.suf3, suf3);
  self[5] = hashMix(T.suf4, suf4);
  self[6] = hashMix(T.pre1, pre1);
  self[7] = hashMix(T.pre3, pre3);
  self[8] = hashMix(T.shape, shape);
  const shapeFirst = take(2);
  shapeFirst[0] = hashMix(shapeT, 0);
  shapeFirst[1] = hashMix(shapeT, 1);
  // The number fields hold the hashes as int32 (`| 0`), the same 32 bits: every reader mixes
  // them (hashMix works on int32) or stores them in a Uint32Array. As int32 they are small
  // integers to V8; as uint32 half of them were 16-byte heap numbers, nine per cached word.
  return {
    norm: norm | 0,
    self,
    shapeFirst,
    prevNorm: hashMix(T.pnorm, norm) | 0,
    prevSuf3: hashMix(T.psuf3, suf3) | 0,
    prevShape: hashMix(T.pshape, shape) | 0,
    prev2Norm: hashMix(T.ppnorm, norm) | 0,
    nextNorm: hashMix(T.nnorm, norm) | 0,
    nextSuf3: hashMix(T.nsuf3, suf3) | 0,
    nextShape: hashMix(T.nshape, shape) | 0,
    next2Norm: hashMix(T.nnnorm, norm) | 0,
  };
}

function sentinel(name: string): WordInfo {
  const h = hashString(name);
  return build(h, h, h, h, h, h, h, h, h);
}

/** Padding before the first word of a sentence. */
export const START: WordInfo = sentinel('-START-');
/** Padding after the last word. */
export const END: WordInfo = sentinel('-END-');

/** Tag id used for history positions before the sentence start. */
export const START_TAG = 0xffff;

/** Context value before any verb has been tagged in the sentence. */
export const NO_VERB: number = hashString('-NOVERB-');

function foldDigits(lower: string): string {
  const c = lower.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    if (lower.length === 4 && FOUR_DIGITS.test(lower)) return '!YEAR';
    return '!DIGITS';
  }
  return lower;
}

/** A compact shape: X for capitals, x lowercase, d digits, others kept; runs collapsed; length capped. */
export function wordShape(form: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < form.length && out.length < 8; i++) {
    const ch = form[i]!;
    const c = ch.charCodeAt(0);
    let s: string;
    if (c >= 65 && c <= 90) s = 'X';
    else if (c >= 97 && c <= 122) s = 'x';
    else if (c >= 48 && c <= 57) s = 'd';
    else if (c > 127) s = ch.toLowerCase() !== ch ? 'X' : ch.toUpperCase() !== ch ? 'x' : ch;
    else s = ch;
    if (s !== last) out += s;
    last = s;
  }
  return out;
}

// Tag-only features, memoised per (template, tag id) in flat arrays: five lookups a token made a
// Map the tagger's busiest structure after the model. Tag ids are small; START_TAG takes the
// last slot, and anything past the arrays is hashed directly.
const TAG_SLOTS = 257;
const TEMPLATE_SLOTS = 32;
const tagHashes = new Uint32Array(TEMPLATE_SLOTS * TAG_SLOTS);
const tagKnown = new Uint8Array(TEMPLATE_SLOTS * TAG_SLOTS);
function tagFeature(template: number, tag: number): number {
  const slot = tag === START_TAG ? TAG_SLOTS - 1 : tag < TAG_SLOTS - 1 ? tag : -1;
  if (slot < 0 || template >= TEMPLATE_SLOTS) return hashMix(template, tag);
  const k = template * TAG_SLOTS + slot;
  if (tagKnown[k] === 0) { tagHashes[k] = hashMix(template, tag); tagKnown[k] = 1; }
  return tagHashes[k]!;
}

/**
 * Writes the features of word `i` of `words` (padded with START/END outside the range) into
 * `out`, given the ids of the two previous tags and the `norm` of the last word tagged as a verb
 * (or {@link NO_VERB}); returns how many it wrote. The last verb reaches past the two-word window
 * that tells complementiser "that" (said … that) from determiner or relative "that".
 */
export function extractFeatures(words: readonly WordInfo[], i: number, t1: number, t2: number, lastVerb: number, out: Uint32Array): number {
  const w = words[i]!;
  const p = i > 0 ? words[i - 1]! : START;
  const pp = i > 1 ? words[i - 2]! : START;
  const n = i + 1 < words.length ? words[i + 1]! : END;
  const nn = i + 2 < words.length ? words[i + 2]! : END;
  const self = w.self;
  out[0] = BIAS;
  for (let k = 0; k < 9; k++) out[k + 1] = self[k]!;
  let k = 10;
  out[k++] = tagFeature(T.t1, t1);
  out[k++] = tagFeature(T.t2, t2);
  out[k++] = hashMix(tagFeature(T.t1t2, t1), t2);
  out[k++] = hashMix(tagFeature(T.t1norm, t1), w.norm);
  out[k++] = p.prevNorm;
  out[k++] = p.prevSuf3;
  out[k++] = pp.prev2Norm;
  out[k++] = n.nextNorm;
  out[k++] = n.nextSuf3;
  out[k++] = nn.next2Norm;
  out[k++] = hashMix(hashMix(T.pnormNorm, p.norm), w.norm);
  out[k++] = hashMix(hashMix(T.normNnorm, w.norm), n.norm);
  out[k++] = hashMix(tagFeature(T.t1nnorm, t1), n.norm);
  out[k++] = w.shapeFirst[i === 0 ? 1 : 0]!;
  out[k++] = n.nextShape;
  out[k++] = p.prevShape;
  out[k++] = hashMix(hashMix(T.verbNorm, lastVerb), w.norm);
  // The last letter with the next word generalises "talks had", "plans were" to unseen plurals.
  out[k++] = hashMix(hashMix(T.suf1Nnorm, w.self[2]!), n.norm);
  // The previous word with its tag: "that/IN" is followed by a subject, "that/WDT" by a verb.
  out[k++] = hashMix(tagFeature(T.t1pnorm, t1), p.norm);
  return k;
}
