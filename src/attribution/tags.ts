import type { Token } from '../core/working-doc.js';
import { CUE_BY_FORM } from './lexicon.js';

const DETERMINERS = new Set(['the', 'a', 'an', 'another', 'this', 'these', 'those', 'some', 'several', 'many', 'both', 'each',
  'every', 'no', 'any', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'other', 'few', 'most', 'all']);
const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'him', 'them', 'us', 'me', 'who']);
const PREPS = new Set(['in', 'on', 'at', 'for', 'with', 'from', 'by', 'of', 'to', 'into', 'about', 'over', 'after', 'before',
  'during', 'since', 'under', 'against', 'between', 'through', 'without', 'within', 'as', 'than', 'like', 'via', 'per', 'amid', 'near']);
const CONJ = new Set(['and', 'or', 'but', 'nor', 'yet', 'so']);
const SUBORD = new Set(['that', 'which', 'whether', 'if', 'because', 'while', 'when', 'where', 'although', 'though', 'unless', 'since', 'until']);
const AUX = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'does', 'do', 'did',
  'will', 'would', 'can', 'could', 'may', 'might', 'must', 'shall', 'should']);
const NUMBERS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'dozen', 'dozens', 'hundreds', 'thousands']);

/**
 * A coarse PTB tag for a token: the tagger's tag when a POS stage ran, else a guess from closed
 * word classes, the cue lexicon and word shape (enough for NP chunking at sentence level).
 */
export function tagOf(t: Token, sentenceInitial: boolean): string {
  if (t.pos) return t.pos;
  if (t.kind === 'number') return 'CD';
  if (t.kind === 'quote') return t.quote === 'open' ? '``' : "''";
  if (t.kind !== 'word') return t.text === ',' ? ',' : t.text === '.' ? '.' : ':';
  const w = t.text.toLowerCase();
  if (DETERMINERS.has(w)) return w === 'his' || w === 'her' || w === 'its' || w === 'their' || w === 'our' || w === 'my' || w === 'your' ? 'PRP$' : 'DT';
  if (PRONOUNS.has(w) && !(w === 'us' && t.text === 'US')) return 'PRP';
  if (PREPS.has(w)) return w === 'to' ? 'TO' : 'IN';
  if (CONJ.has(w)) return 'CC';
  if (SUBORD.has(w)) return w === 'that' ? 'IN' : 'IN';
  if (AUX.has(w)) return w === 'will' || w === 'would' || w === 'can' || w === 'could' || w === 'may' || w === 'might' || w === 'must' || w === 'should' || w === 'shall' ? 'MD' : 'VBD';
  if (NUMBERS.has(w)) return 'CD';
  if (w === "'s" || w === '\u2019s') return 'POS';
  if (w === "n't" || w === 'n\u2019t' || w === 'not') return 'RB';
  if (/^\p{Lu}/u.test(t.text) && !sentenceInitial) return 'NNP';
  if (CUE_BY_FORM.has(w)) return w.endsWith('ing') ? 'VBG' : w.endsWith('s') ? 'VBZ' : 'VBD';
  if (w.endsWith('ly')) return 'RB';
  if (w.endsWith('ing')) return 'VBG';
  if (/^\p{Lu}/u.test(t.text)) return 'NNP';
  if (w.endsWith('ed')) return 'VBD';
  if (w.endsWith('s') && !w.endsWith('ss')) return 'NNS';
  return 'NN';
}

/** Tags that can sit inside a noun phrase. */
export function isNominalTag(tag: string): boolean {
  return tag === 'NN' || tag === 'NNS' || tag === 'NNP' || tag === 'NNPS' || tag === 'JJ' || tag === 'JJR' || tag === 'JJS'
    || tag === 'CD' || tag === 'DT' || tag === 'PRP$' || tag === 'POS' || tag === 'PRP' || tag === 'HYPH' || tag === 'VBN' || tag === 'PDT';
}

/** Tags that can head a noun phrase (its last word). */
export function isHeadTag(tag: string): boolean {
  return tag === 'NN' || tag === 'NNS' || tag === 'NNP' || tag === 'NNPS' || tag === 'PRP' || tag === 'CD';
}

/** Finite verb tags (a clause's main verb). */
export function isFiniteVerbTag(tag: string): boolean {
  return tag === 'VBD' || tag === 'VBZ' || tag === 'VBP' || tag === 'MD';
}
