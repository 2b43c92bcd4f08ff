import { defineStage } from '../core/pipeline.js';
import { readsAsEnglish } from '../text/language.js';
import { registerRules } from '../core/rules.js';
import type { Attribution, QuoteType, Source, Span } from '../core/types.js';
import type { Quotation, Token, WorkingDoc } from '../core/working-doc.js';
import { lowerTexts, toLower } from '../text/lower.js';
import { containersOf, overlappersOf, overlaps, quotationInners, SpanIndex } from '../core/span-index.js';
import { datelineLength, FINDER_TRIGGERS, findInWindow, SUBORDINATORS, TEMPORAL, windowOf, type Candidate } from './find.js';
import { CUE_BY_FORM, CUE_GAP_WORDS, CUE_PREFIX_STOP, CUE_PREFIX_WORDS, HEDGES } from './lexicon.js';
import { defaultAttributionModel, MODEL_ATTRIBUTIONS } from '../attribution-model/stage.js';
import type { AttributionModel, ScoredAttribution } from '../attribution-model/model.js';
import { tokenRange, type RoleModel, type RoleResult } from '../attribution-model/roles.js';
import { defaultCueModel, defaultBoundsModel, defaultRoleModel } from '../attribution-model/shipped-models.js';
import { boundsInput, cueBoundsInput, sourceBoundsInput, trailingSourceBoundsInput, type BoundsModel } from '../attribution-model/bounds.js';
import type { CueModel } from '../attribution-model/cues.js';
import { resolveSource } from '../entities/index.js';
import { ORG_HEADS } from '../entities/lexicon.js';
import { DEFAULT_KB } from '../kb/index.js';
import { ATTRIBUTION_RULES } from './rules.js';

registerRules('attribution', ATTRIBUTION_RULES);
registerRules('model', [
  { name: 'attr-perceptron', reason: 'the learned tagger (trained on PolNeAR train) found a cue the rules left unclaimed', example: 'Polls show the race tightening.' },
  { name: 'cue-detector', reason: 'the cue detector found a cue in a sentence no other layer read; the role tagger read its source and content', example: 'The senator blasted the ruling as reckless.' },
  { name: 'role-tagger', reason: 'the role tagger reread the source and content of a rule\'s cue, where it reads that rule better or is sure the rule misread it', example: 'The firm, citing costs, said it would cut jobs, which unions opposed.' },
]);

/** Types and resolves a source span; the entity layer provides the real one. */
export type SourceResolver = (doc: WorkingDoc, span: Span, hint?: { country?: string | null; speaker?: string | null }) => Omit<Source, 'start' | 'end'>;

/** Options of {@link attributionsStage}. */
export interface AttributionOptions {
  resolveSource?: SourceResolver;
  /**
   * Margin (path score the model would lose without the cue) above which a model attribution is
   * kept even when its cue is outside the rule lexicon's patterns; default {@link MODEL_MARGIN}.
   */
  modelMargin?: number;
  /** The role tagger that reads source and content for the learned model's cues; `null` keeps the model's linker. */
  roles?: RoleModel | null;
  /** The cue detector for cues neither the rules nor the tagger found; `null` switches it off. */
  cues?: CueModel | null;
  /** Score from which the cue detector takes a token as a cue (default {@link CUE_THRESHOLD}). */
  cueThreshold?: number;
  /** Lowest detector score a cue may have when the role tagger is sure of it (default {@link CUE_FLOOR}). */
  cueFloor?: number;
  /** Role-tagger margin a detector cue below `cueThreshold` needs (default {@link DETECTOR_ROLE_MARGIN}). */
  detectorRoleMargin?: number;
  /** Margin by which the role tagger must prefer its reading of a rule's cue to replace it (default {@link ROLE_REREAD_MARGIN}). */
  rereadMargin?: number;
  /** The learned model consulted where rules find nothing; `null` for rules only. */
  model?: AttributionModel | null;
  /** Boundary ranker for contents, sources and cue ends (default the shipped one; `null` keeps the edges the other layers give). */
  bounds?: BoundsModel | null;
}

const inside = (s: Span, outer: Span): boolean => s.start >= outer.start && s.end <= outer.end;
const sameSpan = (a: Span | null, b: Span | null): boolean => a === b || (!!a && !!b && a.start === b.start && a.end === b.end);

/** Whether a content span is direct (all within quote marks), mixed (some quoted words), or indirect. */
export function quoteType(doc: WorkingDoc, content: readonly Span[]): QuoteType {
  let quoted = 0;
  let words = 0;
  for (const c of content) {
    for (const t of tokensIn(doc, c)) {
      if (t.kind !== 'word' && t.kind !== 'number') continue;
      words++;
      if (quoteIndex(doc).inner.holds(t)) quoted++;
    }
  }
  if (quoted === 0) return 'indirect';
  return quoted === words ? 'direct' : 'mixed';
}

/** Per document: quotation inner spans as a {@link SpanIndex}, and quotations by end offset (in order). */
export interface QuoteIndex {
  inner: SpanIndex;
  byEnd: Map<number, Quotation[]>;
  /** Quotations by start, each list in the document's order. */
  byStart: Map<number, Quotation[]>;
  /** The starts, ascending and distinct. */
  starts: number[];
}
const quoteIndexes = new WeakMap<readonly Quotation[], QuoteIndex>();
/** The document's {@link QuoteIndex}, built once per quotation list. */
export function quoteIndex(doc: WorkingDoc): QuoteIndex {
  let qi = quoteIndexes.get(doc.quotes);
  if (!qi) {
    const byEnd = new Map<number, Quotation[]>();
    const byStart = new Map<number, Quotation[]>();
    for (const q of doc.quotes) {
      const l = byEnd.get(q.end); if (l) l.push(q); else byEnd.set(q.end, [q]);
      const k = byStart.get(q.start); if (k) k.push(q); else byStart.set(q.start, [q]);
    }
    qi = { inner: quotationInners(doc.quotes), byEnd, byStart, starts: [...byStart.keys()].sort((a, b) => a - b) };
    quoteIndexes.set(doc.quotes, qi);
  }
  return qi;
}

/** The quotations starting in `[from, to]`, found by binary search. */
function quotesStartingIn(doc: WorkingDoc, from: number, to: number): Quotation[] {
  const { starts, byStart } = quoteIndex(doc);
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (starts[m]! < from) lo = m + 1; else hi = m; }
  const out: Quotation[] = [];
  for (let k = lo; k < starts.length && starts[k]! <= to; k++) out.push(...byStart.get(starts[k]!)!);
  return out;
}

/** Index of the first sentence ending in `[from, to]`, or -1. */
function sentenceEndingIn(doc: WorkingDoc, from: number, to: number): number {
  const ss = doc.sentences;
  let lo = 0;
  let hi = ss.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (ss[m]!.end < from) lo = m + 1; else hi = m; }
  return lo < ss.length && ss[lo]!.end <= to ? lo : -1;
}

/** Index of the sentence that holds `x`, or -1 (sentences are disjoint and in order). */
function sentenceHolding(doc: WorkingDoc, x: Span): number {
  const ss = doc.sentences;
  let lo = 0;
  let hi = ss.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (ss[m]!.start <= x.start) lo = m + 1; else hi = m; }
  return lo > 0 && inside(x, ss[lo - 1]!) ? lo - 1 : -1;
}

function tokenIndices(doc: WorkingDoc, s: Span): number[] {
  const toks = doc.tokens;
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (toks[m]!.end <= s.start) lo = m + 1; else hi = m; }
  const out: number[] = [];
  for (let i = lo; i < toks.length && toks[i]!.start < s.end; i++) out.push(i);
  return out;
}

function tokensIn(doc: WorkingDoc, s: Span) {
  return tokenIndices(doc, s).map((i) => doc.tokens[i]!);
}

