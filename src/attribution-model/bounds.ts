/**
 * The content-boundary ranker: where a reported clause that follows its cue starts and stops.
 * The rules and the taggers cut content at clause boundaries ("said A, which B", "said A, citing
 * B", "said A and B") and skip adjuncts after the cue ("said Friday that", "told a rally in
 * Ohio"); PolNeAR's annotators keep some of those and leave others out. For each side the model
 * scores every possible boundary with the current one as a feature, so it learns where the current
 * one is usually wrong, and the highest score wins.
 */
import type { Span } from '../core/types.js';
import type { Token } from '../core/working-doc.js';
import { HearsayError } from '../core/errors.js';
import { hashString } from '../model/hash.js';
import { toLower } from '../text/lower.js';
import { tokenRange } from './roles.js';

/** One content span after its cue: token indices into `tokens`. */
export interface BoundsInput {
  tokens: readonly Token[];
  /** First token of the cue. */
  cue: number;
  /** Token after the cue. */
  cueEnd: number;
  /** First token of the content. */
  from: number;
  /** Token after the content's last token. */
  end: number;
  /** Producer of the attribution (`Attribution.rule`). */
  rule: string;
  /** Token the content may not reach: another attribution's cue after the content's start. */
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
const CUT_PUNCT = /^[,;:\u2014\u2013-]$/;
const FINAL_PUNCT = /^[,;:\u2014\u2013.!?-]$/;
const FINITE = /^(?:VBD|VBZ|VBP|MD)$/;
/** Tags that can open what follows a cut: a conjunction, a preposition, a relative, a participle, a verb. */
const CUT_TAGS = /^(?:CC|IN|WDT|WP|WRB|TO|VBG|VBD|VBZ|-LRB-)$/;
/** Tags after which a content can start: punctuation, a preposition, "that", "to", a particle. */
const START_AFTER = /^(?:IN|TO|RP|CC|DT|WDT)$/;

/**
 * The ranker's input for an attribution, or null where it does not apply: the content must be one
 * span after the cue, within the cue's sentence. `cues` are every attribution's cues.
 */
export function boundsInput(tokens: readonly Token[], a: { cue: Span; content: readonly Span[]; rule: string }, cues: readonly Span[]): BoundsInput | null {
  if (a.content.length !== 1 || a.content[0]!.start < a.cue.end) return null;
  const [cue, cueEnd] = tokenRange(tokens, a.cue);
  const [from, end] = tokenRange(tokens, a.content[0]!);
  if (cue >= cueEnd || from >= end || from < cueEnd) return null;
  const s = tokens[cue]!.sentence;
  if (tokens[from]!.sentence !== s || tokens[end - 1]!.sentence !== s) return null;
  // A content that grew over another cue would swallow that attribution as a nested one.
  let stop = tokens.length;
  for (const q of cues) {
    if (q.start < a.content[0]!.start || q.start >= tokens[stop - 1]!.end) continue;
    stop = Math.min(stop, tokenRange(tokens, q)[0]);
  }
  return { tokens, cue, cueEnd, from, end, rule: a.rule, stop: Math.max(stop, end) };
}

/** Token after the last a content of the cue's sentence may reach: the sentence end before its final punctuation, or `stop`. */
export function endLimit(x: BoundsInput): number {
  const T = x.tokens;
  const s = T[x.from]!.sentence;
  let max = x.from;
  while (max < x.stop && T[max]!.sentence === s) max++;
  while (max > x.from + 1 && FINAL_PUNCT.test(T[max - 1]!.text)) max--;
  return max;
}

/** The gold boundary of `side` as a candidate position, or -1 where the gold content's edge is out of reach. */
export function goldBoundary(x: BoundsInput, side: BoundarySide, gold: Span): number {
  const T = x.tokens;
  if (side === 'end') {
    const max = endLimit(x);
    for (let j = x.from + 1; j <= Math.min(max + 1, T.length); j++) if (T[j - 1]!.end === gold.end) return j;
    return -1;
  }
  for (let j = x.cueEnd; j < x.end; j++) if (T[j]!.start === gold.start) return j;
  return -1;
}

const lenBucket = (n: number): number => (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : n <= 10 ? 10 : n <= 20 ? 20 : n <= 40 ? 40 : 99);

/** The possible boundaries of one side and each one's feature hashes. */
export function boundaryCandidates(x: BoundsInput, side: BoundarySide): { at: number[]; features: number[][] } {
  return side === 'end' ? endCandidates(x) : startCandidates(x);
}

/**
 * Possible ends: `j` means the content is tokens `[from, j)`. The current end and the limit are
 * always candidates; other cuts only before punctuation, a quotation mark or a word that can open
 * a new clause or adjunct.
 */
function endCandidates(x: BoundsInput): { at: number[]; features: number[][] } {
  const T = x.tokens;
  const max = endLimit(x);
  const low = (i: number): string => (i < T.length ? toLower(T[i]!.text) : '<s>');
  const tag = (i: number): string => (i < max ? T[i]!.pos || T[i]!.text : '</s>');
  let clause = low(x.from) === 'that';
  for (let k = x.from; !clause && k < Math.min(x.from + 6, max); k++) if (FINITE.test(tag(k))) clause = true;
  const cue = low(x.cue);
  const at: number[] = [];
  const features: number[][] = [];
  let commas = 0;
  let depth = 0;
  for (let j = x.from + 1; j <= max; j++) {
    const t = T[j - 1]!;
    if (t.quote === 'open') depth++;
    else if (t.quote === 'close') depth = Math.max(0, depth - 1);
    if (t.text === ',') commas++;
    if (CUT_PUNCT.test(t.text)) continue;
    if (j !== max && j !== x.end && !(CUT_PUNCT.test(T[j]!.text) || CUT_TAGS.test(tag(j)) || T[j]!.quote)) continue;
    const r = j === x.end ? 'R' : j < x.end ? 'r<' : 'r>';
    let finNext = 0;
    for (let k = j; k < max && T[k]!.text !== ','; k++) if (FINITE.test(tag(k))) { finNext = 1; break; }
    const punctNext = j < max && CUT_PUNCT.test(T[j]!.text);
    const nx = j < max ? (punctNext ? `${T[j]!.text} ${low(j + 1)}` : low(j)) : 'END';
    const nt = j < max ? (punctNext ? `${T[j]!.text} ${tag(j + 1)}` : tag(j)) : 'END';
    const lb = lenBucket(j - x.from);
    const f = [
      `R=${r}`, `rule*R=${x.rule}${r}`, `nx=${nx}`, `nt=${nt}`, `lt=${tag(j - 1)}`, `lw=${low(j - 1)}`,
      `nt2=${nt}|${tag(j + 1)}|${tag(j + 2)}`, `cl*nt=${clause}${nt}`, `cl*nx=${clause}${nx}`, `fin*nt=${finNext}${nt}`,
      `lb=${lb}`, `lb*nt=${lb}${nt}`, `dep=${depth > 0}${nt}`, `com=${Math.min(commas, 3)}${nt}`, `cue*nx=${cue}${nx}`,
      `R*nt=${r}${nt}`, `R*nx=${r}${nx}`, `lt*nt=${tag(j - 1)}${nt}`,
    ];
    at.push(j);
    features.push(f.map(hashString));
  }
  return { at, features };
}

/**
 * Possible starts: `s` means the content's first token is `s`, between the cue and the current
 * end. The current start and the token after the cue are always candidates; others only after
 * punctuation, a preposition, "that", "to" or a particle.
 */
function startCandidates(x: BoundsInput): { at: number[]; features: number[][] } {
  const T = x.tokens;
  const low = (i: number): string => toLower(T[i]!.text);
  const tag = (i: number): string => T[i]!.pos || T[i]!.text;
  const cue = low(x.cueEnd - 1);
  const at: number[] = [];
  const features: number[][] = [];
  for (let s = x.cueEnd; s < x.end; s++) {
    const prev = T[s - 1]!;
    if (CUT_PUNCT.test(T[s]!.text)) continue;
    if (s !== x.from && s !== x.cueEnd && !(CUT_PUNCT.test(prev.text) || START_AFTER.test(tag(s - 1)) || prev.quote || T[s]!.quote === 'open')) continue;
    const r = s === x.from ? 'R' : s < x.from ? 'r<' : 'r>';
    // What the content leaves out between the cue and its start, as a tag signature.
    let gap = '';
    for (let k = x.cueEnd; k < s && k < x.cueEnd + 4; k++) gap += `${tag(k)} `;
    if (s - x.cueEnd > 4) gap += '…';
    const first = low(s);
    const pw = s > x.cueEnd ? low(s - 1) : '<cue>';
    const f = [
      `sR=${r}`, `srule*R=${x.rule}${r}`, `sw=${first}`, `st=${tag(s)}`, `spw=${pw}`, `spt=${s > x.cueEnd ? tag(s - 1) : '<cue>'}`,
      `spw*w=${pw}|${first}`, `sgap=${gap}`, `sgapn=${lenBucket(s - x.cueEnd)}`, `scue*pw=${cue}|${pw}`, `scue*t=${cue}|${tag(s)}`,
      `scue*gap=${cue}|${gap}`, `sR*t=${r}${tag(s)}`, `sR*pw=${r}${pw}`, `sq=${T[s]!.quote ?? ''}${prev.quote ?? ''}`,
    ];
    at.push(s);
    features.push(f.map(hashString));
  }
  return { at, features };
}

/** A loaded content-boundary ranker. */
export class BoundsModel {
  private readonly weights = new Map<number, number>();

