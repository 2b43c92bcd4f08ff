import type { Token, TokenKind } from '../core/working-doc.js';

// Regex literals live at module level: one in a function body allocates a new RegExp per call.
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;
const PUNCTUATION = /[\p{P}]/u;
const OPENS_DOUBLE = /[\s([{\u2014\u2013\-]/u;
const OPENS_SINGLE = /[\s([{\u2014\u2013\-\u201C"]/u;
const FINAL_N = /n$/i;
const LONE_T = /^t$/i;
const NUMBER = /^[\p{N}][\p{N},.:]*$/u;
const INITIALS = /^(?:\p{L}\.)+$/u;

/** Characters that mark quotations, straight or curly, single or double. */
export const QUOTE_CHARS = '"\u201C\u201D\u201E\u201F\u00AB\u00BB\'\u2018\u2019\u201A\u201B`';

const DOUBLE_OPEN = '\u201C\u201E\u201F\u00AB';
const DOUBLE_CLOSE = '\u201D\u00BB';
const SINGLE_OPEN = '\u2018\u201A\u201B`';
const APOS = "'\u2019";

/** English clitics split off as their own tokens, PTB style ("Trump’s" → "Trump" + "’s"). */
const CLITIC = /^(?:s|re|ve|ll|d|m|S|RE|VE|LL|D|M)(?![\p{L}\p{N}])/u;

const isLetter = (c: string | undefined): boolean => c !== undefined && LETTER_OR_DIGIT.test(c);
const isSpace = (c: string | undefined): boolean => c === undefined || SPACE.test(c);

/**
 * Splits text into PTB-like tokens with UTF-16 offsets. Curly and straight apostrophes inside or
 * at the end of words are told apart from quotation marks by their neighbours, so ‘work out,’
 * yields two quote tokens while Trump’s yields a clitic.
 */
export function tokenize(text: string, from = 0, to = text.length): Omit<Token, 'sentence'>[] {
  const out: Omit<Token, 'sentence'>[] = [];
  // One regex pass finds raw chunks; quote/apostrophe decisions need neighbour context below.
  const re = /\p{N}+(?:[.,:]\p{N}+)+(?![\p{L}])|[\p{L}\p{M}\p{N}]+(?:[.\-\u2010\u2011&'\u2019@/][\p{L}\p{M}\p{N}]+)*\.?|''|``|\.{3}|\u2026|--|[\u2013\u2014\u2015]|\S/gu;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && m.index < to) {
    let start = m.index;
    let raw = m[0];
    if (start + raw.length > to) raw = raw.slice(0, to - start);
    const first = raw[0]!;
    if ((raw.length === 1 && QUOTE_CHARS.includes(first)) || raw === "''" || raw === '``') {
      out.push(quoteToken(text, start, raw));
      continue;
    }
    if (isLetter(first)) {
      pushWord(out, text, start, raw);
      continue;
    }
    const kind: TokenKind = PUNCTUATION.test(first) ? 'punct' : 'symbol';
    out.push({ start, end: start + raw.length, text: raw, kind });
  }
  return out;
}

function quoteToken(text: string, i: number, ch: string): Omit<Token, 'sentence'> {
  const prev = text[i - 1];
  const next = text[i + ch.length];
  if (ch.length === 2) {
    const prevOpens = prev === undefined || OPENS_DOUBLE.test(prev);
    return { start: i, end: i + 2, text: ch, kind: 'quote', quote: ch === '``' || (prevOpens && !isSpace(next)) ? 'open' : 'close' };
  }
  let quote: 'open' | 'close';
  if (DOUBLE_OPEN.includes(ch) || SINGLE_OPEN.includes(ch)) quote = 'open';
  // A closing mark typed at a paragraph's start ("\n”Mr. Trump embodies…") can only open.
  else if (DOUBLE_CLOSE.includes(ch)) quote = (prev === undefined || prev === '\n') && next !== undefined && /[\p{L}\p{N}]/u.test(next) ? 'open' : 'close';
  else {
    // Straight quotes and ’: opening when preceded by space/open bracket and followed by a non-space.
    const prevOpens = prev === undefined || OPENS_SINGLE.test(prev);
    quote = prevOpens && !isSpace(next) ? 'open' : 'close';
  }
  return { start: i, end: i + 1, text: ch, kind: 'quote', quote };
}

function pushWord(out: Omit<Token, 'sentence'>[], text: string, start: number, raw: string): void {
  // Trailing period: keep on abbreviations ("U.S.", "Mr."), split otherwise.
  let word = raw;
  let trailingDot = false;
  if (word.length > 1 && word.endsWith('.') && !isAbbreviation(word)) {
    word = word.slice(0, -1);
    trailingDot = true;
  }
  // Clitics: n't and 's/'re/... after an apostrophe.
  const apos = lastApostrophe(word);
  if (apos > 0) {
    const after = word.slice(apos + 1);
    if (CLITIC.test(after) && after.length <= 2) {
      const stem = word.slice(0, apos);
      if (FINAL_N.test(stem) && LONE_T.test(after)) {
        pushPart(out, start, stem.slice(0, -1));
        pushPart(out, start + stem.length - 1, word.slice(apos - 1));
      } else {
        pushPart(out, start, stem);
        pushPart(out, start + apos, word.slice(apos));
      }
    } else if (LONE_T.test(after) && FINAL_N.test(word.slice(0, apos))) {
      pushPart(out, start, word.slice(0, apos - 1));
      pushPart(out, start + apos - 1, word.slice(apos - 1));
    } else {
      pushPart(out, start, word);
    }
  } else {
    pushPart(out, start, word);
  }
  if (trailingDot) out.push({ start: start + word.length, end: start + word.length + 1, text: '.', kind: 'punct' });
  // Final apostrophe after the chunk (possessive plural "officials’") is handled by quoteToken as a close.
  void APOS;
}

function pushPart(out: Omit<Token, 'sentence'>[], start: number, part: string): void {
  if (!part) return;
  const kind: TokenKind = NUMBER.test(part) ? 'number' : 'word';
  out.push({ start, end: start + part.length, text: part, kind });
}

function lastApostrophe(word: string): number {
  const a = word.lastIndexOf("'");
  const b = word.lastIndexOf('\u2019');
  return Math.max(a, b);
}

const ABBREVIATIONS = new Set([
  'mr.', 'mrs.', 'ms.', 'dr.', 'prof.', 'sen.', 'rep.', 'gov.', 'gen.', 'lt.', 'col.', 'sgt.', 'capt.',
  'st.', 'jr.', 'sr.', 'inc.', 'corp.', 'co.', 'ltd.', 'vs.', 'etc.', 'jan.', 'feb.', 'mar.', 'apr.',
  'jun.', 'jul.', 'aug.', 'sep.', 'sept.', 'oct.', 'nov.', 'dec.', 'no.', 'pres.', 'rev.', 'ft.', 'mt.',
  'sen.', 'reps.', 'sens.', 'gov.', 'atty.', 'supt.', 'dept.', 'univ.', 'adm.', 'maj.', 'cmdr.',
]);

/** Whether a word with a final period is an abbreviation that keeps it ("U.S.", "Sen."). */
export function isAbbreviation(word: string): boolean {
  const w = word.toLowerCase();
  if (ABBREVIATIONS.has(w)) return true;
  // Initialisms with inner periods (U.S., a.m.) and single capitals ("J.").
  return INITIALS.test(word);
}

/** Abbreviations after which a sentence never ends (titles that precede a name). */
export const TITLE_ABBREVIATIONS = new Set([
  'mr.', 'mrs.', 'ms.', 'dr.', 'prof.', 'sen.', 'rep.', 'gov.', 'gen.', 'lt.', 'col.', 'sgt.', 'capt.',
  'st.', 'pres.', 'rev.', 'mt.', 'reps.', 'sens.', 'atty.', 'supt.', 'adm.', 'maj.', 'cmdr.', 'no.', 'vs.',
]);
