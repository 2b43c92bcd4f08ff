/**
 * The cue detector: a binary averaged perceptron over verbs and cue words that tells whether a
 * token belongs to an attribution cue. It is cheap (one lookup per feature, candidates only, no
 * sequence decoding), so it can read every sentence, where the BIO tagger only reads sentences
 * with a known cue word. Its cues go to the role tagger for their source and content.
 */
import { CUE_BY_FORM } from '../attribution/lexicon.js';
import type { Span } from '../core/types.js';
import type { Token } from '../core/working-doc.js';
import { hashMix, hashPrefix, hashString } from '../model/hash.js';
import { AveragedPerceptron, PerceptronModel, type PerceptronModelJson, type SeededEpochTrainOptions } from '../model/perceptron.js';
import { mulberry32, shuffleInPlace } from '../model/prng.js';
import { quotationInners, SpanIndex } from '../core/span-index.js';
import { lowerTexts, toLower } from '../text/lower.js';
import { lookAheadCodes, type TagInput } from './features.js';
import { defaultSupersenses } from '../wordnet/shipped.js';
import { isVerbClass, tokenClasses } from '../wordnet/supersenses.js';

/** Features per candidate token. */
export const CUE_FEATURES = 36;

/** Serialised cue detector. */
export interface CueModelJson {
  format: 'hearsay-cues/1';
  source: string;
  /** Score (cue minus not-cue) from which a token is taken as a cue. */
  threshold: number;
  perceptron: PerceptronModelJson;
}

let nextTemplate = 201;
const T = () => nextTemplate++;
const F = {
  BIAS: T(), W0: T(), STEM: T(), POS0: T(), WM1: T(), POSM1: T(), WP1: T(), POSP1: T(), WP2: T(), POSP2: T(), POS_WP1: T(),
  W_WP1: T(), NEXT: T(), INQ: T(), SENTQ: T(), CLAIMED: T(), CLAIMED_POS: T(), LEX: T(), SUBJ: T(), SUBJ_W: T(), SENTPOS: T(),
  W_INQ: T(), PREV_COMMA: T(), BIGRAM: T(), VERBS_BEFORE: T(), STEM_NEXT: T(),
  SS: T(), SS_SET: T(), SS_NEXT: T(), SUBJ_SS: T(), OBJ_SS: T(), AHEAD: T(), AHEAD_STEM: T(), SUBJ_LW_SS: T(), PREV_VERB: T(), QDIST: T(),
};

const AUX = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', 'am', "'s", '’s', 'has', 'have', 'had', 'having', "'ve", 'do', 'does', 'did',
  'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', "'ll", "'d", 'not', "n't", 'also', 'never', 'reportedly']);

/** Whether a token is one the detector judges: a verb, a lexicon cue form, or "according". */
export function isCueCandidate(t: Token, lw?: string): boolean {
  if (t.kind !== 'word') return false;
  if (t.pos?.startsWith('VB')) return true;
  lw ??= toLower(t.text);
  return lw === 'according' || CUE_BY_FORM.has(lw);
}

/** Length of the stem of a lower-cased word: "-ing", "-ed" and a plural "-s" come off. */
function stemLength(lw: string): number {
  if (lw.length > 5 && lw.endsWith('ing')) return lw.length - 3;
  if (lw.length > 4 && lw.endsWith('ed')) return lw.length - 2;
  if (lw.length > 3 && lw.endsWith('s') && !lw.endsWith('ss')) return lw.length - 1;
  return lw.length;
}

/** Per-document facts the features read, computed once. */
interface CueContext {
  doc: TagInput;
  lower: readonly string[];
  /** Hashes of each token's lower-cased form, stem and tag. */
  lowH: Uint32Array;
  stemH: Uint32Array;
  posH: Uint32Array;
  inQ: Uint8Array;
  sentQ: Uint8Array;
  sentStart: Int32Array;
  verbsBefore: Uint8Array;
  /** WordNet class of each token (verb class for verbs, noun class for nouns; -1 for none) and its class set. */
  ss: Int16Array;
  ssSet: Int32Array;
  /** {@link lookAheadCodes} of each token. */
  ahead: Uint8Array;
}

const posCache = new Map<string, number>();
const BOS = hashString('<s>');

