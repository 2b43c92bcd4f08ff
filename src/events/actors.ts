import type { Token, WorkingDoc } from '../core/working-doc.js';
import { holderOf, type KbEntry, type KbIndex } from '../kb/index.js';
import { tokenize } from '../text/tokenize.js';
import { lowerTexts, toLower } from '../text/lower.js';
import { PLURAL_BODIES, PLURAL_REFERENCES } from '../entities/lexicon.js';

// Regex literals live at module level: one in a function body allocates a new RegExp per call.
const UPPER_INITIAL = /^\p{Lu}/u;
const POSSESSIVE_S = /^['’]s$/i;
const DIGIT_INITIAL = /^\p{N}/u;
const ACRONYM_TEXT = /^[\p{Lu}.&-]+$/u;
const ARTICLE = /^(the|a|an)$/i;

/** How an actor mention was recognised. */
export type ActorForm = 'name' | 'demonym' | 'capital' | 'title' | 'pronoun' | 'plural' | 'descriptor' | 'entity';

/** An actor mention the event coder can use as actor or recipient; internal. */
export interface ActorMention {
  start: number;
  end: number;
  /** Token index range, inclusive. */
  t0: number;
  t1: number;
  sentence: number;
  form: ActorForm;
  entry: KbEntry | null;
  /** Entity id from the entities stage, where one overlaps. */
  entity: string | null;
  country: string | null;
  sector: string | null;
  /** Whether it names a person (for pronoun and "both leaders" resolution). */
  person: boolean;
  /** For plural references ("both leaders"): the mentions they stand for. */
  members?: ActorMention[];
  /** Possessive pronouns ("its", "his") cannot be recipients. */
  possessive?: boolean;
  /** A pronoun the entities stage resolved. */
  fromEntities?: boolean;
  /** Whether it is a place rather than an agent (kept for locations). */
  place: boolean;
}

/** Head nouns that give a sector when they follow a demonym or country ("Israeli forces"). */
export const SECTOR_NOUNS: ReadonlyMap<string, string> = new Map(Object.entries({
  forces: 'MIL', force: 'MIL', troops: 'MIL', soldiers: 'MIL', soldier: 'MIL', army: 'MIL', military: 'MIL', navy: 'MIL',
  aircraft: 'MIL', jets: 'MIL', warplanes: 'MIL', planes: 'MIL', helicopters: 'MIL', gunboats: 'MIL', tanks: 'MIL',
  peacekeepers: 'MIL', commanders: 'MIL', commander: 'MIL', servicemen: 'MIL', marines: 'MIL', units: 'MIL', drones: 'MIL',
  police: 'COP', policemen: 'COP', 'security forces': 'COP',
  government: 'GOV', authorities: 'GOV', officials: 'GOV', official: 'GOV', ministry: 'GOV', minister: 'GOV', ministers: 'GOV',
  president: 'GOV', cabinet: 'GOV', leader: 'GOV', leaders: 'GOV', administration: 'GOV', diplomats: 'GOV', diplomat: 'GOV',
  embassy: 'GOV', envoy: 'GOV', spokesman: 'GOV', spokeswoman: 'GOV', delegation: 'GOV', negotiator: 'GOV', negotiators: 'GOV',
  regime: 'GOV', premier: 'GOV', king: 'GOV', chancellor: 'GOV', junta: 'GOV', state: 'GOV', leadership: 'GOV',
  rebels: 'REB', rebel: 'REB', guerrillas: 'REB', guerrilla: 'REB', militants: 'REB', militant: 'REB', insurgents: 'REB',
  fighters: 'REB', operatives: 'REB', terrorists: 'REB', gunmen: 'REB', extremists: 'REB', separatists: 'REB', jihadists: 'REB',
  militia: 'REB', militias: 'REB', coalition: 'REB', group: 'REB', bombers: 'REB',
  opposition: 'OPP', activists: 'OPP', activist: 'OPP', dissidents: 'OPP', party: 'PTY',
  parliament: 'LEG', lawmakers: 'LEG', legislators: 'LEG', senators: 'LEG', congress: 'LEG', assembly: 'LEG', deputies: 'LEG',
  court: 'JUD', judge: 'JUD', judges: 'JUD', prosecutors: 'JUD', prosecutor: 'JUD',
  civilians: 'CVL', people: 'CVL', residents: 'CVL', villagers: 'CVL', refugees: 'CVL', demonstrators: 'CVL', protesters: 'CVL',
  students: 'CVL', workers: 'CVL', immigrants: 'CVL', citizens: 'CVL', farmers: 'CVL', population: 'CVL', nationals: 'CVL',
  youths: 'CVL', children: 'CVL', women: 'CVL', settlers: 'CVL', prisoners: 'CVL', prisoner: 'CVL', inhabitants: 'CVL',
  journalists: 'JRN', journalist: 'JRN', reporters: 'JRN', media: 'JRN',
  union: 'LAB', unions: 'LAB', businesses: 'BUS', companies: 'BUS', firms: 'BUS', doctors: 'MED', hackers: 'CRM',
}));

/** Words after which an NP is a prepositional object, not a subject. */
export const PREPOSITIONS: ReadonlySet<string> = new Set([
  'of', 'to', 'from', 'with', 'against', 'on', 'in', 'by', 'for', 'at', 'about', 'over', 'between', 'into', 'toward', 'towards',
  'inside', 'within', 'across', 'near', 'through', 'under', 'among', 'upon', 'onto', 'after', 'before', 'during', 'than',
  'like', 'despite', 'without', 'via', 'per', 'around', 'outside', 'behind', 'beyond', 'along',
]);

const PRONOUNS = new Map<string, 'person' | 'thing' | 'plural'>([
  ['he', 'person'], ['him', 'person'], ['she', 'person'], ['her', 'person'], ['it', 'thing'], ['they', 'plural'], ['them', 'plural'],
]);
const POSSESSIVE_PRONOUNS = new Map<string, 'person' | 'thing' | 'plural'>([['his', 'person'], ['its', 'thing'], ['their', 'plural']]);
/** The kind of referent a pronoun (personal or possessive) points to; maps, so "constructor" is no pronoun. */
function pronounKind(w: string): 'person' | 'thing' | 'plural' | undefined {
  return PRONOUNS.get(w) ?? POSSESSIVE_PRONOUNS.get(w);
}
/** Whether a word is a possessive pronoun. */
function inPossessives(w: string): boolean {
  return POSSESSIVE_PRONOUNS.has(w);
}
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'his', 'her', 'their', 'another', 'some', 'both', 'two', 'three', 'several', 'many', 'senior', 'top']);

