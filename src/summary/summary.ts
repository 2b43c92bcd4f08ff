/**
 * A corpus read as a whole: who is quoted, how, and how often, over many hearsay/1 documents (a
 * crawl's `analyze --out` lines). Counts only; no I/O, so a browser or a server can feed it too.
 * Documents are added one at a time and not kept, so memory grows with the number of distinct
 * sources, not with the corpus.
 */
import { sourceLabel } from '../core/document.js';
import { isCalendarDate } from '../time/calendar.js';
import { groupPersonNames } from '../entities/same-name.js';
import { HearsayError } from '../core/errors.js';
import type { Attribution, Entity, HearsayDocument, SourceKind } from '../core/types.js';

/** Schema identifier of a corpus summary. */
export const SUMMARY_SCHEMA = 'hearsay-summary/1' as const;

/** Source kinds, and `none` for attributions with no source. */
export type SourceKey = SourceKind | 'none';

const KINDS: readonly SourceKey[] = ['person', 'organization', 'outlet', 'anonymous', 'document', 'unknown', 'none'];

/** How often one source is cited across the corpus. */
export interface SourceTally {
  /** The entity's canonical name, a plural reference's member, or the source's own words. */
  name: string;
  kind: SourceKind;
  /**
   * False when the source names no entity ("she", "they" left unresolved): its words, not an
   * identity, so the same words in two documents may be two sources.
   */
  resolved: boolean;
  /** Attributions with this source (each member of "Both leaders" counts once). */
  attributions: number;
  /** Of those, direct or mixed quotations (the source's own words in quotation marks). */
  quoted: number;
  /** Documents citing it at least once. */
  documents: number;
  /**
   * For persons: the gender most of the documents citing them give (see {@link Entity.gender}),
   * null when none does or they split evenly.
   */
  gender?: 'female' | 'male' | null;
}

/** Counts by gender. */
export interface GenderCounts {
  female: number;
  male: number;
  unknown: number;
}

/** What {@link SummaryOptions.by} can group documents by. */
export const GROUP_BY = ['outlet', 'site', 'year', 'month', 'day'] as const;

/** What {@link SummaryOptions.by} groups documents by. */
export type GroupBy = (typeof GROUP_BY)[number];

/** One group's counts (see {@link SummaryOptions.by}). */
export interface GroupTally {
  /** The outlet or site (`(none)` where a document names none), or the date's `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (`(undated)`). */
  key: string;
  /** With {@link SummaryOptions.then}: the two keys, `key` being them joined by " · " ("nyt · 2016-09"). */
  keys?: [string, string];
  documents: number;
  words: number;
  attributions: number;
  /** Anonymous sources' share of the group's attributions with a source, null with none. */
  anonymousShare: number | null;
  /** Distinct persons quoted per document, summed, by gender (as {@link CorpusSummary.gender}). */
  people: GenderCounts;
  /** Women's share of the people of known gender, null with none. */
  femaleShare: number | null;
  /** Loaded and evaluative words in the outlets' own voice per 1,000 body words, null with no words. */
  authorialPer1000Words?: number | null;
}

/** A loaded or evaluative word and how often the corpus uses it (see {@link CorpusSummary.voice}). */
export interface WordCount {
  word: string;
  count: number;
  documents: number;
}

/** Loaded and evaluative words (`voice`), in whose voice, over the corpus. */
export interface VoiceSummary {
  /** Words in the outlets' own voice, and in words attributed to others. */
  authorial: number;
  attributed: number;
  /** Of those, the strongly loaded ones. */
  loaded: { authorial: number; attributed: number };
  /** Per kind (label, verb, evaluative, puffery, editorial, distancing, stance-cue): authorial and attributed. */
  byKind: Record<string, { authorial: number; attributed: number }>;
  /** Words in the outlets' own voice per 1,000 body words, null with no words. */
  authorialPer1000Words: number | null;
  /** The words the outlets use most in their own voice (at most `top`). */
  topAuthorial: WordCount[];
}

/** A name and how many documents carry it (publishers, sites, message codes). */
export interface DocumentCount {
  name: string;
  documents: number;
}

