/**
 * Gold spans written as words a reader can check ("the 2nd 'Monday' of paragraph 3") rather than
 * offsets, and a one-to-one matching of gold and predicted spans by overlap. Shared by the time
 * and voice gold sets of our own stories.
 */
import { HearsayError } from '../core/errors.js';
import type { Span } from '../core/types.js';

/** A gold span as annotated: its exact words, the paragraph (0-based) and which occurrence there. */
export interface AnchoredSpan {
  text: string;
  paragraph: number;
  occurrence?: number;
}

/** Offsets where each paragraph starts (paragraphs are separated by a blank line). */
export function paragraphStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n\n'); i >= 0; i = text.indexOf('\n\n', i + 2)) starts.push(i + 2);
  return starts;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * The span of an anchored gold entry in the story's text: the `occurrence`-th appearance of its
 * words in its paragraph that does not start or end inside a word. Throws `GOLD_INVALID` where
 * there is none: a gold file that does not say what it means is a programmer error.
 */
export function resolveAnchor(text: string, starts: readonly number[], a: AnchoredSpan, where: string): Span {
  const from = starts[a.paragraph];
  if (from === undefined || !a.text) throw new HearsayError('GOLD_INVALID', `${where}: no paragraph ${a.paragraph} or no text`);
  const to = a.paragraph + 1 < starts.length ? starts[a.paragraph + 1]! : text.length;
  let seen = 0;
  for (let i = text.indexOf(a.text, from); i >= 0 && i + a.text.length <= to; i = text.indexOf(a.text, i + 1)) {
    const end = i + a.text.length;
    if ((WORD_CHAR.test(text[i - 1] ?? '') && WORD_CHAR.test(text[i]!)) || (WORD_CHAR.test(text[end] ?? '') && WORD_CHAR.test(text[end - 1]!))) continue;
    if (++seen === (a.occurrence ?? 1)) return { start: i, end };
  }
  throw new HearsayError('GOLD_INVALID', `${where}: "${a.text}" (occurrence ${a.occurrence ?? 1}) is not in paragraph ${a.paragraph}`);
}

/**
 * Pairs gold and predicted spans one to one, largest overlap first (ties: the earlier pair), so a
 * prediction covering two gold spans counts for one. Returns index pairs `[gold, predicted]`.
 */
export function pairByOverlap(gold: readonly Span[], predicted: readonly Span[]): [number, number][] {
  const candidates: [number, number, number][] = [];
  for (const [gi, g] of gold.entries()) {
    for (const [pi, p] of predicted.entries()) {
      const overlap = Math.min(g.end, p.end) - Math.max(g.start, p.start);
      if (overlap > 0) candidates.push([overlap, gi, pi]);
    }
  }
  candidates.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const out: [number, number][] = [];
  for (const [, gi, pi] of candidates) {
    if (usedG.has(gi) || usedP.has(pi)) continue;
    usedG.add(gi);
    usedP.add(pi);
    out.push([gi, pi]);
  }
  return out.sort((x, y) => x[0] - y[0]);
}

/** A span in its sentence for an error list: up to 60 characters each side, the span in brackets, on one line. */
export function inContext(text: string, s: Span): string {
  const from = Math.max(0, s.start - 60);
  const to = Math.min(text.length, s.end + 60);
  return `${text.slice(from, s.start)}[${text.slice(s.start, s.end)}]${text.slice(s.end, to)}`.replace(/\s+/g, ' ');
}