/** Extends content that opens a quotation running past the sentence to the quotation's end. */
function extendQuotes(doc: WorkingDoc, c: Candidate): void {
  const first = c.content[0];
  if (!first) return;
  const qi = quoteIndex(doc);
  // Content ending at a closing mark whose quotation opened sentences earlier starts there.
  for (const q of qi.byEnd.get(first.end) ?? []) {
    if (q.start < first.start && (q.marks === 'double' || first.start - q.start < 2000)) {
      // Never back over the attribution's own cue or source ("\"WALLACE: | Let's start …").
      const taken = { start: q.start, end: first.start };
      if (overlaps(taken, c.cue) || (c.source && overlaps(taken, c.source))) break;
      first.start = q.start;
      break;
    }
  }
  const last = c.content[c.content.length - 1]!;
  // Quotations are sorted by start, and the end only grows, so the scan stops at the first
  // quotation that opens past it.
  const qs = doc.quotes;
  let lo = 0;
  let hi = qs.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (qs[m]!.start < first.start) lo = m + 1; else hi = m; }
  for (let k = lo; k < qs.length && qs[k]!.start < last.end; k++) {
    if (qs[k]!.end > last.end) last.end = qs[k]!.end;
  }
}

/**
 * Quoted sentences right after a quote-bearing attribution, in the same paragraph and with no cue
 * of their own, continue the speaker's content (“A,” she said. “B.”).
 */
function continueQuotes(doc: WorkingDoc, cands: Candidate[]): void {
  const inQuote = (x: Span) => quoteIndex(doc).inner.holds(x);
  const cued = new Set(cands.filter((c) => !inQuote(c.cue)).map((c) => c.sentence));
  for (const c of cands) {
    // A quotation inside the content (or one character past it) or starting in it; either starts in [s.start, s.end].
    if (!c.content.some((s) => quotesStartingIn(doc, s.start, s.end).some((q) => inside(q, { start: s.start, end: s.end + 1 }) || (q.start >= s.start && q.start < s.end)))) continue;
    let si = c.sentence + 1;
    let lastEnd = Math.max(...c.content.map((s) => s.end), c.cue.end, c.source?.end ?? 0);
    while (si < doc.sentences.length) {
      const s = doc.sentences[si]!;
      // Sentences the content already holds ("He added:" and the quotation below it) are passed over.
      if (s.start < lastEnd) { si++; continue; }
      if (cued.has(si) || /\n/.test(doc.text.slice(lastEnd, s.start))) break;
      const q = quoteIndex(doc).byStart.get(s.start)?.find((x) => x.end >= s.end - 1);
      if (!q) break;
      c.content.push({ start: q.start, end: Math.max(q.end, s.end) });
      refine(c, 'attribution:quote-continuation');
      lastEnd = s.end;
      si++;
    }
    // Backwards: a quoted sentence just before, in the same paragraph, with no cue of its own.
    const first = c.content[0]!;
    const s0 = doc.sentences[c.sentence]!;
    if (first.start <= s0.start + 1 && doc.text[first.start] !== undefined) {
      const prevIdx = sentenceEndingIn(doc, first.start - 2, first.start);
      const prev = prevIdx >= 0 ? doc.sentences[prevIdx]! : undefined;
      if (prev && !cued.has(prevIdx) && !/\n/.test(doc.text.slice(prev.end, first.start))) {
        const q = quoteIndex(doc).byStart.get(prev.start)?.find((x) => x.end >= prev.end - 1 && x.end <= first.start);
        if (q) {
          c.content.unshift({ start: q.start, end: q.end });
          refine(c, 'attribution:quote-continuation');
        }
      }
    }
  }
}

/** Indices of the tokens inside recognised names: proper nouns whatever the tagger said ("Reilly/RB"). */
export function nameTokens(doc: WorkingDoc): Set<number> {
  const names = new Set<number>();
  let k = 0;
  for (const m of doc.mentions) {
    if (m.form !== 'name') continue;
    while (k < doc.tokens.length && doc.tokens[k]!.end <= m.start) k++;
    for (let j = k; j < doc.tokens.length && doc.tokens[j]!.start < m.end; j++) names.add(j);
  }
  return names;
}

/**
 * Attribution extraction: candidate finders per sentence (cue verbs, "according to", participial
 * and inverted orders), then ordered refiners: quotation extension, continuation quotes, dedupe,
 * nesting through `via`, self-report pruning, quote type and source resolution.
 */