/** The whole summary: plain JSON. */
export interface CorpusSummary {
  schema: typeof SUMMARY_SCHEMA;
  /** Documents added, failed ones included. */
  documents: number;
  /** Documents whose analysis failed (an `error` message and no text): unusable inputs. */
  failed: number;
  /** Whitespace-separated words in the documents' bodies. */
  words: number;
  attributions: {
    total: number;
    /** Not inside another attribution's content (`via` null). */
    outermost: number;
    nested: number;
    direct: number;
    indirect: number;
    mixed: number;
    /** Attitudes ("X backs the plan"), counted apart from statements. */
    stance: number;
    /** With a hedge ("reportedly", "allegedly"). */
    hedged: number;
    bySourceKind: Record<SourceKey, number>;
  };
  /**
   * Persons as sources, by gender: `attributions` counts attributions with a person source (each
   * member of a plural reference once), `people` counts the distinct persons cited in each
   * document, summed over documents (the Gender Gap Tracker's "people quoted"). `femaleShare` is
   * the share of women among the people whose gender is known, null with none.
   */
  gender: { attributions: GenderCounts; people: GenderCounts; femaleShare: number | null; firstNames: boolean };
  /** Anonymous sources' share of the attributions that have a source (0–1), null with none. */
  anonymousShare: number | null;
  /** Attributions per document, by kind of source: how much of a story is relayed. */
  perDocument: number | null;
  /** The most cited sources of each kind, most cited first (at most `top` each). */
  sources: Record<SourceKind, SourceTally[]>;
  /**
   * With {@link SummaryOptions.by}: the counts per group, dates in order, outlets and sites most
   * documents first, "(undated)" and "(none)" last; a document whose date is no calendar day is undated.
   */
  groups?: { by: GroupBy; then?: GroupBy; list: GroupTally[] };
  /** `meta.outlet` of the documents: whose stories these are. */
  publishers: DocumentCount[];
  /** `meta.site` where it differs from the outlet: who reposted them. */
  sites: DocumentCount[];
  /** Message codes and the number of documents carrying each (at most `top`). */
  messages: DocumentCount[];
  /** Loaded and evaluative words and whose voice they are in: how much the outlets judge in their own words. */
  voice?: VoiceSummary;
  /**
   * True when more distinct sources (or publishers, sites, message codes) were met than the
   * summary keeps ({@link SummaryOptions.maxSources}): the rarest were dropped along the way, so
   * counts of rare ones are lower bounds.
   */
  approximate: boolean;
}

/** Options of a {@link Summary}. */
export interface SummaryOptions {
  /** Sources listed per kind in {@link CorpusSummary.sources} (default 20). */
  top?: number;
  /** Distinct sources kept before the rarest are dropped (default 200,000; bounds memory on a crawl). */
  maxSources?: number;
  /**
   * Whether genders guessed from first names (`entities:gender-first-name`) count; false counts
   * only what the text states (titles, pronouns). Default true.
   */
  firstNames?: boolean;
  /** Also count per outlet, site, or publication year, month or day (`meta.published`): the trend a researcher plots. */
  by?: GroupBy;
  /** With {@link by}, split each group again (outlet by month: `by: 'outlet', then: 'month'`). */
  then?: GroupBy;
}

interface Group {
  documents: number;
  words: number;
  authorial: number;
  attributions: number;
  anonymous: number;
  sourced: number;
  people: GenderCounts;
}

interface Row extends SourceTally {
  /** The last document that counted it, so `documents` counts each document once. */
  lastDoc: number;
  /** Documents giving the person each gender. */
  votes: { female: number; male: number };
}

const bump = (m: Map<string, number>, k: string): void => { m.set(k, (m.get(k) ?? 0) + 1); };

