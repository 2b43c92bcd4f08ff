import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../analyze.js';
import type { Attribution, HearsayDocument } from '../core/types.js';

const show = (d: HearsayDocument, a: Attribution) => ({
  source: a.source ? d.text.slice(a.source.start, a.source.end) : null,
  cue: d.text.slice(a.cue.start, a.cue.end),
  content: a.content.map((c) => d.text.slice(c.start, c.end)),
});

test('a relative clause’s attribution takes its pronoun as the first content part', () => {
  const d = analyze('The council approved the new parking rules, which officials said will take effect in May.');
  const a = d.attributions.find((x) => d.text.slice(x.cue.start, x.cue.end) === 'said')!;
  assert.deepEqual(show(d, a), { source: 'officials', cue: 'said', content: ['which', 'will take effect in May'] });
  assert.equal(a.refinedBy?.at(-1), 'attribution:relative-pronoun');
  assert.equal(a.quote, 'indirect');
});

test('a preposition before the pronoun keeps it out ("in which the auditor said")', () => {
  const d = analyze('He cited a report in which the auditor said the fund was short.');
  const a = d.attributions.find((x) => d.text.slice(x.cue.start, x.cue.end) === 'said')!;
  assert.deepEqual(show(d, a).content, ['the fund was short']);
  assert.ok(!(a.refinedBy ?? []).includes('attribution:relative-pronoun'));
});

test('"who" is left out: the pipeline lost exact contents with it on train', () => {
  const d = analyze('The board thanked the treasurer, who the auditors said had kept the books in order.');
  const a = d.attributions.find((x) => d.text.slice(x.cue.start, x.cue.end) === 'said')!;
  assert.ok(!show(d, a).content.includes('who'));
});

test('"that" is taken only where the reported clause lacks its subject', () => {
  const d = analyze('The county set a filing deadline that several clerks said went unnoticed. It backed a levy that the mayor said she would sign.');
  const [gap, object] = ['went unnoticed', 'she would sign'].map((c) => d.attributions.find((x) => x.content.some((s) => d.text.slice(s.start, s.end) === c))!);
  assert.deepEqual(show(d, gap!).content, ['that', 'went unnoticed']);
  assert.deepEqual(show(d, object!).content, ['she would sign']);
});
