/**
 * BIO labels and first-order Viterbi decoding for the attribution tagger. Transition weights are
 * kept per context (always, sentence start, paragraph start, …) and summed for the contexts that
 * hold at a token, so the decoder learns e.g. that content often continues over a sentence break
 * but rarely over a paragraph break.
 */
import { PerceptronModel, type PerceptronModelJson } from '../model/perceptron.js';
import { CTX, FEATURES_PER_TOKEN, TRANSITION_CONTEXTS, type TokenFeatures } from './features.js';

/** Tag set: outside, then begin/inside for source, cue and content. */
export const LABELS = ['O', 'B-SRC', 'I-SRC', 'B-CUE', 'I-CUE', 'B-CON', 'I-CON'] as const;
/** A label name. */
export type Label = (typeof LABELS)[number];
/** Number of labels. */
export const L = LABELS.length;
/** Row index of the virtual start state in a transition table. */
export const START = L;
/** Size of one context's transition table: (L + 1 start) rows × L columns. */
export const TRANS_BLOCK = (L + 1) * L;
/** Size of the full transition weight vector. */
export const TRANS_SIZE = TRANSITION_CONTEXTS * TRANS_BLOCK;

/** Roles a span can have. */
export type Role = 'source' | 'cue' | 'content';

/** Role of a label id (null for O). */
export function roleOf(label: number): Role | null {
  if (label === 1 || label === 2) return 'source';
  if (label === 3 || label === 4) return 'cue';
  if (label === 5 || label === 6) return 'content';
  return null;
}

/** Whether `cur` may follow `prev` (I-X only after B-X or I-X). */
export function allowed(prev: number, cur: number): boolean {
  if (cur === 2 || cur === 4 || cur === 6) return prev === cur || prev === cur - 1;
  return true;
}

/** Anything that scores hashed features per class (the trainer or a frozen model). */
export interface EmissionScorer {
  scoresHashed(features: ArrayLike<number>, count: number, out?: Float64Array): Float64Array;
  /** Scores of `features[from, from + count)` into `out[at, at + L)` (zeros before); a frozen model has it. */
  scoresAt?(features: ArrayLike<number>, from: number, count: number, out: Float64Array, at: number): void;
}

/** Sums of the transition weights that apply at a token with the given context bits. */
function transitionAt(trans: Float64Array, ctx: number, out: Float64Array): void {
  out.fill(0);
  for (let c = 0; c < TRANSITION_CONTEXTS; c++) {
    if (!(ctx & (1 << c))) continue;
    const base = c * TRANS_BLOCK;
    for (let k = 0; k < TRANS_BLOCK; k++) out[k]! += trans[base + k]!;
  }
}

/** Reusable buffers for {@link viterbi}. */
export interface DecodeScratch {
  scores: Float64Array;
  trans: Float64Array;
}

/** Allocates decoding buffers. */
export function makeDecodeScratch(): DecodeScratch {
  return { scores: new Float64Array(L), trans: new Float64Array(TRANS_BLOCK) };
}

/** Best label sequence under emission scores and context transitions; returns label ids. */
export function viterbi(feats: TokenFeatures, emission: EmissionScorer, trans: Float64Array, scratch = makeDecodeScratch()): Uint8Array {
  return decodeLattice(emissionMatrix(feats, emission, scratch), feats.contexts, trans, scratch).labels;
}

/**
 * Emission scores of every token, row-major `tokens × L`, from rows of `perToken` feature hashes
 * (the BIO tagger's rows by default; the role tagger passes its own width).
 */
export function emissionMatrix(feats: Pick<TokenFeatures, 'hashes' | 'count'>, emission: EmissionScorer, scratch = makeDecodeScratch(), perToken = FEATURES_PER_TOKEN): Float64Array {
  const n = feats.count;
  const out = new Float64Array(n * L);
  if (emission.scoresAt) {
    for (let i = 0; i < n; i++) emission.scoresAt(feats.hashes, i * perToken, perToken, out, i * L);
    return out;
  }
  for (let i = 0; i < n; i++) {
    emission.scoresHashed(feats.hashes.subarray(i * perToken, (i + 1) * perToken), perToken, scratch.scores);
    out.set(scratch.scores, i * L);
  }
  return out;
}

/** Loads the emission weights and transition table a BIO model serialises, checking the table's size. */
export function loadTaggerWeights(json: { transitions: readonly number[]; perceptron: PerceptronModelJson }, what: string): { emission: PerceptronModel; transitions: Float64Array } {
  if (json.transitions.length !== TRANS_SIZE) throw new Error(`${what}: transition table has the wrong size`);
  return { emission: PerceptronModel.fromJSON(json.perceptron), transitions: Float64Array.from(json.transitions) };
}

