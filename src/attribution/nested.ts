import { defineStage } from '../core/pipeline.js';
import type { WorkingDoc } from '../core/working-doc.js';
import { quoteType } from './stage.js';
import { overlaps } from '../core/span-index.js';

/**
 * Refines nested attributions after their sources are resolved. A speaker reporting its own
 * speech inside its own content is one attribution, not a nest ("“I told the council no,” the
 * mayor said"; "Trump said he …" with "he" resolved to Trump): the nested one is dropped. Each
 * remaining nested content is clipped to the content holding its cue (rule
 * `attribution:nested-content`): a reader may run an inner content past the outer quotation into
 * its credit ("‘The governor told the mayor that the bridge is safe,’ a city official"). A stage
 * of its own after `attributions`, not refiners inside it, because the rule layer the shipped
 * models were trained on is the attribution stage's output and must not move with the entity
 * stage's resolution or with these cuts.
 */
export const nestedContentStage = defineStage('nested-content', { requires: ['attributions'], assigns: ['nested-content'] }, () => (doc: WorkingDoc) => {
  const all = new Map(doc.attributions.map((a) => [a.id, a]));
  doc.attributions = doc.attributions.filter((a) => {
    const p = a.via ? all.get(a.via) : undefined;
    return !(p && a.source?.entity && p.source?.entity === a.source.entity && !overlaps(a.source, p.source));
  });
  const byId = new Map(doc.attributions.map((a) => [a.id, a]));
  for (const a of doc.attributions) {
    const outer = a.via ? byId.get(a.via) : undefined;
    const holder = outer?.content.find((s) => s.start <= a.cue.start && a.cue.end <= s.end);
    if (!holder || !a.content.some((s) => s.start < holder.end && s.end > holder.end)) continue;
    let end = holder.end;
    // The outer quotation's closing mark and the comma before it close the outer content.
    while (end > a.cue.end && /[\s,’”'"]/.test(doc.text[end - 1]!)) end--;
    a.content = a.content.filter((s) => s.start < end).map((s) => (s.end > end ? { start: s.start, end } : s));
    a.quote = quoteType(doc, a.content);
    a.refinedBy = [...(a.refinedBy ?? []), 'attribution:nested-content'];
  }
});
