/**
 * The viewer's rendering logic, kept pure (no DOM, no I/O) so it runs in node tests and in the
 * browser alike: hearsay/1 JSON in, text segments and sourcing-panel data out.
 */
import type {
  Attribution, HearsayDocument, QuoteType, SourceKind, Span, TimeExpression, VoiceSpan,
} from '../core/types.js';
import { sourceLabel as coreSourceLabel } from '../core/document.js';
import { csvRows } from '../text/csv.js';

export { csvCell } from '../text/csv.js';

/** The role a stretch of text plays in an attribution. */
export type Role = 'source' | 'cue' | 'content';

/** A maximal stretch of text over which every highlight is constant. */
export interface Segment {
  start: number;
  end: number;
  text: string;
  /** Roles this stretch plays, in any attribution covering it. */
  roles: Role[];
  /** Ids of attributions whose source, cue or content covers it, innermost first. */
  attributions: string[];
  /** Innermost attribution covering it, if any. */
  primary: string | null;
  /** Quote type of the innermost content covering it, null outside any content. */
  quote: QuoteType | null;
  /** Whose voice this text is in: attributed inside some content, else authorial. */
  voice: 'authorial' | 'attributed';
  /** A strongly loaded word here, with whose voice it is in; null when none. */
  loaded: { voice: 'authorial' | 'attributed'; attribution: string | null; kind: string | null } | null;
  /** A mildly evaluative word here (puffery, an editorialising adverb, a verb of saying that carries doubt…); null when none or when `loaded` is set. */
  evaluative: { voice: 'authorial' | 'attributed'; attribution: string | null; kind: string | null } | null;
  /** Key of the source group when this stretch is a source span. */
  sourceKey: string | null;
  /** Kind of that source. */
  sourceKind: SourceKind | null;
  /** Outside the article body (boilerplate). */
  outsideBody: boolean;
  /** A time expression here with the value it was read as ("Tuesday" → 2025-06-10); null when none. */
  time: { value: string | null; grain: string } | null;
}

/** Sources said the same way, grouped by canonical entity or by their wording. */
export interface SourceGroup {
  key: string;
  label: string;
  kind: SourceKind;
  entity: string | null;
  /** Attribution ids, in text order. */
  attributions: string[];
  /** Characters of content attributed to this source (overlaps counted once). */
  contentChars: number;
  /** `contentChars` over the characters of the story body. */
  share: number;
  /** For a person, the gender the text states (or the first name suggests: see `genderRule`); null otherwise. */
  gender: 'female' | 'male' | null;
  /** The rule behind `gender`, null without one. */
  genderRule: string | null;
}

/** All groups of one source kind. */
export interface KindSummary {
  kind: SourceKind;
  /** Number of attributions with a source of this kind. */
  count: number;
  /** Share of the story body carried by sources of this kind (overlaps counted once). */
  share: number;
  groups: SourceGroup[];
}

/** A nest of attributions drawn as a path: outermost source → … → innermost: content. */
export interface Chain {
  /** Attribution ids from outermost to innermost. */
  ids: string[];
  /** Source labels from outermost to innermost. */
  labels: string[];
  /** Excerpt of the innermost content. */
  excerpt: string;
  /** "two senior American officials → Axios → Trump: …". */
  path: string;
}

/** One statement, as listed for a source. */
export interface Statement {
  id: string;
  sourceLabel: string;
  kind: SourceKind | null;
  cue: string;
  content: string;
  quote: QuoteType;
  hedge: string | null;
  /** An attitude ("praised the envoy") rather than a statement. */
  stance: boolean;
  /** Labels of the enclosing attributions, outermost first. */
  via: string[];
  rule: string;
  /** Refiners that changed its spans after `rule` found it. */
  refinedBy: string[];
}

/** Everything the page needs. */
export interface RenderModel {
  text: string;
  segments: Segment[];
  kinds: KindSummary[];
  groups: SourceGroup[];
  chains: Chain[];
  statements: Map<string, Statement>;
  meta: { title: string | null; outlet: string | null; site: string | null; published: string | null; byline: string | null; url: string | null };
  /** Characters of the body the shares are relative to. */
  bodyChars: number;
  /** Share of body characters inside some attributed content. */
  attributedShare: number;
  messages: HearsayDocument['messages'];
}

/** Order in which source kinds are shown. */
export const KIND_ORDER: readonly SourceKind[] = ['person', 'anonymous', 'outlet', 'organization', 'document', 'unknown'];

