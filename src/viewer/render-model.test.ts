import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { HearsayDocument } from '../core/types.js';
import {
  attributionsCsv, buildRenderModel, csvCell, excerpt, percent, segmentClasses, unionLength, viaPath,
} from './render-model.js';

function sample(): HearsayDocument {
  const file = path.resolve(process.cwd(), 'test/fixtures/viewer/sample.json');
  return JSON.parse(readFileSync(file, 'utf8')) as HearsayDocument;
}

test('segments tile the text exactly, in order', () => {
  const doc = sample();
  const m = buildRenderModel(doc);
  assert.equal(m.segments.map((s) => s.text).join(''), doc.text);
  let pos = 0;
  for (const s of m.segments) {
    assert.equal(s.start, pos);
    assert.ok(s.end > s.start);
    pos = s.end;
  }
  assert.equal(pos, doc.text.length);
});

test('segments carry roles, quote type, voice and the innermost attribution', () => {
  const doc = sample();
  const m = buildRenderModel(doc);
  const at = (needle: string) => {
    const i = doc.text.indexOf(needle);
    const s = m.segments.find((x) => x.start <= i && x.end > i);
    assert.ok(s, needle);
    return s;
  };
  const src = at('Transport Minister');
  assert.deepEqual(src.roles, ['source']);
  assert.equal(src.sourceKey, 'entity:e1');
  assert.equal(src.sourceKind, 'person');
  assert.equal(src.voice, 'authorial');
  assert.deepEqual(at('create thousands').roles, ['content']);
  assert.equal(at('create thousands').quote, 'mixed');
  assert.equal(at('create thousands').voice, 'attributed');
  // Innermost content: "the project was over budget" is inside a4, inside a3, inside a2.
  const inner = at('over budget');
  assert.equal(inner.primary, 'a4');
  assert.deepEqual(inner.attributions, ['a4', 'a3', 'a2']);
  // "two senior officials" is a source of a3 and content of a2.
  const anon = at('two senior officials');
  assert.deepEqual(anon.roles, ['source', 'content']);
  assert.equal(anon.sourceKind, 'anonymous');
  const loaded = at('slammed');
  assert.deepEqual(loaded.loaded, { voice: 'authorial', attribution: null, kind: null });
  assert.ok(segmentClasses(loaded).includes('hs-loaded-authorial'));
  assert.ok(at('Subscribe').outsideBody);
  assert.ok(!at('Protesters').outsideBody);
  assert.deepEqual(segmentClasses(src), ['hs-source', 'hs-authorial', 'hs-kind-person']);
});

test('groups and kinds: counts and share of story', () => {
  const doc = sample();
  const m = buildRenderModel(doc);
  assert.deepEqual(m.kinds.map((k) => k.kind), ['person', 'anonymous', 'outlet', 'document']);
  const person = m.kinds.find((k) => k.kind === 'person')!;
  assert.equal(person.count, 2);
  assert.equal(person.groups.length, 1);
  const reyes = person.groups[0]!;
  assert.equal(reyes.label, 'Ana Reyes');
  assert.deepEqual(reyes.attributions, ['a1', 'a4']);
  const bodyChars = doc.body[0]!.end - doc.body[0]!.start;
  assert.equal(m.bodyChars, bodyChars);
  const expected = 'The harbour expansion will "create thousands of jobs,"'.length + 'the project was over budget'.length;
  assert.equal(reyes.contentChars, expected);
  assert.equal(reyes.share, expected / bodyChars);
  const anon = m.kinds.find((k) => k.kind === 'anonymous')!;
  assert.equal(anon.groups[0]!.label, 'two senior officials');
  assert.ok(m.attributedShare > 0 && m.attributedShare < 1);
  // Groups sorted by content carried: the outlet's report is the longest.
  assert.equal(m.groups[0]!.label, 'Coastal Herald');
});

test('chains run from the outermost source to the innermost statement', () => {
  const m = buildRenderModel(sample());
  assert.equal(m.chains.length, 1);
  assert.deepEqual(m.chains[0]!.ids, ['a2', 'a3', 'a4']);
  assert.equal(m.chains[0]!.path, 'Coastal Herald → two senior officials → Ana Reyes: the project was over budget');
  assert.deepEqual(m.statements.get('a4')!.via, ['Coastal Herald', 'two senior officials']);
  assert.equal(m.statements.get('a4')!.hedge, 'privately');
});

test('viaPath stops on cycles', () => {
  const doc = sample();
  const a = doc.attributions.map((x) => ({ ...x }));
  a[0]!.via = 'a2';
  a[1]!.via = 'a1';
  const byId = new Map(a.map((x) => [x.id, x]));
  assert.deepEqual(viaPath(byId, 'a1'), ['a2', 'a1']);
  // The model must still build.
  assert.ok(buildRenderModel({ ...doc, attributions: a }).segments.length > 0);
});