export const attributionsStage = defineStage<AttributionOptions>(
  'attributions',
  { requires: ['tokens', 'sentences', 'quotes', 'entities'], assigns: ['attributions'], when: readsAsEnglish },
  (options) => (doc: WorkingDoc) => {
    const resolve = options?.resolveSource ?? resolveSource;
    const body = doc.body;
    const cands: Candidate[] = [];
    const names = nameTokens(doc);
    let ti = 0;
    const lower = lowerTexts(doc.tokens);
    for (let si = 0; si < doc.sentences.length; si++) {
      const s = doc.sentences[si]!;
      if (!body.some((b) => s.start >= b.start && s.end <= b.end)) continue;
      while (ti < doc.tokens.length && doc.tokens[ti]!.start < s.start) ti++;
      let tj = ti;
      let hasCue = false;
      while (tj < doc.tokens.length && doc.tokens[tj]!.end <= s.end) {
        const lw = lower[tj]!;
        if (!hasCue && (CUE_BY_FORM.has(lw) || FINDER_TRIGGERS.has(lw))) hasCue = true;
        tj++;
      }
      if (!hasCue) continue;
      for (const c of findInWindow(windowOf(doc.tokens.slice(ti, tj), ti, si, names))) {
        // How things seem inside a quotation is the speaker's view, which the quotation's own
        // attribution already carries.
        if (c.rule === 'seeming' && quoteIndex(doc).inner.holds(c.cue)) continue;
        cands.push(c);
      }
    }
    cands.push(...speakerLabels(doc));
    cands.push(...colonParagraphs(doc, cands));
    // The learned model runs last, only over paragraphs with cue-like words the rules left unclaimed.
    const model = options?.model === undefined ? defaultAttributionModel() : options.model;
    const roles = options?.roles === undefined ? defaultRoleModel() : options.roles;
    if (model) {
      const claimed = new Uint8Array(doc.tokens.length);
      for (const c of cands) for (const sp of [c.cue, ...c.content]) for (const t of tokenIndices(doc, sp)) claimed[t] = 1;
      const outside = new Uint8Array(doc.tokens.length).fill(1);
      for (const b of doc.body) for (const t of tokenIndices(doc, b)) outside[t] = 0;
      // With a role tagger, cues the linker found no content for are kept: the tagger reads them.
      const scored = doc.tokens.length ? model.predictScored(doc, true, (i) => claimed[i] === 1 || outside[i] === 1, roles ? { keepBareCues: true } : undefined) : [];
      doc.scratch.set(MODEL_ATTRIBUTIONS, scored.map((x) => x.attribution));
      cands.push(...modelCandidates(doc, cands, scored, options?.modelMargin ?? MODEL_MARGIN, roles));
      // The cue detector reads every sentence for cues neither layer found; the role tagger reads them.
      const detector = options?.cues === undefined ? defaultCueModel() : options.cues;
      if (detector && roles) {
        const mask = new Uint8Array(doc.tokens.length);
        for (let i = 0; i < mask.length; i++) mask[i] = claimed[i]! | outside[i]!;
        const threshold = options?.cueThreshold ?? CUE_THRESHOLD;
        // Below the threshold, a cue still counts where the role tagger finds it attribution-like.
        const floor = Math.min(options?.cueFloor ?? CUE_FLOOR, threshold);
        cands.push(...detectorCandidates(doc, cands, detector.detect(doc, mask, (i) => mask[i] === 1, floor), roles, threshold, options?.detectorRoleMargin ?? DETECTOR_ROLE_MARGIN));
      }
    }
    // List entries held their tokens in the rule layer the models read; now they go.
    for (let k = cands.length - 1; k >= 0; k--) if (cands[k]!.listEntry) cands.splice(k, 1);
    // "“…,” she said. Clinton said." — a bare source + cue takes the quotation just before it.
    for (let k = cands.length - 1; k >= 0; k--) {
      const c = cands[k]!;
      if (!c.needsPrevious) continue;
      const s0 = doc.sentences[c.sentence]!;
      const prev = doc.sentences[c.sentence - 1];
      const q = prev && !/\n\s*\n/.test(doc.text.slice(prev.end, s0.start)) ? doc.quotes.find((x) => x.end >= prev.end - 1 && x.end <= s0.start && x.start < prev.end) : undefined;
      if (q) c.content = [{ start: q.start, end: q.end }];
      else cands.splice(k, 1);
    }
    for (const c of cands) extendQuotes(doc, c);
    continueQuotes(doc, cands);
    // Where the role tagger reads a rule's cues better than the rule does, it rereads them.
    if (roles) {
      const rereads = new Set<string>(ROLE_REREAD);
      for (const c of cands) {
        if (c.rule === 'model' || c.rule === 'cues' || NO_REREAD.has(c.rule)) continue;
        // A rule's reading of one whole quotation is not reread: on PolNeAR dev the tagger never
        // improves it, and skipping it spares an eighth of the role tagger's windows.
        if (!rereads.has(c.rule) && c.content.length === 1 && quoteType(doc, c.content) === 'direct') continue;
        // Nor is a short single content that runs to the sentence end: the tagger replaces 5 % of
        // those on dev (and 27 % of the rest), so skipping them halves the rereads for 3 of 1,319
        // relation matches.
        if (!rereads.has(c.rule) && c.content.length === 1 && c.content[0]!.end - c.content[0]!.start < 150 && endsSentence(doc, c)) continue;
        const [a, b] = tokenRange(doc.tokens, c.cue);
        if (a >= b) continue;
        let read: RoleResult;
        if (rereads.has(c.rule)) read = dropStrays(doc, roles.read(doc, a, b, { source: c.source, content: c.content }));
        else {
          // Elsewhere it rereads a rule's cue only where it is sure the rule misread it.
          const r = roles.reread(doc, a, b, { source: c.source, content: c.content });
          if (r.margin < (options?.rereadMargin ?? ROLE_REREAD_MARGIN)) continue;
          read = dropStrays(doc, r.read);
        }
        const content = read.content.length ? read.content : c.content;
        const source = read.source && !overlaps(read.source, c.cue) ? read.source : c.source;
        if (!sameSpan(source, c.source) || content.length !== c.content.length || content.some((x, k) => !sameSpan(x, c.content[k]!))) refine(c, 'model:role-tagger');
        c.content = content;
        c.source = source;
      }
    }
    // Dedupe: one attribution per cue.
    const byCue = new Map<number, Candidate>();
    for (const c of cands) {
      const prev = byCue.get(c.cue.start);
      if (!prev || (!prev.source && c.source)) byCue.set(c.cue.start, c);
    }
    const all = [...byCue.values()].sort((a, b) => a.cue.start - b.cue.start);
    const namesNear = overlappersOf(doc.mentions.filter((m) => m.form === 'name'), (m) => m);
    outerParticipleSources(all);
    for (const c of all) {
      widenCue(doc, c);
      closeSource(doc, c, namesNear);
      const cut = cutCoordinatedVerb(doc, c);
      if (cut) shareSourceWithVerb(doc, all, c, cut);
      dropDateline(doc, c);
    }
    // The boundary ranker moves the edges of contents, sources and cues where PolNeAR's annotators usually put them.
    const bounds = options?.bounds === undefined ? defaultBoundsModel() : options.bounds;
    if (bounds) {
      const cues = new SpanIndex(all.map((c) => c.cue));
      for (const c of all) {
        const x = boundsInput(doc.tokens, { cue: c.cue, content: c.content, rule: producer(c) }, cues);
        const moved = x && bounds.rebound(x);
        if (!moved) continue;
        c.content = [moved];
        refine(c, 'model:content-bounds');
      }
      const spans = new SpanIndex(all.flatMap((c) => [c.cue, ...c.content]));
      for (const c of all) {
        const a = { cue: c.cue, source: c.source, rule: producer(c) };
        const x = sourceBoundsInput(doc.tokens, a, spans) ?? trailingSourceBoundsInput(doc.tokens, a, spans);
        const moved = x && bounds.rebound(x);
        if (!moved || (c.source && reachesIntoClause(doc, c.source, moved))) continue;
        c.source = moved;
        refine(c, 'model:source-bounds');
      }
      for (const c of all) {
        const x = cueBoundsInput(doc.tokens, { cue: c.cue, source: c.source, rule: producer(c) }, cues);
        if (!x) continue;
        const e = bounds.choose(x, 'end');
        if (e === x.end) continue;
        // A content that started inside the grown cue now starts after it; one inside it entirely goes.
        const end = doc.tokens[e - 1]!.end;
        const content = c.content
          .map((sp) => (sp.start < end && sp.start >= c.cue.end && sp.end > end ? { start: doc.tokens[e]!.start, end: sp.end } : sp))
          .filter((sp) => !(sp.start < end && sp.start >= c.cue.end));
        if (content.length === 0) continue;
        c.cue = { start: c.cue.start, end };
        c.content = content;
        refine(c, 'model:cue-bounds');
      }
    }
    for (const c of all) cutAtMainClause(doc, c);
    // Belief/attitude cues count only where no other attribution's content holds them.
    const inQuotation = (x: Span) => quoteIndex(doc).inner.holds(x);
    const isQuestion = (c: Candidate) => /\?\W*$/.test(doc.slice(doc.sentences[c.sentence]!));
    const statementContent = new SpanIndex(all.filter((o) => !o.outermostOnly).flatMap((o) => o.content));
    // (An outermost-only candidate is never among the statements, so "another" holds by itself.)
    const kept = all.filter((c) => !c.outermostOnly
      || (!inQuotation(c.cue) && !isQuestion(c) && !statementContent.holds(c.cue)));
    const atts: Attribution[] = kept.map((c, k) => {
      const src: Source | null = c.source ? { ...c.source, entity: null, kind: 'unknown', count: null, descriptor: null } : null;
      return {
        id: `a${k + 1}`,
        source: src,
        cue: c.cue,
        content: c.content,
        quote: quoteType(doc, c.content),
        via: null,
        hedge: c.hedge,
        ...(c.stance ? { stance: true } : {}),
        rule: producer(c),
        ...(c.refined ? { refinedBy: c.refined } : {}),
      };
    });
    // Nesting: the innermost other attribution whose content holds this cue.
    const holders = containersOf(atts.flatMap((b, k) => b.content.map((span) => ({ span, owner: k }))));
    for (const a of atts) {
      let best: Attribution | null = null;
      for (const k of [...new Set(holders(a.cue).map((h) => h.owner))].sort((x, y) => x - y)) {
        const b = atts[k]!;
        if (b === a) continue;
        if (a.content.some((s) => inside(b.cue, s))) continue;
        if (a.content.some((s) => b.content.some((bs) => inside(bs, s) && bs.end - bs.start > s.end - s.start))) continue;
        const size = (x: Attribution) => x.content.reduce((n, s) => n + s.end - s.start, 0);
        if (!best || size(b) < size(best)) best = b;
      }
      if (best) a.via = best.id;
    }
    // Sources resolve outermost first, so a title inside a quote takes the country of the one
    // quoted ("The president", inside a US official's words → the US president).
    const entityById = new Map<string, (typeof doc.entities)[number]>();
    for (const e of doc.entities) if (!entityById.has(e.id)) entityById.set(e.id, e);
    const countryOf = (a: Attribution | undefined): string | null => {
      const id = a?.source?.entity;
      const e = id ? entityById.get(id) : undefined;
      return e?.country ?? (a?.source?.descriptor ? countryFromDescriptor(a.source.descriptor) : null);
    };
    const idx = new Map(atts.map((a) => [a.id, a]));
    const depth = (a: Attribution): number => { let d = 0; for (let p = a; p.via && d < 10; p = idx.get(p.via)!) d++; return d; };
    for (const a of [...atts].sort((x, y) => depth(x) - depth(y))) {
      if (!a.source) continue;
      const holder = a.via ? idx.get(a.via) : undefined;
      // The holder's speaker speaks in the first person only inside quotation marks or a transcript turn.
      const ownWords = holder && (quoteIndex(doc).inner.holds(a.source) || holder.rule.endsWith('colon-cue') || holder.rule.endsWith('colon-paragraph'));
      const hint = holder ? { country: countryOf(holder), speaker: ownWords ? holder.source?.entity ?? null : null } : {};
      Object.assign(a.source, resolve(doc, a.source, hint));
      if (a.source.kind === 'unknown') refineUnknown(doc, a.source);
    }
    // Self-reports ("“I told them …,” she said") are dropped by the nested-content stage, after
    // resolution: the rule layer the models learn from must not move with the entity stage.
    doc.attributions = atts;
  },
);

