/**
 * Person genders against CoreNLP's silver coreference chains: a chain's gender is what its
 * pronouns say (he / him / his / himself against she / her / hers / herself, one side at least two
 * to one), and a hearsay person is scored against the chains that hold one of its names. Persons
 * whose chains say nothing are not scored. The chains are a system's output, so this is agreement,
 * and for the pronoun rule it is close to agreement between two coreference systems; the title and
 * first-name rules are checked against evidence they do not read.
 */
import type { Gender, Span } from '../core/types.js';
import { PRONOUNS } from '../entities/lexicon.js';
import type { SilverMention } from './sources.js';

/** One article: its text, silver chains, and hearsay's persons (their name mentions and gender). */
export interface GenderArticle {
  text: string;
  chains: readonly (readonly SilverMention[])[];
  persons: readonly { names: readonly Span[]; gender: Gender | null }[];
}

/** Agreement of one rule (or all) with the silver chains. */
export interface GenderRow {
  /** Persons given a gender by the rule whose chains say one. */
  scored: number;
  /** Of those, the same gender. */
  agree: number;
  accuracy: number;
}

/** What {@link scoreGender} measures. */
export interface GenderScores {
  /** Persons whose silver chains say a gender. */
  silver: number;
  /** Of those, persons hearsay gives a gender (any rule). */
  covered: number;
  all: GenderRow;
  byRule: Record<string, GenderRow>;
}

/** The gender a chain's pronouns say, or null. */
function chainGender(text: string, chain: readonly SilverMention[]): { m: number; f: number } {
  let m = 0;
  let f = 0;
  for (const x of chain) {
    const g = PRONOUNS.get(text.slice(x.start, x.end).toLowerCase())?.gender;
    if (g === 'm') m++;
    else if (g === 'f') f++;
  }
  return { m, f };
}

/** Scores hearsay's person genders against the silver chains (see the module documentation). */
export function scoreGender(articles: readonly GenderArticle[]): GenderScores {
  let silver = 0;
  let covered = 0;
  const rows = new Map<string, [number, number]>();
  const all: [number, number] = [0, 0];
  for (const a of articles) {
    for (const p of a.persons) {
      let m = 0;
      let f = 0;
      for (const chain of a.chains) {
        if (!chain.some((x) => p.names.some((n) => n.start <= x.head.start && x.head.end <= n.end))) continue;
        const c = chainGender(a.text, chain);
        m += c.m;
        f += c.f;
      }
      const truth = m >= 1 && m >= 2 * f ? 'male' : f >= 1 && f >= 2 * m ? 'female' : null;
      if (!truth) continue;
      silver++;
      if (!p.gender) continue;
      covered++;
      const row = rows.get(p.gender.rule) ?? [0, 0];
      const ok = p.gender.value === truth ? 1 : 0;
      row[0]++; row[1] += ok;
      all[0]++; all[1] += ok;
      rows.set(p.gender.rule, row);
    }
  }
  const row = ([scored, agree]: [number, number]): GenderRow => ({ scored, agree, accuracy: scored ? agree / scored : 0 });
  return { silver, covered, all: row(all), byRule: Object.fromEntries([...rows].sort().map(([k, v]) => [k, row(v)])) };
}

/** The scores as text. */
export function formatGenderScores(s: GenderScores): string {
  const f = (x: number) => (100 * x).toFixed(1).padStart(5);
  const lines = [`gender: ${s.silver} persons whose silver chains' pronouns say a gender; hearsay gives ${s.covered} of them one (${f(s.silver ? s.covered / s.silver : 0)} %)`,
    'rule                          agree %   (agree / scored)'];
  for (const [rule, r] of [...Object.entries(s.byRule), ['all', s.all] as const]) lines.push(`${rule.padEnd(29)} ${f(r.accuracy)}     (${r.agree} / ${r.scored})`);
  return `${lines.join('\n')}\n`;
}

/** A person of a hand-annotated story and the gender its text states. */
export interface GoldPerson {
  name: string;
  gender: 'female' | 'male' | 'unstated';
  evidence?: string;
  note?: string;
}

/** Hand-annotated persons per story (file stem → persons). */
export interface GenderGold {
  guidelines: string;
  stories: Record<string, GoldPerson[]>;
}