/** Words in the body spans, each character read once however the spans overlap (the whole text where a document has no body). */
function bodyWords(doc: HearsayDocument): number {
  const spans = (doc.body.length ? [...doc.body] : [{ start: 0, end: doc.text.length }]).sort((a, b) => a.start - b.start);
  let n = 0;
  let from = 0;
  let inWord = false;
  for (const s of spans) {
    // A word cut by the gap between two spans counts once on each side, as the spans show it.
    if (s.start > from) inWord = false;
    for (let i = Math.max(s.start, from); i < s.end; i++) {
      const c = doc.text.charCodeAt(i);
      const space = c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x2028 || c === 0x2029;
      if (!space && !inWord) n++;
      inWord = !space;
    }
    from = Math.max(from, s.end);
  }
  return n;
}

/**
 * The names an attribution's source is counted under: its label, or each member of a plural
 * reference; `resolved` says whether they name entities or are only the source's words.
 */
function sourceNames(doc: HearsayDocument, a: Attribution, entities: ReadonlyMap<string, Entity>): { names: string[]; ids: (string | null)[]; resolved: boolean } {
  const s = a.source!;
  if (!s.entity && s.members?.length) {
    const ids = s.members.filter((m) => entities.has(m));
    if (ids.length) return { names: ids.map((m) => entities.get(m)!.name), ids, resolved: true };
  }
  const resolved = s.entity !== null && entities.has(s.entity);
  return { names: [sourceLabel(doc, a)!.replace(/\s+/g, ' ').trim()], ids: [resolved ? s.entity : null], resolved };
}

/**
 * Accumulates a {@link CorpusSummary} over documents added one by one (see the module comment).
 *
 * @example
 * const s = new Summary({ top: 10 });
 * for (const doc of docs) s.add(doc);
 * console.log(s.toJSON().sources.person[0]); // { name: 'Donald Trump', kind: 'person', … }
 */
export class Summary {
  private readonly top: number;
  private readonly maxSources: number;
  private readonly firstNames: boolean;
  private readonly genderAttributions: GenderCounts = { female: 0, male: 0, unknown: 0 };
  private readonly genderPeople: GenderCounts = { female: 0, male: 0, unknown: 0 };
  private documents = 0;
  private failed = 0;
  private words = 0;
  private readonly counts = { total: 0, outermost: 0, nested: 0, direct: 0, indirect: 0, mixed: 0, stance: 0, hedged: 0 };
  private readonly byKind = new Map<SourceKey, number>(KINDS.map((k) => [k, 0]));
  private readonly rows = new Map<string, Row>();
  /** Whether rare rows were dropped (see {@link CorpusSummary.approximate}). */
  private pruned = false;
  private readonly publishers = new Map<string, number>();
  private readonly sites = new Map<string, number>();
  private readonly messages = new Map<string, number>();
  private readonly voice = { authorial: 0, attributed: 0, loadedAuthorial: 0, loadedAttributed: 0 };
  private readonly voiceKinds = new Map<string, { authorial: number; attributed: number }>();
  /** Authorial words: occurrences, documents, and the last document that counted each. */
  private readonly authorialWords = new Map<string, { count: number; documents: number; lastDoc: number }>();
  private readonly by: GroupBy | undefined;
  private readonly then: GroupBy | undefined;
  private readonly groups = new Map<string, Group>();

  constructor(options: SummaryOptions = {}) {
    this.by = options.by;
    if (options.then !== undefined && (options.by === undefined || options.then === options.by)) {
      throw new HearsayError('INVALID_OPTION', '`then` needs a `by` grouping other than itself');
    }
    this.then = options.then;
    this.top = Math.max(0, Math.floor(options.top ?? 20));
    this.maxSources = Math.max(1, Math.floor(options.maxSources ?? 200_000));
    this.firstNames = options.firstNames ?? true;
  }

  /** A source's gender as this summary counts it: its entity's, else an unresolved "he" / "she" says it. */
  private genderOf(e: Entity | undefined, words: string): 'female' | 'male' | 'unknown' {
    const g = e?.gender;
    if (!e) return /^(she|her)$/i.test(words) ? 'female' : /^(he|him)$/i.test(words) ? 'male' : 'unknown';
    if (!g || (!this.firstNames && g.rule === 'entities:gender-first-name')) return 'unknown';
    return g.value;
  }