interface Phrase { words: string[]; entry: KbEntry; form: 'name' | 'demonym' | 'capital' | 'title'; title?: string }

/** A precompiled phrase index over a knowledge base: first lower-case word → phrases, longest first. */
export interface ActorGazetteer {
  kb: KbIndex;
  byFirst: Map<string, Phrase[]>;
  titles: Map<string, string[][]>;
}

const cache = new WeakMap<KbIndex, ActorGazetteer>();

function words(s: string): string[] {
  return tokenize(s).map((t) => toLower(t.text));
}

/** Builds (once per index) the phrase gazetteer over names, aliases, demonyms, capitals and titles. */
export function gazetteerFor(kb: KbIndex): ActorGazetteer {
  const hit = cache.get(kb);
  if (hit) return hit;
  const byFirst = new Map<string, Phrase[]>();
  const seen = new Set<string>();
  const add = (text: string, entry: KbEntry, form: Phrase['form']): void => {
    const w = words(text);
    if (!w.length) return;
    const key = `${form}|${w.join(' ')}`;
    if (seen.has(key)) return;
    seen.add(key);
    const list = byFirst.get(w[0]!) ?? [];
    list.push({ words: w, entry, form });
    byFirst.set(w[0]!, list);
  };
  for (const e of kb.entries) {
    add(e.name, e, 'name');
    for (const a of e.aliases ?? []) add(a, e, 'name');
    for (const d of e.demonyms ?? []) {
      add(d, e, 'demonym');
      // Plural demonyms name the people: "Liberians", "Israelis".
      if (/[^s]$/.test(d) && !/(ese|ish|ch|sh|Swiss)$/.test(d)) add(`${d}s`, e, 'name');
    }
    if (e.capital) add(e.capital, e, 'capital');
  }
  const titles = new Map<string, string[][]>();
  const allTitles = [...kb.entries.flatMap((e) => (e.roles ?? []).map((r) => r.title)), ...GENERIC_TITLES];
  for (const title of allTitles) {
    const w = words(title);
    const list = titles.get(w[0]!) ?? [];
    if (!list.some((x) => x.join(' ') === w.join(' '))) list.push(w);
    titles.set(w[0]!, list);
  }
  for (const l of byFirst.values()) l.sort((a, b) => b.words.length - a.words.length);
  for (const l of titles.values()) l.sort((a, b) => b.length - a.length);
  const g = { kb, byFirst, titles };
  cache.set(kb, g);
  return g;
}

