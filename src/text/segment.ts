import { defineStage } from '../core/pipeline.js';
import { WorkingDoc } from '../core/working-doc.js';
import type { Quotation, Token } from '../core/working-doc.js';
import type { Span } from '../core/types.js';
import { TITLE_ABBREVIATIONS, isAbbreviation, tokenize } from './tokenize.js';

// Regex literals live at module level: one in a function body allocates a new RegExp per call.
const SENTENCE_INITIAL = /^[\p{Lu}\p{N}]/u;

const TERMINAL = new Set(['.', '!', '?', '\u2026', '...']);
const CLOSERS = new Set([')', ']', '}']);
/** Words that start sentences often enough to end one after "U.S." and the like. */
const STARTERS = new Set(['The', 'He', 'She', 'It', 'They', 'We', 'I', 'But', 'In', 'A', 'An', 'This', 'That', 'On', 'At', 'And', 'His', 'Her', 'Their', 'Its', 'As', 'After', 'When', 'For', 'Mr.', 'Ms.']);

/**
 * Finds sentence boundaries over tokens: a line break always ends a sentence (news text puts
 * headlines and paragraphs on their own lines); terminal punctuation ends one when the next token
 * can start a sentence; closing quotes and brackets after the terminal stay with it.
 */
export function splitSentences(text: string, tokens: readonly Omit<Token, 'sentence'>[]): Span[] {
  const out: Span[] = [];
  let begin = -1;
  const flush = (endTok: number) => {
    if (begin < 0) return;
    out.push({ start: tokens[begin]!.start, end: tokens[endTok]!.end });
    begin = -1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (begin < 0) begin = i;
    const next = tokens[i + 1];
    if (!next) { flush(i); break; }
    if (text.slice(t.end, next.start).includes('\n')) { flush(i); continue; }
    const isTerm = TERMINAL.has(t.text) || (t.kind === 'word' && t.text.endsWith('.') && isAbbreviation(t.text)
      && !TITLE_ABBREVIATIONS.has(t.text.toLowerCase()) && STARTERS.has(next.text));
    if (!isTerm) continue;
    // Absorb closing quotes/brackets that belong to this sentence.
    let j = i;
    while (tokens[j + 1] && (tokens[j + 1]!.quote === 'close' || CLOSERS.has(tokens[j + 1]!.text))
      && !text.slice(tokens[j]!.end, tokens[j + 1]!.start).includes('\n')) j++;
    const after = tokens[j + 1];
    if (!after) { i = j; flush(j); break; }
    const gapHasNewline = text.slice(tokens[j]!.end, after.start).includes('\n');
    const startsSentence = gapHasNewline || SENTENCE_INITIAL.test(after.text) || after.quote === 'open' || after.text === '(';
    if (startsSentence && (after.start > tokens[j]!.end || gapHasNewline)) {
      i = j;
      flush(j);
    }
  }
  return out;
}

/**
 * Pairs quotation marks within paragraphs. A single close mark with no open single quote is an
 * apostrophe (“officials’ views”) and loses its quote role. A quotation left open at a paragraph
 * end is closed there: when the next paragraph reopens with the same mark, the writer is continuing
 * a multi-paragraph quotation (no message); otherwise the quote is unbalanced (a warning).
 */
export function pairQuotes(doc: Pick<WorkingDoc, 'text' | 'message'>, tokens: Omit<Token, 'sentence'>[]): Quotation[] {
  const quotes: Quotation[] = [];
  const text = doc.text;
  type Open = { tok: number; marks: 'double' | 'single' };
  let stack: Open[] = [];
  const marksOf = (ch: string): 'double' | 'single' => (ch.length === 2 || '"\u201C\u201D\u201E\u201F\u00AB\u00BB'.includes(ch) ? 'double' : 'single');
  const closeParagraph = (paraEnd: number, nextTok: Omit<Token, 'sentence'> | undefined) => {
    for (const o of stack) {
      const t = tokens[o.tok]!;
      const reopened = nextTok?.quote === 'open' && marksOf(nextTok.text) === o.marks;
      if (o.marks === 'single' && !reopened) {
        // An unclosed single open mark is usually a leading apostrophe (‘90s) rather than a quote.
        continue;
      }
      quotes.push({ start: t.start, end: paraEnd, inner: { start: t.end, end: paraEnd }, marks: o.marks, closed: false });
      if (!reopened) {
        doc.message('warning', 'text/unbalanced-quote', 'quotation mark opened but never closed in this paragraph', { start: t.start, end: t.end });
      }
    }
    stack = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    if (prev && hasNewline(text, prev.end, t.start)) closeParagraph(prev.end, t);
    if (t.kind !== 'quote') continue;
    const marks = marksOf(t.text);
    if (t.quote === 'open') {
      // A straight mark while the same kind is open closes it ("a "b" c" pairs left to right).
      const top = stack[stack.length - 1];
      if ((t.text === '"' || t.text === "'" || t.text === "''") && top && top.marks === marks && tokens[top.tok]!.text === t.text) {
        stack.pop();
        const o = tokens[top.tok]!;
        quotes.push({ start: o.start, end: t.end, inner: { start: o.end, end: t.start }, marks, closed: true });
        t.quote = 'close';
        continue;
      }
      stack.push({ tok: i, marks });
      continue;
    }
    // Closing mark: match the nearest open of the same kind.
    let k = stack.length - 1;
    while (k >= 0 && stack[k]!.marks !== marks) k--;
    if (k < 0) {
      if (marks === 'single') { delete t.quote; t.kind = 'punct'; }
      continue;
    }
    const o = tokens[stack[k]!.tok]!;
    stack.length = k;
    quotes.push({ start: o.start, end: t.end, inner: { start: o.end, end: t.start }, marks, closed: true });
  }
  const last = tokens[tokens.length - 1];
  if (last) closeParagraph(last.end, undefined);
  // Opening marks that stayed unpaired as apostrophes lose their quote role too.
  const paired = new Set<number>();
  const pairedEnds = new Set<number>();
  for (const q of quotes) { paired.add(q.start); pairedEnds.add(q.end); }
  for (const t of tokens) {
    if (t.kind === 'quote' && !paired.has(t.start) && !pairedEnds.has(t.end)) { delete t.quote; t.kind = 'punct'; }
  }
  quotes.sort((a, b) => a.start - b.start || b.end - a.end);
  return quotes;
}

/** Whether `text[from, to)` holds a line break; scans in place, as slicing every gap between tokens would allocate. */
function hasNewline(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

/** Tokens, sentences and quotations over the whole text. */
export const segmentStage = defineStage('segment', { requires: ['text'], assigns: ['tokens', 'sentences', 'quotes'] }, () => (doc: WorkingDoc) => {
  const raw = tokenize(doc.text);
  doc.quotes = pairQuotes(doc, raw);
  const sentences = splitSentences(doc.text, raw);
  doc.sentences = sentences;
  const tokens: Token[] = new Array(raw.length);
  let s = 0;
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!;
    while (s < sentences.length - 1 && t.start >= sentences[s]!.end) s++;
    (t as Token).sentence = s;
    tokens[i] = t as Token;
  }
  doc.tokens = tokens;
});

/** Segments a plain text (tokens, sentences, quotes) as `analyze` does before tagging. */
export function segmentArticle(text: string): WorkingDoc {
  const doc = new WorkingDoc(text, { path: null, type: 'text' });
  segmentStage().run(doc);
  return doc;
}
