import type { Actor, EventRecord, PloverType, TimeExpression } from '../core/types.js';
import type { Token, WorkingDoc } from '../core/working-doc.js';
import { kbFor, type KbIndex } from '../kb/index.js';
import { findActorMentions, PREPOSITIONS, type ActorMention } from './actors.js';
import { compileLexicon, TRIGGER_LEXICON, WARN_WITHOUT_THREAT, type TriggerForm, type TriggerRule } from './lexicon.js';
import { toLower } from '../text/lower.js';
import { innermostContent } from '../core/span-index.js';

// Regex literals live at module level: one in a function body allocates a new RegExp per call.
const ARTICLE_OR_POSSESSIVE = /^(a|an|the|its|their)$/;
const ED_ING_END = /(ed|ing)$/;
const PARTICIPLE_END = /(ed|en|wn|ot|ung|ut|eld|ent|ck)$/;
const LY_END = /ly$/;
const QUOTE_MARK = /^['’‘“”"]$/;
const COORDINATOR_OR_COMMA = /^(and|,|or)$/i;
const COORDINATOR = /^(and|or)$/;
const COMMA_OR_COORDINATOR = /^(,|and|or)$/;
const THE = /^(the)$/;
const OF_IN_FROM = /^(of|in|from)$/;
const LEADING_DET = /^(the|a|an|former|ethnic)$/;
const GOVERNED_DET = /^(the|a|an|two|three|several|some|many|both|senior|top|former|new|longtime)$/;
const AND_OR_TO = /^(and|or|to)$/;
const POSSESSIVE_S = /^['’]s$/;
const ATTEMPT = /^attempts?$/;
const BE_ALSO_THEN = /^(be|been|also|then)$/;
const ING_END = /ing$/;
const PLURAL_OR_CAPITAL = /s$|^\p{Lu}/u;
const REPORTER_GAP = /^(in|here|on|at|also|have|has|had)$/;
const UPPER_INITIAL = /^\p{Lu}/u;

/** Options of the event coder. */
export interface EventsOptions {
  /** Knowledge base for actors (built-in by default; `indexKb(BUILTIN_KB, userFile)` for `--actors`). */
  kb?: KbIndex;
  /** Trigger lexicon (the built-in PLOVER lexicon by default). */
  lexicon?: readonly TriggerRule[];
}

/** Tokens that end a clause for subject and object search. */
const BOUNDARY_WORDS = new Set([
  'that', 'which', 'who', 'whom', 'whose', 'since', 'because', 'although', 'though', 'while', 'whereas', 'when', 'after',
  'before', 'until', 'unless', 'if', 'saying', 'but', 'where', 'as',
]);
const BOUNDARY_PUNCT = new Set([',', ';', ':', '(', ')', '—', '–', '--', '"', '“', '”', '‘', '’', "'"]);
const REPORTING = new Set(['said', 'says', 'say', 'told', 'tells', 'reported', 'reports', 'announced', 'added', 'confirmed', 'stated', 'quoted', 'according', 'claimed', 'noted', 'explained']);
const BE_FORMS = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be', 'got', 'get', 'gets']);
const ADVERB_SKIP = new Set(['also', 'reportedly', 'allegedly', 'not', 'already', 'then', 'later', 'formally', 'again', 'just', 'once', 'still', 'therefore', 'recently', 'sexually', 'personally', 'quickly', 'first', 'never', 'n’t', "n't"]);
const AUX = new Set(['has', 'have', 'had', 'is', 'are', 'was', 'were', 'will', 'would', 'could', 'may', 'might', 'can', 'should', 'did', 'does', 'do', 'been', 'be', 'being', 'must', "'s", '’s', 'to']);
const SUBORDINATORS = new Set(['since', 'because', 'although', 'though', 'while', 'whereas', 'when', 'after', 'before', 'until', 'unless', 'if', 'as', 'that', 'where']);
const RECEIVING = new Set(['drew', 'draw', 'draws', 'drawn', 'faced', 'face', 'faces', 'received', 'receive', 'sparked', 'triggered', 'prompted', 'attracted', 'drawing', 'facing']);
const ASPECTUAL = new Set(['continue', 'keep', 'start', 'begin', 'resume', 'stop', 'help']);
const NEGATORS = new Set(['short', 'not', "n't", 'n’t', 'never', 'no', 'without', 'nor', 'neither']);
const MODALS = new Set(['could', 'would', 'may', 'might', 'should', 'can', 'will', "'ll", '’ll', 'shall', 'must']);
const INTENT = /^(plan|plans|planned|planning|aim|aims|aimed|aiming|intend|intends|intended|intending|attempt|attempts|attempted|attempting|try|tries|tried|trying|seek|seeks|sought|seeking|want|wants|wanted|wanting|ready|willing|prepared|threaten|threatens|threatened|threatening|vow|vows|vowed|hope|hopes|hoped|hoping|if|unless|whether|out|future)$/;
/** Cues that turn a hypothetical negative act into a threat (PLOVER THREATEN). */
const THREAT_CUES = new Set(['will', 'would', "'ll", '’ll', 'may', 'might', 'could', 'threaten', 'threatens', 'threatened', 'threatening', 'prepared', 'plans', 'plan', 'planned']);
const THROUGH_THAT = new Set<PloverType>(['REQUEST', 'ACCUSE', 'AGREE', 'REJECT']);
const THREAT_TYPES = new Set<PloverType>(['SANCTION', 'COERCE', 'ASSAULT']);
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those']);
const NOUN_PREV = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'its', 'his', 'her', 'their', 'our', "'s", '’s', 'of', 'new', 'fresh']);
const VERB_PREV = new Set(['to', 'will', 'would', 'could', 'may', 'might', 'should', 'can', 'did', 'does', 'do', 'not', "n't", 'n’t', 'must', 'shall']);
const LOCATION_PREPS = new Set(['in', 'inside', 'near', 'at', 'within', 'across', 'into', 'outside']);
const LOCATION_ADJ = new Set(['southern', 'northern', 'eastern', 'western', 'central', 'occupied', 'south', 'north', 'east', 'west', 'the', 'northeastern', 'northwestern', 'southeastern', 'southwestern']);

