import { toLower } from '../text/lower.js';
import { npBefore, TEMPORAL, type Window } from './find.js';
import { lateFinderStage, PHRASE_END, type LateFind } from './late-finder.js';

/** Nouns of backing that someone receives from someone else. */
const BACKING = new Set(['endorsement', 'endorsements', 'backing', 'support']);
/**
 * Verbs of having or getting such backing. Not "win" / "wins" / "winning": a hope, not a fact
 * ("to win the support of white working-class voters"; 0 of 7 marked on train).
 */
const GOT = new Set(['won', 'received', 'receives', 'secured', 'secures', 'earned', 'earns', 'snagged', 'snags', 'landed', 'lands',
  'gained', 'gains', 'got', 'gets', 'consolidated', 'enjoys', 'enjoyed', 'has', 'had', 'have', 'picked', 'picks']);
/** Words between the verb and the noun: a determiner, a possessive, a degree. */
const BEFORE_NOUN = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'full', 'overwhelming', 'strong', 'formal', 'official',
  'broad', 'key', 'crucial', 'early', 'first', 'single', 'any', 'an', 'enthusiastic', 'critical', 'solid', 'important', 'coveted']);
/** Words between the subject and the verb. */
const GAP = new Set(['not', "n't", 'never', 'also', 'still', 'now', 'already', 'just', 'recently', 'since', 'has', 'have', 'had',
  'would', 'will', 'could', 'may', 'might', 'did', 'does', 'do', "'s", '’s', "'ve", '’ve', "'d", '’d']);

/** Tags a backer's noun phrase runs on over. */
const BACKER_TAGS = /^(?:IN|DT|PDT|NNP|NNPS|NN|NNS|JJ|JJR|JJS|RBS|RB|POS|PRP\$|PRP|CD|CC|HYPH)$/;
/** Words that end it: a preposition of an adjunct, a relative, a conjunction of clauses. */
const BACKER_STOPS = new Set(['by', 'on', 'in', 'at', 'for', 'to', 'who', 'which', 'that', 'as', 'because', 'when', 'while', 'after',
  'before', 'since', 'but', 'than', 'with', 'during', 'over', 'into', 'not']);

/**
 * Backing received: "Mr. Cruz won the endorsement of the most influential leader of Iowa's
 * evangelicals", "Trump secured the endorsement of Sheriff Joe Arpaio", "the bill has the backing
 * of many Democrats", "Cruz also picked up an endorsement from Rick Perry". The one who backs
 * (after "of" / "from") is the source, the verb and noun the cue, the one backed (the verb's
 * subject) the content, as a stance. Not where the backer is a figure ("has support from 52
 * percent of Democratic primary voters": a poll, which the annotators mostly leave unmarked).
 * Train: 26 of the 46 such phrases are gold attributions, almost none read by the other layers.
 */
export function backingReceived(w: Window): LateFind[] {
  const out: LateFind[] = [];
  const T = w.tokens;
  for (let n = 2; n + 2 < T.length; n++) {
    if (!BACKING.has(toLower(T[n]!.text)) || /^VB/.test(w.tags[n]!)) continue;
    const of = toLower(T[n + 1]!.text);
    if (of !== 'of' && of !== 'from') continue;
    let v = n - 1;
    while (v > 0 && n - v <= 3 && BEFORE_NOUN.has(toLower(T[v]!.text))) v--;
    let verb = v;
    // "picked up the endorsement of".
    if (toLower(T[v]!.text) === 'up' && v > 0 && /^pick/.test(toLower(T[v - 1]!.text))) verb = v - 1;
    else if (/^pick/.test(toLower(T[v]!.text))) continue;
    if (!GOT.has(toLower(T[verb]!.text))) continue;
    let start = verb;
    while (start > 0 && GAP.has(toLower(T[start - 1]!.text))) start--;
    // The one backed: the verb's subject, or the relative pronoun standing for it ("Cruz, who had the backing of").
    const subject: [number, number] | null = start > 0 && /^(?:who|which|that)$/i.test(T[start - 1]!.text) ? [start - 1, start] : npBefore(w, start);
    if (!subject) continue;
    // "Earlier this week Trump secured …": the time before the subject is no part of it.
    while (subject[1] - subject[0] > 1 && TEMPORAL.has(toLower(T[subject[0]]!.text))) subject[0]++;
    // The backer: a noun phrase running on over "of"-phrases ("most of the state's big unions",
    // "the most influential leader of Iowa's evangelicals") to a clause boundary.
    const from = n + 2;
    let end = from;
    while (end < T.length && !PHRASE_END.test(T[end]!.text) && BACKER_TAGS.test(w.tags[end]!) && !BACKER_STOPS.has(toLower(T[end]!.text))) end++;
    if (end === from || !T.slice(from, end).some((t, k) => /^(?:NN|PRP)/.test(w.tags[from + k]!))) continue;
    // A share of voters backs nobody: "support from 52 percent of Democratic primary voters" is a poll.
    if (T.slice(from, Math.min(end, from + 3)).some((t) => /^(?:percent|%)$/i.test(t.text))) continue;
    out.push({ source: [from, end], cue: [verb, n + 1], content: subject, stance: true });
  }
  return out;
}

/**
 * Backing received (rule `attribution:backing-received`): "Cruz won the endorsement of Gov. Mike
 * Pence". Runs after the models ({@link lateFinderStage}).
 */
export const backingReceivedStage = lateFinderStage({ name: 'backing-received', rule: 'attribution:backing-received', triggers: BACKING, find: backingReceived });
