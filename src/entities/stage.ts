import { defineStage } from '../core/pipeline.js';
import { readsAsEnglish } from '../text/language.js';
import type { WorkingDoc } from '../core/working-doc.js';
import { publish, recognizeEntities } from './recognize.js';

/**
 * Entities and coreference: names (knowledge base, capitalisation, titles, organisation and
 * outlet heads), government metonyms, office titles resolved through the KB at the reference
 * date, unnamed-source groups, and pronouns. Fills `doc.entities` and the internal `doc.mentions`.
 */
export const entitiesStage = defineStage('entities', { requires: ['tokens', 'sentences'], assigns: ['entities', 'mentions'], when: readsAsEnglish }, () => (doc: WorkingDoc) => {
  publish(doc, recognizeEntities(doc));
});