interface Trigger {
  t0: number;
  t1: number;
  rule: TriggerRule;
  sentence: number;
}

interface Draft {
  trig: Trigger;
  actors: ActorMention[];
  recipients: ActorMention[];
  date: TimeExpression | null;
  location: ActorMention | null;
  negated: boolean;
  hypothetical: boolean;
  threat: boolean;
  rule: string;
  /** For events whose object is another event ("condemned the operation"). */
  objectTrigger: number | null;
  /** Head nouns that name this event ("operation", "call"), for later definite references. */
  nouns: string[];
}

const headOf = (r: TriggerRule): string => r.words.split(' ').pop()!;

function isDefinite(tokens: readonly Token[], trig: Trigger, from: number): boolean {
  let k = trig.t0 - 1;
  while (k >= from && k >= trig.t0 - 3 && !DEFINITE.has(lower(tokens[k])) && !isBoundary(tokens[k]!)) k--;
  return k >= 0 && DEFINITE.has(lower(tokens[k]));
}

/** Earlier events a definite noun may refer to: a story names its antecedent within a few events. */
const MAX_ANTECEDENTS = 64;

/** The earlier event a definite noun refers to: same head noun first, else same type. */
function antecedentOf(drafts: readonly Draft[], rule: TriggerRule): Draft | undefined {
  const head = headOf(rule);
  // Bounded, so a page of thousands of unresolved triggers stays linear.
  const from = Math.max(0, drafts.length - MAX_ANTECEDENTS);
  for (let i = drafts.length - 1; i >= from; i--) {
    const d = drafts[i]!;
    if (d.actors.length && (headOf(d.trig.rule) === head || d.nouns.includes(head))) return d;
  }
  for (let i = drafts.length - 1; i >= from; i--) {
    const d = drafts[i]!;
    if (d.actors.length && d.trig.rule.type === rule.type) return d;
  }
  return undefined;
}

const compiled = new WeakMap<readonly TriggerRule[], Map<string, TriggerForm[]>>();

function lexiconMap(rules: readonly TriggerRule[]): Map<string, TriggerForm[]> {
  let m = compiled.get(rules);
  if (!m) { m = compileLexicon(rules); compiled.set(rules, m); }
  return m;
}

const lower = (t: Token | undefined): string => (t ? toLower(t.text) : '');

function isBoundary(t: Token): boolean {
  if (t.kind === 'quote') return true;
  return BOUNDARY_PUNCT.has(t.text) || BOUNDARY_WORDS.has(toLower(t.text));
}

/** Finds trigger phrases: one map lookup per token, phrase words may be separated by an article. */
function findTriggers(doc: WorkingDoc, lex: Map<string, TriggerForm[]>): Trigger[] {
  const tokens = doc.tokens;
  const out: Trigger[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word') continue;
    const forms = lex.get(toLower(t.text));
    if (!forms) continue;
    const prev = lower(tokens[i - 1]);
    // The tagger decides only where the lexicon has both a noun and a verb reading of the word.
    const ambiguous = forms.some((f) => f.rule.pos === 'noun') && forms.some((f) => f.rule.pos === 'verb');
    let best: Trigger | null = null;
    for (const f of forms) {
      let k = i;
      let ok = true;
      for (let w = 1; w < f.words.length; w++) {
        k++;
        if (ARTICLE_OR_POSSESSIVE.test(lower(tokens[k])) && lower(tokens[k]) !== f.words[w]) k++;
        if (lower(tokens[k]) !== f.words[w] || tokens[k]!.sentence !== t.sentence) { ok = false; break; }
      }
      if (!ok) continue;
      const r = f.rule;
      if (r.prev && !r.prev.includes(prev)) continue;
      if (r.notPrev && r.notPrev.includes(prev)) continue;
      if (r.notNext && r.notNext.includes(lower(tokens[k + 1]))) continue;
      if (r.objects && !objectWithin(tokens, k, t.sentence, r.objects)) continue;
      if (!posFits(tokens, i, f, ambiguous)) continue;
      if (!best || k > best.t1) best = { t0: i, t1: k, rule: r, sentence: t.sentence };
    }
    if (best) { out.push(best); i = best.t1; }
  }
  return out;
}

/** Tags of an adverb, particle or preposition: "rolling back", "came off my back" hold no verb "back". */
const PARTICLE_TAG = /^(?:RB|RP|IN)$/;

/**
 * Tags of a word that makes the next one a noun: determiners, possessives, adjectives, numbers,
 * common nouns. Not a name: "insisted that Hamas disarm" is a subject and its verb.
 */
const NOUN_MODIFIER_TAG = /^(?:DT|PRP\$|POS|JJ[RS]?|CD|NNS?)$/;

/** Words after a trigger looked through for its object ({@link TriggerRule.objects}). */
const OBJECT_REACH = 4;

/** Whether one of `objects` comes within {@link OBJECT_REACH} words after token `k`, in its sentence. */
function objectWithin(tokens: readonly Token[], k: number, sentence: number, objects: readonly string[]): boolean {
  for (let j = k + 1; j <= k + OBJECT_REACH && j < tokens.length && tokens[j]!.sentence === sentence; j++) if (objects.includes(lower(tokens[j]))) return true;
  return false;
}