/** Titles that mark a person even when the knowledge base has no holder for them. */
const GENERIC_TITLES = [
  'president', 'prime minister', 'king', 'queen', 'emir', 'sheikh', 'crown prince', 'prince', 'premier', 'chancellor', 'judge',
  'minister', 'foreign minister', 'defence minister', 'defense minister', 'interior minister', 'finance minister', 'secretary general',
  'secretary-general', 'general', 'gen.', 'governor', 'mayor', 'senator', 'ambassador', 'envoy', 'spokesman', 'spokeswoman',
  'archbishop', 'ayatollah', 'colonel', 'commander', 'chairman', 'leader', 'speaker', 'vice president', 'deputy prime minister',
  'secretary of state', 'foreign secretary', 'defense secretary', 'pope', 'cardinal', 'bishop', 'sen.', 'rep.', 'gov.',
];

const isCap = (s: string): boolean => UPPER_INITIAL.test(s);
/** Words that end the search for a sector head noun: a verb group or a new noun phrase starts. */
const HEAD_STOPS = new Set(['and', 'or', 'who', 'which', 'that', 'has', 'have', 'had', 'is', 'are', 'was', 'were', 'will', 'would',
  'could', 'may', 'might', 'can', 'should', 'must', 'did', 'does', 'said', 'says', 'its', 'their', 'his', 'her', 'the', 'a', 'an']);
const HYPHEN_SUFFIX = /^(.+)-(led|backed|based|controlled|sponsored|allied|run|funded|supported|brokered|held|born|made|owned|aligned)$/i;

const lower = (t: Token | undefined): string => (t ? toLower(t.text) : '');
const isPossessive = (t: Token | undefined): boolean => !!t && POSSESSIVE_S.test(t.text);

function matchWords(tokens: readonly Token[], i: number, w: readonly string[]): number {
  const lower = lowerTexts(tokens);
  for (let k = 0; k < w.length; k++) {
    const t = tokens[i + k];
    if (!t || lower[i + k] !== w[k]) return -1;
  }
  return i + w.length - 1;
}

function matchTitle(g: ActorGazetteer, tokens: readonly Token[], i: number): { end: number; title: string } | null {
  const t = tokens[i];
  if (!t) return null;
  for (const w of g.titles.get(lowerTexts(tokens)[i]!) ?? []) {
    const end = matchWords(tokens, i, w);
    if (end >= 0 && tokens[end]!.sentence === t.sentence) return { end, title: w.join(' ') };
  }
  return null;
}

function matchKb(g: ActorGazetteer, tokens: readonly Token[], i: number): { end: number; phrase: Phrase } | null {
  const t = tokens[i]!;
  if (!isCap(t.text) && !DIGIT_INITIAL.test(t.text)) return null;
  // "US-led", "Vietnamese-led", "UN-brokered": the actor named before the hyphen.
  const hy = t.text.includes('-') ? HYPHEN_SUFFIX.exec(t.text) : null;
  if (hy) {
    const w = toLower(hy[1]!);
    const p = (g.byFirst.get(w) ?? []).find((x) => x.words.length === 1);
    if (p) return { end: i, phrase: p };
  }
  for (const p of g.byFirst.get(lowerTexts(tokens)[i]!) ?? []) {
    const end = matchWords(tokens, i, p.words);
    if (end < 0 || tokens[end]!.sentence !== t.sentence) continue;
    // An all-capitals alias ("US", "IS") must match in capitals; "us" is a pronoun.
    if (p.words.length === 1 && t.text.length <= 3 && t.text !== t.text.toUpperCase()) continue;
    return { end, phrase: p };
  }
  return null;
}

/** Options for {@link findActorMentions}. */
export interface ActorContext {
  kb: KbIndex;
  /** Reference date for title resolution. */
  date: string | null;
}

/**
 * Finds actor mentions in a document with knowledge-base phrase lookups (names, aliases, demonyms,
 * capitals, titles resolved through `holderOf`), demonym + sector-noun phrases ("Israeli forces"),
 * pronouns and plural references ("both leaders"), and mentions from the entities stage where it
 * ran. One pass over the tokens; sorted by start.
 */
