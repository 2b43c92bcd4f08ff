import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkingDoc } from '../core/working-doc.js';
import { plainTextStage } from './plain-text.js';

function run(text: string): WorkingDoc {
  const doc = new WorkingDoc(text, { path: null, type: 'text' });
  plainTextStage().run(doc);
  return doc;
}

test('a leading outlet line becomes meta.outlet and the footer stays outside the body', () => {
  const text = 'Reuters\n\nThe council voted to close the plant, officials said.\n\nWorkers protested outside.\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *\n\nDiscover more from Valley Dispatch\n\nSubscribe now to keep reading and get access to the full archive.\n\nContinue reading';
  const doc = run(text);
  assert.equal(doc.meta.outlet, 'Reuters');
  assert.equal(doc.meta.site, 'Valley Dispatch');
  assert.equal(doc.body.length, 1);
  const body = doc.text.slice(doc.body[0]!.start, doc.body[0]!.end);
  assert.ok(body.startsWith('The council voted'));
  assert.ok(body.endsWith('Workers protested outside.'));
  assert.ok(doc.messages.some((m) => m.code === 'input/footer'));
});

test('an explicit repost credit names the outlet', () => {
  const doc = run('Originally published by The Harbor Gazette\n\nThe mayor resigned on Monday.');
  assert.equal(doc.meta.outlet, 'The Harbor Gazette');
  assert.equal(doc.meta.outletRule, 'credit-originally-published');
});

test('a repost credit ends at its outlet: "Reposted with permission" and a lower-case "the" stay out', () => {
  const doc = run('Originally published by the Coastal Ledger. Reposted with permission.\n\nThe mayor resigned on Monday.');
  assert.equal(doc.meta.outlet, 'Coastal Ledger');
});

test('an article with no credit line or footer is all body', () => {
  const text = 'The mayor resigned on Monday.\n\nShe said the job had become impossible.';
  const doc = run(text);
  assert.equal(doc.meta.outlet, null);
  assert.deepEqual(doc.body, [{ start: 0, end: text.length }]);
});
