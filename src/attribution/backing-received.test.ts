import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeToWorkingDoc } from '../analyze.js';
import { backingReceived } from './backing-received.js';
import { windowOf } from './find.js';
import { nameTokens } from './stage.js';

/** The finder alone on one sentence (written for this test): [source, cue, content] per find. */
function finds(text: string): string[][] {
  const doc = analyzeToWorkingDoc(text);
  const w = windowOf(doc.tokens, 0, 0, nameTokens(doc));
  const words = (r: [number, number]) => doc.text.slice(w.tokens[r[0]]!.start, w.tokens[r[1] - 1]!.end);
  return backingReceived(w).map((f) => [words(f.source!), words(f.cue), words(f.content)]);
}

test('backing received: the backer after "of" / "from" is the source, the one backed the content', () => {
  assert.deepEqual(finds('Last week the mayor won the endorsement of the largest teachers\' union in the county.'),
    [["the largest teachers' union", 'won the endorsement', 'the mayor']]);
  assert.deepEqual(finds('Earlier this month Okafor secured the backing of most of the city\'s bus drivers, a coup for her campaign.'),
    [["most of the city's bus drivers", 'secured the backing', 'Okafor']]);
  assert.deepEqual(finds('Lindqvist also picked up an endorsement from a former rival.'), [['a former rival', 'picked up an endorsement', 'Lindqvist']]);
  // A relative pronoun stands for the one backed.
  assert.deepEqual(finds('The senator, who had the support of the farm lobby, voted no.')[0]?.[2], 'who');
});

test('no backing read from a poll share, a hope, or a verb that gives support', () => {
  for (const text of ['The governor has support from 52 percent of likely voters.', 'She hopes to win the support of rural voters.',
    'The council gave its support to the plan.', 'The union offered its backing of the strike.']) {
    assert.deepEqual(finds(text), [], text);
  }
});