/**
 * A noun after a name that is the head of its phrase: a verb or another name follows ("the BART
 * train pulling in", "Fox News host Jeanine Pirro"), where "that Hamas disarm," is a clause.
 */
function nounAfterName(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1]?.pos ?? '';
  const next = tokens[i + 1]?.pos ?? '';
  return (prev === 'NNP' || prev === 'NNPS') && (next.startsWith('VB') || next === 'NNP');
}

/** Uses tagger output where present, else a determiner/auxiliary heuristic, to tell verbs from nouns. */
function posFits(tokens: readonly Token[], i: number, f: TriggerForm, ambiguous: boolean): boolean {
  const t = tokens[i]!;
  if (t.pos && ambiguous) {
    if (f.rule.pos === 'verb') return t.pos.startsWith('VB') || t.pos === 'MD' || (f.words.length > 1 && !t.pos.startsWith('NN')) || t.pos === 'JJ';
    return t.pos.startsWith('NN') || f.words.length > 1 || t.pos === 'JJ';
  }
  // A word the lexicon reads as a verb only is no trigger where the tagger makes it a name ("in
  // March", "the Associated Press"), a particle ("rolling back") or a noun after a modifier ("a commuter train", "a moon shot",
  // "bond yields", "rate cuts"); a noun after "to" or "and" is more often a mistagged verb ("to
  // assault and murder").
  if (t.pos && f.words.length === 1 && f.rule.pos === 'verb' && (t.pos === 'NNP' || t.pos === 'NNPS' || PARTICLE_TAG.test(t.pos)
    || ((t.pos === 'NN' || t.pos === 'NNS') && !ED_ING_END.test(toLower(t.text)) && (NOUN_MODIFIER_TAG.test(tokens[i - 1]?.pos ?? '') || nounAfterName(tokens, i))))) return false;
  const prev = lower(tokens[i - 1]);
  if (f.rule.pos === 'verb') return !NOUN_PREV.has(prev) || ED_ING_END.test(toLower(t.text)) && prev !== 'the' && prev !== 'a';
  return !VERB_PREV.has(prev);
}

function isPassive(tokens: readonly Token[], trig: Trigger): boolean {
  if (trig.rule.pos !== 'verb') return false;
  const w = lower(tokens[trig.t0]);
  if (!PARTICIPLE_END.test(w)) return false;
  for (let k = trig.t0 - 1, n = 0; k >= 0 && n < 3; k--, n++) {
    const x = lower(tokens[k]);
    if (BE_FORMS.has(x)) return true;
    if (!ADVERB_SKIP.has(x) && !LY_END.test(x)) return false;
  }
  return false;
}

function clauseStart(tokens: readonly Token[], from: number, sentStart: number): number {
  for (let k = from - 1; k >= sentStart; k--) {
    if (isBoundary(tokens[k]!)) return k + 1;
  }
  return sentStart;
}

function clauseEnd(tokens: readonly Token[], from: number, sentEnd: number, throughQuotes = false): number {
  for (let k = from + 1; k <= sentEnd; k++) {
    const t = tokens[k]!;
    if (throughQuotes && (t.kind === 'quote' || QUOTE_MARK.test(t.text))) continue;
    if (isBoundary(t) || REPORTING.has(toLower(t.text))) return k - 1;
  }
  return sentEnd;
}

/** Expands coordinated mentions ("Jordan and Britain", "Iran, Libya and Sudan"). */
function coordinated(tokens: readonly Token[], first: ActorMention, pool: readonly ActorMention[], limit: number): ActorMention[] {
  const out = [first];
  let cur = first;
  for (;;) {
    let k = cur.t1 + 1;
    let sawComma = false;
    while (k <= limit && COORDINATOR_OR_COMMA.test(lower(tokens[k]))) { if (lower(tokens[k]) === ',') sawComma = true; k++; }
    if (k === cur.t1 + 1 || k > limit) break;
    // A bare comma coordinates only inside a list that goes on ("Iran, Libya and Sudan").
    if (sawComma && !COORDINATOR.test(lower(tokens[k - 1]))) {
      const nx = pool.find((m) => m.t0 === k);
      if (!nx || !COMMA_OR_COORDINATOR.test(lower(tokens[nx.t1 + 1]))) break;
    }
    // Skip one article: "Israel and the Palestinians".
    if (THE.test(lower(tokens[k]))) k++;
    const next = pool.find((m) => m.t0 === k);
    if (!next) break;
    out.push(next);
    cur = next;
  }
  return out;
}

function expand(ms: readonly ActorMention[]): ActorMention[] {
  return ms.flatMap((m) => m.members ?? [m]);
}

/**
 * The clause subject before a trigger: the first mention of the nearest clause that has one, not
 * governed by a preposition (unless it opens the clause: "after Netanyahu requested").
 */