function context(doc: TagInput): CueContext {
  const toks = doc.tokens;
  const n = toks.length;
  const lower = lowerTexts(toks);
  const lowH = new Uint32Array(n);
  const stemH = new Uint32Array(n);
  const posH = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    // Hashing a word is cheaper than looking its hashes up in a map keyed by the word.
    const lw = lower[i]!;
    lowH[i] = hashString(lw);
    stemH[i] = hashPrefix(lw, stemLength(lw));
    const p = toks[i]!.pos ?? '';
    let ph = posCache.get(p);
    if (ph === undefined) { ph = hashString(p); posCache.set(p, ph); }
    posH[i] = ph;
  }
  const inner = quotationInners(doc.quotes);
  const inQ = new Uint8Array(n);
  for (let i = 0; i < n; i++) inQ[i] = inner.holds(toks[i]!) ? 1 : 0;
  const sents = Math.max(1, doc.sentences.length);
  const sentQ = new Uint8Array(sents);
  const sentStart = new Int32Array(sents).fill(-1);
  const verbsBefore = new Uint8Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const s = Math.min(Math.max(toks[i]!.sentence, 0), sents - 1);
    if (sentStart[s] === -1) { sentStart[s] = i; count = 0; }
    if (toks[i]!.kind === 'quote') sentQ[s] = 1;
    verbsBefore[i] = Math.min(count, 2);
    const pos = toks[i]!.pos;
    if (pos === 'VBD' || pos === 'VBZ' || pos === 'VBP' || pos === 'MD') count++;
  }
  const { first: ss, set: ssSet } = tokenClasses(defaultSupersenses(), toks, lower);
  return { doc, lower, lowH, stemH, posH, inQ, sentQ, sentStart, verbsBefore, ss, ssSet, ahead: lookAheadCodes(toks, lower) };
}

function nextType(c: CueContext, i: number): number {
  const t = c.doc.tokens[i];
  if (!t) return 0;
  const lw = c.lower[i]!;
  if (lw === 'that') return 1;
  if (t.quote === 'open') return 2;
  if (t.text === ':') return 3;
  if (lw === 'to') return 4;
  if (t.text === ',') return 5;
  if (/^[.!?]$/.test(t.text)) return 6;
  if (t.pos === 'PRP' || t.pos === 'NNP' || t.pos === 'DT') return 7;
  return 8;
}

