import { defineStage } from '../core/pipeline.js';
import { readsAsEnglish } from '../text/language.js';
import type { WorkingDoc } from '../core/working-doc.js';
import type { NameTyper } from './name-types.js';
import { publish, recognizeEntities } from './recognize.js';
import { defaultNameTypeModel } from './shipped-name-types.js';

/** Options of {@link entitiesStage}. */
export interface EntitiesOptions {
  /**
   * What retypes the names the recogniser typed by its heuristics: by default the shipped name
   * typer; `null` keeps the recogniser's types (as the name typer's own training does).
   */
  nameTypes?: NameTyper | null;
}

/**
 * Entities and coreference: names (knowledge base, capitalisation, titles, organisation and
 * outlet heads, the learned name typer), government metonyms, office titles resolved through the
 * KB at the reference date, unnamed-source groups, and pronouns. Fills `doc.entities` and the
 * internal `doc.mentions`.
 */
export const entitiesStage = defineStage('entities', { requires: ['tokens', 'sentences'], assigns: ['entities', 'mentions'], when: readsAsEnglish }, (options: EntitiesOptions = {}) => {
  const typer = options.nameTypes === undefined ? defaultNameTypeModel() : options.nameTypes;
  return (doc: WorkingDoc) => {
    publish(doc, recognizeEntities(doc, typer));
  };
});
