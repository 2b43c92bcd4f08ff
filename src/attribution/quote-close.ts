import { defineStage } from '../core/pipeline.js';
import type { Span } from '../core/types.js';
import type { WorkingDoc } from '../core/working-doc.js';

/**
 * A content that ends inside a quotation it opens runs to the closing mark (rule
 * `attribution:quote-close`): "China said it is committed to the “one country, two systems”
 * formula" was cut at the comma inside the marks, leaving "the “one country". Only a closed
 * quotation of the same sentence, that starts inside the content and that no other attribution's
 * cue lies in.
 */
export function closeQuotedContents(doc: WorkingDoc): void {
  if (doc.quotes.length === 0 || doc.attributions.length === 0) return;
  const quotes = [...doc.quotes].sort((a, b) => a.start - b.start);
  const cues = doc.attributions.map((a) => a.cue);
  for (const a of doc.attributions) {
    const last = a.content[a.content.length - 1];
    if (!last) continue;
    const q = openedInside(quotes, last);
    if (!q) continue;
    const grown: Span = { start: last.start, end: q.end };
    if (crossesSentence(doc, last.end, q.end) || cues.some((c) => c !== a.cue && c.start < grown.end && c.end > last.end)) continue;
    last.end = q.end;
    a.refinedBy = [...(a.refinedBy ?? []), 'attribution:quote-close'];
  }
}

/** The closed quotation whose opening mark lies inside `s` and whose closing mark lies after it. */
function openedInside(quotes: readonly { start: number; end: number; closed: boolean }[], s: Span): { start: number; end: number } | null {
  let lo = 0;
  let hi = quotes.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (quotes[m]!.start < s.start) lo = m + 1; else hi = m; }
  for (let k = lo; k < quotes.length && quotes[k]!.start < s.end; k++) {
    const q = quotes[k]!;
    if (q.closed && q.end > s.end) return q;
  }
  return null;
}

/** Whether a sentence ends between two offsets. */
function crossesSentence(doc: WorkingDoc, from: number, to: number): boolean {
  for (const s of doc.sentences) if (s.end > from && s.end < to) return true;
  return false;
}

/** {@link closeQuotedContents} as a stage after the models and the late finders. */
export const quoteCloseStage = defineStage('quote-close', { requires: ['attributions'], assigns: ['quote-close'] }, () => (doc: WorkingDoc) => closeQuotedContents(doc));
