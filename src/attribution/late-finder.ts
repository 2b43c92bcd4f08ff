import { defineStage, type StageFactory } from '../core/pipeline.js';
import type { Attribution, Span } from '../core/types.js';
import type { WorkingDoc } from '../core/working-doc.js';
import { SpanIndex } from '../core/span-index.js';
import { resolveSource } from '../entities/index.js';
import { lowerTexts, wordPositions } from '../text/lower.js';
import { windowOf, type Window } from './find.js';
import { nameTokens, quoteIndex, quoteType } from './stage.js';

/** Punctuation that ends a phrase a late finder reads: a comma, a colon or semicolon, a sentence end, a dash. */
export const PHRASE_END = /^(?:,|;|:|[.!?]|--|\u2014|\u2013|\u2015)$/;

/** Sentence-closing punctuation. */
export const SENTENCE_END = /^[.!?]$/;

/** The end of a window's sentence without its closing punctuation (a closing quotation mark stays). */
export function endWithoutClose(tokens: readonly { text: string }[], floor = 0): number {
  let end = tokens.length;
  while (end > floor && SENTENCE_END.test(tokens[end - 1]!.text)) end--;
  return end;
}

/** What a late finder reports in a sentence window, as token indices into the window. */
export interface LateFind {
  /** Null for an attribution with no source. */
  source: [number, number] | null;
  cue: [number, number];
  content: [number, number];
  /** A content part before the cue, where the content is discontinuous ("The union | is regarded as | liberal"). */
  lead?: [number, number];
  /** True for an attitude whose content is not a proposition ("critical of the plan"). */
  stance: boolean;
  /** The content must not lie in another attribution's spans either (a quotation another credit took). */
  ownContent?: boolean;
  /** The content as text spans instead, where it lies before the window (a quotation the credit's own sentence follows). */
  contentSpans?: Span[];
}

/** A finder that runs after the models: its name, rule, the words a sentence must hold, and the finder. */
export interface LateFinder {
  name: string;
  /** `Attribution.rule` of what it adds. */
  rule: string;
  /** Lower-cased words of which a sentence must hold one to be read at all (the window costs a tagging pass). */
  triggers: ReadonlySet<string>;
  /** Sentences (by index) the finder reads at all, where not every sentence (the headline only). */
  reads?: (sentence: number) => boolean;
  /** `free(k)`: whether window token `k` lies in no other attribution's spans (a source may stop before one that does). */
  find: (w: Window, free: (k: number) => boolean, doc: WorkingDoc) => LateFind[];
  /** Whether a source may also be another attribution's source (not its cue or content). */
  sharedSource?: boolean;
  /** Grows an added attribution with what lies beyond its sentence (a quotation's other sentences). */
  extend?: (doc: WorkingDoc, a: Attribution) => void;
}

/**
 * A stage that adds a {@link LateFinder}'s attributions after the models and the rules they were
 * trained on: a stage of its own, so that rule layer does not move. It adds only where no
 * attribution holds the cue or the source already (as cue, source or content), in the body,
 * and not inside quotation marks, where "I'm sure" is part of what a speaker said. Sources are
 * resolved as the attribution stage resolves them, and ids are renumbered in text order.
 */
