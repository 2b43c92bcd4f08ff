import type { EntityType, Span } from '../core/types.js';
import type { Mention, Quotation, Token, WorkingDoc } from '../core/working-doc.js';
import type { KbEntry } from '../kb/index.js';
import { isCountry, matchKbAt, type KbMatch } from './kb-compiled.js';
import {
  ANON_CUES, ANON_MODIFIERS, ANON_NEEDS_CUE, ANON_NOUNS, AUXILIARIES, CALENDAR, FEMALE_NAMES, FEMALE_TITLES,
  GEO_WORDS, GOV_HEADS, NON_PERSON_WORDS, PLACES, US_STATES, MALE_NAMES, MALE_TITLES, METONYMS, MORE_FEMALE_NAMES, MORE_MALE_NAMES, NAME_CONNECTORS, NICKNAMES, NOT_ENTITY, NUMBER_WORDS,
  OFFICE_TITLES, ORG_FIRST, ORG_HEADS, OUTLET_HEADS, OUTLET_NOUNS, PARTY_GROUPS, PREPOSITIONS, PRONOUNS,
  SPEECH_VERBS, STOP, TITLES, VAGUE_QUANTIFIERS, VERB_GAP, VERBS,
} from './lexicon.js';
import { ruleId } from './rules.js';
import { nameTypeInputs, type NameTyper } from './name-types.js';
import { overlappersOf, quotationInners } from '../core/span-index.js';
import {
  genderOfName, insertMention, kbEntity, mentionsBefore, newEntity, newState, STATE_KEY, type EntityInfo, type EntityState, type MentionX,
} from './state.js';

