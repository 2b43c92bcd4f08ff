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

/** Chooses a tag from a feature row of word `i`; lets inference reuse cached partial scores. */
export type TagPicker = (features: Uint32Array, count: number, word: WordInfo, t1: number, t2: number, i: number) => number;

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
  pick?: TagPicker, known?: Int32Array,
): void {
  let t1 = START_TAG;
  let t2 = START_TAG;
  let lastVerb = NO_VERB;
  for (let i = 0; i < words.length; i++) {
    // `known` holds the dictionary lookups already made by the caller (-1: not in the dictionary).
    let tag = known ? (known[i]! >= 0 ? known[i]! : undefined) : tables.tagdict.get(forms[i]!);
    if (tag === undefined) {
      const n = extractFeatures(words, i, t1, t2, lastVerb, scratch.features);
      tag = pick ? pick(scratch.features, n, words[i]!, t1, t2, i) : classifier.bestHashed(scratch.features, n, scratch.scores);
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

/** What the tagger keeps per normalised word type: one lookup per token finds all of it. */
interface WordEntry {
  info: WordInfo;
  /** Dictionary tag id, or -1 for words the classifier tags. */
  tag: number;
  /**
   * Where the quantised score sums of the word's own features start in the tagger's `selfSums`
   * (one per tag), filled on the first classifier decision; -1 before.
   */
  selfAt: number;
}

/** A trained Penn Treebank part-of-speech tagger (averaged perceptron, greedy decoding). */
export class PosTagger {
  /** The tag set, in class-id order. */
  readonly tags: readonly string[];
  private readonly model: PerceptronModel;
  private readonly tables: DecodeTables;
  private readonly json: PosModelJson;
  private readonly cache = new Map<string, WordEntry>();
  /**
   * The cached words' self sums, one row per word the classifier has tagged, in one array: a
   * typed array per word cost about 600 bytes in objects and a separate allocation for 400 bytes
   * of sums. The sums are integers below 2^24 in magnitude (ten features, each weight under
   * 2^19), so int32 holds them exactly and the scores are the same.
   */
  private selfSums = new Int32Array(0);
  private selfRows = 0;
  /**
   * Quantised score sums of the tag-history features per (previous tag, tag before), indexed
   * `h(t1) * (tags + 1) + h(t2)` where `h` maps {@link START_TAG} to `tags`.
   */
  private readonly historyScores: (Float64Array | undefined)[];
  private readonly scratch: TagScratch;
  /** The entries of the sentence being decoded, for {@link pick}. */
  private entries: WordEntry[] = [];

  private constructor(json: PosModelJson) {
    if (json.format !== 'hearsay-pos/1') throw new Error(`unsupported POS model format "${String(json.format)}"`);
    this.json = json;
    this.model = PerceptronModel.fromJSON(json.perceptron);
    this.tags = this.model.classes;
    this.tables = { tagdict: readTagdict(json, this.tags), verbs: verbMask(this.tags) };
    this.scratch = makeScratch(this.tags.length);
    this.historyScores = new Array<Float64Array | undefined>((this.tags.length + 1) ** 2).fill(undefined);
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
    const entries = new Array<WordEntry>(n);
    const known = new Int32Array(n);
    // A bounded cache: news vocabularies are Zipfian, so clearing rarely costs much. It is cleared
    // only here, between sentences, because entries looked up below point into `selfSums`.
    if (this.cache.size + n > CACHE_LIMIT) {
      this.cache.clear();
      this.selfSums = new Int32Array(0);
      this.selfRows = 0;
    }
    let open = false;
    for (let i = 0; i < n; i++) {
      let hint = quotes?.[i];
      if (hint === undefined && words[i] === '"') { hint = open ? 'close' : 'open'; open = !open; }
      const form = normalizeForm(words[i]!, hint);
      forms[i] = form;
      const e = this.entry(form);
      entries[i] = e;
      infos[i] = e.info;
      known[i] = e.tag;
    }
    const out = new Int32Array(n);
    this.entries = entries;
    tagSequence(infos, forms, this.model, this.tables, out, this.scratch, undefined, this.pick, known);
    this.entries = [];
    return out;
  }

  /**
   * Picks the best tag from cached word-only and tag-history sums plus the row's other features:
   * {@link tagSequence} for inference with the word-only features (bias and the 9 `self`
   * features, a third of each row) summed once per word type, so the same tags for less work.
   * The sums are exact integers, so their order does not change the argmax.
   */
  private readonly pick: TagPicker = (features, n, _w, t1, t2, i) => {
    const { model } = this;
    const classes = this.tags.length;
    const scores = this.scratch.scores;
    const entry = this.entries[i]!;
    if (entry.selfAt < 0) {
      scores.fill(0);
      model.addQuantised(features, 0, SELF_FEATURES, scores);
      entry.selfAt = this.addSelfRow(scores);
    }
    const base = this.selfSums;
    const at = entry.selfAt;
    // Features 10–12 depend only on the previous two tags: their sums are cached per history.
    const key = (t1 === START_TAG ? classes : t1) * (classes + 1) + (t2 === START_TAG ? classes : t2);
    let hist = this.historyScores[key];
    if (!hist) {
      hist = new Float64Array(classes);
      model.addQuantised(features, SELF_FEATURES, HISTORY_FEATURES, hist);
      this.historyScores[key] = hist;
    }
    for (let c = 0; c < classes; c++) scores[c] = base[at + c]! + hist[c]!;
    model.addQuantised(features, SELF_FEATURES + HISTORY_FEATURES, n - SELF_FEATURES - HISTORY_FEATURES, scores);
    return argmax(scores);
  };

  /** Appends a row of self sums to `selfSums` (doubling it when full); returns where it starts. */
  private addSelfRow(sums: Float64Array): number {
    const classes = this.tags.length;
    const at = this.selfRows * classes;
    if (at + classes > this.selfSums.length) {
      const grown = new Int32Array(Math.max(1024 * classes, this.selfSums.length * 2));
      grown.set(this.selfSums.subarray(0, at));
      this.selfSums = grown;
    }
    for (let c = 0; c < classes; c++) this.selfSums[at + c] = sums[c]!;
    this.selfRows++;
    return at;
  }

  private entry(form: string): WordEntry {
    let e = this.cache.get(form);
    if (e === undefined) {
      e = { info: wordInfo(form), tag: this.tables.tagdict.get(form) ?? -1, selfAt: -1 };
      this.cache.set(form, e);
    }
    return e;
  }
}
