/**
 * Two versions of a story compared: an outlet's first and revised text, or an article and a blog's
 * repost of it. Reads two hearsay/1 documents (no I/O, no analysis of its own) and reports what
 * changed in the text, in who is quoted and how, in the outlet's own loaded words, and in the
 * coded events. Every change points into the documents with spans, `before` into the first and
 * `after` into the second.
 */
import { sourceLabel } from '../core/document.js';
import type { Attribution, EventRecord, HearsayDocument, Meta, SourceKind, Span, TimeExpression } from '../core/types.js';

/** Schema identifier of a comparison. */
export const COMPARE_SCHEMA = 'hearsay-compare/1' as const;

/** How one item fares from the first version to the second. */
export type ChangeKind = 'same' | 'changed' | 'added' | 'removed';

/** A run of words that differs inside a changed sentence (null on the side that has none). */
export interface WordEdit {
  before: Span | null;
  after: Span | null;
}

/** One body sentence of either version and its counterpart. */
export interface SentenceChange {
  kind: ChangeKind;
  before: Span | null;
  after: Span | null;
  /** Share of words the two versions have in common (Jaccard over word sets); 1 when the same. */
  similarity: number;
  /** For changed sentences, the runs of words that differ, in order. */
  edits?: WordEdit[];
}

/** Parts of an attribution that can differ between versions. */
export type AttributionField = 'source' | 'sourceKind' | 'cue' | 'content' | 'quote' | 'hedge' | 'stance' | 'chain';

/** One attribution of either version and its counterpart. */
export interface AttributionChange {
  kind: ChangeKind;
  /** Attribution ids in the first and second document. */
  before: string | null;
  after: string | null;
  /** What differs, for `changed`. */
  changed: AttributionField[];
  /** Content word overlap (Jaccard over word sets) between the two versions. */
  similarity: number;
}

/** How often a source is cited in each version. */
export interface SourceChange {
  kind: ChangeKind;
  /** The entity id, or the source's words lower-cased ("senior state officials"). */
  key: string;
  /** The entity's name or the source's text, for display. */
  name: string;
  /** The source kind in the latest version that cites it. */
  sourceKind: SourceKind;
  /** Attributions citing it in the first and the second version. */
  before: number;
  after: number;
}

/** A loaded word of either version and its counterpart. */
export interface VoiceChange {
  kind: ChangeKind;
  /** The word, lower-cased (its spans are `before` / `after`). */
  word: string;
  before: Span | null;
  after: Span | null;
  voiceBefore: 'authorial' | 'attributed' | null;
  voiceAfter: 'authorial' | 'attributed' | null;
}

/**
 * A time expression of either version and its counterpart in the matching sentence: `changed`
 * where the value differs ("Tuesday" → "Wednesday", or the same words on another date).
 */
export interface TimeChange {
  kind: ChangeKind;
  before: (Span & { value: string | null }) | null;
  after: (Span & { value: string | null }) | null;
  /** The words on each side. */
  textBefore: string | null;
  textAfter: string | null;
}

/** A coded event of either version and its counterpart (same type, actors and recipients). */
export interface EventChange {
  kind: ChangeKind;
  type: string;
  /** Event ids in the first and second document. */
  before: string | null;
  after: string | null;
}

/** A metadata field whose value differs. */
export interface MetaChange {
  field: keyof Meta;
  before: string | null;
  after: string | null;
}

/** Counts per kind of change. */
export type ChangeCounts = Record<ChangeKind, number>;

/** What {@link compareDocuments} returns: plain JSON. */
export interface Comparison {
  schema: typeof COMPARE_SCHEMA;
  before: { path: string | null; outlet: string | null; published: string | null };
  after: { path: string | null; outlet: string | null; published: string | null };
  meta: MetaChange[];
  sentences: SentenceChange[];
  attributions: AttributionChange[];
  sources: SourceChange[];
  voice: VoiceChange[];
  events: EventChange[];
  /** Dates and other times, paired within matching sentences (new in the second session of 2026-12-06; absent in older comparisons). */
  times?: TimeChange[];
  summary: { sentences: ChangeCounts; attributions: ChangeCounts; voice: ChangeCounts; events: ChangeCounts; times?: ChangeCounts };
}

