import { toLower } from '../text/lower.js';
import type { Window } from './find.js';
import { isFiniteVerbTag } from './tags.js';
import { lateFinderStage, type LateFind } from './late-finder.js';

/** Prepositions after which a headline label names a topic or an audience, not the speaker ("Obama on Climate Change:"). */
const TOPIC = new Set(['on', 'to', 'at', 'about', 'in', 'for', 'over']);
/** First words of a label that is a kicker, a section or a teaser, not a speaker ("The Latest:", "Wow:", "BYLINE:"). */
const KICKER = /^(?:the|a|an|breaking|wow|look|watch|revealed|busted|boom|bombshell|just|byline|update|updated|video|photos?|opinion|analysis|editorial|live|exclusive|fix|big|paid|delegate|beyond|spoiler|on|in)$/i;

/**
 * A headline that credits its claim to a label the transcript rules pass over: a label with a
 * topic or an audience ("Obama on Climate Change: The Trends Are 'Terrifying'", "Clinton to
 * Planned Parenthood: …"; the speaker is the part before the preposition), a label with a
 * lower-case word ("Clinton camp: …", "IG report: …"), and a lead word before a dash
 * ("EXCLUSIVE – Roger Stone: …"). The first sentence only, and the label must hold a name.
 */
export function headlineLabel(w: Window): LateFind[] {
  if (w.sentence !== 0) return [];
  const T = w.tokens;
  const c = T.findIndex((t) => t.text === ':');
  if (c < 1 || c > 10 || c + 2 >= T.length) return [];
  let s = 0;
  // "EXCLUSIVE – Roger Stone:": a kicker before a dash.
  const dash = T.slice(0, c).findIndex((t) => /^[-\u2013\u2014]$/.test(t.text));
  if (dash >= 0) s = dash + 1;
  if (s >= c || KICKER.test(T[s]!.text) || T[s]!.kind !== 'word' || !/^\p{Lu}/u.test(T[s]!.text)) return [];
  if (T.slice(s, c).some((t) => t.kind !== 'word' && t.text !== '’s' && t.text !== "'s" && t.text !== '.' && t.text !== '’' && t.text !== "'")) return [];
  let e = c;
  const p = T.slice(s + 1, c).findIndex((t) => TOPIC.has(toLower(t.text)));
  if (p >= 0) e = s + 1 + p;
  if (!w.tags.slice(s, e).some((tag) => tag === 'NNP' || tag === 'NNPS')) return [];
  // A label with a verb is a headline of its own ("Bill is back:"); a claim needs a verb or a quotation.
  if (w.tags.slice(s, c).some(isFiniteVerbTag)) return [];
  const end = T.length - (/^[.;]$/.test(T.at(-1)!.text) ? 1 : 0);
  if (T[c + 1]!.quote !== 'open' && !w.tags.slice(c + 1, end).some((tag) => /^(?:VB[DZP]?|MD)$/.test(tag))) return [];
  return [{ source: [s, e], cue: [c, c + 1], content: [c + 1, end], stance: false }];
}

/**
 * Headline labels the transcript rules leave (rule `attribution:headline-label`). Runs after the
 * models ({@link lateFinderStage}), where no attribution holds the colon or the label.
 */
export const headlineLabelStage = lateFinderStage({ name: 'headline-label', rule: 'attribution:headline-label', triggers: new Set([':']), reads: (si) => si === 0, find: headlineLabel });