  /** Counts one document. */
  add(doc: HearsayDocument): void {
    const n = ++this.documents;
    if (!doc.text && doc.messages.some((m) => m.severity === 'error')) this.failed++;
    const words = bodyWords(doc);
    this.words += words;
    if (doc.meta.outlet) bump(this.publishers, doc.meta.outlet);
    if (doc.meta.site && doc.meta.site !== doc.meta.outlet) bump(this.sites, doc.meta.site);
    for (const code of new Set(doc.messages.map((m) => `${m.severity}: ${m.code}`))) bump(this.messages, code);
    let authorial = 0;
    for (const v of doc.voice) {
      const own = v.voice === 'authorial';
      if (own) authorial++;
      this.voice[own ? 'authorial' : 'attributed']++;
      if (v.loaded) this.voice[own ? 'loadedAuthorial' : 'loadedAttributed']++;
      const k = v.kind ?? 'unknown';
      const kind = this.voiceKinds.get(k) ?? { authorial: 0, attributed: 0 };
      kind[own ? 'authorial' : 'attributed']++;
      this.voiceKinds.set(k, kind);
      if (!own) continue;
      const word = doc.text.slice(v.start, v.end).toLowerCase().replace(/\s+/g, ' ');
      const w = this.authorialWords.get(word) ?? { count: 0, documents: 0, lastDoc: 0 };
      w.count++;
      if (w.lastDoc !== n) { w.documents++; w.lastDoc = n; }
      this.authorialWords.set(word, w);
    }
    if (this.authorialWords.size > this.maxSources) { pruneRarest(this.authorialWords, (w) => w.count, this.maxSources); this.pruned = true; }
    const c = this.counts;
    const entities = new Map(doc.entities.map((e) => [e.id, e]));
    const people = new Map<string, 'female' | 'male' | 'unknown'>();
    for (const a of doc.attributions) {
      c.total++;
      if (a.via) c.nested++; else c.outermost++;
      if (a.stance) c.stance++; else c[a.quote]++;
      if (a.hedge) c.hedged++;
      const kind: SourceKey = a.source?.kind ?? 'none';
      this.byKind.set(kind, (this.byKind.get(kind) ?? 0) + 1);
      if (!a.source) continue;
      const quoted = !a.stance && a.quote !== 'indirect' ? 1 : 0;
      const { names, ids, resolved } = sourceNames(doc, a, entities);
      for (const [i, name] of names.entries()) {
        const id = ids[i] ?? null;
        const entity = id === null ? undefined : entities.get(id);
        const gender = this.genderOf(entity, doc.text.slice(a.source.start, a.source.end).trim());
        if (a.source.kind === 'person' && (!entity || entity.type === 'person')) {
          this.genderAttributions[gender]++;
          // Unresolved person sources ("she") cannot be told apart, so each counts as one person.
          people.set(id ?? `\u0000${c.total}:${i}`, gender);
        }
        const key = `${a.source.kind}\u0000${resolved ? '' : '?'}${name.toLowerCase()}`;
        let row = this.rows.get(key);
        if (!row) {
          row = { name, kind: a.source.kind, resolved, attributions: 0, quoted: 0, documents: 0, lastDoc: 0, votes: { female: 0, male: 0 } };
          this.rows.set(key, row);
        }
        row.attributions++;
        row.quoted += quoted;
        if (row.lastDoc !== n) {
          row.documents++;
          row.lastDoc = n;
          if (gender !== 'unknown') row.votes[gender]++;
        }
      }
    }
    for (const g of people.values()) this.genderPeople[g]++;
    if (this.by) this.addToGroup(doc, words, people, authorial);
    if (this.rows.size > this.maxSources) this.prune();
    for (const m of [this.publishers, this.sites, this.messages]) if (m.size > this.maxSources) { pruneRarest(m, (n) => n, this.maxSources); this.pruned = true; }
  }

