/**
 * What the text says about a person's gender, for counts such as "share of quotes from women"
 * (the Gender Gap Tracker's measure). Read from the finished entity layer: the titles and role
 * nouns in the person's mentions, the pronouns resolved to them, and only where the text says
 * nothing, the first name. Each reading keeps its rule and the span it rests on, so a user can
 * keep the textual evidence and drop the first-name guesses.
 */
import { defineStage } from '../core/pipeline.js';
import { registerRules } from '../core/rules.js';
import type { Entity, Gender, Span } from '../core/types.js';
import type { WorkingDoc } from '../core/working-doc.js';
import { readsAsEnglish } from '../text/language.js';
import { FEMALE_TITLES, MALE_TITLES, PRONOUNS } from './lexicon.js';
import { genderOfName } from './state.js';

registerRules('entities', [
  { name: 'gender-title', reason: 'a gendered title or role noun opens or ends a mention of the person, stands just before it, or in an appositive beside it', example: 'Ms. Ruiz said; the congresswoman said; Ana Ruiz, a spokeswoman for the port' },
  { name: 'gender-pronoun', reason: 'the pronouns resolved to the person are of one gender, or of one at least two to one, and there is a subject pronoun or two pronouns', example: 'Ana Ruiz arrived late. She said …' },
  { name: 'gender-first-name', reason: 'a guess where the text says nothing (or only pronouns of the other gender, which the resolver gave wrongly): the first name is on a list of names mostly given to one gender', example: 'Ana Ruiz said' },
]);

const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));
/** Titles and role nouns that say the person's gender: the recogniser's titles and more. */
const MALE_WORDS: ReadonlySet<string> = new Set([...MALE_TITLES, ...words(`sir lord duke baron count businessman councilman assemblyman
  congressman alderman anchorman chairman spokesman sportsman statesman father husband son brother uncle grandfather widower
  boyfriend nephew grandson stepfather dad`)]);
const FEMALE_WORDS: ReadonlySet<string> = new Set([...FEMALE_TITLES, ...words(`lady dame duchess baroness countess princess businesswoman
  councilwoman assemblywoman congresswoman alderwoman anchorwoman chairwoman spokeswoman sportswoman stateswoman mother wife
  daughter sister aunt grandmother widow girlfriend niece granddaughter stepmother mom first-lady madam mme. mrs ms`)]);

/**
 * More given names, for the gender reading only: the recogniser's lists steer pronoun agreement,
 * which the attribution models' rule layer depends on, so they stay short and these live here.
 */
const MORE_FEMALE_FIRST = words(`heidi elena ana anne annie agnes alison allison amelia ava beatrice bella bonnie brooke
  camila caroline cassandra cecilia clara claudia colleen courtney crystal daisy daphne deirdre delia eileen elaine eleanor
  elisa eliza esther faith felicia fiona florence gabriela gabrielle  gina gwen hailey harriet hazel hilda holly ingrid
  iris isabel ivy jasmine jenny joanna jocelyn josephine joy juanita june justine karina katrina kathy kayleigh
  kelsey kendra kristina leah leila lena lila lillian lily lorraine louise lucia lucy lydia mabel mackenzie
  madeline mae maggie marcia margarita marian marina marisa marsha maureen maya mercedes mia mildred miriam mona monica
  nadia naomi natasha nina nora norma olga pamela patti pauline peggy penelope phyllis priscilla rachael ramona 
  renee rita roberta rosa rosemary roxanne sabrina samira serena sheila shirley silvia sofia stella sue susanna
  suzanne tanya tara tatiana thelma trisha vera veronica vicki viola violet vivian whitney yolanda yvonne zoe`);
const MORE_MALE_FIRST = words(`abraham adrian ahmad alberto alfred alfredo allen alvin andre andres angelo antonio armando
  arnold barry bernard bradley brett calvin cameron carlos cedric chad charlie clarence claude clifford  cody colin
  craig curtis darrell darren dean derek desmond diego dominic don duane dustin earl eddie edgar edwin elliott emilio
  enrique ernest ernesto felix fernando floyd francis francisco fred frederick garrett gene gilbert glenn gordon grant
   hector herman hugh ian ivan jake javier jay jeremiah jerome jesus joaquin jon jorge julian julius karl ken lance
   leo leon leonard leroy lewis lloyd lorenzo lucas luis malcolm manuel marcus mario martin marvin maurice melvin
  miguel milton mitchell morris nathaniel neal nelson norman omar oscar pablo pedro perry phil rafael ralph ramon randall
  raul ricardo roberto rodney roland ronnie rudolph rupert salvatore sam sergio shane simon spencer stanley sterling
  terrence theodore tommy travis tyrone vernon victor  wilbur wilson xavier`);

/** The gender a first name implies: the recogniser's lists, then {@link MORE_FEMALE_FIRST} and {@link MORE_MALE_FIRST}. */
function genderOfFirstName(first: string | undefined): 'm' | 'f' | null {
  const g = genderOfName(first);
  if (g || !first) return g;
  const w = first.toLowerCase();
  return MORE_FEMALE_FIRST.has(w) ? 'f' : MORE_MALE_FIRST.has(w) ? 'm' : null;
}

/** Gender of a title or role word, lower-cased; null when it says none. */
function genderOfWord(w: string): 'm' | 'f' | null {
  if (MALE_WORDS.has(w)) return 'm';
  if (FEMALE_WORDS.has(w)) return 'f';
  return null;
}

const DETERMINERS = words("the a an his her their its our my your this that former late then-");
const toGender = (g: 'm' | 'f'): Gender['value'] => (g === 'm' ? 'male' : 'female');

/**
 * The gender words a mention carries: its first word past determiners, its last word, the word
 * before it, and the nouns of an appositive right after it or of a phrase set off before it.
 */
