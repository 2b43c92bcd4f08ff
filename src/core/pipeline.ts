import { HearsayError } from './errors.js';
import type { WorkingDoc } from './working-doc.js';

/** A stage run: reads the layers it requires, assigns the layers it declares. */
export type StageFn = (doc: WorkingDoc) => void;

/** A built stage: a function with its declared contract. */
export interface Stage {
  readonly name: string;
  readonly requires: readonly string[];
  readonly assigns: readonly string[];
  /** Runs the stage only on documents where this holds (e.g. English text); others keep the layers empty. */
  readonly when?: (doc: WorkingDoc) => boolean;
  readonly run: StageFn;
}

/** A named stage factory `(options) => stage`. */
export type StageFactory<O = undefined> = (options?: O) => Stage;

/**
 * Declares a stage factory. The factory's contract is checked when a pipeline is built, so a
 * misordered pipeline fails before any document runs.
 */
export function defineStage<O = undefined>(
  name: string,
  contract: { requires: readonly string[]; assigns: readonly string[]; when?: (doc: WorkingDoc) => boolean },
  make: (options: O | undefined) => StageFn,
): StageFactory<O> {
  return (options?: O) => ({ name, requires: contract.requires, assigns: contract.assigns, ...(contract.when ? { when: contract.when } : {}), run: make(options) });
}

/** An ordered, validated list of stages. */
export interface Pipeline {
  readonly stages: readonly Stage[];
  run(doc: WorkingDoc): WorkingDoc;
}

/**
 * Builds a pipeline, throwing `PIPELINE_ORDER` when a stage requires a layer no earlier stage
 * assigns, and `PIPELINE_DUPLICATE` when a stage name repeats.
 */
export function createPipeline(stages: readonly Stage[], initial: readonly string[] = ['text', 'meta', 'body']): Pipeline {
  const have = new Set(initial);
  const names = new Set<string>();
  for (const s of stages) {
    if (names.has(s.name)) throw new HearsayError('PIPELINE_DUPLICATE', `stage "${s.name}" appears twice`);
    names.add(s.name);
    for (const r of s.requires) {
      if (!have.has(r)) {
        throw new HearsayError('PIPELINE_ORDER', `stage "${s.name}" requires "${r}", which no earlier stage assigns`);
      }
    }
    for (const a of s.assigns) have.add(a);
  }
  return {
    stages,
    run(doc) {
      const skip = new Set(doc.options.skip ?? []);
      const onStage = doc.options.onStage;
      for (let i = 0; i < stages.length; i++) {
        const s = stages[i]!;
        if (skip.has(s.name)) continue;
        onStage?.(s.name, i + 1, stages.length);
        // A stage its guard turns away leaves its layers as they are (empty), but they count as
        // assigned: later stages read empty layers, not missing ones.
        if (!s.when || s.when(doc)) s.run(doc);
        for (const a of s.assigns) doc.layers.add(a);
      }
      return doc;
    },
  };
}