function subjectBefore(tokens: readonly Token[], mentions: readonly ActorMention[], t0: number, sentStart: number): ActorMention[] {
  // A mention right before the verb (auxiliaries and adverbs between) is its subject: "with Trump pressing".
  let k = t0 - 1;
  // "asked Trump to continue assisting him": aspectual verbs pass their subject on.
  while (k >= sentStart && (AUX.has(lower(tokens[k])) || ADVERB_SKIP.has(lower(tokens[k])) || LY_END.test(lower(tokens[k]))
    || (ASPECTUAL.has(lower(tokens[k])) && lower(tokens[k - 1]) === 'to'))) k--;
  const adjacent = mentions.find((m) => m.t1 === k && !m.place && !m.possessive && m.form !== 'demonym'
    && (!governed(tokens, m, sentStart) || lower(tokens[m.t0 - 1]) === 'with'));
  if (adjacent) {
    const first = mentions.find((m) => m.t0 < adjacent.t0 && coordinated(tokens, m, mentions, k).includes(adjacent));
    return first ? coordinated(tokens, first, mentions, k) : [adjacent];
  }
  let end = t0;
  for (let hop = 0; hop < 4; hop++) {
    const start = clauseStart(tokens, end, sentStart);
    const cands = mentions.filter((m) => m.t0 >= start && m.t1 < end && !m.place && !m.possessive && !governed(tokens, m, start));
    if (cands.length) return coordinated(tokens, cands[0]!, mentions, t0 - 1);
    // "Thousands of Nigerians rallied", "Demonstrators in Baghdad blocked": a head noun the
    // knowledge base does not know, with the actor in its of/in phrase.
    {
      const ofIn = mentions.find((m) => m.t0 >= start && m.t1 < end && m.t0 - start <= 6 && !m.possessive
        && OF_IN_FROM.test(lower(tokens[m.t0 - 1 - leadingDets(tokens, m.t0)])));
      if (ofIn) return coordinated(tokens, ofIn, mentions, t0 - 1);
    }
    if (start <= sentStart) break;
    // Subordinate clauses ("since X overthrew", "that they were planning") carry their own subject.
    if (SUBORDINATORS.has(lower(tokens[start - 1]))) break;
    end = start - 1;
  }
  return [];
}

function leadingDets(tokens: readonly Token[], t0: number): number {
  let n = 0;
  while (LEADING_DET.test(lower(tokens[t0 - 1 - n]))) n++;
  return n;
}

function governed(tokens: readonly Token[], m: ActorMention, clauseFrom: number): boolean {
  let k = m.t0 - 1;
  while (k >= clauseFrom && GOVERNED_DET.test(lower(tokens[k]))) k--;
  if (k < clauseFrom) return false;
  const w = lower(tokens[k]);
  return PREPOSITIONS.has(w) || w === "'s" || w === '’s';
}

/** Mentions after a trigger up to the clause end ("to Hamas", "from President Isaac Herzog"). */
function objectAfter(
  tokens: readonly Token[], mentions: readonly ActorMention[], t1: number, sentEnd: number, exclude: readonly ActorMention[], throughThat = false,
): ActorMention[] {
  let ce = clauseEnd(tokens, t1, sentEnd, true);
  // "demanded that the United States match…": the addressee opens the that-clause.
  if (throughThat && lower(tokens[ce + 1]) === 'that') ce = clauseEnd(tokens, ce + 1, sentEnd, true);
  const end = Math.min(ce, t1 + 20);
  // The same person cannot be their own recipient; a country can ("Serbia … from Serbian authorities").
  const skip = new Set(exclude.flatMap((m) => [...(m.members ?? [m])]).filter((m) => m.person && m.entry).map((m) => m.entry!.id));
  const spans = new Set(exclude.map((m) => m.start));
  const cands = mentions.filter((m) => m.t0 > t1 && m.t0 <= end && !m.possessive && !spans.has(m.start) && !(m.entry && skip.has(m.entry.id)));
  if (!cands.length) return [];
  return coordinated(tokens, cands[0]!, mentions, end);
}

function sentStartOf(tokens: readonly Token[], i: number): number {
  const s = tokens[i]!.sentence;
  while (i > 0 && tokens[i - 1]!.sentence === s) i--;
  return i;
}

/** For a noun trigger: "by X", a premodifier ("Israeli operations", "Israel’s strikes"), or "between X and Y". */
function nounParticipants(
  tokens: readonly Token[], mentions: readonly ActorMention[], trig: Trigger, sentEnd: number,
): { actors: ActorMention[]; recipients: ActorMention[] } | null {
  // "between the two leaders", "between X and Y"
  for (let k = trig.t1 + 1; k <= Math.min(trig.t1 + 2, sentEnd); k++) {
    const w = lower(tokens[k]);
    if (w === 'between' || w === 'with' || w === 'by') {
      const m = mentions.find((x) => x.t0 > k && x.t0 <= k + 3);
      if (!m) break;
      const all = expand(coordinated(tokens, m, mentions, sentEnd));
      // Mediation is between others: the mediator is the clause subject.
      if (w === 'between' && trig.rule.mode === 'multilateral') {
        return { actors: expand(subjectBefore(tokens, mentions, trig.t0, sentStartOf(tokens, trig.t0))), recipients: all };
      }
      if (w === 'between') return { actors: all.slice(0, 1), recipients: all.slice(1) };
      if (w === 'by') {
        const rest = objectAfter(tokens, mentions, m.t1, sentEnd, all);
        return { actors: all, recipients: expand(rest) };
      }
      break;
    }
  }
  // Premodifier within three tokens before: "continued Israeli operations", "Trump’s efforts".
  for (const m of mentions) {
    if (m.t1 >= trig.t0 || m.t1 < trig.t0 - 3 || m.sentence !== trig.sentence) continue;
    let ok = true;
    for (let k = m.t1 + 1; k < trig.t0; k++) {
      const w = lower(tokens[k]);
      if (PREPOSITIONS.has(w) || isBoundary(tokens[k]!) || AND_OR_TO.test(w)) { ok = false; break; }
    }
    if (ok && (m.form === 'demonym' || m.form === 'descriptor' || m.possessive || POSSESSIVE_S.test(lower(tokens[m.t1 + 1])))) {
      const rec = objectAfter(tokens, mentions, trig.t1, sentEnd, [m]);
      return { actors: [m], recipients: expand(rec) };
    }
  }
  return null;
}

