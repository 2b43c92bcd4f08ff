import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Span } from '../core/types.js';
import type { GoldArticle, GoldAttribution } from '../eval/polnear.js';
import { decodeLattice, L, LABELS, makeDecodeScratch, TRANS_SIZE } from './decode.js';
import { quoteStates, readLabels, RoleModel, roleWindow, tokenRange, trainRoleModel } from './roles.js';
import { prepareArticles, roleAccuracy, roleExamples, segmentArticle } from './train.js';

const at = (text: string, s: string): Span => {
  const i = text.indexOf(s);
  assert.ok(i >= 0, s);
  return { start: i, end: i + s.length };
};

// Hand-written articles (not from any corpus): the cue sits on either side of its content.
function article(id: string, text: string, attrs: [string, string, string][]): GoldArticle {
  const attributions: GoldAttribution[] = attrs.map(([src, cue, content]) => ({ source: [at(text, src)], cue: [at(text, cue)], content: [at(text, content)] }));
  return { id, text, attributions };
}

const ARTICLES = [
  article('r1', 'The mayor warned that the bridge would stay shut. Workers painted the rails.', [['The mayor', 'warned', 'that the bridge would stay shut']]),
  article('r2', 'The union insisted the strike would go on. Buses ran late on Monday.', [['The union', 'insisted', 'the strike would go on']]),
  article('r3', '"The water is safe," the engineer stressed. Residents queued at the taps.', [['the engineer', 'stressed', '"The water is safe,"']]),
  article('r4', 'Council members argued that rents must fall. The vote comes next week.', [['Council members', 'argued', 'that rents must fall']]),
  article('r5', '"We will rebuild," the owner vowed. Smoke still rose from the roof.', [['the owner', 'vowed', '"We will rebuild,"']]),
  article('r6', 'The coach admitted the team was tired. Fans left before the end.', [['The coach', 'admitted', 'the team was tired']]),
];

test('the window is the cue sentence with one sentence either side, within the paragraph', () => {
  const doc = segmentArticle('First line here.\nA came. The chief said it rained. B went. C stayed.');
  const cue = doc.tokens.findIndex((t) => t.text === 'said');
  const w = roleWindow(doc, cue, cue + 1);
  const words = doc.tokens.slice(w.from, w.to).map((t) => t.text).join(' ');
  assert.equal(words, 'A came . The chief said it rained . B went .');
  assert.deepEqual(tokenRange(doc.tokens, { start: doc.tokens[cue]!.start, end: doc.tokens[cue]!.end }), [cue, cue + 1]);
});

test('labels become the source nearest the cue and the content spans', () => {
  const doc = segmentArticle('Ann said Bob thinks rain will come.');
  const w = roleWindow(doc, 1, 2);
  // Ann/B-SRC said/B-CUE Bob/B-SRC thinks/I-SRC? no: Bob thinks rain will come as content.
  const labels = Uint8Array.from([1, 3, 5, 6, 6, 6, 6, 0]);
  const read = readLabels(doc.tokens, w, labels);
  assert.deepEqual(read.source, { start: 0, end: 3 });
  assert.equal(doc.text.slice(read.content[0]!.start, read.content[0]!.end), 'Bob thinks rain will come');
});

test('decoding keeps the given cue and never labels another token as cue', () => {
  // Scores that prefer cue labels everywhere: only the fixed cue token may take them.
  const scores = new Float64Array(3 * L).fill(0);
  for (let j = 0; j < 3; j++) { scores[j * L + 3] = 5; scores[j * L + 4] = 5; }
  const forced = decodeLattice(scores, Uint8Array.from([1, 1, 1]), new Float64Array(TRANS_SIZE), makeDecodeScratch(), Uint8Array.from([1, 0, 1]));
  assert.equal(forced.labels[0], 0);
  assert.equal(forced.labels[2], 0);
  assert.equal(LABELS[forced.labels[1]!], 'B-CUE');
});

test('a role tagger trained on hand-written articles reads their sources and contents', () => {
  const docs = prepareArticles(ARTICLES, { pos: true, rules: true });
  const examples = roleExamples(docs);
  assert.equal(examples.length, ARTICLES.length);
  const { model } = trainRoleModel(examples, { epochs: 4, seed: 1, prune: 0.5, select: (m) => roleAccuracy(m, examples) });
  const tagger = RoleModel.fromJSON(JSON.parse(JSON.stringify(model)) as typeof model);
  assert.equal(roleAccuracy(tagger, examples), 100);
  // Deterministic: the same seed gives the same weights.
  const again = trainRoleModel(examples, { epochs: 4, seed: 1, prune: 0.5, select: (m) => roleAccuracy(m, examples) });
  assert.equal(JSON.stringify(again.model), JSON.stringify(model));
  // It reads a new sentence of the same shape.
  const doc = prepareArticles([article('n1', 'The nurse insisted that beds were short. Doctors agreed.', [['The nurse', 'insisted', 'that beds were short']])], { pos: true, rules: true })[0]!.doc;
  const cue = doc.tokens.findIndex((t) => t.text === 'insisted');
  // Trained with the rules' readings beside it, it reads the new cue with the rules' reading too.
  const rule = doc.attributions.find((a) => a.cue.start === doc.tokens[cue]!.start);
  const read = tagger.read(doc, cue, cue + 1, rule ? { source: rule.source, content: rule.content } : null);
  assert.equal(read.source && doc.text.slice(read.source.start, read.source.end), 'The nurse');
  assert.equal(doc.text.slice(read.content[0]!.start, read.content[0]!.end), 'that beds were short');
});

test('quotation state per token: the last quotation holding it, and the last it is a mark of', () => {
  const doc = segmentArticle('He said “a ‘b’ c” and “d e');
  const texts = doc.tokens.map((t) => t.text);
  const { inner, mark } = quoteStates(doc);
  const q = (mark: string) => doc.quotes.findIndex((x) => doc.text.slice(x.start, x.start + 1) === mark);
  const [outer, single, open] = [q('“'), q('‘'), doc.quotes.findIndex((x) => !x.closed)];
  assert.ok(outer >= 0 && single > outer && open > single, JSON.stringify(doc.quotes));
  const row = (tok: string, nth = 0) => { const i = texts.reduce<number[]>((a, t, k) => (t === tok ? [...a, k] : a), [])[nth]!; return [inner[i], mark[i]]; };
  assert.deepEqual(row('“'), [-1, outer]);
  assert.deepEqual(row('a'), [outer, -1]);
  // The single quotation's opening mark lies inside the double one: a mark read after it.
  assert.deepEqual(row('‘'), [outer, single]);
  assert.deepEqual(row('b'), [single, -1]);
  assert.deepEqual(row('”'), [-1, outer]);
  assert.deepEqual(row('and'), [-1, -1]);
  assert.deepEqual(row('“', 1), [-1, open]);
  assert.deepEqual(row('e'), [open, -1]);
});