/** A decoded sequence and its path score. */
export interface Decoded {
  labels: Uint8Array;
  score: number;
}

/**
 * Transition sums for every context bit set (`2 ** TRANSITION_CONTEXTS` blocks of
 * {@link TRANS_BLOCK}), for a frozen table: decoding then reads a token's block instead of
 * summing up to six blocks per token. Each block is summed in the same order as
 * {@link transitionAt}, so the values are the same doubles.
 */
export function transitionSums(trans: Float64Array): Float64Array {
  const out = new Float64Array((1 << TRANSITION_CONTEXTS) * TRANS_BLOCK);
  const block = new Float64Array(TRANS_BLOCK);
  for (let ctx = 0; ctx < 1 << TRANSITION_CONTEXTS; ctx++) {
    transitionAt(trans, ctx, block);
    out.set(block, ctx * TRANS_BLOCK);
  }
  return out;
}

/**
 * Viterbi over precomputed emission scores. Tokens with `forceOutside[i]` set may only take O:
 * the difference between the free and the constrained best scores is the model's margin for a
 * span (how much it would lose by not tagging it). `sums` ({@link transitionSums} of `trans`)
 * saves summing the transition blocks per token; a trainer whose table changes passes none.
 */
export function decodeLattice(scores: Float64Array, contexts: Uint8Array, trans: Float64Array, scratch = makeDecodeScratch(), forceOutside: Uint8Array | null = null, sums: Float64Array | null = null): Decoded {
  const n = contexts.length;
  const out = new Uint8Array(n);
  if (n === 0) return { labels: out, score: 0 };
  const back = new Uint8Array(n * L);
  let prev = new Float64Array(L);
  let cur = new Float64Array(L);
  for (let i = 0; i < n; i++) {
    // The token's transition block: a slice of the precomputed sums, or summed here.
    let t: Float64Array;
    let o: number;
    if (sums) { t = sums; o = contexts[i]! * TRANS_BLOCK; } else { t = scratch.trans; o = 0; transitionAt(trans, contexts[i]!, t); }
    const forced = forceOutside !== null && forceOutside[i] === 1;
    for (let y = 0; y < L; y++) {
      let best = -Infinity;
      let arg = 0;
      if (forced && y !== 0) {
        // unreachable label
      } else if (i === 0) {
        best = allowed(START, y) && (y === 0 || y % 2 === 1) ? t[o + START * L + y]! : -Infinity;
      } else if (y === 2 || y === 4 || y === 6) {
        // I-X follows only B-X or I-X (see `allowed`): the same candidates, in the same order.
        const v1 = prev[y - 1]! + t[o + (y - 1) * L + y]!;
        if (v1 > best) { best = v1; arg = y - 1; }
        const v2 = prev[y]! + t[o + y * L + y]!;
        if (v2 > best) { best = v2; arg = y; }
      } else {
        for (let p = 0; p < L; p++) {
          const v = prev[p]! + t[o + p * L + y]!;
          if (v > best) { best = v; arg = p; }
        }
      }
      cur[y] = best + scores[i * L + y]!;
      back[i * L + y] = arg;
    }
    const swap = prev; prev = cur; cur = swap;
  }
  let y = 0;
  for (let k = 1; k < L; k++) if (prev[k]! > prev[y]!) y = k;
  const score = prev[y]!;
  for (let i = n - 1; i >= 0; i--) {
    out[i] = y;
    y = back[i * L + y]!;
  }
  return { labels: out, score };
}

/** A labelled run of tokens `[from, to)`. */
export interface TokenSpan {
  role: Role;
  from: number;
  to: number;
}

/** Runs of B/I labels as token spans, in order. */
export function spansFromLabels(labels: ArrayLike<number>): TokenSpan[] {
  const out: TokenSpan[] = [];
  let open: TokenSpan | null = null;
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i]!;
    const role = roleOf(y);
    const begins = y === 1 || y === 3 || y === 5;
    if (open && (role !== open.role || begins)) { out.push(open); open = null; }
    if (role && !open) open = { role, from: i, to: i + 1 };
    else if (open) open.to = i + 1;
  }
  if (open) out.push(open);
  return out;
}

/** Paragraph ranges `[from, to)` of a document's tokens (a paragraph starts after a line break). */
export function paragraphRanges(feats: TokenFeatures): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (let i = 1; i <= feats.count; i++) {
    if (i === feats.count || (feats.contexts[i]! & (1 << CTX.PARAGRAPH_START))) { out.push([from, i]); from = i; }
  }
  return out;
}

