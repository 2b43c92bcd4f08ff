/**
 * Word classes from WordNet's lexicographer files ("supersenses": verb.communication,
 * verb.cognition, noun.person, noun.group…). A linear model sees "said" and "told" as unrelated
 * strings; the class lets a verb it met rarely in training ("denounced", "outlined") borrow the
 * weight of its class. The table is built once from the WordNet files by
 * {@link buildSupersenseTable} and shipped as data; lookups lemmatise with WordNet's own
 * exception lists and detachment rules, so no I/O happens at run time.
 */

/** Lexicographer file numbers of WordNet 3.0 (`lexnames`), by name. */
export const LEXFILES = [
  'adj.all', 'adj.pert', 'adv.all', 'noun.Tops', 'noun.act', 'noun.animal', 'noun.artifact', 'noun.attribute',
  'noun.body', 'noun.cognition', 'noun.communication', 'noun.event', 'noun.feeling', 'noun.food', 'noun.group',
  'noun.location', 'noun.motive', 'noun.object', 'noun.person', 'noun.phenomenon', 'noun.plant', 'noun.possession',
  'noun.process', 'noun.quantity', 'noun.relation', 'noun.shape', 'noun.state', 'noun.substance', 'noun.time',
  'verb.body', 'verb.change', 'verb.cognition', 'verb.communication', 'verb.competition', 'verb.consumption',
  'verb.contact', 'verb.creation', 'verb.emotion', 'verb.motion', 'verb.perception', 'verb.possession',
  'verb.social', 'verb.stative', 'verb.weather', 'adj.ppl',
] as const;

/** How many of a lemma's senses (most frequent first) contribute to its class set. */
export const SENSES_IN_SET = 3;

/**
 * Lemmas in code-unit order, space-separated, and each lemma's code: `codes` holds the distinct
 * codes, `index` two {@link DIGITS} per lemma pointing into it. A code is `first + 64 * set`,
 * where `first` is the lexicographer file of the lemma's most frequent sense and bit `k` of `set`
 * is set when one of its first {@link SENSES_IN_SET} senses lies in file `k` (numbered from the
 * POS's first file: 29 for verbs, 3 for nouns). Sorted words are searched in place, so loading
 * builds no map of 66,000 entries and parses no array of that size.
 */
export interface SortedLemmas {
  words: string;
  codes: number[];
  index: string;
}

/** Digits of {@link SortedLemmas.index}, base 64 (no quote or backslash, so JSON keeps them as they are). */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
const DIGIT_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < DIGITS.length; i++) DIGIT_VALUE[DIGITS.charCodeAt(i)] = i;

/** Serialised table. `verbExc` / `nounExc` map irregular forms to lemmas ("said" → "say"). */
export interface SupersenseTableJson {
  format: 'hearsay-supersenses/2';
  source: string;
  verb: SortedLemmas;
  noun: SortedLemmas;
  verbExc: Record<string, string>;
  nounExc: Record<string, string>;
}

/** A word's class: its most frequent sense's lexicographer file and the set over its first senses. */
export interface Supersense {
  /** Lexicographer file number (index into {@link LEXFILES}). */
  first: number;
  /** Bit `k`: one of the first senses is in file `base + k` (`base` 29 for verbs, 3 for nouns). */
  set: number;
}

const VERB_BASE = 29;
const NOUN_BASE = 3;

