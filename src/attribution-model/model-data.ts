import type { AttributionModelJson } from './model.js';
/** Placeholder until `hearsay train attributions` writes the shipped model. */
export const ATTR_MODEL: AttributionModelJson = { format: 'hearsay-attr/1', source: 'placeholder', usePos: false, cueWords: [], transitions: [], link: {}, perceptron: { format: 'hearsay-perceptron/1', classes: [], quantum: 1, features: 0, weights: 0, data: '' } };