/** A label holding these is a headline kicker ("Stealth Over Health:", "The Latest:"), not a speaker. */
const LABEL_FUNCTION_WORDS = new Set(['the', 'a', 'an', 'over', 'in', 'on', 'at', 'for', 'to', 'of', 'and', 'or', 'with', 'from', 'by', 'latest', 'breaking', 'exclusive', 'analysis', 'opinion', 'watch', 'update',
  'live', 'explainer', 'recap', 'timeline', 'podcast']);
/** First words of a label that names a page element or a form field, not a speaker ("VIDEO:", "Name:", "Question:"). */
const LABEL_STOP = /^(?:UPDATE|Updated|UPDATED|Note|NOTE|Photo|PHOTO|Image|Related|RELATED|Editor|Correction|CORRECTION|Source|Sources|Via|Read|READ|Watch|WATCH|Listen|Video|VIDEO|Share|Advertisement|Getty|Credit|WASHINGTON|NEW|LONDON|Image credit|Question|QUESTION|Remember|Name|Age|City|Job|Pay|Paid|Continued)$/;

/**
 * The colon of a speaker label opening the sentence's tokens `[ti, tj)` ("[quote] Name{1,4} :"
 * with words after it; not a headline's kicker or a stop word), or -1.
 */
function labelColon(toks: readonly Token[], ti: number, tj: number): number {
  let k = ti;
  if (toks[k]?.kind === 'quote') k++;
  const nameStart = k;
  while (k < tj && k - nameStart < 4 && toks[k]!.kind === 'word' && /^\p{Lu}/u.test(toks[k]!.text)) k++;
  if (k === nameStart || toks[k]?.text !== ':' || k + 1 >= tj || LABEL_STOP.test(toks[nameStart]!.text)) return -1;
  for (let j = nameStart; j < k; j++) if (LABEL_FUNCTION_WORDS.has(toks[j]!.text.toLowerCase())) return -1;
  return k;
}

/**
 * Speaker turns a paragraph may hold that each run to the paragraph's end (the reading the
 * models were trained with: "Clinton: "…" Bush: "…"" in one paragraph nests Bush's turn in
 * Clinton's). Past it, each turn stops at the next label.
 */
export const MAX_TURNS_TO_PARAGRAPH_END = 8;

/** Per sentence, where its paragraph ends (the end of the paragraph's last sentence); one pass from the back. */
function paragraphEnds(doc: WorkingDoc): Int32Array {
  const ss = doc.sentences;
  const out = new Int32Array(ss.length);
  for (let si = ss.length - 1; si >= 0; si--) {
    const next = ss[si + 1];
    out[si] = next && !/\n/.test(doc.text.slice(ss[si]!.end, next.start)) ? out[si + 1]! : ss[si]!.end;
  }
  return out;
}

/**
 * Paragraph-level finders: transcript speaker labels ("PENCE: Well, …", headline "Pence: …") and
 * dash credits after a quotation ("“…” ― Ana Ruiz").
 */
function speakerLabels(doc: WorkingDoc): Candidate[] {
  const out: Candidate[] = [];
  const toks = doc.tokens;
  const paraEnds = paragraphEnds(doc);
  // Each sentence's token range and, where it opens with a speaker label, the label's colon.
  const n = doc.sentences.length;
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  const colon = new Int32Array(n).fill(-1);
  const inBody = new Uint8Array(n);
  for (let si = 0, ti = 0; si < n; si++) {
    const s = doc.sentences[si]!;
    while (ti < toks.length && toks[ti]!.start < s.start) ti++;
    let tj = ti;
    while (tj < toks.length && toks[tj]!.end <= s.end) tj++;
    from[si] = ti;
    to[si] = tj;
    inBody[si] = doc.body.some((b) => s.start >= b.start && s.end <= b.end) ? 1 : 0;
    if (inBody[si]) colon[si] = labelColon(toks, ti, tj);
  }
  // A turn runs to its paragraph's end. In a paragraph of more than MAX_TURNS_TO_PARAGRAPH_END
  // labels (a Q&A dump, a hostile page) each turn stops at the next label instead: otherwise each
  // of a thousand turns would take the rest of the paragraph, and the stage quadratic work.
  const nextLabel = new Int32Array(n).fill(-1);
  for (let si = n - 1, next = -1, count = 0; si >= 0; si--) {
    if (si + 1 < n && paraEnds[si + 1] !== paraEnds[si]) { next = -1; count = 0; }
    nextLabel[si] = next;
    if (colon[si]! >= 0) { next = doc.sentences[si]!.start; count++; }
    // The paragraph's first sentence: its labels are counted, so its turns learn whether to stop.
    if (si === 0 || paraEnds[si - 1] !== paraEnds[si]) {
      if (count <= MAX_TURNS_TO_PARAGRAPH_END) for (let sj = si; sj < n && paraEnds[sj] === paraEnds[si]; sj++) nextLabel[sj] = -1;
    }
  }
  for (let si = 0; si < n; si++) {
    if (!inBody[si]) continue;
    const ti = from[si]!;
    const tj = to[si]!;
    const k = colon[si]!;
    if (k >= 0) {
      let nameStart = ti;
      if (toks[nameStart]?.kind === 'quote') nameStart++;
      // The turn runs to the paragraph end, or to the next turn's label.
      let end = nextLabel[si]! >= 0 ? nextLabel[si]! : paraEnds[si]!;
      while (end > toks[k + 1]!.start && /[.\s]/.test(doc.text[end - 1]!)) end--;
      // A turn with numbers and no verb is a list entry ("Portion Fix Containers: 1 Green, 1 Red"),
      // dropped after the models run; a headline's turn may have no verb tag ("Poll: Wealthy Voters Abandon …").
      let verb = false;
      let number = false;
      for (let v = k + 1; v < toks.length && toks[v]!.start < end && !verb; v++) {
        verb = /^(?:VB|MD)/.test(toks[v]!.pos ?? '');
        number ||= toks[v]!.kind === 'number';
      }
      verb ||= !number;
      // "Said Ellis: …": the verb opening the label is the cue, the rest the speaker.
      const said = k - nameStart > 1 && CUE_BY_FORM.has(toLower(toks[nameStart]!.text)) ? 1 : 0;
      out.push({
        source: { start: toks[nameStart + said]!.start, end: toks[k - 1]!.end },
        cue: said ? { start: toks[nameStart]!.start, end: toks[nameStart]!.end } : { start: toks[k]!.start, end: toks[k]!.end },
        content: [{ start: toks[k + 1]!.start, end }], hedge: null, rule: 'colon-cue', sentence: si, ...(verb ? {} : { listEntry: true }),
      });
    }
    // A name introducing a quotation mid-sentence: "… – Philip Bump: “Two weeks ago …”",
    // "More from Jones: “…”", "A lesson from Loretta Lynch: 'Be …'".
    for (let c = ti + 2; c + 1 < tj; c++) {
      if (toks[c]!.text !== ':' || toks[c + 1]!.quote !== 'open') continue;
      let a = c;
      // Capitalised words, or a title word between two ("Council leader Janet Orme").
      const labelWord = (j: number): boolean => toks[j]!.kind === 'word' && (/^\p{Lu}/u.test(toks[j]!.text)
        || (j > ti && j + 1 < c && /^\p{Lu}/u.test(toks[j - 1]!.text) && /^\p{Ll}+$/u.test(toks[j]!.text) && !LABEL_FUNCTION_WORDS.has(toks[j]!.text)));
      while (a > ti && c - a < 5 && labelWord(a - 1)) a--;
      while (a < c && !/^\p{Lu}/u.test(toks[a]!.text)) a++;
      const before = toks[a - 1];
      // After a dash, "from", or a sentence the segmenter did not end at an abbreviation ("… by 10 a.m. Council leader Janet Orme: “…”").
      if (a === c || !before || !(/^[-\u2013\u2014]$/.test(before.text) || /^from$/i.test(before.text) || /^(?:\p{Ll}\.){2,}$/u.test(before.text))) continue;
      if (LABEL_STOP.test(toks[a]!.text) || toks.slice(a, c).some((t) => LABEL_FUNCTION_WORDS.has(toLower(t.text)))) continue;
      const q = quoteIndex(doc).byStart.get(toks[c + 1]!.start)?.[0];
      if (!q) continue;
      out.push({ source: { start: toks[a]!.start, end: toks[c - 1]!.end }, cue: { start: toks[c]!.start, end: toks[c]!.end }, content: [{ start: q.start, end: q.end }], hedge: null, rule: 'colon-cue', sentence: si });
      break;
    }
    // Dash credit: closing quote, dash, name at the end of the sentence.
    let e = tj - 1;
    if (toks[e]?.text === '.') e--;
    let n0 = e;
    while (n0 > ti && e - n0 < 4 && toks[n0]!.kind === 'word' && /^\p{Lu}/u.test(toks[n0]!.text)) n0--;
    const dash = toks[n0];
    if (n0 < e && dash && /^[\u2014\u2015]$/.test(dash.text) && toks[n0 - 1]?.quote === 'close') {
      const q = quoteIndex(doc).byEnd.get(toks[n0 - 1]!.end)?.[0];
      if (q) {
        out.push({
          source: { start: toks[n0 + 1]!.start, end: toks[e]!.end }, cue: { start: dash.start, end: dash.end },
          content: [{ start: q.start, end: q.end }], hedge: null, rule: 'dash-credit', sentence: si,
        });
      }
    }
  }
  return out;
}

