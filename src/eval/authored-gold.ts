/**
 * Gold attributions written by hand for texts of our own, in a form a person can read and review:
 * each attribution names its cue inside a short anchor phrase, and its source and content as
 * words of the anchor's paragraph. {@link resolveAuthored} turns that into spans and
 * {@link toBrat} into the PolNeAR layout, so `hearsay eval attributions` scores our texts with
 * the same code as PolNeAR. Pure: the files are read and written by the caller.
 */
import { HearsayError } from '../core/errors.js';
import type { Span } from '../core/types.js';
import type { GoldAttribution } from './polnear.js';

/** One attribution as written: every string is copied from the text. */
export interface AuthoredAttribution {
  /** A phrase that occurs once in the whole text and holds the cue. */
  near: string;
  /** The cue, inside `near` (its first occurrence there). */
  cue: string;
  /** The source, in the anchor's paragraph (the occurrence nearest the cue); null for none. */
  source: string | null;
  /** Content parts, in the anchor's paragraph or the ones next to it (nearest the cue). */
  content: string[];
  /** Why a reader might disagree with this reading (kept for review; not scored). */
  note?: string;
}

/** A text of our own with its hand-written gold. */
export interface AuthoredArticle {
  /** File stem, `<genre>_<date>_<slug>` as in PolNeAR. */
  id: string;
  /** Where the text comes from (always: written for hearsay) and what it exercises. */
  about: string;
  paragraphs: string[];
  attributions: AuthoredAttribution[];
}

/** The article's text: paragraphs separated by a blank line, ending in a newline. */
export function authoredText(a: AuthoredArticle): string {
  return a.paragraphs.join('\n\n') + '\n';
}

function occurrences(text: string, s: string, from = 0, to = text.length): number[] {
  const out: number[] = [];
  if (!s) return out;
  for (let i = text.indexOf(s, from); i >= 0 && i + s.length <= to; i = text.indexOf(s, i + 1)) out.push(i);
  return out;
}

/**
 * Spans of every authored attribution. Throws `GOLD_INVALID` where an anchor is missing or not
 * unique, or a cue, source or content cannot be found where it should be: a gold file that does
 * not say what it means is a programmer error, not an input problem.
 */
export function resolveAuthored(a: AuthoredArticle): GoldAttribution[] {
  const text = authoredText(a);
  const paraStarts: number[] = [];
  for (let i = 0, p = 0; i < a.paragraphs.length; i++) { paraStarts.push(p); p += a.paragraphs[i]!.length + 2; }
  const paragraphOf = (pos: number): number => { let k = 0; while (k + 1 < paraStarts.length && paraStarts[k + 1]! <= pos) k++; return k; };
  const paraSpan = (k: number): [number, number] => [paraStarts[k]!, paraStarts[k]! + a.paragraphs[k]!.length];
  const fail = (x: AuthoredAttribution, why: string): never => { throw new HearsayError('GOLD_INVALID', `${a.id}: "${x.near}": ${why}`); };
  return a.attributions.map((x) => {
    const anchors = occurrences(text, x.near);
    if (anchors.length !== 1) fail(x, `anchor found ${anchors.length} times (needs exactly one)`);
    const at = anchors[0]!;
    const cueAt = x.near.indexOf(x.cue);
    if (!x.cue || cueAt < 0) fail(x, `cue "${x.cue}" is not inside the anchor`);
    const cue: Span = { start: at + cueAt, end: at + cueAt + x.cue.length };
    const k = paragraphOf(at);
    const nearest = (s: string, paras: number[]): Span => {
      let best: Span | null = null;
      let bestDist = Infinity;
      for (const p of paras) {
        const [from, to] = paraSpan(p);
        for (const i of occurrences(text, s, from, to)) {
          const span = { start: i, end: i + s.length };
          if (span.start < cue.end && cue.start < span.end && !(span.start <= cue.start && cue.end <= span.end)) continue;
          const dist = span.end <= cue.start ? cue.start - span.end : span.start >= cue.end ? span.start - cue.end : 0;
          if (dist < bestDist) { best = span; bestDist = dist; }
        }
      }
      return best ?? fail(x, `"${s}" not found in the anchor's paragraph${paras.length > 1 ? ' or the ones next to it' : ''}`);
    };
    const around = [k - 1, k, k + 1].filter((p) => p >= 0 && p < a.paragraphs.length);
    const source = x.source === null ? null : [nearest(x.source, [k])];
    const content = x.content.map((c) => nearest(c, around)).sort((p, q) => p.start - q.start);
    return { source, cue: [cue], content };
  });
}

/**
 * Brat standoff in PolNeAR's shape (`Source`, `Cue`, `Content`, `Content2`… text-bound spans,
 * joined by an `E` line), which {@link parsePolnearAnn} reads back. Offsets are code points, as
 * PolNeAR's are; the texts we write stay in the Basic Multilingual Plane, where they are UTF-16
 * offsets too.
 */
export function toBrat(text: string, gold: readonly GoldAttribution[]): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) throw new HearsayError('GOLD_INVALID', 'authored gold texts must stay in the Basic Multilingual Plane');
  }
  const lines: string[] = [];
  let t = 0;
  let e = 0;
  const span = (role: string, s: Span): string => {
    t++;
    lines.push(`T${t}\t${role} ${s.start} ${s.end}\t${text.slice(s.start, s.end).replace(/\n/g, ' ')}`);
    return `T${t}`;
  };
  for (const g of gold) {
    const refs: string[] = [];
    refs.push(`Cue:${span('Cue', g.cue[0]!)}`);
    for (const s of g.source ?? []) refs.push(`Source:${span('Source', s)}`);
    g.content.forEach((c, i) => refs.push(`${i === 0 ? 'Content' : `Content${i + 1}`}:${span('Content', c)}`));
    e++;
    lines.push(`E${e}\t${refs.join(' ')}`);
  }
  return lines.join('\n') + '\n';
}