  /** Counts a document in its group (see {@link SummaryOptions.by}). */
  private addToGroup(doc: HearsayDocument, words: number, people: ReadonlyMap<string, 'female' | 'male' | 'unknown'>, authorial: number): void {
    const k1 = groupKey(doc, this.by!);
    const key = this.then ? `${k1}${JOIN}${groupKey(doc, this.then)}` : k1;
    let g = this.groups.get(key);
    if (!g) {
      if (this.groups.size >= this.maxSources) {
        // The rarest groups go, as rare sources do, so a large outlet met late still counts.
        pruneRarest(this.groups, (x) => x.documents, this.maxSources);
        this.pruned = true;
      }
      g = { documents: 0, words: 0, authorial: 0, attributions: 0, anonymous: 0, sourced: 0, people: { female: 0, male: 0, unknown: 0 } };
      this.groups.set(key, g);
    }
    g.documents++;
    g.words += words;
    g.authorial += authorial;
    g.attributions += doc.attributions.length;
    for (const a of doc.attributions) if (a.source) { g.sourced++; if (a.source.kind === 'anonymous') g.anonymous++; }
    for (const x of people.values()) g.people[x]++;
  }

  /** Drops the rarest sources until nine tenths of the room is used (among equals, the earliest met go first). */
  private prune(): void {
    pruneRarest(this.rows, (r) => r.attributions, this.maxSources);
    this.pruned = true;
  }

  /** The groups as listed in {@link CorpusSummary.groups}. */
  private groupList(): GroupTally[] {
    const list = [...this.groups].map(([key, g]): GroupTally => ({
      key, ...(this.then ? { keys: key.split(JOIN, 2) as [string, string] } : {}), documents: g.documents, words: g.words, attributions: g.attributions,
      anonymousShare: g.sourced ? g.anonymous / g.sourced : null, people: { ...g.people },
      femaleShare: g.people.female + g.people.male ? g.people.female / (g.people.female + g.people.male) : null,
      authorialPer1000Words: g.words ? (1000 * g.authorial) / g.words : null,
    }));
    // Dates in order with "(undated)" after them; outlets and sites most documents first (crossed:
    // the outlet's documents over all its rows), then by name.
    const part = (g: GroupTally, i: 0 | 1) => (g.keys ? g.keys[i] : g.key);
    const totals = [new Map<string, number>(), new Map<string, number>()] as const;
    for (const g of list) for (const i of [0, 1] as const) totals[i].set(part(g, i), (totals[i].get(part(g, i)) ?? 0) + g.documents);
    const compare = (by: GroupBy, i: 0 | 1) => (x: GroupTally, y: GroupTally): number => {
      const a = part(x, i);
      const b = part(y, i);
      const rank = (k: string) => (k.startsWith('(') ? 1 : 0);
      const dated = by === 'year' || by === 'month' || by === 'day';
      return rank(a) - rank(b) || (dated ? 0 : totals[i].get(b)! - totals[i].get(a)!) || (a < b ? -1 : a > b ? 1 : 0);
    };
    const first = compare(this.by!, 0);
    const second = this.then ? compare(this.then, 1) : () => 0;
    return list.sort((x, y) => first(x, y) || second(x, y));
  }

