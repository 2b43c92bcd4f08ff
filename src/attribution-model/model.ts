/**
 * The learned attribution model: a BIO tagger (averaged structured perceptron, Viterbi over the
 * whole document) for source / cue / content spans, plus the linker that groups them.
 */
import { CUE_BY_FORM } from '../attribution/lexicon.js';
import { lowerTexts } from '../text/lower.js';
import type { Attribution } from '../core/types.js';
import { PerceptronModel, type PerceptronModelJson } from '../model/perceptron.js';
import { decodeLattice, emissionMatrix, loadTaggerWeights, makeDecodeScratch, paragraphRanges, sliceFeatures, spansFromLabels, transitionSums, type DecodeScratch } from './decode.js';
import { tokenRange } from './roles.js';
import { extractFeatures, type CueLexicon, type TagInput, type TokenFeatures, type WordHashes } from './features.js';
import { linkSpans, type LinkOptions } from './linker.js';

/** Serialised attribution model. */
export interface AttributionModelJson {
  format: 'hearsay-attr/1';
  /** Training data and settings, for the record. */
  source: string;
  /** Whether part-of-speech features were used (tokens must then carry `pos`). */
  usePos: boolean;
  /**
   * Whether the tagger reads the rule layer: which tokens the rules already claimed (the
   * `skipToken` of {@link AttributionModel.predict}). Absent in models trained before stacking.
   */
  useRules?: boolean;
  /** Cue-like words learned from the training data, beside the rule lexicon. */
  cueWords: string[];
  /** Transition weights (contexts × (labels + start) × labels), rounded. */
  transitions: number[];
  link: LinkOptions;
  perceptron: PerceptronModelJson;
}

/** Words that start multi-word cues or act as cues without being verbs. */
const EXTRA_CUES = ['according', 'said:', 'says:'];

/** The cue lexicon: the rule lexicon's verb forms, a few cue heads, and the model's learned words. */
export function makeLexicon(learned: readonly string[]): CueLexicon {
  const set = new Set<string>([...CUE_BY_FORM.keys(), ...EXTRA_CUES, ...learned]);
  return (lower) => set.has(lower);
}

/**
 * Whether tokens `[from, to)` hold a verbal cue-like word that `skipToken` does not exclude: the
 * sentences the merged pipeline asks the model to decode. Quotation marks and colons alone do not
 * count: decoding them cost a third more time for 0.2 points of relation F1 on PolNeAR dev.
 */
export function hasUnclaimedCue(tokens: TagInput['tokens'], from: number, to: number, lexicon: CueLexicon, skipToken?: (i: number) => boolean): boolean {
  const lower = lowerTexts(tokens);
  for (let i = from; i < to; i++) {
    if (skipToken?.(i)) continue;
    const t = tokens[i]!;
    if (lexicon(lower[i]!) && (!t.pos || t.pos.startsWith('VB') || t.text === 'according')) return true;
  }
  return false;
}

