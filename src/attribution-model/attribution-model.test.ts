import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Span } from '../core/types.js';
import type { GoldArticle, GoldAttribution } from '../eval/polnear.js';
import { LABELS, allowed, decodeLattice, emissionMatrix, makeDecodeScratch, pathScore, spansFromLabels, viterbi } from './decode.js';
import { FEATURES_PER_TOKEN, TRANSITION_CONTEXTS, lookAheadCodes } from './features.js';
import { analyzeToWorkingDoc } from '../analyze.js';
import { MODEL_RULE, linkSpans } from './linker.js';
import { AttributionModel } from './model.js';
import { goldLabels, prepareArticles, segmentArticle, trainAttributionModel } from './train.js';

const at = (text: string, s: string, from = 0): Span => {
  const i = text.indexOf(s, from);
  assert.ok(i >= 0, s);
  return { start: i, end: i + s.length };
};

// Hand-written articles (not from any corpus).
function article(id: string, text: string, attrs: [string | null, string, string][]): GoldArticle {
  const attributions: GoldAttribution[] = attrs.map(([src, cue, content]) => ({
    source: src ? [at(text, src)] : null, cue: [at(text, cue)], content: [at(text, content)],
  }));
  return { id, text, attributions };
}

const A1 = article('a1', 'The mayor said that the bridge will reopen in May.\nWorkers painted the rails on Friday.', [
  ['The mayor', 'said', 'that the bridge will reopen in May'],
]);
const A2 = article('a2', '"We are ready for the storm," the governor said.\nSchools closed early on Monday.', [
  ['the governor', 'said', '"We are ready for the storm,"'],
]);
const A3 = article('a3', 'Police said the road was closed after the crash.\nTraffic moved slowly through the town.', [
  ['Police', 'said', 'the road was closed after the crash'],
]);

test('BIO helpers: runs, constraints', () => {
  assert.deepEqual(spansFromLabels([0, 1, 2, 3, 5, 6, 6, 5, 0]), [
    { role: 'source', from: 1, to: 3 }, { role: 'cue', from: 3, to: 4 },
    { role: 'content', from: 4, to: 7 }, { role: 'content', from: 7, to: 8 },
  ]);
  assert.equal(allowed(0, 2), false);
  assert.equal(allowed(1, 2), true);
  assert.equal(allowed(6, 6), true);
  assert.equal(allowed(3, 6), false);
});

test('viterbi never emits I-X without B-X before it', () => {
  // An emission scorer that always prefers I-CON: decoding must still open with B-CON.
  const scorer = { scoresHashed: (_f: ArrayLike<number>, _n: number, out = new Float64Array(LABELS.length)) => { out.fill(0); out[6] = 5; out[5] = 1; return out; } };
  const feats = { hashes: new Uint32Array(4 * FEATURES_PER_TOKEN), contexts: new Uint8Array(4).fill(1), count: 4 };
  const trans = new Float64Array(TRANSITION_CONTEXTS * (LABELS.length + 1) * LABELS.length);
  assert.deepEqual([...viterbi(feats, scorer, trans, makeDecodeScratch())], [5, 6, 6, 6]);
});

test('a path score matches the decoder on its best path and is -Infinity off the BIO lattice', () => {
  const scorer = { scoresHashed: (f: ArrayLike<number>, _n: number, out = new Float64Array(LABELS.length)) => { out.fill(0); out[(f[0] ?? 0) % LABELS.length] = 3; return out; } };
  const hashes = new Uint32Array(3 * FEATURES_PER_TOKEN);
  hashes[0] = 1; hashes[FEATURES_PER_TOKEN] = 3; hashes[2 * FEATURES_PER_TOKEN] = 5;
  const contexts = new Uint8Array(3).fill(1);
  const trans = new Float64Array(TRANSITION_CONTEXTS * (LABELS.length + 1) * LABELS.length);
  trans[3 * LABELS.length + 5] = 0.5; // B-CUE → B-CON
  const scores = emissionMatrix({ hashes, count: 3 }, scorer);
  const best = decodeLattice(scores, contexts, trans);
  assert.deepEqual([...best.labels], [1, 3, 5]);
  assert.equal(pathScore(scores, contexts, trans, best.labels), best.score);
  assert.equal(pathScore(scores, contexts, trans, Uint8Array.from([0, 3, 5])), best.score - 3);
  assert.equal(pathScore(scores, contexts, trans, Uint8Array.from([2, 3, 5])), -Infinity);
});