/** Country code from an anonymous descriptor's affiliation ("US official" → USA). */
function countryFromDescriptor(d: string): string | null {
  const w = d.split(/\s+/);
  for (const x of w) {
    const e = DEFAULT_KB.byDemonym.get(x.toLowerCase()) ?? DEFAULT_KB.byName.get(x.toLowerCase());
    if (e?.country && e.type === 'location') return e.country;
  }
  return null;
}

/**
 * Heads of a source that is a body of people ("the union", "the regulator", "prosecutors"): the
 * entity stage's organisation heads, and plural or collective nouns that name no organisation.
 */
const SOURCE_BODY_HEADS: ReadonlySet<string> = new Set(['unions', 'companies', 'firm', 'military', 'house', 'team', 'authorities', 'prosecutors',
  'lawmakers', 'legislature', 'regime', 'embassy', 'consulate', 'mission', 'delegation']);
const isBodyHead = (w: string): boolean => { const lw = w.toLowerCase(); return ORG_HEADS.has(lw) || SOURCE_BODY_HEADS.has(lw); };

/**
 * Second chance for sources the entity layer left unknown: a title used earlier with a name in
 * the text ("the governor" after "Governor Tom Reilly"), or an organisational head noun ("the union").
 */
function refineUnknown(doc: WorkingDoc, src: Source): void {
  const words = doc.slice(src).split(/\s+/);
  const head = words[words.length - 1] ?? '';
  if (/^(?:the|a|an)$/i.test(words[0] ?? '') && words.length <= 3) {
    const title = head.toLowerCase() + ' ';
    let best: { id: string; at: number } | null = null;
    for (const e of doc.entities) {
      if (e.type !== 'person') continue;
      for (const m of e.mentions) {
        if (m.start >= src.start) break;
        // Only the mention's opening is lower-cased: a long document has thousands of mentions.
        if ((!best || m.start > best.at) && m.end - m.start >= title.length && doc.text.slice(m.start, m.start + title.length).toLowerCase() === title) best = { id: e.id, at: m.start };
      }
    }
    if (best) { src.entity = best.id; src.kind = 'person'; return; }
  }
  if (isBodyHead(nounPhraseHead(doc, src) ?? head)) src.kind = 'organization';
}

/**
 * Whether a moved source reaches back over ", and" into the clause before it ("the tolls pay for
 * repairs …, and | the state auditor told us"): a clause, not a noun phrase.
 */
function reachesIntoClause(doc: WorkingDoc, from: Span, to: Span): boolean {
  if (to.start >= from.start) return false;
  // The old source opened a clause after ", and" / ", but": moving its start back takes in the
  // clause before it.
  const toks = tokensIn(doc, { start: to.start, end: from.start });
  const n = toks.length;
  return n >= 2 && /^(?:and|but)$/i.test(toks[n - 1]!.text) && toks[n - 2]!.text === ','
    && toks.slice(0, n - 2).some((v) => /^(?:VBD|VBZ|VBP|MD)$/.test(v.pos ?? ''));
}

/**
 * The last word of a source's opening noun phrase: it ends before a preposition, a relative, a
 * comma, or a participle after a noun ("The union | representing workers at the plant").
 */
function nounPhraseHead(doc: WorkingDoc, src: Span): string | null {
  let last: string | null = null;
  for (const t of tokensIn(doc, src)) {
    const p = t.pos ?? '';
    if (last !== null && (t.text === ',' || /^(?:IN|TO|WDT|WP|VBG|VBN)$/.test(p))) break;
    if (t.kind === 'word') last = t.text;
  }
  return last;
}

/**
 * Model attributions the rules did not find: a learned cue that overlaps no rule cue and lies in
 * the body is added, with its source resolved like any other. Rules win wherever both fire.
 */
function modelCandidates(doc: WorkingDoc, rules: readonly Candidate[], scored: readonly ScoredAttribution[], minMargin: number, roles: RoleModel | null): Candidate[] {
  const out: Candidate[] = [];
  const ruleHeads = new SpanIndex(rules.flatMap((r) => (r.source ? [r.cue, r.source] : [r.cue])));
  const ruleContent = new SpanIndex(rules.flatMap((r) => r.content));
  for (const { attribution: linked, margin } of scored) {
    // Checks on the cue alone come first: the role tagger and the margin are the costly part.
    if (ruleHeads.overlaps(linked.cue)) continue;
    if (!doc.body.some((b) => inside(linked.cue, b))) continue;
    // The model was trained on outermost attributions: one inside a rule's content is noise.
    if (ruleContent.holds(linked.cue)) continue;
    // A cue with no lexicon head, a low margin and no finite verb at its end is refused whatever
    // its source and content, so it is not read.
    if (!canAcceptByCue(doc, linked.cue) && margin() < minMargin) continue;
    // The role tagger reads source and content around the cue better than the tagger's linker.
    let m = linked;
    if (roles) {
      const [a, b] = tokenRange(doc.tokens, m.cue);
      const read = a < b ? dropStrays(doc, roles.read(doc, a, b, null)) : null;
      if (read) m = { ...m, source: read.source ? { ...read.source, entity: null, kind: 'unknown', count: null, descriptor: null } : m.source, content: read.content.length ? read.content : m.content };
    }
    if (!m.source || m.content.length === 0) continue;
    // "Netanyahu appeared to soften": a subject read as both source and content is the outlet's judgement.
    if (m.content.some((c) => overlaps(c, m.source!))) continue;
    // Past the lexicon's patterns a confident model attribution is kept; when its content is not
    // a proposition it reports an attitude ("backs the plan", "praised the envoy"): a stance.
    let stance = false;
    if (!acceptModelCue(doc, m)) {
      if (!(sourceHasHead(doc, m.source) && margin() >= minMargin)) continue;
      stance = !propositional(doc, m.content);
    }
    const sentence = sentenceHolding(doc, m.cue);
    // A cue across a sentence end (the tagger read on over a run-on "said. Ac“…") is no cue.
    if (sentence < 0) continue;
    out.push({ source: { start: m.source.start, end: m.source.end }, cue: { ...m.cue }, content: m.content.map((c) => ({ ...c })), hedge: null, rule: 'model', sentence, ...(stance ? { stance } : {}) });
  }
  return out;
}

