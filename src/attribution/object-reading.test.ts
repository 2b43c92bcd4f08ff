import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../analyze.js';
import type { HearsayDocument } from '../core/types.js';
import { renumberAttributions } from './late-finder.js';

const cues = (d: HearsayDocument) => d.attributions.map((a) => d.text.slice(a.cue.start, a.cue.end));

test('a verb that reports only with a clause, read with a plain noun phrase, is no attribution', () => {
  const d = analyze('The mayor maintains a wide lead over her rivals among older voters. The governor maintained that the levy was fair.');
  assert.deepEqual(cues(d), ['maintained']);
  assert.equal(d.text.slice(d.attributions[0]!.content[0]!.start, d.attributions[0]!.content[0]!.end), 'that the levy was fair');
  assert.equal(d.attributions[0]!.id, 'a1');
});

test('"known as" after a noun names; after "is" it stays the seen-as reading', () => {
  const d = analyze('The hacker known as Blue Heron was arrested in March. The valley is widely known as the driest in the state.');
  const known = d.attributions.filter((a) => d.text.slice(a.cue.start, a.cue.end).includes('known'));
  assert.equal(known.length, 1);
  assert.ok(d.text.slice(known[0]!.cue.start, known[0]!.cue.end).startsWith('is widely known'));
});

test('renumbering sorts by cue, renames ids and remaps or clears nesting', () => {
  const mk = (id: string, start: number, via: string | null) => ({ id, source: null, cue: { start, end: start + 1 }, content: [], quote: 'indirect' as const, via, hedge: null, rule: 'x' });
  const out = renumberAttributions([mk('a3', 20, 'a1'), mk('a1', 5, null), mk('a7', 30, 'a9')]);
  assert.deepEqual(out.map((a) => [a.id, a.cue.start, a.via]), [['a1', 5, null], ['a2', 20, 'a1'], ['a3', 30, null]]);
});

test('credit and contact lines are no attributions; a speaker label is', () => {
  const d = analyze('The mayor opened the new bridge on Monday.\n\nContributing: Ann Lee and Raj Patel\n\nTwitter: @annlee\n\nLee reported from Austin.\n\nRUIZ: We will rebuild every road.');
  assert.deepEqual(cues(d), [':']);
  assert.equal(d.text.slice(d.attributions[0]!.source!.start, d.attributions[0]!.source!.end), 'RUIZ');
});

test('"found himself" and "showed up" name a plight and an arrival, not a finding', () => {
  const d = analyze('The senator found himself in an awkward position on Friday. The mayor showed up in Austin on Monday. Auditors found that the fund was short.');
  assert.deepEqual(cues(d), ['found']);
  assert.equal(d.text.slice(d.attributions[0]!.content[0]!.start, d.attributions[0]!.content[0]!.end), 'that the fund was short');
});

test('"add up" is a sum, not a report, inside a quotation too; "added that" still reports', () => {
  const d = analyze('“The numbers simply do not add up, and everyone knows it,” Dana Brooks said. The costs added up quickly. She added that the fund was short.');
  assert.deepEqual(cues(d), ['said', 'added']);
});
