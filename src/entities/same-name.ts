/**
 * Person names compared across documents, where no entity id is shared: "Trump" in a story that
 * never gives the full name, "Loretta E. Lynch" in one and "Loretta Lynch" in another.
 */
import { genderOfName } from './state.js';

/** Words a comparison ignores: honorifics and titles. */
const IGNORED = new Set(['the', 'mr', 'mrs', 'ms', 'miss', 'dr', 'sen', 'senator', 'rep', 'gov', 'governor', 'president']);
/** Generational suffixes: "Donald Trump Jr." is not Donald Trump. */
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
/** Words, hyphenated ones kept whole ("ruiz-lopez"). */
const WORD = /[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*/gu;

/** A person name as compared: its words in lower case without titles, and its suffix apart. */
interface NameParts {
  words: string[];
  suffix: string | null;
}

function parts(name: string): NameParts {
  const all = [...name.toLowerCase().matchAll(WORD)].map((m) => m[0]).filter((w) => !IGNORED.has(w));
  const suffix = all.length > 1 && SUFFIXES.has(all[all.length - 1]!) ? all.pop()! : null;
  return { words: all, suffix };
}

/** A person name's words as compared: lower case, titles and a generational suffix left out. */
export function personNameWords(name: string): string[] {
  return parts(name).words;
}

/** The keys a lone word may match a full name by: its last name (and each part of a hyphenated one), and its first word. */
function keysOf(words: readonly string[]): string[] {
  const last = words[words.length - 1]!;
  return [...new Set([last, ...last.split('-'), words[0]!])];
}

/**
 * True where two names can be one person: the same words; a lone word against a full name that
 * ends in it, in it as part of a hyphenated surname ("Ruiz", "Ana Ruiz-Lopez"), or starts with it
 * as surname-first names do ("Xi", "Xi Jinping"); or the same first and last names, a middle name
 * aside ("Loretta E. Lynch", "Loretta Lynch"). Generational suffixes must agree ("Donald Trump
 * Jr." is not Donald Trump), except between two names that both give a middle name ("James B.
 * Comey Jr.", "James B. Comey").
 */
export function samePersonName(a: string, b: string): boolean {
  const x = parts(a);
  const y = parts(b);
  if (!x.words.length || !y.words.length) return a === b;
  if (x.words.length === 1 || y.words.length === 1) {
    const [one, full] = x.words.length === 1 ? [x.words[0]!, y.words] : [y.words[0]!, x.words];
    return full.length === 1 ? one === full[0] : keysOf(full).includes(one);
  }
  if (x.suffix !== y.suffix && (x.suffix && y.suffix ? true : x.words.length < 3 || y.words.length < 3)) return false;
  if (x.words.join(' ') === y.words.join(' ')) return true;
  // An initial could be either of two people ("J.J. Goldberg", "Jonah Goldberg"), so first names must match.
  return x.words[x.words.length - 1] === y.words[y.words.length - 1] && x.words[0] === y.words[0];
}

/** Lower-case words a name may hold ("Beto de la Cruz"); any other marks a description ("the defense secretary"). */
const PARTICLES = new Set(['de', 'del', 'della', 'der', 'di', 'da', 'do', 'dos', 'du', 'la', 'le', 'van', 'von', 'bin', 'ibn', 'al', 'el', 'y']);

/** True where a name looks like a person's name: every word capitalised, bar particles. */
function looksLikeName(name: string): boolean {
  const words = name.split(/\s+/).filter(Boolean);
  return words.length > 0 && words.every((w) => /^\p{Lu}/u.test(w) || PARTICLES.has(w));
}

/** A name in capitals ("JOEL BENENSON", a transcript label) is the last choice to count a group under. */
const shouting = (name: string): number => (name === name.toUpperCase() && /\p{Lu}{2}/u.test(name) ? 1 : 0);

/**
 * Which of a set of person names stand for one person, as a map from each name to the name its
 * group is counted under (the fullest, then the most counted). Full names join where
 * {@link samePersonName} holds; a lone word joins the full names it can stand for only where
 * they are one person ("King" stays apart beside "Steve King" and "Larry King") and it is no
 * first name ("David" is not Larry David). Descriptions ("the attorney general") are left alone.
 */
export function groupPersonNames(names: readonly { name: string; weight: number }[]): Map<string, string> {
  const out = new Map<string, string>();
  const full: { name: string; weight: number; words: string[] }[] = [];
  const lone: string[] = [];
  for (const n of names) {
    const words = personNameWords(n.name);
    if (!words.length || !looksLikeName(n.name)) out.set(n.name, n.name);
    else if (words.length === 1) lone.push(n.name);
    else full.push({ ...n, words });
  }
  full.sort((p, q) => q.words.length - p.words.length || shouting(p.name) - shouting(q.name) || q.weight - p.weight || (p.name < q.name ? -1 : p.name > q.name ? 1 : 0));
  // Full names join the first group (fullest first) they can be one with; groups are looked up by last name.
  const byLast = new Map<string, string[]>();
  const byKey = new Map<string, Set<string>>();
  for (const n of full) {
    const last = n.words[n.words.length - 1]!;
    const groups = byLast.get(last) ?? [];
    const into = groups.find((g) => samePersonName(g, n.name));
    if (into) { out.set(n.name, into); continue; }
    groups.push(n.name);
    byLast.set(last, groups);
    out.set(n.name, n.name);
    for (const k of keysOf(n.words)) {
      let set = byKey.get(k);
      if (!set) byKey.set(k, (set = new Set()));
      set.add(n.name);
    }
  }
  for (const s of lone) {
    const word = personNameWords(s)[0]!;
    const groups = byKey.get(word);
    out.set(s, groups?.size === 1 && !genderOfName(word) ? [...groups][0]! : s);
  }
  return out;
}