export function lateFinderStage(finder: LateFinder): StageFactory {
  return defineStage(finder.name, { requires: ['attributions'], assigns: [finder.name] }, () => (doc: WorkingDoc) => {
    const added: Attribution[] = [];
    const toks = doc.tokens;
    const lower = lowerTexts(toks);
    // Most documents hold none of a finder's words where it reads: nothing to index then.
    const readable = (k: number) => !finder.reads || finder.reads(toks[k]!.sentence);
    const at = wordPositions(lower);
    let any = false;
    for (const w of finder.triggers) if (!any) any = at.get(w)?.some(readable) ?? false;
    if (!any) return;
    const spans = doc.attributions.flatMap((a) => [a.cue, ...(a.source ? [a.source] : []), ...a.content]);
    const held = new SpanIndex(spans);
    const taken = (x: Span) => held.overlaps(x);
    // Where a finder allows it, a source may speak twice ("“…,” said a strategist, speaking on
    // condition of anonymity"): it must only stay clear of other cues and contents.
    const heldRoles = finder.sharedSource ? new SpanIndex(doc.attributions.flatMap((a) => [a.cue, ...a.content])) : held;
    // A trigger inside another attribution's spans can only give a cue that is taken: such
    // sentences are passed over before their window is built. Marked through a difference
    // array, so long and nested spans cost one pass over the tokens.
    const covered = new Uint8Array(toks.length);
    {
      const diff = new Int32Array(toks.length + 1);
      // First token for which `past(token)` holds (tokens are in text order, so it is monotone).
      const first = (past: (t: { start: number; end: number }) => boolean) => { let lo = 0; let hi = toks.length; while (lo < hi) { const m = (lo + hi) >> 1; if (past(toks[m]!)) hi = m; else lo = m + 1; } return lo; };
      for (const sp of spans) {
        const a = first((t) => t.end > sp.start);
        const b = first((t) => t.start >= sp.end);
        if (b > a) { diff[a]!++; diff[b]!--; }
      }
      let run = 0;
      for (let k = 0; k < toks.length; k++) { run += diff[k]!; covered[k] = run > 0 ? 1 : 0; }
    }
    let names: Set<number> | null = null;
    let ti = 0;
    for (let si = 0; si < doc.sentences.length; si++) {
      const s = doc.sentences[si]!;
      while (ti < toks.length && toks[ti]!.start < s.start) ti++;
      let tj = ti;
      while (tj < toks.length && toks[tj]!.end <= s.end) tj++;
      if (finder.reads && !finder.reads(si)) continue;
      if (!doc.body.some((b) => s.start >= b.start && s.end <= b.end)) continue;
      let any = false;
      for (let k = ti; k < tj && !any; k++) any = covered[k] === 0 && finder.triggers.has(lower[k]!);
      if (!any) continue;
      const w = windowOf(toks.slice(ti, tj), ti, si, (names ??= nameTokens(doc)));
      for (const f of finder.find(w, (k) => covered[w.base + k] === 0, doc)) {
        const sp = (a: number, b: number): Span => ({ start: w.tokens[a]!.start, end: w.tokens[b - 1]!.end });
        const cue = sp(f.cue[0], f.cue[1]);
        const source = f.source ? sp(f.source[0], f.source[1]) : null;
        if (taken(cue) || (source && heldRoles.overlaps(source))) continue;
        if (quoteIndex(doc).inner.holds(cue)) continue;
        const content = f.contentSpans ?? (f.lead ? [sp(f.lead[0], f.lead[1]), sp(f.content[0], f.content[1])] : [sp(f.content[0], f.content[1])]);
        // An own content may hold other attributions whole ("Mr. Obama warned X not to …, said an
        // official"): they nest in the new one. Any other overlap means another reading took it.
        let inner: Attribution[] = [];
        if (f.ownContent && content.some((c) => taken(c))) {
          const lo = content[0]!.start;
          const hi = content[content.length - 1]!.end;
          const inside = (x: Span | null) => !x || (x.start >= lo && x.end <= hi);
          const touching = doc.attributions.filter((b) => [b.cue, ...(b.source ? [b.source] : []), ...b.content].some((x) => content.some((c) => x.start < c.end && c.start < x.end)));
          if (!touching.every((b) => inside(b.cue) && inside(b.source) && b.content.every(inside))) continue;
          inner = touching.filter((b) => !b.via);
        }
        const a: Attribution = {
          id: `late-${finder.name}-${added.length}`, source: source ? { ...source, entity: null, kind: 'unknown', count: null, descriptor: null } : null, cue, content,
          quote: 'indirect', via: null, hedge: null, ...(f.stance ? { stance: true } : {}), rule: finder.rule,
        };
        finder.extend?.(doc, a);
        a.quote = quoteType(doc, a.content);
        for (const b of inner) b.via = a.id;
        added.push(a);
      }
    }
    if (added.length === 0) return;
    for (const a of added) if (a.source) Object.assign(a.source, resolveSource(doc, a.source));
    doc.attributions = renumberAttributions([...doc.attributions, ...added]);
  });
}

/**
 * Attributions sorted by cue in text order with ids `a1`, `a2`, … again (in place); nesting refers
 * to ids, so `via` is remapped, and a `via` to an id not among them becomes null.
 */
export function renumberAttributions(list: Attribution[]): Attribution[] {
  const all = list.sort((a, b) => a.cue.start - b.cue.start);
  const rename = new Map<string, string>();
  all.forEach((a, k) => { if (a.id) rename.set(a.id, `a${k + 1}`); });
  all.forEach((a, k) => { a.id = `a${k + 1}`; if (a.via) a.via = rename.get(a.via) ?? null; });
  return all;
}
