import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../analyze.js';
import type { Entity } from '../core/types.js';
import { genderOf } from './gender.js';

const person = (doc: ReturnType<typeof analyze>, name: string): Entity => {
  const e = doc.entities.find((x) => x.name === name);
  assert.ok(e, `${name} in ${doc.entities.map((x) => x.name).join(', ')}`);
  return e;
};

test('a title in or before a mention says the gender, with the mention as evidence', () => {
  const doc = analyze('The harbor will reopen in May, Ms. Okonkwo-Lind said on Tuesday.\n\nMs. Okonkwo-Lind runs the port.\n', { date: '2025-03-04' });
  const g = person(doc, 'Okonkwo-Lind').gender;
  assert.equal(g?.value, 'female');
  assert.equal(g?.rule, 'entities:gender-title');
  assert.match(doc.text.slice(g!.evidence.start - 4, g!.evidence.end), /Ms\. Okonkwo-Lind/);
});

test('pronouns resolved to a person say the gender where no title does', () => {
  const doc = analyze('Ketevan Abashidze, the harbor engineer, inspected the pier on Monday. She said the pilings had rotted.\n', { date: '2025-03-04' });
  const g = person(doc, 'Ketevan Abashidze').gender;
  assert.equal(g?.value, 'female');
  assert.equal(g?.rule, 'entities:gender-pronoun');
  assert.equal(doc.text.slice(g!.evidence.start, g!.evidence.end), 'She');
});

test('a first name is the last resort, and says it is a guess', () => {
  const doc = analyze('Robert Lang, who chairs the harbor board, said the vote would be held in June.\n', { date: '2025-03-04' });
  const g = person(doc, 'Robert Lang').gender;
  assert.equal(g?.value, 'male');
  assert.equal(g?.rule, 'entities:gender-first-name');
});

test('no gender for non-persons, for persons the text says nothing about, or where titles disagree', () => {
  const span = (start: number, end: number) => ({ start, end });
  const text = 'Mr. Quill and Mrs. Quill; Quill said; the Quill Group said.';
  const quill: Entity = { id: 'quill', name: 'Quill', type: 'person', mentions: [span(4, 9), span(19, 24), span(26, 31)] };
  assert.equal(genderOf(text, quill), null);
  assert.equal(genderOf(text, { ...quill, mentions: [span(26, 31)] }), null);
  assert.equal(genderOf(text, { ...quill, type: 'organization', mentions: [span(4, 9)] }), null);
  assert.equal(genderOf(text, { ...quill, mentions: [span(19, 24)] })?.value, 'female');
});

test('pronouns must agree two to one', () => {
  const text = 'he he she; he she';
  const e = (ms: [number, number][]): Entity => ({ id: 'x', name: 'Xq Zed', type: 'person', mentions: ms.map(([start, end]) => ({ start, end })) });
  assert.equal(genderOf(text, e([[0, 2], [3, 5], [6, 9]]))?.value, 'male');
  assert.equal(genderOf(text, e([[11, 13], [14, 17]])), null);
});

test('pronouns against the first name yield to the name (the resolver slipped)', () => {
  const text = 'Robert Lang spoke. she she';
  const e: Entity = { id: 'r', name: 'Robert Lang', type: 'person', mentions: [{ start: 0, end: 11 }, { start: 19, end: 22 }, { start: 23, end: 26 }] };
  assert.deepEqual(genderOf(text, e), { value: 'male', rule: 'entities:gender-first-name', evidence: { start: 0, end: 11 } });
  assert.equal(genderOf(text, { ...e, name: 'Xq Lang' })?.rule, 'entities:gender-pronoun');
});

test('a possessive whose nearest person opens its sentence counts like a subject pronoun', () => {
  const doc = analyze('Analyst Ketevan Abashidze kept her buy rating on the stock, the bank said on Monday.\n', { date: '2025-03-04' });
  const g = person(doc, 'Ketevan Abashidze').gender;
  assert.equal(g?.value, 'female');
  assert.equal(g?.rule, 'entities:gender-pronoun');
  // Not where another person stands between: "told the mayor that the bridge is his".
  const other = analyze('Governor Tam Oduya told Mayor Ketevan Abashidze that the bridge was his top priority.\n', { date: '2025-03-04' });
  assert.notEqual(person(other, 'Ketevan Abashidze').gender?.rule, 'entities:gender-pronoun');
});
