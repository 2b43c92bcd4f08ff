import { defineStage } from '../core/pipeline.js';
import type { WorkingDoc } from '../core/working-doc.js';
import type { Attribution, Span } from '../core/types.js';
import { quoteIndex, quoteType } from './stage.js';
import { containersOf, overlappersOf, overlaps } from '../core/span-index.js';
import { CUE_BY_FORM } from './lexicon.js';
import { tokenRange } from '../attribution-model/roles.js';
import { toLower } from '../text/lower.js';

/**
 * Participles that continue the reporter's own report rather than tell what the reported did:
 * "adding that …" and "noting that …" go on with the speaker, where "telling Netanyahu to …" or
 * "saying …" after "Trump voiced opposition" is what the clause's subject did.
 */
const CONTINUING: ReadonlySet<string> = new Set(['adding', 'noting']);

/**
 * Whether an attribution other than `a` and its holder has its cue in `[from, to)`: a reported
 * speaker the participle may continue instead ("Aides said that the mayor objected, telling him
 * …"; "officials said Trump told Netanyahu …, saying …").
 */
function innerCue(doc: WorkingDoc, cuesNear: (x: Span) => Attribution[], a: Attribution, holder: Attribution, from: number, to: number): boolean {
  if (cuesNear({ start: from, end: to }).some((b) => b !== a && b !== holder && b.cue.start >= from && b.cue.end <= to)) return true;
  // A cue verb read with no content of its own ("the mayor objected, telling him …") speaks too.
  const [t0, t1] = tokenRange(doc.tokens, { start: from, end: to });
  for (let k = t0; k < t1; k++) {
    const t = doc.tokens[k]!;
    if (/^VB/.test(t.pos ?? '') && CUE_BY_FORM.has(toLower(t.text))) return true;
  }
  return false;
}

/**
 * A continuing participle after a comma at the end of another attribution's content goes on with
 * that attribution's speaker ("Trump argued that a database would help, | adding that it is all
 * about management"; "The department said that the hospital had closed two wards, | adding that no one
 * had died"), whoever the clause before it is about: it leaves the content and becomes an
 * attribution of its own with the holder's source (rule `attribution:participle-unnested`). Not
 * inside quotation marks, where the participle is part of what was said, and not where the
 * clause before it has a speaker of its own ({@link innerCue}). Only "adding" and "noting"
 * ({@link CONTINUING}): of the 71 participles the pipeline nested on PolNeAR train, 39 are
 * outermost gold attributions, 31 with the holder's source, but taking every participle out also
 * took "telling Netanyahu to …" from Trump in the seed. Train +4 matches for 3 more predictions,
 * dev unchanged.
 */
function unnestParticiples(doc: WorkingDoc, all: ReadonlyMap<string, Attribution>): void {
  const toks = doc.tokens;
  // Indexes over cues and contents, built at the first participle: a long page of "…, adding …"
  // asks them thousands of times.
  let cuesNear: ((x: Span) => Attribution[]) | null = null;
  let contentsHolding: ((x: Span) => { span: Span; b: Attribution }[]) | null = null;
  for (const a of doc.attributions) {
    const [c0, c1] = tokenRange(toks, a.cue);
    if (c1 - c0 !== 1 || !CONTINUING.has(toLower(toks[c0]!.text)) || toks[c0]!.pos !== 'VBG') continue;
    // After a comma, or after a quotation that closes on one ("…“at this stage,” adding …").
    const closing = toks[c0 - 1]?.quote === 'close' && toks[c0 - 2]?.text === ',';
    if (toks[c0 - 1]?.text !== ',' && !closing) continue;
    if (quoteIndex(doc).inner.holds(a.cue)) continue;
    const comma = toks[c0 - (closing ? 2 : 1)]!.start;
    const p = a.via ? all.get(a.via) : undefined;
    if (!p) {
      // Already outside, but with a source taken from the content just before it ("…, that the
      // hospital had closed two wards | , adding …" read with "the hospital").
      const src = a.source;
      if (!src) continue;
      cuesNear ??= overlappersOf(doc.attributions, (b) => b.cue);
      contentsHolding ??= containersOf(doc.attributions.flatMap((b) => b.content.map((span) => ({ span, b }))));
      const hit = contentsHolding(src).find(({ span: x, b }) => b !== a && b.source && x.end <= comma && !/\S/.test(doc.text.slice(x.end, comma).replace(/[’”'"]/g, '')));
      if (hit && !overlaps(hit.b.source!, src) && !innerCue(doc, cuesNear, a, hit.b, hit.span.start, a.cue.start)) {
        const before = hit.b;
        a.source = { ...before.source! };
        a.refinedBy = [...(a.refinedBy ?? []), 'attribution:participle-unnested'];
      }
      continue;
    }
    if (!p.source) continue;
    const k = p.content.findIndex((s) => s.start <= a.cue.start && a.cue.end <= s.end);
    if (k < 0) continue;
    const holder = p.content[k]!;
    cuesNear ??= overlappersOf(doc.attributions, (b) => b.cue);
    if (innerCue(doc, cuesNear, a, p, holder.start, a.cue.start)) continue;
    // The holder keeps a quotation that closes before the participle, with its comma.
    let end = closing ? toks[c0 - 1]!.end : toks[c0 - 1]!.start;
    while (end > holder.start && /\s/.test(doc.text[end - 1]!)) end--;
    if (end <= holder.start) continue;
    p.content = [...p.content.slice(0, k), { start: holder.start, end }, ...p.content.slice(k + 1)];
    p.quote = quoteType(doc, p.content);
    p.refinedBy = [...(p.refinedBy ?? []), 'attribution:participle-unnested'];
    a.via = null;
    a.source = { ...p.source };
    a.refinedBy = [...(a.refinedBy ?? []), 'attribution:participle-unnested'];
  }
}

/**
 * Refines nested attributions after their sources are resolved. A continuing participle at the
 * end of a content ("…, adding that …") first leaves it for the holder's speaker
 * ({@link unnestParticiples}). A speaker reporting its own
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
  unnestParticiples(doc, all);
  const dropped = new Map<string, string | null>();
  doc.attributions = doc.attributions.filter((a) => {
    const p = a.via ? all.get(a.via) : undefined;
    const self = Boolean(p && a.source?.entity && p.source?.entity === a.source.entity && !overlaps(a.source, p.source));
    if (self) dropped.set(a.id, a.via);
    return !self;
  });
  // What nested in a dropped attribution now nests in the one that held it.
  for (const a of doc.attributions) {
    for (let guard = 0; a.via !== null && dropped.has(a.via) && guard < dropped.size; guard++) a.via = dropped.get(a.via)!;
  }
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