export function findActorMentions(doc: WorkingDoc, ctx: ActorContext): ActorMention[] {
  const g = gazetteerFor(ctx.kb);
  const tokens = doc.tokens;
  const out: ActorMention[] = [];
  const entityAt = entityIndex(doc);
  // Title resolution needs the story's countries; counted on first need only.
  let counted: string[] | null = null;
  const topCountries = (): readonly string[] => {
    if (counted) return counted;
    const storyCountries = new Map<string, number>();
    for (let i = 0; i < tokens.length; i++) {
      const m = matchKb(g, tokens, i);
      if (m && m.phrase.entry.type === 'location' && m.phrase.entry.country) {
        storyCountries.set(m.phrase.entry.country, (storyCountries.get(m.phrase.entry.country) ?? 0) + 1);
        i = m.end;
      }
    }
    counted = [...storyCountries.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
    return counted;
  };
  const namedPersons = new Map<string, number>();
  // Country and sector per entity id as the knowledge base resolved its named mentions, for
  // entity-stage pronouns whose entity carries no country ("King Hassan of Morocco … he").
  const entityCountry = new Map<string, { country: string; sector: string | null }>();
  // The tokens' lower-cased texts, shared with the phrase matchers (they look words up by them).
  const lowered = lowerTexts(tokens);

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word' && t.kind !== 'number') continue;
    const lower = lowered[i]!;
    let m = makeMention(g, tokens, i, ctx, topCountries, namedPersons);
    const ent0 = entityAt.get(t.start);
    if (!m && ent0?.pronoun) {
      m = { start: t.start, end: t.end, t0: i, t1: i, sentence: t.sentence, form: 'pronoun', entry: null, entity: ent0.entity,
        country: ent0.country, sector: ent0.sector, person: ent0.person, place: false, fromEntities: true };
      if (inPossessives(lower)) m.possessive = true;
    }
    if (!m) {
      const pr = pronounKind(lower);
      if (pr) m = pronoun(tokens, i, pr, out, inPossessives(lower));
      // Nothing before it: a fronted possessive may still point forward (see `cataphora`).
      if (!m && pr === 'person' && inPossessives(lower) && inFrontedPhrase(tokens, i)) {
        m = { ...mention(tokens, i, i, 'pronoun', null, null, null, true), possessive: true };
      }
      else if ((lower === 'both' || lower === 'the' || lower === 'two') && tokens[i + 1]) m = plural(tokens, i, out);
    }
    if (!m) {
      const ent = entityAt.get(t.start);
      if (ent && !ent.pronoun) {
        let e = i;
        while (e + 1 < tokens.length && tokens[e + 1]!.end <= ent.end) e++;
        m = { start: t.start, end: tokens[e]!.end, t0: i, t1: e, sentence: t.sentence, form: 'entity', entry: null, entity: ent.entity,
          country: ent.country, sector: ent.sector, person: ent.person, place: ent.place };
      }
    }
    if (!m) continue;
    if (m.entity === null) m.entity = overlapEntity(doc, m.start, m.end);
    if (m.form === 'entity' && !m.country) placeEntity(g, tokens, m);
    if (m.form === 'pronoun' && !m.country) {
      const known = m.entity ? entityCountry.get(m.entity) : undefined;
      const own = known ? null : pronounFallback(tokens, i, lower, out);
      if (known) { m.country = known.country; m.sector ??= known.sector; }
      else if (own) { m.country = own.country; m.sector ??= own.sector; }
    }
    if (isGloss(tokens, m)) { i = m.t1; continue; }
    if (m.person && m.entry && m.form !== 'pronoun') namedPersons.set(m.entry.id, m.t0);
    if (m.entity && m.country && m.form !== 'pronoun' && !entityCountry.has(m.entity)) entityCountry.set(m.entity, { country: m.country, sector: m.sector });
    out.push(m);
    i = m.t1;
  }
  cataphora(tokens, out);
  return out;
}

const FRONTED = new Set(['during', 'after', 'before', 'following', 'despite', 'since', 'upon', 'on', 'in', 'at', 'throughout']);

/**
 * "During his visit to Israel in October, Trump called for…": a possessive pronoun in a fronted
 * phrase points forward to the subject after the comma. Only for pronouns resolved here, not by
 * the entities stage (which decides its own).
 */
function cataphora(tokens: readonly Token[], out: ActorMention[]): void {
  for (const m of out) {
    if (m.form !== 'pronoun' || !m.possessive || !m.person || m.fromEntities || !inFrontedPhrase(tokens, m.t0)) continue;
    let comma = m.t1 + 1;
    while (tokens[comma] && tokens[comma]!.sentence === m.sentence && tokens[comma]!.text !== ',') comma++;
    const subject = out.find((x) => x.t0 === comma + 1 && x.person && x.entry && x.form !== 'pronoun');
    if (!subject) continue;
    m.entry = subject.entry;
    m.country = subject.country;
    m.sector = subject.sector;
    m.entity = subject.entity;
  }
}

