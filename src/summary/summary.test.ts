import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../analyze.js';
import type { Attribution, HearsayDocument, Source } from '../core/types.js';
import { SUMMARY_SCHEMA, Summary } from './summary.js';

/** A document over `text` with attributions whose sources and cues are found by their words. */
function doc(text: string, entities: HearsayDocument['entities'], attrs: { source: string | null; cue: string; entity?: string; kind?: Source['kind']; members?: string[]; quote?: Attribution['quote']; stance?: boolean; via?: string }[]): HearsayDocument {
  const at = (w: string) => { const i = text.indexOf(w); assert.ok(i >= 0, w); return { start: i, end: i + w.length }; };
  return {
    schema: 'hearsay/1', input: { path: null, type: 'text' }, text,
    meta: { title: null, outlet: 'The Harbor Gazette', site: 'Bay Notes', published: null, url: null, byline: null },
    body: [{ start: 0, end: text.length }], messages: [], sentences: [{ start: 0, end: text.length }], entities, voice: [],
    attributions: attrs.map((a, i) => ({
      id: `a${i + 1}`,
      source: a.source === null ? null : { ...at(a.source), entity: a.entity ?? null, kind: a.kind ?? 'person', count: null, descriptor: null, ...(a.members ? { members: a.members } : {}) },
      cue: at(a.cue), content: [], quote: a.quote ?? 'indirect', via: a.via ?? null, hedge: null, rule: 'test', ...(a.stance ? { stance: true } : {}),
    })),
  };
}

const ruiz = { id: 'ana-ruiz', name: 'Ana Ruiz', type: 'person' as const, mentions: [] };
const lee = { id: 'tom-lee', name: 'Tom Lee', type: 'person' as const, mentions: [] };

test('a source is counted per attribution and per document, across documents', () => {
  const s = new Summary();
  s.add(doc('Ruiz said yes. Ruiz said no. Lee agreed.', [ruiz, lee], [
    { source: 'Ruiz', cue: 'said', entity: 'ana-ruiz', quote: 'direct' },
    { source: 'Ruiz said no', cue: 'said no', entity: 'ana-ruiz' },
    { source: 'Lee', cue: 'agreed', entity: 'tom-lee', stance: true },
  ]));
  s.add(doc('Ana Ruiz told them.', [ruiz], [{ source: 'Ana Ruiz', cue: 'told', entity: 'ana-ruiz', quote: 'mixed' }]));
  const j = s.toJSON();
  assert.equal(j.schema, SUMMARY_SCHEMA);
  assert.equal(j.documents, 2);
  assert.deepEqual(j.sources.person[0], { name: 'Ana Ruiz', kind: 'person', resolved: true, attributions: 3, quoted: 2, documents: 2, gender: null });
  assert.deepEqual(j.sources.person[1], { name: 'Tom Lee', kind: 'person', resolved: true, attributions: 1, quoted: 0, documents: 1, gender: null });
  assert.equal(j.attributions.stance, 1);
  assert.equal(j.attributions.direct + j.attributions.indirect + j.attributions.mixed + j.attributions.stance, 4);
  assert.deepEqual(j.publishers, [{ name: 'The Harbor Gazette', documents: 2 }]);
  assert.deepEqual(j.sites, [{ name: 'Bay Notes', documents: 2 }]);
  assert.equal(j.words, 8 + 4);
});

test('a plural reference counts for each member; unresolved words stay apart from entities', () => {
  const s = new Summary();
  s.add(doc('Both leaders agreed. She said so. They said no.', [ruiz, lee], [
    { source: 'Both leaders', cue: 'agreed', members: ['ana-ruiz', 'tom-lee'] },
    { source: 'She', cue: 'said so' },
    { source: 'They', cue: 'said no', kind: 'unknown' },
  ]));
  s.add(doc('She said it.', [], [{ source: 'She', cue: 'said' }]));
  const j = s.toJSON();
  assert.deepEqual(j.sources.person.map((r) => [r.name, r.resolved, r.attributions, r.documents]), [
    ['She', false, 2, 2], ['Ana Ruiz', true, 1, 1], ['Tom Lee', true, 1, 1],
  ]);
  assert.deepEqual(j.sources.unknown.map((r) => r.name), ['They']);
  assert.equal(j.attributions.bySourceKind.person, 3);
  assert.equal(j.attributions.bySourceKind.unknown, 1);
});

test('shares, nesting and failed inputs', () => {
  const s = new Summary();
  s.add(doc('Two officials told Axios that Ruiz said no. It rained, reports said.', [ruiz], [
    { source: 'Two officials', cue: 'told', kind: 'anonymous' },
    { source: 'Ruiz', cue: 'said no', entity: 'ana-ruiz', via: 'a1' },
    { source: null, cue: 'reports said' },
  ]));
  s.add({ ...doc('', [], []), meta: { title: null, outlet: null, site: null, published: null, url: null, byline: null }, body: [], sentences: [], messages: [{ severity: 'error', code: 'input/empty', text: 'empty input' }] });
  const j = s.toJSON();
  assert.equal(j.failed, 1);
  assert.equal(j.attributions.nested, 1);
  assert.equal(j.attributions.outermost, 2);
  assert.equal(j.anonymousShare, 1 / 2);
  assert.equal(j.perDocument, 3);
  assert.deepEqual(j.messages, [{ name: 'error: input/empty', documents: 1 }]);
  assert.equal(new Summary().toJSON().anonymousShare, null);
});

