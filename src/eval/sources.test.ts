import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Span } from '../core/types.js';
import { judgeSource, scoreSources, silverChains, sourceForm, type PredictedSource, type SilverMention } from './sources.js';

// Hand-written text with a CoreNLP-style layer: one chain Ana Ruiz … She … her, one chain the port … it.
const text = 'Mayor Ana Ruiz opened the port. She said it was late. Officials praised her.';
const words = ['Mayor', 'Ana', 'Ruiz', 'opened', 'the', 'port', '.', 'She', 'said', 'it', 'was', 'late', '.', 'Officials', 'praised', 'her', '.'];
const sentOf = [1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3];
let cursor = 0;
const lines: string[] = [];
let prevSent = 0;
let id = 0;
words.forEach((w, i) => {
  if (sentOf[i] !== prevSent) { lines.push(`# sent ${sentOf[i]}`); prevSent = sentOf[i]!; id = 0; }
  const start = text.indexOf(w, cursor);
  cursor = start + w.length;
  lines.push([++id, w, w, 'NN', 'O', 0, 'dep', start, cursor].join('\t'));
});
const conll = lines.join('\n');
// [sentence, start, end (exclusive), head, text, representative], counted from 1 as CoreNLP does.
const coref = JSON.stringify({ chains: [
  [[1, 1, 4, 3, 'Mayor Ana Ruiz', true], [2, 1, 2, 1, 'She', false], [3, 3, 4, 3, 'her', false]],
  [[1, 5, 7, 6, 'the port', true], [2, 3, 4, 3, 'it', false]],
  [[3, 1, 2, 1, 'Officials', true]],
] });
const at = (s: string, from = 0): Span => { const start = text.indexOf(s, from); return { start, end: start + s.length }; };

test('silverChains: mentions and heads as character spans; one-mention chains are dropped', () => {
  const chains = silverChains(coref, conll, (cp) => cp);
  assert.equal(chains.length, 2);
  assert.deepEqual(chains[0]!.map((m) => text.slice(m.start, m.end)), ['Mayor Ana Ruiz', 'She', 'her']);
  assert.equal(text.slice(chains[0]![0]!.head.start, chains[0]![0]!.head.end), 'Ruiz');
  assert.equal(chains[0]![0]!.representative, true);
  assert.throws(() => silverChains('{}', conll, (cp) => cp), /chains/);
});

test('judgeSource: right, wrong, unlinked and outside', () => {
  const chains: SilverMention[][] = silverChains(coref, conll, (cp) => cp);
  const she = at('She');
  const src = (entityMentions: Span[] | null): PredictedSource => ({ ...she, entityMentions });
  assert.equal(judgeSource(chains, src([at('Mayor Ana Ruiz'), she])), 'right');
  assert.equal(judgeSource(chains, src([at('the port'), she])), 'wrong', 'an entity met elsewhere but on another chain');
  assert.equal(judgeSource(chains, src([she])), 'unlinked', 'an entity with no other mention');
  assert.equal(judgeSource(chains, src(null)), 'unlinked');
  assert.equal(judgeSource(chains, { ...at('Officials'), entityMentions: null }), 'outside', 'no chain of two mentions holds it');
  assert.equal(judgeSource(chains, { ...she, entityMentions: [she], document: true }), 'outside', 'a document\'s entity is its author');
  const s = scoreSources([{ text, chains, sources: [{ ...src([at('Mayor Ana Ruiz'), she]), rule: 'pronoun' }, src(null), { ...at('Officials'), entityMentions: null }] }]);
  assert.deepEqual([s.byRule['pronoun']?.scored, s.byRule['pronoun']?.right, Object.keys(s.byRule).length], [1, 1, 1], 'rows only for sources that carry a rule');
  assert.deepEqual([s.all.scored, s.all.right, s.all.unlinked, s.all.outside], [2, 1, 1, 1]);
  assert.equal(s.byForm.pronoun.accuracy, 0.5);
  assert.equal(s.byForm.description.outside, 0);
  assert.equal(s.byForm.other.outside, 1);
});

test('sourceForm reads a span by its words', () => {
  assert.equal(sourceForm('He'), 'pronoun');
  assert.equal(sourceForm('who'), 'relative');
  assert.equal(sourceForm('the former secretary of state'), 'description');
  assert.equal(sourceForm('The Clinton campaign'), 'description');
  assert.equal(sourceForm('President Trump'), 'name');
  assert.equal(sourceForm('The New York Times'), 'name');
  assert.equal(sourceForm('analysts'), 'other');
  assert.equal(sourceForm('Officials'), 'other');
  assert.equal(sourceForm('Trump'), 'name');
});