/** Whether token `i` lies in a sentence-initial phrase ("During his visit …,") that a comma closes. */
function inFrontedPhrase(tokens: readonly Token[], i: number): boolean {
  const s = tokens[i]!.sentence;
  let first = i;
  while (first > 0 && tokens[first - 1]!.sentence === s) first--;
  if (first === i || !FRONTED.has(lower(tokens[first]))) return false;
  for (let k = first; k < i; k++) if (tokens[k]!.text === ',') return false;
  for (let k = i + 1; k < i + 12 && tokens[k]?.sentence === s; k++) if (tokens[k]!.text === ',') return true;
  return false;
}

function pronounFallback(tokens: readonly Token[], i: number, w: string, prior: readonly ActorMention[]): ActorMention | null {
  const pr = pronounKind(w);
  return pr ? pronoun(tokens, i, pr, prior, inPossessives(w)) : null;
}

/**
 * A parenthesised gloss of an unknown name ("The Homeland Union (Conservatives)", "Azadliq
 * (Freedom)") is not an actor of its own: matching it against the knowledge base would give the
 * gloss's country, not the name's. Acronyms ("(PLO)") stay: they repeat a name.
 */
function isGloss(tokens: readonly Token[], m: ActorMention): boolean {
  if (tokens[m.t0 - 1]?.text !== '(' || tokens[m.t1 + 1]?.text !== ')') return false;
  const inner = tokens.slice(m.t0, m.t1 + 1).map((t) => t.text).join('');
  if (ACRONYM_TEXT.test(inner)) return false;
  const before = tokens[m.t0 - 2];
  return !!before && before.kind === 'word' && isCap(before.text);
}

/** Head words of names of non-governmental bodies ("Ceasefire Violations Committee", "Association of African Jurists"). */
// Not "council", "union", "league" or "alliance": those head councils of state, parties and trade unions too.
const NGO_HEADS = new Set(['association', 'committee', 'organization', 'organisation', 'foundation', 'institute', 'society', 'federation',
  'watch', 'network', 'centre', 'center']);
const NGO_SKIP = /^(of|for|the|and|on|in|&)$/i;

/**
 * An organisation the entities stage found but the knowledge base does not know: a country named
 * or adjectived inside the name places it ("Montenegro Municipality Association" → MNE); a name
 * headed like a non-governmental body without one is coded NGO (CAMEO's convention).
 */
function placeEntity(g: ActorGazetteer, tokens: readonly Token[], m: ActorMention): void {
  if (m.person || m.place) return;
  let ngo = false;
  for (let k = m.t0; k <= m.t1; k++) {
    const kb = matchKb(g, tokens, k);
    if (kb && kb.end <= m.t1 && kb.phrase.entry.country && kb.phrase.entry.type === 'location') {
      m.country = kb.phrase.entry.country;
      m.sector ??= SECTOR_NOUNS.get(lower(tokens[m.t1])) ?? null;
      return;
    }
    const w = lower(tokens[k]);
    if (NGO_HEADS.has(w) && isCap(tokens[k]!.text)) ngo = true;
    else if (!NGO_SKIP.test(w) && !isCap(tokens[k]!.text) && tokens[k]!.kind === 'word') return;
  }
  if (ngo && m.t1 > m.t0) { m.country = 'NGO'; m.sector ??= 'NGO'; }
}

interface EntityHit { end: number; entity: string; country: string | null; sector: string | null; person: boolean; place: boolean; pronoun: boolean }

function entityIndex(doc: WorkingDoc): Map<number, EntityHit> {
  const map = new Map<number, EntityHit>();
  if (!doc.mentions.length) return map;
  const byId = new Map(doc.entities.map((e) => [e.id, e]));
  for (const m of doc.mentions) {
    const e = byId.get(m.entity);
    if (!e) continue;
    map.set(m.start, {
      end: m.end, entity: e.id, country: e.country ?? null, sector: e.sector ?? null,
      person: e.type === 'person', place: e.type === 'location', pronoun: m.form === 'pronoun',
    });
  }
  return map;
}

