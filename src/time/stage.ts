import { defineStage } from '../core/pipeline.js';
import type { WorkingDoc } from '../core/working-doc.js';
import { normalizeTimes } from './normalize.js';

/**
 * Fills `doc.times` with normalised time expressions (ids `t1`, `t2`…) against the reference
 * date (the page date, else the `--date` option). Without one, deictic expressions stay
 * unresolved with a reason, and an info message says so.
 */
export const timesStage = defineStage('times', { requires: ['sentences', 'tokens'], assigns: ['times'] }, () => (doc: WorkingDoc) => {
  const ref = doc.referenceDate();
  doc.times = normalizeTimes(doc.text, doc.tokens, ref);
  if (!ref && doc.times.some((t) => t.value === null && t.reason?.startsWith('no reference date'))) {
    doc.message('info', 'times/no-reference-date', 'relative dates left unresolved: the page states no date and no --date was given');
  }
});