/** Whether `text[from, to)` holds a line feed (without slicing it out). */
function newlineIn(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

/** Sentences on each side of a cue sentence that a decoding window takes in. */
const WINDOW_SENTENCES = 0;

/**
 * Token ranges to decode: per paragraph, the sentences for which `hasCue` holds plus
 * `around` sentences either side (within the paragraph), merged where they touch.
 */
export function cueWindows(doc: TagInput, hasCue: (from: number, to: number) => boolean, around: number): [number, number][] {
  const toks = doc.tokens;
  const out: [number, number][] = [];
  let p = 0;
  while (p < toks.length) {
    let q = p + 1;
    while (q < toks.length && !newlineIn(doc.text, toks[q - 1]!.end, toks[q]!.start)) q++;
    // Sentences of paragraph [p, q) as token ranges.
    const sents: [number, number][] = [];
    for (let i = p; i < q;) {
      let j = i + 1;
      while (j < q && toks[j]!.sentence === toks[i]!.sentence) j++;
      sents.push([i, j]);
      i = j;
    }
    const mark = new Uint8Array(sents.length);
    sents.forEach(([a, b], k) => { if (hasCue(a, b)) for (let d = -around; d <= around; d++) if (k + d >= 0 && k + d < sents.length) mark[k + d] = 1; });
    for (let k = 0; k < sents.length; k++) {
      if (!mark[k]) continue;
      let e = k;
      while (e + 1 < sents.length && mark[e + 1]) e++;
      out.push([sents[k]![0], sents[e]![1]]);
      k = e;
    }
    p = q;
  }
  return out;
}

/** A loaded attribution model. */
export class AttributionModel {
  readonly json: AttributionModelJson;
  private readonly emission: PerceptronModel;
  private readonly transitions: Float64Array;
  /** {@link transitionSums} of the frozen table. */
  private readonly sums: Float64Array;
  private readonly lexicon: CueLexicon;
  private readonly cache = new Map<string, WordHashes>();
  private readonly scratch: DecodeScratch = makeDecodeScratch();

  private constructor(json: AttributionModelJson) {
    if (json.format !== 'hearsay-attr/1') throw new Error(`unsupported attribution model format "${String(json.format)}"`);
    this.json = json;
    ({ emission: this.emission, transitions: this.transitions } = loadTaggerWeights(json, 'attribution model'));
    this.sums = transitionSums(this.transitions);
    this.lexicon = makeLexicon(json.cueWords);
  }

  /** Loads a model written by the trainer. */
  static fromJSON(json: AttributionModelJson): AttributionModel {
    return new AttributionModel(json);
  }

  /** Features of a document under this model's lexicon; `claimed` is the rule layer (see {@link AttributionModelJson.useRules}). */
  features(doc: TagInput, claimed: Uint8Array | null = null, rows: Uint8Array | null = null): TokenFeatures {
    return extractFeatures(doc, this.lexicon, this.cache, this.json.usePos, this.json.useRules ? claimed ?? new Uint8Array(doc.tokens.length) : null, rows);
  }

  /** Label ids per token (see `LABELS`). */
  tag(doc: TagInput, onlyCued = false, skipToken?: (i: number) => boolean): Uint8Array {
    return this.decode(doc, onlyCued, skipToken).labels;
  }

  /**
   * Decodes the document: with `onlyCued`, only windows around sentences with a verbal cue-like
   * word the caller has not already accounted for (see {@link cueWindows}); otherwise every
   * paragraph. Returns the labels and, per decoded range, what {@link margins} needs.
   */
  private decode(doc: TagInput, onlyCued: boolean, skipToken?: (i: number) => boolean): { labels: Uint8Array; lattices: Lattice[] } {
    let claimed: Uint8Array | null = null;
    if (this.json.useRules) {
      claimed = new Uint8Array(doc.tokens.length);
      if (skipToken) for (let i = 0; i < claimed.length; i++) claimed[i] = skipToken(i) ? 1 : 0;
    }
    let ranges: [number, number][];
    let feats: TokenFeatures;
    if (onlyCued) {
      // Nothing outside the windows is featurised.
      ranges = cueWindows(doc, (from, to) => hasUnclaimedCue(doc.tokens, from, to, this.lexicon, skipToken), WINDOW_SENTENCES);
      const rows = new Uint8Array(doc.tokens.length);
      for (const [a, b] of ranges) rows.fill(1, a, b);
      feats = this.features(doc, claimed, rows);
    } else {
      feats = this.features(doc, claimed);
      ranges = paragraphRanges(feats);
    }
    const labels = new Uint8Array(doc.tokens.length);
    const lattices: Lattice[] = [];
    for (const [from, to] of ranges) {
      const f = sliceFeatures(feats, from, to);
      const scores = emissionMatrix(f, this.emission, this.scratch);
      const best = decodeLattice(scores, f.contexts, this.transitions, this.scratch, null, this.sums);
      labels.set(best.labels, from);
      lattices.push({ from, to, scores, contexts: f.contexts, best: best.score });
    }
    return { labels, lattices };
  }

  /** Tags and links: the model's attributions, all outermost (`via` null). */
  predict(doc: TagInput, onlyCued = false, skipToken?: (i: number) => boolean): Attribution[] {
    return this.predictScored(doc, onlyCued, skipToken).map((s) => s.attribution);
  }

  /**
   * {@link predict} with a margin per attribution: how much lower the best path scores when the
   * cue's tokens are forced outside. A small margin is a cue the model barely prefers. `link`
   * overrides the model's linker options (e.g. `keepBareCues` when a role tagger reads the cues).
   */
  predictScored(doc: TagInput, onlyCued = false, skipToken?: (i: number) => boolean, link?: LinkOptions): ScoredAttribution[] {
    const { labels, lattices } = this.decode(doc, onlyCued, skipToken);
    const attrs = linkSpans(doc.text, doc.tokens, spansFromLabels(labels), link ? { ...this.json.link, ...link } : this.json.link);
    return attrs.map((attribution) => {
      // Computed on demand and kept: most attributions never need their margin.
      let margin: number | null = null;
      return { attribution, margin: () => (margin ??= this.margin(doc, lattices, attribution.cue)) };
    });
  }

  private margin(doc: TagInput, lattices: readonly Lattice[], cue: { start: number; end: number }): number {
    const [lo, hi] = tokenRange(doc.tokens, cue);
    const lat = lattices.find((l) => l.from <= lo && lo < l.to);
    if (!lat) return 0;
    const force = new Uint8Array(lat.to - lat.from);
    for (let i = lo; i < Math.min(hi, lat.to); i++) force[i - lat.from] = 1;
    return lat.best - decodeLattice(lat.scores, lat.contexts, this.transitions, this.scratch, force, this.sums).score;
  }
}

/** A decoded token range with its emission scores, kept to score alternatives. */
interface Lattice {
  from: number;
  to: number;
  scores: Float64Array;
  contexts: Uint8Array;
  best: number;
}

/** A model attribution and its cue margin (see {@link AttributionModel.predictScored}). */
export interface ScoredAttribution {
  attribution: Attribution;
  /** The cue's margin, computed on first call (a second Viterbi pass over its range). */
  margin: () => number;
}
