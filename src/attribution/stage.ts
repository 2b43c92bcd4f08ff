import { defineStage } from '../core/pipeline.js';
import { registerRules } from '../core/rules.js';
import type { Attribution, QuoteType, Source, Span } from '../core/types.js';
import type { WorkingDoc } from '../core/working-doc.js';
import { findInWindow, windowOf, type Candidate } from './find.js';
import { CUE_BY_FORM } from './lexicon.js';
import { ATTRIBUTION_RULES } from './rules.js';

registerRules('attribution', ATTRIBUTION_RULES);

/** Types and resolves a source span; the entity layer provides the real one. */
export type SourceResolver = (doc: WorkingDoc, span: Span, hint?: { country?: string | null }) => Omit<Source, 'start' | 'end'>;

/** Options of {@link attributionsStage}. */
export interface AttributionOptions {
  resolveSource?: SourceResolver;
}

const inside = (s: Span, outer: Span): boolean => s.start >= outer.start && s.end <= outer.end;
const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** Whether a content span is direct (all within quote marks), mixed (some quoted words), or indirect. */
export function quoteType(doc: WorkingDoc, content: readonly Span[]): QuoteType {
  let quoted = 0;
  let words = 0;
  for (const c of content) {
    for (const t of tokensIn(doc, c)) {
      if (t.kind !== 'word' && t.kind !== 'number') continue;
      words++;
      if (doc.quotes.some((q) => t.start >= q.inner.start && t.end <= q.inner.end)) quoted++;
    }
  }
  if (quoted === 0) return 'indirect';
  return quoted === words ? 'direct' : 'mixed';
}

function tokensIn(doc: WorkingDoc, s: Span) {
  const toks = doc.tokens;
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (toks[m]!.end <= s.start) lo = m + 1; else hi = m; }
  const out = [];
  for (let i = lo; i < toks.length && toks[i]!.start < s.end; i++) out.push(toks[i]!);
  return out;
}

/** Extends content that opens a quotation running past the sentence to the quotation's end. */
function extendQuotes(doc: WorkingDoc, c: Candidate): void {
  const first = c.content[0];
  if (!first) return;
  // Content ending at a closing mark whose quotation opened sentences earlier starts there.
  for (const q of doc.quotes) {
    if (q.end === first.end && q.start < first.start && q.marks === 'double' || (q.end === first.end && q.start < first.start && first.start - q.start < 2000)) {
      first.start = q.start;
      break;
    }
  }
  const last = c.content[c.content.length - 1]!;
  for (const q of doc.quotes) {
    if (q.start >= first.start && q.start < last.end && q.end > last.end) {
      last.end = q.end;
    }
  }
}

/**
 * Quoted sentences right after a quote-bearing attribution, in the same paragraph and with no cue
 * of their own, continue the speaker's content (“A,” she said. “B.”).
 */
function continueQuotes(doc: WorkingDoc, cands: Candidate[]): void {
  const cued = new Set(cands.map((c) => c.sentence));
  for (const c of cands) {
    if (!c.content.some((s) => doc.quotes.some((q) => inside(q, { start: s.start, end: s.end + 1 }) || (q.start >= s.start && q.start < s.end)))) continue;
    let si = c.sentence + 1;
    let lastEnd = Math.max(...c.content.map((s) => s.end), c.cue.end, c.source?.end ?? 0);
    while (si < doc.sentences.length) {
      const s = doc.sentences[si]!;
      if (cued.has(si) || /\n/.test(doc.text.slice(lastEnd, s.start))) break;
      const q = doc.quotes.find((x) => x.start === s.start && x.end >= s.end - 1);
      if (!q) break;
      c.content.push({ start: q.start, end: Math.max(q.end, s.end) });
      lastEnd = s.end;
      si++;
    }
  }
}

/** Minimal source typing used until an entity layer supplies a resolver. */
const plainResolver: SourceResolver = (doc, span) => {
  const t = doc.slice(span).toLowerCase();
  const kind = /\b(?:officials?|sources?|aides?|diplomats?|people)\b/.test(t) ? 'anonymous'
    : /\b(?:report|letter|post|statement|study|poll)s?\b/.test(t) ? 'document' : 'unknown';
  return { entity: null, kind, count: null, descriptor: null };
};

/**
 * Attribution extraction: candidate finders per sentence (cue verbs, "according to", participial
 * and inverted orders), then ordered refiners: quotation extension, continuation quotes, dedupe,
 * nesting through `via`, self-report pruning, quote type and source resolution.
 */
export const attributionsStage = defineStage<AttributionOptions>(
  'attributions',
  { requires: ['tokens', 'sentences', 'quotes'], assigns: ['attributions'] },
  (options) => (doc: WorkingDoc) => {
    const resolve = options?.resolveSource ?? plainResolver;
    const body = doc.body;
    const cands: Candidate[] = [];
    let ti = 0;
    for (let si = 0; si < doc.sentences.length; si++) {
      const s = doc.sentences[si]!;
      if (!body.some((b) => s.start >= b.start && s.end <= b.end)) continue;
      while (ti < doc.tokens.length && doc.tokens[ti]!.start < s.start) ti++;
      let tj = ti;
      let hasCue = false;
      while (tj < doc.tokens.length && doc.tokens[tj]!.end <= s.end) {
        const lw = doc.tokens[tj]!.text.toLowerCase();
        if (!hasCue && (CUE_BY_FORM.has(lw) || lw === 'according')) hasCue = true;
        tj++;
      }
      if (!hasCue) continue;
      cands.push(...findInWindow(windowOf(doc.tokens.slice(ti, tj), ti, si)));
    }
    for (const c of cands) extendQuotes(doc, c);
    continueQuotes(doc, cands);
    // Dedupe: one attribution per cue.
    const byCue = new Map<number, Candidate>();
    for (const c of cands) {
      const prev = byCue.get(c.cue.start);
      if (!prev || (!prev.source && c.source)) byCue.set(c.cue.start, c);
    }
    const kept = [...byCue.values()].sort((a, b) => a.cue.start - b.cue.start);
    const atts: Attribution[] = kept.map((c, k) => {
      const src: Source | null = c.source ? { ...c.source, ...resolve(doc, c.source) } : null;
      return {
        id: `a${k + 1}`,
        source: src,
        cue: c.cue,
        content: c.content,
        quote: quoteType(doc, c.content),
        via: null,
        hedge: c.hedge,
        rule: `attribution:${c.rule}`,
      };
    });
    // Nesting: the innermost other attribution whose content holds this cue.
    for (const a of atts) {
      let best: Attribution | null = null;
      for (const b of atts) {
        if (b === a) continue;
        if (!b.content.some((s) => inside(a.cue, s))) continue;
        if (a.content.some((s) => inside(b.cue, s))) continue;
        if (a.content.some((s) => b.content.some((bs) => inside(bs, s) && bs.end - bs.start > s.end - s.start))) continue;
        const size = (x: Attribution) => x.content.reduce((n, s) => n + s.end - s.start, 0);
        if (!best || size(b) < size(best)) best = b;
      }
      if (best) a.via = best.id;
    }
    // A speaker reporting its own speech inside its own content is one attribution, not a nest.
    const byId = new Map(atts.map((a) => [a.id, a]));
    const out = atts.filter((a) => {
      if (!a.via) return true;
      const p = byId.get(a.via)!;
      return !(a.source?.entity && p.source?.entity === a.source.entity && !overlaps(a.source, p.source));
    });
    doc.attributions = out;
  },
);