test('among sources cited equally often, pruning keeps nine tenths of the room, not none', () => {
  const s = new Summary({ maxSources: 100, top: 1000 });
  for (let i = 0; i < 250; i++) {
    const e = { id: `p${i}`, name: `Person ${i}`, type: 'person' as const, mentions: [] };
    s.add({ ...doc('X said it.', [e], [{ source: 'X', cue: 'said', entity: e.id }]), meta: { title: null, outlet: `Outlet ${i}`, site: null, published: null, url: null, byline: null } });
  }
  const j = s.toJSON();
  assert.equal(j.approximate, true);
  assert.ok(j.sources.person.length >= 90 && j.sources.person.length <= 100, String(j.sources.person.length));
  assert.equal(j.sources.person.at(-1)?.name, 'Person 249');
  assert.ok(j.publishers.length <= 100);
});

test('overlapping body spans count each word once, in time linear in the text', () => {
  const text = 'one two three four five six seven eight nine ten';
  const s = new Summary();
  s.add({ ...doc(text, [], []), body: Array.from({ length: 50_000 }, () => ({ start: 0, end: text.length })) });
  s.add({ ...doc(text, [], []), body: [{ start: 8, end: 18 }, { start: 0, end: 3 }, { start: 14, end: 23 }] });
  assert.equal(s.toJSON().words, 10 + 4);
});

test('past maxSources the rarest are dropped and the summary says it is approximate', () => {
  const s = new Summary({ maxSources: 10, top: 3 });
  const text = 'X said it.';
  for (let i = 0; i < 30; i++) {
    const e = { id: `p${i}`, name: `Person ${i}`, type: 'person' as const, mentions: [] };
    s.add(doc(text, [e], [{ source: 'X', cue: 'said', entity: e.id }]));
    if (i % 2 === 0) s.add(doc(text, [ruiz], [{ source: 'X', cue: 'said', entity: 'ana-ruiz' }]));
  }
  const j = s.toJSON();
  assert.equal(j.approximate, true);
  assert.deepEqual(j.sources.person[0], { name: 'Ana Ruiz', kind: 'person', resolved: true, attributions: 15, quoted: 0, documents: 15, gender: null });
  assert.ok(j.sources.person.length <= 3);
});

test('documents from analyze: the same person across two stories', () => {
  const s = new Summary();
  s.add(analyze('Mayor Ana Ruiz said on Monday that the bridge would reopen. “We are ready,” Ruiz said.\n\nTwo city officials said the cost had doubled.\n', { date: '2025-03-04' }));
  s.add(analyze('Ana Ruiz, the mayor, told reporters the ferry would run all winter.\n', { date: '2025-03-05' }));
  const j = s.toJSON();
  const row = j.sources.person.find((r) => r.name === 'Ana Ruiz');
  assert.ok(row, JSON.stringify(j.sources));
  assert.equal(row.documents, 2);
  assert.equal(row.attributions, 3);
  assert.equal(j.attributions.bySourceKind.anonymous, 1);
  assert.equal(JSON.parse(JSON.stringify(j)).schema, SUMMARY_SCHEMA);
});

test('people by gender: once per document, unresolved "she" counted as a woman, first-name guesses optional', () => {
  const f = (rule: string) => ({ value: 'female' as const, rule, evidence: { start: 0, end: 1 } });
  const ruizF = { ...ruiz, gender: f('entities:gender-title') };
  const leeGuess = { ...lee, gender: { value: 'male' as const, rule: 'entities:gender-first-name', evidence: { start: 0, end: 1 } } };
  const docs = [
    doc('Ruiz said yes. Ruiz said no. Lee said so. She said it.', [ruizF, leeGuess], [
      { source: 'Ruiz', cue: 'said', entity: 'ana-ruiz' },
      { source: 'Ruiz said no', cue: 'said no', entity: 'ana-ruiz' },
      { source: 'Lee', cue: 'said so', entity: 'tom-lee' },
      { source: 'She', cue: 'said it' },
    ]),
    doc('Ruiz told them.', [ruiz], [{ source: 'Ruiz', cue: 'told', entity: 'ana-ruiz' }]),
  ];
  const all = new Summary();
  for (const d of docs) all.add(d);
  const j = all.toJSON();
  assert.deepEqual(j.gender.attributions, { female: 3, male: 1, unknown: 1 });
  assert.deepEqual(j.gender.people, { female: 2, male: 1, unknown: 1 });
  assert.equal(j.gender.femaleShare, 2 / 3);
  assert.equal(j.sources.person.find((r) => r.name === 'Ana Ruiz')?.gender, 'female');
  const textOnly = new Summary({ firstNames: false });
  for (const d of docs) textOnly.add(d);
  assert.deepEqual(textOnly.toJSON().gender.people, { female: 2, male: 0, unknown: 2 });
  assert.equal(textOnly.toJSON().sources.person.find((r) => r.name === 'Tom Lee')?.gender, null);
});