// Regex literals live at module level: one in a function body allocates a new RegExp per call.
const FINITE_TAG = /^(?:VBD|VBZ|VBP|MD)$/;
const LOWER_INITIAL = /^\p{Ll}/u;
const WHO_THAT_SAID = /^(?:who|that|said|says)$/;
const DIGITS = /^\d+$/;
const INITIAL_DOT = /^\p{Lu}\.$/u;
const NEWLINE = /\n/;
const ING_LY_END = /(?:ing|ly)$/;
const CAPITAL_PLURAL = /^\p{Lu}\p{Ll}+s$/u;
const POSSESSIVE_S = /^['\u2019]s$/;
const ARABIC_ARTICLE = /^(?:al|el|ad|ash|as|an|at)-/;
const DOTS = /\./g;
const LOWER_PLURAL = /^\p{Ll}.*s$/u;

/** A recognised stretch of tokens before it is tied to an entity. */
interface Cand {
  tok: number;
  tokEnd: number;
  /** Token range of the name proper (after any title). */
  nameTok: number;
  form: Mention['form'];
  rule: string;
  kb: KbEntry | null;
  type: EntityType;
  title: string | null;
  country: string | null;
  gender: 'm' | 'f' | null;
  /** Character span override (prefix of a hyphenated word). */
  charEnd?: number;
  anon?: AnonPhrase;
}

/** An unnamed-source phrase ("two senior American officials"). */
export interface AnonPhrase {
  tok: number;
  tokEnd: number;
  head: number;
  count: number | null;
  descriptor: string;
  country: string | null;
  plural: boolean;
  definite: boolean;
  /** Whether it had a number or an indefinite article (a fresh group). */
  counted: boolean;
}

const TITLE_TOKENS: readonly (readonly string[])[] = TITLES.map((t) => t.split(' ')).sort((a, b) => b.length - a.length);
const TITLE_FIRST = new Set(TITLE_TOKENS.map((t) => t[0]!));
const CAP = /^\p{Lu}/u;
const ARABIC_PREFIX = /^(?:al|el|ad|ash|as|an|at|bin|ibn|abu|bint|ben)-\p{Lu}/u;
const HYPHEN_PREFIX = /^(\p{Lu}[\p{L}\p{N}.]*)-\p{Ll}[\p{Ll}-]*$/u;
/** A romanised two-syllable given name ("Min-seo", "Ji-won", "Jae-in"). */
const GIVEN_HYPHENATED = /^\p{Lu}\p{Ll}{1,3}-\p{Ll}{2,4}$/u;
const ACRONYM = /^(?:\p{Lu}\.?){2,}$|^\p{Lu}{2,}[\p{Lu}\d&]*$/u;

/** Whether a token reads as part of a name. */
export function isCapToken(t: Token): boolean {
  return t.kind === 'word' && (CAP.test(t.text) || ARABIC_PREFIX.test(t.text));
}

/** Length in tokens of the title starting at token `i`, or 0. */
export function titleAt(lowers: readonly string[], i: number, limit = lowers.length): number {
  if (!TITLE_FIRST.has(lowers[i]!)) return 0;
  outer: for (const t of TITLE_TOKENS) {
    if (i + t.length > limit) continue;
    for (let k = 0; k < t.length; k++) if (lowers[i + k] !== t[k]) continue outer;
    return t.length;
  }
  return 0;
}

/** Prepositions that also open clauses ("after Netanyahu requested"). */
const CONJUNCTIVE = new Set(['after', 'before', 'since', 'until', 'than', 'like']);

/**
 * Whether a knowledge-base match after a known surname names something else ("Obama White
 * House"); a lone known surname there is the surname of the person ("Ryan Vance").
 */
function otherKbName(m: KbMatch | null): boolean {
  return m !== null && !(m.entry.type === 'person' && m.end - m.start === 1);
}

/** The longest quotation whose speaker tag is looked for, in tokens. */
const QUOTATION_TOKENS = 400;

/**
 * The token range `[open, close]` of a quotation that closes right before token `i` ("…,” he
 * said"; "…”, she said"), or null.
 */
function quotationBefore(tokens: readonly Token[], i: number): [number, number] | null {
  let close = i - 1;
  if (tokens[close]?.text === ',') close--;
  if (tokens[close]?.quote !== 'close') return null;
  for (let k = close - 1; k >= 0 && close - k <= QUOTATION_TOKENS; k--) {
    if (tokens[k]!.quote === 'open') return [k, close];
    if (tokens[k]!.quote === 'close') return null;
  }
  return null;
}

/** The longest appositive a subject is read across. */
const APPOSITIVE_TOKENS = 15;

/** Whether the tokens after `end` (or after an appositive there) open a verb of which the mention is the subject. */
export function isSubjectAt(tokens: readonly Token[], lowers: readonly string[], tok: number, end: number): boolean {
  const prev = tokens[tok - 1];
  if (prev && prev.sentence === tokens[tok]!.sentence && PREPOSITIONS.has(lowers[tok - 1]!) && !CONJUNCTIVE.has(lowers[tok - 1]!)) return false;
  const s = tokens[tok]!.sentence;
  // An appositive between commas comes before the verb ("Sonya Zoghlin, Carlineo's attorney, told").
  if (tokens[end]?.text === ',' && tokens[end]!.sentence === s) {
    for (let j = end + 1; j < tokens.length && j <= end + APPOSITIVE_TOKENS && tokens[j]!.sentence === s; j++) {
      if (tokens[j]!.text === ',') { end = j + 1; break; }
    }
  }
  for (let j = end, steps = 0; j < tokens.length && steps < 4; j++, steps++) {
    const t = tokens[j]!;
    if (t.sentence !== s) return false;
    const w = lowers[j]!;
    if (t.pos) {
      if (FINITE_TAG.test(t.pos)) return true;
      if (t.pos === 'RB' || t.pos === 'VBN' || VERB_GAP.has(w)) continue;
      return false;
    }
    if (AUXILIARIES.has(w) || VERBS.has(w)) return true;
    if (VERB_GAP.has(w) || (w.endsWith('ly') && w.length > 4)) continue;
    if (t.kind === 'word' && LOWER_INITIAL.test(t.text) && w.length > 4 && w.endsWith('ed')) return true;
    return false;
  }
  return false;
}

/** Context shared by the recognition passes over one document. */
interface Ctx {
  doc: WorkingDoc;
  st: EntityState;
  tokens: readonly Token[];
  limit: number;
  kbAt: (KbMatch | null)[];
  /** Token → index of the KB match covering it, else -1. */
  kbCover: Int32Array;
  covered: Uint8Array;
  lowerSeen: Set<string>;
  /** Lower-cased words seen capitalised away from a sentence start. */
  capSeenMid: Set<string>;
  /** Sentences written in title case (headlines): capitals there say little. */
  titleCase: Uint8Array;
}

/** Whether token `i` opens its sentence, a quotation, a parenthesis or a clause after a colon or dash, where a capital says little. */
export function sentenceInitial(tokens: readonly Token[], i: number): boolean {
  if (i === 0) return true;
  const p = tokens[i - 1]!;
  if (p.sentence !== tokens[i]!.sentence) return true;
  if (p.kind === 'quote' && p.quote === 'open') return true;
  return p.text === '(' || p.text === ':' || p.text === '\u2014' || p.text === '\u2013' || p.text === '--';
}

/** Country hinted by a demonym or country name (token-level). */
function countryOfToken(ctx: Ctx, j: number): string | null {
  const m = ctx.kbAt[ctx.kbCover[j]!] ?? null;
  if (m && isCountry(m.entry)) return m.entry.country ?? null;
  const d = ctx.st.ckb.demonyms.get(ctx.st.texts[j]!);
  return d?.country ?? null;
}

// ---------------------------------------------------------------- anonymous sources

/**
 * Finds an unnamed-source phrase whose head noun is token `h`: walks left over modifiers
 * (adjectives, demonyms, KB names such as "White House") to a determiner or number.
 */
export function anonPhraseAt(
  st: EntityState, tokens: readonly Token[], kbCoverAt: (j: number) => KbMatch | null, h: number, minTok = 0, maxTok = tokens.length,
): AnonPhrase | null {
  const lowers = st.lowers;
  const w = lowers[h]!;
  let singular: string | null = null;
  let plural = false;
  if (ANON_NOUNS.has(w)) singular = w;
  else {
    for (const [s, p] of ANON_NOUNS) if (p === w) { singular = s; plural = true; break; }
  }
  if (!singular || tokens[h]!.kind !== 'word' || !LOWER_INITIAL.test(tokens[h]!.text)) return null;
  const next = tokens[h + 1];
  const nextW = next && next.sentence === tokens[h]!.sentence ? lowers[h + 1]! : '';
  if (ANON_NEEDS_CUE.has(w) && !ANON_CUES.has(nextW)) return null;
  // "official statement": a singular noun used as a modifier.
  if (!plural && next && next.kind === 'word' && LOWER_INITIAL.test(next.text) && !VERBS.has(nextW) && !AUXILIARIES.has(nextW)
    && !VERB_GAP.has(nextW) && !PREPOSITIONS.has(nextW) && !ANON_CUES.has(nextW) && !WHO_THAT_SAID.test(nextW)) {
    if (!next.pos || next.pos.startsWith('NN')) return null;
  }
  if (next?.pos && plural && next.pos.startsWith('NN')) return null;
  let a = h;
  let country: string | null = null;
  const s = tokens[h]!.sentence;
  while (a > minTok && tokens[a - 1]!.sentence === s) {
    const j = a - 1;
    const lw = lowers[j]!;
    const m = kbCoverAt(j);
    if (m) {
      if (m.entry.type === 'person' || m.start < minTok) break;
      country ??= m.entry.country ?? null;
      a = m.start;
      continue;
    }
    const dem = st.ckb.demonyms.get(tokens[j]!.text);
    if (dem) { country ??= dem.country ?? null; a = j; continue; }
    if (ANON_MODIFIERS.has(lw) || (lw.includes('-') && LOWER_INITIAL.test(tokens[j]!.text) && lw.endsWith('ranking'))) { a = j; continue; }
    break;
  }
  // Determiner / number.
  let count: number | null = null;
  let definite = false;
  let counted = false;
  const j = a - 1;
  if (j >= minTok && tokens[j]!.sentence === s) {
    const lw = lowers[j]!;
    if (NUMBER_WORDS.has(lw)) { count = NUMBER_WORDS.get(lw)!; counted = true; a = j; }
    else if (tokens[j]!.kind === 'number' && DIGITS.test(tokens[j]!.text)) { count = Number(tokens[j]!.text); counted = true; a = j; }
    else if (lw === 'the' || lw === 'those' || lw === 'these' || lw === 'this' || lw === 'that') { definite = true; a = j; }
    else if (VAGUE_QUANTIFIERS.has(lw)) { a = j; }
  }
  if (!plural && count === null && !definite) {
    // A bare singular "official" is not a source phrase.
    if (a === h) return null;
    count = 1;
  }
  if (!plural && definite) count = 1;
  if (plural && count === 1) count = null;
  // Descriptor: the words after the determiner/number, as written.
  let d0 = a;
  if (counted || definite || (a < h && (VAGUE_QUANTIFIERS.has(lowers[a]!) || NUMBER_WORDS.has(lowers[a]!)))) d0 = a + 1;
  let end = h + 1;
  if (ANON_NEEDS_CUE.has(w) || (ANON_CUES.has(nextW))) {
    // "people familiar with the matter": keep the cue phrase to the next comma/verb.
    let e = h + 1;
    while (e < maxTok && e - h < 8 && tokens[e]!.sentence === s && tokens[e]!.kind !== 'punct'
      && tokens[e]!.kind !== 'quote' && !SPEECH_VERBS.has(lowers[e]!) && !AUXILIARIES.has(lowers[e]!)) e++;
    end = e;
  }
  const descriptor = d0 < end ? tokens.slice(d0, end).map((t) => t.text).join(' ').replace(/ ([’'])/g, '$1') : w;
  return { tok: a, tokEnd: end, head: h, count, descriptor, country, plural, definite, counted };
}

/** Compatible unnamed sources a definite phrase looks back over for one of its own head noun. */
const MAX_HEAD_LOOKBACK = 8;

/** Ties an unnamed-source phrase to a group entity, chaining definite plurals to earlier groups. */
export function anonEntity(st: EntityState, ph: AnonPhrase, before: number): { info: EntityInfo; rule: string } {
  if (!ph.counted) {
    // Walk back for the most recent compatible unnamed source; a definite phrase prefers one of
    // its own head noun ("A European diplomat … the diplomat", past "a spokeswoman" between).
    const headOf = (d: string) => d.toLowerCase().split(/\s+/).pop() ?? '';
    const head = headOf(ph.descriptor);
    let anyCompatible: EntityInfo | null = null;
    let compatible = 0;
    for (let i = mentionsBefore(st, before) - 1; i >= 0; i--) {
      const m = st.mentions[i]!;
      const info = st.infos.get(m.entity);
      if (!info?.anonymous) continue;
      if (info.anonymous.plural !== ph.plural) continue;
      if (ph.country && info.entity.country && ph.country !== info.entity.country) continue;
      const sameDescriptor = info.anonymous.descriptor.toLowerCase() === ph.descriptor.toLowerCase();
      if (sameDescriptor || (ph.definite && headOf(info.anonymous.descriptor) === head)) return { info, rule: ruleId('anonymous-chain') };
      if (ph.definite) {
        anyCompatible ??= info;
        // A few compatible sources back is far enough to look for one of the same head: a long
        // page of unnamed sources must not make each look-up walk the whole page.
        if (++compatible >= MAX_HEAD_LOOKBACK) break;
      }
    }
    if (anyCompatible) return { info: anyCompatible, rule: ruleId('anonymous-chain') };
  }
  const info = newEntity(st, ph.descriptor, 'group', ruleId('anonymous'), ph.country);
  info.anonymous = { count: ph.count, descriptor: ph.descriptor, plural: ph.plural };
  info.plural = ph.plural;
  return { info, rule: ruleId('anonymous') };
}

// ---------------------------------------------------------------- names

/** Classifies a run of capitalised tokens that no KB entry or title explains. */
function classifyRun(ctx: Ctx, a: number, b: number): { type: EntityType; rule: string; country: string | null } | null {
  const { st } = ctx;
  const lowers = st.lowers;
  const last = lowers[b - 1]!;
  const n = b - a;
  const key = lowers.slice(a, b).join(' ');
  const meto = METONYMS.get(key);
  if (meto) return { type: 'government', rule: ruleId('metonym'), country: meto.country };
  let country: string | null = null;
  for (let j = a; j < b; j++) country ??= countryOfToken(ctx, j);
  const after = lowers[b] ?? '';
  const after2 = lowers[b + 1] ?? '';
  // "Staunton, Va.", "Coral Springs, Florida" (not "Smith, Virginia's governor").
  const after3 = lowers[b + 2] ?? '';
  if (after === ',' && US_STATES.has(after2) && after3 !== '\'s' && after3 !== '\u2019s') return { type: 'location', rule: ruleId('place'), country: 'USA' };
  if (n >= 2 && PARTY_GROUPS.has(last)) return { type: 'group', rule: ruleId('party-group'), country: PARTY_GROUPS.get(last)! };
  // "Department of Health and Human Services": a state organ opening the name types it, whatever it ends in.
  if (n >= 3 && GOV_HEADS.has(lowers[a]!) && lowers[a + 1] === 'of') return { type: 'government', rule: ruleId('org-head'), country };
  if (n >= 2 && GOV_HEADS.has(last)) return { type: 'government', rule: ruleId('gov-head'), country };
  if (n >= 2 && ORG_HEADS.has(last)) return { type: 'organization', rule: ruleId('org-head'), country };
  if (n >= 2 && OUTLET_HEADS.has(last)) return { type: 'outlet', rule: ruleId('outlet-head'), country };
  if (n >= 3 && ORG_FIRST.has(lowers[a]!) && lowers[a + 1] === 'of') {
    return { type: GOV_HEADS.has(lowers[a]!) ? 'government' : 'organization', rule: ruleId('org-head'), country };
  }
  // An organisation head before "of" inside the run: "Association of Flight Attendants",
  // "U.S. Court of Appeals" (the head need not open it, as ORG_FIRST's does).
  for (let j = a + 1; j < b - 1; j++) {
    if (lowers[j] === 'of' && ORG_HEADS.has(lowers[j - 1]!)) {
      return { type: GOV_HEADS.has(lowers[j - 1]!) ? 'government' : 'organization', rule: ruleId('org-head'), country };
    }
  }
  if (OUTLET_NOUNS.has(after) || (after === 'news' && OUTLET_NOUNS.has(after2))) return { type: 'outlet', rule: ruleId('outlet-head'), country };
  if (n === 1) {
    const t = st.texts[a]!;
    if (ACRONYM.test(t)) return { type: 'organization', rule: ruleId('acronym'), country };
    const cap = st.ckb.capitals.get(last);
    if (cap) return { type: 'location', rule: ruleId('place'), country: cap.country ?? null };
    const party = PARTY_GROUPS.get(last);
    if (party) return { type: 'group', rule: ruleId('party-group'), country: party };
    if (PLACES.has(last) || (US_STATES.has(last) && lowers[a - 1] === ',')) return { type: 'location', rule: ruleId('place'), country };
    if (FEMALE_NAMES.has(last) || MALE_NAMES.has(last)) return { type: 'person', rule: ruleId('capitalised-name'), country: null };
    // "the House" alone is a legislature's chamber ("passed the House", "House and Senate").
    if (last === 'house' && (lowers[a - 1] === 'the' || lowers[b] === 'and' && lowers[b + 1] === 'senate')) return { type: 'government', rule: ruleId('gov-head'), country };
    // A capitalised organisation head standing alone names the body ("the Council voted", "the Navy said").
    if (ORG_HEADS.has(last) && a > 0 && st.sentence[a - 1] === st.sentence[a]) return { type: GOV_HEADS.has(last) ? 'government' : 'organization', rule: ruleId('org-head'), country };
    return { type: 'other', rule: ruleId('capitalised-name'), country };
  }
  for (let j = a; j < b; j++) if (GEO_WORDS.has(lowers[j]!) || PLACES.has(lowers[j]!) && j === b - 1) return { type: 'location', rule: ruleId('place'), country };
  if (n <= 4) {
    let personish = true;
    for (let j = a; j < b; j++) {
      const t = st.texts[j]!;
      const lw = lowers[j]!;
      if (!(CAP.test(t) || ARABIC_PREFIX.test(t) || (NAME_CONNECTORS.has(lw) && lw !== 'of')) || (ACRONYM.test(t) && !INITIAL_DOT.test(t))
        || NON_PERSON_WORDS.has(lw) || ORG_HEADS.has(lw) || OUTLET_HEADS.has(lw) || GOV_HEADS.has(lw)) { personish = false; break; }
    }
    if (personish) return { type: 'person', rule: ruleId('capitalised-name'), country: null };
  }
  return { type: 'other', rule: ruleId('capitalised-name'), country };
}

/** Builds name candidates from capitalised runs, KB matches and titles. */
function nameCandidates(ctx: Ctx): Cand[] {
  const { tokens, st, limit, kbAt, covered } = ctx;
  const lowers = st.lowers;
  const out: Cand[] = [];
  let i = 0;
  while (i < limit) {
    const t = tokens[i]!;
    if (covered[i] || !(kbAt[i] || isCapToken(t))) { i++; continue; }
    // Hyphenated prefix: "Hamas-controlled", "UN-patrolled", "Israeli-backed".
    const hp = !kbAt[i] && t.kind === 'word' ? HYPHEN_PREFIX.exec(t.text) : null;
    if (hp) {
      const pre = hp[1]!;
      const lw = pre.toLowerCase();
      const form = st.ckb.forms.get(lw)?.find((f) => f.lower.length === 1 && (f.cases[0] !== 'exact' || f.orig[0] === pre));
      const dem = st.ckb.demonyms.get(pre);
      if (form) out.push(candOf(i, i + 1, 'name', ruleId('kb-name'), form.entry, form.entry.type, t.start + pre.length));
      else if (dem) out.push(candOf(i, i + 1, 'demonym', ruleId('demonym'), dem, dem.type, t.start + pre.length));
      else if (ACRONYM.test(pre)) out.push({ ...candOf(i, i + 1, 'name', ruleId('acronym'), null, 'organization', t.start + pre.length) });
      i++;
      continue;
    }
    // Collect the chunk's units.
    const s = t.sentence;
    const units: [number, number][] = [];
    let j = i;
    while (j < limit && tokens[j]!.sentence === s && !covered[j]) {
      if (j > i && NEWLINE.test(ctx.doc.text.slice(tokens[j - 1]!.end, tokens[j]!.start))) break;
      const m = kbAt[j];
      const tj = tokens[j]!;
      if (m) { units.push([j, m.end]); j = m.end; continue; }
      // "Obama-era" is a modifier, but a short hyphenated given name after a name is part of it
      // ("Choi Min-seo", "Han Ji-won").
      if (isCapToken(tj) && (!HYPHEN_PREFIX.test(tj.text) || (units.length > 0 && GIVEN_HYPHENATED.test(tj.text)))) {
        const lw = lowers[j]!;
        if (CALENDAR.has(lw)) break;
        if (units.length > 0 && STOP.has(lw) && !titleAt(lowers, j) && !givenNameAfterHonorific(ctx, units, j)) break;
        if (units.length > 0 && ctx.titleCase[s] && ctx.lowerSeen.has(lw) && !titleAt(lowers, j)) break;
        units.push([j, j + 1]);
        j++;
        continue;
      }
      if (tj.kind === 'number' && j > i && lowers[j - 1] === 'channel') { units.push([j, j + 1]); j++; continue; }
      if (units.length > 0 && (lowers[j] === 'and' || lowers[j] === '&') && andInsideName(ctx, units, j)) { units.push([j, j + 1]); j++; continue; }
      if (units.length > 0 && NAME_CONNECTORS.has(lowers[j]!) && tj.kind === 'word' && LOWER_INITIAL.test(tj.text)
        && j + 1 < limit && tokens[j + 1]!.sentence === s && (kbAt[j + 1] || isCapToken(tokens[j + 1]!))) {
        units.push([j, j + 1]);
        j++;
        continue;
      }
      break;
    }
    if (units.length === 0) {
      // A lone calendar word, or a stop word: skip it.
      i = Math.max(j, i + 1);
      continue;
    }
    const chunkEnd = units[units.length - 1]![1];
    segmentChunk(ctx, units, out);
    i = chunkEnd;
  }
  return out;
}

/** Honorifics a given name follows directly. */
const HONORIFICS = new Set(['mr.', 'mrs.', 'ms.', 'dr.', 'prof.', 'mr', 'mrs', 'ms', 'dr']);
/** Given names and surnames that are also function words (Hmong "Her", Chinese "He", Vietnamese "Do", Korean "An"). */
const FUNCTION_WORD_NAMES = new Set(['her', 'he', 'an', 'do', 'so', 'to', 'ha', 'ho', 'le', 'la', 'yu', 'ma']);

/**
 * True where the function word at `j` is a name: right after an honorific alone and before another
 * capitalised name word ("Dr. Her Vang", "Ms. He Lin"), where a pronoun cannot stand.
 */
function givenNameAfterHonorific(ctx: Ctx, units: readonly [number, number][], j: number): boolean {
  const { tokens, st, limit } = ctx;
  if (units.length !== 1 || units[0]![1] - units[0]![0] !== 1 || units[0]![1] !== j) return false;
  if (!HONORIFICS.has(st.lowers[j - 1]!) || !FUNCTION_WORD_NAMES.has(st.lowers[j]!)) return false;
  const next = tokens[j + 1];
  return j + 1 < limit && next !== undefined && next.sentence === tokens[j]!.sentence && isCapToken(next) && !STOP.has(st.lowers[j + 1]!);
}

/** How many capitalised words after "and" may finish an organisation's name. */
const AND_REACH = 3;

/**
 * Whether "and" at token `j` joins two parts of one organisation's name: "Securities and Exchange
 * Commission", "Food and Drug Administration" (one capitalised word before it, and a short run after
 * it that ends the chunk on an organisation head), or "Department of Health and Human Services",
 * "Office of Management and Budget" (a head and "of" before it, one or two words after it). No
 * word of either side may be a known name or a given name: "Trump and Justice Department",
 * "Department of Justice and Hillary Clinton" stay apart.
 */
function andInsideName(ctx: Ctx, units: readonly [number, number][], j: number): boolean {
  const { tokens, st, kbAt } = ctx;
  const lowers = st.lowers;
  const s = tokens[j]!.sentence;
  const plain = (k: number): boolean => !kbAt[k] && isCapToken(tokens[k]!) && !ACRONYM.test(st.texts[k]!)
    && !FEMALE_NAMES.has(lowers[k]!) && !MALE_NAMES.has(lowers[k]!);
  // A title after "and" opens a person ("the Department of Justice and Secretary of State John Kerry").
  if (j + 1 < ctx.limit && titleAt(lowers, j + 1) > 0) return false;
  let e = j + 1;
  while (e < ctx.limit && e - j <= AND_REACH && tokens[e]!.sentence === s && plain(e)) e++;
  const after = e - j - 1;
  // The run after "and" must end where the capitals end.
  if (after === 0 || after > AND_REACH || (e < ctx.limit && tokens[e]!.sentence === s && (kbAt[e] || isCapToken(tokens[e]!)))) return false;
  const head = ORG_HEADS.has(lowers[e - 1]!);
  const [a, b] = units[units.length - 1]!;
  // One word before "and", after nothing but a capitalised "The" and the like.
  const alone = units.slice(0, -1).every(([x]) => STOP.has(lowers[x]!));
  if (alone && b - a === 1 && plain(a) && !STOP.has(lowers[a]!)) return head;
  // "<Head> of X and Y": the head and "of" open the chunk's last name.
  const n = units.length;
  for (let k = n - 2; k >= Math.max(0, n - 4); k--) {
    const [ka] = units[k]!;
    if (lowers[ka] !== 'of' || k === 0) continue;
    const h = lowers[units[k - 1]![0]]!;
    if (!(ORG_HEADS.has(h) || ORG_FIRST.has(h))) return false;
    for (let q = k + 1; q < n; q++) if (!plain(units[q]![0]) || units[q]![1] - units[q]![0] !== 1) return false;
    return after <= 2 || head;
  }
  return false;
}

function candOf(tok: number, tokEnd: number, form: Mention['form'], rule: string, kb: KbEntry | null, type: EntityType, charEnd?: number): Cand {
  const c: Cand = { tok, tokEnd, nameTok: tok, form, rule, kb, type, title: null, country: kb?.country ?? null, gender: null };
  if (charEnd !== undefined) c.charEnd = charEnd;
  return c;
}

/** Splits a capitalised chunk into modifier, titles, KB names and unknown runs. */
function segmentChunk(ctx: Ctx, units: readonly [number, number][], out: Cand[]): void {
  const { st, tokens, kbAt } = ctx;
  const lowers = st.lowers;
  let u = 0;
  // Sentence-initial capital: drop a first word that is a function word or seen in lower case.
  while (u < units.length) {
    const [a, b] = units[u]!;
    if (kbAt[a] || b - a !== 1) break;
    const lw = lowers[a]!;
    const initial = sentenceInitial(tokens, a) || ctx.titleCase[tokens[a]!.sentence];
    if (NAME_CONNECTORS.has(lw) && LOWER_INITIAL.test(st.texts[a]!)) { u++; continue; }
    // "New" capitalised mid-sentence before another capitalised word opens a place ("in New Jersey").
    const placeNew = lw === 'new' && !initial && u + 1 < units.length;
    if (STOP.has(lw) && !titleAt(lowers, a) && !placeNew) { u++; continue; }
    if (initial && !titleAt(lowers, a) && !st.ckb.demonyms.has(st.texts[a]!)) {
      const pos = tokens[a]!.pos;
      // A word capitalised mid-sentence elsewhere and never lower-case is a name, whatever its tag.
      const nameElsewhere = ctx.capSeenMid.has(lw) && !ctx.lowerSeen.has(lw);
      if (pos ? !pos.startsWith('NNP') && !nameElsewhere : (ctx.lowerSeen.has(lw) || ING_LY_END.test(lw))) { u++; continue; }
    }
    break;
  }
  if (u >= units.length) return;
  // Trailing connectors never end a name.
  let v = units.length;
  while (v > u && NAME_CONNECTORS.has(lowers[units[v - 1]![0]]!) && !kbAt[units[v - 1]![0]]) v--;
  if (v <= u) return;
  const first = units[u]![0];
  const last = units[v - 1]![1];
  // Whole-chunk organisation/outlet when the chunk ends in a head word and no KB entry spans it.
  const whole = kbAt[first]?.end === last && kbAt[first];
  if (whole) { out.push(kbCand(ctx, whole)); return; }
  const startsWithTitle = titleAt(lowers, first, last) > 0 || (st.ckb.demonyms.has(st.texts[first]!) || isCountryMatch(ctx, first)) && titleAt(lowers, unitEnd(units, u), last) > 0;
  if (!startsWithTitle && last - first >= 2) {
    const lw = lowers[last - 1]!;
    if (ORG_HEADS.has(lw) || OUTLET_HEADS.has(lw) || (ORG_FIRST.has(lowers[first]!) && lowers[first + 1] === 'of')) {
      const c = classifyRun(ctx, first, last)!;
      if (c.type !== 'person' && c.type !== 'other') {
        out.push({ ...candOf(first, last, 'name', c.rule, null, c.type), country: c.country });
        return;
      }
    }
  }
  // Piece-wise scan.
  let k = u;
  while (k < v) {
    const [a, b] = units[k]!;
    // Modifier + title(s) + name, or title(s) + name.
    let modEnd = a;
    let titleCountry: string | null = null;
    if (b - a >= 1 && (st.ckb.demonyms.has(st.texts[a]!) || isCountryMatch(ctx, a)) && titleAt(lowers, b, last) > 0) {
      titleCountry = countryOfToken(ctx, a);
      modEnd = b;
    }
    let p = modEnd;
    let title: string | null = null;
    let gender: 'm' | 'f' | null = null;
    for (;;) {
      const n = titleAt(lowers, p, last);
      if (n === 0) break;
      const tt = lowers.slice(p, p + n).join(' ');
      if (tt !== 'former') title = title && OFFICE_TITLES.has(title) ? title : tt;
      if (MALE_TITLES.has(tt)) gender = 'm';
      if (FEMALE_TITLES.has(tt)) gender = 'f';
      p += n;
    }
    if (title !== null || p > modEnd) {
      // Name run after the titles, to the chunk end or the next KB non-person.
      let q = p;
      if (q < last && kbAt[q]) q = kbAt[q]!.end;
      // A person's name stops before "of" ("Senator Lamar Alexander | of Tennessee"), or its
      // surname would be the place and "Mr. Alexander" would not join it.
      else while (q < last && !kbAt[q] && !titleAt(lowers, q, last) && !(q > p && lowers[q] === 'of')) q++;
      // "Interim BART Police Chief Ed Alvarez": an acronym between two titles is the body the
      // second serves, and the name follows that title.
      if (q - p === 1 && !kbAt[p] && ACRONYM.test(st.texts[p]!) && titleAt(lowers, q, last) > 0) {
        out.push(candOf(p, q, 'name', ruleId('acronym'), null, 'organization'));
        k = unitIndexAt(units, q, k);
        continue;
      }
      if (q > p) {
        const m = kbAt[p];
        // "Justice Department", "General Assembly": a title word opening an organisation's name.
        const org = !m && ORG_HEADS.has(lowers[q - 1]!) ? classifyRun(ctx, a, q) : null;
        if (org && org.type !== 'person' && org.type !== 'other') {
          out.push({ ...candOf(a, q, 'name', org.rule, null, org.type), country: org.country });
          k = unitIndexAt(units, q, k);
          continue;
        }
        if (m && m.end === q && m.entry.type !== 'person') {
          // "President Trump’s White House": title then a non-person name; keep them apart.
          out.push({ ...candOf(a, p, 'title', ruleId('title-office'), null, 'person'), title, country: titleCountry, gender });
          out.push(kbCand(ctx, m));
        } else {
          // The given name after the titles says the gender where no title does ("Police Chief Maria Lopez").
          const c: Cand = { ...candOf(a, q, 'name', ruleId('title-name'), m && m.end === q ? m.entry : null, 'person'), nameTok: p, title, country: titleCountry, gender: gender ?? (q - p >= 2 ? genderOfName(st.texts[p]) : null) };
          out.push(c);
        }
        k = unitIndexAt(units, q, k);
        continue;
      }
      out.push({ ...candOf(a, p, 'title', ruleId('title-office'), null, 'person'), title, country: titleCountry, gender });
      k = unitIndexAt(units, p, k);
      continue;
    }
    const m = kbAt[a];
    if (m) { out.push(kbCand(ctx, m)); k++; continue; }
    // Unknown run up to the next KB match or title.
    let q = k;
    while (q < v && !kbAt[units[q]![0]] && !(q > k && titleAt(lowers, units[q]![0], last))) q++;
    let ra = units[k]![0];
    let rb = units[q - 1]![1];
    while (rb > ra && NAME_CONNECTORS.has(lowers[rb - 1]!)) rb--;
    while (ra < rb && NAME_CONNECTORS.has(lowers[ra]!)) ra++;
    // "IDF Troops": a lone plural common noun after a known name is not a name of its own.
    const afterKb = k > u && kbAt[units[k - 1]![0]] !== null;
    if (rb > ra && !(afterKb && rb - ra === 1 && CAPITAL_PLURAL.test(st.texts[ra]!))) {
      emitRun(ctx, ra, rb, out, k === u && first === units[0]![0]);
    }
    k = q;
  }
}

function unitEnd(units: readonly [number, number][], u: number): number {
  return units[u]![1];
}

function unitIndexAt(units: readonly [number, number][], tok: number, from: number): number {
  let k = from;
  while (k < units.length && units[k]![0] < tok) k++;
  return k;
}

function isCountryMatch(ctx: Ctx, i: number): boolean {
  const m = ctx.kbAt[i];
  return Boolean(m && isCountry(m.entry));
}

function kbCand(ctx: Ctx, m: KbMatch): Cand {
  void ctx;
  return candOf(m.start, m.end, 'name', ruleId('kb-name'), m.entry, m.entry.type);
}

function emitRun(ctx: Ctx, a: number, b: number, out: Cand[], chunkStart: boolean): void {
  const { st } = ctx;
  const lowers = st.lowers;
  if (b - a === 1) {
    const t = st.texts[a]!;
    const lw = lowers[a]!;
    if (NOT_ENTITY.has(lw) || CALENDAR.has(lw)) return;
    const dem = st.ckb.demonyms.get(t);
    if (dem) { out.push(candOf(a, b, 'demonym', ruleId('demonym'), dem, dem.type)); return; }
    // A single capitalised word at a sentence start must be seen capitalised elsewhere too.
    if (chunkStart && sentenceInitial(ctx.tokens, a) && !ctx.capSeenMid.has(lw) && !isSubjectAt(ctx.tokens, lowers, a, b)) return;
  }
  const c = classifyRun(ctx, a, b);
  if (!c) return;
  const cand = { ...candOf(a, b, 'name', c.rule, null, c.type), country: c.country };
  if (c.type === 'person') cand.gender = genderOfName(st.texts[a]);
  out.push(cand);
}

// ---------------------------------------------------------------- lower-case titles

/** "the (Israeli) prime minister", "Israel’s president", "the president of Syria". */
function titlePhrases(ctx: Ctx, used: Uint8Array): Cand[] {
  const { tokens, st, limit, kbAt } = ctx;
  const lowers = st.lowers;
  const out: Cand[] = [];
  for (let i = 0; i < limit; i++) {
    if (used[i] || ctx.covered[i]) continue;
    const lw = lowers[i]!;
    let j: number;
    let country: string | null = null;
    let start = i;
    if (lw === 'the') {
      j = i + 1;
      const m = kbAt[j];
      if (m && isCountry(m.entry)) { country = m.entry.country ?? null; j = m.end; }
      else if (j < limit && st.ckb.demonyms.has(st.texts[j]!)) { country = st.ckb.demonyms.get(st.texts[j]!)!.country ?? null; j++; }
    } else if (kbAt[i] && isCountry(kbAt[i]!.entry) && POSSESSIVE_S.test(lowers[kbAt[i]!.end] ?? '')) {
      country = kbAt[i]!.entry.country ?? null;
      j = kbAt[i]!.end + 1;
      start = j;
    } else continue;
    if (j >= limit || used[j] || tokens[j]!.sentence !== tokens[i]!.sentence) continue;
    const n = titleAt(lowers, j, limit);
    if (n === 0) continue;
    const title = lowers.slice(j, j + n).join(' ');
    if (!OFFICE_TITLES.has(title)) continue;
    const after = tokens[j + n];
    if (after && after.sentence === tokens[j]!.sentence && isCapToken(after) && !STOP.has(lowers[j + n]!)) continue;
    if (lowers[j + n] === 'of' && kbAt[j + n + 1] && isCountry(kbAt[j + n + 1]!.entry)) country ??= kbAt[j + n + 1]!.entry.country ?? null;
    out.push({ ...candOf(start, j + n, 'title', ruleId('title-office'), null, 'person'), title, country });
    i = j + n - 1;
  }
  return out;
}

// ---------------------------------------------------------------- resolution

const normName = (w: string): string => w.toLowerCase().replace(ARABIC_ARTICLE, '');

/** The possessive ending as its own token ("Carlineo" "’s"). */
const POSSESSIVE_MARKS = new Set(["'s", '’s', "'", '’']);

/** Generational suffixes, which are no surname ("Patrick Carlineo Jr." is a Carlineo). */
const NAME_SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/i;

/** A name's surname: its last word, or the one before a generational suffix. */
function surnameOf(words: readonly string[]): string {
  const last = words[words.length - 1]!;
  return words.length > 2 && NAME_SUFFIX.test(last) ? words[words.length - 2]! : last;
}

/**
 * Whether a given name is a short form of another ("pat" of "patrick", "alex" of "alexander"):
 * three letters or more that begin it, and no given-name gender against it.
 */
function shortGiven(short: string, full: string): boolean {
  if (short.length < 3 || short.length >= full.length || !full.startsWith(short)) return false;
  const a = genderOfName(short);
  const b = genderOfName(full);
  return !(a && b && a !== b);
}

export function addMention(st: EntityState, tokens: readonly Token[], info: EntityInfo, c: { tok: number; tokEnd: number; form: Mention['form']; rule: string; charEnd?: number }): MentionX {
  const m: MentionX = {
    start: tokens[c.tok]!.start, end: c.charEnd ?? tokens[c.tokEnd - 1]!.end, entity: info.entity.id, form: c.form, rule: c.rule,
    tok: c.tok, tokEnd: c.tokEnd, subject: false,
  };
  insertMention(st, m);
  return m;
}

function initials(words: readonly string[]): string {
  return words.filter((w) => CAP.test(w)).map((w) => w[0]).join('');
}

function resolveNames(ctx: Ctx, cands: readonly Cand[]): void {
  const { st, tokens } = ctx;
  const byKey = new Map<string, EntityInfo>();
  const bySurname = new Map<string, EntityInfo[]>();
  const byInitials = new Map<string, EntityInfo>();
  const register = (info: EntityInfo, words: string[]): void => {
    if (!info.names.some((n) => n.join(' ') === words.join(' '))) info.names.push(words);
    byKey.set(words.map(normName).join(' '), info);
    if (info.entity.type === 'person' && words.length >= 2) {
      const sn = normName(surnameOf(words));
      const list = bySurname.get(sn) ?? [];
      if (!list.includes(info)) list.push(info);
      bySurname.set(sn, list);
    }
    if (words.length >= 2 && info.entity.type !== 'person') {
      const ini = initials(words);
      if (ini.length >= 2 && !byInitials.has(ini)) byInitials.set(ini, info);
    }
  };
  // Known names first so partial names can find them, KB persons included.
  for (const c of cands) {
    if (c.form === 'title') continue;
    if (c.kb) {
      const info = kbEntity(st, c.kb, ruleId('kb-name'));
      if (c.gender && !info.gender) info.gender = c.gender;
      if (!info.gender && info.entity.type === 'person') info.gender = genderOfName(c.kb.name.split(' ')[0]);
      addMention(st, tokens, info, c);
      if (c.form === 'name') register(info, c.kb.name.split(/\s+/));
    }
  }
  const deferred: Cand[] = [];
  for (const c of cands) {
    if (c.form === 'title' || c.kb) continue;
    const words = st.texts.slice(c.nameTok, c.tokEnd);
    if (words.length >= 2) {
      const key = words.map(normName).join(' ');
      let info = byKey.get(key);
      if (!info && c.type === 'person') {
        // A shorter form of a longer name already seen ("Ahmed al-Sharaa" ← "al-Sharaa Ahmed"? no: suffix only),
        // or a short form of its given name ("Pat Carlineo" after "Patrick Carlineo Jr.").
        const given = normName(words[0]!);
        for (const e of bySurname.get(normName(surnameOf(words))) ?? []) {
          if (e.names.some((n) => n.length > words.length && n.slice(-words.length).map(normName).join(' ') === key)) { info = e; break; }
          if (words.length === 2 && e.names.some((n) => n.length >= 2 && shortGiven(given, normName(n[0]!)) && normName(surnameOf(n)) === normName(words[1]!))) { info = e; break; }
        }
      }
      info ??= newEntity(st, words.join(' '), c.type, c.rule, c.country);
      if (c.gender && !info.gender) info.gender = c.gender;
      register(info, words);
      addMention(st, tokens, info, c);
    } else deferred.push(c);
  }
  for (const c of deferred) {
    const w = st.texts[c.nameTok]!;
    const key = normName(w);
    let info: EntityInfo | undefined;
    const people = bySurname.get(key);
    if (people?.length) {
      info = people.length === 1 ? people[0] : mostRecent(st, people, tokens[c.tok]!.start) ?? people[0];
    }
    if (!info && ACRONYM.test(w)) info = byInitials.get(w.replace(DOTS, ''));
    info ??= byKey.get(key);
    if (!info) {
      const words = [w];
      info = newEntity(st, w, c.type, c.rule, c.country);
      register(info, words);
    } else if (info.entity.type === 'other' && c.type === 'person') info.entity.type = 'person';
    if (c.gender && !info.gender) info.gender = c.gender;
    addMention(st, tokens, info, { ...c, rule: info.names.length && people?.includes(info) ? ruleId('surname') : c.rule });
  }
}

function mostRecent(st: EntityState, infos: readonly EntityInfo[], before: number): EntityInfo | undefined {
  // No holder mentioned: nothing to find, and no walk back over the document's mentions.
  if (infos.length === 0) return undefined;
  for (let i = mentionsBefore(st, before) - 1; i >= 0; i--) {
    const m = st.mentions[i]!;
    const hit = infos.find((x) => x.entity.id === m.entity);
    if (hit) return hit;
  }
  return undefined;
}

/** Marks clause subjects and turns acting countries, capitals and seats of power into governments. */
function markSubjects(ctx: Ctx): void {
  const { st, tokens } = ctx;
  for (const m of st.mentions) {
    m.subject = isSubjectAt(tokens, st.lowers, m.tok, m.tokEnd);
    if (!m.subject || m.form !== 'name') continue;
    const info = st.infos.get(m.entity)!;
    if (info.entity.type === 'location' && ((info.kb && isCountry(info.kb)) || st.ckb.capitals.has(info.entity.name.toLowerCase()))) {
      info.entity.type = 'government';
      info.entity.rule = ruleId('government-subject');
    }
  }
}

const quoteLookups = new WeakMap<readonly Quotation[], (x: Span) => Quotation[]>();
/** The quotations whose inner span overlaps a span, in document order; built once per quotation list. */
function quotesHolding(quotes: readonly Quotation[]): (x: Span) => Quotation[] {
  let f = quoteLookups.get(quotes);
  if (!f) quoteLookups.set(quotes, (f = overlappersOf(quotes, (q) => q.inner)));
  return f;
}

/** Country named next to a quotation holding token `tok` ("‘…,’ a US official said"). */
function quoteHint(ctx: Ctx, tok: number): string | null {
  const { doc, tokens } = ctx;
  const at = tokens[tok]!.start;
  // The last quotation (in document order) whose inner span holds the token.
  const holding = quotesHolding(doc.quotes)({ start: at, end: at + 1 }).filter((x) => x.inner.start <= at && at < x.inner.end);
  const q = holding[holding.length - 1];
  if (!q) return null;
  let j = tok;
  while (j < tokens.length && tokens[j]!.start < q.end) j++;
  for (let k = j; k < Math.min(tokens.length, j + 12); k++) {
    if (tokens[k]!.sentence !== tokens[j - 1]!.sentence && k > j) break;
    const c = countryOfToken(ctx, k);
    if (c) return c;
  }
  let i = tok;
  while (i > 0 && tokens[i]!.start >= q.start) i--;
  for (let k = i; k >= Math.max(0, i - 12); k--) {
    const c = countryOfToken(ctx, k);
    if (c) return c;
  }
  return null;
}

/** How many of the document's mentions name an entity of each country. */
function countryCounts(st: EntityState): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of st.mentions) {
    const c = st.infos.get(m.entity)?.entity.country;
    if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return counts;
}

/**
 * The holder of an office title ("the president") at the document's reference date: in the
 * country named or hinted, else the holder most recently mentioned before `at`, else the holder in
 * the country the document mentions most. Null when unknown.
 */
export function resolveTitle(st: EntityState, date: string | null, title: string, country: string | null, at: number, counts?: ReadonlyMap<string, number>): KbEntry | null {
  if (!OFFICE_TITLES.has(title)) return null;
  const holders = (st.ckb.titleHolders.get(title) ?? []).filter((e) => (e.roles ?? []).some((r) => r.title === title
    && (!country || r.country === country)
    && (date ? (!r.from || date >= r.from) && (!r.to || date < r.to) : !r.to)));
  if (holders.length === 0) return null;
  if (country || holders.length === 1) return holders[0]!;
  const recent = mostRecent(st, holders.map((h) => st.infos.get(h.id)).filter((x): x is EntityInfo => Boolean(x)), at);
  if (recent?.kb) return recent.kb;
  counts ??= countryCounts(st);
  let best: KbEntry | null = null;
  let bestN = 0;
  for (const h of holders) {
    const n = counts.get(h.country ?? '') ?? 0;
    if (n > bestN) { best = h; bestN = n; }
  }
  return best;
}

function resolveTitles(ctx: Ctx, cands: readonly Cand[]): void {
  const { st, tokens, doc } = ctx;
  const date = doc.referenceDate();
  // Kept up to date as titles add mentions, so a page of thousands of titles is not a count of
  // every mention per title; entities' countries are fixed when they are made.
  let counts: Map<string, number> | null = null;
  // The first unresolved-title entity per key, as a scan of the entities in order would find it.
  let unresolved: Map<string, EntityInfo> | null = null;
  for (const c of cands) {
    if (c.form !== 'title' || !c.title) continue;
    counts ??= countryCounts(st);
    let tok = c.tok;
    if (tok > 0 && st.lowers[tok - 1] === 'the' && tokens[tok - 1]!.sentence === tokens[tok]!.sentence) tok--;
    const country = c.country ?? quoteHint(ctx, c.tok);
    const holder = resolveTitle(st, date, c.title, country, tokens[tok]!.start, counts);
    let info: EntityInfo;
    let rule = ruleId('title-office');
    if (holder) info = kbEntity(st, holder, ruleId('kb-name'));
    else {
      const name = doc.text.slice(tokens[tok]!.start, tokens[c.tokEnd - 1]!.end);
      const key = `title:${c.title}:${country ?? ''}`;
      if (!unresolved) {
        unresolved = new Map();
        for (const x of st.infos.values()) {
          const k = x.names[0]?.[0];
          if (x.entity.rule === ruleId('title-unresolved') && k !== undefined && !unresolved.has(k)) unresolved.set(k, x);
        }
      }
      const hit = unresolved.get(key);
      info = hit ?? newEntity(st, name, 'person', ruleId('title-unresolved'), country);
      if (!hit) { info.names.push([key]); unresolved.set(key, info); }
      rule = ruleId('title-unresolved');
    }
    if (c.gender && !info.gender) info.gender = c.gender;
    const m = addMention(st, tokens, info, { tok, tokEnd: c.tokEnd, form: 'title', rule });
    m.subject = isSubjectAt(tokens, st.lowers, m.tok, m.tokEnd);
    const mc = info.entity.country;
    if (mc) counts.set(mc, (counts.get(mc) ?? 0) + 1);
  }
}

// ---------------------------------------------------------------- pronouns

const personish = (i: EntityInfo): boolean => i.entity.type === 'person' || Boolean(i.anonymous && !i.anonymous.plural);
const pluralish = (i: EntityInfo, m: MentionX, st: EntityState): boolean => {
  if (i.plural) return true;
  if (i.entity.type === 'person' || i.entity.type === 'location') return false;
  const last = st.texts[m.tokEnd - 1]!;
  return LOWER_PLURAL.test(last) || PARTY_GROUPS.has(last.toLowerCase());
};
const agentish = (i: EntityInfo): boolean => ['organization', 'government', 'outlet', 'group'].includes(i.entity.type)
  || (i.entity.type === 'location' && Boolean(i.kb && isCountry(i.kb)));

/** How many sentences back a subject pronoun with no nearer antecedent looks for a subject of its gender. */
const FAR_SENTENCES = 5;

function resolvePronouns(ctx: Ctx): void {
  const { st, tokens, limit } = ctx;
  const lowers = st.lowers;
  const bySent = new Map<number, MentionX[]>();
  for (const m of st.mentions) {
    const s = tokens[m.tok]!.sentence;
    const l = bySent.get(s);
    if (l) l.push(m); else bySent.set(s, [m]);
  }
  const info = (m: MentionX): EntityInfo => st.infos.get(m.entity)!;
  const fits = (i: EntityInfo, g: 'm' | 'f' | 'n' | 'p'): boolean => personish(i) && (i.gender === null || i.gender === g);
  const subjectOf = (s: number, ok: (m: MentionX) => boolean): MentionX | null => {
    for (const m of bySent.get(s) ?? []) if (m.subject && ok(m)) return m;
    return null;
  };
  const prevSubject = (s: number, ok: (m: MentionX) => boolean): MentionX | null => {
    for (let k = s - 1; k >= Math.max(0, s - 2); k--) {
      const m = subjectOf(k, ok);
      if (m) return m;
      if ((bySent.get(k) ?? []).some((x) => personish(info(x)))) break;
    }
    return null;
  };
  // A speaker quoted for a paragraph or two is still "he" ("Mr. Obama chalks up … ¶ “…,” he said").
  const farSubject = (s: number, ok: (m: MentionX) => boolean): MentionX | null => {
    for (let k = s - 2; k >= Math.max(0, s - FAR_SENTENCES); k--) {
      const m = subjectOf(k, ok);
      if (m) return m;
    }
    return null;
  };
  const recentIn = (s: number, before: number, ok: (m: MentionX) => boolean, subjectsOnly = false): MentionX | null => {
    const l = bySent.get(s) ?? [];
    for (let k = l.length - 1; k >= 0; k--) {
      const m = l[k]!;
      if (m.tokEnd > before) continue;
      if (subjectsOnly && !m.subject) continue;
      if (ok(m)) return m;
    }
    return null;
  };
  // A pronoun's word inside a name is part of the name ("Ms. He Lin", "Dr. Her Vang").
  const inName = new Uint8Array(limit);
  for (const m of st.mentions) for (let k = m.tok; k < m.tokEnd && k < limit; k++) inName[k] = 1;
  for (let i = 0; i < limit; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word' || inName[i]) continue;
    const p = PRONOUNS.get(lowers[i]!);
    if (!p) continue;
    const s = t.sentence;
    let g = p.gender;
    let kase = p.case;
    if (lowers[i] === 'her') {
      const n = tokens[i + 1];
      const nw = lowers[i + 1] ?? '';
      kase = n && n.sentence === s && n.kind === 'word' && !STOP.has(nw) && !PREPOSITIONS.has(nw) && !VERBS.has(nw) ? 'poss' : 'obj';
    }
    let target: MentionX | null = null;
    let rule = ruleId('pronoun-subject');
    if (g === 'm' || g === 'f') {
      // The speaker of "“… Trump makes the prospects … volatile,” he said" is not someone the
      // quotation names: its mentions are no antecedent of the pronoun that tags it.
      const quoted = kase === 'subj' ? quotationBefore(tokens, i) : null;
      const ok = (m: MentionX): boolean => fits(info(m), g as 'm' | 'f') && !(quoted && m.tok > quoted[0] && m.tokEnd <= quoted[1]);
      if (kase === 'subj') {
        target = recentIn(s, i, ok, true) ?? prevSubject(s, ok) ?? recentIn(s, i, ok) ?? recentIn(s - 1, Infinity, ok);
        if (!target) {
          target = farSubject(s, ok);
          rule = ruleId('pronoun-far-subject');
        }
      } else if (kase === 'poss' || kase === 'refl') {
        rule = ruleId('pronoun-possessive');
        target = recentIn(s, i, ok);
        // "requested a pardon from Herzog in his trial": a prepositional object yields to the subject,
        // and so does a possessor ("Sonya Zoghlin, Carlineo's attorney, said her client …").
        if (target && !target.subject && ((target.tok > 0 && PREPOSITIONS.has(lowers[target.tok - 1]!)) || POSSESSIVE_MARKS.has(lowers[target.tokEnd] ?? ''))) {
          const subj = recentIn(s, target.tok, ok, true);
          if (subj) target = subj;
        }
        if (!target) {
          // "During his visit…, Trump called": the subject right after the opening phrase.
          const after = (bySent.get(s) ?? []).find((m) => m.tok > i && m.subject && ok(m));
          let comma = -1;
          for (let k = i + 1; k < (after?.tok ?? i); k++) if (tokens[k]!.text === ',') { comma = k; break; }
          target = after && comma > i ? after : prevSubject(s, ok) ?? recentIn(s - 1, Infinity, ok);
        }
      } else {
        rule = ruleId('pronoun-object');
        const nearest = recentIn(s, i, ok);
        const matrix = subjectOf(s, ok);
        const prevPos = i > 0 ? tokens[i - 1]!.pos ?? '' : '';
        const between = matrix ? lowers.slice(matrix.tokEnd, i) : [];
        if (prevPos.startsWith('VB') && matrix && matrix.tok < i && !between.includes('that')) {
          // "He wrote to Herzog urging him": the object of the subject's own verb is someone else.
          const l = bySent.get(s) ?? [];
          for (let k = l.length - 1; k >= 0 && !target; k--) {
            const m = l[k]!;
            if (m.tokEnd <= i && ok(m) && info(m) !== info(matrix)) target = m;
          }
        } else if (matrix && matrix.tok < i && (!nearest || info(nearest) !== info(matrix))) target = matrix;
        else {
          const prev = prevSubject(s, ok);
          if (prev && (!nearest || info(nearest) !== info(prev))) target = prev;
        }
      }
      if (target) {
        const ti = info(target);
        if (!ti.gender && ti.entity.type === 'person') ti.gender = g;
      }
    } else if (g === 'p') {
      rule = ruleId('pronoun-plural');
      if (kase === 'subj' || kase === 'poss') {
        const ok = (m: MentionX): boolean => pluralish(info(m), m, st);
        const local = recentIn(s, i, () => true, true);
        target = local ? (ok(local) ? local : null) : prevSubject(s, () => true);
        if (target && !ok(target)) target = null;
      }
    } else {
      rule = ruleId('pronoun-it');
      const ok = (m: MentionX): boolean => agentish(info(m));
      if (kase === 'subj') {
        let k = i - 1;
        if (lowers[k] === 'that') k--;
        if (k >= 0 && tokens[k]!.sentence === s && SPEECH_VERBS.has(lowers[k]!)) target = subjectOf(s, ok);
      } else if (kase === 'poss') {
        const r = recentIn(s, i, () => true);
        target = r && ok(r) ? r : null;
      }
    }
    if (!target) continue;
    const m: MentionX = {
      start: t.start, end: t.end, entity: target.entity, form: 'pronoun', rule, tok: i, tokEnd: i + 1,
      subject: kase === 'subj' && isSubjectAt(tokens, lowers, i, i + 1),
    };
    insertMention(st, m);
    const l = bySent.get(s) ?? [];
    let k = l.length;
    while (k > 0 && l[k - 1]!.tok > i) k--;
    l.splice(k, 0, m);
    bySent.set(s, l);
  }
}

const FIRST_PERSON = new Set(['i', 'me', 'my', 'myself', 'mine']);
/** A paragraph opening with a speaker label ("PENCE:", "Q:"): its first person is the labelled speaker's. */
const SPEAKER_LABEL = /^[\s"\u201c]*\p{Lu}[\p{L}.'\u2019 -]{0,40}:/u;

/**
 * First person outside quotation marks is the writer's ("as I wrote last week", "the experts I
 * interviewed"): one entity for the article's author, named by the byline where the page has one.
 * A quoted "I" is left to the attribution stage, which knows whose quote holds it, and so is the
 * first person of a transcript turn ("PENCE: I think …").
 */
function resolveFirstPerson(ctx: Ctx): void {
  const { doc, st, tokens, limit } = ctx;
  const lowers = st.lowers;
  const quotes = quotationInners(doc.quotes);
  const labelled = new Map<number, boolean>();
  let author: EntityInfo | null = null;
  for (let i = 0; i < limit; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word' || !FIRST_PERSON.has(lowers[i]!)) continue;
    // "ME" is Maine and "I" closes "World War I" or "Charles I"; a lower-case "i" is no pronoun either.
    if (lowers[i] === 'i' ? t.text !== 'I' : t.text !== lowers[i] && !sentenceInitial(tokens, i)) continue;
    if (lowers[i] === 'i' && i > 0 && isCapToken(tokens[i - 1]!) && tokens[i - 1]!.sentence === t.sentence && !sentenceInitial(tokens, i - 1)) continue;
    if (quotes.holds(t)) continue;
    const para = doc.text.lastIndexOf('\n', t.start) + 1;
    let label = labelled.get(para);
    if (label === undefined) { label = SPEAKER_LABEL.test(doc.text.slice(para, Math.min(para + 48, doc.text.length))); labelled.set(para, label); }
    if (label) continue;
    author ??= newEntity(st, doc.meta.byline ?? 'the author', 'person', ruleId('first-person-author'));
    addMention(st, tokens, author, { tok: i, tokEnd: i + 1, form: 'pronoun', rule: ruleId('first-person-author') });
  }
}

/**
 * Index of a capitalised given name (from the name lists) right before token `i` in its sentence,
 * past middle initials ("Joseph R. Biden"), or -1. A token a KB match already covers is no given name.
 */
function givenNameBefore(st: EntityState, i: number, kbCover: Int32Array): number {
  let j = i - 1;
  while (j >= 0 && st.sentence[j] === st.sentence[i] && (INITIAL.test(st.texts[j]!) || (st.texts[j] === '.' && j > 0 && INITIAL.test(st.texts[j - 1]!)))) j--;
  if (j < 0 || st.sentence[j] !== st.sentence[i] || kbCover[j]! >= 0 || !CAP.test(st.texts[j]!)) return -1;
  const w = st.lowers[j]!;
  return FEMALE_NAMES.has(w) || MALE_NAMES.has(w) || MORE_FEMALE_NAMES.has(w) || MORE_MALE_NAMES.has(w) ? j : -1;
}

const INITIAL = /^\p{Lu}\.?$/u;

/** Where each surname first follows a known given name in the text ("Tim Morrison"): lower-cased surname → its token. */
function surnamesAfterGivenNames(st: EntityState, limit: number): Map<string, number> {
  const out = new Map<string, number>();
  for (let j = 1; j < limit; j++) {
    const w = st.lowers[j - 1]!;
    if (st.sentence[j - 1] !== st.sentence[j] || !CAP.test(st.texts[j]!) || !CAP.test(st.texts[j - 1]!)) continue;
    if (!(FEMALE_NAMES.has(w) || MALE_NAMES.has(w) || MORE_FEMALE_NAMES.has(w) || MORE_MALE_NAMES.has(w))) continue;
    if (!out.has(st.lowers[j]!)) out.set(st.lowers[j]!, j);
  }
  return out;
}

/** Known people US news names by surname alone: its presidents, vice presidents and nominees. */
function bySurnameInNews(entry: KbEntry): boolean {
  return (entry.roles ?? []).some((r) => r.country === 'USA' && (r.title === 'president' || r.title === 'vice president' || r.title.endsWith('nominee') || r.title.endsWith('running mate')));
}

/** Whether a given name is a KB person's own (its name's or an alias's first word, or a short form of it). */
function sameGivenName(given: string, entry: KbEntry): boolean {
  for (const form of [entry.name, ...(entry.aliases ?? [])]) {
    const words = form.toLowerCase().split(/\s+/);
    if (words.length < 2) continue;
    const first = words[0]!;
    if (first === given || NICKNAMES.get(given) === first || NICKNAMES.get(first) === given) return true;
    if (Math.min(first.length, given.length) >= 3 && (first.startsWith(given) || given.startsWith(first))) return true;
  }
  return false;
}

// ---------------------------------------------------------------- the stage body

/**
 * Runs entity recognition and coreference over a segmented document; `typer` (the name typer)
 * then sees the names the recogniser typed by its heuristics. It runs after coreference: typing
 * before it moved a few pronouns to the wrong antecedent.
 */
export function recognizeEntities(doc: WorkingDoc, typer: NameTyper | null = null): EntityState {
  const st = newState(doc);
  doc.scratch.set(STATE_KEY, st);
  const tokens = doc.tokens;
  const n = tokens.length;
  let limit = n;
  if (doc.body.length) {
    const bodyEnd = doc.body[doc.body.length - 1]!.end;
    while (limit > 0 && tokens[limit - 1]!.start >= bodyEnd) limit--;
  }
  const lowerSeen = new Set<string>();
  const capSeenMid = new Set<string>();
  const sentCaps = new Int32Array(doc.sentences.length + 1);
  const sentWords = new Int32Array(doc.sentences.length + 1);
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word') continue;
    const w = st.lowers[i]!;
    if (w === t.text) lowerSeen.add(w);
    else if (CAP.test(t.text)) {
      sentCaps[t.sentence]!++;
      if (!sentenceInitial(tokens, i)) capSeenMid.add(w);
    }
    if (w.length > 3 || CAP.test(t.text)) sentWords[t.sentence]!++;
  }
  const titleCase = new Uint8Array(doc.sentences.length + 1);
  for (let s = 0; s < titleCase.length; s++) if (sentWords[s]! >= 4 && sentCaps[s]! >= 0.7 * sentWords[s]!) titleCase[s] = 1;
  // KB matches, left to right, longest first.
  const kbAt: (KbMatch | null)[] = new Array(n).fill(null);
  const kbCover = new Int32Array(n).fill(-1);
  const localSurnames = surnamesAfterGivenNames(st, limit);
  for (let i = 0; i < limit; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word' && t.kind !== 'number') continue;
    const m = matchKbAt(st.ckb, st.texts, st.lowers, st.sentence, i);
    if (!m) continue;
    const given = m.entry.type === 'person' && m.end - m.start === 1 ? givenNameBefore(st, i, kbCover) : -1;
    // "Ryan Suter": a known surname followed by another capitalised name is someone else's given name.
    if (m.entry.type === 'person' && m.end - m.start === 1 && given < 0 && !titleCase[t.sentence] && m.end < limit) {
      const nx = tokens[m.end]!;
      if (nx.sentence === t.sentence && nx.kind === 'word' && CAP.test(nx.text) && !ACRONYM.test(nx.text) && !PRONOUNS.has(st.lowers[m.end]!)
        && !otherKbName(matchKbAt(st.ckb, st.texts, st.lowers, st.sentence, m.end))) continue;
    }
    // "Tim Morrison … Morrison said": a lone known surname after the article has named someone
    // else of that surname is that person, unless the known one is a US president or nominee,
    // whom news names by surname alone ("Ivanka Trump said … Trump agreed").
    if (given < 0 && m.entry.type === 'person' && m.end - m.start === 1) {
      const local = localSurnames.get(st.lowers[i]!);
      if (local !== undefined && local < i && !sameGivenName(st.lowers[local - 1]!, m.entry) && !bySurnameInNews(m.entry)) continue;
    }
    if (given >= 0) {
      // "Ivanka Trump", "Laura Bush": another given name before a known surname is another person,
      // left to the capitalised-name rules; "Joseph R. Biden" is the known one under a fuller name.
      if (!sameGivenName(st.lowers[given]!, m.entry)) continue;
      m.start = given;
    }
    // Sentence-initial "The" only belongs to a form that starts with it.
    kbAt[m.start] = m;
    for (let k = m.start; k < m.end; k++) kbCover[k] = m.start;
    i = m.end - 1;
  }
  const covered = new Uint8Array(n);
  const ctx: Ctx = { doc, st, tokens, limit, kbAt, kbCover, covered, lowerSeen, capSeenMid, titleCase };
  // Unnamed sources first: their modifiers ("US", "White House") are not mentions of their own.
  for (let i = 0; i < limit; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word' || !ANON_WORDS.has(st.lowers[i]!)) continue;
    const ph = anonPhraseAt(st, tokens, (j) => (kbCover[j]! >= 0 ? kbAt[kbCover[j]!] ?? null : null), i);
    if (!ph) continue;
    for (let k = ph.tok; k < ph.tokEnd; k++) covered[k] = 1;
    for (let k = ph.tok; k < ph.tokEnd; k++) if (kbCover[k]! >= 0) kbAt[kbCover[k]!] = null;
    const { info, rule } = anonEntity(st, ph, t.start);
    addMention(st, tokens, info, { tok: ph.tok, tokEnd: ph.tokEnd, form: 'descriptor', rule });
    i = ph.tokEnd - 1;
  }
  const cands = nameCandidates(ctx);
  const used = new Uint8Array(n);
  for (const c of cands) for (let k = c.tok; k < c.tokEnd; k++) used[k] = 1;
  const titles = titlePhrases(ctx, used);
  resolveNames(ctx, cands);
  markSubjects(ctx);
  resolveTitles(ctx, [...cands.filter((c) => c.form === 'title'), ...titles].sort((a, b) => a.tok - b.tok));
  resolvePronouns(ctx);
  resolveFirstPerson(ctx);
  if (typer) typer.retype(nameTypeInputs(st, tokens, lowerSeen));
  return st;
}

const ANON_WORDS: ReadonlySet<string> = new Set([...ANON_NOUNS.keys(), ...ANON_NOUNS.values()]);

/** Writes the state into `doc.entities` (by first mention) and `doc.mentions` (by start). */
export function publish(doc: WorkingDoc, st: EntityState): void {
  for (const info of st.infos.values()) {
    info.entity.mentions = [];
    if (!info.kb && !info.anonymous && info.names.length && info.entity.rule !== ruleId('title-unresolved')) {
      let best = info.names[0]!;
      for (const nm of info.names) if (nm.length > best.length || (nm.length === best.length && nm.join(' ').length > best.join(' ').length)) best = nm;
      info.entity.name = best.join(' ');
    }
  }
  for (const m of st.mentions) st.infos.get(m.entity)?.entity.mentions.push({ start: m.start, end: m.end });
  doc.mentions = st.mentions;
  const seen = new Set<string>();
  const ents = [];
  for (const m of st.mentions) {
    if (seen.has(m.entity)) continue;
    seen.add(m.entity);
    ents.push(st.infos.get(m.entity)!.entity);
  }
  doc.entities = ents;
}
