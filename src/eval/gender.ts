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