/** Writes the features of candidate `i` into `out`. `claimed`: 1 where the rules hold the token. */
function features(c: CueContext, i: number, claimed: Uint8Array | null, out: Uint32Array): void {
  const toks = c.doc.tokens;
  const t = toks[i]!;
  const lw = c.lower[i]!;
  const w0 = c.lowH[i]!;
  const st = c.stemH[i]!;
  const pos0 = c.posH[i]!;
  const at = (k: number) => (k >= 0 && k < toks.length ? c.lowH[k]! : BOS);
  const posAt = (k: number) => (k >= 0 && k < toks.length ? c.posH[k]! : BOS);
  // The subject field: the word before the auxiliaries and adverbs that lead up to the token.
  let s = i - 1;
  while (s >= 0 && (AUX.has(c.lower[s]!) || toks[s]!.pos === 'RB')) s--;
  const subjPos = s >= 0 ? toks[s]!.pos ?? '' : '<s>';
  const subj = s < 0 ? BOS : subjPos === ',' || subjPos === 'WP' || subjPos === 'WDT' ? c.lowH[s]! : c.posH[s]!;
  const nt = nextType(c, i + 1);
  const sent = Math.min(Math.max(t.sentence, 0), c.sentQ.length - 1);
  const sp = i - (c.sentStart[sent]! >= 0 ? c.sentStart[sent]! : i);
  const cl = claimed ? claimed[i]! : 2;
  let k = 0;
  const put = (h: number) => { out[k++] = h >>> 0; };
  put(F.BIAS);
  put(hashMix(F.W0, w0));
  put(hashMix(F.STEM, st));
  put(hashMix(F.POS0, pos0));
  put(hashMix(F.WM1, at(i - 1)));
  put(hashMix(F.POSM1, posAt(i - 1)));
  put(hashMix(F.WP1, at(i + 1)));
  put(hashMix(F.POSP1, posAt(i + 1)));
  put(hashMix(F.WP2, at(i + 2)));
  put(hashMix(F.POSP2, posAt(i + 2)));
  put(hashMix(hashMix(F.POS_WP1, pos0), at(i + 1)));
  put(hashMix(hashMix(F.W_WP1, w0), at(i + 1)));
  put(hashMix(hashMix(F.NEXT, nt), pos0));
  put(hashMix(hashMix(F.INQ, c.inQ[i]!), pos0));
  put(hashMix(F.SENTQ, c.sentQ[sent]! * 2 + c.inQ[i]!));
  put(hashMix(F.CLAIMED, cl));
  put(hashMix(hashMix(F.CLAIMED_POS, cl), pos0));
  put(hashMix(hashMix(F.LEX, CUE_BY_FORM.has(lw) ? 1 : 0), pos0));
  put(hashMix(F.SUBJ, subj));
  put(hashMix(hashMix(F.SUBJ_W, subj), st));
  put(hashMix(F.SENTPOS, Math.min(sp, 8)));
  put(hashMix(hashMix(F.W_INQ, st), c.inQ[i]!));
  put(hashMix(hashMix(F.PREV_COMMA, toks[i - 1]?.text === ',' || toks[i - 1]?.quote === 'close' ? 1 : 0), pos0));
  put(hashMix(hashMix(F.BIGRAM, at(i - 1)), w0));
  put(hashMix(hashMix(F.VERBS_BEFORE, c.verbsBefore[i]!), pos0));
  put(hashMix(hashMix(F.STEM_NEXT, st), nt));
  const ss = c.ss[i]!;
  put(hashMix(hashMix(F.SS, ss), pos0));
  put(hashMix(F.SS_SET, c.ssSet[i]! + 65536 * (isVerbClass(ss) ? 1 : 0)));
  put(hashMix(hashMix(F.SS_NEXT, ss), nt));
  put(hashMix(hashMix(F.SUBJ_SS, s >= 0 ? c.ss[s]! : -2), ss));
  // The object's class: "criticized the plan" against "planted mangroves".
  let o = i + 1;
  while (o < toks.length && o <= i + 4 && /^(?:DT|JJ|JJS|JJR|PRP\$|CD|RB)$/.test(toks[o]!.pos ?? '')) o++;
  const obj = o < toks.length && /^(?:NN|PRP)/.test(toks[o]!.pos ?? '') ? c.ss[o]! : -2;
  put(hashMix(hashMix(F.OBJ_SS, obj), ss));
  // What the clause after the verb holds further on (see lookAheadCodes).
  const ahead = c.ahead[i]!;
  put(hashMix(hashMix(F.AHEAD, ahead), pos0));
  put(hashMix(hashMix(F.AHEAD_STEM, ahead), st));
  put(hashMix(hashMix(F.SUBJ_LW_SS, s >= 0 ? c.lowH[s]! : BOS), ss));
  // The verb this one hangs from ("declined to say", "went on to discuss").
  let pv = BOS;
  for (let j = i - 1; j >= 0 && j >= i - 4 && toks[j]!.sentence === t.sentence; j--) if (toks[j]!.pos?.startsWith('VB') && !AUX.has(c.lower[j]!)) { pv = c.stemH[j]!; break; }
  put(hashMix(hashMix(F.PREV_VERB, pv), st));
  // How near the closest quotation mark of the sentence is, and on which side.
  let qd = 0;
  for (let d = 1; d <= 6 && !qd; d++) {
    if (toks[i - d]?.kind === 'quote' && toks[i - d]!.sentence === t.sentence) qd = d;
    else if (toks[i + d]?.kind === 'quote' && toks[i + d]!.sentence === t.sentence) qd = 10 + d;
  }
  put(hashMix(hashMix(F.QDIST, qd), pos0));
}

/** A loaded cue detector. */
export class CueModel {
  readonly json: CueModelJson;
  private readonly model: PerceptronModel;
  private readonly row = new Uint32Array(CUE_FEATURES);
  private readonly scores = new Float64Array(2);

  private constructor(json: CueModelJson) {
    if (json.format !== 'hearsay-cues/1') throw new Error(`unsupported cue model format "${String(json.format)}"`);
    this.json = json;
    this.model = PerceptronModel.fromJSON(json.perceptron);
  }

  /** Loads a model written by {@link trainCueModel}. */
  static fromJSON(json: CueModelJson): CueModel {
    return new CueModel(json);
  }

  /** Cue score (cue minus not-cue) of every candidate token not skipped; NaN elsewhere. */
  scoreAll(doc: TagInput, claimed: Uint8Array | null, skip?: (i: number) => boolean): Float64Array {
    const out = new Float64Array(doc.tokens.length).fill(Number.NaN);
    const c = context(doc);
    for (let i = 0; i < doc.tokens.length; i++) {
      if (skip?.(i) || !isCueCandidate(doc.tokens[i]!, c.lower[i])) continue;
      features(c, i, claimed, this.row);
      this.model.scoresHashed(this.row, CUE_FEATURES, this.scores);
      out[i] = this.scores[1]! - this.scores[0]!;
    }
    return out;
  }

