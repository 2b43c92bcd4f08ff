import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../analyze.js';

test('loaded words are authorial outside attributions and attributed inside them', () => {
  const d = analyze('Soldiers murdered three farmers on Sunday. The ministry said the raid was a war crime.');
  const v = d.voice.map((x) => [d.text.slice(x.start, x.end), x.voice, x.loaded]);
  assert.deepEqual(v, [['murdered', 'authorial', true], ['war crime', 'attributed', true]]);
});

test('words inside quotation marks are attributed even without a cue', () => {
  const d = analyze('The plan was called ‘barbaric’ by critics.');
  assert.equal(d.voice[0]?.voice, 'attributed');
});

test('a seeming is the outlet\'s own judgement: its loaded words stay authorial', () => {
  const d = analyze('The raid appeared to be a massacre.');
  assert.equal(d.attributions[0]?.rule, 'attribution:seeming');
  assert.deepEqual(d.voice.map((x) => [d.text.slice(x.start, x.end), x.voice]), [['massacre', 'authorial']]);
});

test('a word counts where its part of speech fits; a verb of saying carries a stance only where it reports', () => {
  const d = analyze('The legendary coach retired. Fans celebrated the win. Delacroix conceded the race. The mayor conceded that the plan had failed.');
  assert.deepEqual(d.voice.map((x) => d.text.slice(x.start, x.end)), ['legendary', 'conceded']);
  assert.equal(d.text.slice(0, d.voice[1]!.start).endsWith('The mayor '), true);
});

test('after a fuzzing pass: literal senses are not loaded; a verb of saying before a clause is', () => {
  const d = analyze('The fire destroyed 40 homes. Two blasts rocked the capital. The car slammed into a wall. The plan would eliminate 500 jobs. The tax regime changed. He was charged with murder. He claimed victory. He claimed the election was stolen.');
  assert.deepEqual(d.voice.map((x) => d.text.slice(x.start, x.end)), ['claimed']);
  assert.equal(d.text.slice(d.voice[0]!.start, d.voice[0]!.start + 30), 'claimed the election was stole');
});
