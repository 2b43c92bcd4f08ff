/**
 * A quotation bank over a corpus (Quotebank's job): every quotation the documents attribute, with
 * the same words met in several documents (or cut shorter in one) counted as one quotation, its
 * speakers across the corpus, where it was first seen, and where the documents disagree on who
 * said it. No I/O; documents are added one at a time and not kept, so memory grows with the
 * number of distinct quotations and is bounded by {@link QuoteBankOptions.maxQuotes}.
 */
import { chainOf, sourceLabel } from '../core/document.js';
import type { Attribution, HearsayDocument, SourceKind, Span } from '../core/types.js';
import { isCalendarDate } from '../time/calendar.js';
import { groupPersonNames, samePersonName } from '../entities/same-name.js';

/** Schema identifier of a quotation bank. */
export const QUOTES_SCHEMA = 'hearsay-quotes/1' as const;

/** One place a quotation was met. Its span is in the text of the document at `path` / `url`. */
export interface QuoteOccurrence {
  path: string | null;
  url: string | null;
  outlet: string | null;
  published: string | null;
  /** The attribution (in that document) whose content holds the quotation. */
  attribution: string;
  /** The quoted words, inside the quotation marks, as offsets of that document's text. */
  start: number;
  end: number;
  /** The quotation's words there (they may differ from the bank's longest form). */
  text: string;
  /** Who the document says said it (as {@link QuoteSpeaker.name}), null where no source is given. */
  speaker: string | null;
  /** The sources it was relayed through, outermost first, ending with the speaker ("officials → Axios → Trump"); the innermost ten after a "…" where the nest is deeper. */
  chain: string[];
}

/** A speaker the corpus gives a quotation to, with how often. */
export interface QuoteSpeaker {
  /** The entity's canonical name, or the source's own words where it names no entity ("she"). */
  name: string;
  kind: SourceKind;
  /** False where the source names no entity: its words, not an identity. */
  resolved: boolean;
  /** Occurrences giving the quotation to this speaker. */
  occurrences: number;
}

/** One quotation of the bank. */
export interface QuoteRecord {
  /** Stable within one bank: `q` and the order the quotation was first met. */
  id: string;
  /** The longest form met, as the documents write it (inside the marks). */
  text: string;
  words: number;
  /** Distinct wordings counted as this quotation (a shorter cut, other punctuation). */
  variants: number;
  occurrences: number;
  documents: number;
  /** The speaker most occurrences give (resolved speakers first), null where none gives one. */
  speaker: string | null;
  /** Every speaker, most occurrences first; names that can be one person ("Trump", "Donald Trump") are merged under the fuller. */
  speakers: QuoteSpeaker[];
  /** Occurrences with no source. */
  unattributed: number;
  /**
   * True where documents give the quotation to two or more named persons that cannot be one: a
   * possible misattribution, or words one speaker repeated from another. (A person beside an
   * organisation is not counted: a spokesperson speaks for one.)
   */
  conflict: boolean;
  /**
   * Outlets carrying it (most documents first, at most 20), from `meta.outlet`. Past 100 outlets
   * for one quotation the counts are kept in bounded room and may run a little high.
   */
  outlets: { name: string; documents: number }[];
  /** The earliest dated occurrence (or the first met where none is dated). */
  first: QuoteOccurrence;
  /** Up to three occurrences, in different documents where there are. */
  examples: QuoteOccurrence[];
}

/** The bank as plain JSON. */
export interface QuoteBankJson {
  schema: typeof QUOTES_SCHEMA;
  documents: number;
  /** Quoted passages met, at least {@link QuoteBankOptions.minWords} words long. */
  occurrences: number;
  /** Passages shorter than that (scare quotes, single words), not banked. */
  fragments: number;
  /** Passages inside or overlapping an earlier passage of their document, left to the outer one's speaker. */
  nested: number;
  /** Distinct quotations in the bank (before the listing's filters). */
  distinct: number;
  /** True where rare quotations were dropped to bound memory (see {@link QuoteBankOptions.maxQuotes}). */
  approximate: boolean;
  /** The listed quotations: most documents first, then most occurrences, then earliest. */
  quotes: QuoteRecord[];
}

/** Options of {@link QuoteBank}. */
export interface QuoteBankOptions {
  /** Fewest words a quoted passage needs to be banked (default 4); shorter ones are counted as fragments. */
  minWords?: number;
  /** Most distinct quotations kept (default 200,000); past it the rarest, earliest met first, are dropped. */
  maxQuotes?: number;
}