/** `Attribution.rule` of a candidate: the rule or model that produced it. */
function producer(c: Candidate): string {
  return c.rule === 'model' ? 'model:attr-perceptron' : c.rule === 'cues' ? 'model:cue-detector' : `attribution:${c.rule}`;
}

/**
 * A participial cue whose source the rules took from inside an earlier cue's reported clause
 * speaks with that cue's source ("She is noting the problems Sanders had …, and saying …": she
 * says it, not Sanders). The finders see only their own cues; this runs once the models' cues
 * are in.
 */
function outerParticipleSources(all: readonly Candidate[]): void {
  // By sentence, so a long document is not a participles × candidates scan.
  const bySentence = new Map<number, Candidate[]>();
  for (const c of all) {
    const list = bySentence.get(c.sentence);
    if (list) list.push(c);
    else bySentence.set(c.sentence, [c]);
  }
  for (const c of all) {
    if (c.rule !== 'participle-cue' || !c.source) continue;
    const src = c.source;
    const outer = bySentence.get(c.sentence)!.find((o) => o !== c && o.source && o.cue.end <= c.cue.start
      && o.content.some((x) => x.start <= src.start && src.end <= x.end && x.end <= c.cue.start));
    if (!outer?.source) continue;
    c.source = { ...outer.source };
    refine(c, 'attribution:participle-outer-source');
  }
}

/**
 * Widens a verb cue over the auxiliaries, modals, negation and adverbs just before it ("has also
 * said", "did not address"), as PolNeAR marks cues; the
 * source and content keep their spans. On PolNeAR dev exact cue F1 goes from 63.7 to 68.2.
 */
function widenCue(doc: WorkingDoc, c: Candidate): void {
  const toks = doc.tokens;
  const [a, b] = tokenRange(toks, c.cue);
  if (a >= b) return;
  const head = toks[a]!;
  if (!head.pos?.startsWith('VB') || toLower(head.text) === 'according') return;
  const taken = (t: Token) => (c.source !== null && overlaps(t, c.source)) || c.content.some((s) => overlaps(t, s));
  let i = a;
  while (i > 0) {
    const t = toks[i - 1]!;
    if (t.kind !== 'word' || t.sentence !== head.sentence || taken(t)) break;
    const lw = toLower(t.text);
    const aux = CUE_PREFIX_WORDS.has(lw) || ((lw === '’s' || lw === "'s") && t.pos === 'VBZ');
    // A hedge ("reportedly replied") stays out: the attribution carries it as `hedge`.
    if (HEDGES.has(lw) || (!aux && t.pos !== 'MD' && !(t.pos === 'RB' && !CUE_PREFIX_STOP.has(lw)))) break;
    i--;
  }
  if (i < a) {
    c.cue = { start: toks[i]!.start, end: c.cue.end };
    refine(c, 'attribution:cue-auxiliaries');
  }
}

/**
 * Drops stray one-word pieces from a role tagger's content ("The ‖ supporters to monitor …",
 * "Friday ‖ that …"): a lone determiner, preposition, conjunction, adverb or time word beside
 * the real content. The source first loses trailing adverbs ({@link trimSourceAdverbs}).
 */
function dropStrays(doc: WorkingDoc, raw: RoleResult): RoleResult {
  const read = trimSourceAdverbs(doc, raw);
  if (read.content.length < 2) return read;
  const kept = read.content.filter((s) => {
    const words = tokensIn(doc, s).filter((t) => t.kind === 'word' || t.kind === 'number');
    if (words.length !== 1) return true;
    const w = words[0]!;
    return !(/^(?:DT|IN|WDT|CC|RB|TO|WRB)$/.test(w.pos ?? '') || TEMPORAL.has(toLower(w.text)));
  });
  return kept.length === read.content.length || kept.length === 0 ? read : { source: read.source, content: kept };
}


/**
 * Cuts adverbs off the end of a role tagger's source ("The group also | views", "These voters
 * specifically | point to"): PolNeAR sources end at their noun, and a source ending in an adverb
 * fails {@link sourceHasHead}.
 */
function trimSourceAdverbs(doc: WorkingDoc, read: RoleResult): RoleResult {
  const src = read.source;
  if (!src) return read;
  const toks = tokensIn(doc, src);
  let k = toks.length;
  while (k > 1 && /^RB/.test(toks[k - 1]!.pos ?? '')) k--;
  if (k === toks.length) return read;
  return { source: { start: src.start, end: toks[k - 1]!.end }, content: read.content };
}

/**
 * "The governor added:" closing a paragraph hands the next paragraph to its short subject: the
 * sentence is a source (a name or noun phrase of up to six words), gap words, a cue verb and a
 * colon, and nothing else.
 */
function colonParagraphs(doc: WorkingDoc, held: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const toks = doc.tokens;
  const cues = new SpanIndex(held.map((c) => c.cue));
  let paraEnds: Int32Array | null = null;
  let ti = 0;
  for (let si = 0; si + 1 < doc.sentences.length; si++) {
    const s = doc.sentences[si]!;
    while (ti < toks.length && toks[ti]!.start < s.start) ti++;
    let tj = ti;
    while (tj < toks.length && toks[tj]!.end <= s.end) tj++;
    const next = doc.sentences[si + 1]!;
    if (tj - ti < 3 || toks[tj - 1]!.text !== ':' || !/\n/.test(doc.text.slice(s.end, next.start))) continue;
    const verb = toks[tj - 2]!;
    if (!verb.pos?.startsWith('VB') || !CUE_BY_FORM.has(toLower(verb.text)) || cues.overlaps(verb)) continue;
    let e = tj - 2;
    while (e > ti && CUE_GAP_WORDS.has(toLower(toks[e - 1]!.text))) e--;
    if (e === ti || e - ti > 6 || !toks.slice(ti, e).every((t) => t.kind === 'word' || t.text === '.')) continue;
    if (!/^(?:NN|PRP|DT|JJ)/.test(toks[e - 1]!.pos ?? '') && !/^\p{Lu}/u.test(toks[e - 1]!.text)) continue;
    if (!doc.body.some((b) => s.start >= b.start && next.end <= b.end)) continue;
    // The content runs to the end of the next paragraph.
    out.push({ source: { start: toks[ti]!.start, end: toks[e - 1]!.end }, cue: { start: verb.start, end: verb.end },
      content: [{ start: next.start, end: (paraEnds ??= paragraphEnds(doc))[si + 1]! }], hedge: null, rule: 'colon-paragraph', sentence: si });
  }
  return out;
}

