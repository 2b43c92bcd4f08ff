import { defineStage } from '../core/pipeline.js';
import { readsAsEnglish } from '../text/language.js';
import type { WorkingDoc } from '../core/working-doc.js';
import { codeEvents, type EventsOptions } from './code.js';

/**
 * Fills `doc.events` with PLOVER events: triggers from the lexicon, actor and recipient from the
 * clause around them, dates from `doc.times`, attribution from `doc.attributions`.
 * Options: `kb` (an index with the user's `--actors` file), `lexicon`.
 */
export const eventsStage = defineStage<EventsOptions>(
  'events',
  { requires: ['sentences', 'tokens', 'entities', 'attributions', 'times'], assigns: ['events'], when: readsAsEnglish },
  (options) => (doc: WorkingDoc) => {
    doc.events = codeEvents(doc, options ?? {});
  },
);