/** What {@link QuoteBank.toJSON} lists. */
export interface QuoteListOptions {
  /** Only quotations met in at least this many documents (default 1). */
  minDocuments?: number;
  /** Only quotations whose speakers disagree. */
  conflicts?: boolean;
  /** Only quotations given at least once to a speaker whose name contains this (case ignored). */
  speaker?: string;
  /** Only quotations holding these words in this order, as whole words (case, marks and punctuation ignored). */
  contains?: string;
  /** At most this many (default: all). */
  top?: number;
}

/** Words of a passage, as the bank compares them: letters and digits, lower case. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
/** A passage's words as the bank compares them. */
function wordsOf(text: string): string[] {
  return [...text.toLowerCase().matchAll(WORD)].map((m) => m[0]);
}

/** Words per shingle: passages sharing most of their shingles are one quotation. */
const SHINGLE = 5;
/** Share of the shorter passage's shingles the longer must hold to be the same quotation. */
const CONTAINED = 0.8;
/** Fewest words of a shorter passage taken as a cut of a longer one it is less than half of. */
const MIN_CUT = 10;
const MAX_OUTLETS = 20;
/** Sources an occurrence's chain shows, innermost last (a "…" stands for the rest). */
const MAX_CHAIN = 10;
/** Speakers of one quotation compared pairwise for a conflict. */
const MAX_COMPARED = 50;
const MAX_EXAMPLES = 3;

interface Entry {
  seq: number;
  key: string;
  text: string;
  words: number;
  /** Shingles this entry owns in the index. */
  shingles: number[];
  variants: Set<string>;
  occurrences: number;
  documents: number;
  lastDoc: number;
  speakers: Map<string, QuoteSpeaker>;
  unattributed: number;
  outlets: Map<string, number>;
  first: QuoteOccurrence;
  examples: QuoteOccurrence[];
}

/** A quoted passage of one document, with the attribution it belongs to. */
interface Passage extends Span {
  a: Attribution;
  /** Total length of the attribution's content: the innermost (shortest) claims a passage. */
  extent: number;
}

