/**
 * Person names compared across documents, where no entity id is shared: "Trump" in a story that
 * never gives the full name, "Loretta E. Lynch" in one and "Loretta Lynch" in another.
 */

import { genderOfName } from './state.js';

/** Words a comparison ignores: honorifics, titles and suffixes. */
const IGNORED = new Set(['the', 'mr', 'mrs', 'ms', 'miss', 'dr', 'sen', 'senator', 'rep', 'gov', 'governor', 'president', 'jr', 'sr', 'ii', 'iii', 'iv']);
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** A person name's words as compared: lower case, titles and suffixes left out. */
export function personNameWords(name: string): string[] {
  return [...name.toLowerCase().matchAll(WORD)].map((m) => m[0]).filter((w) => !IGNORED.has(w));
}

/**
 * True where two names can be one person: the same words, a surname alone against a full name
 * ending in it ("Trump", "Donald Trump"), or the same last name with the same first name or its
 * initial, a middle name aside ("Loretta E. Lynch", "Loretta Lynch"; "A. Ruiz", "Ana Ruiz").
 */
export function samePersonName(a: string, b: string): boolean {
  const x = personNameWords(a);
  const y = personNameWords(b);
  if (!x.length || !y.length) return a === b;
  if (x.join(' ') === y.join(' ')) return true;
  if (x[x.length - 1] !== y[y.length - 1]) return false;
  if (x.length === 1 || y.length === 1) return true;
  // An initial could be either of two people ("J.J. Goldberg", "Jonah Goldberg"), so first names must match.
  return x[0] === y[0];
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
 * {@link samePersonName} holds; a surname alone joins the full names ending in it only where they
 * are one person ("King" stays apart beside "Steve King" and "Larry King") and it is no first
 * name. Descriptions ("the attorney general") are left alone.
 */
export function groupPersonNames(names: readonly { name: string; weight: number }[]): Map<string, string> {
  const out = new Map<string, string>();
  const byLast = new Map<string, { name: string; weight: number; words: string[] }[]>();
  for (const n of names) {
    const words = personNameWords(n.name);
    if (!words.length || !looksLikeName(n.name)) { out.set(n.name, n.name); continue; }
    const last = words[words.length - 1]!;
    let list = byLast.get(last);
    if (!list) byLast.set(last, (list = []));
    list.push({ ...n, words });
  }
  for (const list of byLast.values()) {
    list.sort((p, q) => q.words.length - p.words.length || shouting(p.name) - shouting(q.name) || q.weight - p.weight || (p.name < q.name ? -1 : p.name > q.name ? 1 : 0));
    const groups: string[] = [];
    const singles: string[] = [];
    for (const n of list) {
      if (n.words.length === 1) { singles.push(n.name); continue; }
      const into = groups.find((g) => samePersonName(g, n.name));
      if (into) out.set(n.name, into);
      else { groups.push(n.name); out.set(n.name, n.name); }
    }
    const only = groups.length === 1 ? groups[0]! : null;
    // Surnames alone, with no full name or with several people of that name, are counted apart,
    // and so is a first name alone ("David" is not "Larry David").
    for (const s of singles) out.set(s, (!genderOfName(personNameWords(s)[0]) && only) || s);
  }
  return out;
}
