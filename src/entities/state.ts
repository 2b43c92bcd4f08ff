import type { Entity, EntityType } from '../core/types.js';
import type { Mention, Token, WorkingDoc } from '../core/working-doc.js';
import type { KbEntry } from '../kb/index.js';
import { kbFor } from '../kb/index.js';
import { compileKb, type CompiledKb } from './kb-compiled.js';
import { lowerTexts } from '../text/lower.js';
import { FEMALE_NAMES, MALE_NAMES, MORE_FEMALE_NAMES, MORE_MALE_NAMES } from './lexicon.js';

/** What the entity stage knows about an entity beyond the JSON fields. */
export interface EntityInfo {
  entity: Entity;
  kb: KbEntry | null;
  gender: 'm' | 'f' | null;
  /** Plural groups ("two officials", "Democrats") may be "they". */
  plural: boolean;
  /** For unnamed sources: the count and descriptor of the first mention. */
  anonymous: { count: number | null; descriptor: string; plural: boolean } | null;
  /** Name forms seen (token lists), for surname merging and the canonical name. */
  names: string[][];
}

/** A mention with the token range and clause role the stage computed. */
export interface MentionX extends Mention {
  tok: number;
  tokEnd: number;
  subject: boolean;
}

/** Per-document state, kept in `doc.scratch` under {@link STATE_KEY} for {@link resolveSource}. */
export interface EntityState {
  ckb: CompiledKb;
  infos: Map<string, EntityInfo>;
  mentions: MentionX[];
  lowers: string[];
  texts: string[];
  sentence: Int32Array;
  nextId: number;
}

/** Scratch key under which the entity stage leaves its state. */
export const STATE_KEY = 'entities';

/** Creates an empty state for a document (the stage fills it). */
export function newState(doc: WorkingDoc): EntityState {
  const n = doc.tokens.length;
  const lowers = new Array<string>(n);
  const texts = new Array<string>(n);
  const sentence = new Int32Array(n);
  // Copied from the shared lower-cased texts, which later stages read too.
  const shared = lowerTexts(doc.tokens);
  for (let i = 0; i < n; i++) {
    const t = doc.tokens[i]!;
    texts[i] = t.text;
    lowers[i] = shared[i]!;
    sentence[i] = t.sentence;
  }
  return { ckb: compileKb(kbFor(doc.options)), infos: new Map(), mentions: [], lowers, texts, sentence, nextId: 1 };
}

/** Creates or returns the entity for a KB entry. */
export function kbEntity(st: EntityState, e: KbEntry, rule: string): EntityInfo {
  const hit = st.infos.get(e.id);
  if (hit) return hit;
  const info: EntityInfo = {
    entity: { id: e.id, name: e.name, type: e.type, mentions: [], country: e.country ?? null, sector: e.sector ?? null, rule },
    kb: e, gender: e.type === 'person' ? genderOfName(e.name.split(/\s+/)[0]) : null, plural: false, anonymous: null, names: [e.name.split(/\s+/)],
  };
  st.infos.set(e.id, info);
  return info;
}

/** The gender a first name implies, where the name lists know it (for pronoun agreement). */
export function genderOfName(first: string | undefined): 'm' | 'f' | null {
  if (!first) return null;
  const w = first.toLowerCase();
  if (FEMALE_NAMES.has(w) || MORE_FEMALE_NAMES.has(w)) return 'f';
  if (MALE_NAMES.has(w) || MORE_MALE_NAMES.has(w)) return 'm';
  return null;
}

const slug = (s: string): string => s.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'entity';

/** Creates a new entity with a unique id derived from its name. */
export function newEntity(st: EntityState, name: string, type: EntityType, rule: string, country: string | null = null): EntityInfo {
  let id = slug(name);
  if (st.infos.has(id)) id = `${id}-${st.nextId++}`;
  while (st.infos.has(id)) id = `${id}-${st.nextId++}`;
  const info: EntityInfo = {
    entity: { id, name, type, mentions: [], country, sector: null, rule },
    kb: null, gender: null, plural: false, anonymous: null, names: [],
  };
  st.infos.set(id, info);
  return info;
}

/** Token index range `[a, b)` of tokens lying inside a character span. */
export function tokenRange(tokens: readonly Token[], start: number, end: number): [number, number] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= start) lo = mid + 1; else hi = mid;
  }
  let b = lo;
  while (b < tokens.length && tokens[b]!.start < end) b++;
  return [lo, b];
}

/**
 * Number of `st.mentions` (sorted by start) that start before `at`, or at it too with `inclusive`:
 * a binary search, so lookups in a long document do not walk its mentions.
 */
export function mentionsBefore(st: EntityState, at: number, inclusive = false): number {
  const a = st.mentions;
  let lo = 0;
  let hi = a.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (a[mid]!.start < at || (inclusive && a[mid]!.start === at)) lo = mid + 1; else hi = mid; }
  return lo;
}

/** Inserts a mention keeping `st.mentions` sorted by start (after those with the same start). */
export function insertMention(st: EntityState, m: MentionX): void {
  st.mentions.splice(mentionsBefore(st, m.start, true), 0, m);
}