test('gold labels mark source, cue and content tokens', () => {
  const doc = segmentArticle(A1.text);
  const labels = goldLabels(doc, A1.attributions);
  const show = doc.tokens.map((t, i) => `${t.text}/${LABELS[labels[i]!]}`).slice(0, 6);
  assert.deepEqual(show, ['The/B-SRC', 'mayor/I-SRC', 'said/B-CUE', 'that/B-CON', 'the/I-CON', 'bridge/I-CON']);
  assert.equal(LABELS[labels[doc.tokens.findIndex((t) => t.text === 'Workers')]!], 'O');
});

test('the linker pairs each cue with its nearest content and source', () => {
  const text = '"It is safe," a spokesman added. The mayor said the bridge will reopen.';
  const doc = segmentArticle(text);
  const idx = (s: string, from = 0) => doc.tokens.findIndex((t, i) => i >= from && t.text === s);
  const spans = [
    { role: 'content' as const, from: 0, to: idx('a') },
    { role: 'source' as const, from: idx('a'), to: idx('added') },
    { role: 'cue' as const, from: idx('added'), to: idx('added') + 1 },
    { role: 'source' as const, from: idx('The'), to: idx('said') },
    { role: 'cue' as const, from: idx('said'), to: idx('said') + 1 },
    { role: 'content' as const, from: idx('the', idx('said')), to: doc.tokens.length - 1 },
  ];
  const attrs = linkSpans(text, doc.tokens, spans);
  assert.equal(attrs.length, 2);
  const [a, b] = attrs;
  assert.equal(text.slice(a!.source!.start, a!.source!.end), 'a spokesman');
  assert.equal(text.slice(a!.content[0]!.start, a!.content[0]!.end), '"It is safe,"');
  assert.equal(a!.quote, 'direct');
  assert.equal(text.slice(b!.source!.start, b!.source!.end), 'The mayor');
  assert.equal(text.slice(b!.content[0]!.start, b!.content[0]!.end), 'the bridge will reopen');
  assert.equal(b!.quote, 'indirect');
  assert.ok(attrs.every((x) => x.rule === MODEL_RULE && x.via === null));
});

test('training is deterministic and learns a tiny corpus', () => {
  const docs = prepareArticles([A1, A2, A3]);
  const r1 = trainAttributionModel(docs, docs, { epochs: 20, seed: 7, prune: 0 });
  const r2 = trainAttributionModel(docs, docs, { epochs: 20, seed: 7, prune: 0 });
  assert.deepEqual(r1.model, r2.model);
  assert.equal(r1.dev.relation.f1, 1);
  const model = AttributionModel.fromJSON(JSON.parse(JSON.stringify(r1.model)));
  const attrs = model.predict(segmentArticle(A3.text));
  assert.equal(attrs.length, 1);
  assert.equal(A3.text.slice(attrs[0]!.cue.start, attrs[0]!.cue.end), 'said');
});

test('prepared articles carry POS tags and the rule layer the attribution stage hands the model', () => {
  const [d] = prepareArticles([A1], { pos: true, rules: true });
  assert.ok(d!.doc.tokens.every((t) => typeof t.pos === 'string'));
  assert.ok(d!.claimed);
  const said = d!.doc.tokens.findIndex((t) => t.text === 'said');
  const workers = d!.doc.tokens.findIndex((t) => t.text === 'Workers');
  // The rules find "The mayor said that …": its cue is claimed, the next paragraph is not.
  assert.equal(d!.claimed![said], 1);
  assert.equal(d!.claimed![workers], 0);
});

test('a stacked model reads the rule layer and records its settings', () => {
  const docs = prepareArticles([A1, A2, A3], { pos: true, rules: true });
  const r = trainAttributionModel(docs, docs, { epochs: 3, seed: 3, prune: 0, usePos: true, useRules: true });
  assert.equal(r.model.usePos, true);
  assert.equal(r.model.useRules, true);
  assert.ok(r.merged, 'merged scores are reported when rules are stacked');
  const model = AttributionModel.fromJSON(r.model);
  const doc = docs[2]!.doc;
  const free = model.features(doc, new Uint8Array(doc.tokens.length));
  const taken = model.features(doc, new Uint8Array(doc.tokens.length).fill(1));
  assert.notDeepEqual([...free.hashes], [...taken.hashes]);
});

test('the look-ahead code says what follows a token within its sentence', () => {
  const doc = analyzeToWorkingDoc('She said the plan would fail. He said goodbye. They said that it held.');
  const codes = lookAheadCodes(doc.tokens, doc.tokens.map((t) => t.text.toLowerCase()));
  const saids = doc.tokens.flatMap((t, i) => (t.text === 'said' ? [i] : []));
  const at = (n: number) => codes[saids[n]!];
  assert.equal(at(0), 4 + 3, 'a finite verb three tokens on');
  assert.equal(at(1), 9, 'the sentence ends');
  assert.equal(at(2), 1, 'a "that"');
  assert.equal(codes[doc.tokens.length - 1], 0, 'nothing after the last token');
});