/** Options of {@link compareDocuments}. */
export interface CompareOptions {
  /** Least word overlap for two sentences to count as one sentence changed (default 0.5). */
  sentenceSimilarity?: number;
  /** Least content overlap for two attributions to count as one (default 0.4). */
  contentSimilarity?: number;
  /** Largest sentence grid aligned exactly; past it, sentences pair greedily (default 4,000,000 cells). */
  maxCells?: number;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

interface Word extends Span {
  w: string;
}

function wordsIn(text: string, spans: readonly Span[]): Word[] {
  const out: Word[] = [];
  for (const s of spans) {
    const part = text.slice(s.start, s.end);
    for (const m of part.matchAll(WORD)) out.push({ w: m[0].toLowerCase(), start: s.start + m.index, end: s.start + m.index + m[0].length });
  }
  return out;
}

function jaccard(a: readonly Word[], b: readonly Word[]): number {
  const sa = new Set(a.map((x) => x.w));
  const sb = new Set(b.map((x) => x.w));
  if (sa.size === 0 && sb.size === 0) return 1;
  let both = 0;
  for (const w of sa) if (sb.has(w)) both++;
  return both / (sa.size + sb.size - both);
}

/** Longest common subsequence of two key lists as index pairs, in order. */
function lcsPairs(a: readonly string[], b: readonly string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const table = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] = a[i] === b[j] ? table[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(table[(i + 1) * (m + 1) + j]!, table[i * (m + 1) + j + 1]!);
    }
  }
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) { out.push([i, j]); i++; j++; } else if (table[(i + 1) * (m + 1) + j]! >= table[i * (m + 1) + j + 1]!) i++; else j++;
  }
  return out;
}

/** Pairs equal keys in order without the grid, for inputs too large for {@link lcsPairs}. */
function greedyPairs(a: readonly string[], b: readonly string[]): [number, number][] {
  const at = new Map<string, number[]>();
  b.forEach((k, j) => { const l = at.get(k); if (l) l.push(j); else at.set(k, [j]); });
  const out: [number, number][] = [];
  let last = -1;
  for (let i = 0; i < a.length; i++) {
    const j = at.get(a[i]!)?.find((x) => x > last);
    if (j !== undefined) { out.push([i, j]); last = j; }
  }
  return out;
}

/** Equal keys paired in order: common ends first, then an exact alignment of the middle if it fits. */
function alignKeys(a: readonly string[], b: readonly string[], maxCells: number): [number, number][] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const mid = (midA.length + 1) * (midB.length + 1) <= maxCells ? lcsPairs(midA, midB) : greedyPairs(midA, midB);
  const out: [number, number][] = [];
  for (let i = 0; i < head; i++) out.push([i, i]);
  for (const [i, j] of mid) out.push([i + head, j + head]);
  for (let k = tail; k > 0; k--) out.push([a.length - k, b.length - k]);
  return out;
}

/** Word runs that differ between two word lists, from their alignment. */
function wordEdits(a: readonly Word[], b: readonly Word[], maxCells: number): WordEdit[] {
  const pairs = alignKeys(a.map((x) => x.w), b.map((x) => x.w), maxCells);
  const edits: WordEdit[] = [];
  let i = 0;
  let j = 0;
  const flush = (ti: number, tj: number) => {
    if (ti > i || tj > j) {
      edits.push({
        before: ti > i ? { start: a[i]!.start, end: a[ti - 1]!.end } : null,
        after: tj > j ? { start: b[j]!.start, end: b[tj - 1]!.end } : null,
      });
    }
  };
  for (const [pi, pj] of pairs) { flush(pi, pj); i = pi + 1; j = pj + 1; }
  flush(a.length, b.length);
  return edits;
}

/** Body sentences (all sentences where a document marks no body). */
function bodySentences(doc: HearsayDocument): Span[] {
  if (doc.body.length === 0) return doc.sentences;
  return doc.sentences.filter((s) => doc.body.some((b) => s.start < b.end && b.start < s.end));
}

