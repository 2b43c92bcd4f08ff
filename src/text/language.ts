/**
 * Whether a text reads as English, for the stages whose rules and models are English-only: a text
 * in another language gets a message and no attributions, events or loaded words, rather than
 * rules firing on words they were never meant for ("Аккаунт: @name" as a colon cue).
 */
import type { WorkingDoc } from '../core/working-doc.js';

/**
 * Frequent English function words. In English news about two words in five are among them (a
 * fifth in PolNeAR's sparsest article).
 */
const FUNCTION_WORDS = new Set(`the of and to a in that is was for on with as by he it said at from his an be have has are
  were not this but they who which would will their or been had its her she we i you more after than about also
  one two new there when what if can could our all no so up out into over him them just do did does may should`.split(/\s+/));

/** Fewest words a body needs before its language is judged (headlines and stubs pass). */
export const MIN_WORDS_JUDGED = 40;

const VERDICT = 'language:english';

/**
 * Function words of the languages a crawl of news meets most besides English (German, French,
 * Spanish, Portuguese, Italian, Dutch, Indonesian), none of them an English word: a text with
 * more of these than of English ones is not English.
 */
const FOREIGN_WORDS = new Set(`der die das und ist nicht mit von zu den im auf für sich dem des ein eine auch es wird sind
  le la les et est une dans pour qui sur pas du au ce sont avec par plus ont été
  el los las que y en del por con una para es lo como más pero sus le fue
  da em não os uma com para por mais como foi são seu sua ao pelo pela
  il di che è e per sono della nel anche gli alla dei delle
  het een van en niet zijn voor ook maar bij
  yang dan di ini itu dengan untuk dari tidak akan pada juga adalah`.split(/\s+/).filter((w) => !FUNCTION_WORDS.has(w)));

const LATIN = /\p{Script=Latin}/u;

/** Counts over the body's word tokens: all, English function words, other languages' function words, words with no Latin letter. */
export function languageCounts(doc: WorkingDoc): { words: number; english: number; foreign: number; nonLatin: number } {
  const counts = { words: 0, english: 0, foreign: 0, nonLatin: 0 };
  let b = 0;
  const body = doc.body;
  for (const t of doc.tokens) {
    if (t.kind !== 'word') continue;
    while (b < body.length && body[b]!.end <= t.start) b++;
    if (body.length && (b >= body.length || t.start < body[b]!.start)) continue;
    counts.words++;
    const w = t.text.toLowerCase();
    if (FUNCTION_WORDS.has(w)) counts.english++;
    else if (FOREIGN_WORDS.has(w)) counts.foreign++;
    else if (!LATIN.test(w)) counts.nonLatin++;
  }
  return counts;
}

/**
 * Whether the document's body reads as English (decided once per document). A body of at least
 * {@link MIN_WORDS_JUDGED} words does not when most of its words are in another script, or when
 * it has more function words of other languages than of English; the document then gets an
 * `input/not-english` warning saying what is left out. Text short on function words in any
 * language (box scores, recipes, lists) stays English. Stages pass this as their `when` guard.
 */
export function readsAsEnglish(doc: WorkingDoc): boolean {
  const known = doc.scratch.get(VERDICT);
  if (typeof known === 'boolean') return known;
  const c = languageCounts(doc);
  const english = c.words < MIN_WORDS_JUDGED || (c.nonLatin * 2 <= c.words && c.foreign <= c.english);
  doc.scratch.set(VERDICT, english);
  if (!english) {
    doc.message('warning', 'input/not-english', `the text does not read as English (${c.english} common English words among ${c.words}, `
      + `${c.foreign} of other languages, ${c.nonLatin} in other scripts); hearsay's rules and models are English-only, so it finds `
      + 'no entities, attributions, loaded words or events here');
  }
  return english;
}
