import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPipeline, defineStage } from './pipeline.js';
import { HearsayError } from './errors.js';
import { WorkingDoc } from './working-doc.js';

const a = defineStage('a', { requires: ['text'], assigns: ['x'] }, () => (doc) => { doc.scratch.set('x', 1); });
const b = defineStage('b', { requires: ['x'], assigns: ['y'] }, () => (doc) => { doc.scratch.set('y', (doc.scratch.get('x') as number) + 1); });

test('a well-ordered pipeline runs its stages in order', () => {
  const doc = new WorkingDoc('t', { path: null, type: 'text' });
  createPipeline([a(), b()]).run(doc);
  assert.equal(doc.scratch.get('y'), 2);
  assert.ok(doc.layers.has('y'));
});

test('a misordered pipeline throws PIPELINE_ORDER when built', () => {
  assert.throws(() => createPipeline([b(), a()]), (e: unknown) => e instanceof HearsayError && e.code === 'PIPELINE_ORDER');
});

test('a duplicated stage throws PIPELINE_DUPLICATE', () => {
  assert.throws(() => createPipeline([a(), a()]), (e: unknown) => e instanceof HearsayError && e.code === 'PIPELINE_DUPLICATE');
});

test('a stage whose guard turns a document away does not run, and its layers still count as assigned', () => {
  const guarded = defineStage('g', { requires: ['text'], assigns: ['x'], when: (doc) => doc.text.startsWith('yes') }, () => (doc) => { doc.scratch.set('x', 1); });
  const pipeline = createPipeline([guarded(), b()]);
  const no = pipeline.run(new WorkingDoc('no', { path: null, type: 'text' }));
  assert.equal(no.scratch.get('x'), undefined);
  assert.ok(no.layers.has('x'));
  const yes = pipeline.run(new WorkingDoc('yes', { path: null, type: 'text' }));
  assert.equal(yes.scratch.get('y'), 2);
});

test('onStage hears every stage that runs, in order, with its place in the pipeline', async () => {
  const { analyze, defaultStages } = await import('../analyze.js');
  const heard: string[] = [];
  analyze('Officials said the ferry would run again on Monday.', { skip: ['voice'], onStage: (name, i, n) => heard.push(`${name} ${i}/${n}`) });
  const names = defaultStages().map((s) => s.name).filter((n) => n !== 'voice');
  assert.deepEqual(heard.map((h) => h.split(' ')[0]), names);
  assert.ok(heard.every((h) => h.endsWith(`/${defaultStages().length}`)));
});
