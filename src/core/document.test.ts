import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../analyze.js';
import { parseDocument } from './document.js';
import { HearsayError } from './errors.js';

const TEXT = 'Harbor Weekly\n\n“The pier stays shut,” a port official said on Friday. The union reportedly replied that the closure was ‘reckless.’\n';

test('a document round-trips through JSON unchanged and validates', () => {
  const doc = analyze(TEXT, { date: '2025-03-07' });
  const back = parseDocument(JSON.parse(JSON.stringify(doc)));
  assert.deepEqual(back, doc);
  assert.equal(back.schema, 'hearsay/1');
});

test('a wrong schema or a span outside the text is a SCHEMA_MISMATCH', () => {
  const doc = JSON.parse(JSON.stringify(analyze(TEXT)));
  assert.throws(() => parseDocument({ ...doc, schema: 'hearsay/0' }), (e: unknown) => e instanceof HearsayError && e.code === 'SCHEMA_MISMATCH');
  doc.attributions[0].cue.end = doc.text.length + 5;
  assert.throws(() => parseDocument(doc), /attributions\[0\]\.cue/);
});

test('refinedBy round-trips and must be a list of rule names', () => {
  const doc = analyze('The mayor has not said whether the bridge will close.');
  assert.deepEqual(doc.attributions[0]!.refinedBy, ['attribution:cue-auxiliaries']);
  assert.deepEqual(parseDocument(JSON.parse(JSON.stringify(doc))), doc);
  const bad = JSON.parse(JSON.stringify(doc));
  bad.attributions[0].refinedBy = 'attribution:cue-auxiliaries';
  assert.throws(() => parseDocument(bad), /refinedBy/);
});

test('an entity\'s refinedBy round-trips, must be a list of rule names, and --explain shows it', async () => {
  const doc = analyze('Thousands of nurses organized a march in Oakland on Saturday.');
  const oakland = doc.entities.findIndex((e) => e.name === 'Oakland');
  assert.deepEqual(doc.entities[oakland]!.refinedBy, ['model:name-types']);
  assert.deepEqual(parseDocument(JSON.parse(JSON.stringify(doc))), doc);
  const bad = JSON.parse(JSON.stringify(doc));
  bad.entities[oakland].refinedBy = [7];
  assert.throws(() => parseDocument(bad), /entities\[\d+\]\.refinedBy/);
  const { explainDocument } = await import('../cli/explain.js');
  assert.match(explainDocument(doc), /entity oakland location .*\n {2}refined by model:name-types — the name typer/);
});

test('chainOf and sourceLabel follow a document edited after an earlier lookup', async () => {
  const { chainOf, sourceLabel } = await import('./document.js');
  const doc = analyze('Officials told the Courier that the mayor said the bridge would close.');
  const inner = doc.attributions.find((a) => a.via !== null)!;
  assert.deepEqual(chainOf(doc, inner).length, 2);
  const copy = { ...doc, attributions: doc.attributions.map((a) => (a.id === inner.id ? { ...a, via: null } : a)) };
  assert.deepEqual(chainOf(copy, copy.attributions.find((a) => a.id === inner.id)!), [sourceLabel(doc, inner)]);
  doc.attributions.push({ ...inner, id: 'a99', via: inner.id });
  assert.equal(chainOf(doc, doc.attributions.at(-1)!).length, 3);
});

test('a plural source\'s members round-trip, must name entities, and label the source', async () => {
  const { sourceLabel } = await import('./document.js');
  const doc = analyze('Mayor Ada Quinn met Governor Ron Ellery in Dover. Both leaders said the bridge would reopen in May.');
  const a = doc.attributions.find((x) => x.source?.members)!;
  assert.equal(sourceLabel(doc, a), 'Ada Quinn and Ron Ellery');
  assert.deepEqual(parseDocument(JSON.parse(JSON.stringify(doc))), doc);
  const bad = JSON.parse(JSON.stringify(doc));
  bad.attributions[doc.attributions.indexOf(a)].source.members = ['nobody'];
  assert.throws(() => parseDocument(bad), /source\.members/);
});

test('an entity\'s gender round-trips and is checked', () => {
  const doc = analyze('Ms. Ada Quinn, the mayor, said the bridge would reopen in May.');
  const i = doc.entities.findIndex((e) => e.gender);
  assert.ok(i >= 0);
  assert.deepEqual(parseDocument(JSON.parse(JSON.stringify(doc))), doc);
  for (const gender of [{ value: 'other', rule: 'x', evidence: { start: 0, end: 1 } }, { value: 'female', rule: 'x', evidence: { start: 0, end: 1e9 } }, 'female']) {
    const bad = JSON.parse(JSON.stringify(doc));
    bad.entities[i].gender = gender;
    assert.throws(() => parseDocument(bad), /entities\[\d+\]\.gender/);
  }
});