/** 32-bit FNV-1a of a string. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function shinglesOf(words: readonly string[]): number[] {
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(hash(words.slice(i, i + SHINGLE).join(' ')));
  return [...out];
}

/** Double opening marks and the mark that closes each ("„…“" in German copy, "«…»" in French). */
const DOUBLE: Record<string, string> = { '“': '”', '„': '“', '«': '»', '"': '"' };
const DOUBLE_MARKS = /[“”„«»"]/;
/** What may stand before a closing single mark that ends a quotation rather than a possessive. */
const CLOSING_PUNCTUATION = /[,.!?;:…—–]/;

/**
 * The quoted passages of a content span: the words between quotation marks, a passage left open
 * running to the span's end (a quotation the content cuts, or one running on over paragraphs),
 * and one closed without an opening mark starting at the span's start. The first mark in the span
 * says which marks are the outer ones: double (“…”, "…", „…“, «…», and »…« where a letter
 * follows »), or single as British copy has them (‘…’ with “…” nested inside). A single close
 * mark counts only before a non-letter (not "don’t"), and not after a letter where a close after
 * punctuation follows ("‘The officials’ report is wrong,’").
 */
export function quotedPassages(text: string, span: Span): Span[] {
  const out: Span[] = [];
  const part = text.slice(span.start, span.end);
  const letter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  const singleOpen = (i: number) => (part[i] === '‘' || part[i] === "'") && !letter(part[i - 1]) && letter(part[i + 1]);
  const singleClose = (i: number) => (part[i] === '’' || part[i] === "'") && !letter(part[i + 1]);
  let single = false;
  for (let i = 0; i < part.length; i++) {
    if (DOUBLE_MARKS.test(part[i]!)) break;
    if (singleOpen(i)) { single = true; break; }
  }
  // For each place, whether a single close after punctuation comes later (one backward pass, so linear).
  const punctuatedLater = new Uint8Array(part.length + 1);
  if (single) {
    for (let i = part.length - 1; i >= 0; i--) {
      punctuatedLater[i] = punctuatedLater[i + 1]! | (singleClose(i) && CLOSING_PUNCTUATION.test(part[i - 1] ?? '') ? 1 : 0);
    }
  }
  let open: { at: number; close: string } | null = null;
  for (let i = 0; i < part.length; i++) {
    const c = part[i]!;
    if (open) {
      const closes = single ? singleClose(i) && !(letter(part[i - 1]) && punctuatedLater[i + 1]) : c === open.close;
      if (closes) { out.push({ start: span.start + open.at, end: span.start + i }); open = null; }
      continue;
    }
    if (single) {
      if (singleOpen(i)) open = { at: i + 1, close: '’' };
    } else if (c === '»' && letter(part[i + 1])) {
      open = { at: i + 1, close: '«' };
    } else if (c !== '»' && DOUBLE[c]) {
      open = { at: i + 1, close: DOUBLE[c]! };
    } else if ((c === '”' || c === '»') && !out.length) {
      out.push({ start: span.start, end: span.start + i });
    }
  }
  if (open) out.push({ start: span.start + open.at, end: span.end });
  return out.map((s) => trim(text, s)).filter((s) => s.end > s.start);
}

/** What a passage may open with that is no part of it: spaces, marks, a comma or colon. */
const LEADING = /[\s,;:“”„«»"‘’]/;
/** What it may end with: the same, and a dash. */
const TRAILING = /[\s,;:—–\-“”„«»"‘’']/;

/** A passage without the spaces, marks and the comma or colon the sentence puts around it. */
function trim(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && LEADING.test(text[start]!)) start++;
  while (end > start && TRAILING.test(text[end - 1]!)) end--;
  return { start, end };
}

/** A publication date as a time to compare (a day alone is its midnight UTC), null where none. */
function instant(published: string | null): number | null {
  if (!published) return null;
  const day = published.slice(0, 10);
  if (!isCalendarDate(day)) return null;
  const t = published.length > 10 ? Date.parse(published) : NaN;
  return Number.isFinite(t) ? t : Date.parse(day);
}

/** Speakers that can be one merged under the fuller name (persons by {@link groupPersonNames}), most occurrences first. */
function mergeSpeakers(list: readonly QuoteSpeaker[]): QuoteSpeaker[] {
  const persons = list.filter((s) => s.resolved && s.kind === 'person');
  const weights = new Map<string, number>();
  for (const s of persons) weights.set(s.name, (weights.get(s.name) ?? 0) + s.occurrences);
  const as = groupPersonNames([...weights].map(([name, weight]) => ({ name, weight })));
  const out = new Map<string, QuoteSpeaker>();
  for (const s of list) {
    const name = s.resolved && s.kind === 'person' ? as.get(s.name) ?? s.name : s.name;
    const k = `${s.resolved ? 'r' : 'w'}\u0000${s.kind}\u0000${name}`;
    const had = out.get(k);
    if (had) had.occurrences += s.occurrences;
    else out.set(k, { ...s, name });
  }
  return [...out.values()].sort((x, y) => Number(y.resolved) - Number(x.resolved) || y.occurrences - x.occurrences || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
}

/** Dated occurrences before undated ones, earlier times first (offsets taken into account). */
function earlier(x: QuoteOccurrence, y: QuoteOccurrence): boolean {
  const dx = instant(x.published);
  const dy = instant(y.published);
  return dx !== null && (dy === null || dx < dy);
}

/**
 * Collects the quotations of many documents. `add` each document (a crawl's saved analyses),
 * then `toJSON` for the list.
 */
export class QuoteBank {
  private readonly minWords: number;
  private readonly maxQuotes: number;
  private readonly entries = new Map<string, Entry>();
  /** Shingle → the key of the entry that owns it. */
  private readonly index = new Map<number, string>();
  private seq = 0;
  private docs = 0;
  private occurrences = 0;
  private fragments = 0;
  private nested = 0;
  private pruned = false;

  constructor(options: QuoteBankOptions = {}) {
    this.minWords = Math.max(1, options.minWords ?? 4);
    this.maxQuotes = Math.max(10, options.maxQuotes ?? 200_000);
  }

  /** Adds one document's quotations. */
  add(doc: HearsayDocument): void {
    this.docs++;
    const entities = new Set(doc.entities.map((x) => x.id));
    for (const p of this.passages(doc)) {
      const text = doc.text.slice(p.start, p.end);
      const words = wordsOf(text);
      if (words.length < this.minWords) { this.fragments++; continue; }
      this.occurrences++;
      const label = sourceLabel(doc, p.a)?.replace(/\s+/g, ' ').trim();
      const name = label ? label : null;
      // The chain is worked out only for an occurrence that is kept (a first sighting, an
      // example), and only its last links, so a deep nest costs no more than a shallow one.
      const occurrence: QuoteOccurrence = {
        path: doc.input.path ?? null, url: doc.meta.url ?? null, outlet: doc.meta.outlet ?? null, published: doc.meta.published ?? null,
        attribution: p.a.id, start: p.start, end: p.end, text, speaker: name, chain: [],
      };
      let chained = false;
      const kept = (): QuoteOccurrence => {
        if (!chained) { occurrence.chain = chainOf(doc, p.a, MAX_CHAIN); chained = true; }
        return occurrence;
      };
      const e = this.entryFor(words, text, occurrence);
      if (e.first === occurrence) kept();
      e.occurrences++;
      if (e.lastDoc !== this.docs) {
        e.lastDoc = this.docs;
        e.documents++;
        if (doc.meta.outlet) this.bump(e.outlets, doc.meta.outlet);
        if (e.examples.length < MAX_EXAMPLES && !e.examples.some((x) => x.path === occurrence.path && x.url === occurrence.url && occurrence.path !== null)) e.examples.push(kept());
      }
      if (earlier(occurrence, e.first)) e.first = kept();
      if (name === null || !p.a.source) e.unattributed++;
      else {
        const resolved = (p.a.source.entity !== null && entities.has(p.a.source.entity)) || Boolean(p.a.source.members?.some((m) => entities.has(m)));
        const k = `${resolved ? 'r' : 'w'}\u0000${p.a.source.kind}\u0000${name}`;
        const s = e.speakers.get(k);
        if (s) s.occurrences++;
        else e.speakers.set(k, { name, kind: p.a.source.kind, resolved, occurrences: 1 });
      }
    }
    if (this.entries.size > this.maxQuotes) this.prune();
  }

  /** Quoted passages of a document, each given to the innermost attribution holding it. */
  private passages(doc: HearsayDocument): Passage[] {
    const best = new Map<string, Passage>();
    for (const a of doc.attributions) {
      if (a.stance || (a.quote !== 'direct' && a.quote !== 'mixed')) continue;
      const extent = a.content.reduce((n, s) => n + s.end - s.start, 0);
      for (const c of a.content) {
        if (!(c.start >= 0 && c.end <= doc.text.length && c.start < c.end)) continue;
        const found = quotedPassages(doc.text, c);
        // A direct quotation with no marks (a transcript turn) is its whole content.
        if (!found.length && a.quote === 'direct') found.push(trim(doc.text, c));
        for (const s of found) {
          const k = `${s.start}:${s.end}`;
          const had = best.get(k);
          if (!had || extent < had.extent) best.set(k, { ...s, a, extent });
        }
      }
    }
    // A passage inside (or cut from) another is the outer speaker's words: a quotation they
    // quote, a report inside their quotation. Only the outermost are banked.
    const sorted = [...best.values()].sort((x, y) => x.start - y.start || y.end - x.end);
    const out: Passage[] = [];
    let reach = -1;
    for (const p of sorted) {
      if (p.start < reach) { this.nested++; continue; }
      out.push(p);
      reach = Math.max(reach, p.end);
    }
    return out;
  }

  /** The entry a passage belongs to: the same words, one holding most of its shingles, or a new one. */
  private entryFor(words: string[], text: string, occurrence: QuoteOccurrence): Entry {
    const key = words.join(' ');
    let e = this.entries.get(key);
    const shingles = words.length >= SHINGLE ? shinglesOf(words) : [];
    if (!e && shingles.length) {
      const hits = new Map<string, number>();
      for (const h of shingles) {
        const owner = this.index.get(h);
        if (owner !== undefined) hits.set(owner, (hits.get(owner) ?? 0) + 1);
      }
      let bestKey: string | null = null;
      let bestHits = 0;
      for (const [k, n] of hits) {
        const other = this.entries.get(k);
        if (!other) continue;
        const need = CONTAINED * Math.min(shingles.length, Math.max(1, other.words - SHINGLE + 1));
        // A short stock phrase ("unfit to be commander in chief") inside a long quotation is
        // someone else's words more often than a cut of it.
        const shorter = Math.min(words.length, other.words);
        const cut = shorter >= MIN_CUT || shorter * 2 >= Math.max(words.length, other.words);
        if (cut && n >= need && n > bestHits) { bestKey = k; bestHits = n; }
      }
      if (bestKey !== null) e = this.entries.get(bestKey);
    }
    if (!e) {
      e = {
        seq: ++this.seq, key, text, words: words.length, shingles: [], variants: new Set(), occurrences: 0, documents: 0, lastDoc: 0,
        speakers: new Map(), unattributed: 0, outlets: new Map(), first: occurrence, examples: [],
      };
      this.entries.set(key, e);
    }
    if (!e.variants.has(key) && e.variants.size < 1000) e.variants.add(key);
    if (words.length > e.words) { e.text = text; e.words = words.length; }
    for (const h of shingles) if (!this.index.has(h)) { this.index.set(h, e.key); e.shingles.push(h); }
    return e;
  }

  /**
   * Counts an outlet in bounded room ("space saving"): a new outlet past the room takes the place
   * of the least counted one, with its count plus one, so an outlet that carries a quotation often
   * is always kept, however late it comes, and its count is at most that much too high.
   */
  private bump(m: Map<string, number>, name: string): void {
    const had = m.get(name);
    if (had !== undefined || m.size < MAX_OUTLETS * 5) { m.set(name, (had ?? 0) + 1); return; }
    let least: string | null = null;
    let min = Infinity;
    for (const [k, v] of m) if (v < min) { min = v; least = k; }
    m.delete(least!);
    m.set(name, min + 1);
  }

  /** Drops the rarest quotations (earliest met first among equals) to nine tenths of the room. */
  private prune(): void {
    const order = [...this.entries.values()].sort((x, y) => x.documents - y.documents || x.occurrences - y.occurrences || x.seq - y.seq);
    for (const e of order.slice(0, order.length - Math.floor(this.maxQuotes * 0.9))) {
      this.entries.delete(e.key);
      for (const h of e.shingles) if (this.index.get(h) === e.key) this.index.delete(h);
    }
    this.pruned = true;
  }

  /** The bank so far (it can go on taking documents), listed as `options` asks. */
  toJSON(options: QuoteListOptions = {}): QuoteBankJson {
    const minDocuments = options.minDocuments ?? 1;
    const needle = options.speaker?.toLowerCase();
    const phrase = options.contains === undefined ? null : ` ${wordsOf(options.contains).join(' ')} `;
    const list: QuoteRecord[] = [];
    const order = [...this.entries.values()].sort((x, y) => y.documents - x.documents || y.occurrences - x.occurrences
      || (earlier(x.first, y.first) ? -1 : earlier(y.first, x.first) ? 1 : x.seq - y.seq));
    for (const e of order) {
      if (options.top !== undefined && list.length >= options.top) break;
      if (e.documents < minDocuments) continue;
      if (phrase !== null && !` ${e.key} `.includes(phrase) && ![...e.variants].some((v) => ` ${v} `.includes(phrase))) continue;
      const speakers = mergeSpeakers([...e.speakers.values()]);
      // Names the grouping keeps apart to be safe ("Xi", "Xi Jinping") may still be one person.
      const persons = speakers.filter((s) => s.resolved && s.kind === 'person').slice(0, MAX_COMPARED);
      const conflict = persons.some((x, i) => persons.slice(i + 1).some((y) => !samePersonName(x.name, y.name)));
      if (options.conflicts && !conflict) continue;
      if (needle && !speakers.some((s) => s.name.toLowerCase().includes(needle))) continue;
      list.push({
        id: `q${e.seq}`, text: e.text, words: e.words, variants: e.variants.size, occurrences: e.occurrences, documents: e.documents,
        speaker: speakers[0]?.name ?? null, speakers, unattributed: e.unattributed, conflict,
        outlets: [...e.outlets].map(([name, documents]) => ({ name, documents }))
          .sort((x, y) => y.documents - x.documents || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0)).slice(0, MAX_OUTLETS),
        first: e.first, examples: e.examples,
      });
    }
    return {
      schema: QUOTES_SCHEMA, documents: this.docs, occurrences: this.occurrences, fragments: this.fragments, nested: this.nested,
      distinct: this.entries.size, approximate: this.pruned, quotes: list,
    };
  }
}