/** The features of tokens `[from, to)` as their own sequence (views, no copy). */
export function sliceFeatures(feats: TokenFeatures, from: number, to: number): TokenFeatures {
  return {
    hashes: feats.hashes.subarray(from * FEATURES_PER_TOKEN, to * FEATURES_PER_TOKEN),
    contexts: feats.contexts.subarray(from, to),
    count: to - from,
  };
}

/**
 * Decodes paragraph by paragraph: PolNeAR content almost never crosses a paragraph break, and
 * training updates after each paragraph, so decoding uses the same units.
 */
export function decodeDocument(feats: TokenFeatures, emission: EmissionScorer, trans: Float64Array, scratch = makeDecodeScratch(), keep?: (from: number, to: number) => boolean): Uint8Array {
  const out = new Uint8Array(feats.count);
  for (const [from, to] of paragraphRanges(feats)) {
    // Paragraphs with no cue-like word or quotation are all outside (label 0) without decoding.
    if (keep && !keep(from, to)) continue;
    out.set(viterbi(sliceFeatures(feats, from, to), emission, trans, scratch), from);
  }
  return out;
}

/** Decodes only the given token ranges (each as its own sequence); the rest stay outside (0). */
export function decodeRanges(feats: TokenFeatures, emission: EmissionScorer, trans: Float64Array, ranges: readonly [number, number][], scratch = makeDecodeScratch()): Uint8Array {
  const out = new Uint8Array(feats.count);
  for (const [from, to] of ranges) out.set(viterbi(sliceFeatures(feats, from, to), emission, trans, scratch), from);
  return out;
}

/** What a structured update needs from the emission trainer (the shared averaged perceptron). */
export interface EmissionTrainer {
  updateHashed(features: ArrayLike<number>, count: number, truth: number, guess: number): void;
}

/**
 * Structured perceptron updates (Collins 2002) for a BIO tagger: the emission weights move per
 * token, the context transition table per differing label pair, both averaged lazily with one
 * tick per token so they stay in step with the emission trainer's own counter.
 */
export class StructuredTrainer {
  /** Current (not averaged) transition weights, for decoding during training. */
  readonly transitions = new Float64Array(TRANS_SIZE);
  private readonly sums = new Float64Array(TRANS_SIZE);
  private instance = 1;

  constructor(private readonly emission: EmissionTrainer, private readonly featuresPerToken: number) {}

  /** Updates towards `gold` and away from `pred`; returns how many tokens were already right. */
  update(gold: ArrayLike<number>, pred: ArrayLike<number>, contexts: ArrayLike<number>, hashes: Uint32Array): number {
    const k = this.featuresPerToken;
    let correct = 0;
    for (let i = 0; i < pred.length; i++) {
      const g = gold[i]!;
      const p = pred[i]!;
      if (g === p) correct++;
      const gp = i > 0 ? gold[i - 1]! : START;
      const pp = i > 0 ? pred[i - 1]! : START;
      if (g !== p || gp !== pp) {
        if (allowed(gp, g)) this.bump(contexts[i]!, gp, g, 1);
        this.bump(contexts[i]!, pp, p, -1);
      }
      this.emission.updateHashed(hashes.subarray(i * k, (i + 1) * k), k, g, p);
      this.instance++;
    }
    return correct;
  }

  /** The averaged transition table, rounded to 1/1000. */
  averagedTransitions(): number[] {
    return Array.from(this.transitions, (x, k) => Math.round((x - this.sums[k]! / this.instance) * 1000) / 1000);
  }

  private bump(ctx: number, prev: number, cur: number, delta: number): void {
    for (let c = 0; c < TRANSITION_CONTEXTS; c++) {
      if (!(ctx & (1 << c))) continue;
      const k = c * TRANS_BLOCK + prev * L + cur;
      this.transitions[k]! += delta;
      this.sums[k]! += this.instance * delta;
    }
  }
}

/**
 * Score of one given label sequence under the same lattice as {@link decodeLattice} (−Infinity
 * where it breaks the BIO constraints or an emission is forbidden): the best path's score minus
 * this one is how much the model prefers its own reading.
 */
export function pathScore(scores: Float64Array, contexts: Uint8Array, trans: Float64Array, labels: Uint8Array, scratch = makeDecodeScratch(), sums: Float64Array | null = null): number {
  let total = 0;
  let prev: number = START;
  for (let i = 0; i < contexts.length; i++) {
    const y = labels[i]!;
    if (i === 0 ? !(y === 0 || y % 2 === 1) : !allowed(prev, y)) return -Infinity;
    let t: Float64Array;
    let o: number;
    if (sums) { t = sums; o = contexts[i]! * TRANS_BLOCK; } else { t = scratch.trans; o = 0; transitionAt(trans, contexts[i]!, t); }
    total += t[o + prev * L + y]! + scores[i * L + y]!;
    prev = y;
  }
  return total;
}
