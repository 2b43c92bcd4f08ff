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

test('"known as" and "known for"; after a comma the name alone', () => {
  assert.deepEqual(seen('The island was known as the poorhouse of the region.'), [[null, 'was known as', 'The island', 'the poorhouse of the region']]);
  assert.deepEqual(seen('The growers fought the Valley Water Authority, also known as the VWA, for years.'), [[null, 'also known as', null, 'the VWA']]);
});

test('"considered" takes its complement with no "as"', () => {
  assert.deepEqual(seen('Direct mail is nonetheless considered an effective way to reach older voters.'), [
    [null, 'is nonetheless considered', 'Direct mail', 'an effective way to reach older voters'],
  ]);
});

test('not where "by" names who sees it, and not without "as"', () => {
  assert.deepEqual(seen('The levy was seen as a tax by many growers.'), []);
  assert.deepEqual(seen('The levy was seen in a new light.'), []);
});