function nearestDate(
  doc: WorkingDoc, times: readonly TimeExpression[], trig: Trigger, tokenAt: (offset: number) => number, sentStart: number, sentEnd: number,
): TimeExpression | null {
  const tokens = doc.tokens;
  const s = doc.sentences[trig.sentence]!;
  const cs = clauseStart(tokens, trig.t0, sentStart);
  const ce = clauseEnd(tokens, trig.t1, sentEnd);
  let best: TimeExpression | null = null;
  let bestD = Infinity;
  for (const t of times) {
    if (t.start < s.start || t.end > s.end) continue;
    if (!t.value || t.grain === 'duration' || t.grain === 'unknown' || t.grain === 'quarter' || t.grain === 'season' || t.grain === 'decade' || t.grain === 'century' || t.value.endsWith('-WE')) continue;
    const ti = tokenAt(t.start);
    const tj = tokenAt(t.end - 1);
    // The time must lie in the trigger's clause; the boundary word may belong to it ("a day after").
    if (tj < cs - 1 || ti > ce) continue;
    // "…, officials said Thursday": the time of the report, not of the event.
    let reporting = false;
    for (let k = ti - 1; k >= Math.max(0, ti - 3); k--) {
      const w = lower(tokens[k]);
      if (REPORTING.has(w) || w === 'published') { reporting = true; break; }
      if (w !== 'on' && w !== 'late' && w !== 'early' && w !== 'here') break;
    }
    if (reporting && !(trig.t0 >= ti - 3 && trig.t0 <= ti)) continue;
    const d = ti > trig.t1 ? ti - trig.t1 : trig.t0 - tokenAt(t.end - 1);
    if (Math.abs(d) < bestD) { bestD = Math.abs(d); best = t; }
  }
  return best;
}

function locationAfter(tokens: readonly Token[], mentions: readonly ActorMention[], trig: Trigger, sentEnd: number): ActorMention | null {
  for (const m of mentions) {
    if (m.sentence !== trig.sentence || m.t0 <= trig.t1 || m.t0 > Math.min(sentEnd, trig.t1 + 14)) continue;
    if (!m.entry || m.entry.type !== 'location' || m.form === 'demonym') continue;
    // "interfering in Israel’s internal affairs": a possessor, not a place.
    if (POSSESSIVE_S.test(lower(tokens[m.t1 + 1]))) continue;
    let k = m.t0 - 1;
    while (k > trig.t1 && LOCATION_ADJ.has(lower(tokens[k]))) k--;
    if (LOCATION_PREPS.has(lower(tokens[k]))) return m;
  }
  return null;
}

function flags(tokens: readonly Token[], trig: Trigger, sentStart: number): { negated: boolean; hypothetical: boolean; threat: boolean } {
  let negated = false, hypothetical = false, threat = false;
  for (let k = trig.t0 - 1, n = 0; k >= sentStart && n < 6; k--, n++) {
    const t = tokens[k]!;
    if (BOUNDARY_PUNCT.has(t.text) || REPORTING.has(lower(t))) break;
    const w = lower(t);
    if (n < 4 && NEGATORS.has(w)) negated = true;
    // "killed rather than allowed to surrender": the alternative did not happen.
    if (n < 3 && w === 'than' && lower(tokens[k - 1]) === 'rather') negated = true;
    if (MODALS.has(w) || INTENT.test(w)) {
      hypothetical = true;
      if (THREAT_CUES.has(w)) threat = true;
    }
    if (w === 'in' && ATTEMPT.test(lower(tokens[k + 1]))) hypothetical = true;
    // "as long as they surrender", "provided that": a condition, not a fact.
    if ((w === 'long' && lower(tokens[k - 1]) === 'as' && lower(tokens[k + 1]) === 'as') || w === 'provided') hypothetical = true;
  }
  return { negated, hypothetical, threat };
}

/** Whether `trig` is the infinitive complement of the request `req`: "asked X to [continue] V", "urged X to V". */
function requestedAct(tokens: readonly Token[], req: Trigger, trig: Trigger): boolean {
  if (trig.rule.pos !== 'verb' || trig.t0 - req.t1 > 10) return false;
  let k = trig.t0 - 1;
  while (k > req.t1 && (ASPECTUAL.has(lower(tokens[k])) || BE_ALSO_THEN.test(lower(tokens[k])))) k--;
  if (lower(tokens[k]) !== 'to') return false;
  for (let j = req.t1 + 1; j < k; j++) if (isBoundary(tokens[j]!)) return false;
  return true;
}

function toActor(m: ActorMention): Actor {
  return { start: m.start, end: m.end, entity: m.entity, country: m.country, sector: m.sector };
}

/**
 * Codes PLOVER events over a working document (tokens, sentences, times; entities and
 * attributions where those stages ran). Returns records with ids `e1`, `e2`…
 */