test('a reference date that is no calendar day is ignored with a warning; a non-string input is INVALID_OPTION', () => {
  const doc = analyze('The council said on Monday that the ferry would run again.', { date: '2024-02-30' });
  assert.equal(doc.meta.published, null);
  assert.ok(doc.messages.some((m) => m.code === 'input/bad-date' && m.severity === 'warning'));
  assert.ok(analyze('The council said on Monday that the ferry would run again.', { date: '2024-02-29' }).messages.every((m) => m.code !== 'input/bad-date'));
  assert.throws(() => analyze(null as unknown as string), (e: unknown) => e instanceof HearsayError && e.code === 'INVALID_OPTION');
});

test('malformed layers are SCHEMA_MISMATCH naming the place, never a TypeError', () => {
  const good = JSON.parse(JSON.stringify(analyze(TEXT, { date: '2025-03-07' })));
  const cases: [string, (d: Record<string, any>) => void, RegExp][] = [
    ['null entity', (d) => { d.entities[0] = null; }, /entities\[0\] is not an object/],
    ['entity without mentions', (d) => { delete d.entities[0].mentions; }, /entities\[0\]\.mentions is not an array/],
    ['null attribution', (d) => { d.attributions[0] = null; }, /attributions\[0\] is not an object/],
    ['content not a list', (d) => { d.attributions[0].content = null; }, /attributions\[0\]\.content is not an array/],
    ['events a string', (d) => { d.events = 'none'; }, /events is not an array/],
    ['event without actors', (d) => { d.events = [{ id: 'e1', type: 'AGREE', trigger: { start: 0, end: 1 }, actor: null, recipient: [] }]; }, /events\[0\]\.actor is not an array/],
    ['a time off the text', (d) => { d.times = [{ start: 0, end: d.text.length + 1 }]; }, /times\[0\]/],
    ['a null message', (d) => { d.messages = [null]; }, /messages\[0\] is not a message/],
    ['an unknown source kind', (d) => { d.attributions.find((a: { source: unknown }) => a.source).source.kind = '__proto__'; }, /source\.kind is not a source kind/],
    ['an unknown quote type', (d) => { d.attributions[0].quote = 'total'; }, /quote is not direct, indirect or mixed/],
    ['an outlet that is an object', (d) => { d.meta.outlet = { a: 1 }; }, /meta\.outlet is not a string or null/],
    ['an unknown entity type', (d) => { d.entities[0].type = 'robot'; }, /entities\[0\]\.type is not an entity type/],
    ['a path that is an object', (d) => { d.input.path = { a: 1 }; }, /input\.path is not a string or null/],
    ['two entities under one id', (d) => { d.entities.push({ ...d.entities[0], name: 'Someone Else' }); }, /two entities share an id/],
    ['two attributions under one id', (d) => { d.attributions.push({ ...d.attributions[0] }); }, /two attributions share an id/],
    ['a voice that is neither', (d) => { d.voice = [{ start: 0, end: 1, voice: 'narrator', loaded: true }]; }, /voice\[0\]\.voice is not authorial or attributed/],
    ['a voice kind that is an object', (d) => { d.voice = [{ start: 0, end: 1, voice: 'authorial', loaded: true, kind: {} }]; }, /voice\[0\]\.kind is not a string/],
  ];
  for (const [name, spoil, why] of cases) {
    const d = JSON.parse(JSON.stringify(good));
    spoil(d);
    assert.throws(() => parseDocument(d), (e: unknown) => e instanceof HearsayError && e.code === 'SCHEMA_MISMATCH' && why.test(e.message), name);
  }
  assert.throws(() => parseDocument([good]), /not an object/);
});

test('lone carriage returns and line separators break lines, one character for one', () => {
  const lf = 'Harbor Weekly\n\nThe pier stays shut, a port official said.\n\nLeave a Reply\n';
  const cr = lf.replace(/\n/g, '\r');
  const a = analyze(lf);
  const b = analyze(cr);
  assert.equal(b.text, lf);
  assert.deepEqual(b.sentences, a.sentences);
  assert.deepEqual(b.body, a.body);
  assert.ok(b.messages.some((m) => m.code === 'input/line-breaks' && m.severity === 'info'));
  assert.equal(analyze(lf.replace(/\n/g, '\u2029')).text, lf);
  assert.equal(analyze(lf.replace(/\n/g, '\r\n')).text, lf.replace(/\n/g, '\r\n'), 'CRLF stays as it is');
});
