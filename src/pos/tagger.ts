import type { PerceptronModelJson } from '../model/perceptron.js';
import { argmax, PerceptronModel } from '../model/perceptron.js';
import { MAX_FEATURES, NO_VERB, START_TAG, extractFeatures, wordInfo } from './features.js';
import type { WordInfo } from './features.js';
import { normalizeForm } from './normalize.js';
import type { QuoteHint } from './normalize.js';

/** Serialised POS model: the perceptron plus the tag dictionary of unambiguous frequent words. */
export interface PosModelJson {
  format: 'hearsay-pos/1';
  /** Where the weights came from, e.g. `UD_English-EWT v2.16 train (CC BY-SA 4.0)`. */
  source: string;
  /** Tag → space-separated normalised word forms that always get that tag. */
  tagdict: Record<string, string>;
  perceptron: PerceptronModelJson;
}

/** Anything that picks a class id from hashed features (a trainer or a frozen model). */
export interface HashedClassifier {
  bestHashed(features: ArrayLike<number>, count: number, scratch?: Float64Array): number;
}

/** Reusable buffers for {@link tagSequence}. */
export interface TagScratch {
  features: Uint32Array;
  scores: Float64Array;
}

/** Allocates buffers for {@link tagSequence} over `classes` tags. */
export function makeScratch(classes: number): TagScratch {
  return { features: new Uint32Array(MAX_FEATURES), scores: new Float64Array(classes) };
}

/** What the decoder needs besides the classifier: the tag dictionary and which tag ids are verbs. */
export interface DecodeTables {
  tagdict: ReadonlyMap<string, number>;
  /** 1 for tag ids that are verbs or modals (VB*, MD), which update the last-verb context. */
  verbs: Uint8Array;
}

/** Builds the verb mask of {@link DecodeTables} for a tag set. */
export function verbMask(tags: readonly string[]): Uint8Array {
  return Uint8Array.from(tags, (t) => (t.startsWith('VB') || t === 'MD' ? 1 : 0));
}

/** Chooses a tag from a feature row; lets inference reuse cached partial scores. */
export type TagPicker = (features: Uint32Array, count: number, word: WordInfo, t1: number, t2: number) => number;

/** Online learning hook for {@link tagSequence}: gold ids and the trainer's update. */
export interface SequenceLearner {
  gold: Int32Array;
  update(features: ArrayLike<number>, count: number, truth: number, guess: number): void;
}

/**
 * Greedy left-to-right tagging of one sentence: dictionary words take their tag, the rest the
 * classifier's best given the previous predicted tags. Writes tag ids into `out`. With `learn`,
 * every classifier decision is also a training instance; the history stays the predicted one so
 * training sees the errors tagging will make.
 */
export function tagSequence(
  words: readonly WordInfo[], forms: readonly string[], classifier: HashedClassifier,
  tables: DecodeTables, out: Int32Array | number[], scratch: TagScratch, learn?: SequenceLearner,
  pick?: TagPicker,
): void {
  let t1 = START_TAG;
  let t2 = START_TAG;
  let lastVerb = NO_VERB;
  for (let i = 0; i < words.length; i++) {
    let tag = tables.tagdict.get(forms[i]!);
    if (tag === undefined) {
      const n = extractFeatures(words, i, t1, t2, lastVerb, scratch.features);
      tag = pick ? pick(scratch.features, n, words[i]!, t1, t2) : classifier.bestHashed(scratch.features, n, scratch.scores);
      if (learn) learn.update(scratch.features, n, learn.gold[i]!, tag);
    }
    out[i] = tag;
    if (tables.verbs[tag] === 1) lastVerb = words[i]!.norm;
    t2 = t1;
    t1 = tag;
  }
}

/** Parses the tag dictionary of a model into normalised form → tag id. */
export function readTagdict(json: PosModelJson, classes: readonly string[]): Map<string, number> {
  const ids = new Map(classes.map((c, i) => [c, i]));
  const dict = new Map<string, number>();
  for (const [tag, words] of Object.entries(json.tagdict)) {
    const id = ids.get(tag);
    if (id === undefined) throw new Error(`tag dictionary names unknown tag "${tag}"`);
    for (const w of words.split(' ')) if (w) dict.set(w, id);
  }
  return dict;
}

const CACHE_LIMIT = 200_000;
/** Features 0–9 of a row (bias and the word's own features) depend on the word alone. */
const SELF_FEATURES = 10;
/** Features 10–12 (t1, t2, t1+t2) depend on the tag history alone. */
const HISTORY_FEATURES = 3;