function overlapEntity(doc: WorkingDoc, start: number, end: number): string | null {
  const ms = doc.mentions;
  if (!ms.length) return null;
  // Binary search for the first mention ending after start.
  let lo = 0, hi = ms.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (ms[mid]!.start < start) lo = mid + 1; else hi = mid; }
  for (let k = Math.max(0, lo - 3); k < ms.length && ms[k]!.start < end; k++) {
    const m = ms[k]!;
    if (m.end > start && m.start < end) return m.entity;
  }
  return null;
}

function makeMention(
  g: ActorGazetteer, tokens: readonly Token[], i: number, ctx: ActorContext, topCountries: () => readonly string[],
  namedPersons: Map<string, number>,
): ActorMention | null {
  const t = tokens[i]!;
  let j = i;
  let country: string | null = null;
  let countryEntry: KbEntry | null = null;
  let title: string | null = null;
  // [demonym | country] [title] [name] chains: "US President Donald Trump", "Israeli Prime Minister".
  let kb = matchKb(g, tokens, j);
  if (kb && kb.phrase.entry.type !== 'person' && kb.phrase.entry.country && kb.phrase.form !== 'capital') {
    const after = isPossessive(tokens[kb.end + 1]) ? kb.end + 2 : kb.end + 1;
    const sameSentence = tokens[after + 1]?.sentence === t.sentence && tokens[after]?.sentence === t.sentence;
    const tt = sameSentence ? matchTitle(g, tokens, after) ?? matchTitle(g, tokens, after + 1) : null;
    const next = sameSentence ? tokens[after] : undefined;
    if (tt || (next && isCap(next.text) && matchKb(g, tokens, after)?.phrase.entry.type === 'person')) {
      country = kb.phrase.entry.country;
      countryEntry = kb.phrase.entry;
      j = after;
      kb = null;
    }
  }
  const tm = matchTitle(g, tokens, j) ?? (country && tokens[j] && !isCap(tokens[j]!.text) ? matchTitle(g, tokens, j + 1) : null);
  // A lower-case title counts after an article, a country, or before a capitalised name ("former prime minister Andreas Papandreou").
  const nameFollows = !!tm && !!tokens[tm.end + 1] && isCap(tokens[tm.end + 1]!.text) && tokens[tm.end + 1]!.sentence === t.sentence;
  if (tm && (isCap(tokens[j]!.text) || country || nameFollows || ARTICLE.test(tokens[i - 1]?.text ?? ''))) {
    title = tm.title;
    const nameAt = tm.end + 1;
    const name = tokens[nameAt] ? matchKb(g, tokens, nameAt) : null;
    if (name && name.phrase.entry.type === 'person') {
      const e = name.phrase.entry;
      return mention(tokens, i, name.end, 'name', e, e.country ?? country, e.sector ?? 'GOV', true);
    }
    // Title with an unknown capitalised name ("Foreign Minister Oskar Fischer", "King Hassan of Morocco").
    let end = tm.end;
    while (tokens[end + 1] && isCap(tokens[end + 1]!.text) && tokens[end + 1]!.kind === 'word' && tokens[end + 1]!.sentence === t.sentence) end++;
    if (end > tm.end) {
      if (!country && lower(tokens[end + 1]) === 'of' && tokens[end + 2]) {
        const of = matchKb(g, tokens, end + 2);
        if (of?.phrase.entry.country) { country = of.phrase.entry.country; end = of.end; }
      }
      // An unplaced office holder most likely belongs to the story's main country.
      return mention(tokens, i, end, 'descriptor', null, country ?? topCountries()[0] ?? null, titleSector(tm.title), true);
    }
    const holder = resolveTitle(g.kb, title, country, ctx.date, topCountries, namedPersons);
    if (holder) return mention(tokens, i, tm.end, 'title', holder, holder.country ?? country, holder.sector ?? 'GOV', true);
    if (country) return mention(tokens, i, tm.end, 'descriptor', countryEntry, country, 'GOV', true);
    return null;
  }
  if (country) {
    // A country followed by a possessive/demonym-name chain that did not resolve: fall back to the country.
    kb = matchKb(g, tokens, i);
  }
  if (!kb) return null;
  const e = kb.phrase.entry;
  const form = kb.phrase.form === 'title' ? 'title' : kb.phrase.form;
  if (e.type === 'location') {
    // "Israeli forces", "Nigerian Union of Teachers", "Israel's military": country + sector head.
    const head = sectorHead(tokens, kb.end, form === 'demonym');
    if (head) return mention(tokens, i, head.end, 'descriptor', e, e.country ?? null, head.sector, false);
    // Countries act (metonymy); cities and regions are places.
    const place = form === 'name' && !e.capital && !(e.demonyms?.length);
    return mention(tokens, i, kb.end, form, e, e.country ?? null, form === 'capital' ? 'GOV' : null, false, place);
  }
  if (e.type !== 'person' && !isPossessive(tokens[kb.end + 1])) {
    const nx = lower(tokens[kb.end + 1]);
    const sec = SECTOR_NOUNS.get(nx);
    if (sec && tokens[kb.end + 1]!.sentence === t.sentence) return mention(tokens, i, kb.end + 1, 'descriptor', e, e.country ?? null, e.sector === 'IGO' ? 'IGO' : sec, false);
  }
  // "Sharaa’s Islamist coalition": a person or group's possessive followed by a sector noun.
  if (isPossessive(tokens[kb.end + 1])) {
    const head = sectorHead(tokens, kb.end + 1, true);
    if (head) return mention(tokens, i, head.end, 'descriptor', e, e.country ?? null, head.sector, false);
  }
  return mention(tokens, i, kb.end, form, e, e.country ?? null, e.sector ?? null, e.type === 'person');
}