/** Whether a lexicographer file number is a verb file (verb.body … verb.weather). */
export function isVerbClass(first: number): boolean {
  return first >= VERB_BASE && first <= 43;
}
const VERB_RULES: readonly [string, string][] = [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']];
const NOUN_RULES: readonly [string, string][] = [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']];

/** Binary search over {@link SortedLemmas}; word offsets are found on the first lookup. */
class LemmaIndex {
  private starts: Int32Array | null = null;

  constructor(private readonly lemmas: SortedLemmas) {}

  /** Code of a lemma, or -1. */
  get(w: string): number {
    const words = this.lemmas.words;
    const count = this.lemmas.index.length >> 1;
    const starts = (this.starts ??= wordStarts(words, count));
    let lo = 0;
    let hi = count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const x = words.slice(starts[mid]!, starts[mid + 1]! - 1);
      if (x === w) {
        const ix = this.lemmas.index;
        return this.lemmas.codes[DIGIT_VALUE[ix.charCodeAt(2 * mid)]! * 64 + DIGIT_VALUE[ix.charCodeAt(2 * mid + 1)]!]!;
      }
      if (x < w) lo = mid + 1; else hi = mid - 1;
    }
    return -1;
  }
}

/** Start offset of each space-separated word, plus one past the end (as if a space followed the last). */
function wordStarts(words: string, count: number): Int32Array {
  const out = new Int32Array(count + 1);
  let k = 1;
  for (let i = 0; i < words.length; i++) if (words.charCodeAt(i) === 32) out[k++] = i + 1;
  out[count] = words.length + 1;
  return out;
}

/** A loaded supersense table. */
export class SupersenseTable {
  private readonly verbs: LemmaIndex;
  private readonly nouns: LemmaIndex;
  private readonly verbExc: Map<string, string>;
  private readonly nounExc: Map<string, string>;
  private readonly cacheV = new Map<string, number>();
  private readonly cacheN = new Map<string, number>();

  private constructor(json: SupersenseTableJson) {
    if (json.format !== 'hearsay-supersenses/2') throw new Error(`unsupported supersense table format "${String(json.format)}"`);
    this.verbs = new LemmaIndex(json.verb);
    this.nouns = new LemmaIndex(json.noun);
    this.verbExc = new Map(Object.entries(json.verbExc));
    this.nounExc = new Map(Object.entries(json.nounExc));
  }

  /** Loads a table written by {@link buildSupersenseTable}. */
  static fromJSON(json: SupersenseTableJson): SupersenseTable {
    return new SupersenseTable(json);
  }

  /** Class of a verb form (lower-cased: "said", "denounces"), or null where WordNet has no such verb. */
  verb(lower: string): Supersense | null {
    return decode(this.lookup(lower, this.verbs, this.verbExc, VERB_RULES, this.cacheV));
  }

  /** Class of a noun form (lower-cased: "officials", "spokeswoman"), or null where WordNet has no such noun. */
  noun(lower: string): Supersense | null {
    return decode(this.lookup(lower, this.nouns, this.nounExc, NOUN_RULES, this.cacheN));
  }

  /** Raw code of a form (-1 where unknown), memoised: feature extraction asks for the same words again and again. */
  private lookup(w: string, table: LemmaIndex, exc: Map<string, string>, rules: readonly [string, string][], cache: Map<string, number>): number {
    const hit = cache.get(w);
    if (hit !== undefined) return hit;
    let code = table.get(w);
    if (code < 0) {
      const e = exc.get(w);
      if (e !== undefined) code = table.get(e);
    }
    for (let r = 0; code < 0 && r < rules.length; r++) {
      const [suffix, repl] = rules[r]!;
      if (w.length > suffix.length + 1 && w.endsWith(suffix)) code = table.get(w.slice(0, w.length - suffix.length) + repl);
    }
    if (code < 0 && rules === VERB_RULES) {
      const base = undoubled(w);
      if (base !== null) code = table.get(base);
    }
    if (cache.size < 50_000) cache.set(w, code);
    return code;
  }
}

/** A verb form with a doubled final consonant, undoubled: "submitted" → "submit", "planning" → "plan". */
function undoubled(w: string): string | null {
  const m = /^(.*([b-df-hj-np-tv-z]))\2(?:ed|ing)$/.exec(w);
  return m ? m[1]! : null;
}

function decode(code: number): Supersense | null {
  return code < 0 ? null : { first: code % 64, set: Math.floor(code / 64) };
}

/** The WordNet files the table is built from (their text). */
export interface WordNetFiles {
  indexVerb: string;
  dataVerb: string;
  indexNoun: string;
  dataNoun: string;
}

/** Irregular forms and their lemmas, per part of speech ("said" → "say", "children" → "child"). */
interface LemmaExceptions {
  verb: Record<string, string>;
  noun: Record<string, string>;
}

/** Lexicographer file of each synset offset in a `data.*` file. */
function lexfileByOffset(data: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const line of data.split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const sp1 = line.indexOf(' ');
    const sp2 = line.indexOf(' ', sp1 + 1);
    out.set(Number(line.slice(0, sp1)), Number(line.slice(sp1 + 1, sp2)));
  }
  return out;
}

function table(index: string, data: string, base: number): Map<string, number> {
  const lex = lexfileByOffset(data);
  const out = new Map<string, number>();
  for (const line of index.split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(/\s+/);
    const lemma = f[0]!;
    // Multi-word lemmas ("call_for") never match one token.
    if (lemma.includes('_')) continue;
    const synsets = Number(f[2]);
    const files = f.slice(f.length - synsets).map((o) => lex.get(Number(o)) ?? -1).filter((x) => x >= 0);
    if (!files.length) continue;
    let set = 0;
    for (const x of files.slice(0, SENSES_IN_SET)) set |= 1 << (x - base);
    out.set(lemma, files[0]! + 64 * set);
  }
  return out;
}

