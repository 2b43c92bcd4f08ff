import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeToWorkingDoc } from '../analyze.js';
import { windowOf } from './find.js';
import { whenAsked } from './when-asked.js';

const asked = (text: string) => {
  const d = analyzeToWorkingDoc(text);
  const words = (r: [number, number] | null) => (r ? d.text.slice(d.tokens[r[0]]!.start, d.tokens[r[1] - 1]!.end) : null);
  return whenAsked(windowOf(d.tokens, 0, 0)).map((f) => [words(f.source), words(f.cue), words(f.content)]);
};

test('a question put by no one named: no source, "asked" the cue, the question the content', () => {
  assert.deepEqual(asked('But when asked how she would fund the bridge, the mayor changed the subject.'), [[null, 'asked', 'how she would fund the bridge']]);
  assert.deepEqual(asked('The actress was asked if she had ever been turned away.'), [[null, 'was asked', 'if she had ever been turned away']]);
});

test('adjuncts before the question, an infinitive or a quotation as what was asked', () => {
  assert.deepEqual(asked('Asked during a radio debate why she trailed, the mayor blamed the weather.'), [[null, 'Asked', 'why she trailed']]);
  assert.deepEqual(asked('Voters were also asked to pick the loser.'), [[null, 'were also asked', 'to pick the loser']]);
  assert.deepEqual(asked('The clerk was asked, “Did you count them twice?”'), [[null, 'was asked', '“Did you count them twice?”']]);
});

test('an asker is the source; the one asked stays out, except before "to"', () => {
  assert.deepEqual(asked('The mayor asked the council whether the bridge was safe.'), [['The mayor', 'asked', 'whether the bridge was safe']]);
  assert.deepEqual(asked('The county asked a federal judge to block the levy.'), [['The county', 'asked', 'a federal judge to block the levy']]);
  assert.deepEqual(asked('The pilot asked for volunteers to move to the back.'), [['The pilot', 'asked', 'volunteers to move to the back']]);
  assert.deepEqual(asked('A reporter asked Ruiz Friday whether she would run.'), [['A reporter', 'asked', 'whether she would run']]);
  assert.deepEqual(asked('The host asked the conservative who would win.').map((r) => r[2]), ['who would win']);
});

test('an "asked" without a question is not one', () => {
  assert.deepEqual(asked('When asked, the mayor declined to comment.'), []);
  assert.deepEqual(asked('The mayor asked the clerk.'), []);
});

test('after a timestamp and a dash the question opens the sentence; "asked by X" names the asker', () => {
  assert.deepEqual(asked('12:40 p.m. — Asked on Valley Radio whether the weir had been kept up, the manager said it had.'), [[null, 'Asked', 'whether the weir had been kept up']]);
  assert.deepEqual(asked('Asked by Lina Ortiz on Thursday whether she would run again, the senator laughed.'), [['Lina Ortiz', 'Asked', 'whether she would run again']]);
  assert.deepEqual(asked('She was asked by a reporter if the levy would stay.'), [['a reporter', 'was asked', 'if the levy would stay']]);
});
