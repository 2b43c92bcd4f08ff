/**
 * The learned attribution model: a BIO tagger (averaged structured perceptron, Viterbi over the
 * whole document) for source / cue / content spans, plus the linker that groups them.
 */
import { CUE_BY_FORM } from '../attribution/lexicon.js';
import type { Attribution } from '../core/types.js';
import { PerceptronModel, type PerceptronModelJson } from '../model/perceptron.js';
import { decodeDocument, decodeRanges, makeDecodeScratch, spansFromLabels, TRANS_SIZE, type DecodeScratch } from './decode.js';
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
  for (let i = from; i < to; i++) {
    if (skipToken?.(i)) continue;
    const t = tokens[i]!;
    if (lexicon(t.text.toLowerCase()) && (!t.pos || t.pos.startsWith('VB') || t.text === 'according')) return true;
  }
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
    while (q < toks.length && !doc.text.slice(toks[q - 1]!.end, toks[q]!.start).includes('\n')) q++;
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
  private readonly lexicon: CueLexicon;
  private readonly cache = new Map<string, WordHashes>();
  private readonly scratch: DecodeScratch = makeDecodeScratch();

  private constructor(json: AttributionModelJson) {
    if (json.format !== 'hearsay-attr/1') throw new Error(`unsupported attribution model format "${String(json.format)}"`);
    if (json.transitions.length !== TRANS_SIZE) throw new Error('attribution model: transition table has the wrong size');
    this.json = json;
    this.emission = PerceptronModel.fromJSON(json.perceptron);
    this.transitions = Float64Array.from(json.transitions);
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
    // With `onlyCued`, only sentences with a verbal cue-like word the caller has not already
    // accounted for are decoded (see cueWindows).
    const keep = onlyCued ? (from: number, to: number) => hasUnclaimedCue(doc.tokens, from, to, this.lexicon, skipToken) : undefined;
    let claimed: Uint8Array | null = null;
    if (this.json.useRules) {
      claimed = new Uint8Array(doc.tokens.length);
      if (skipToken) for (let i = 0; i < claimed.length; i++) claimed[i] = skipToken(i) ? 1 : 0;
    }
    if (keep) {
      // Decode windows, not whole paragraphs: each sentence with an unclaimed cue, with its
      // neighbours in the same paragraph (content rarely reaches further); nothing else is featurised.
      const ranges = cueWindows(doc, (from, to) => keep(from, to), WINDOW_SENTENCES);
      const rows = new Uint8Array(doc.tokens.length);
      for (const [a, b] of ranges) rows.fill(1, a, b);
      return decodeRanges(this.features(doc, claimed, rows), this.emission, this.transitions, ranges, this.scratch);
    }
    return decodeDocument(this.features(doc, claimed), this.emission, this.transitions, this.scratch, keep);
  }

  /** Tags and links: the model's attributions, all outermost (`via` null). */
  predict(doc: TagInput, onlyCued = false, skipToken?: (i: number) => boolean): Attribution[] {
    return linkSpans(doc.text, doc.tokens, spansFromLabels(this.tag(doc, onlyCued, skipToken)), this.json.link);
  }
}
