import { defineStage } from '../core/pipeline.js';
import { WorkingDoc } from '../core/working-doc.js';
import type { Quotation, Token } from '../core/working-doc.js';
import type { Span } from '../core/types.js';
import { TITLE_ABBREVIATIONS, isAbbreviation, tokenize } from './tokenize.js';

/** Tokens that end a sentence, where an unclosed quotation is cut when another opens. */
const SENTENCE_END = /^(?:[.!?]|\.\.\.|…)$/;
/** Unclosed open marks a paragraph may leave nested before each is cut where the next begins. */
const MAX_NESTED_UNCLOSED = 3;

// Regex literals live at module level: one in a function body allocates a new RegExp per call.
const SENTENCE_INITIAL = /^[\p{Lu}\p{N}]/u;

const TERMINAL = new Set(['.', '!', '?', '\u2026', '...']);
const CLOSERS = new Set([')', ']', '}']);
/** Words that start sentences often enough to end one after "U.S." and the like. */
const STARTERS = new Set(['The', 'He', 'She', 'It', 'They', 'We', 'I', 'But', 'In', 'A', 'An', 'This', 'That', 'On', 'At', 'And', 'His', 'Her', 'Their', 'Its', 'As', 'After', 'When', 'For', 'Mr.', 'Ms.']);

/**
 * Most tokens a sentence may have. PolNeAR's longest of 34,000 sentences has 220; a run of
 * thousands is a list or a text without punctuation, and every sentence-local step (candidate
 * contents, boundary ranking) costs the square of it, so such a run is cut into pieces.
 */
export const MAX_SENTENCE_TOKENS = 400;
/** How far back from the limit a cut looks for punctuation to cut after. */
const CUT_LOOKBACK = 100;
const SOFT_BREAKS = new Set([',', ';', ':', '\u2014', '\u2013', '--']);

/**
 * Finds sentence boundaries over tokens: a line break always ends a sentence (news text puts
 * headlines and paragraphs on their own lines); terminal punctuation ends one when the next token
 * can start a sentence; closing quotes and brackets after the terminal stay with it. A sentence
 * that reaches {@link MAX_SENTENCE_TOKENS} is cut after its last comma, semicolon, colon or dash
 * near the limit (at the limit where there is none); `cuts` receives the span of each run so cut.
 */
export function splitSentences(text: string, tokens: readonly Omit<Token, 'sentence'>[], cuts?: Span[]): Span[] {
  const out: Span[] = [];
  let begin = -1;
  // Start of the over-long run being cut, or -1.
  let runStart = -1;
  const flush = (endTok: number, cut = false) => {
    if (begin < 0) return;
    out.push({ start: tokens[begin]!.start, end: tokens[endTok]!.end });
    if (cut && runStart < 0) runStart = tokens[begin]!.start;
    else if (!cut && runStart >= 0) { cuts?.push({ start: runStart, end: tokens[endTok]!.end }); runStart = -1; }
    begin = -1;
  };
  for (let i = 0; i < tokens.length; i++) {
    // The open sentence holds tokens [begin, i): at the limit, it ends before token i.
    if (begin >= 0 && i - begin >= MAX_SENTENCE_TOKENS) {
      let j = i - 1;
      while (j > i - 1 - CUT_LOOKBACK && !SOFT_BREAKS.has(tokens[j]!.text)) j--;
      if (j === i - 1 - CUT_LOOKBACK) j = i - 1;
      flush(j, true);
      begin = j + 1;
    }
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
    for (let k = 0; k < stack.length; k++) {
      const o = stack[k]!;
      const t = tokens[o.tok]!;
      // A second open mark of the same kind starts a new quotation rather than one inside it (an
      // inner quotation takes the other marks), so an unclosed one ends where the next begins:
      // a paragraph of a thousand unclosed marks is then a thousand quotations, not a nest
      // a thousand deep.
      let end = paraEnd;
      // Only past a few such marks: the models learned the paragraph-long reading of one or two.
      if (stack.length > MAX_NESTED_UNCLOSED) for (let n = k + 1; n < stack.length; n++) {
        if (stack[n]!.marks !== o.marks) continue;
        // At the last sentence end before the next mark, where there is one ("“It is unsafe. The mayor said “…").
        const next = stack[n]!.tok;
        let stop = next - 1;
        for (let j = next - 1; j > o.tok; j--) if (SENTENCE_END.test(tokens[j]!.text)) { stop = j; break; }
        end = Math.max(t.end, tokens[stop]!.end);
        break;
      }
      const reopened = nextTok?.quote === 'open' && marksOf(nextTok.text) === o.marks;
      if (o.marks === 'single' && !reopened) {
        // An unclosed single open mark is usually a leading apostrophe (‘90s) rather than a quote.
        continue;
      }
      quotes.push({ start: t.start, end, inner: { start: t.end, end }, marks: o.marks, closed: false });
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
  const cuts: Span[] = [];
  const sentences = splitSentences(doc.text, raw, cuts);
  doc.sentences = sentences;
  for (const c of cuts) doc.message('warning', 'text/long-sentence', `a run of text with no sentence end (a list, or text without punctuation?) was cut into sentences of at most ${MAX_SENTENCE_TOKENS} tokens`, c);
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
