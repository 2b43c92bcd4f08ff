import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from './tokenize.js';
import { MAX_SENTENCE_TOKENS, pairQuotes, segmentArticle, splitSentences } from './segment.js';
import { WorkingDoc } from '../core/working-doc.js';

const words = (s: string) => tokenize(s).map((t) => t.text);

test('curly apostrophes split clitics but stay inside names', () => {
  assert.deepEqual(words('The mayor’s plan won’t pass, O’Neill said.'), ['The', 'mayor', '’s', 'plan', 'wo', 'n’t', 'pass', ',', 'O’Neill', 'said', '.']);
});

test('single curly quotes used as quotation marks are told apart from apostrophes', () => {
  const text = 'She said it would ‘work out,’ and the union’s members agreed.';
  const toks = tokenize(text);
  const quotes = toks.filter((t) => t.kind === 'quote');
  assert.deepEqual(quotes.map((q) => [q.text, q.quote]), [['‘', 'open'], ['’', 'close']]);
  assert.ok(toks.some((t) => t.text === '’s' && t.kind === 'word'));
});

test('a closing double mark typed at a paragraph start opens the quotation', () => {
  // Reader comments pasted with the wrong mark: "\n”We …” ― Name".
  const text = 'Readers wrote in.\n\u201DWe were never asked. Nobody listened.\u201D \u2015 Ana Ruiz\nShe said \u201Dno\u201D twice.';
  const quotes = tokenize(text).filter((t) => t.kind === 'quote').map((q) => [q.start, q.quote]);
  const para = text.indexOf('\n') + 1;
  assert.deepEqual(quotes.slice(0, 2), [[para, 'open'], [text.indexOf('\u201D \u2015'), 'close']]);
  // Elsewhere the mark keeps its closing reading: after a space it does not open.
  assert.equal(quotes[2]![1], 'close');
  const doc = new WorkingDoc(text, { path: null, type: 'text' });
  const qs = pairQuotes(doc, tokenize(text));
  assert.ok(qs.some((q) => q.start === para && text.slice(q.end - 1, q.end) === '\u201D'));
});

test('abbreviations keep their period and do not end sentences', () => {
  const text = 'Sen. Maria Lopez met U.S. officials on Sept. 3. They talked.';
  const toks = tokenize(text);
  assert.ok(toks.some((t) => t.text === 'Sen.'));
  assert.ok(toks.some((t) => t.text === 'U.S.'));
  const sents = splitSentences(text, toks).map((s) => text.slice(s.start, s.end));
  assert.deepEqual(sents, ['Sen. Maria Lopez met U.S. officials on Sept. 3.', 'They talked.']);
});

test('offsets are UTF-16 and survive non-breaking spaces and em dashes', () => {
  const text = 'Costs rose\u00a0sharply — by 5\u00a0% — in 2024 😀 ok.';
  for (const t of tokenize(text)) assert.equal(text.slice(t.start, t.end), t.text);
  assert.ok(tokenize(text).some((t) => t.text === '\u2014'));
});

test('closing quotes stay with the sentence they end', () => {
  const text = '“We are ready.” The crowd cheered.';
  const toks = tokenize(text);
  const doc = new WorkingDoc(text, { path: null, type: 'text' });
  pairQuotes(doc, toks);
  assert.deepEqual(splitSentences(text, toks).map((s) => text.slice(s.start, s.end)), ['“We are ready.”', 'The crowd cheered.']);
});

test('a multi-paragraph quotation that reopens without closing is one quotation per paragraph, no warning', () => {
  const text = '“The first part of the statement runs on.\n\n“And the second part ends here,” she said.';
  const doc = new WorkingDoc(text, { path: null, type: 'text' });
  const quotes = pairQuotes(doc, tokenize(text));
  assert.equal(quotes.length, 2);
  assert.equal(quotes[0]!.closed, false);
  assert.equal(quotes[1]!.closed, true);
  assert.equal(doc.messages.length, 0);
});

test('an unbalanced quote gets a warning message with its span', () => {
  const text = 'He said “this never ends.\n\nThe next paragraph is plain.';
  const doc = new WorkingDoc(text, { path: null, type: 'text' });
  pairQuotes(doc, tokenize(text));
  assert.equal(doc.messages[0]?.code, 'text/unbalanced-quote');
  assert.equal(text.slice(doc.messages[0]!.start, doc.messages[0]!.end), '“');
});

test('a run with no sentence end is cut into sentences of at most MAX_SENTENCE_TOKENS, after a comma where one is near', () => {
  // 3 words and a comma per clause, no full stop: 1,200 tokens in one line.
  const text = Array.from({ length: 300 }, (_, i) => `item ${i} listed,`).join(' ') + ' end.';
  const toks = tokenize(text);
  const cuts: { start: number; end: number }[] = [];
  const sents = splitSentences(text, toks, cuts);
  assert.ok(sents.length >= 4, `${sents.length} sentences`);
  for (const s of sents) {
    const n = toks.filter((t) => t.start >= s.start && t.end <= s.end).length;
    assert.ok(n <= MAX_SENTENCE_TOKENS, `a sentence of ${n} tokens`);
  }
  for (const s of sents.slice(0, -1)) assert.ok(text.slice(s.start, s.end).endsWith(','), 'cut after a comma');
  // The pieces cover the text without gaps in tokens, and the one run is reported once.
  assert.equal(sents[0]!.start, 0);
  assert.equal(sents.at(-1)!.end, text.length);
  assert.deepEqual(cuts, [{ start: 0, end: text.length }]);
  // Ordinary sentences are not touched and report nothing.
  const short = 'One sentence here. Another one.';
  const none: { start: number; end: number }[] = [];
  assert.equal(splitSentences(short, tokenize(short), none).length, 2);
  assert.deepEqual(none, []);
});

test('the segment stage warns where it cut a run with no sentence end', () => {
  const doc = segmentArticle('word '.repeat(1000).trim());
  assert.equal(doc.sentences.length, 3);
  assert.deepEqual(doc.messages.map((m) => [m.severity, m.code]), [['warning', 'text/long-sentence']]);
});

test('many unclosed marks in one paragraph are quotations side by side, each cut at its last sentence end; two still run on', () => {
  const many = 'The mayor said “the bridge is unsafe. '.repeat(5);
  const doc = new WorkingDoc(many, { path: null, type: 'text' });
  const qs = pairQuotes(doc, tokenize(many));
  assert.equal(qs.length, 5);
  assert.deepEqual(qs.slice(0, 4).map((q) => many.slice(q.start, q.end)), Array(4).fill('“the bridge is unsafe.'));
  assert.ok(qs.every((q, i) => i === 0 || q.start >= qs[i - 1]!.end), 'no quotation nests in another');
  const two = 'The mayor said “the bridge is unsafe. The mayor said “the bridge is unsafe.';
  const qs2 = pairQuotes(new WorkingDoc(two, { path: null, type: 'text' }), tokenize(two));
  assert.deepEqual(qs2.map((q) => q.end), [two.length, two.length]);
});
