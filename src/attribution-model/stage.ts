import { defineStage } from '../core/pipeline.js';
import { readsAsEnglish } from '../text/language.js';
import type { WorkingDoc } from '../core/working-doc.js';
import { AttributionModel } from './model.js';
import { ATTR_MODEL } from './model-data.js';

/** Scratch key under which {@link attributionModelStage} puts its `Attribution[]`. */
export const MODEL_ATTRIBUTIONS = 'model-attributions';

let shipped: AttributionModel | null = null;

/** The shipped attribution model, loaded on first use. */
export function defaultAttributionModel(): AttributionModel {
  return (shipped ??= AttributionModel.fromJSON(ATTR_MODEL));
}

/** Options of {@link attributionModelStage}. */
export interface AttributionModelStageOptions {
  /** A model other than the shipped one. */
  model?: AttributionModel;
}

/**
 * Runs the learned attribution model and puts its attributions (outermost only, `rule`
 * `model:attr-perceptron`, sources unresolved: `entity` null, `kind` unknown) into
 * `doc.scratch.get('model-attributions')`, for the attribution stage to merge with its rules.
 */
export const attributionModelStage = defineStage<AttributionModelStageOptions>(
  'attribution-model',
  { requires: ['tokens', 'sentences', 'quotes'], assigns: ['model-attributions'], when: readsAsEnglish },
  (options) => {
    const model = options?.model ?? defaultAttributionModel();
    return (doc: WorkingDoc) => {
      doc.scratch.set(MODEL_ATTRIBUTIONS, doc.tokens.length ? model.predict(doc, true) : []);
    };
  },
);
