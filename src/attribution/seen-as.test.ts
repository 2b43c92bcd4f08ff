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

test('a reduced relative and a subject with an appositive', () => {
  assert.deepEqual(seen('Growers targeted the county, a district seen as critical for the levy.').map((r) => [r[1], r[2], r[3]]), [
    ['seen as', 'a district', 'critical for the levy'],
  ]);
  assert.deepEqual(seen('The other two counties, Kern and Tulare, are widely seen as strongholds of the growers.').map((r) => [r[1], r[2]]), [
    ['are widely seen as', 'The other two counties, Kern and Tulare'],
  ]);
});

test('not where "by" names who sees it, and not without "as"', () => {
  assert.deepEqual(seen('The levy was seen as a tax by many growers.'), []);
  assert.deepEqual(seen('The levy was seen in a new light.'), []);
});

test('"known to" with an infinitive, and words between the auxiliary and "been"', () => {
  assert.deepEqual(seen('The two families were known to share the lake house in summer.'), [[null, 'were known', 'The two families', 'to share the lake house in summer']]);
  assert.deepEqual(seen('The valley has long been known for its floods.'), [[null, 'has long been known for', 'The valley', 'its floods']]);
});

test('"intended" and "meant" with an infinitive; a possessor owns the intent', () => {
  assert.deepEqual(seen('The levy was intended to fund the new bridge.'), [[null, 'was intended', 'The levy', 'to fund the new bridge']]);
  assert.deepEqual(seen('The new show is meant to appeal to young viewers.'), [[null, 'is meant', 'The new show', 'to appeal to young viewers']]);
  assert.deepEqual(seen("The mayor's plan is intended to fund the new bridge."), [["The mayor's", 'plan is intended', null, 'to fund the new bridge']]);
});
