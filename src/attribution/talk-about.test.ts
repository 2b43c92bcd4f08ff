import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../analyze.js';
import type { HearsayDocument } from '../core/types.js';
import { analyzeToWorkingDoc } from '../analyze.js';
import { windowOf } from './find.js';
import { nameTokens } from './stage.js';
import { talkAbout } from './talk-about.js';

const talks = (d: HearsayDocument) => d.attributions.filter((a) => a.rule === 'attribution:talk-about').map((a) => ({
  source: a.source ? d.text.slice(a.source.start, a.source.end) : null,
  cue: d.text.slice(a.cue.start, a.cue.end),
  content: a.content.map((c) => d.text.slice(c.start, c.end)),
}));

test('a verb of speaking with "about": the subject speaks, the phrase after "about" is the content', () => {
  // The finder alone (in this sentence the models find it first).
  const doc = analyzeToWorkingDoc('The harbour master, who was thanked by the council, spoke about the cost of dredging the channel.');
  const w = windowOf(doc.tokens, 0, 0, nameTokens(doc));
  const words = (r: [number, number]) => doc.text.slice(w.tokens[r[0]]!.start, w.tokens[r[1] - 1]!.end);
  const [f] = talkAbout(w);
  assert.deepEqual(f && [words(f.source!), words(f.cue), words(f.content)], ['The harbour master, who was thanked by the council', 'spoke about', 'the cost of dredging the channel']);
  // With the one spoken to before "about".
  const e = analyze('Ms. Okafor talks to the Ledger about the plan for the old mill.');
  assert.deepEqual(talks(e)[0]?.cue, 'talks to the Ledger about');
});

test('nouns, passives and sentences with no speaker get none', () => {
  for (const text of ['There was a lot of talk about the record at the meeting.', 'The storm will be talked about for years.',
    'It is hard to talk about the mill without its owners.']) {
    assert.deepEqual(talks(analyze(text)), [], text);
  }
});
