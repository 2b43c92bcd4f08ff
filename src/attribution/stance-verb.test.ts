import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeToWorkingDoc } from '../analyze.js';
import { windowOf } from './find.js';
import { stanceVerbs } from './stance-verb.js';

/** The finder's readings of a one-sentence text, in words: [source, cue, content]. */
const stances = (text: string) => {
  const d = analyzeToWorkingDoc(text);
  const w = windowOf(d.tokens, 0, 0);
  const words = (r: [number, number] | null) => (r ? d.text.slice(d.tokens[r[0]]!.start, d.tokens[r[1] - 1]!.end) : null);
  return stanceVerbs(w).map((f) => [words(f.source), words(f.cue), words(f.content)]);
};

test('a verb of taking sides gives its subject’s stance toward its object', () => {
  assert.deepEqual(stances('The growers supported the levy.'), [['The growers', 'supported', 'the levy']]);
  assert.deepEqual(stances('An outside group backing the mayor spent $2 million on ads.'), [['An outside group', 'backing', 'the mayor']]);
});

test('no stance for a passive, a noun, the reader addressed, an endorsement or a headline', () => {
  assert.deepEqual(stances('The levy was backed by the growers.'), []);
  assert.deepEqual(stances('Their support for the levy grew.'), []);
  assert.deepEqual(stances('If you support the levy, vote in May.'), []);
  assert.deepEqual(stances('The growers endorsed the mayor last week.'), []);
  assert.deepEqual(stances('GROWERS BACK THE LEVY'), []);
});

test('the object stops before a figure and before an adjunct clause', () => {
  assert.deepEqual(stances('Growers favored the levy 46 percent to 32 percent.').map((s) => s[2]), ['the levy']);
  assert.deepEqual(stances('Many growers opposed the levy because prices fell.').map((s) => s[2]), ['the levy']);
});