/** Against hand-annotated gold: persons found and how their genders fare (see {@link scoreGenderGold}). */
export interface GenderGoldScores {
  stories: number;
  /** Gold persons whose text states a gender, and of those found as hearsay persons. */
  stated: number;
  found: number;
  /** Of the found: given the right gender, the wrong one, or none (by the text's rules; first-name guesses apart). */
  right: number;
  wrong: number;
  none: number;
  /** First-name guesses on found persons whose text states a gender: right and wrong. */
  guessRight: number;
  guessWrong: number;
  /** Gold persons whose text states none, found, given a gender by a title or pronoun rule (a false reading of the text). */
  unstatedGiven: number;
  /** Of those whose text states none, found. */
  unstatedFound: number;
  /** Right / (right + wrong) over title and pronoun readings. */
  precision: number;
  /** Right / found stated persons, by title and pronoun readings. */
  recall: number;
  /** Every disagreement, for reading. */
  errors: string[];
}

const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N} ]+/gu, '').replace(/\s+/g, ' ').trim();

/**
 * Scores hearsay's person genders against hand-annotated stories. A gold person is found when a
 * hearsay person's name equals it, or shares its last word with no other gold person of the
 * story doing so. First-name guesses are scored apart: the gold records what the text states.
 */
export function scoreGenderGold(gold: GenderGold, persons: ReadonlyMap<string, readonly { name: string; gender: Gender | null }[]>): GenderGoldScores {
  const s: GenderGoldScores = { stories: 0, stated: 0, found: 0, right: 0, wrong: 0, none: 0, guessRight: 0, guessWrong: 0, unstatedGiven: 0, unstatedFound: 0, precision: 0, recall: 0, errors: [] };
  for (const [story, people] of Object.entries(gold.stories)) {
    s.stories++;
    const ours = persons.get(story) ?? [];
    const last = (n: string) => norm(n).split(' ').at(-1) ?? '';
    for (const g of people) {
      const exact = ours.find((p) => norm(p.name) === norm(g.name));
      const sameLast = people.filter((x) => last(x.name) === last(g.name)).length === 1 ? ours.filter((p) => last(p.name) === last(g.name)) : [];
      const p = exact ?? (sameLast.length === 1 ? sameLast[0] : undefined);
      const textual = p?.gender && p.gender.rule !== 'entities:gender-first-name' ? p.gender : null;
      if (g.gender === 'unstated') {
        if (!p) continue;
        s.unstatedFound++;
        if (textual) { s.unstatedGiven++; s.errors.push(`${story}: ${g.name}: unstated, read ${textual.value} (${textual.rule})`); }
        continue;
      }
      s.stated++;
      if (!p) { s.errors.push(`${story}: ${g.name}: ${g.gender}, not found as a person`); continue; }
      s.found++;
      if (!textual) {
        s.none++;
        if (p.gender) { if (p.gender.value === g.gender) s.guessRight++; else { s.guessWrong++; s.errors.push(`${story}: ${g.name}: ${g.gender}, guessed ${p.gender.value} from the first name`); } }
        else s.errors.push(`${story}: ${g.name}: ${g.gender}, none read`);
        continue;
      }
      if (textual.value === g.gender) s.right++;
      else { s.wrong++; s.errors.push(`${story}: ${g.name}: ${g.gender}, read ${textual.value} (${textual.rule})`); }
    }
  }
  s.precision = s.right + s.wrong ? s.right / (s.right + s.wrong) : 0;
  s.recall = s.found ? s.right / s.found : 0;
  return s;
}

/** {@link scoreGenderGold}'s scores as text. */
export function formatGenderGold(s: GenderGoldScores): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  return [
    `stories: ${s.stories}; persons whose text states a gender: ${s.stated}, found as persons: ${s.found}`,
    `read from the text (titles, pronouns): right ${s.right}, wrong ${s.wrong}, none ${s.none}; precision ${pct(s.precision)}, recall ${pct(s.recall)}`,
    `first-name guesses where the text read nothing: right ${s.guessRight}, wrong ${s.guessWrong}`,
    `persons whose text states none, found: ${s.unstatedFound}; given a gender by a title or pronoun: ${s.unstatedGiven}`,
    ...s.errors.map((e) => `  ${e}`),
  ].join('\n') + '\n';
}
