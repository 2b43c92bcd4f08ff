import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeToWorkingDoc } from '../analyze.js';
import { windowOf } from './find.js';
import { seenAs } from './seen-as.js';

const seen = (text: string) => {
  const d = analyzeToWorkingDoc(text);
  const words = (r: [number, number] | null | undefined) => (r ? d.text.slice(d.tokens[r[0]]!.start, d.tokens[r[1] - 1]!.end) : null);
  return seenAs(windowOf(d.tokens, 0, 0)).map((f) => [words(f.source), words(f.cue), words(f.lead), words(f.content)]);
};

test('a passive of perception with no one named: the subject and the complement are the content', () => {
  assert.deepEqual(seen('The growers union is widely regarded as one of the most militant in the valley.'), [
    [null, 'is widely regarded as', 'The growers union', 'one of the most militant in the valley'],
  ]);
});

test('not where "by" names who sees it, and not without "as"', () => {
  assert.deepEqual(seen('The levy was seen as a tax by many growers.'), []);
  assert.deepEqual(seen('The levy was seen in a new light.'), []);
});
