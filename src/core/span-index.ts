/**
 * Span lookups that stay fast in long documents: annotations are compared with the spans near
 * them, found by binary search, instead of with every span in the document.
 */
import type { Attribution, Span } from './types.js';

/** Whether two half-open spans share a character. */
export const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/**
 * Spans sorted by start with a running maximum of their ends, so "does any span overlap x", "does
 * any span hold x" and "where does the next span start" take a binary search, not a scan.
 */
export class SpanIndex {
  private readonly starts: number[];
  private readonly maxEnd: number[];
  /** Ends in ascending order. */
  private readonly ends: number[];

  constructor(spans: readonly Span[]) {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    this.starts = sorted.map((x) => x.start);
    this.maxEnd = [];
    let m = -Infinity;
    for (const x of sorted) { m = Math.max(m, x.end); this.maxEnd.push(m); }
    this.ends = spans.map((x) => x.end).sort((a, b) => a - b);
  }

  /** Number of spans starting before `at` (or at it, with `inclusive`). */
  private before(at: number, inclusive: boolean): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.starts[mid]! < at || (inclusive && this.starts[mid] === at)) lo = mid + 1; else hi = mid; }
    return lo;
  }

  /** Whether some span shares a character with `x`. */
  overlaps(x: Span): boolean {
    const k = this.before(x.end, false);
    return k > 0 && this.maxEnd[k - 1]! > x.start;
  }

  /** The smallest start at or after `at`, or null where no span starts there. */
  firstStartFrom(at: number): number | null {
    const k = this.before(at, false);
    return k < this.starts.length ? this.starts[k]! : null;
  }

  /** The largest end at or before `at`, or null where no span ends there. */
  lastEndUntil(at: number): number | null {
    const ends = this.ends;
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (ends[mid]! <= at) lo = mid + 1; else hi = mid; }
    return lo > 0 ? ends[lo - 1]! : null;
  }

  /** Whether some span contains `x` (start ≤ x.start, end ≥ x.end). */
  holds(x: Span): boolean {
    const k = this.before(x.start, true);
    return k > 0 && this.maxEnd[k - 1]! >= x.end;
  }
}

const innerIndexes = new WeakMap<readonly { inner: Span }[], SpanIndex>();

/**
 * The inner spans of a document's quotations (`doc.quotes`) as one index, built once per list:
 * the attribution, entity, cue and voice stages all ask what lies inside quotation marks.
 */
export function quotationInners(quotes: readonly { inner: Span }[]): SpanIndex {
  let ix = innerIndexes.get(quotes);
  if (!ix) innerIndexes.set(quotes, (ix = new SpanIndex(quotes.map((q) => q.inner))));
  return ix;
}

/**
 * For entries with spans, a lookup of the entries whose span shares a character with a given span
 * (`e.start < x.end && e.end > x.start`), in the order the entries were given. Entries are sorted
 * once by start; a lookup binary-searches and scans back only as far as the longest span reaches,
 * so a long document's thousands of short spans need no pairwise comparison.
 */
export function overlappersOf<T>(entries: readonly T[], spanOf: (e: T) => Span): (x: Span) => T[] {
  const sorted = entries.map((e, i) => ({ e, i, s: spanOf(e) })).sort((a, b) => a.s.start - b.s.start || a.i - b.i);
  let longest = 0;
  for (const x of sorted) longest = Math.max(longest, x.s.end - x.s.start);
  return (x) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) { const m = (lo + hi) >> 1; if (sorted[m]!.s.start < x.end) lo = m + 1; else hi = m; }
    const hits: { e: T; i: number }[] = [];
    // An entry that ends after x.start starts after x.start - longest.
    for (let j = lo - 1; j >= 0 && sorted[j]!.s.start > x.start - longest; j--) if (sorted[j]!.s.end > x.start) hits.push(sorted[j]!);
    return hits.length < 2 ? hits.map((h) => h.e) : hits.sort((a, b) => a.i - b.i).map((h) => h.e);
  };
}

/**
 * For entries with spans, a lookup of the entries whose span contains a given span (start ≤
 * x.start, end ≥ x.end), in the order the entries were given.
 */
export function containersOf<T extends { span: Span }>(entries: readonly T[]): (x: Span) => T[] {
  const near = overlappersOf(entries, (e) => e.span);
  // The probe reaches one character back so that an empty x at a container's end is held too.
  return (x) => near({ start: x.start - 1, end: x.start + 1 }).filter((e) => e.span.start <= x.start && e.span.end >= x.end);
}

/**
 * For entries with spans, a lookup of the innermost entry whose span contains a given span (of
 * equally short ones, the first given), or null.
 */
export function innermostOf<T extends { span: Span }>(entries: readonly T[]): (x: Span) => T | null {
  const holders = containersOf(entries);
  return (x) => {
    let best: T | null = null;
    let size = Infinity;
    for (const h of holders(x)) if (h.span.end - h.span.start < size) { best = h; size = h.span.end - h.span.start; }
    return best;
  };
}

/**
 * The id of the innermost attribution whose content holds a span (of equally short contents, the
 * first in the attributions' order), or null. Stances are left out: a stance's content is the
 * outlet's own wording of what the attitude is about. So are seemings ("the plan appeared to
 * stall"): the outlet's own judgement, attributed to no one.
 */
export function innermostContent(attributions: readonly Attribution[]): (x: Span) => string | null {
  const innermost = innermostOf(attributions.flatMap((a) => (a.stance || a.rule === 'attribution:seeming' ? [] : a.content.map((span) => ({ span, id: a.id })))));
  return (x) => innermost(x)?.id ?? null;
}
