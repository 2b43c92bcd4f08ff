import type { KbEntry, KbIndex } from '../kb/index.js';
import { tokenize } from '../text/tokenize.js';

// Regex literals live at module level: one in a function body allocates a new RegExp per call.
const NON_LETTERS = /[^\p{L}]/gu;
const UPPER_INITIAL = /^\p{Lu}/u;

/** One name form of a KB entry as a token sequence. */
interface KbForm {
  lower: readonly string[];
  /** Per-token case rule: exact (acronyms, numbers), cap (must be capitalised), low (as written). */
  cases: readonly ('exact' | 'cap' | 'low')[];
  orig: readonly string[];
  entry: KbEntry;
}

/** A knowledge base compiled for token-level matching; built once per {@link KbIndex}. */
export interface CompiledKb {
  kb: KbIndex;
  /** Name forms keyed by their lower-cased first token, longest first. */
  forms: Map<string, KbForm[]>;
  /** Demonym (case as written in the KB) → country entry. */
  demonyms: Map<string, KbEntry>;
  /** Lower-cased capital city → country entry. */
  capitals: Map<string, KbEntry>;
  /** Lower-cased title → entries holding it at some time. */
  titleHolders: Map<string, KbEntry[]>;
  /** Country code → the KB country entry (an entry with demonyms or a capital). */
  countries: Map<string, KbEntry>;
}

const cache = new WeakMap<KbIndex, CompiledKb>();

const caseOf = (tok: string): 'exact' | 'cap' | 'low' => {
  const letters = tok.replace(NON_LETTERS, '');
  if (letters.length === 0 || (letters.length >= 2 && letters === letters.toUpperCase())) return 'exact';
  return UPPER_INITIAL.test(tok) ? 'cap' : 'low';
};

/** Whether an entry is a country (has demonyms or a capital), so it can act as a government. */
export function isCountry(e: KbEntry): boolean {
  return e.type === 'location' && (Boolean(e.demonyms?.length) || Boolean(e.capital));
}

/** Compiles (and caches) a KB index for token matching. */
export function compileKb(kb: KbIndex): CompiledKb {
  const hit = cache.get(kb);
  if (hit) return hit;
  const forms = new Map<string, KbForm[]>();
  const demonyms = new Map<string, KbEntry>();
  const capitals = new Map<string, KbEntry>();
  const titleHolders = new Map<string, KbEntry[]>();
  const countries = new Map<string, KbEntry>();
  for (const e of kb.entries) {
    const seen = new Set<string>();
    for (const n of [e.name, ...(e.aliases ?? [])]) {
      const toks = tokenize(n).map((t) => t.text);
      if (toks.length === 0) continue;
      const lower = toks.map((t) => t.toLowerCase());
      const key = lower.join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      const form: KbForm = { lower, cases: toks.map(caseOf), orig: toks, entry: e };
      const list = forms.get(lower[0]!) ?? [];
      list.push(form);
      forms.set(lower[0]!, list);
    }
    for (const d of e.demonyms ?? []) demonyms.set(d, e);
    if (e.capital) capitals.set(e.capital.toLowerCase(), e);
    if (isCountry(e) && e.country) countries.set(e.country, e);
    for (const r of e.roles ?? []) {
      const list = titleHolders.get(r.title) ?? [];
      if (!list.includes(e)) list.push(e);
      titleHolders.set(r.title, list);
    }
  }
  // Earlier entries win ties so the built-in order (countries first) is stable; longest first.
  for (const list of forms.values()) list.sort((a, b) => b.lower.length - a.lower.length);
  const out: CompiledKb = { kb, forms, demonyms, capitals, titleHolders, countries };
  cache.set(kb, out);
  return out;
}

/** A KB match over tokens `[start, end)`. */
export interface KbMatch {
  start: number;
  end: number;
  entry: KbEntry;
}

/**
 * The longest KB name form starting at token `i`, honouring case: acronyms match exactly
 * ("US" but not "us"), capitalised words need a capital, lower-case words may be capitalised only
 * at the start of the form ("The Axios news site").
 */
export function matchKbAt(
  ckb: CompiledKb,
  texts: readonly string[],
  lowers: readonly string[],
  sentence: ArrayLike<number>,
  i: number,
): KbMatch | null {
  const list = ckb.forms.get(lowers[i]!);
  if (!list) return null;
  outer: for (const f of list) {
    const n = f.lower.length;
    if (i + n > lowers.length) continue;
    for (let k = 0; k < n; k++) {
      const j = i + k;
      if (lowers[j] !== f.lower[k]) continue outer;
      if (sentence[j] !== sentence[i]) continue outer;
      const c = f.cases[k];
      const t = texts[j]!;
      if (c === 'exact' && t !== f.orig[k]) continue outer;
      if (c === 'cap' && !UPPER_INITIAL.test(t)) continue outer;
      if (c === 'low' && k > 0 && t !== f.orig[k]) continue outer;
    }
    return { start: i, end: i + n, entry: f.entry };
  }
  return null;
}
