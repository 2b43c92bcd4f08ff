import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Attribution } from '../core/types.js';
import { posStage } from '../pos/stage.js';
import { segmentArticle } from './train.js';
import { MODEL_ATTRIBUTIONS, attributionModelStage } from './stage.js';
import { analyze } from '../analyze.js';

test('the shipped model finds a plain "X said that Y" attribution', () => {
  // Hand-written text.
  const text = 'The city council said that the new library will open next spring.\nIt rained all week.';
  const doc = segmentArticle(text);
  // The model reads part-of-speech tags, as in the pipeline.
  posStage().run(doc);
  attributionModelStage().run(doc);
  const attrs = doc.scratch.get(MODEL_ATTRIBUTIONS) as Attribution[];
  const said = attrs.find((a) => text.slice(a.cue.start, a.cue.end) === 'said');
  assert.ok(said, JSON.stringify(attrs));
  assert.equal(said.rule, 'model:attr-perceptron');
  assert.equal(said.via, null);
  assert.match(text.slice(said.source!.start, said.source!.end), /city council/);
  assert.match(text.slice(said.content[0]!.start, said.content.at(-1)!.end), /library will open next spring/);
});

test('a source the boundary ranker would move back over ", and" keeps to its own clause', () => {
  const d = analyze('LOPEZ: The tolls pay for repairs that drivers have demanded for years, and the state auditor told us in March that the bridges are the worst in the state.');
  const told = d.attributions.find((a) => d.text.slice(a.cue.start, a.cue.end) === 'told');
  assert.equal(told?.source && d.text.slice(told.source.start, told.source.end), 'the state auditor');
});

test('a model cue read across a sentence end is dropped, not a crash (a mutation fuzzer\'s input)', () => {
  const text = '<div>".‘e s\' ’a o said.\nAc“report“offered n';
  const doc = analyze(text);
  assert.ok(doc.attributions.every((a) => !/[.!?]\s/.test(doc.text.slice(a.cue.start, a.cue.end))));
});
