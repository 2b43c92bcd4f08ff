import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../analyze.js';
import { quotedAsSaying } from './quoted-as-saying.js';
import { findsIn } from './late-finder-testing.js';

/** The finder alone on one sentence (written for this test): [source, cue, content] per find. */
const finds = (text: string): string[][] => findsIn(quotedAsSaying, text);

test('quoted as saying: the one quoted is the source, what follows "saying" the content', () => {
  assert.deepEqual(finds('The harbor master was quoted as saying the pier would reopen in June.'),
    [['The harbor master', 'was quoted as saying', 'the pier would reopen in June']]);
  // An adjunct before "that" stays out of the content; "later" and "by …" stay in the cue.
  assert.deepEqual(finds('Okafor was later quoted by a local paper as saying at a rally that the vote had been rigged.'),
    [['Okafor', 'was later quoted by a local paper as saying', 'that the vote had been rigged']]);
  assert.deepEqual(finds('Ms. Lund, who was quoted as telling aides that she would resign, denied it.')[0]?.slice(0, 2), ['who', 'was quoted as telling']);
});

test('no reading of "quoted" in the active, or without "as saying"', () => {
  for (const text of ['The paper quoted an aide as saying the deal was off.', 'His remarks were quoted in every newspaper.', 'The price was quoted as 40 dollars.']) {
    assert.deepEqual(finds(text), [], text);
  }
});

test('the stage adds the reading where no other attribution holds the cue', () => {
  const doc = analyze('Brooks was quoted as saying at a fundraiser in May that the pipeline would be a bad deal for farmers.', { date: '2025-06-01' });
  const a = doc.attributions.find((x) => x.rule === 'attribution:quoted-as-saying');
  assert.ok(a, 'the finder read the sentence');
  assert.equal(doc.text.slice(a.source!.start, a.source!.end), 'Brooks');
  assert.equal(doc.text.slice(a.content[0]!.start, a.content[0]!.end), 'that the pipeline would be a bad deal for farmers');
});
