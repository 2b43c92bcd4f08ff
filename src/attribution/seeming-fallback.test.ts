import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeToWorkingDoc } from '../analyze.js';
import { windowOf } from './find.js';
import { seemingFallback } from './seeming-fallback.js';

const seem = (text: string) => {
  const d = analyzeToWorkingDoc(text);
  const words = (r: [number, number] | null | undefined) => (r ? d.text.slice(d.tokens[r[0]]!.start, d.tokens[r[1] - 1]!.end) : null);
  return seemingFallback(windowOf(d.tokens, 0, 0)).map((f) => [words(f.source), words(f.cue), words(f.lead), words(f.content)]);
};

test('a subject the rules cannot read runs back to its clause start', () => {
  assert.deepEqual(seem('The mayor spoke for an hour, but none of the new plans seemed to fit the budget.'), [[null, 'seemed', 'none of the new plans', 'to fit the budget']]);
  assert.deepEqual(seem('His ability to finish the bridge seemed shaky after the flood.'), [[null, 'seemed', 'His ability to finish the bridge', 'shaky']]);
});

test('no reading for a relative pronoun, an infinitive, an experiencer or a complement that is no judgement', () => {
  for (const text of ['The plans, which on their face seemed to cost little, were dropped.', 'It was an attempt to appear more careful.',
    'Nothing about the plan seems credible to me.', 'The mayor appeared on the evening news.']) {
    assert.deepEqual(seem(text), [], text);
  }
});