/** A trained Penn Treebank part-of-speech tagger (averaged perceptron, greedy decoding). */
export class PosTagger {
  /** The tag set, in class-id order. */
  readonly tags: readonly string[];
  private readonly model: PerceptronModel;
  private readonly tables: DecodeTables;
  private readonly json: PosModelJson;
  private readonly cache = new Map<string, WordInfo>();
  /** Quantised score sums of each cached word's own features (see {@link decode}). */
  private selfScores = new WeakMap<WordInfo, Float64Array>();
  /** Quantised score sums of the tag-history features per (previous tag, tag before). */
  private readonly historyScores = new Map<number, Float64Array>();
  private readonly scratch: TagScratch;

  private constructor(json: PosModelJson) {
    if (json.format !== 'hearsay-pos/1') throw new Error(`unsupported POS model format "${String(json.format)}"`);
    this.json = json;
    this.model = PerceptronModel.fromJSON(json.perceptron);
    this.tags = this.model.classes;
    this.tables = { tagdict: readTagdict(json, this.tags), verbs: verbMask(this.tags) };
    this.scratch = makeScratch(this.tags.length);
  }

  /** Loads a model written by the trainer. */
  static fromJSON(json: PosModelJson): PosTagger {
    return new PosTagger(json);
  }

  /** The model this tagger was loaded from. */
  toJSON(): PosModelJson {
    return this.json;
  }

  /**
   * Tags one sentence of PTB-style tokens. `quotes` gives the direction of quotation-mark tokens
   * where known (the tokenizer's `quote`); a straight `"` without one alternates open/close.
   */
  tagWords(words: readonly string[], quotes?: readonly QuoteHint[]): string[] {
    const ids = this.tagIds(words, quotes);
    const out = new Array<string>(ids.length);
    for (let i = 0; i < ids.length; i++) out[i] = this.tags[ids[i]!]!;
    return out;
  }

  /** {@link tagWords} returning tag ids (indices into {@link tags}). */
  tagIds(words: readonly string[], quotes?: readonly QuoteHint[]): Int32Array {
    const n = words.length;
    const forms = new Array<string>(n);
    const infos = new Array<WordInfo>(n);
    let open = false;
    for (let i = 0; i < n; i++) {
      let hint = quotes?.[i];
      if (hint === undefined && words[i] === '"') { hint = open ? 'close' : 'open'; open = !open; }
      const form = normalizeForm(words[i]!, hint);
      forms[i] = form;
      infos[i] = this.info(form);
    }
    const out = new Int32Array(n);
    this.decode(infos, forms, out);
    return out;
  }

  /**
   * {@link tagSequence} for inference, with the word-only features (bias and the 9 `self`
   * features, a third of each row) summed once per word type and cached: same tags, less work.
   */
  private decode(words: readonly WordInfo[], forms: readonly string[], out: Int32Array): void {
    tagSequence(words, forms, this.model, this.tables, out, this.scratch, undefined, this.pick);
  }

  /** Picks the best tag from cached word-only and tag-history sums plus the row's other features. */
  private readonly pick: TagPicker = (features, n, w, t1, t2) => {
    const { model } = this;
    const scores = this.scratch.scores;
    let base = this.selfScores.get(w);
    if (!base) {
      base = new Float64Array(this.tags.length);
      model.addQuantised(features, 0, SELF_FEATURES, base);
      this.selfScores.set(w, base);
    }
    scores.set(base);
    // Features 10–12 depend only on the previous two tags: their sums are cached per history.
    const key = t1 * 65536 + t2;
    let hist = this.historyScores.get(key);
    if (!hist) {
      hist = new Float64Array(this.tags.length);
      model.addQuantised(features, SELF_FEATURES, HISTORY_FEATURES, hist);
      this.historyScores.set(key, hist);
    }
    for (let c = 0; c < scores.length; c++) scores[c]! += hist[c]!;
    model.addQuantised(features, SELF_FEATURES + HISTORY_FEATURES, n - SELF_FEATURES - HISTORY_FEATURES, scores);
    return argmax(scores);
  };

  private info(form: string): WordInfo {
    let info = this.cache.get(form);
    if (info === undefined) {
      // A bounded cache: news vocabularies are Zipfian, so clearing rarely costs much.
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      info = wordInfo(form);
      this.cache.set(form, info);
    }
    return info;
  }
}