export function codeEvents(doc: WorkingDoc, options: EventsOptions = {}): EventRecord[] {
  const kb = options.kb ?? (doc.scratch.get('kb:index') as KbIndex | undefined) ?? kbFor(doc.options);
  const lex = lexiconMap(options.lexicon ?? TRIGGER_LEXICON);
  const tokens = doc.tokens;
  if (!tokens.length) return [];
  const mentions = findActorMentions(doc, { kb, date: doc.referenceDate() });
  const bySentence: ActorMention[][] = doc.sentences.map(() => []);
  for (const m of mentions) bySentence[m.sentence]?.push(m);
  const sentStart: number[] = new Array(doc.sentences.length).fill(-1);
  const sentEnd: number[] = new Array(doc.sentences.length).fill(-1);
  for (let i = 0; i < tokens.length; i++) {
    const s = tokens[i]!.sentence;
    if (sentStart[s] === -1) sentStart[s] = i;
    sentEnd[s] = i;
  }
  const tokenAt = (offset: number): number => {
    let lo = 0, hi = tokens.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (tokens[mid]!.start <= offset) lo = mid; else hi = mid - 1; }
    return lo;
  };
  const times = doc.times ?? [];
  const triggers = findTriggers(doc, lex);
  const drafts: Draft[] = [];
  const triggerAt = new Map<number, Draft>();

  for (const trig of triggers) {
    const s = trig.sentence;
    if (trig.rule.name === 'THREATEN:warn' && !warningThreatens(tokens, trig, sentEnd[s]!)) trig.rule = WARN_WITHOUT_THREAT;
    const ms = bySentence[s] ?? [];
    const ss = sentStart[s]!, se = sentEnd[s]!;
    const cs = clauseStart(tokens, trig.t0, ss);
    // A noun of the same type right after a verb trigger in its clause is the same event ("killed … in an operation").
    const prevDraft = drafts[drafts.length - 1];
    if (trig.rule.pos === 'noun' && prevDraft && prevDraft.trig.sentence === s && prevDraft.trig.rule.type === trig.rule.type
      && prevDraft.trig.t1 < trig.t0 && trig.t0 - prevDraft.trig.t1 <= 12) {
      // "wounded in the gun battle": a definite noun may carry the date of the event it names.
      if (!prevDraft.date && isDefinite(tokens, trig, cs)) {
        for (let j = drafts.length - 2; j >= 0 && drafts[j]!.trig.sentence >= s - 2; j--) {
          const ante = drafts[j]!;
          if (ante.trig.rule.type === trig.rule.type && ante.date) { prevDraft.date = ante.date; prevDraft.rule += '+date-from-antecedent'; break; }
        }
      }
      prevDraft.nouns.push(headOf(trig.rule));
      triggerAt.set(trig.t0, prevDraft);
      continue;
    }
    let actors: ActorMention[] = [];
    let recipients: ActorMention[] = [];
    let rule = `events:${trig.rule.name}`;
    if (trig.rule.pos === 'noun') {
      const np = nounParticipants(tokens, ms, trig, se);
      if (np) { actors = np.actors; recipients = np.recipients; rule += '+np'; }
      else {
        // "The call came…", "condemned the operation": a definite noun refers back to an earlier event.
        const antecedent = isDefinite(tokens, trig, cs) ? antecedentOf(drafts, trig.rule) : undefined;
        if (antecedent) {
          const date = nearestDate(doc, times, trig, tokenAt, ss, se);
          if (!antecedent.date && date) { antecedent.date = date; antecedent.rule += '+date-from-reference'; }
          antecedent.nouns.push(headOf(trig.rule));
          triggerAt.set(trig.t0, antecedent);
          continue;
        }
        actors = expand(subjectBefore(tokens, ms, trig.t0, ss));
        recipients = expand(objectAfter(tokens, ms, trig.t1, se, actors));
        rule += '+clause';
        // "Trump’s efforts drew condemnation": the subject receives the act.
        let k = trig.t0 - 1;
        while (k > cs && !RECEIVING.has(lower(tokens[k])) && k > trig.t0 - 3) k--;
        if (RECEIVING.has(lower(tokens[k]))) { recipients = actors; actors = []; rule += '+received'; }
      }
    } else if (trig.rule.mode === 'reported-obligation') {
      // "X said (that) Y must Z": a demand by the speaker on Y. Without a speaker it is the author's voice, not an event.
      recipients = expand(subjectBefore(tokens, ms, trig.t0, ss));
      let inner = clauseStart(tokens, recipients[0]?.t0 ?? trig.t0, ss);
      // "said Iran must…" has no "that": the reporting verb opens the inner clause.
      for (let k = (recipients[0]?.t0 ?? trig.t0) - 1; k > inner; k--) if (REPORTING.has(lower(tokens[k]))) { inner = k + 1; break; }
      actors = inner > ss ? expand(subjectBefore(tokens, ms, inner - 1, ss)) : [];
      if (!actors.length || !recipients.length) continue;
      rule += '+speaker';
    } else if (isPassive(tokens, trig) && trig.rule.type !== 'MOBILIZE') {
      recipients = expand(subjectBefore(tokens, ms, trig.t0, ss));
      const ce = clauseEnd(tokens, trig.t1, se, true);
      let byAt = -1;
      for (let k = trig.t1 + 1; k <= ce; k++) if (lower(tokens[k]) === 'by') { byAt = k; break; }
      const by = byAt >= 0 ? ms.find((m) => m.t0 > byAt && m.t0 <= byAt + 4) : undefined;
      if (by) actors = expand(coordinated(tokens, by, ms, se));
      rule += '+passive';
    } else {
      actors = expand(subjectBefore(tokens, ms, trig.t0, ss));
      recipients = expand(objectAfter(tokens, ms, trig.t1, se, actors, THROUGH_THAT.has(trig.rule.type)));
    }
    const location = locationAfter(tokens, ms, trig, se);
    // "Hundreds of thousands of people blocked streets in Hong Kong": protesters come from where they protest.
    if (trig.rule.type === 'PROTEST' && !actors.length && location) { actors = [location]; rule += '+actor-from-location'; }
    // A place found as object only is where it happened; keep it as recipient too (PLOVER targets often are).
    const f = flags(tokens, trig, ss);
    // "asked Trump to continue assisting him", "urging him to grant clemency": the act is requested, not done.
    if (!f.hypothetical && prevDraft && prevDraft.trig.sentence === s && prevDraft.trig.rule.type === 'REQUEST' && requestedAct(tokens, prevDraft.trig, trig)) {
      f.hypothetical = true;
      rule += '+requested';
    }
    const d: Draft = {
      trig, actors, recipients, date: nearestDate(doc, times, trig, tokenAt, ss, se), location,
      negated: f.negated, hypothetical: f.hypothetical, threat: f.threat && THREAT_TYPES.has(trig.rule.type), rule, objectTrigger: null,
      nouns: trig.rule.pos === 'noun' ? [headOf(trig.rule)] : [],
    };
    // "condemned the operation": remember the object noun for a second pass.
    for (let k = trig.t1 + 1; k <= Math.min(trig.t1 + 4, se); k++) {
      if (lex.has(lower(tokens[k]))) { d.objectTrigger = k; break; }
      if (isBoundary(tokens[k]!)) break;
    }
    drafts.push(d);
    triggerAt.set(trig.t0, d);
  }
  for (const d of drafts) {
    if (d.recipients.length || d.objectTrigger === null) continue;
    const target = triggerAt.get(d.objectTrigger);
    if (target && target !== d && target.actors.length) {
      d.recipients = target.actors;
      d.rule += '+event-object';
    }
  }
  datesFromEvents(tokens, drafts, triggerAt, sentStart, sentEnd);
  for (const d of drafts) fillActorCountry(tokens, bySentence[d.trig.sentence] ?? [], d);
  return toRecords(doc, drafts);
}

