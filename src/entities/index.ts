/** Entities and coreference: the `entities` stage and the source resolver the attribution stage calls. */
export { entitiesStage } from './stage.js';
export { resolveSource, kindOfType, type ResolvedSource, type SourceHint } from './resolve-source.js';
export { ENTITY_RULES } from './rules.js';
export { resolveTitle } from './recognize.js';