/** Human labels for source kinds. */
export const KIND_LABELS: Readonly<Record<SourceKind, string>> = {
  person: 'Named people',
  anonymous: 'Anonymous',
  outlet: 'Outlets',
  organization: 'Organizations',
  document: 'Documents',
  unknown: 'Unknown',
};

/** Key of the group for attributions with no source at all. */
export const NO_SOURCE_KEY = 'none:';

const EXCERPT = 90;

function slice(text: string, s: Span): string {
  return text.slice(Math.max(0, s.start), Math.min(text.length, s.end));
}

function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Shortens a string to `max` characters at a word boundary, ending with "…". */
export function excerpt(s: string, max = EXCERPT): string {
  const t = squash(s);
  if (t.length <= max) return t;
  const cut = t.lastIndexOf(' ', max - 1);
  return `${t.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}

/** Total length of the union of spans. */
export function unionLength(spans: readonly Span[]): number {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  let total = 0;
  let curS = -1;
  let curE = -1;
  for (const s of sorted) {
    if (s.start > curE) {
      total += curE - curS;
      curS = s.start;
      curE = s.end;
    } else if (s.end > curE) curE = s.end;
  }
  return total + (curE - curS);
}

/** The key grouping an attribution's source: entity id, else the lower-cased wording. */
export function sourceKey(doc: HearsayDocument, a: Attribution): string {
  if (!a.source) return NO_SOURCE_KEY;
  if (a.source.entity) return `entity:${a.source.entity}`;
  if (a.source.members?.length) return `entities:${a.source.members.join('+')}`;
  return `text:${squash(slice(doc.text, a.source)).toLowerCase()}`;
}

/** A readable label for an attribution's source: the core's label, on one line. */
export function sourceLabel(doc: HearsayDocument, a: Attribution): string {
  if (!a.source) return '(no source)';
  return squash(coreSourceLabel(doc, a) ?? '') || '(unnamed)';
}

/** Ids from the outermost enclosing attribution down to `id` itself; cycles are cut. */
export function viaPath(byId: Map<string, Attribution>, id: string): string[] {
  const path: string[] = [];
  const seen = new Set<string>();
  let cur: Attribution | undefined = byId.get(id);
  while (cur && !seen.has(cur.id)) {
    seen.add(cur.id);
    path.unshift(cur.id);
    cur = cur.via ? byId.get(cur.via) : undefined;
  }
  return path;
}

interface Mark {
  start: number;
  end: number;
  role: Role;
  attribution: Attribution;
  depth: number;
  key: string;
}

/** Builds the render model from a hearsay/1 document. */
export function buildRenderModel(doc: HearsayDocument): RenderModel {
  const text = doc.text;
  const byId = new Map(doc.attributions.map((a) => [a.id, a]));
  const depth = new Map(doc.attributions.map((a) => [a.id, viaPath(byId, a.id).length]));
  const body = doc.body.length ? doc.body : [{ start: 0, end: text.length }];
  const bodyChars = Math.max(1, unionLength(body));

  const marks: Mark[] = [];
  for (const a of doc.attributions) {
    const d = depth.get(a.id) ?? 1;
    const key = sourceKey(doc, a);
    if (a.source) marks.push({ start: a.source.start, end: a.source.end, role: 'source', attribution: a, depth: d, key });
    marks.push({ start: a.cue.start, end: a.cue.end, role: 'cue', attribution: a, depth: d, key });
    for (const c of a.content) marks.push({ start: c.start, end: c.end, role: 'content', attribution: a, depth: d, key });
  }
  const segments = buildSegments(text, marks, doc.voice, body, doc.times ?? []);

  // Source groups.
  const groups = new Map<string, SourceGroup & { spans: Span[] }>();
  for (const a of [...doc.attributions].sort((x, y) => x.cue.start - y.cue.start)) {
    const key = sourceKey(doc, a);
    let g = groups.get(key);
    if (!g) {
      const gender = a.source?.entity ? doc.entities.find((e) => e.id === a.source!.entity)?.gender ?? null : null;
      g = {
        key, label: sourceLabel(doc, a), kind: a.source?.kind ?? 'unknown', entity: a.source?.entity ?? null,
        attributions: [], contentChars: 0, share: 0, gender: gender?.value ?? null, genderRule: gender?.rule ?? null, spans: [],
      };
      groups.set(key, g);
    }
    g.attributions.push(a.id);
    g.spans.push(...a.content);
  }
  const groupList: SourceGroup[] = [];
  for (const g of groups.values()) {
    g.contentChars = unionLength(g.spans);
    g.share = g.contentChars / bodyChars;
    const { spans: _spans, ...plain } = g;
    groupList.push(plain);
  }
  groupList.sort((a, b) => b.contentChars - a.contentChars || b.attributions.length - a.attributions.length || a.label.localeCompare(b.label));

  const kinds: KindSummary[] = [];
  for (const kind of KIND_ORDER) {
    const gs = groupList.filter((g) => g.kind === kind);
    if (!gs.length) continue;
    const spans = doc.attributions.filter((a) => (a.source?.kind ?? 'unknown') === kind).flatMap((a) => a.content);
    kinds.push({
      kind,
      count: gs.reduce((n, g) => n + g.attributions.length, 0),
      share: unionLength(spans) / bodyChars,
      groups: gs,
    });
  }

  // Chains: one per innermost attribution that sits inside another.
  const parents = new Set(doc.attributions.map((a) => a.via).filter((v): v is string => !!v));
  const chains: Chain[] = [];
  for (const a of doc.attributions) {
    if (!a.via || parents.has(a.id)) continue;
    const ids = viaPath(byId, a.id);
    const labels = ids.map((id) => sourceLabel(doc, byId.get(id)!));
    const ex = excerpt(a.content.map((c) => slice(text, c)).join(' … '));
    chains.push({ ids, labels, excerpt: ex, path: `${labels.join(' → ')}: ${ex}` });
  }

  const statements = new Map<string, Statement>();
  for (const a of doc.attributions) {
    statements.set(a.id, {
      id: a.id,
      sourceLabel: sourceLabel(doc, a),
      kind: a.source?.kind ?? null,
      cue: squash(slice(text, a.cue)),
      content: squash(a.content.map((c) => slice(text, c)).join(' … ')),
      quote: a.quote,
      hedge: a.hedge,
      stance: a.stance === true,
      via: viaPath(byId, a.id).slice(0, -1).map((id) => sourceLabel(doc, byId.get(id)!)),
      rule: a.rule,
      refinedBy: a.refinedBy ?? [],
    });
  }

  const allContent = doc.attributions.flatMap((a) => a.content);
  return {
    text,
    segments,
    kinds,
    groups: groupList,
    chains,
    statements,
    meta: {
      title: doc.meta.title, outlet: doc.meta.outlet, site: doc.meta.site,
      published: doc.meta.published, byline: doc.meta.byline, url: doc.meta.url,
    },
    bodyChars,
    attributedShare: unionLength(clip(allContent, body)) / bodyChars,
    messages: doc.messages,
  };
}

function clip(spans: readonly Span[], within: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    for (const w of within) {
      const start = Math.max(s.start, w.start);
      const end = Math.min(s.end, w.end);
      if (end > start) out.push({ start, end });
    }
  }
  return out;
}

function buildSegments(text: string, marks: Mark[], voice: readonly VoiceSpan[], body: readonly Span[], times: readonly TimeExpression[]): Segment[] {
  const n = text.length;
  const cuts = new Set<number>([0, n]);
  const clampSpan = (s: Span): Span => ({ start: Math.max(0, Math.min(n, s.start)), end: Math.max(0, Math.min(n, s.end)) });
  for (const m of marks) { const c = clampSpan(m); cuts.add(c.start); cuts.add(c.end); }
  for (const v of voice) { const c = clampSpan(v); cuts.add(c.start); cuts.add(c.end); }
  for (const b of body) { const c = clampSpan(b); cuts.add(c.start); cuts.add(c.end); }
  for (const t of times) { const c = clampSpan(t); cuts.add(c.start); cuts.add(c.end); }
  const points = [...cuts].sort((a, b) => a - b);

  // Sweep: marks sorted by start, active set pruned as we go.
  const sorted = marks.filter((m) => m.end > m.start).sort((a, b) => a.start - b.start);
  const voices = voice.filter((v) => v.end > v.start).sort((a, b) => a.start - b.start);
  const bodies = body.filter((b) => b.end > b.start).sort((a, b) => a.start - b.start);
  const timeList = times.filter((t) => t.end > t.start).sort((a, b) => a.start - b.start);
  let ti = 0;
  let mi = 0;
  let vi = 0;
  let active: Mark[] = [];
  let activeVoice: VoiceSpan[] = [];
  const segments: Segment[] = [];
  for (let p = 0; p + 1 < points.length; p++) {
    const start = points[p]!;
    const end = points[p + 1]!;
    if (end <= start) continue;
    while (mi < sorted.length && sorted[mi]!.start <= start) active.push(sorted[mi++]!);
    active = active.filter((m) => m.end > start);
    while (vi < voices.length && voices[vi]!.start <= start) activeVoice.push(voices[vi++]!);
    activeVoice = activeVoice.filter((v) => v.end > start);

    // Innermost first: deeper nests, then narrower spans.
    const here = [...active].sort((a, b) => b.depth - a.depth || (a.end - a.start) - (b.end - b.start));
    const roles: Role[] = [];
    for (const r of ['source', 'cue', 'content'] as const) if (here.some((m) => m.role === r)) roles.push(r);
    const ids: string[] = [];
    for (const m of here) if (!ids.includes(m.attribution.id)) ids.push(m.attribution.id);
    const content = here.find((m) => m.role === 'content');
    const src = here.find((m) => m.role === 'source');
    while (ti < timeList.length && timeList[ti]!.end <= start) ti++;
    const tm = ti < timeList.length && timeList[ti]!.start <= start && timeList[ti]!.end >= end ? timeList[ti]! : null;
    const v = activeVoice.find((x) => x.loaded) ?? null;
    const mild = v ? null : activeVoice[0] ?? null;
    segments.push({
      start, end, text: text.slice(start, end), roles, attributions: ids, primary: ids[0] ?? null,
      quote: content ? content.attribution.quote : null,
      voice: content ? 'attributed' : 'authorial',
      loaded: v ? { voice: v.voice, attribution: v.attribution ?? null, kind: v.kind ?? null } : null,
      evaluative: mild ? { voice: mild.voice, attribution: mild.attribution ?? null, kind: mild.kind ?? null } : null,
      sourceKey: src ? src.key : null,
      sourceKind: src ? src.attribution.source?.kind ?? null : null,
      outsideBody: !bodies.some((b) => b.start <= start && b.end >= end),
      time: tm ? { value: tm.value, grain: tm.grain } : null,
    });
  }
  return segments;
}

/** CSS class names for a segment (stable; the e2e test and the stylesheet use them). */
export function segmentClasses(s: Segment): string[] {
  const cls: string[] = [];
  for (const r of s.roles) cls.push(`hs-${r}`);
  if (s.quote) cls.push(`hs-${s.quote}`);
  cls.push(s.voice === 'attributed' ? 'hs-attributed' : 'hs-authorial');
  if (s.loaded) cls.push('hs-loaded', `hs-loaded-${s.loaded.voice}`);
  if (s.evaluative) cls.push('hs-evaluative', `hs-evaluative-${s.evaluative.voice}`);
  if (s.sourceKind) cls.push(`hs-kind-${s.sourceKind}`);
  if (s.outsideBody) cls.push('hs-outside');
  if (s.time) cls.push('hs-time');
  return cls;
}

const CSV_COLUMNS = [
  'id', 'source', 'source_kind', 'entity', 'entity_name', 'count', 'descriptor', 'cue', 'content', 'quote', 'via',
  'hedge', 'rule', 'source_start', 'source_end', 'cue_start', 'cue_end', 'content_spans', 'stance', 'refined_by',
] as const;

/** The attributions as CSV (RFC 4180, CRLF line ends, header row first). */
export function attributionsCsv(doc: HearsayDocument): string {
  const names = new Map(doc.entities.map((e) => [e.id, e.name]));
  const rows = doc.attributions.map((a) => {
    const src = a.source;
    return [
      a.id,
      src ? squash(slice(doc.text, src)) : null,
      src ? src.kind : null,
      src?.entity ?? null,
      src?.entity ? names.get(src.entity) ?? null : null,
      src?.count ?? null,
      src?.descriptor ?? null,
      squash(slice(doc.text, a.cue)),
      squash(a.content.map((c) => slice(doc.text, c)).join(' … ')),
      a.quote,
      a.via,
      a.hedge,
      a.rule,
      src ? src.start : null,
      src ? src.end : null,
      a.cue.start,
      a.cue.end,
      a.content.map((c) => `${c.start}-${c.end}`).join(' '),
      a.stance ? 'true' : 'false',
      (a.refinedBy ?? []).join(' '),
    ];
  });
  return csvRows(CSV_COLUMNS, rows);
}

/** Percentage with one decimal, e.g. `12.5%`. */
export function percent(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}