/** Finds a sector head noun within three words after `from` ("Israeli [riot] police"). */
function sectorHead(tokens: readonly Token[], from: number, allowCaps: boolean): { end: number; sector: string } | null {
  const s = tokens[from]!.sentence;
  for (let k = from + 1; k <= from + 4 && k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.sentence !== s || t.kind !== 'word') return null;
    const w = toLower(t.text);
    const sec = SECTOR_NOUNS.get(w);
    if (sec) {
      // Stop at "of" phrases that name the organisation ("Union of Teachers").
      let end = k;
      if (allowCaps && isCap(t.text) && tokens[k + 1]?.text === 'of' && tokens[k + 2] && isCap(tokens[k + 2]!.text)) {
        end = k + 2;
        while (tokens[end + 1] && isCap(tokens[end + 1]!.text) && tokens[end + 1]!.sentence === s) end++;
      }
      return { end, sector: sec };
    }
    if (PREPOSITIONS.has(w) || HEAD_STOPS.has(w)) return null;
    if (!allowCaps && isCap(t.text)) return null;
  }
  return null;
}

/** "Judge …" → JUD, "General …" → MIL; other offices GOV. */
function titleSector(title: string): string {
  const head = title.toLowerCase().split(' ').pop()!;
  if (head === 'general' || head === 'gen.' || head === 'colonel') return 'MIL';
  const s = SECTOR_NOUNS.get(head);
  return s === 'JUD' || s === 'MIL' ? s : 'GOV';
}

function resolveTitle(
  kb: KbIndex, title: string, country: string | null, date: string | null, getTop: () => readonly string[],
  namedPersons: Map<string, number>,
): KbEntry | null {
  if (country) return holderOf(kb, title, country, date);
  const topCountries = getTop();
  // The most recently named holder of this title among the story's countries, else the top country's.
  let best: KbEntry | null = null;
  let bestAt = -1;
  for (const c of topCountries.slice(0, 4)) {
    const h = holderOf(kb, title, c, date);
    if (!h) continue;
    const at = namedPersons.get(h.id);
    if (at !== undefined && at > bestAt) { best = h; bestAt = at; }
  }
  if (best) return best;
  for (const c of topCountries.slice(0, 1)) {
    const h = holderOf(kb, title, c, date);
    if (h) return h;
  }
  return null;
}

function mention(
  tokens: readonly Token[], t0: number, t1: number, form: ActorForm, entry: KbEntry | null, country: string | null,
  sector: string | null, person: boolean, place = false,
): ActorMention {
  return {
    start: tokens[t0]!.start, end: tokens[t1]!.end, t0, t1, sentence: tokens[t0]!.sentence, form, entry, entity: null,
    country, sector, person, place,
  };
}

const OBJECT_PRONOUNS = new Set(['him', 'her', 'them']);
const REPORTING_VERBS = new Set(['said', 'says', 'say', 'announced', 'added', 'stated', 'insisted', 'warned', 'claimed', 'declared', 'confirmed', 'argued', 'believes', 'believed']);

/**
 * Resolves a pronoun without a parser: object pronouns take the most recent compatible mention;
 * subject pronouns take the first compatible one of their sentence, else of the previous sentence
 * that has one (news sentences lead with their subject).
 */
