import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../analyze.js';
import type { Attribution, HearsayDocument } from '../core/types.js';

const show = (d: HearsayDocument, a: Attribution) => ({
  source: a.source ? d.text.slice(a.source.start, a.source.end) : null,
  cue: d.text.slice(a.cue.start, a.cue.end),
  content: a.content.map((c) => d.text.slice(c.start, c.end)),
  rule: a.rule,
});
const BODY = '\n\nThe council met on Tuesday to vote on the budget for the coming year.';

test('a headline label with a topic credits the claim to the name before the preposition', () => {
  const d = analyze(`Mayor Ruiz on Flood Plan: Every Road Will Be Rebuilt.${BODY}`);
  assert.deepEqual(show(d, d.attributions[0]!), { source: 'Mayor Ruiz', cue: ':', content: ['Every Road Will Be Rebuilt'], rule: 'attribution:headline-label' });
});

test('a label with a lower-case word and a kicker before a dash', () => {
  const a = analyze(`Ruiz camp: The levy will pass in May.${BODY}`);
  assert.equal(show(a, a.attributions[0]!).source, 'Ruiz camp');
  const b = analyze(`EXCLUSIVE – Dana Ruiz: The levy will pass in May.${BODY}`);
  assert.equal(show(b, b.attributions[0]!).source, 'Dana Ruiz');
});

test('kickers, labels with a verb, claims with no verb and later sentences get none', () => {
  for (const text of [`The Latest: Council votes on the budget.${BODY}`, `Ruiz is back: The mayor returns to the valley.${BODY}`,
    `Ruiz and Lee: A long rivalry in the valley.${BODY}`, `The council met.\n\nRuiz camp: The levy will pass in May.`]) {
    const d = analyze(text);
    assert.ok(!d.attributions.some((a) => a.rule === 'attribution:headline-label'), text);
  }
});
