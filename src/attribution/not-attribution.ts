import { defineStage } from '../core/pipeline.js';
import type { WorkingDoc } from '../core/working-doc.js';

const THINK_TANK = /^\s+tanks?\b/i;
const THINK = /(?:^|\s)think$/i;
const CLITIC = /^['’]s$/;
const LET_BEFORE = /\blet$/i;

/**
 * Readings no reader takes for an attribution, dropped after the models and the late finders
 * (rule `attribution:not-attribution`): "think" in "the New Democrat Network think tank" (a noun
 * the tagger read as a verb) and the "’s" of "Let’s hope …", "Let’s say …" read as a source.
 * Nested readings under a dropped one are dropped with it.
 */
export function dropNonAttributions(doc: WorkingDoc): void {
  const text = doc.text;
  const dropped = new Set<string>();
  for (const a of doc.attributions) {
    const cue = text.slice(a.cue.start, a.cue.end);
    const thinkTank = THINK.test(cue) && THINK_TANK.test(text.slice(a.cue.end, a.cue.end + 8));
    const letUs = a.source !== null && CLITIC.test(text.slice(a.source.start, a.source.end)) && LET_BEFORE.test(text.slice(Math.max(0, a.source.start - 4), a.source.start));
    if (thinkTank || letUs) dropped.add(a.id);
  }
  if (dropped.size === 0) return;
  // Readings nested in a dropped one go with it.
  for (let grew = true; grew;) {
    grew = false;
    for (const a of doc.attributions) if (a.via && dropped.has(a.via) && !dropped.has(a.id)) { dropped.add(a.id); grew = true; }
  }
  doc.attributions = doc.attributions.filter((a) => !dropped.has(a.id));
}

/** {@link dropNonAttributions} as a stage after the other attribution refiners. */
export const notAttributionStage = defineStage('not-attribution', { requires: ['attributions'], assigns: ['not-attribution'] }, () => (doc: WorkingDoc) => dropNonAttributions(doc));