test('counts per outlet or per month, dates in order, undated apart', () => {
  const dated = (outlet: string | null, published: string | null, female: boolean) => ({
    ...doc('X said it.', [{ ...ruiz, ...(female ? { gender: { value: 'female' as const, rule: 'entities:gender-title', evidence: { start: 0, end: 1 } } } : {}) }], [{ source: 'X', cue: 'said', entity: 'ana-ruiz' }]),
    meta: { title: null, outlet, site: null, published, url: null, byline: null },
  });
  const docs = [dated('Gazette', '2025-03-04', true), dated('Herald', '2025-02-27T08:00:00Z', false), dated('Gazette', null, false), dated(null, '2025-03-30', true), dated('Herald', '2025-13-45', false)];
  const byMonth = new Summary({ by: 'month' });
  for (const d of docs) byMonth.add(d);
  const m = byMonth.toJSON().groups!;
  assert.equal(m.by, 'month');
  assert.deepEqual(m.list.map((g) => [g.key, g.documents, g.people.female, g.femaleShare]), [['2025-02', 1, 0, null], ['2025-03', 2, 2, 1], ['(undated)', 2, 0, null]]);
  const byOutlet = new Summary({ by: 'outlet' });
  for (const d of docs) byOutlet.add(d);
  assert.deepEqual(byOutlet.toJSON().groups!.list.map((g) => [g.key, g.documents, g.attributions]), [['Gazette', 2, 2], ['Herald', 2, 2], ['(none)', 1, 1]]);
  // Past the room, the rarest groups go: a large outlet met late still counts.
  const bounded = new Summary({ by: 'outlet', maxSources: 10 });
  for (let i = 0; i < 30; i++) bounded.add(dated(`Outlet ${i}`, null, false));
  for (let i = 0; i < 5; i++) bounded.add(dated('Big Daily', null, false));
  const b = bounded.toJSON();
  assert.equal(b.approximate, true);
  assert.deepEqual(b.groups!.list[0], { ...b.groups!.list[0]!, key: 'Big Daily', documents: 5 });
  assert.ok(b.groups!.list.length <= 10);
  assert.equal(new Summary().toJSON().groups, undefined);
});

test('two groupings crossed: each outlet by month, outlets by all their documents, then dates in order', () => {
  const dated = (outlet: string | null, published: string | null) => ({
    ...doc('X said it.', [ruiz], [{ source: 'X', cue: 'said', entity: 'ana-ruiz' }]),
    meta: { title: null, outlet, site: null, published, url: null, byline: null },
  });
  const s = new Summary({ by: 'outlet', then: 'month' });
  for (const d of [dated('Herald', '2025-03-02'), dated('Gazette', '2025-03-04'), dated('Gazette', '2025-02-01'), dated('Gazette', null), dated('Herald · Weekly', '2025-03-09')]) s.add(d);
  const g = s.toJSON().groups!;
  assert.equal(g.by, 'outlet');
  assert.equal(g.then, 'month');
  assert.deepEqual(g.list.map((x) => [x.keys, x.documents]), [
    [['Gazette', '2025-02'], 1], [['Gazette', '2025-03'], 1], [['Gazette', '(undated)'], 1], [['Herald', '2025-03'], 1], [['Herald - Weekly', '2025-03'], 1],
  ]);
  assert.equal(g.list[0]!.key, 'Gazette · 2025-02');
  assert.throws(() => new Summary({ then: 'month' }), /INVALID_OPTION|then/);
  assert.throws(() => new Summary({ by: 'month', then: 'month' }), /then/);
});

test('loaded words: in the outlets\' own voice or attributed, per kind, per 1,000 words and per group', () => {
  const a = { ...analyze('The embattled mayor claimed that the audit was a witch hunt. Critics called the plan reckless.\n', { date: '2025-03-04' }), meta: { title: null, outlet: 'Gazette', site: null, published: '2025-03-04', url: null, byline: null } };
  const b = { ...analyze('The council met on Monday and approved the budget.\n', { date: '2025-03-05' }), meta: { title: null, outlet: 'Herald', site: null, published: '2025-03-05', url: null, byline: null } };
  const s = new Summary({ by: 'outlet' });
  s.add(a);
  s.add(b);
  const j = s.toJSON();
  const own = a.voice.filter((v) => v.voice === 'authorial').length;
  assert.ok(own >= 2, JSON.stringify(a.voice));
  assert.equal(j.voice!.authorial, own);
  assert.equal(j.voice!.attributed, a.voice.length - own);
  assert.ok(j.voice!.topAuthorial.some((w) => w.word === 'embattled'));
  assert.deepEqual(Object.keys(j.voice!.byKind).sort(), [...new Set(a.voice.map((v) => v.kind))].sort());
  const groups = new Map(j.groups!.list.map((g) => [g.key, g.authorialPer1000Words]));
  assert.equal(groups.get('Herald'), 0);
  assert.ok((groups.get('Gazette') ?? 0) > 100);
});