test('empty and malformed spans do not break segmentation', () => {
  const doc = sample();
  const bad: HearsayDocument = {
    ...doc,
    body: [],
    attributions: [{ ...doc.attributions[0]!, cue: { start: doc.text.length - 2, end: doc.text.length + 50 }, content: [{ start: 5, end: 5 }] }],
  };
  const m = buildRenderModel(bad);
  assert.equal(m.segments.map((s) => s.text).join(''), doc.text);
  assert.equal(m.bodyChars, doc.text.length);
  const none = buildRenderModel({ ...doc, attributions: [], voice: [] });
  assert.equal(none.kinds.length, 0);
  assert.equal(none.chains.length, 0);
});

test('CSV: header, one row per attribution, quoting and formula guard', () => {
  const doc = sample();
  const csv = attributionsCsv(doc);
  const lines = csv.trimEnd().split('\r\n');
  assert.equal(lines.length, 1 + doc.attributions.length);
  assert.ok(lines[0]!.startsWith('id,source,source_kind,entity,entity_name,count'));
  assert.ok(lines[0]!.endsWith(',content_spans,stance,refined_by'));
  const stanced = attributionsCsv({ ...doc, attributions: doc.attributions.map((a, i) => (i === 0 ? { ...a, stance: true, refinedBy: ['model:role-tagger', 'attribution:cue-auxiliaries'] } : a)) });
  assert.ok(stanced.split('\r\n')[1]!.endsWith(',true,model:role-tagger attribution:cue-auxiliaries'));
  assert.ok(lines[1]!.includes('"The harbour expansion will ""create thousands of jobs,"""'));
  assert.ok(lines[3]!.includes(',anonymous,,,2,senior officials,'));
  assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  assert.equal(csvCell('-1'), "'-1");
  assert.equal(csvCell(null), '');
  assert.equal(csvCell(12), '12');
});

test('helpers', () => {
  assert.equal(unionLength([{ start: 0, end: 5 }, { start: 3, end: 8 }, { start: 10, end: 12 }]), 10);
  assert.equal(unionLength([]), 0);
  assert.equal(percent(0.1234), '12.3%');
  assert.equal(excerpt('a b c', 10), 'a b c');
  const long = excerpt('word '.repeat(50), 20);
  assert.ok(long.length <= 20 && long.endsWith('…'));
});

test('statements say whether an attribution is a stance', () => {
  const doc = sample();
  const first = doc.attributions[0]!;
  const m0 = buildRenderModel(doc);
  assert.equal(m0.statements.get(first.id)!.stance, false);
  const m1 = buildRenderModel({ ...doc, attributions: doc.attributions.map((a) => (a.id === first.id ? { ...a, stance: true } : a)) });
  assert.equal(m1.statements.get(first.id)!.stance, true);
});

test('statements list the refiners that changed an attribution', () => {
  const doc = sample();
  const first = doc.attributions[0]!;
  const m = buildRenderModel({ ...doc, attributions: doc.attributions.map((a) => (a.id === first.id ? { ...a, refinedBy: ['attribution:cue-auxiliaries'] } : { ...a, refinedBy: undefined })) });
  assert.deepEqual(m.statements.get(first.id)!.refinedBy, ['attribution:cue-auxiliaries']);
  const other = doc.attributions[1];
  if (other) assert.deepEqual(m.statements.get(other.id)!.refinedBy, []);
});

test('a person\'s source group carries the gender the text states, and its rule', async () => {
  const { analyze } = await import('../analyze.js');
  const doc = analyze('Ms. Ana Ruiz, the port director, said the bridge would reopen in May. Two officials said it would not.', { date: '2025-03-04' });
  const groups = buildRenderModel(doc).kinds.flatMap((k) => k.groups);
  const ruiz = groups.find((g) => g.label === 'Ana Ruiz');
  assert.deepEqual([ruiz?.gender, ruiz?.genderRule], ['female', 'entities:gender-title']);
  assert.ok(groups.filter((g) => g.kind !== 'person').every((g) => g.gender === null));
});

test('a mildly evaluative word is marked apart from a strongly loaded one', async () => {
  const { analyze } = await import('../analyze.js');
  const d = analyze('The legendary coach slammed the referees.');
  const segs = buildRenderModel(d).segments;
  const at = (w: string) => segs.find((s) => s.text === w)!;
  assert.deepEqual(at('legendary').evaluative, { voice: 'authorial', attribution: null, kind: 'puffery' });
  assert.equal(at('legendary').loaded, null);
  assert.ok(segmentClasses(at('legendary')).includes('hs-evaluative-authorial'));
  assert.equal(at('slammed').evaluative, null);
  assert.equal(at('slammed').loaded?.kind, 'verb');
});

test('a time expression is marked with the value it was read as', async () => {
  const { analyze } = await import('../analyze.js');
  const d = analyze('The council met on Tuesday, officials said.', { date: '2025-06-12' });
  const seg = buildRenderModel(d).segments.find((s) => s.text === 'Tuesday')!;
  assert.deepEqual(seg.time, { value: '2025-06-10', grain: 'day' });
  assert.ok(segmentClasses(seg).includes('hs-time'));
  assert.equal(buildRenderModel(d).segments.find((s) => s.text.includes('council'))!.time, null);
});