function pronoun(tokens: readonly Token[], i: number, kind: 'person' | 'thing' | 'plural', prior: readonly ActorMention[], possessive: boolean): ActorMention | null {
  const s = tokens[i]!.sentence;
  const fits = (p: ActorMention): boolean => {
    if (p.form === 'pronoun' || p.place || p.form === 'plural' && kind !== 'plural') return false;
    // An office holder the knowledge base lacks ("King Hassan of Morocco") still has a country.
    if (kind === 'person') return p.person && (!!p.entry || (p.form === 'descriptor' && !!p.country));
    if (kind === 'thing') return !p.person && !p.members;
    return (!p.person || !!p.members) && p.sector !== 'MED';
  };
  let found: ActorMention | null = null;
  // "Iraq said it would…": the subject of the reporting verb just before.
  let rep = i - 1;
  if (lower(tokens[rep]) === 'that') {
    rep--;
    // "announced on Sunday that he…"
    for (let k = 0; k < 3 && rep > 0 && !REPORTING_VERBS.has(lower(tokens[rep])); k++) rep--;
  }
  if (REPORTING_VERBS.has(lower(tokens[rep])) && tokens[rep]!.sentence === s) {
    for (let k = prior.length - 1; k >= 0 && !found; k--) {
      const p = prior[k]!;
      if (p.sentence !== s) break;
      if (p.t1 < rep && fits(p)) found = p;
    }
  }
  if (found) { /* resolved by the reporting verb */ } else if (OBJECT_PRONOUNS.has(toLower(tokens[i]!.text))) {
    for (let k = prior.length - 1; k >= 0 && !found; k--) {
      const p = prior[k]!;
      if (p.sentence < s - 2) break;
      // "asked Trump to continue assisting him": the infinitive's subject is not its object (binding).
      if (p.sentence === s && lower(tokens[p.t1 + 1]) === 'to' && i - p.t1 <= 5) continue;
      if (fits(p)) found = p;
    }
  } else {
    // `prior` is in text order: mentions of the last three sentences follow the first one of them.
    const from = firstInSentence(prior, s - 2);
    for (let sent = s; sent >= s - 2 && !found; sent--) {
      for (let k = from; k < prior.length; k++) {
        const p = prior[k]!;
        if (p.sentence === sent && fits(p)) { found = p; break; }
      }
    }
  }
  if (!found) return null;
  const m = mention(tokens, i, i, 'pronoun', found.entry, found.country, found.sector, found.person);
  m.entity = found.entity;
  if (found.members) m.members = found.members;
  if (possessive) m.possessive = true;
  return m;
}

/** Index of the first of `prior` (sorted by sentence) in sentence `s` or later. */
function firstInSentence(prior: readonly ActorMention[], s: number): number {
  let lo = 0;
  let hi = prior.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (prior[m]!.sentence < s) lo = m + 1; else hi = m; }
  return lo;
}

/** "both leaders", "the two leaders", "both sides": the last two distinct named persons or countries. */
function plural(tokens: readonly Token[], i: number, prior: readonly ActorMention[]): ActorMention | null {
  const w1 = toLower(tokens[i]!.text);
  let k = i + 1;
  if (w1 === 'the' && tokens[k]?.text.toLowerCase() === 'two') k++;
  else if (w1 === 'the') return null;
  const head = tokens[k];
  if (!head || !PLURAL_REFERENCES.has(toLower(head.text)) || head.sentence !== tokens[i]!.sentence) return null;
  const wantPerson = !PLURAL_BODIES.has(toLower(head.text));
  const ok = (m: ActorMention): boolean => !!m.entry && m.form !== 'pronoun' && !m.members && (wantPerson ? m.person : !m.person);
  const s = tokens[i]!.sentence;
  const here = prior.filter((m) => m.sentence === s && ok(m));
  const members: ActorMention[] = [];
  const seen = new Set<string>();
  if (new Set(here.map((m) => m.entry!.id)).size >= 2) {
    for (const m of here) {
      if (members.length < 2 && !seen.has(m.entry!.id)) { seen.add(m.entry!.id); members.push(m); }
    }
  } else {
    for (let p = prior.length - 1; p >= 0 && members.length < 2; p--) {
      const m = prior[p]!;
      if (!ok(m) || seen.has(m.entry!.id)) continue;
      seen.add(m.entry!.id);
      members.unshift(m);
    }
  }
  if (members.length < 2) return null;
  const m = mention(tokens, i, k, 'plural', null, null, null, wantPerson);
  m.members = members;
  return m;
}

/** Whether a token index is a determiner-like word (used by the coder to skip into an NP). */
export function isDeterminer(w: string): boolean {
  return DETERMINERS.has(w);
}
