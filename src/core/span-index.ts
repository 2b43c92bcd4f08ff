/**
 * Span lookups that stay fast in long documents: annotations are compared with the spans near
 * them, found by binary search, instead of with every span in the document.
 */
import type { Span } from './types.js';

/**
 * Spans sorted by start with a running maximum of their ends, so "does any span overlap x" and
 * "does any span hold x" take a binary search, not a scan.
 */
export class SpanIndex {
  private readonly starts: number[];
  private readonly maxEnd: number[];

  constructor(spans: readonly Span[]) {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    this.starts = sorted.map((x) => x.start);
    this.maxEnd = [];
    let m = -Infinity;
    for (const x of sorted) { m = Math.max(m, x.end); this.maxEnd.push(m); }
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

  /** Whether some span contains `x` (start ≤ x.start, end ≥ x.end). */
  holds(x: Span): boolean {
    const k = this.before(x.start, true);
    return k > 0 && this.maxEnd[k - 1]! >= x.end;
  }
}

/**
 * For entries with spans, a lookup of the entries whose span contains a given span, in the order
 * the entries were given. The scan back from the binary-search point is bounded by the longest
 * span, so thousands of short spans need no pairwise comparison.
 */
export function containersOf<T extends { span: Span }>(entries: readonly T[]): (x: Span) => T[] {
  const sorted = entries.map((e, i) => ({ e, i })).sort((a, b) => a.e.span.start - b.e.span.start || a.i - b.i);
  let longest = 0;
  for (const s of sorted) longest = Math.max(longest, s.e.span.end - s.e.span.start);
  return (x) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) { const m = (lo + hi) >> 1; if (sorted[m]!.e.span.start <= x.start) lo = m + 1; else hi = m; }
    const hits: { e: T; i: number }[] = [];
    for (let j = lo - 1; j >= 0 && sorted[j]!.e.span.start >= x.start - longest; j--) {
      if (sorted[j]!.e.span.end >= x.end) hits.push(sorted[j]!);
    }
    return hits.sort((a, b) => a.i - b.i).map((h) => h.e);
  };
}