  /** Cue spans: runs of tokens scoring at least the threshold (auxiliaries and adverbs between join them). */
  detect(doc: TagInput, claimed: Uint8Array | null, skip?: (i: number) => boolean, threshold = this.json.threshold): { from: number; to: number; score: number }[] {
    return cueRuns(doc.tokens, this.scoreAll(doc, claimed, skip), threshold);
  }
}

/**
 * Groups tokens at or above `threshold` into runs (adverbs between join them); a run's score is
 * its best token's. Runs of auxiliaries alone ("has" before a verb the rules hold) are dropped.
 */
export function cueRuns(tokens: readonly Token[], scores: Float64Array, threshold: number): { from: number; to: number; score: number }[] {
  const out: { from: number; to: number; score: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!(scores[i]! >= threshold)) continue;
    const from = i;
    let to = i + 1;
    let best = scores[i]!;
    for (;;) {
      let j = to;
      while (j < tokens.length && j - to < 2 && tokens[j]!.pos === 'RB') j++;
      if (j < tokens.length && scores[j]! >= threshold && tokens[j]!.sentence === tokens[i]!.sentence) { best = Math.max(best, scores[j]!); to = j + 1; } else break;
    }
    i = to - 1;
    let lexical = false;
    for (let k = from; k < to; k++) if (scores[k]! >= threshold && !AUX.has(tokens[k]!.text.toLowerCase())) lexical = true;
    if (!lexical) continue;
    // A particle or preposition that completes the cue ("called for", "talked about").
    const nx = tokens[to];
    if (nx && (nx.pos === 'RP' || /^(?:for|about|of|on|against|with)$/i.test(nx.text)) && tokens[to - 1]!.pos?.startsWith('VB')) to++;
    out.push({ from, to, score: best });
    i = to - 1;
  }
  return out;
}

/** Training material: a document, its gold cue spans and the rule layer's claimed tokens. */
export interface CueDoc {
  doc: TagInput;
  cues: readonly Span[];
  claimed: Uint8Array | null;
}

/** Gold label per candidate token: 1 inside a gold cue. */
export function cueTargets(d: CueDoc): { index: number; label: number }[] {
  const toks = d.doc.tokens;
  const inCue = new Uint8Array(toks.length);
  for (const s of d.cues) for (let i = 0; i < toks.length; i++) if (toks[i]!.start < s.end && s.start < toks[i]!.end) inCue[i] = 1;
  const out: { index: number; label: number }[] = [];
  for (let i = 0; i < toks.length; i++) if (isCueCandidate(toks[i]!)) out.push({ index: i, label: inCue[i]! });
  return out;
}

/** Options of {@link trainCueModel}. */
export interface TrainCueOptions extends SeededEpochTrainOptions<CueModel, { score: number; threshold: number }> {
}

/** Averaged perceptron over candidate tokens; keeps the epoch `select` scores best. */
export function trainCueModel(train: readonly CueDoc[], options: TrainCueOptions): { model: CueModelJson; bestEpoch: number; score: number } {
  const epochs = options.epochs ?? 6;
  const random = mulberry32(options.seed ?? 1);
  const rows: { feats: Uint32Array; label: number }[] = [];
  for (const d of train) {
    const c = context(d.doc);
    for (const { index, label } of cueTargets(d)) {
      const feats = new Uint32Array(CUE_FEATURES);
      features(c, index, d.claimed, feats);
      rows.push({ feats, label });
    }
  }
  const trainer = new AveragedPerceptron(['no', 'cue']);
  const scores = new Float64Array(2);
  let best: { score: number; epoch: number; json: CueModelJson } | null = null;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    shuffleInPlace(rows, random);
    let correct = 0;
    for (const r of rows) {
      trainer.scoresHashed(r.feats, CUE_FEATURES, scores);
      const guess = scores[1]! > scores[0]! ? 1 : 0;
      if (guess === r.label) correct++;
      trainer.updateHashed(r.feats, CUE_FEATURES, r.label, guess);
    }
    const json: CueModelJson = { format: 'hearsay-cues/1', source: options.source ?? 'PolNeAR train', threshold: 0, perceptron: trainer.finalize({ prune: 0.25, quantum: 1 / 16 }).toJSON() };
    const sel = options.select(CueModel.fromJSON(json));
    json.threshold = sel.threshold;
    options.onProgress?.(`cues epoch ${epoch}: train acc ${(100 * correct / rows.length).toFixed(2)}; dev ${sel.score.toFixed(2)} at threshold ${sel.threshold}`);
    if (!best || sel.score > best.score) best = { score: sel.score, epoch, json };
  }
  return { model: best!.json, bestEpoch: best!.epoch, score: best!.score };
}