function compareSentences(before: HearsayDocument, after: HearsayDocument, minSimilarity: number, maxCells: number): SentenceChange[] {
  const sa = bodySentences(before);
  const sb = bodySentences(after);
  const wa = sa.map((s) => wordsIn(before.text, [s]));
  const wb = sb.map((s) => wordsIn(after.text, [s]));
  const key = (w: Word[]) => w.map((x) => x.w).join(' ');
  const pairs = alignKeys(wa.map(key), wb.map(key), maxCells);
  const out: SentenceChange[] = [];
  let i = 0;
  let j = 0;
  // Between two equal sentences, unequal ones pair in order where enough of their words agree.
  const gap = (ti: number, tj: number) => {
    let jj = j;
    for (let x = i; x < ti; x++) {
      let best = -1;
      let bestSim = -1;
      for (let y = jj; y < tj; y++) {
        const sim = jaccard(wa[x]!, wb[y]!);
        if (sim >= minSimilarity && sim > bestSim) { best = y; bestSim = sim; }
      }
      if (best < 0) { out.push({ kind: 'removed', before: sa[x]!, after: null, similarity: 0 }); continue; }
      for (; jj < best; jj++) out.push({ kind: 'added', before: null, after: sb[jj]!, similarity: 0 });
      out.push({ kind: 'changed', before: sa[x]!, after: sb[best]!, similarity: bestSim, edits: wordEdits(wa[x]!, wb[best]!, maxCells) });
      jj = best + 1;
    }
    for (; jj < tj; jj++) out.push({ kind: 'added', before: null, after: sb[jj]!, similarity: 0 });
  };
  for (const [pi, pj] of pairs) {
    gap(pi, pj);
    // Same words; punctuation or quotation marks may still differ.
    out.push({ kind: 'same', before: sa[pi]!, after: sb[pj]!, similarity: 1 });
    i = pi + 1;
    j = pj + 1;
  }
  gap(sa.length, sb.length);
  return out;
}

const DETERMINER = new Set(['the', 'a', 'an']);

/** The key a source is counted under across versions: its entity, else its words. */
function sourceKey(doc: HearsayDocument, a: Attribution): string | null {
  const s = a.source;
  if (!s) return null;
  if (s.entity) return s.entity;
  const words = wordsIn(doc.text, [s]).map((x) => x.w);
  while (words.length > 1 && (DETERMINER.has(words[0]!) || /^\d+$/.test(words[0]!))) words.shift();
  return words.join(' ') || null;
}


interface AttributionView {
  a: Attribution;
  source: string | null;
  cue: string;
  content: Word[];
  contentKey: string;
  chain: string;
}

function views(doc: HearsayDocument): AttributionView[] {
  const byId = new Map(doc.attributions.map((a) => [a.id, a]));
  return doc.attributions.map((a) => {
    const content = wordsIn(doc.text, a.content);
    // The chain is the sources it is relayed through ("officials → Reilly"), outermost last.
    const chain: string[] = [];
    for (let via = a.via, guard = 0; via && guard < 50; guard++) {
      const outer = byId.get(via);
      if (!outer) break;
      chain.push(sourceKey(doc, outer) ?? '');
      via = outer.via;
    }
    return {
      a, source: sourceKey(doc, a), cue: wordsIn(doc.text, [a.cue]).map((x) => x.w).join(' '),
      content, contentKey: content.map((x) => x.w).join(' '), chain: chain.join('>'),
    };
  });
}

/** Entries of a long posting list looked at per attribution (those nearest its expected place). */
const MAX_POSTINGS = 400;
/** Candidate pairs kept per attribution of the first version. */
const MAX_CANDIDATES = 16;

/** At most `limit` entries of an ascending list, those nearest `center`. */
function near(list: readonly number[], center: number, limit: number): readonly number[] {
  if (list.length <= limit) return list;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (list[m]! < center) lo = m + 1; else hi = m; }
  const from = Math.max(0, Math.min(lo - (limit >> 1), list.length - limit));
  return list.slice(from, from + limit);
}