  /** The summary so far (the accumulator can go on taking documents). */
  toJSON(): CorpusSummary {
    const c = this.counts;
    const kinds = Object.fromEntries(KINDS.map((k) => [k, this.byKind.get(k) ?? 0])) as Record<SourceKey, number>;
    const sourced = c.total - kinds.none;
    const sources = Object.fromEntries(KINDS.filter((k) => k !== 'none').map((k) => [k, [] as SourceTally[]])) as Record<SourceKind, SourceTally[]>;
    // A person named in full in one story and by surname alone in another is one person.
    const persons = [...this.rows.values()].filter((r) => r.kind === 'person' && r.resolved);
    const as = groupPersonNames(persons.map((r) => ({ name: r.name, weight: r.attributions })));
    const merged = new Map<string, Row>();
    for (const r of this.rows.values()) {
      const name = r.kind === 'person' && r.resolved ? as.get(r.name) ?? r.name : r.name;
      const key = `${r.kind}\u0000${r.resolved ? '' : '?'}${name.toLowerCase()}`;
      const m = merged.get(key);
      if (!m) { merged.set(key, { ...r, name, votes: { ...r.votes } }); continue; }
      m.attributions += r.attributions;
      m.quoted += r.quoted;
      m.documents += r.documents;
      m.votes.female += r.votes.female;
      m.votes.male += r.votes.male;
    }
    for (const r of merged.values()) {
      const tally: SourceTally = { name: r.name, kind: r.kind, resolved: r.resolved, attributions: r.attributions, quoted: r.quoted, documents: r.documents };
      if (r.kind === 'person') tally.gender = r.votes.female > r.votes.male ? 'female' : r.votes.male > r.votes.female ? 'male' : null;
      sources[r.kind].push(tally);
    }
    const gp = this.genderPeople;
    const order = (x: SourceTally, y: SourceTally) => y.attributions - x.attributions || y.documents - x.documents || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0);
    for (const k of Object.keys(sources) as SourceKind[]) sources[k] = sources[k].sort(order).slice(0, this.top);
    return {
      schema: SUMMARY_SCHEMA,
      documents: this.documents,
      failed: this.failed,
      words: this.words,
      attributions: { ...c, bySourceKind: kinds },
      gender: {
        attributions: { ...this.genderAttributions }, people: { ...gp },
        femaleShare: gp.female + gp.male ? gp.female / (gp.female + gp.male) : null, firstNames: this.firstNames,
      },
      anonymousShare: sourced ? kinds.anonymous / sourced : null,
      perDocument: this.documents - this.failed > 0 ? c.total / (this.documents - this.failed) : null,
      sources,
      ...(this.by ? { groups: { by: this.by, ...(this.then ? { then: this.then } : {}), list: this.groupList() } } : {}),
      publishers: ranked(this.publishers, this.top),
      sites: ranked(this.sites, this.top),
      messages: ranked(this.messages, this.top),
      voice: {
        authorial: this.voice.authorial, attributed: this.voice.attributed,
        loaded: { authorial: this.voice.loadedAuthorial, attributed: this.voice.loadedAttributed },
        byKind: Object.fromEntries([...this.voiceKinds].sort((x, y) => (x[0] < y[0] ? -1 : 1)).map(([k, v]) => [k, { ...v }])),
        authorialPer1000Words: this.words ? (1000 * this.voice.authorial) / this.words : null,
        topAuthorial: [...this.authorialWords].map(([word, w]) => ({ word, count: w.count, documents: w.documents }))
          .sort((x, y) => y.count - x.count || y.documents - x.documents || (x.word < y.word ? -1 : x.word > y.word ? 1 : 0)).slice(0, this.top),
      },
      approximate: this.pruned,
    };
  }
}

/** Joins the two keys of a crossed group. */
const JOIN = ' · ';

/** The group a document falls in by one {@link GroupBy}. */
function groupKey(doc: HearsayDocument, by: GroupBy): string {
  const day = doc.meta.published?.slice(0, 10);
  const date = day && isCalendarDate(day) ? day : null;
  // The key is part of a crossed key, so the joiner cannot appear inside it.
  const clean = (k: string) => k.split(JOIN).join(' - ');
  return by === 'outlet' ? clean(doc.meta.outlet ?? '(none)')
    : by === 'site' ? clean(doc.meta.site ?? doc.meta.outlet ?? '(none)')
      : date ? date.slice(0, by === 'year' ? 4 : by === 'month' ? 7 : 10) : '(undated)';
}

/**
 * Drops a map's rarest entries by `count` until nine tenths of `max` is used; among equals the
 * earliest inserted go first (the sort is stable and maps keep insertion order).
 */
function pruneRarest<V>(m: Map<string, V>, count: (v: V) => number, max: number): void {
  const order = [...m].sort((a, b) => count(a[1]) - count(b[1]));
  for (let i = 0; i < order.length - Math.floor(max * 0.9); i++) m.delete(order[i]![0]);
}

/** A count map as a list, most frequent first (ties by name), at most `top` long. */
function ranked(m: Map<string, number>, top: number): DocumentCount[] {
  return [...m].map(([name, documents]) => ({ name, documents }))
    .sort((x, y) => y.documents - x.documents || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))
    .slice(0, top);
}
