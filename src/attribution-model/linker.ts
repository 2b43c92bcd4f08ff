/**
 * Groups tagged source, cue and content spans into attributions. Each content span goes to the
 * nearest cue (closest in words that are neither punctuation nor a source, same sentence
 * preferred); each cue with content takes the nearest source in its sentence.
 */
import type { Attribution, Span } from '../core/types.js';
import type { Token } from '../core/working-doc.js';
import type { TokenSpan } from './decode.js';

/** Rule name recorded on every attribution the model produces. */
export const MODEL_RULE = 'model:attr-perceptron';

/** Linker limits, in counted tokens (words that are not part of a source span). */
export interface LinkOptions {
  /** Largest gap between a content span and its cue. */
  maxContentGap?: number;
  /** Largest gap between a cue and its source. */
  maxSourceGap?: number;
  /** Keep cues for which no content was found (default false). */
  keepBareCues?: boolean;
}

const CROSS_SENTENCE = 100;

/** Links token spans into attributions (ids `m1`, `m2`, … in cue order). */
export function linkSpans(text: string, tokens: readonly Token[], spans: readonly TokenSpan[], options: LinkOptions = {}): Attribution[] {
  const maxContentGap = options.maxContentGap ?? 15;
  const maxSourceGap = options.maxSourceGap ?? 15;
  const n = tokens.length;
  // prefix[i] = counted tokens before i; a source token or punctuation does not count.
  const inSource = new Uint8Array(n);
  for (const s of spans) if (s.role === 'source') for (let i = s.from; i < s.to; i++) inSource[i] = 1;
  const prefix = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    prefix[i + 1] = prefix[i]! + (inSource[i] || t.kind === 'punct' || t.kind === 'quote' ? 0 : 1);
  }
  const sentenceOf = (i: number) => tokens[Math.min(Math.max(i, 0), n - 1)]!.sentence;
  // Gap between two token spans; crossing a sentence boundary (judged at the facing ends) costs extra.
  const gap = (a: TokenSpan, b: TokenSpan): number => {
    const [left, right] = a.from <= b.from ? [a, b] : [b, a];
    if (right.from < left.to) return 0;
    const g = prefix[right.from]! - prefix[left.to]!;
    return g + (sentenceOf(left.to - 1) !== sentenceOf(right.from) ? CROSS_SENTENCE : 0);
  };
  // Spans of punctuation alone (a stray period tagged content) carry nothing to link.
  const hasWord = (s: TokenSpan) => { for (let i = s.from; i < s.to; i++) if (tokens[i]!.kind === 'word' || tokens[i]!.kind === 'number') return true; return false; };
  const cues = spans.filter((s) => s.role === 'cue' && hasWord(s));
  const sources = spans.filter((s) => s.role === 'source' && hasWord(s));
  const contents = spans.filter((s) => s.role === 'content' && hasWord(s));
  // Counted tokens between two spans, without the sentence penalty: a lower bound of `gap` that
  // grows with distance, so only spans within reach need comparing (linear, not quadratic, in
  // long documents).
  const rawGap = (a: TokenSpan, b: TokenSpan): number => {
    const [left, right] = a.from <= b.from ? [a, b] : [b, a];
    return right.from < left.to ? 0 : prefix[right.from]! - prefix[left.to]!;
  };
  const near = (list: readonly TokenSpan[], x: TokenSpan, reach: number): TokenSpan[] => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) { const m = (lo + hi) >> 1; if (list[m]!.from < x.from) lo = m + 1; else hi = m; }
    let a = lo;
    while (a > 0 && rawGap(list[a - 1]!, x) <= reach) a--;
    let b = lo;
    while (b < list.length && rawGap(list[b]!, x) <= reach) b++;
    return list.slice(a, b);
  };
  // A content links to its best cue when the gap is at most CROSS_SENTENCE + 1 (see below), so
  // cues further away in counted tokens can never be chosen.
  const contentReach = Math.max(maxContentGap, CROSS_SENTENCE + 1);
  const contentOf = new Map<TokenSpan, TokenSpan[]>(cues.map((c) => [c, []]));
  for (const c of contents) {
    let best: TokenSpan | null = null;
    let bestGap = Infinity;
    for (const cue of near(cues, c, contentReach)) {
      const g = gap(c, cue);
      // Ties go to the cue after the content ("Y, he said. Z said …": Y belongs to "said" after it).
      if (g < bestGap || (g === bestGap && best && cue.from > c.from && best.from < c.from)) { best = cue; bestGap = g; }
    }
    if (best && (bestGap <= maxContentGap || bestGap - CROSS_SENTENCE <= 1)) contentOf.get(best)!.push(c);
  }
  const out: Attribution[] = [];
  const span = (s: TokenSpan): Span => ({ start: tokens[s.from]!.start, end: tokens[s.to - 1]!.end });
  for (const cue of cues) {
    const own = contentOf.get(cue)!;
    if (own.length === 0 && !options.keepBareCues) continue;
    let src: TokenSpan | null = null;
    let srcGap = Infinity;
    for (const s of near(sources, cue, maxSourceGap)) {
      if (own.some((c) => s.from >= c.from && s.to <= c.to)) continue;
      const g = gap(s, cue);
      if (g < srcGap) { src = s; srcGap = g; }
    }
    if (srcGap > maxSourceGap) src = null;
    const content = own.map(span).sort((a, b) => a.start - b.start);
    out.push({
      id: `m${out.length + 1}`,
      source: src ? { ...span(src), entity: null, kind: 'unknown', count: null, descriptor: null } : null,
      cue: span(cue),
      content,
      quote: quoteType(text, content),
      via: null,
      hedge: null,
      rule: MODEL_RULE,
    });
  }
  return out;
}

const OPEN = /^["\u201C\u201E\u00AB]/;
const CLOSE = /["\u201D\u00BB][.,!?]?$/;

function quoteType(text: string, content: readonly Span[]): Attribution['quote'] {
  if (content.length === 0) return 'indirect';
  let quoted = 0;
  let marks = 0;
  for (const c of content) {
    const s = text.slice(c.start, c.end).trim();
    if (OPEN.test(s) && CLOSE.test(s)) quoted++;
    if (/["\u201C\u201D\u201E\u00AB\u00BB]/.test(s)) marks++;
  }
  if (quoted === content.length) return 'direct';
  return marks ? 'mixed' : 'indirect';
}
