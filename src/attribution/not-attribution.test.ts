import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../analyze.js';

test('"think tank" holds no cue and the "’s" of "Let’s" is no source, nor what nests under them', () => {
  const text = '"She\'s on track to win," said Simon Reyes, president of the Civic Futures Network think tank. Let\'s hope the vote is fair, the mayor said.';
  const d = analyze(text, { date: '2019-11-20' });
  const cues = d.attributions.map((a) => text.slice(a.cue.start, a.cue.end));
  assert.ok(!cues.includes('think'), JSON.stringify(cues));
  assert.ok(!d.attributions.some((a) => a.source && /^['’]s$/.test(text.slice(a.source.start, a.source.end))), JSON.stringify(d.attributions));
  // The real attributions stay.
  assert.ok(cues.filter((c) => c === 'said').length === 2, JSON.stringify(cues));
  for (const a of d.attributions) assert.ok(!a.via || d.attributions.some((b) => b.id === a.via), 'a nested reading points at a kept one');
});