  constructor(json: BoundsModelJson) {
    if (json.format !== 'hearsay-bounds/1' || json.hashes.length !== json.weights.length) throw new HearsayError('MODEL_INVALID', `not a content-boundary model (format "${String(json.format)}")`);
    json.hashes.forEach((h, i) => this.weights.set(h, json.weights[i]! * json.quantum));
  }

  /** Loads a model written by {@link trainBoundsModel}. */
  static fromJSON(json: BoundsModelJson): BoundsModel {
    return new BoundsModel(json);
  }

  /** The best boundary of one side; the current one unless another scores higher. */
  choose(x: BoundsInput, side: BoundarySide): number {
    const { at, features } = boundaryCandidates(x, side);
    const current = side === 'end' ? x.end : x.from;
    const keep = at.indexOf(current);
    // An edge the candidates cannot express (a content running past the sentence's last word) stays.
    return keep < 0 ? current : at[bestIndex(features, (h) => this.weights.get(h) ?? 0, keep)]!;
  }
}

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

/** Share of examples (in %) whose chosen boundary is the gold one. */
export function boundsAccuracy(model: BoundsModel, examples: readonly BoundsExample[]): number {
  if (examples.length === 0) return 0;
  let right = 0;
  for (const e of examples) if (model.choose(e.input, e.side) === e.gold) right++;
  return (100 * right) / examples.length;
}

/** Options of {@link trainBoundsModel}. */
export interface TrainBoundsOptions {
  epochs?: number;
  source?: string;
  /** Scores a candidate model (higher is better) to pick the epoch; dev accuracy, say. */
  select: (model: BoundsModel) => number;
  onProgress?: (line: string) => void;
}

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
    options.onProgress?.(`bounds epoch ${epoch}: train ${(100 * right / Math.max(1, prepared.length)).toFixed(2)} %; dev ${score.toFixed(2)} %; ${json.hashes.length} weights`);
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
