import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreEntities, silverNames, withoutTitles, type TypedSpan } from './entities.js';

// Hand-written text and a CoreNLP-style layer for it (columns id form lemma xpos ner head deprel start end).
const text = 'Rep. Ana Ruiz told the Harbor Authority in Lisbon that Portuguese ferries were late.';
const row = (id: number, form: string, ner: string) => {
  const start = text.indexOf(form, id === 1 ? 0 : cursor);
  cursor = start + form.length;
  return [id, form, form, 'NN', ner, 0, 'dep', start, start + form.length].join('\t');
};
let cursor = 0;
const conll = ['# sent 1', ...[
  ['Rep.', 'O'], ['Ana', 'PERSON'], ['Ruiz', 'PERSON'], ['told', 'O'], ['the', 'O'], ['Harbor', 'ORGANIZATION'],
  ['Authority', 'ORGANIZATION'], ['in', 'O'], ['Lisbon', 'LOCATION'], ['that', 'O'], ['Portuguese', 'MISC'],
  ['ferries', 'O'], ['were', 'O'], ['late', 'O'], ['.', 'O'],
].map(([f, n], i) => row(i + 1, f!, n!)), ''].join('\n');
const span = (s: string, type: string): TypedSpan => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, type });

test('silverNames: runs of one class are one name; MISC is kept for leniency', () => {
  const names = silverNames(conll, (cp) => cp).map((s) => [text.slice(s.start, s.end), s.type]);
  assert.deepEqual(names, [['Ana Ruiz', 'PERSON'], ['Harbor Authority', 'ORGANIZATION'], ['Lisbon', 'LOCATION'], ['Portuguese', 'MISC']]);
});

test('withoutTitles drops the titles that open a name, never the whole name', () => {
  const cut = (s: string) => { const x = withoutTitles(text, { start: text.indexOf(s), end: text.indexOf(s) + s.length }); return text.slice(x.start, x.end); };
  assert.equal(cut('Rep. Ana Ruiz'), 'Ana Ruiz');
  assert.equal(cut('Lisbon'), 'Lisbon');
  const t2 = 'Former Gov. Mike Pence and Mr. Smith spoke; Mr. retired.';
  const w = (s: string) => { const x = withoutTitles(t2, { start: t2.indexOf(s), end: t2.indexOf(s) + s.length }); return t2.slice(x.start, x.end); };
  assert.equal(w('Former Gov. Mike Pence'), 'Mike Pence');
  assert.equal(w('Mr.'), 'Mr.');
  const t3 = 'Officials at the State Department and The Hill reported it.';
  const v = (s: string) => { const x = withoutTitles(t3, { start: t3.indexOf(s), end: t3.indexOf(s) + s.length }); return t3.slice(x.start, x.end); };
  assert.equal(v('the State Department'), 'State Department');
  assert.equal(v('The Hill'), 'The Hill');
});

test('scoreEntities: exact, overlap and typed agreement, recall per class, precision per type', () => {
  const silver = silverNames(conll, (cp) => cp);
  const s = scoreEntities([{ silver, predicted: [
    span('Ana Ruiz', 'person'),
    span('Ana Ruiz', 'person'), // a repeated mention of the same words counts once
    span('Harbor Authority', 'person'), // right span, wrong type
    span('Lisbon', 'government'), // a government may be a location
    span('the Harbor', 'organization'), // overlaps only
    span('Portuguese', 'other'), // matches MISC: not wrong, and not counted in recall
  ] }]);
  assert.equal(s.exact.predicted, 5);
  assert.equal(s.exact.gold, 3);
  assert.equal(s.exact.tp, 4);
  assert.equal(s.exact.recall, 1);
  assert.equal(s.overlap.tp, 5);
  assert.equal(s.typed.tp, 3);
  assert.equal(s.typed.recall, 2 / 3);
  assert.deepEqual(s.byClass.ORGANIZATION, { spans: 1, found: 0, recall: 0 });
  assert.deepEqual(s.byClass.PERSON, { spans: 1, found: 1, recall: 1 });
  assert.deepEqual(s.byType.person, { names: 2, matched: 1, precision: 0.5 });
  assert.deepEqual(s.confusion.person, { PERSON: 1, ORGANIZATION: 1 });
  assert.deepEqual(s.confusion.government, { LOCATION: 1 });
});
