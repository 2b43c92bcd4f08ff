/**
 * Training the name typer (`hearsay train names`) on CoreNLP's silver name layer of PolNeAR: each
 * name mention of an entity the recogniser typed by its heuristics is an example labelled with the
 * silver class of the same span ({@link withoutTitles}), or NONE. Pure: the CLI reads the files.
 */
import { analyzeToWorkingDoc } from '../analyze.js';
import { createPipeline, type Pipeline } from '../core/pipeline.js';
import type { EntityType } from '../core/types.js';
import { COMPATIBLE_CLASSES, withoutTitles, type TypedSpan } from '../eval/entities.js';
import { AveragedPerceptron, type FinalizeOptions, type SeededEpochTrainOptions } from '../model/perceptron.js';
import { mulberry32, shuffleInPlace } from '../model/prng.js';
import { posStage } from '../pos/stage.js';
import { segmentStage } from '../text/segment.js';
import { CLASS_TYPES, currentClass, NAME_CLASSES, NameTypeModel, type NameClass, type NameTypeInput, type NameTypesJson } from './name-types.js';
import { entitiesStage } from './stage.js';

/** One article: its text and the silver names of its CoreNLP layer. */
export interface NameTypeArticle {
  text: string;
  silver: readonly TypedSpan[];
}

/** One entity the typer sees: its mentions' features and silver labels, and the recogniser's type. */
export interface NameTypeExample {
  features: number[][];
  labels: NameClass[];
  type: EntityType;
  current: NameClass;
}

/**
 * The examples of an article set: the recogniser runs with the typer replaced by a recorder, so
 * the examples never depend on a shipped model.
 */
export function nameTypeExamples(articles: readonly NameTypeArticle[]): NameTypeExample[] {
  let seen: NameTypeInput[] = [];
  const pipeline: Pipeline = createPipeline([segmentStage(), posStage(), entitiesStage({ nameTypes: { retype: (xs) => { seen.push(...xs); } } })]);
  const out: NameTypeExample[] = [];
  for (const a of articles) {
    seen = [];
    analyzeToWorkingDoc(a.text, { inputType: 'text' }, pipeline);
    const silver = new Map(a.silver.map((s) => [`${s.start}:${s.end}`, s.type]));
    for (const x of seen) {
      const labels = x.mentions.map((m) => {
        const w = withoutTitles(a.text, m);
        const cls = silver.get(`${w.start}:${w.end}`);
        return (NAME_CLASSES as readonly string[]).includes(cls ?? '') ? (cls as NameClass) : 'NONE';
      });
      out.push({ features: x.features, labels, type: x.info.entity.type, current: currentClass(x.info) });
    }
  }
  return out;
}

/** Types of an example set as a model (or, with `null`, the recogniser) leaves them. */
function typesUnder(model: NameTypeModel | null, examples: readonly NameTypeExample[]): EntityType[] {
  return examples.map((e) => {
    if (!model) return e.type;
    const cls = model.classify(e.features, e.current);
    return cls === e.current ? e.type : CLASS_TYPES[cls] ?? e.type;
  });
}

/**
 * Name mentions whose entity type agrees with their silver class (as `hearsay eval entities`
 * counts typed agreement), under a model or, with `null`, the recogniser's own types.
 */
export function nameTypeAgreement(model: NameTypeModel | null, examples: readonly NameTypeExample[]): { agree: number; mentions: number; retyped: number } {
  const types = typesUnder(model, examples);
  let agree = 0;
  let mentions = 0;
  let retyped = 0;
  examples.forEach((e, i) => {
    const t = types[i]!;
    if (t !== e.type) retyped++;
    for (const l of e.labels) {
      mentions++;
      if (COMPATIBLE_CLASSES[t].includes(l)) agree++;
    }
  });
  return { agree, mentions, retyped };
}

/** Options of {@link trainNameTypes}; `select` scores a candidate on dev (higher is better). */
export interface TrainNameTypeOptions extends SeededEpochTrainOptions<NameTypeModel> {
  finalize?: FinalizeOptions;
}

/**
 * Trains the typer: an averaged perceptron over single mentions (shuffled by `seed` each epoch,
 * so runs are deterministic), keeping the epoch `select` scores best.
 */
export function trainNameTypes(train: readonly NameTypeExample[], options: TrainNameTypeOptions): { model: NameTypesJson; bestEpoch: number; score: number } {
  const epochs = options.epochs ?? 8;
  const random = mulberry32(options.seed ?? 1);
  const p = new AveragedPerceptron(NAME_CLASSES);
  const items: [number[], number][] = [];
  for (const e of train) e.features.forEach((f, i) => items.push([f, NAME_CLASSES.indexOf(e.labels[i]!)]));
  let best: { score: number; epoch: number; json: NameTypesJson } | null = null;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    shuffleInPlace(items, random);
    let right = 0;
    for (const [f, label] of items) {
      const guess = p.bestHashed(f, f.length);
      if (guess === label) right++;
      // Called for every example (it advances the averaging clock), changing weights on mistakes.
      p.updateHashed(f, f.length, label, guess);
    }
    const json: NameTypesJson = { format: 'hearsay-name-types/1', source: options.source ?? 'PolNeAR train, CoreNLP silver names', perceptron: p.finalize(options.finalize).toJSON() };
    const score = options.select(NameTypeModel.fromJSON(json));
    options.onProgress?.(`names epoch ${epoch}: train mentions ${(100 * right / Math.max(1, items.length)).toFixed(2)} %; dev ${score.toFixed(2)}; ${json.perceptron.weights} weights`);
    if (!best || score > best.score) best = { score, epoch, json };
  }
  return { model: best!.json, bestEpoch: best!.epoch, score: best!.score };
}

/** Defaults of `hearsay train names`, which the shipped model was trained with. */
export const NAME_TYPES_DEFAULTS = { epochs: 8, seed: 1 } as const;

/**
 * `hearsay train names`: trains on PolNeAR train's examples and keeps the epoch under which most
 * dev name mentions agree with their silver class.
 */
export function trainNameTypesOnSplits(train: readonly NameTypeExample[], dev: readonly NameTypeExample[], options: { epochs?: number; seed?: number; onProgress?: (line: string) => void } = {}): ReturnType<typeof trainNameTypes> {
  const epochs = options.epochs ?? NAME_TYPES_DEFAULTS.epochs;
  const seed = options.seed ?? NAME_TYPES_DEFAULTS.seed;
  return trainNameTypes(train, {
    epochs, seed,
    source: `PolNeAR train, CoreNLP silver names (${train.length} entities); epochs ${epochs}, seed ${seed}`,
    select: (m) => nameTypeAgreement(m, dev).agree,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}