function compareAttributions(before: HearsayDocument, after: HearsayDocument, minSimilarity: number): AttributionChange[] {
  const va = views(before);
  const vb = views(after);
  const candidates: { i: number; j: number; sim: number; score: number }[] = [];
  // Shared content words counted through an index of the second version's words, so a long page
  // costs the pairs that share words, not every pair.
  const setsB = vb.map((y) => new Set(y.content.map((w) => w.w)));
  const postings = new Map<string, number[]>();
  setsB.forEach((set, j) => { for (const w of set) { const l = postings.get(w); if (l) l.push(j); else postings.set(w, [j]); } });
  const shared = new Int32Array(vb.length);
  const emptyB: number[] = [];
  setsB.forEach((set, j) => { if (set.size === 0) emptyB.push(j); });
  va.forEach((x, i) => {
    const set = new Set(x.content.map((w) => w.w));
    const touched: number[] = [];
    // A word shared by thousands of contents ("yes" in a transcript) is looked up only near where
    // this attribution would sit in the second version, so a page costs linear time, not n × m.
    const center = va.length > 1 ? Math.round((i * (vb.length - 1)) / (va.length - 1)) : 0;
    for (const w of set) for (const j of near(postings.get(w) ?? [], center, MAX_POSTINGS)) { if (shared[j] === 0) touched.push(j); shared[j]!++; }
    const mine: { i: number; j: number; sim: number; score: number }[] = [];
    for (const j of touched) {
      const y = vb[j]!;
      const sim = shared[j]! / (set.size + setsB[j]!.size - shared[j]!);
      shared[j] = 0;
      const sameSource = x.source === y.source;
      // A reworded content still pairs when the same source says it; a re-sourced one when the content agrees.
      if (sim >= minSimilarity || (sameSource && x.source !== null && sim >= minSimilarity / 2)) {
        mine.push({ i, j, sim, score: sim + (sameSource ? 0.3 : 0) + (x.cue === y.cue ? 0.2 : 0) });
      }
    }
    // Two contents without words (a cue alone) are the same content.
    if (set.size === 0) {
      for (const j of near(emptyB, center, MAX_POSTINGS)) {
        const y = vb[j]!;
        if (x.source === y.source) mine.push({ i, j, sim: 1, score: 1.3 + (x.cue === y.cue ? 0.2 : 0) });
      }
    }
    // The best few per attribution are all the greedy pairing below can use, and they bound memory.
    mine.sort((p, q) => q.score - p.score || Math.abs(p.j - center) - Math.abs(q.j - center) || p.j - q.j);
    for (let k = 0; k < mine.length && k < MAX_CANDIDATES; k++) candidates.push(mine[k]!);
  });
  candidates.sort((p, q) => q.score - p.score || p.i - q.i || p.j - q.j);
  const pairA = new Int32Array(va.length).fill(-1);
  const pairB = new Int32Array(vb.length).fill(-1);
  const sims = new Float64Array(va.length);
  for (const c of candidates) {
    if (pairA[c.i] !== -1 || pairB[c.j] !== -1) continue;
    pairA[c.i] = c.j;
    pairB[c.j] = c.i;
    sims[c.i] = c.sim;
  }
  const out: AttributionChange[] = [];
  const removed = (i: number) => out.push({ kind: 'removed', before: va[i]!.a.id, after: null, changed: [], similarity: 0 });
  let nextA = 0;
  // In the second version's order, with each removed attribution placed before the first one after it.
  vb.forEach((y, j) => {
    const i = pairB[j]!;
    if (i < 0) { out.push({ kind: 'added', before: null, after: y.a.id, changed: [], similarity: 0 }); return; }
    for (; nextA < i; nextA++) if (pairA[nextA] === -1) removed(nextA);
    if (nextA === i) nextA++;
    const x = va[i]!;
    const changed: AttributionField[] = [];
    if (x.source !== y.source) changed.push('source');
    if ((x.a.source?.kind ?? null) !== (y.a.source?.kind ?? null)) changed.push('sourceKind');
    if (x.cue !== y.cue) changed.push('cue');
    if (x.contentKey !== y.contentKey) changed.push('content');
    if (x.a.quote !== y.a.quote) changed.push('quote');
    if (x.a.hedge !== y.a.hedge) changed.push('hedge');
    if ((x.a.stance ?? false) !== (y.a.stance ?? false)) changed.push('stance');
    if (x.chain !== y.chain) changed.push('chain');
    out.push({ kind: changed.length ? 'changed' : 'same', before: x.a.id, after: y.a.id, changed, similarity: sims[i]! });
  });
  for (; nextA < va.length; nextA++) if (pairA[nextA] === -1) removed(nextA);
  return out;
}

