import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wordsOf } from './words-of.js';
import { findsIn } from './late-finder-testing.js';

/** The finder alone on one sentence (written for this test): [source, cue, content] per find. */
const finds = (text: string): string[][] => findsIn(wordsOf, text);

test('"in the words of X": X is the source, the clause after it or before it the content', () => {
  assert.deepEqual(finds('In the words of one Pine Hollow resident, the town forgot the valley.'),
    [['one Pine Hollow resident', 'In the words of', 'the town forgot the valley']]);
  assert.deepEqual(finds('The plan was dead on arrival, in the words of a senior aide.'),
    [['a senior aide', 'in the words of', 'The plan was dead on arrival']]);
});

test('no credit from words that are not a speaker\'s', () => {
  for (const text of ['She chose her words carefully.', 'The words of the anthem were changed in 1990.', 'In the words of, well, nobody.']) {
    assert.deepEqual(finds(text), [], text);
  }
});
