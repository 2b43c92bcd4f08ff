import { defineStage } from '../core/pipeline.js';
import type { Attribution } from '../core/types.js';
import type { WorkingDoc } from '../core/working-doc.js';
import { tokenRange } from '../attribution-model/roles.js';
import { toLower } from '../text/lower.js';
import { renumberAttributions } from './late-finder.js';

/**
 * Verbs that report only with a clause after them: with a plain noun phrase they name an act
 * ("maintained a wide lead", "responded to attacks", "made the comments", "wrote his book",
 * "has known him for years"). On PolNeAR train such readings were right 7 times in 64.
 */
const CLAUSE_ONLY = new Set(['maintain', 'maintains', 'maintained', 'maintaining', 'responded', 'added', 'adding', 'made', 'pledged',
  'wrote', 'known']);
/** "find" with a reflexive object, and "show up", name no finding or showing (train: 1 of 24 right). */
const FIND = new Set(['find', 'finds', 'found', 'finding']);
const SHOW = new Set(['show', 'shows', 'showed', 'shown', 'showing']);
/** "add up" sums or makes sense; it reports nothing (PolNeAR train: 3 such readings, none right). */
const ADD = new Set(['add', 'adds', 'added', 'adding']);
const REFLEXIVE = new Set(['itself', 'himself', 'herself', 'themselves', 'myself', 'ourselves', 'yourself', 'yourselves', 'oneself']);
/** Words between "be"/"have" and "known" that keep it a verb of the clause ("is widely known as"). */
const BE_OR_HAVE = /^(?:is|are|was|were|be|been|being|has|have|had|'s|’s|'re|’re|widely|well|also|best|long|once|still|now|formerly|better|commonly|not|n't|never)$/i;

/**
 * Labels of a page's credit and contact lines ("Contributing: Ann Lee", "Twitter: @annlee"),
 * which a colon makes look like a speaker label. On PolNeAR train all 15 such readings were wrong.
 */
const CREDIT_LABEL = /^(?:contributing|byline|twitter|email|e-mail|follow|photo|photos|credit|credits|editing|contact|facebook|instagram|phone|tel|fax)$/i;
/** Contents that are only an address or a handle. */
const ADDRESS = /^(?:@\w+|\S+@\S+\.\w+|https?:\/\/\S+|www\.\S+)$/;

/**
 * Why a reading is an act, a name or a credit line rather than a report (a rule name), or null
 * to keep it. Only outermost indirect readings are judged: a quotation is a report whatever its
 * verb.
 */
export function objectReading(doc: WorkingDoc, a: Attribution): 'object-reading' | 'known-as-name' | 'credit-line' | null {
  const toks = doc.tokens;
  const [c0, c1] = tokenRange(toks, a.cue);
  if (c0 >= c1) return null;
  const last = toLower(toks[c1 - 1]!.text);
  // "the numbers do not add up": a sum, never a report, inside a quotation too.
  if (ADD.has(last) && toLower(toks[c1]?.text ?? '') === 'up') return 'object-reading';
  if (a.via || a.quote !== 'indirect' || a.stance || a.content.length === 0) return null;
  const content = a.content.length === 1 ? doc.text.slice(a.content[0]!.start, a.content[0]!.end) : '';
  if (last === ':' && ((a.source && CREDIT_LABEL.test(doc.text.slice(a.source.start, a.source.end))) || ADDRESS.test(content))) return 'credit-line';
  // "Costa reported from Washington": where a reporter filed from, not what was reported.
  if ((last === 'reported' || last === 'reporting') && /^from\s+\p{Lu}/u.test(content)) return 'credit-line';
  // "found himself in the awkward position", "showed up in Portland": a plight or an arrival.
  const next = toLower(toks[c1]?.text ?? '');
  if ((FIND.has(last) && REFLEXIVE.has(next)) || (SHOW.has(last) && next === 'up')) return 'object-reading';
  // "a hacker known as Guccifer", "the contests known as Super Tuesday": a name something goes by.
  const knownAs = last === 'as' && c1 - c0 >= 2 && toLower(toks[c0]!.text) === 'known';
  if (knownAs || (last === 'known' && toLower(toks[c1]?.text ?? '') === 'as')) {
    const before = toks[c0 - 1];
    if (a.source && (!before || !BE_OR_HAVE.test(before.text))) return 'known-as-name';
    return null;
  }
  if (!CLAUSE_ONLY.has(last)) return null;
  let verb = false;
  let lastWord: (typeof toks)[number] | null = null;
  for (const sp of a.content) {
    const [s, e] = tokenRange(toks, sp);
    for (let k = s; k < e; k++) {
      const t = toks[k]!;
      if (t.kind !== 'word') continue;
      if (/^(?:VB|MD)/.test(t.pos ?? '')) verb = true;
      lastWord = t;
    }
  }
  // A clause, a predicative adjective ("found the plan reckless") or a bare "that" stays a report.
  if (!lastWord || verb || /^JJ/.test(lastWord.pos ?? '') || toLower(lastWord.text) === 'that') return null;
  return 'object-reading';
}

/**
 * Drops readings that are acts, names or credit lines, not reports (rules
 * `attribution:object-reading`, `attribution:known-as-name`, `attribution:credit-line`): a verb
 * that reports only with a clause, read with a plain noun phrase ("Clinton maintains a wide
 * lead"), "found himself" and "showed up", "known as" after a noun ("a hacker known as
 * Guccifer"), which names rather than reports, and a page's credit lines ("Contributing: Ann
 * Lee", "Lee reported from Austin"). Attributions nested in a dropped one move up to its holder.
 * On PolNeAR train it drops 79 acts and names (8 of them right; dev 7, 1 right), 23 plights and
 * arrivals (1 right; dev 1, none) and 20 credit lines (none right; dev 1, none).
 * A stage of its own after `attributions`, so the rule layer the shipped models were trained on
 * does not move; it runs before the late finders, which may read a freed verb again.
 */
export const objectReadingStage = defineStage('object-reading', { requires: ['attributions'], assigns: ['object-reading'] }, () => (doc: WorkingDoc) => {
  const dropped = new Map<string, string | null>();
  for (const a of doc.attributions) if (objectReading(doc, a)) dropped.set(a.id, a.via);
  if (dropped.size === 0) return;
  const up = (id: string | null): string | null => { let v = id; while (v && dropped.has(v)) v = dropped.get(v)!; return v; };
  const kept = doc.attributions.filter((a) => !dropped.has(a.id));
  for (const a of kept) a.via = up(a.via);
  doc.attributions = renumberAttributions(kept);
});
