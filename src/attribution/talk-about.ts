import { toLower } from '../text/lower.js';
import { appositiveBefore, npAfter, npBefore, type Window } from './find.js';
import { isFiniteVerbTag } from './tags.js';
import { lateFinderStage, PHRASE_END, type LateFind } from './late-finder.js';

/** Verbs of speaking whose "about" phrase is what was spoken of. */
const TALK = new Set(['talk', 'talks', 'talked', 'talking', 'speak', 'speaks', 'spoke', 'speaking', 'spoken']);
/** Words that may stand between the verb and "about" ("spoke out about", "speaks at length about"). */
const BETWEEN = new Set(['out', 'up', 'openly', 'publicly', 'freely', 'candidly', 'frankly', 'privately', 'often', 'repeatedly',
  'extensively', 'briefly', 'at', 'length', 'again', 'more', 'much', 'also', 'passionately', 'glowingly', 'warmly', 'fondly', 'little']);
/** Words between the subject and a finite verb. */
const GAP = new Set(['not', "n't", 'never', 'also', 'still', 'now', 'just', 'often', 'rarely', 'frequently', 'repeatedly', 'later', 'then',
  'publicly', 'openly', 'privately', 'recently', 'already', 'again', 'would', 'will', 'could', 'might', 'may', 'should', 'can', 'must',
  'do', 'does', 'did', 'has', 'have', 'had', 'is', 'are', 'was', 'were', 'be', 'been', "'ve", '’ve', "'d", '’d', "'ll", '’ll', 'ca', 'wo']);
/** Openers of an adverbial clause whose subject comes after its comma ("After talking about X, the mayor …"). */
const OPENERS = new Set(['after', 'before', 'while', 'when', 'since', 'by', 'in']);

/**
 * What someone spoke about: "Rihanna spoke about the importance of self-love", "He speaks at
 * length about his security views", "workers gathered to talk about the decades they spent
 * there", "After talking about security, Mr. Netanyahu suggested …". The speaker is the verb's
 * subject (for an infinitive or a gerund, the sentence's subject, or the one after the comma of an
 * opening "After …" clause), the verb with "about" the cue, the phrase after "about" the content.
 * Not a noun ("a lot of talk about"), not a passive ("will be talked about"), and no attribution
 * where no speaker is found.
 */
export function talkAbout(w: Window): LateFind[] {
  const out: LateFind[] = [];
  const T = w.tokens;
  for (let i = 0; i + 2 < T.length; i++) {
    if (!TALK.has(toLower(T[i]!.text))) continue;
    // The tagger reads "talks" and "talk" as nouns at times; after an article, an adjective, a
    // possessive or "of" it is one ("the talk about", "tough talk about").
    if (!/^VB/.test(w.tags[i]!) && (i === 0 || /^(?:DT|JJ|JJR|JJS|POS|PRP\$|IN|CD)$/.test(w.tags[i - 1]!))) continue;
    let a = i + 1;
    while (a < T.length && a - i <= 3 && BETWEEN.has(toLower(T[a]!.text))) a++;
    // "spoke to CNN about", "spoke with reporters about": the one spoken to may stand before "about".
    if (toLower(T[a]?.text ?? '') === 'to' || toLower(T[a]?.text ?? '') === 'with') {
      let b = a + 1;
      while (b < T.length && b - a <= 4 && /^(?:NNP|NNPS|NNS|NN|DT|PRP)$/.test(w.tags[b]!)) b++;
      if (b > a + 1 && toLower(T[b]?.text ?? '') === 'about') a = b;
    }
    if (toLower(T[a]?.text ?? '') !== 'about' || a + 1 >= T.length) continue;
    let start = i;
    while (start > 0 && GAP.has(toLower(T[start - 1]!.text))) start--;
    const prev = start > 0 ? toLower(T[start - 1]!.text) : '';
    if (/^(?:is|are|was|were|be|been|being)$/.test(toLower(T[i - 1]?.text ?? '')) && w.tags[i] === 'VBN') continue;
    let src: [number, number] | null = null;
    // A verb the tagger read as a noun after a name or a pronoun is finite ("Johnson talks about").
    const finite = /^(?:VBD|VBZ|VBP)$/.test(w.tags[i]!) || start < i || !/^VB/.test(w.tags[i]!);
    if (finite && prev !== 'to') src = npBefore(w, start) ?? appositiveBefore(w, start);
    else if (start > 0 && OPENERS.has(toLower(T[0]!.text)) && start <= 2) {
      // "After talking about X, the mayor …": the speaker follows the clause's comma.
      let c = a + 1;
      while (c < T.length && T[c]!.text !== ',' && !/^[.;:!?]$/.test(T[c]!.text)) c++;
      if (T[c]?.text === ',') src = npAfter(w, c + 1);
    } else {
      // "Workers gathered at the bar to talk about …": the sentence's subject, if it opens the sentence.
      const np = npAfter(w, 0);
      if (np && np[1] < start && isFiniteVerbTag(w.tags[np[1]] ?? '')) src = np;
    }
    if (!src || (src[1] - src[0] === 1 && /^(?:you|we|it|that|this)$/i.test(T[src[0]]!.text))) continue;
    const from = a + 1;
    let end = from;
    while (end < T.length && !PHRASE_END.test(T[end]!.text) && T[end]!.quote !== 'open') end++;
    if (end <= from) continue;
    out.push({ source: src, cue: [i, a + 1], content: [from, end], stance: false });
  }
  return out;
}

/**
 * Speech about a topic (rule `attribution:talk-about`), which the rules do not read. Runs after
 * the models ({@link lateFinderStage}).
 */
export const talkAboutStage = lateFinderStage({ name: 'talk-about', rule: 'attribution:talk-about', triggers: TALK, find: talkAbout });