function titleEvidence(text: string, m: Span): 'm' | 'f' | null {
  const ws = text.slice(m.start, m.end).toLowerCase().split(/\s+/).filter(Boolean);
  let i = 0;
  while (i < ws.length - 1 && DETERMINERS.has(ws[i]!)) i++;
  const words = [ws[i], ws[ws.length - 1], wordBefore(text, m.start)];
  // Appositives: "Marisol Ocampo, a spokeswoman for the bureau"; "Her husband, the composer Denis
  // Halloran". Both open with an article: "Curt Schilling, through a spokeswoman", "Chelsea
  // Clinton, husband Marc", "Christie's wife, standing behind Trump" name someone else. The
  // regular expressions run only where a comma is near, as most mentions have none.
  if (text.charCodeAt(m.end) === 44) {
    words.push(...(/^,\s+(?:a|an|the)\s+((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)/u.exec(text.slice(m.end, m.end + 60))?.[1]?.toLowerCase().split(/\s+/) ?? []));
  }
  const comma = text.lastIndexOf(',', m.start);
  if (comma > m.start - 60 && comma > 0 && genderOfWord(wordBefore(text, comma + 1, true) ?? '') !== null) {
    words.push(/([\p{L}-]+),\s+(?:the|a|an)\s+(?:[\p{L}-]+\s+){0,2}$/u.exec(text.slice(Math.max(0, m.start - 60), m.start))?.[1]?.toLowerCase());
  }
  const found = words.map((w) => (w ? genderOfWord(w.replace(/[,;:]$/, '')) : null)).filter((g) => g !== null);
  if (!found.length) return null;
  return found.every((g) => g === found[0]) ? found[0]! : null;
}

/**
 * The word right before `at` (lower-cased), or undefined at the start: with `touching`, the word
 * ending at `at - 1` less that last character (the comma after it); else the word before the
 * spaces that precede `at`, punctuation kept.
 */
function wordBefore(text: string, at: number, touching = false): string | undefined {
  const space = (i: number) => { const c = text.charCodeAt(i); return c === 32 || (c >= 9 && c <= 13) || c === 160; };
  let end = touching ? at - 1 : at;
  if (!touching) while (end > 0 && space(end - 1)) end--;
  let start = end;
  while (start > 0 && start > end - 30 && !space(start - 1)) start--;
  return start < end && (touching || end < at) ? text.slice(start, end).toLowerCase() : undefined;
}

/** What the text says about one person's gender, or null. */
export function genderOf(text: string, e: Entity): Gender | null {
  if (e.type !== 'person') return null;
  const titles: [Span, 'm' | 'f'][] = [];
  const pronouns: [Span, 'm' | 'f'][] = [];
  for (const m of e.mentions) {
    const p = PRONOUNS.get(text.slice(m.start, m.end).toLowerCase())?.gender;
    if (p === 'm' || p === 'f') { pronouns.push([m, p]); continue; }
    if (p) continue;
    const t = titleEvidence(text, m);
    if (t) titles.push([m, t]);
  }
  const decide = (xs: [Span, 'm' | 'f'][], ratio: number): [Span, 'm' | 'f'] | null => {
    const male = xs.filter(([, g]) => g === 'm').length;
    const female = xs.length - male;
    const outweighs = (a: number, b: number) => a >= 1 && (b === 0 || a >= ratio * b);
    if (outweighs(male, female)) return xs.find(([, g]) => g === 'm')!;
    if (outweighs(female, male)) return xs.find(([, g]) => g === 'f')!;
    return null;
  };
  // Titles are the writer's own words, so any disagreement among them leaves the pronouns to decide.
  const t = decide(titles, Infinity);
  if (t) return { value: toGender(t[1]), rule: 'entities:gender-title', evidence: { start: t[0].start, end: t[0].end } };
  // One possessive or object pronoun alone is too weak: "told the mayor that the bridge is his
  // top priority" resolves "his" to the nearest person. A subject pronoun, or two, will do
  // (measured on PolNeAR train: 95.9 % agreement against 95.4 % with any one pronoun).
  const subjects = pronouns.filter(([m]) => /^(he|she)$/i.test(text.slice(m.start, m.end))).length;
  const p = subjects + pronouns.length >= 2 ? decide(pronouns, 2) : null;
  // A one-word name is a first name as often as a surname here ("Hillary", "Bernie"): requiring
  // two words cost 71 right readings on PolNeAR train for one wrong one; names that are common
  // surnames ("Warren", "Clinton") are left off the lists instead.
  const first = e.name.split(/\s+/)[0];
  const g = genderOfFirstName(first);
  // Pronouns against the first name are the resolver's slip ("James Comey … she"): on PolNeAR
  // train the chains side with the name in all 7 such persons they say anything about.
  if (p && (!g || g === p[1])) return { value: toGender(p[1]), rule: 'entities:gender-pronoun', evidence: { start: p[0].start, end: p[0].end } };
  if (g) {
    const at = e.mentions.find((m) => text.slice(m.start, m.end).split(/\s+/).includes(first!)) ?? e.mentions[0];
    if (at) return { value: toGender(g), rule: 'entities:gender-first-name', evidence: { start: at.start, end: at.end } };
  }
  return null;
}

/**
 * Gives each person entity the gender its text states ({@link genderOf}); runs after the
 * attribution stages because resolving sources adds pronoun mentions.
 */
export const genderStage = defineStage('gender', { requires: ['entities', 'attributions'], assigns: ['gender'], when: readsAsEnglish }, () => (doc: WorkingDoc) => {
  for (const e of doc.entities) {
    const g = genderOf(doc.text, e);
    if (g) e.gender = g;
  }
});
