import type { EntityType, SourceKind, Span } from '../core/types.js';
import type { Mention, Token, WorkingDoc } from '../core/working-doc.js';
import { isCountry, matchKbAt, type KbMatch } from './kb-compiled.js';
import {
  ANON_NOUNS, CALENDAR, DOCUMENT_NOUNS, GOV_HEADS, MEDIA_NOUNS, NUMBER_WORDS, OFFICE_TITLES, ORG_HEADS, OUTLET_HEADS,
  PLURAL_BODIES, PLURAL_REFERENCES, PRONOUNS, STOP, VAGUE_QUANTIFIERS,
} from './lexicon.js';
import { addMention, anonEntity, anonPhraseAt, isCapToken, isSubjectAt, publish, recognizeEntities, resolveTitle, sentenceInitial, titleAt } from './recognize.js';
import { ruleId } from './rules.js';
import { defaultSupersenses } from '../wordnet/shipped.js';
import { LEXFILES } from '../wordnet/supersenses.js';
import { kbEntity, mentionsBefore, newEntity, STATE_KEY, tokenRange, type EntityInfo, type EntityState, type MentionX } from './state.js';

// Regex literals live at module level: one in a function body allocates a new RegExp per call.
const POSSESSIVE_S = /^['\u2019]s$/;
const LOWER_INITIAL = /^\p{Ll}/u;
const FINAL_S = /s$/;
const INITIALISM = /^(?:\p{Lu}\.?){2,}$/u;

/** How an attribution source was typed and resolved. */
export interface ResolvedSource {
  /** Id of the entity in `doc.entities`, or null when unresolved. */
  entity: string | null;
  kind: SourceKind;
  /** Number of unnamed sources ("two officials" → 2; "officials" → null). */
  count: number | null;
  /** What an unnamed source or document is ("senior American officials", "Channel 12 report"). */
  descriptor: string | null;
  /** For a plural reference to named parties ("Both leaders"): their entity ids; absent otherwise. */
  members?: string[];
}

/** Hints from the caller, from the attribution whose quotation holds the span. */
export interface SourceHint {
  /** Country of the quoted speaker ("The president" in a US official's quote is the US president). */
  country?: string | null;
  /** Entity of the quoted speaker, for a first-person source in the speaker's own words. */
  speaker?: string | null;
}

const ANON_WORDS: ReadonlySet<string> = new Set([...ANON_NOUNS.keys(), ...ANON_NOUNS.values()]);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'another', 'its', 'their', 'his', 'her']);
/** Words that end the core noun phrase of a source ("a statement from the ministry"). */
const BREAKS = new Set(['of', 'from', 'by', 'for', 'with', 'in', 'at', 'on', 'to', 'who', 'whom', 'which', 'that', 'whose', ',', '(', ';', ':', '\u2014', '\u2013', 'and', 'familiar', 'close', 'speaking', 'briefed']);

/** Maps an entity type to the source kind it gives a speaker. */
export function kindOfType(t: EntityType): SourceKind {
  switch (t) {
    case 'person': return 'person';
    case 'outlet': return 'outlet';
    case 'organization': case 'government': case 'group': case 'location': return 'organization';
    default: return 'unknown';
  }
}

function ensureState(doc: WorkingDoc): EntityState {
  let st = doc.scratch.get(STATE_KEY) as EntityState | undefined;
  if (!st || st.texts.length !== doc.tokens.length) {
    st = recognizeEntities(doc);
    publish(doc, st);
  }
  return st;
}