function compareSources(before: HearsayDocument, after: HearsayDocument): SourceChange[] {
  const table = new Map<string, SourceChange>();
  const count = (doc: HearsayDocument, side: 'before' | 'after') => {
    for (const a of doc.attributions) {
      const key = sourceKey(doc, a);
      if (key === null) continue;
      let row = table.get(key);
      if (!row) { row = { kind: 'same', key, name: sourceLabel(doc, a)!, sourceKind: a.source!.kind, before: 0, after: 0 }; table.set(key, row); }
      if (side === 'after') { row.name = sourceLabel(doc, a)!; row.sourceKind = a.source!.kind; }
      row[side]++;
    }
  };
  count(before, 'before');
  count(after, 'after');
  const rows = [...table.values()];
  for (const r of rows) r.kind = r.before === 0 ? 'added' : r.after === 0 ? 'removed' : r.before === r.after ? 'same' : 'changed';
  return rows.sort((p, q) => Math.abs(q.after - q.before) - Math.abs(p.after - p.before) || q.after + q.before - (p.after + p.before) || (p.key < q.key ? -1 : p.key > q.key ? 1 : 0));
}

/**
 * Two lists paired in order by key (equal keys, longest alignment): each pair, and the items of
 * either list between pairs, handed out in the second list's order.
 */
function pairInOrder<A, B, C>(a: readonly A[], b: readonly B[], keyA: (x: A) => string, keyB: (y: B) => string, make: {
  pair: (x: A, y: B) => C; removed: (x: A) => C; added: (y: B) => C;
}): C[] {
  const out: C[] = [];
  let i = 0;
  let j = 0;
  const rest = (ti: number, tj: number) => {
    for (; i < ti; i++) out.push(make.removed(a[i]!));
    for (; j < tj; j++) out.push(make.added(b[j]!));
  };
  for (const [pi, pj] of alignKeys(a.map(keyA), b.map(keyB), 1_000_000)) {
    rest(pi, pj);
    out.push(make.pair(a[pi]!, b[pj]!));
    i = pi + 1;
    j = pj + 1;
  }
  rest(a.length, b.length);
  return out;
}

function compareVoice(before: HearsayDocument, after: HearsayDocument): VoiceChange[] {
  const loaded = (doc: HearsayDocument) => doc.voice.filter((v) => v.loaded).map((v) => ({ v, word: doc.text.slice(v.start, v.end).toLowerCase() }));
  const word = (x: { word: string }) => x.word;
  return pairInOrder<ReturnType<typeof loaded>[number], ReturnType<typeof loaded>[number], VoiceChange>(loaded(before), loaded(after), word, word, {
    // The same word may have moved between the outlet's voice and a quoted one.
    pair: (x, y) => ({ kind: x.v.voice === y.v.voice ? 'same' : 'changed', word: y.word, before: span(x.v), after: span(y.v), voiceBefore: x.v.voice, voiceAfter: y.v.voice }),
    removed: (x) => ({ kind: 'removed', word: x.word, before: span(x.v), after: null, voiceBefore: x.v.voice, voiceAfter: null }),
    added: (y) => ({ kind: 'added', word: y.word, before: null, after: span(y.v), voiceBefore: null, voiceAfter: y.v.voice }),
  });
}

function span(s: Span): Span {
  return { start: s.start, end: s.end };
}

/**
 * Times paired within the sentences the alignment pairs: in order, by grain where the counts
 * differ; times of removed or added sentences are removed or added.
 */