const THREAT_WORDS = new Set(['will', 'would', "'ll", '’ll', 'unless', 'otherwise', 'retaliation', 'retaliate', 'consequences', 'reprisals',
  'response', 'force', 'war', 'action', 'measures']);

/** Whether a "warn" trigger carries a threat (see WARN_WITHOUT_THREAT): a consequence, a condition or a future act after it. */
function warningThreatens(tokens: readonly Token[], trig: Trigger, se: number): boolean {
  for (let k = trig.t1 + 1; k <= Math.min(se, trig.t1 + 12); k++) {
    const w = lower(tokens[k]);
    if (w === 'against') return false;
    if (THREAT_WORDS.has(w) || (w === 'or' && lower(tokens[k + 1]) === 'face')) return true;
  }
  return false;
}

const CLOSE_BY = new Set(['shortly', 'just', 'immediately', 'moments', 'minutes', 'hours', 'soon', 'right']);

/**
 * Dates that the text gives through another event rather than a time expression: "asked …
 * during a phone call" (the call's date), "praised al-Sharaa shortly before holding the call",
 * and the absolute "with"-clause ("The Monday phone call focused on Gaza, with Trump pressing
 * Netanyahu") that happens with its main clause. Plain "before"/"after" stay undated: they bound
 * the date without giving it.
 */
function datesFromEvents(
  tokens: readonly Token[], drafts: readonly Draft[], triggerAt: ReadonlyMap<number, Draft>, sentStart: readonly number[], sentEnd: readonly number[],
): void {
  const datedTriggerIn = (from: number, to: number, self: Draft): Draft | undefined => {
    for (let k = from; k <= to; k++) {
      const d = triggerAt.get(k);
      if (d && d !== self && d.date) return d;
    }
    return undefined;
  };
  for (const d of drafts) {
    if (d.date) continue;
    const s = d.trig.sentence;
    const ss = sentStart[s]!, se = sentEnd[s]!;
    // "during / shortly before / just after" + an event noun later in the sentence.
    for (let k = d.trig.t1 + 1; k <= se && !d.date; k++) {
      const w = lower(tokens[k]);
      const close = (w === 'before' || w === 'after') && CLOSE_BY.has(lower(tokens[k - 1]));
      if (w !== 'during' && !close) continue;
      const src = datedTriggerIn(k + 1, Math.min(k + 5, se), d);
      if (src) { d.date = src.date; d.rule += '+date-from-event'; }
    }
    // "During his visit to Israel in October, Trump called for…": a fronted during-phrase.
    if (!d.date && lower(tokens[ss]) === 'during') {
      const src = datedTriggerIn(ss + 1, Math.min(ss + 5, d.trig.t0 - 1), d);
      if (src) { d.date = src.date; d.rule += '+date-from-event'; }
    }
    if (d.date) continue;
    // ", with Trump pressing Netanyahu": the main clause's event gives the time.
    const subj = d.actors[0];
    if (ING_END.test(lower(tokens[d.trig.t0])) && subj && lower(tokens[subj.t0 - 1]) === 'with' && tokens[subj.t0 - 2]?.text === ',') {
      const src = datedTriggerIn(ss, subj.t0 - 3, d);
      if (src) { d.date = src.date; d.rule += '+date-from-main-clause'; }
    }
  }
}

/** The words before an active verb trigger that no mention covers: its subject noun phrase, as token indices. */
function bareSubject(tokens: readonly Token[], d: Draft): [number, number] | null {
  const trig = d.trig;
  if (trig.rule.pos !== 'verb' || d.rule.includes('+passive')) return null;
  let k = trig.t0 - 1;
  while (k >= 0 && tokens[k]!.sentence === trig.sentence && (AUX.has(lower(tokens[k])) || ADVERB_SKIP.has(lower(tokens[k])) || LY_END.test(lower(tokens[k])))) k--;
  const end = k;
  let start = end + 1;
  while (start - 1 >= 0 && end - start < 5 && tokens[start - 1]!.sentence === trig.sentence && tokens[start - 1]!.kind === 'word'
    && !isBoundary(tokens[start - 1]!) && !PREPOSITIONS.has(lower(tokens[start - 1])) && !REPORTING.has(lower(tokens[start - 1]))) start--;
  return start <= end && PLURAL_OR_CAPITAL.test(tokens[end]!.text) ? [start, end] : null;
}

