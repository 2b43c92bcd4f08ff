import { AveragedPerceptron } from '../model/perceptron.js';
import type { FinalizeOptions, PerceptronModel } from '../model/perceptron.js';
import { mulberry32, shuffleInPlace } from '../model/prng.js';
import type { TaggedSentence } from './conllu.js';
import { wordInfo } from './features.js';
import type { WordInfo } from './features.js';
import { makeScratch, tagSequence, verbMask } from './tagger.js';
import type { DecodeTables, PosModelJson } from './tagger.js';

/** Options of {@link trainPosTagger}. */
export interface TrainPosOptions {
  /** Training epochs (default 10); the epoch with the best dev accuracy is kept. */
  iterations?: number;
  /** Shuffling seed (default 1). */
  seed?: number;
  /** Pruning and quantisation of the shipped weights. */
  finalize?: FinalizeOptions;
  /** Minimum count and share for a word to enter the tag dictionary (default 20, 0.97). */
  tagdictMinCount?: number;
  tagdictMinShare?: number;
  /** Recorded in the model's `source`. */
  source?: string;
  /** Receives one progress line per epoch. */
  onProgress?: (line: string) => void;
}

/** One epoch's figures. */
export interface EpochReport {
  iteration: number;
  trainAccuracy: number;
  devAccuracy: number;
}

/** What {@link trainPosTagger} returns. */
export interface TrainPosResult {
  model: PosModelJson;
  devAccuracy: number;
  bestIteration: number;
  history: EpochReport[];
}

interface Prepared {
  infos: WordInfo[];
  forms: string[];
  gold: Int32Array;
}

/**
 * Trains the greedy averaged-perceptron tagger on gold-tagged sentences, selecting the epoch by
 * accuracy on `dev`. Pure and deterministic: same data, options and seed give the same model.
 */
export function trainPosTagger(train: readonly TaggedSentence[], dev: readonly TaggedSentence[], options: TrainPosOptions = {}): TrainPosResult {
  const iterations = options.iterations ?? 10;
  const log = options.onProgress ?? (() => {});
  const tags = [...new Set(train.flatMap((s) => s.tags))].sort();
  const tagId = new Map(tags.map((t, i) => [t, i]));
  const tagdictWords = buildTagdict(train, options.tagdictMinCount ?? 20, options.tagdictMinShare ?? 0.97);
  const tables: DecodeTables = { tagdict: new Map([...tagdictWords].map(([w, t]) => [w, tagId.get(t)!])), verbs: verbMask(tags) };
  const infoCache = new Map<string, WordInfo>();
  const prep = (s: TaggedSentence): Prepared => ({
    forms: s.words,
    infos: s.words.map((w) => {
      let info = infoCache.get(w);
      if (!info) { info = wordInfo(w); infoCache.set(w, info); }
      return info;
    }),
    // Dev may hold tags unseen in train; -1 never matches a prediction.
    gold: Int32Array.from(s.tags, (t) => tagId.get(t) ?? -1),
  });
  const trainSet = train.map(prep);
  const devSet = dev.map(prep);

  const perceptron = new AveragedPerceptron(tags);
  const random = mulberry32(options.seed ?? 1);
  const order = trainSet.map((_, i) => i);
  const scratch = makeScratch(tags.length);
  const update = perceptron.updateHashed.bind(perceptron);
  const history: EpochReport[] = [];
  let best: { json: PosModelJson['perceptron']; acc: number; iteration: number } | null = null;
  for (let it = 1; it <= iterations; it++) {
    shuffleInPlace(order, random);
    let correct = 0;
    let total = 0;
    for (const idx of order) {
      const s = trainSet[idx]!;
      const out = new Int32Array(s.infos.length);
      tagSequence(s.infos, s.forms, perceptron, tables, out, scratch, { gold: s.gold, update });
      for (let i = 0; i < out.length; i++) if (out[i] === s.gold[i]) correct++;
      total += out.length;
    }
    const frozen = perceptron.finalize(options.finalize);
    const devAcc = accuracy(devSet, frozen, tables);
    history.push({ iteration: it, trainAccuracy: correct / total, devAccuracy: devAcc });
    log(`epoch ${it}/${iterations}: train ${(100 * correct / total).toFixed(2)}%  dev ${(100 * devAcc).toFixed(2)}%  features ${frozen.featureCount}  weights ${frozen.weightCount}`);
    if (!best || devAcc > best.acc) best = { json: frozen.toJSON(), acc: devAcc, iteration: it };
  }
  return {
    model: {
      format: 'hearsay-pos/1', source: options.source ?? 'unspecified',
      tagdict: groupByValue(tagdictWords), perceptron: best!.json,
    },
    devAccuracy: best!.acc,
    bestIteration: best!.iteration,
    history,
  };
}

function accuracy(set: readonly Prepared[], model: PerceptronModel, tables: DecodeTables): number {
  const scratch = makeScratch(model.classes.length);
  let correct = 0;
  let total = 0;
  for (const s of set) {
    const out = new Int32Array(s.infos.length);
    tagSequence(s.infos, s.forms, model, tables, out, scratch);
    for (let i = 0; i < out.length; i++) if (out[i] === s.gold[i]) correct++;
    total += out.length;
  }
  return total ? correct / total : 0;
}

/** Inverts word → label into label → space-joined words, in a stable (sorted) order. */
function groupByValue(map: ReadonlyMap<string, string>): Record<string, string> {
  const groups = new Map<string, string[]>();
  for (const [w, v] of map) {
    let g = groups.get(v);
    if (!g) { g = []; groups.set(v, g); }
    g.push(w);
  }
  const out: Record<string, string> = {};
  for (const v of [...groups.keys()].sort()) out[v] = groups.get(v)!.sort().join(' ');
  return out;
}

function countTags(train: readonly TaggedSentence[]): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const s of train) {
    for (let i = 0; i < s.words.length; i++) {
      const w = s.words[i]!;
      let m = counts.get(w);
      if (!m) { m = new Map(); counts.set(w, m); }
      m.set(s.tags[i]!, (m.get(s.tags[i]!) ?? 0) + 1);
    }
  }
  return counts;
}

/** Frequent words seen with one tag nearly always; tagged by lookup, never by the model. */
function buildTagdict(train: readonly TaggedSentence[], minCount: number, minShare: number): Map<string, string> {
  const dict = new Map<string, string>();
  for (const [w, m] of countTags(train)) {
    if (w.includes(' ')) continue;
    let total = 0;
    let bestTag = '';
    let bestCount = 0;
    for (const [t, c] of [...m].sort()) { total += c; if (c > bestCount) { bestCount = c; bestTag = t; } }
    if (total >= minCount && bestCount / total >= minShare) dict.set(w, bestTag);
  }
  return dict;
}

/** Accuracy of a tagger function on gold sentences (for tests and reports). */
export function evaluateTagger(sentences: readonly TaggedSentence[], tag: (words: string[]) => string[]): { correct: number; total: number; accuracy: number } {
  let correct = 0;
  let total = 0;
  for (const s of sentences) {
    const out = tag(s.words);
    for (let i = 0; i < out.length; i++) if (out[i] === s.tags[i]) correct++;
    total += s.words.length;
  }
  return { correct, total, accuracy: total ? correct / total : 0 };
}
