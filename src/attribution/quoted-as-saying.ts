import { toLower } from '../text/lower.js';
import { npBefore, type Window } from './find.js';
import { endWithoutClose, lateFinderStage, SENTENCE_END, type LateFind } from './late-finder.js';

/** Forms of "be" that make "quoted" passive. */
const BE = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being', "'s", '’s']);
/** Words that may stand between "be" and "quoted" ("was later quoted", "has been widely quoted"). */
const BETWEEN = new Set(['also', 'later', 'widely', 'once', 'reportedly', 'then', 'even', 'previously', 'often', 'recently', 'has', 'have', 'had']);
/** Verbs of the quotation after "as": "as saying", "as telling", "as having said". */
const SAYING = new Set(['saying', 'telling', 'writing', 'arguing', 'claiming', 'warning', 'stating', 'describing', 'calling']);

/**
 * "X was quoted as saying Y" (rule `attribution:quoted-as-saying`): the one quoted is the source,
 * "was quoted … as saying" the cue, what follows it (from "that" where an adjunct comes first:
 * "was quoted as saying at a rally in May that …") to the sentence end the content. The rules read
 * "quoted" only in the active ("The Post quoted an aide as saying", which they read as the
 * outlet's report) and the models rarely read the passive; PolNeAR has one such sentence
 * ("… is quoted as saying"), which the annotators mark this way.
 */
export function quotedAsSaying(w: Window): LateFind[] {
  const out: LateFind[] = [];
  const T = w.tokens;
  const low = (k: number) => toLower(T[k]?.text ?? '');
  for (let q = 1; q + 2 < T.length; q++) {
    if (low(q) !== 'quoted') continue;
    let b = q - 1;
    while (b > 0 && BETWEEN.has(low(b)) && !BE.has(low(b))) b--;
    if (!BE.has(low(b))) continue;
    let start = b;
    while (start > 0 && (BE.has(low(start - 1)) || BETWEEN.has(low(start - 1)))) start--;
    // "was quoted by the Ledger as saying": the one who quoted stays inside the cue.
    let as = q + 1;
    if (low(as) === 'by') { while (as < T.length && low(as) !== 'as' && !SENTENCE_END.test(T[as]!.text)) as++; }
    if (low(as) !== 'as') continue;
    let say = as + 1;
    if (low(say) === 'having') say++;
    if (!(SAYING.has(low(say)) || (low(say) === 'said' && low(say - 1) === 'having'))) continue;
    const source: [number, number] | null = /^(?:who|which|that)$/.test(low(start - 1)) ? [start - 1, start] : npBefore(w, start);
    if (!source) continue;
    const end = endWithoutClose(T, say + 1);
    let from = say + 1;
    if (T[from]?.text === ',' || T[from]?.text === ':') from++;
    // An adjunct before the reported clause ("at a rally in May that …") is no part of it.
    const that = T.slice(from, Math.min(end, from + 10)).findIndex((t) => toLower(t.text) === 'that');
    if (that > 0 && w.tags[from] === 'IN' && toLower(T[from]!.text) !== 'that') from += that;
    if (from >= end) continue;
    out.push({ source, cue: [start, say + 1], content: [from, end], stance: false });
  }
  return out;
}

/** The quoted-as-saying finder as a stage after the models ({@link lateFinderStage}). */
export const quotedAsSayingStage = lateFinderStage({ name: 'quoted-as-saying', rule: 'attribution:quoted-as-saying', triggers: new Set(['quoted']), find: quotedAsSaying });