function compareTimes(before: HearsayDocument, after: HearsayDocument, sentences: readonly SentenceChange[]): TimeChange[] {
  // Times by start, found per sentence by binary search: a long page stays linear.
  const sorted = (doc: HearsayDocument) => [...(doc.times ?? [])].sort((x, y) => x.start - y.start);
  const timesBefore = sorted(before);
  const timesAfter = sorted(after);
  const within = (list: readonly TimeExpression[], s: Span | null): TimeExpression[] => {
    if (!s) return [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) { const mid = (lo + hi) >>> 1; if (list[mid]!.start < s.start) lo = mid + 1; else hi = mid; }
    const out: TimeExpression[] = [];
    for (let k = lo; k < list.length && list[k]!.start < s.end; k++) if (list[k]!.end <= s.end) out.push(list[k]!);
    return out;
  };
  const side = (doc: HearsayDocument, t: TimeExpression) => ({ span: { start: t.start, end: t.end, value: t.value }, text: doc.text.slice(t.start, t.end) });
  const out: TimeChange[] = [];
  for (const s of sentences) {
    const xs = within(timesBefore, s.before);
    const ys = within(timesAfter, s.after);
    const changes = pairInOrder<TimeExpression, TimeExpression, TimeChange>(xs, ys, (t) => t.grain, (t) => t.grain, {
      pair: (x, y) => {
        const a = side(before, x);
        const b = side(after, y);
        return { kind: x.value === y.value && a.text === b.text ? 'same' : 'changed', before: a.span, after: b.span, textBefore: a.text, textAfter: b.text };
      },
      removed: (x) => { const a = side(before, x); return { kind: 'removed', before: a.span, after: null, textBefore: a.text, textAfter: null }; },
      added: (y) => { const b = side(after, y); return { kind: 'added', before: null, after: b.span, textBefore: null, textAfter: b.text }; },
    });
    out.push(...changes);
  }
  return out;
}

function eventKey(doc: HearsayDocument, e: EventRecord): string {
  const who = (xs: EventRecord['actor']) => xs.map((x) => x.entity ?? doc.text.slice(x.start, x.end).toLowerCase()).sort().join('+');
  return `${e.type}|${who(e.actor)}|${who(e.recipient)}|${e.negated ? 'not' : ''}`;
}

function compareEvents(before: HearsayDocument, after: HearsayDocument): EventChange[] {
  return pairInOrder<EventRecord, EventRecord, EventChange>(before.events ?? [], after.events ?? [], (e) => eventKey(before, e), (e) => eventKey(after, e), {
    pair: (x, y) => ({ kind: 'same', type: y.type, before: x.id, after: y.id }),
    removed: (x) => ({ kind: 'removed', type: x.type, before: x.id, after: null }),
    added: (y) => ({ kind: 'added', type: y.type, before: null, after: y.id }),
  });
}

const META_FIELDS: (keyof Meta)[] = ['title', 'outlet', 'site', 'published', 'url', 'byline', 'canonical', 'language'];

function counts(items: readonly { kind: ChangeKind }[]): ChangeCounts {
  const c: ChangeCounts = { same: 0, changed: 0, added: 0, removed: 0 };
  for (const x of items) c[x.kind]++;
  return c;
}

/**
 * Compares two versions of a story, e.g. `compareDocuments(analyze(first), analyze(revised))`:
 * body sentences aligned (same words, changed with the word runs that differ, added, removed),
 * attributions paired by content, source and cue (and what changed: a named source where an
 * anonymous one was, a hedge dropped, a quotation turned indirect), sources counted per version,
 * loaded words paired (and whether they moved between the outlet's voice and a quoted one), and
 * events paired by type and participants.
 */
export function compareDocuments(before: HearsayDocument, after: HearsayDocument, options: CompareOptions = {}): Comparison {
  const maxCells = options.maxCells ?? 4_000_000;
  const sentences = compareSentences(before, after, options.sentenceSimilarity ?? 0.5, maxCells);
  const attributions = compareAttributions(before, after, options.contentSimilarity ?? 0.4);
  const voice = compareVoice(before, after);
  const events = compareEvents(before, after);
  const times = compareTimes(before, after, sentences);
  const meta: MetaChange[] = [];
  for (const field of META_FIELDS) {
    const x = before.meta[field] ?? null;
    const y = after.meta[field] ?? null;
    if (x !== y) meta.push({ field, before: x, after: y });
  }
  const side = (d: HearsayDocument) => ({ path: d.input.path, outlet: d.meta.outlet, published: d.meta.published });
  return {
    schema: COMPARE_SCHEMA,
    before: side(before),
    after: side(after),
    meta,
    sentences,
    attributions,
    sources: compareSources(before, after),
    voice,
    events,
    times,
    summary: { sentences: counts(sentences), attributions: counts(attributions), voice: counts(voice), events: counts(events), times: counts(times) },
  };
}