function sortedLemmas(codes: Map<string, number>): SortedLemmas {
  const lemmas = [...codes.keys()].sort();
  const distinct = [...new Set(codes.values())].sort((a, b) => a - b);
  if (distinct.length > 64 * 64) throw new Error('supersense table: more distinct codes than two digits hold');
  const at = new Map(distinct.map((c, i) => [c, i]));
  const index = lemmas.map((l) => { const i = at.get(codes.get(l)!)!; return DIGITS[i >> 6]! + DIGITS[i & 63]!; }).join('');
  return { words: lemmas.join(' '), codes: distinct, index };
}

/** Whether the detachment rules already turn `form` into `lemma`. */
function regular(form: string, lemma: string, rules: readonly [string, string][]): boolean {
  return form === lemma || rules.some(([suffix, repl]) => form.endsWith(suffix) && form.slice(0, form.length - suffix.length) + repl === lemma)
    || (rules === VERB_RULES && undoubled(form) === lemma);
}

/**
 * Irregular forms from a lemmatised CoNLL-U treebank (UD EWT): verb and noun forms whose lemma
 * the detachment rules would not find, where the lemma is in WordNet and the form is not.
 */
function lemmaExceptions(conllu: string, verbs: Map<string, number>, nouns: Map<string, number>): LemmaExceptions {
  const verb = new Map<string, string>();
  const noun = new Map<string, string>();
  for (const line of conllu.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const cols = line.split('\t');
    if (cols.length < 4 || !/^\d+$/.test(cols[0]!)) continue;
    const form = cols[1]!.toLowerCase();
    const lemma = cols[2]!.toLowerCase();
    const upos = cols[3]!;
    if (upos === 'VERB' || upos === 'AUX') {
      if (!regular(form, lemma, VERB_RULES) && verbs.has(lemma) && !verbs.has(form) && !verb.has(form)) verb.set(form, lemma);
    } else if (upos === 'NOUN') {
      if (!regular(form, lemma, NOUN_RULES) && nouns.has(lemma) && !nouns.has(form) && !noun.has(form)) noun.set(form, lemma);
    }
  }
  const sorted = (m: Map<string, string>) => Object.fromEntries([...m].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)));
  return { verb: sorted(verb), noun: sorted(noun) };
}

/**
 * Builds the table from WordNet's index and data files and a lemmatised treebank (`conllu`, for
 * the irregular forms). Deterministic: keys and lemmas are sorted.
 */
export function buildSupersenseTable(files: WordNetFiles, conllu: string, source: string): SupersenseTableJson {
  const verbs = table(files.indexVerb, files.dataVerb, VERB_BASE);
  const nouns = table(files.indexNoun, files.dataNoun, NOUN_BASE);
  const exceptions = lemmaExceptions(conllu, verbs, nouns);
  return { format: 'hearsay-supersenses/2', source, verb: sortedLemmas(verbs), noun: sortedLemmas(nouns), verbExc: exceptions.verb, nounExc: exceptions.noun };
}

/** Class codes for pronouns and proper nouns, which WordNet does not cover ("he" is not helium). */
export const PRONOUN_CLASS = 100;
export const PROPER_CLASS = 101;

/**
 * Per token: the class of its most frequent sense (verb class for verbs, noun class for common
 * nouns; {@link PRONOUN_CLASS} / {@link PROPER_CLASS}; -1 for anything else) and the class set.
 * `lower` holds the tokens' lower-cased texts.
 */
export function tokenClasses(table: SupersenseTable, tokens: readonly { kind: string; pos?: string | undefined }[], lower: readonly string[]): { first: Int16Array; set: Int32Array } {
  const n = tokens.length;
  const first = new Int16Array(n).fill(-1);
  const set = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word') continue;
    const p = t.pos ?? '';
    if (p === 'PRP') { first[i] = PRONOUN_CLASS; continue; }
    if (p === 'NNP' || p === 'NNPS') { first[i] = PROPER_CLASS; continue; }
    const x = p.startsWith('VB') ? table.verb(lower[i]!) : p.startsWith('NN') ? table.noun(lower[i]!) : null;
    if (x) { first[i] = x.first; set[i] = x.set; }
  }
  return { first, set };
}
