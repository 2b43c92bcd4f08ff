import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backingReceived } from './backing-received.js';
import { findsIn } from './late-finder-testing.js';

/** The finder alone on one sentence (written for this test): [source, cue, content] per find. */
const finds = (text: string): string[][] => findsIn(backingReceived, text);

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
