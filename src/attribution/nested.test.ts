import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../analyze.js';
import { parseDocument } from '../core/document.js';

/** [source, cue, content, nested] of each attribution (texts written for this test). */
function read(text: string): [string, string, string, boolean][] {
  const d = analyze(text, { date: '2025-06-01' });
  const s = (x: { start: number; end: number }) => d.text.slice(x.start, x.end);
  return d.attributions.map((a) => [a.source ? s(a.source) : '', s(a.cue), a.content.map(s).join(' … '), a.via !== null]);
}

test('"adding" after a reported clause goes on with the reporter, outside the clause', () => {
  const got = read('The county health department said that the hospital had closed two wards, adding that no one had died.');
  const adding = got.find((x) => x[1] === 'adding');
  assert.deepEqual(adding, ['The county health department', 'adding', 'that no one had died', false]);
  assert.equal(got.find((x) => x[1] === 'said')?.[2], 'that the hospital had closed two wards');
});

test('"adding" after a quotation that closes on a comma goes on with the reporter; the holder keeps the quotation', () => {
  const got = read('The minister told parliament the government would not intervene “at this stage,” adding that the offer was “reasonable.”');
  assert.deepEqual(got.find((x) => x[1] === 'adding'), ['The minister', 'adding', 'that the offer was “reasonable.”', false]);
  assert.equal(got.find((x) => x[1] === 'told')?.[2], 'the government would not intervene “at this stage,”');
});

test('a participle stays with a clause whose subject speaks ("telling him" after "the mayor objected")', () => {
  const got = read('Aides said that the mayor objected, telling him the plan was too costly.');
  assert.notEqual(got.find((x) => x[1] === 'telling')?.[0], 'Aides');
});

test('what nested in a dropped self-report nests in the attribution that held it: no via points nowhere', () => {
  for (const text of [
    '“I told them the council said no,” Mayor Ana Ruiz said.',
    'Mayor Ana Ruiz said that she told reporters the council said the bridge would close.',
  ]) {
    const doc = analyze(text);
    const ids = new Set(doc.attributions.map((a) => a.id));
    const council = doc.attributions.find((a) => a.source && text.slice(a.source.start, a.source.end) === 'the council')!;
    const mayor = doc.attributions.find((a) => a.source && text.slice(a.source.start, a.source.end) === 'Mayor Ana Ruiz')!;
    assert.equal(council.via, mayor.id, text);
    assert.ok(doc.attributions.every((a) => a.via === null || ids.has(a.via)), text);
    assert.doesNotThrow(() => parseDocument(JSON.parse(JSON.stringify(doc))), text);
  }
});