/** "two senior American officials told Axios", "according to the officials": the source of the report, not an actor of it. */
function isReporter(tokens: readonly Token[], m: ActorMention): boolean {
  if (lower(tokens[m.t0 - 1]) === 'to' && lower(tokens[m.t0 - 2]) === 'according') return true;
  if (lower(tokens[m.t0 - 2]) === 'to' && lower(tokens[m.t0 - 3]) === 'according') return true;
  for (let k = m.t1 + 1; k <= m.t1 + 3 && tokens[k]?.sentence === tokens[m.t1]!.sentence; k++) {
    const w = lower(tokens[k]);
    if (REPORTING.has(w)) return true;
    // "relief officials in Nairobi said"
    if (!REPORTER_GAP.test(w) && !UPPER_INITIAL.test(tokens[k]!.text)) return false;
  }
  return false;
}

/** Types where an unplaced actor acting on a government is most likely from that government's country. */
const DOMESTIC_TYPES = new Set<PloverType>(['REQUEST', 'PROTEST', 'ACCUSE', 'REJECT', 'AGREE', 'SUPPORT', 'CONSULT']);
const STATE_SECTORS = new Set(['GOV', 'LEG', 'JUD', 'COP']);

/**
 * An actor the knowledge base cannot place ("Ibo traditional elders", "a member of the Syrian
 * parliament, Mohammed Mamoun", an unnamed bomber) takes the country the sentence is about, as
 * CAMEO and PLOVER coders do: where the event happened ("in Beirut"), else the first place,
 * country or organisation of the sentence that is not the recipient's, else, for demands,
 * protests and the like addressed to a government, that government's country. An actor-less
 * event gets that mention as its actor. The rule records the fallback.
 */
function fillActorCountry(tokens: readonly Token[], ms: readonly ActorMention[], d: Draft): void {
  if (d.actors.some((a) => a.country)) return;
  const recipientCountries = new Set(d.recipients.map((r) => r.country).filter((c): c is string => !!c));
  const actorSpans = new Set(d.actors.map((a) => a.start));
  let from: ActorMention | undefined;
  let how = '';
  if (d.location?.country && !recipientCountries.has(d.location.country)) { from = d.location; how = 'location'; }
  const recipientSpans = new Set(d.recipients.map((r) => r.start));
  const candidate = (m: ActorMention): boolean => {
    if (!m.country || m.person || m.form === 'pronoun' || m.country === 'NGO' || recipientSpans.has(m.start)) return false;
    if (m.sector === 'MED' || isReporter(tokens, m)) return false;
    // "interfering in Israel’s internal affairs": a possessor is not who acts.
    return actorSpans.has(m.start) || !POSSESSIVE_S.test(lower(tokens[m.t1 + 1]));
  };
  // Another country than the recipient's first; the recipient's own country next ("a member of the Syrian parliament … protest President Assad's failure").
  // Only for non-violent acts, and never the recipient itself under another name.
  const same = new Set(d.recipients.flatMap((r) => [r.entity ? `e:${r.entity}` : '', r.entry ? `k:${r.entry.id}` : '']));
  const isRecipient = (m: ActorMention): boolean => (!!m.entity && same.has(`e:${m.entity}`)) || (!!m.entry && same.has(`k:${m.entry.id}`));
  from ??= ms.find((m) => candidate(m) && !recipientCountries.has(m.country!))
    ?? (DOMESTIC_TYPES.has(d.trig.rule.type) ? ms.find((m) => candidate(m) && !isRecipient(m)) : undefined);
  if (from && !how) how = 'sentence';
  if (!from && DOMESTIC_TYPES.has(d.trig.rule.type) && !d.negated) {
    from = d.recipients.find((r) => r.country && !r.person && r.sector && STATE_SECTORS.has(r.sector));
    how = 'recipient-state';
  }
  if (!from?.country) return;
  const country = from.country;
  // The span is the unknown subject where the clause has one ("Ibo traditional elders have demanded"), else the mention that gave the country.
  const bare = d.actors.length ? null : bareSubject(tokens, d);
  const span = bare ? { ...from, start: tokens[bare[0]]!.start, end: tokens[bare[1]]!.end, t0: bare[0], t1: bare[1] } : from;
  d.actors = d.actors.length
    ? d.actors.map((a) => ({ ...a, country }))
    : [{ ...span, entity: null, sector: null, person: false, members: undefined, possessive: false }];
  d.rule += `+actor-country-from-${how}`;
}

function toRecords(doc: WorkingDoc, drafts: readonly Draft[]): EventRecord[] {
  const tokens = doc.tokens;
  const out: EventRecord[] = [];
  // The innermost attribution whose content holds the trigger.
  const contentAt = innermostContent(doc.attributions);
  const push = (d: Draft, type: PloverType, mode: string | null, context: string | null, rule: string, hypothetical: boolean): void => {
    const trigger = { start: tokens[d.trig.t0]!.start, end: tokens[d.trig.t1]!.end };
    out.push({
      id: `e${out.length + 1}`, type, mode, context, trigger,
      actor: d.actors.map(toActor), recipient: d.recipients.map(toActor),
      date: d.date?.id ?? null, location: d.location?.entity ?? null,
      attribution: contentAt({ start: trigger.start, end: trigger.start + 1 }), negated: d.negated, hypothetical, rule,
    });
  };
  for (const d of drafts) {
    push(d, d.trig.rule.type, d.trig.rule.mode, d.trig.rule.context, d.rule, d.hypothetical);
    if (d.threat && !d.negated) push(d, 'THREATEN', null, d.trig.rule.context, `events:threat-of-${d.trig.rule.name}`, false);
  }
  return out;
}

