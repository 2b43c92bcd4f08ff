import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeToWorkingDoc } from '../analyze.js';
import { windowOf } from './find.js';
import { invertedCredits, saidAcross } from './speech-fallback.js';
import type { LateFind } from './late-finder.js';

const read = (text: string, find: (w: ReturnType<typeof windowOf>) => LateFind[]) => {
  const d = analyzeToWorkingDoc(text);
  const words = (r: [number, number] | null) => (r ? d.text.slice(d.tokens[r[0]]!.start, d.tokens[r[1] - 1]!.end) : null);
  return find(windowOf(d.tokens, 0, 0)).map((f) => [words(f.source), words(f.cue), words(f.content)]);
};

test('a credit after a quotation takes a source that runs on over a restrictive modifier', () => {
  assert.deepEqual(read('“It is going to be hard to finish in time,” said a longtime engineer who has worked on the bridge.', invertedCredits), [
    ['a longtime engineer who has worked on the bridge', 'said', '“It is going to be hard to finish in time,”'],
  ]);
  assert.deepEqual(read('“The bridge is an amazing piece of work,” said the 46-year-old.', invertedCredits).map((r) => r[0]), ['the 46-year-old']);
  assert.deepEqual(read('The bridge held, said the engineer.', invertedCredits), []);
});

test('an aside between the verb and its clause, and a polled subject', () => {
  assert.deepEqual(read('The engineer said, however, that the bridge would hold.', saidAcross), [['The engineer', 'said', 'that the bridge would hold']]);
  assert.deepEqual(read('Most of those surveyed said the levy should pass.', saidAcross).map((r) => [r[1], r[2]]), [['said', 'the levy should pass']]);
});