/** The first index of a list sorted by `key` whose key is greater than `k` (where to insert after equals). */
function upperBound<T>(list: readonly T[], k: number, key: (x: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(list[mid]!) <= k) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Entities already in `doc.entities`, kept beside the list so each attach is no scan of it. */
const LISTED_KEY = 'resolve-source:listed';

interface Listed {
  list: readonly unknown[];
  length: number;
  set: Set<unknown>;
  /** Whether the list may be out of order (an entity's first mention moved, or another stage added to it). */
  dirty: boolean;
}

/**
 * Links a mention made after the stage ran into `doc.entities`/`doc.mentions`. Mentions and
 * entities are put in their sorted places rather than re-sorted each time: a page of 64,000
 * sources that each add a mention to the same group took 10 s here (quadratic). The order is the
 * one a stable sort by first mention gives, as before.
 */
function attach(doc: WorkingDoc, info: EntityInfo, m: MentionX): void {
  const e = info.entity;
  const first = (x: typeof e) => x.mentions[0]?.start ?? 0;
  let listed = doc.scratch.get(LISTED_KEY) as Listed | undefined;
  if (!listed || listed.list !== doc.entities || listed.length !== doc.entities.length) {
    listed = { list: doc.entities, length: doc.entities.length, set: new Set(doc.entities), dirty: true };
    doc.scratch.set(LISTED_KEY, listed);
  }
  const at = upperBound(e.mentions, m.start, (x) => x.start);
  e.mentions.splice(at, 0, { start: m.start, end: m.end });
  if (at === 0 && listed.set.has(e)) listed.dirty = true;
  if (listed.set.has(e)) return;
  if (listed.dirty) {
    doc.entities.push(e);
    doc.entities.sort((x, y) => first(x) - first(y));
    listed.dirty = false;
  } else {
    doc.entities.splice(upperBound(doc.entities, first(e), first), 0, e);
  }
  listed.set.add(e);
  listed.length = doc.entities.length;
}

function mentionsIn(st: EntityState, tokens: readonly Token[], a: number, b: number): MentionX[] {
  const out: MentionX[] = [];
  // Mentions are sorted by start, so by first token too: those before token a start before its start.
  for (let k = a < tokens.length ? mentionsBefore(st, tokens[a]!.start) : st.mentions.length; k < st.mentions.length; k++) {
    const m = st.mentions[k]!;
    if (m.tok >= b) break;
    if (m.tok >= a && m.tokEnd <= b) out.push(m);
  }
  return out;
}

/** Tags a noun phrase before a relative pronoun may hold, walking back from its head. */
const NP_TAGS = /^(?:NNP?S?|JJ[RS]?|DT|CD|PRP\$|POS|VBN|HYPH)$/;
/** How many tokens back a relative pronoun's noun phrase may start. */
const NP_REACH = 8;

/**
 * The noun phrase a relative pronoun at token `w` follows, as a token range, or null: the words
 * just before it (a comma between them allowed), a mention ending there, else back over
 * determiners, adjectives and nouns.
 */
function antecedentOf(st: EntityState, tokens: readonly Token[], lowers: readonly string[], w: number): [number, number] | null {
  let end = w;
  if (end > 0 && lowers[end - 1] === ',') end--;
  if (end === 0 || tokens[end - 1]!.sentence !== tokens[w]!.sentence) return null;
  const named = mentionsIn(st, tokens, Math.max(0, end - NP_REACH), end).find((m) => m.tokEnd === end);
  if (named) return [named.tok, end];
  if (!/^NN/.test(tokens[end - 1]!.pos ?? '')) return null;
  let start = end - 1;
  while (start > 0 && end - start < NP_REACH && tokens[start - 1]!.sentence === tokens[w]!.sentence && NP_TAGS.test(tokens[start - 1]!.pos ?? '') && lowers[start - 1] !== ',') start--;
  return [start, end];
}

/**
 * Types and resolves the source span of an attribution: a named person or organisation (titles
 * and pronouns resolved to the canonical entity), an outlet, an unnamed source with its count and
 * descriptor (linked to a group entity so "the officials" later chains to "two senior American
 * officials"), a document ("a Channel 12 report": entity = Channel 12), or unknown. May add an
 * entity and mention when the span names something the entity stage did not see.
 */
export function resolveSource(doc: WorkingDoc, span: Span, hint: SourceHint = {}): ResolvedSource {
  const unknown: ResolvedSource = { entity: null, kind: 'unknown', count: null, descriptor: null };
  if (doc.tokens.length === 0) return unknown;
  const st = ensureState(doc);
  const tokens = doc.tokens;
  const lowers = st.lowers;
  let [a, b] = tokenRange(tokens, span.start, span.end);
  while (a < b && (tokens[a]!.kind === 'punct' || tokens[a]!.kind === 'quote')) a++;
  while (b > a && (tokens[b - 1]!.kind === 'punct' || tokens[b - 1]!.kind === 'quote')) b--;
  if (a >= b) return unknown;
  const all = mentionsIn(st, tokens, a, b);
  // Core noun phrase: up to the first break word that no mention spans ("Times of Israel" keeps "of").
  let core = b;
  for (let k = a + 1; k < b; k++) {
    // A participle after a noun starts its modifier ("The union | representing workers at the plant").
    const participle = /^VB[GN]$/.test(tokens[k]!.pos ?? '') && /^NNS?$/.test(tokens[k - 1]!.pos ?? '') && LOWER_INITIAL.test(tokens[k]!.text);
    if (!BREAKS.has(lowers[k]!) && !participle) continue;
    if (all.some((m) => m.tok < k && k < m.tokEnd)) continue;
    core = k;
    break;
  }
  let head = core - 1;
  while (head > a && POSSESSIVE_S.test(lowers[head]!)) head--;
  const hw = lowers[head]!;
  const inCore = all.filter((m) => m.tokEnd <= core);
  const detStart = (from: number): number => {
    let k = from;
    while (k < head && (DETERMINERS.has(lowers[k]!) || NUMBER_WORDS.has(lowers[k]!) || VAGUE_QUANTIFIERS.has(lowers[k]!) || tokens[k]!.kind === 'number')) k++;
    return k;
  };
  const textOf = (x: number, y: number): string => doc.text.slice(tokens[x]!.start, tokens[y - 1]!.end);
  const fromEntity = (info: EntityInfo): ResolvedSource => {
    if (info.anonymous) return { entity: info.entity.id, kind: 'anonymous', count: info.anonymous.count, descriptor: info.anonymous.descriptor };
    if (info.entity.type === 'location' && ((info.kb && isCountry(info.kb)) || st.ckb.capitals.has(info.entity.name.toLowerCase()))) {
      // A country or capital that speaks is its government.
      info.entity.type = 'government';
      info.entity.rule = ruleId('government-subject');
    }
    return { entity: info.entity.id, kind: kindOfType(info.entity.type), count: null, descriptor: null };
  };

  // An appositive name after a description is the speaker ("Another critic, Laurence H. Tribe";
  // "Trump's running mate, Indiana Gov. Mike Pence").
  // The description may carry a prepositional phrase first ("A spokeswoman for the foreign
  // ministry, Anahit Sargsyan").
  let comma = core;
  if (lowers[core] !== ',') {
    for (let k = core; k < b && k - core <= 10; k++) {
      if (lowers[k] === ',') { comma = k; break; }
      if (/^(?:VB|MD|W)/.test(tokens[k]!.pos ?? '')) break;
    }
  }
  if (comma < b && lowers[comma] === ',' && LOWER_INITIAL.test(tokens[head]!.text)) {
    const named = all.find((m) => m.tok > comma && m.tok <= comma + 2 && (m.form === 'name' || m.form === 'title') && st.infos.get(m.entity)!.entity.type === 'person');
    if (named) return fromEntity(st.infos.get(named.entity)!);
  }

  // A relative pronoun speaks for the noun phrase it follows ("Chris Cox, who runs the NRA's
  // lobbying arm, said"; "two officials who spoke on condition of anonymity").
  // The phrase ends in a noun, so resolving it never comes back here.
  if (b - a === 1 && (hw === 'who' || hw === 'whom')) {
    const ante = antecedentOf(st, tokens, lowers, a);
    return ante ? resolveSource(doc, { start: tokens[ante[0]]!.start, end: tokens[ante[1] - 1]!.end }, hint) : unknown;
  }

  // "I" in a quotation is its speaker ("“What I would say is …,” Earnest said").
  if (b - a === 1 && (hw === 'i' || hw === 'me') && hint.speaker && st.infos.has(hint.speaker) && !all.length) {
    const info = st.infos.get(hint.speaker)!;
    attach(doc, info, addMention(st, tokens, info, { tok: a, tokEnd: b, form: 'pronoun', rule: ruleId('first-person-speaker') }));
    return fromEntity(info);
  }

  // Pronouns.
  if (b - a === 1 && (PRONOUNS.has(hw) || hw === 'i' || hw === 'we')) {
    const m = all[0];
    if (m) return fromEntity(st.infos.get(m.entity)!);
    // "The protesters marched on Monday. They said …": a plural subject no entity holds.
    const group = hw === 'they' ? pluralSubjectBefore(st, tokens, lowers, a) : null;
    if (group) {
      const descriptor = textOf(group[0], group[1]);
      const made = mentionsIn(st, tokens, group[0], group[1])[0];
      const info = made ? st.infos.get(made.entity)! : newEntity(st, descriptor, 'group', ruleId('they-group'));
      info.plural = true;
      if (!made) attach(doc, info, addMention(st, tokens, info, { tok: group[0], tokEnd: group[1], form: 'descriptor', rule: ruleId('they-group') }));
      attach(doc, info, addMention(st, tokens, info, { tok: a, tokEnd: b, form: 'pronoun', rule: ruleId('they-group') }));
      return { entity: info.entity.id, kind: 'anonymous', count: null, descriptor };
    }
    const g = PRONOUNS.get(hw)?.gender;
    return { entity: null, kind: g === 'm' || g === 'f' || hw === 'i' ? 'person' : 'unknown', count: null, descriptor: null };
  }

  // "Both leaders agreed", "the two men said": the two named parties last mentioned.
  if (b - a <= 3 && PLURAL_REFERENCES.has(hw) && ((lowers[a] === 'both' && head === a + 1) || (lowers[a] === 'the' && lowers[a + 1] === 'two' && head === a + 2))) {
    const members = pluralMembers(st, a, tokens[a]!.start, !PLURAL_BODIES.has(hw));
    if (members) return { entity: null, kind: PLURAL_BODIES.has(hw) ? 'organization' : 'person', count: 2, descriptor: textOf(a, head + 1), members };
  }

  // Documents: "a Channel 12 report", "Trump’s letter", "a statement from the ministry".
  if (DOCUMENT_NOUNS.has(hw) && tokens[head]!.kind === 'word' && LOWER_INITIAL.test(tokens[head]!.text)) {
    let author: MentionX | undefined = [...inCore].reverse().find((m) => m.tokEnd <= head);
    if (!author && core < b && ['from', 'by', 'of'].includes(lowers[core]!)) author = all.find((m) => m.tok > core);
    if (!author && core < b && ['from', 'by', 'of'].includes(lowers[core]!)) {
      const made = nameEntity(doc, st, core + 1, b);
      if (made) return { entity: made.entity.id, kind: 'document', count: null, descriptor: textOf(detStart(a), head + 1) };
    }
    // "A Bloomberg poll … the poll": a definite document noun repeats the last one named with its author.
    const earlier = !author && DEFINITE.has(lowers[a]!) ? earlierDocumentAuthor(st, tokens, lowers, a, hw) : null;
    return { entity: author?.entity ?? earlier ?? null, kind: 'document', count: null, descriptor: textOf(detStart(a), head + 1) };
  }

  // Generic media: "US media", "Israeli media reports".
  if (MEDIA_NOUNS.has(hw) && !inCore.some((m) => m.tokEnd === head + 1)) {
    return { entity: null, kind: 'outlet', count: null, descriptor: textOf(detStart(a), head + 1) };
  }

  // Unnamed sources.
  if (ANON_WORDS.has(hw)) {
    const kbCoverAt = localKbCover(st, a, b);
    const ph = anonPhraseAt(st, tokens, kbCoverAt, head, a, b);
    const existing = st.mentions.find((m) => m.form === 'descriptor' && m.tok <= head && head < m.tokEnd);
    const plural = !ANON_NOUNS.has(hw);
    const count = ph ? ph.count : plural ? null : 1;
    const descriptor = ph ? ph.descriptor : textOf(detStart(a), head + 1);
    if (existing) return { entity: existing.entity, kind: 'anonymous', count, descriptor };
    const phrase = ph ?? { tok: a, tokEnd: head + 1, head, count, descriptor, country: null, plural, definite: lowers[a] === 'the', counted: count !== null && lowers[a] !== 'the' };
    const { info, rule } = anonEntity(st, phrase, tokens[phrase.tok]!.start);
    const m = addMention(st, tokens, info, { tok: phrase.tok, tokEnd: phrase.tokEnd, form: 'descriptor', rule });
    attach(doc, info, m);
    return { entity: info.entity.id, kind: 'anonymous', count, descriptor };
  }

  // Definite descriptions: "the Vermont senator", "the company", "the commission".
  if (DEFINITE.has(lowers[a]!) && LOWER_INITIAL.test(tokens[head]!.text) && !inCore.some((m) => m.tokEnd === head + 1)) {
    const ante = descriptionAntecedent(st, tokens, lowers, a, head, doc.referenceDate());
    if (ante) {
      attach(doc, ante.info, addMention(st, tokens, ante.info, { tok: a, tokEnd: head + 1, form: 'descriptor', rule: ruleId(ante.rule) }));
      return fromEntity(ante.info);
    }
    // An unmatched role is an unnamed person, not the place that modifies it ("the Vermont senator").
    if (PERSON_ROLES.has(hw)) return { entity: null, kind: 'person', count: null, descriptor: textOf(detStart(a), head + 1) };
  }

  // Named entities and titles the stage recognised.
  const headMention = inCore.find((m) => m.tokEnd === head + 1) ?? (inCore.length ? inCore[inCore.length - 1] : undefined);
  if (headMention && headMention.tokEnd === head + 1) {
    if (headMention.form === 'title' && hint.country) repointTitle(doc, st, headMention, hint.country);
    const info = st.infos.get(headMention.entity)!;
    if (isSpeakingSurname(st, info, headMention, a, b)) { info.entity.type = 'person'; info.entity.rule = ruleId('speaker-surname'); }
    return fromEntity(info);
  }
  if (headMention && LOWER_INITIAL.test(tokens[head]!.text)) {
    // A name modifying a common noun: "the Trump campaign", "Hamas fighters".
    if (ORG_HEADS.has(hw)) {
      const possessor = st.infos.get(headMention.entity)!;
      // "his campaign" is named after its possessor, as "the Trump campaign" would be, and a body
      // named again is the same entity ("The Clinton campaign said … the Clinton campaign").
      const name = headMention.form === 'pronoun'
        ? `${possessor.entity.type === 'person' ? possessor.entity.name.split(/\s+/).pop()! : possessor.entity.name} ${tokens[head]!.text}`
        : textOf(detStart(a), head + 1);
      const key = name.toLowerCase();
      const rule = ruleId('source-new-name');
      let info: EntityInfo | undefined;
      for (const x of st.infos.values()) if (x.entity.rule === rule && x.entity.name.toLowerCase() === key) { info = x; break; }
      info ??= newEntity(st, name, GOV_HEADS.has(hw) ? 'government' : 'organization', rule, possessor.entity.country ?? null);
      const m = addMention(st, tokens, info, { tok: detStart(a), tokEnd: head + 1, form: headMention.form === 'pronoun' ? 'descriptor' : 'name', rule });
      attach(doc, info, m);
      return { entity: info.entity.id, kind: 'organization', count: null, descriptor: null };
    }
    if (FINAL_S.test(hw)) return { entity: null, kind: 'anonymous', count: null, descriptor: textOf(detStart(a), head + 1) };
  }
  // A possessive or a place before a common noun is not the speaker ("my father", "a New York judge").
  // A possessor stays the source of what is its own ("his tax return", "her account").
  const personHead = PERSON_ROLES.has(hw) || PERSON_NOUNS.has(hw);
  // "Trump's running mate": the possessor's ticket at the reference date.
  if (headMention && hw === 'mate' && lowers[head - 1] === 'running') {
    const mate = runningMateOf(st, st.infos.get(headMention.entity)!, doc.referenceDate(), tokens[a]!.start);
    if (mate) {
      attach(doc, mate.info, addMention(st, tokens, mate.info, { tok: detStart(a), tokEnd: head + 1, form: 'descriptor', rule: ruleId(mate.rule) }));
      return fromEntity(mate.info);
    }
  }
  // A name's person ("Trump's lawyer") is someone else, as a pronoun's is ("his lawyer").
  const possessive = headMention !== undefined && (headMention.form === 'pronoun' || POSSESSIVE_S.test(lowers[headMention.tokEnd] ?? ''));
  if (headMention && LOWER_INITIAL.test(tokens[head]!.text) && (possessive ? personHead || hw === 'mate' : st.infos.get(headMention.entity)!.entity.type === 'location')) {
    return { entity: null, kind: personHead ? 'person' : 'unknown', count: null, descriptor: textOf(detStart(a), head + 1) };
  }
  if (headMention) return fromEntity(st.infos.get(headMention.entity)!);

  // Office titles the stage did not see: resolve with the hint.
  for (let k = a; k <= head; k++) {
    const n = titleAt(lowers, k, core);
    if (n === 0) continue;
    const title = lowers.slice(k, k + n).join(' ');
    if (!OFFICE_TITLES.has(title) || k + n !== head + 1) continue;
    let country = hint.country ?? null;
    for (let j = a; j < k; j++) country ??= st.ckb.demonyms.get(st.texts[j]!)?.country ?? null;
    const holder = resolveTitle(st, doc.referenceDate(), title, country, tokens[a]!.start);
    if (holder) {
      const info = kbEntity(st, holder, ruleId('kb-name'));
      const m = addMention(st, tokens, info, { tok: a, tokEnd: head + 1, form: 'title', rule: ruleId('title-office') });
      attach(doc, info, m);
      return { entity: holder.id, kind: 'person', count: null, descriptor: null };
    }
    return { entity: null, kind: 'person', count: null, descriptor: textOf(detStart(a), head + 1) };
  }

  // A capitalised name nobody recognised yet.
  const made = nameEntity(doc, st, a, core);
  if (made) return fromEntity(made);
  return unknown;
}

/**
 * The two parties a plural reference at token `at` (character `atChar`) stands for: the first two distinct named
 * people (or bodies) of its own sentence before it, else the last two named before it. Null when
 * fewer than two are named; the events coder reads "both leaders" the same way.
 */
function pluralMembers(st: EntityState, at: number, atChar: number, people: boolean): string[] | null {
  const before = st.mentions.slice(0, mentionsBefore(st, atChar));
  const fits = (m: MentionX): boolean => {
    if (m.tok >= at || m.form === 'pronoun' || m.form === 'descriptor') return false;
    const info = st.infos.get(m.entity);
    if (!info || info.anonymous || info.plural) return false;
    const t = info.entity.type;
    return people ? t === 'person' : t === 'government' || t === 'organization' || (t === 'location' && info.kb !== null && isCountry(info.kb));
  };
  const pick = (ms: readonly MentionX[]): string[] => {
    const ids: string[] = [];
    for (const m of ms) if (!ids.includes(m.entity)) { ids.push(m.entity); if (ids.length === 2) break; }
    return ids;
  };
  const named = before.filter(fits);
  const here = pick(named.filter((m) => st.sentence[m.tok] === st.sentence[at]));
  if (here.length === 2) return here;
  const last = pick(named.reverse()).reverse();
  return last.length === 2 ? last : null;
}

/** Tags a plural subject's noun phrase may hold before its head ("the angry local protesters"). */
const PLURAL_NP_TAGS = /^(?:DT|JJ|JJR|JJS|CD|NN|NNS|VBG|VBN|PRP\$|POS)$/;

/**
 * The noun phrase of the last plural common-noun subject naming people before token `at`, in its
 * sentence or the one before, as a token range, or null: what "they" speaks for when no entity does ("The
 * protesters marched. They said …"). A mention there (a name, a group) leaves it to the entity
 * stage's own plural pronouns.
 */
function pluralSubjectBefore(st: EntityState, tokens: readonly Token[], lowers: readonly string[], at: number): [number, number] | null {
  const s = tokens[at]!.sentence;
  for (let h = at - 1; h >= 0 && tokens[h]!.sentence >= s - 1; h--) {
    const t = tokens[h]!;
    // "They said … They also said": the group an earlier "they" spoke for.
    if (lowers[h] === 'they') {
      const m = mentionsIn(st, tokens, h, h + 1)[0];
      if (m?.rule === ruleId('they-group')) {
        const first = st.mentions.find((x) => x.entity === m.entity && x.form === 'descriptor');
        if (first) return [first.tok, first.tokEnd];
      }
    }
    if ((t.pos !== 'NNS' && t.pos !== 'NNPS') || !(LOWER_INITIAL.test(t.text) || sentenceInitial(tokens, h)) || !isSubjectAt(tokens, lowers, h, h + 1)) continue;
    // People only: "they" after "exit polls" or "interest rates" is seldom them.
    if (defaultSupersenses().noun(lowers[h]!)?.first !== NOUN_PERSON) continue;
    let from = h;
    while (from > 0 && tokens[from - 1]!.sentence === t.sentence && PLURAL_NP_TAGS.test(tokens[from - 1]!.pos ?? '') && !STOP_AFTER.has(lowers[from - 1]!)) from--;
    const held = mentionsIn(st, tokens, from, h + 1);
    // A group an earlier "they" made speaks again; any other mention is the entity stage's to link.
    if (held.length) return held.length === 1 && held[0]!.rule === ruleId('they-group') ? [held[0]!.tok, held[0]!.tokEnd] : null;
    return [from, h + 1];
  }
  return null;
}

const NOUN_PERSON = LEXFILES.indexOf('noun.person');

/** Words a plural subject's phrase does not reach back over. */
const STOP_AFTER = new Set(['that', 'which', 'who']);

const DEFINITE = new Set(['the', 'this', 'that']);

/**
 * Role nouns of people and the title words a named mention carries for them: "the senator" is
 * the last person named "Sen. …" or "Senator …".
 */
const PERSON_ROLES: ReadonlyMap<string, readonly string[]> = new Map([
  ['senator', ['senator', 'sen.']], ['governor', ['governor', 'gov.']], ['mayor', ['mayor']],
  ['congressman', ['congressman', 'rep.']], ['congresswoman', ['congresswoman', 'rep.']], ['representative', ['representative', 'rep.']],
  ['judge', ['judge']], ['justice', ['justice']], ['ambassador', ['ambassador']], ['general', ['general', 'gen.']],
  ['secretary', ['secretary']], ['director', ['director']], ['commissioner', ['commissioner']], ['chairman', ['chairman']],
  ['chairwoman', ['chairwoman']], ['speaker', ['speaker']], ['sheriff', ['sheriff']], ['pastor', ['pastor', 'rev.']],
  ['nominee', ['nominee']], ['candidate', ['candidate', 'nominee']],
]);

/** Common nouns for people, so a source they head is a person even when unnamed ("a New York judge"). */
const PERSON_NOUNS = new Set(['businessman', 'businesswoman', 'lawyer', 'attorney', 'doctor', 'mogul', 'tycoon', 'billionaire',
  'actor', 'actress', 'star', 'man', 'woman', 'father', 'mother', 'son', 'daughter', 'wife', 'husband', 'friend', 'reporter',
  'columnist', 'author', 'writer', 'activist', 'veteran', 'student', 'teacher', 'professor', 'pollster', 'strategist', 'consultant']);

/** Party words a description and its antecedent's title must share ("the Democratic nominee" → "Democratic nominee Hillary Clinton"). */
const PARTY_WORDS: ReadonlyMap<string, string> = new Map([
  ['democratic', 'democratic'], ['democrat', 'democratic'], ['republican', 'republican'], ['gop', 'republican'], ['libertarian', 'libertarian'],
]);

/** The author of the last document named with this noun ("A Bloomberg poll … the poll" → Bloomberg), or null. */
function earlierDocumentAuthor(st: EntityState, tokens: readonly Token[], lowers: readonly string[], a: number, noun: string): string | null {
  const from = mentionsBefore(st, tokens[a]!.start);
  for (let k = from - 1; k >= Math.max(0, from - DESCRIPTION_REACH); k--) {
    const m = st.mentions[k]!;
    if (m.form !== 'name') continue;
    for (let j = m.tokEnd; j < Math.min(m.tokEnd + 4, a); j++) {
      if (tokens[j]!.sentence !== tokens[m.tok]!.sentence || tokens[j]!.kind !== 'word') break;
      if (lowers[j] === noun) return m.entity;
    }
  }
  return null;
}

/** Organisation heads that a later definite description repeats ("the Commission on …" → "the commission"). */
const NAMED_HEADS = ORG_HEADS;
/** Generic organisation nouns that point to the last organisation of a kind ("the company" → the last company named). */
const GENERIC_ORGS: ReadonlyMap<string, (e: EntityInfo) => boolean> = new Map([
  ['company', (e: EntityInfo) => e.entity.type === 'organization' && e.entity.sector === 'BUS'],
  ['firm', (e: EntityInfo) => e.entity.type === 'organization' && e.entity.sector === 'BUS'],
  ['network', (e: EntityInfo) => e.entity.type === 'outlet'],
  ['newspaper', (e: EntityInfo) => e.entity.type === 'outlet'],
  ['paper', (e: EntityInfo) => e.entity.type === 'outlet'],
]);
/** How far back, in mentions, a description looks for its antecedent. */
const DESCRIPTION_REACH = 400;

/**
 * The entity a definite description refers back to, or null: a person role ("the senator") to the
 * last person whose named mention carries the title; an organisation head ("the commission", "the
 * administration") to the last entity whose name holds the word; a generic noun ("the company") to
 * the last entity of its kind.
 */
function descriptionAntecedent(st: EntityState, tokens: readonly Token[], lowers: readonly string[], a: number, head: number, date: string | null): { info: EntityInfo; rule: string } | null {
  const hw = lowers[head]!;
  let party: string | undefined;
  for (let k = a; k < head && !party; k++) party = PARTY_WORDS.get(lowers[k]!);
  // "the GOP running mate", "the Democratic vice presidential nominee": the party's ticket, by date.
  if ((hw === 'mate' && lowers[head - 1] === 'running') || (hw === 'nominee' && lowers.slice(a, head).some((w) => w === 'vice' || w === 'vice-presidential'))) {
    return party ? ticketHolder(st, date, `${party} running mate`, tokens[a]!.start) : null;
  }
  const titles = PERSON_ROLES.get(hw);
  const generic = GENERIC_ORGS.get(hw);
  if (!titles && !generic && !NAMED_HEADS.has(hw)) return null;
  const text = (m: MentionX) => st.lowers.slice(m.tok, m.tokEnd);
  const from = mentionsBefore(st, tokens[a]!.start);
  const otherRace = hw === 'nominee' && (lowers[head + 1] === 'for' || lowers.slice(a, head).some((w) => OTHER_RACES.has(w)));
  for (let k = from - 1; k >= Math.max(0, from - DESCRIPTION_REACH); k--) {
    const m = st.mentions[k]!;
    const info = st.infos.get(m.entity);
    if (!info || info.anonymous) continue;
    // The presidential nominee the knowledge base named is no antecedent for another race's.
    if (otherRace && m.rule === ruleId('nominee-title')) continue;
    if (titles) {
      if (info.entity.type !== 'person' || m.form === 'pronoun') continue;
      const words = text(m);
      // A nominee's party may stand alone before the name ("Democrat Hillary Clinton").
      const partyBefore = party !== undefined && st.lowers.slice(Math.max(0, m.tok - 3), m.tokEnd).some((w) => PARTY_WORDS.get(w) === party);
      if (party && !partyBefore) continue;
      if (!titles.some((t) => words.includes(t)) && !(partyBefore && (hw === 'nominee' || hw === 'candidate'))) continue;
      return { info, rule: 'description-title' };
    }
    if (m.form !== 'name') continue;
    if (generic && generic(info)) return { info, rule: 'description-kind' };
    if (!generic && info.entity.type !== 'person' && info.entity.type !== 'location' && text(m).includes(hw)) return { info, rule: 'description-head' };
  }
  // No nominee named before: the party's presidential nominee at the reference date ("the GOP
  // nominee" in September 2016), unless the race is another ("the Republican Senate nominee",
  // "the Democratic nominee for governor").
  return hw === 'nominee' && party && !otherRace ? ticketHolder(st, date, `${party} nominee`, tokens[a]!.start) : null;
}

/** The running mate of a knowledge-base presidential nominee at the reference date, or null. */
function runningMateOf(st: EntityState, info: EntityInfo, date: string | null, at: number): { info: EntityInfo; rule: string } | null {
  const role = (info.kb?.roles ?? []).find((r) => r.title.endsWith(' nominee') && date !== null && (!r.from || date >= r.from) && (!r.to || date < r.to));
  return role ? ticketHolder(st, date, role.title.replace(/ nominee$/, ' running mate'), at) : null;
}

/** A US party's presidential nominee or running mate at the reference date, from the knowledge base. */
function ticketHolder(st: EntityState, date: string | null, title: string, at: number): { info: EntityInfo; rule: string } | null {
  const holder = resolveTitle(st, date, title, 'USA', at);
  return holder ? { info: kbEntity(st, holder, ruleId('kb-name')), rule: 'nominee-title' } : null;
}

/** Words that make a nominee another race's than the presidency's. */
const OTHER_RACES = new Set(['senate', 'house', 'congressional', 'gubernatorial', 'mayoral', 'legislative', 'vice', 'vice-presidential', 'state']);

/** Re-resolves a title mention with the caller's country hint ("The president" in a US official's quote). */
function repointTitle(doc: WorkingDoc, st: EntityState, m: MentionX, country: string): void {
  let k = m.tok;
  while (k < m.tokEnd && !OFFICE_TITLES.has(st.lowers.slice(k, m.tokEnd).join(' '))) k++;
  if (k >= m.tokEnd) return;
  const holder = resolveTitle(st, doc.referenceDate(), st.lowers.slice(k, m.tokEnd).join(' '), country, doc.tokens[m.tok]!.start);
  if (!holder || holder.id === m.entity) return;
  const old = st.infos.get(m.entity);
  if (old) {
    old.entity.mentions = old.entity.mentions.filter((x) => x.start !== m.start);
    if (old.entity.mentions.length === 0) doc.entities = doc.entities.filter((e) => e !== old.entity);
  }
  const info = kbEntity(st, holder, ruleId('kb-name'));
  m.entity = info.entity.id;
  m.rule = ruleId('title-office');
  attach(doc, info, m);
}

/** KB matches over tokens `[a, b)`, for unnamed-source modifiers ("White House officials"). */
function localKbCover(st: EntityState, a: number, b: number): (j: number) => KbMatch | null {
  const cover = new Map<number, KbMatch>();
  for (let i = a; i < b; i++) {
    const m = matchKbAt(st.ckb, st.texts, st.lowers, st.sentence, i);
    if (!m) continue;
    for (let k = m.start; k < m.end; k++) cover.set(k, m);
    i = m.end - 1;
  }
  return (j) => cover.get(j) ?? null;
}

/** A surname's shape: one capital, then lower case ("McFadden" too; not "NeverTrump", "HuffPo", "Poll.Result"). */
const SURNAME_SHAPE = /^(?:Mc|Mac|O['\u2019])?\p{Lu}\p{Ll}+$/u;
/** Plural group nouns that a capital does not make a surname ("Hispanics", "Latinos", "Democrats"). */
const GROUP_PLURAL = /(?:ans|nos|ics|ers|ists|ats|ites)$/;

/**
 * Whether a source that is exactly one capitalised word the recogniser left untyped is a surname:
 * a speaker named by one word is a person far more often than anything else ("Pate said"), unless
 * the text also writes the word in lower case ("Report said") or it reads as a plural group.
 */
function isSpeakingSurname(st: EntityState, info: EntityInfo, m: MentionX, a: number, b: number): boolean {
  if (info.entity.type !== 'other' || info.kb || m.form !== 'name' || m.tok !== a || m.tokEnd !== b || b - a !== 1) return false;
  const w = st.lowers[a]!;
  return SURNAME_SHAPE.test(st.texts[a]!) && !GROUP_PLURAL.test(w) && !lowerCaseWords(st).has(w);
}

const lowerCaseSets = new WeakMap<EntityState, Set<string>>();
/** The words the text writes in lower case somewhere, collected once per document. */
function lowerCaseWords(st: EntityState): Set<string> {
  let set = lowerCaseSets.get(st);
  if (!set) {
    set = new Set();
    for (let i = 0; i < st.texts.length; i++) if (st.texts[i] === st.lowers[i]) set.add(st.lowers[i]!);
    lowerCaseSets.set(st, set);
  }
  return set;
}

/** Makes an entity from capitalised tokens in `[a, b)` (after determiners), or null. */
function nameEntity(doc: WorkingDoc, st: EntityState, a: number, b: number): EntityInfo | null {
  const tokens = doc.tokens;
  let x = a;
  while (x < b && DETERMINERS.has(st.lowers[x]!)) x++;
  let y = x;
  while (y < b && (isCapToken(tokens[y]!) || (y > x && tokens[y]!.kind === 'number'))) y++;
  if (y === x || y !== b) return null;
  // "Voters said …": one common noun capitalised only because it opens the sentence is no name.
  if (y - x === 1 && sentenceInitial(tokens, x) && /^NNS?$/.test(tokens[x]!.pos ?? '')) return null;
  // A day or month a model read as the speaker ("sent an email to supporters Tuesday inviting"), or
  // a lone function word ("Who"), names nobody.
  if (y - x === 1 && (CALENDAR.has(st.lowers[x]!) || STOP.has(st.lowers[x]!))) return null;
  // Nor does a lone letter: an interview's "Q:" label is the interviewer, unnamed.
  if (y - x === 1 && st.texts[x]!.length === 1) return null;
  if (sentenceInitial(tokens, x)) {
    // Nor does a pronoun, number or function word capitalised because it opens the sentence
    // ("You said", "Six said", "About 4 in 10 said", "Both agreed").
    if (STOP.has(st.lowers[x]!) || NUMBER_WORDS.has(st.lowers[x]!) || /^(?:CD|PRP|WP|DT|IN|EX)$/.test(tokens[x]!.pos ?? '')) return null;
    // Nor one word written in lower case elsewhere in the text ("Authorities said", "Pledged delegates").
    if (y - x === 1 && lowerCaseWords(st).has(st.lowers[x]!)) return null;
  }
  const kb = matchKbAt(st.ckb, st.texts, st.lowers, st.sentence, x);
  let info: EntityInfo;
  let rule = ruleId('source-new-name');
  if (kb && kb.end === y) { info = kbEntity(st, kb.entry, ruleId('kb-name')); rule = ruleId('kb-name'); }
  else {
    const words = st.texts.slice(x, y);
    const last = st.lowers[y - 1]!;
    let type: EntityType = 'other';
    if (y - x >= 2 && GOV_HEADS.has(last)) type = 'government';
    else if (y - x >= 2 && ORG_HEADS.has(last)) type = 'organization';
    else if (y - x >= 2 && OUTLET_HEADS.has(last)) type = 'outlet';
    else if (y - x === 1 && INITIALISM.test(words[0]!)) type = 'organization';
    else if (y - x <= 4) type = 'person';
    const name = words.join(' ');
    info = [...st.infos.values()].find((i) => i.entity.name === name) ?? newEntity(st, name, type, rule);
    if (!info.names.length) info.names.push(words);
  }
  const m = addMention(st, tokens, info, { tok: x, tokEnd: y, form: 'name', rule } satisfies { tok: number; tokEnd: number; form: Mention['form']; rule: string });
  attach(doc, info, m);
  return info;
}