/** Whether a candidate's content runs to the end of the cue's sentence (closing punctuation aside). */
function endsSentence(doc: WorkingDoc, c: Candidate): boolean {
  const last = c.content[c.content.length - 1];
  const s = doc.sentences[c.sentence];
  return !!last && !!s && /^[\s.”"’')!?]*$/.test(doc.text.slice(last.end, s.end));
}

/** A content that opens its sentence starts after the sentence's dateline ("WASHINGTON ― | The deal …"). */
function dropDateline(doc: WorkingDoc, c: Candidate): void {
  const toks = doc.tokens;
  c.content = c.content.map((s) => {
    const [a, b] = tokenRange(toks, s);
    if (a >= b || (a > 0 && toks[a - 1]!.sentence === toks[a]!.sentence)) return s;
    const n = datelineLength(toks, a, b);
    if (n === 0) return s;
    refine(c, 'attribution:dateline');
    return { start: toks[a + n]!.start, end: s.end };
  });
}

/**
 * A cue inside an opening subordinate clause ("Although the senator said A, | her party …"): its
 * content after the cue ends at the comma that closes the clause, where a subject and a finite
 * verb start the main one. Runs after the boundary ranker, which may not move past it.
 */
function cutAtMainClause(doc: WorkingDoc, c: Candidate): void {
  const last = c.content[c.content.length - 1];
  if (!last || last.start < c.cue.end) return;
  const toks = doc.tokens;
  const sentence = doc.sentences[c.sentence];
  if (!sentence) return;
  const [s0] = tokenRange(toks, sentence);
  if (!SUBORDINATORS.has(toLower(toks[s0]?.text ?? ''))) return;
  const [cueFrom] = tokenRange(toks, c.cue);
  for (let k = s0 + 1; k < cueFrom; k++) if (toks[k]!.text === ',') return;
  const [a, b] = tokenRange(toks, last);
  const inner = quoteIndex(doc).inner;
  for (let k = a + 1; k + 2 < b; k++) {
    const t = toks[k]!;
    if (t.text !== ',' || inner.holds(t)) continue;
    let v = k + 1;
    if (!/^(?:DT|PRP\$?|NNP?S?|JJ|CD)$/.test(toks[v]!.pos ?? '')) continue;
    while (v < b && /^(?:DT|PRP\$|NNP?S?|JJ|CD|POS)$/.test(toks[v]!.pos ?? '')) v++;
    if (toks[k + 1]!.pos === 'PRP') v = k + 2;
    if (!/^(?:VBD|VBZ|VBP|MD)$/.test(toks[v]?.pos ?? '')) continue;
    c.content = [...c.content.slice(0, -1), { start: last.start, end: toks[k - 1]!.end }];
    refine(c, 'attribution:main-clause');
    return;
  }
}

/** Records that a refiner changed a candidate's spans. */
function refine(c: Candidate, rule: string): void {
  if (!c.refined) c.refined = [];
  if (!c.refined.includes(rule)) c.refined.push(rule);
}

/**
 * Content after a finite cue stops before a verb coordinated with the cue ("tweeted that A | and
 * urged B"): a verb of the cue's own form after "and" continues the source's own clause. In
 * PolNeAR train such content stops there 172 times and runs on 99 times.
 */
function cutCoordinatedVerb(doc: WorkingDoc, c: Candidate): Span | null {
  const first = c.content[0];
  if (!first || first.start < c.cue.end) return null;
  const toks = doc.tokens;
  const [cueFrom, cueTo] = tokenRange(toks, c.cue);
  let head: Token | undefined;
  for (let i = cueTo - 1; i >= cueFrom; i--) if (toks[i]!.pos && /^VB[DZP]$/.test(toks[i]!.pos!)) { head = toks[i]; break; }
  if (!head) return null;
  const [a, b] = tokenRange(toks, first);
  const inner = quoteIndex(doc).inner;
  for (let k = a + 1; k + 1 < b; k++) {
    const t = toks[k]!;
    if (t.sentence !== toks[a]!.sentence) break;
    if (toLower(t.text) !== 'and' || inner.holds(t)) continue;
    // "and urged", "and repeatedly says": adverbs may come between.
    let v = k + 1;
    while (v + 1 < b && toks[v]!.pos === 'RB') v++;
    if (!sameVerbForm(toks[v]!, head.pos!)) continue;
    const end = toks[k - 1]!.text === ',' ? k - 1 : k;
    if (end <= a) return null;
    c.content = [{ start: first.start, end: toks[end - 1]!.end }];
    refine(c, 'attribution:coordinated-verb');
    return { start: first.start, end: toks[v]!.start };
  }
  return null;
}

/**
 * The coordinated verb a content was cut before ("said A and | called it B") speaks with the
 * cue's source: where that verb is another attribution's cue whose source lies in the cut-off
 * clause (the subject of A, "he"), or is missing, it takes this one's.
 */
function shareSourceWithVerb(doc: WorkingDoc, all: readonly Candidate[], c: Candidate, cut: Span): void {
  if (!c.source) return;
  const next = all.find((d) => d.cue.start === cut.end);
  if (!next || (next.source && !(next.source.start >= cut.start && next.source.end <= cut.end))) return;
  next.source = c.source;
  refine(next, 'attribution:coordinated-verb');
}

/** Whether a token is a verb of the given finite form; a lexicon cue counts by its ending (the tagger may call "urged" JJ). */
function sameVerbForm(t: Token, pos: string): boolean {
  if (t.pos === pos) return true;
  const lw = toLower(t.text);
  if (!CUE_BY_FORM.has(lw)) return false;
  return pos === 'VBD' ? lw.endsWith('ed') : pos === 'VBZ' ? /[^s]s$/.test(lw) : false;
}

/**
 * Closes a source's unbalanced parenthesis ("Jason Chaffetz (R-Utah)"), which the noun-phrase
 * finder stops short of.
 */
function closeSource(doc: WorkingDoc, c: Candidate, namesNear: (x: Span) => readonly Span[]): void {
  // A source never starts inside a name ("North | Korea's claims"): the models read word by word.
  const named = c.source && namesNear({ start: c.source.start, end: c.source.start + 1 }).find((m) => m.start < c.source!.start
    && !overlaps(m, c.cue) && !c.content.some((x) => overlaps(m, x)));
  if (named) {
    c.source = { start: named.start, end: Math.max(c.source!.end, named.end) };
    refine(c, 'attribution:source-name');
  }
  const s = c.source;
  if (!s) return;
  const inner = doc.text.slice(s.start, s.end);
  if (doc.text[s.end] === ')' && (inner.match(/\(/g)?.length ?? 0) > (inner.match(/\)/g)?.length ?? 0)) {
    c.source = { start: s.start, end: s.end + 1 };
    refine(c, 'attribution:source-appositive');
  }
  // A source after its cue takes the appositive that ends the sentence ("…,” said Ann Lee, a
  // professor of law at Yale."). A poll's trailing comment is the writer's ("…, a big swing").
  if (s.start < c.cue.end || c.rule === 'in-poll') return;
  const toks = doc.tokens;
  const [, b] = tokenRange(toks, c.source!);
  if (toks[b]?.text !== ',' || toks[b]!.sentence !== toks[b - 1]!.sentence) return;
  const first = toks[b + 1];
  if (!first || !(/^(?:DT|JJS?|NNP?S?|PRP\$|CD)$/.test(first.pos ?? '') || toLower(first.text) === 'who')) return;
  let e = b + 1;
  while (e < toks.length && toks[e]!.sentence === first.sentence && toks[e]!.kind !== 'quote' && !/^[.!?;:\u2014]$/.test(toks[e]!.text)) e++;
  if (toks[e]?.sentence !== first.sentence && e < toks.length) return;
  if (c.content.some((x) => x.start >= toks[b]!.start && x.start < toks[e - 1]!.end)) return;
  c.source = { start: c.source!.start, end: toks[e - 1]!.end };
  refine(c, 'attribution:source-appositive');
}

/**
 * Default for {@link AttributionOptions.cueThreshold}: stricter than the detector's own best
 * token-level threshold, because each cue it adds needs a source and content read right. On
 * PolNeAR dev, relation F1 is 65.3 at 8 and 65.1 at 4 and 0, where the seed gains false stances.
 */
export const CUE_THRESHOLD = 8;

/**
 * Lowest cue-detector score a cue may have, and the role tagger's margin (its reading against
 * no source and no content) such a cue needs below {@link CUE_THRESHOLD}. On PolNeAR dev this
 * takes relation F1 from 66.3 to 66.6; margins of 2000–8000 and floors of 0 or −4 all give 66.5–66.6.
 */
export const CUE_FLOOR = -4;
/**
 * See {@link CUE_FLOOR}. With the models of the 44-feature role tagger, margins of 2000–4000 all
 * give dev relation F1 68.1–68.2; 3000 keeps the seed's "Israel has resisted" stance, which 4000
 * drops.
 */
export const DETECTOR_ROLE_MARGIN = 3000;

/**
 * Attributions for the cue detector's cues: each run that no candidate already holds (as cue,
 * source or content) and that lies in the body, read by the role tagger, kept when it scores
 * `threshold` or its reading is sure enough, with a source that ends in a noun and content
 * apart from it.
 */
function detectorCandidates(doc: WorkingDoc, held: readonly Candidate[], runs: readonly { from: number; to: number; score: number }[], roles: RoleModel, threshold: number, roleMargin: number): Candidate[] {
  const out: Candidate[] = [];
  const heldSpans = new SpanIndex(held.flatMap((c) => [c.cue, ...(c.source ? [c.source] : []), ...c.content]));
  for (const r of runs) {
    const cue = { start: doc.tokens[r.from]!.start, end: doc.tokens[r.to - 1]!.end };
    if (heldSpans.overlaps(cue)) continue;
    if (!doc.body.some((b) => inside(cue, b))) continue;
    const { read: raw, margin } = roles.readScored(doc, r.from, r.to);
    const read = dropStrays(doc, raw);
    if (r.score < threshold && margin < roleMargin) continue;
    if (!read.source || read.content.length === 0) continue;
    if (read.content.some((c) => overlaps(c, read.source!))) continue;
    if (!sourceHasHead(doc, read.source)) continue;
    const stance = !propositional(doc, read.content);
    const sentence = sentenceHolding(doc, cue);
    out.push({ source: read.source, cue, content: read.content, hedge: null, rule: 'cues', sentence, ...(stance ? { stance } : {}) });
  }
  return out;
}

/**
 * Rules whose readings the role tagger replaces: on PolNeAR dev, given the same cues, it reads
 * these rules' sources and contents right more often than the rules do. `participle-cue` left
 * the list with the 44-feature tagger: forced rereads gain 3 dev matches but give the seed's
 * "a letter to President Isaac Herzog urging him" the letter's addressee as its source; it is
 * now reread only where the tagger is sure ({@link ROLE_REREAD_MARGIN}).
 */
export const ROLE_REREAD: readonly string[] = ['source-directive-infinitive', 'source-cue-object'];

/**
 * Rules whose readings the role tagger never replaces on PolNeAR dev (a quotation and its speaker
 * after the cue, a speaker label, a dash credit, a passive agent, a colon before a paragraph), so
 * their rereads are skipped for speed; and a seeming, which has no source for the tagger to read
 * (it read "the politician … seemed to be shrinking" with a source and a longer content).
 */
const NO_REREAD: ReadonlySet<string> = new Set(['content-cue-source', 'colon-cue', 'dash-credit', 'passive-by', 'colon-paragraph', 'seeming']);

/**
 * How much more (in path score) the role tagger must prefer its own reading of another rule's cue
 * over the rule's reading to replace it. On PolNeAR dev relation F1 is 65.3 without these
 * rereads, 66.1–66.3 from 50 to 2000; below 1000 the seed gains a false attribution.
 */
export const ROLE_REREAD_MARGIN = 1000;

/**
 * Default for {@link AttributionOptions.modelMargin}, chosen on PolNeAR dev: relation F1 is flat
 * from 400 to 1300 (62.4–62.7 before bare cues); 1000 keeps the seed's statements intact.
 */
export const MODEL_MARGIN = 1000;

/**
 * Whether a model attribution's content reads as a proposition (a clause or a quotation) rather
 * than a noun phrase or an infinitive: "praised the minister" and "agreed to talks" report an
 * attitude, not a claim.
 */
function propositional(doc: WorkingDoc, content: readonly Span[]): boolean {
  const c = content[0];
  if (!c) return false;
  const ct = tokensIn(doc, { start: c.start, end: Math.min(c.end, c.start + 80) }).slice(0, 8);
  const first = ct[0];
  if (!first) return false;
  const lw = first.text.toLowerCase();
  if (first.kind === 'quote' || lw === 'that' || lw === 'whether' || lw === 'if' || lw === 'why' || lw === 'how' || lw === 'what') return true;
  // "agreed to revisit", "plans to run": an intention, not a claim.
  if (lw === 'to') return false;
  return ct.some((t) => /^(?:VBD|VBZ|VBP|MD)$/.test(t.pos ?? ''));
}

/** Words that stand for a source on their own: relative pronouns and quantifiers ("all agreed"). */
const SOURCE_PRONOUNS: ReadonlySet<string> = new Set(['who', 'which', 'that', 'all', 'both', 'many', 'some', 'most', 'few', 'several', 'each', 'none', 'others']);

/** Whether a model attribution's source ends in a noun, pronoun or number (or is "who", "all"…). */
function sourceHasHead(doc: WorkingDoc, source: Span | null): boolean {
  // Trailing punctuation ("Ms. Moore, an aide,") says nothing about the source's head.
  let src = source ? tokensIn(doc, source).filter((t) => t.kind !== 'punct' && t.kind !== 'quote') : [];
  // A possessor is a source ("Trump’s | claim that …", "North Korea's | claims"): its noun is the head.
  if (src.length > 1 && src[src.length - 1]!.pos === 'POS') src = src.slice(0, -1);
  const last = src[src.length - 1];
  return !!last && (!!(last.pos && /^(?:NN|PRP|CD)/.test(last.pos)) || SOURCE_PRONOUNS.has(last.text.toLowerCase()));
}

/** Whether {@link acceptModelCue} could accept a cue, judging by the cue's tokens alone. */
function canAcceptByCue(doc: WorkingDoc, cue: Span): boolean {
  const heads = cueHeads(tokensIn(doc, cue));
  return !!(heads.lexical || heads.finite);
}

/**
 * The heads {@link acceptModelCue} judges a cue by: a lexicon form (or ":" / "according"), and
 * else a finite verb that ends the cue.
 */
function cueHeads(toks: readonly Token[]): { lexical: Token | undefined; finite: Token | undefined } {
  const lexical = toks.find((t) => CUE_BY_FORM.has(toLower(t.text)) || t.text === ':' || toLower(t.text) === 'according');
  const verbs = toks.filter((t) => t.pos?.startsWith('VB'));
  const head = verbs[verbs.length - 1];
  const finite = head && /^VB[DZP]$/.test(head.pos!) && head === toks[toks.length - 1] ? head : undefined;
  return { lexical, finite };
}

/** A model cue is kept when its head is a lexicon cue used as the lexicon allows and its source ends in a noun. */
function acceptModelCue(doc: WorkingDoc, m: Attribution): boolean {
  if (!sourceHasHead(doc, m.source)) return false;
  // A source cut off from its cue by a dash, semicolon or colon belongs to another clause.
  const gapFrom = Math.min(m.source!.end, m.cue.end);
  const gapTo = Math.max(m.source!.start, m.cue.start);
  if (gapTo > gapFrom && /[\u2014\u2013\u2015;:]/.test(doc.text.slice(gapFrom, gapTo))) return false;
  const { lexical: headTok, finite: head } = cueHeads(tokensIn(doc, m.cue));
  if (!headTok) {
    // A cue outside the lexicon ("laid out", "dismissed") is kept when it is a finite verb with
    // a clause or quotation after it, not a verb of doing with an infinitive ("agreed to revisit").
    if (!head) return false;
    const after = doc.tokens[doc.tokens.indexOf(head) + 1];
    if (!after) return false;
    if (after.text.toLowerCase() === 'that' || after.quote === 'open' || after.text === ':') return true;
    // Otherwise the content must open with a clause: a subject, then a finite verb soon after.
    const c = m.content[0];
    if (!c || c.start < head.end) return false;
    const ct = tokensIn(doc, { start: c.start, end: Math.min(c.end, c.start + 60) }).slice(0, 6);
    return /^(?:PRP|NNP|NNPS|DT|NN|NNS)$/.test(ct[0]?.pos ?? '') && ct.some((t) => /^(?:VBD|VBZ|VBP|MD)$/.test(t.pos ?? ''));
  }
  const entries = CUE_BY_FORM.get(headTok.text.toLowerCase());
  if (entries && entries.every((e) => e.thatOnly)) {
    const next = doc.tokens[doc.tokens.indexOf(headTok) + 1];
    if (next?.text.toLowerCase() !== 'that') return false;
  }
  return true;
}
