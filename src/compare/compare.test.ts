import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze } from '../analyze.js';
import type { HearsayDocument, Span } from '../core/types.js';
import { compareDocuments, type Comparison } from './compare.js';

const at = (doc: HearsayDocument, s: Span | null) => (s ? doc.text.slice(s.start, s.end) : null);
const example = (name: string) => readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8');

/** Every span of a comparison lies inside the document it points into. */
function assertSpansInside(cmp: Comparison, a: HearsayDocument, b: HearsayDocument): void {
  const inside = (doc: HearsayDocument, s: Span | null) => { if (s) assert.ok(s.start >= 0 && s.start <= s.end && s.end <= doc.text.length, `${s.start}-${s.end}`); };
  for (const s of cmp.sentences) {
    inside(a, s.before); inside(b, s.after);
    for (const e of s.edits ?? []) { inside(a, e.before); inside(b, e.after); }
  }
  for (const v of cmp.voice) { inside(a, v.before); inside(b, v.after); }
}

test('a document compared with itself: everything the same, nothing added or removed', () => {
  const doc = analyze('The port reopened on Monday, officials said.\n\nA union leader said the strike was over.\n', { date: '2025-03-04' });
  const cmp = compareDocuments(doc, doc);
  assert.equal(cmp.schema, 'hearsay-compare/1');
  assert.deepEqual(cmp.summary.sentences, { same: 2, changed: 0, added: 0, removed: 0 });
  assert.deepEqual(cmp.summary.attributions, { same: 2, changed: 0, added: 0, removed: 0 });
  assert.deepEqual(cmp.meta, []);
  assert.ok(cmp.sources.every((s) => s.kind === 'same' && s.before === s.after));
});

test('a revised story: an anonymous source named, a hedge dropped, a quotation cut, a source added', () => {
  const a = analyze(example('harbor-bridge.txt'), { date: '2025-06-12', path: 'first' });
  const b = analyze(example('harbor-bridge-revised.txt'), { date: '2025-06-12', path: 'revised' });
  const cmp = compareDocuments(a, b);
  assertSpansInside(cmp, a, b);
  assert.deepEqual(JSON.parse(JSON.stringify(cmp)), cmp);
  const attr = (doc: HearsayDocument, id: string | null) => doc.attributions.find((x) => x.id === id);
  const changed = cmp.attributions.filter((c) => c.kind === 'changed');
  // "Another state official said" → "State budget director Karen Osei said".
  const named = changed.find((c) => c.changed.includes('sourceKind'));
  assert.ok(named);
  assert.equal(attr(a, named.before)!.source!.kind, 'anonymous');
  assert.equal(at(b, attr(b, named.after)!.source), 'State budget director Karen Osei');
  assert.ok(named.changed.includes('source'));
  // "Vasquez reportedly replied" → "Vasquez replied".
  const hedge = changed.find((c) => c.changed.includes('hedge'));
  assert.equal(attr(a, hedge!.before)!.hedge, 'reportedly');
  assert.equal(attr(b, hedge!.after)!.hedge, null);
  // "warned the state against delaying" → "criticized the state for delaying": one attribution, new cue.
  const recued = changed.find((c) => c.changed.includes('cue'));
  assert.equal(at(a, attr(a, recued!.before)!.cue), 'warned');
  assert.equal(at(b, attr(b, recued!.after)!.cue), 'criticized');
  // The city official's quotation is gone; the governor's spokesperson is new.
  const removed = cmp.attributions.filter((c) => c.kind === 'removed').map((c) => at(a, attr(a, c.before)!.source));
  assert.ok(removed.includes('a city official'), removed.join(' | '));
  const added = cmp.attributions.filter((c) => c.kind === 'added').map((c) => at(b, attr(b, c.after)!.source));
  assert.ok(added.some((s) => s?.includes('spokesperson')), added.join(' | '));
  assert.deepEqual(cmp.sources.find((s) => s.name === 'Karen Osei'), { kind: 'added', key: 'karen-osei', name: 'Karen Osei', sourceKind: 'person', before: 0, after: 1 });
  // Sentences: one cut, one added, the rewordings shown word run by word run.
  assert.equal(cmp.summary.sentences.removed, 1);
  assert.equal(cmp.summary.sentences.added, 1);
  const radio = cmp.sentences.find((s) => s.kind === 'changed' && at(b, s.after)!.startsWith('In a radio interview'));
  assert.deepEqual(radio!.edits!.map((e) => [at(a, e.before), at(b, e.after)]), [['warned', 'criticized'], ['against', 'for'], ['and praised the port workers', null]]);
  // A loaded word the revision added, inside what local media reported.
  assert.deepEqual(cmp.voice.filter((v) => v.kind !== 'same').map((v) => [v.kind, v.word, v.voiceAfter]), [['added', 'embattled', 'attributed']]);
  assert.deepEqual(cmp.meta, [{ field: 'site', before: 'Bay Area Notes', after: null }]);
  assert.ok(cmp.events.some((e) => e.kind === 'removed' && e.type === 'SUPPORT'), 'the praise of the port workers was cut');
});

test('sentence alignment: moved-in and cut sentences around unchanged ones, exact and greedy alike', () => {
  const a = analyze('The council met on Monday. The mayor spoke first. Residents asked about taxes. The meeting ended late.', { date: '2025-03-04' });
  const b = analyze('The council met on Monday. A reporter was present. The mayor spoke first. The meeting ended very late.', { date: '2025-03-04' });
  const kinds = (cmp: Comparison) => cmp.sentences.map((s) => `${s.kind}:${at(a, s.before) ?? ''}|${at(b, s.after) ?? ''}`);
  const exact = compareDocuments(a, b);
  assert.deepEqual(kinds(exact), [
    'same:The council met on Monday.|The council met on Monday.',
    'added:|A reporter was present.',
    'same:The mayor spoke first.|The mayor spoke first.',
    'removed:Residents asked about taxes.|',
    'changed:The meeting ended late.|The meeting ended very late.',
  ]);
  assert.deepEqual(exact.sentences[4]!.edits!.map((e) => [at(a, e.before), at(b, e.after)]), [[null, 'very']]);
  // Past the grid limit, equal sentences pair greedily in order: the same answer here.
  assert.deepEqual(kinds(compareDocuments(a, b, { maxCells: 1 })), kinds(exact));
});

test('documents with nothing in them compare without error', () => {
  const empty = analyze('', {});
  const cmp = compareDocuments(empty, empty);
  assert.deepEqual(cmp.sentences, []);
  assert.deepEqual(cmp.summary.attributions, { same: 0, changed: 0, added: 0, removed: 0 });
});

test('thousands of attributions with the same words pair in order, each with its own', () => {
  const text = 'He said "yes."\n\n'.repeat(3000) + 'She said "no."\n';
  const a = analyze(text);
  const b = analyze(text.replace('She said "no."', 'She said "no, never."'));
  const c = compareDocuments(a, b);
  assert.equal(a.attributions.length, 3001);
  const same = c.attributions.filter((x) => x.kind === 'same');
  assert.equal(same.length, 3000);
  assert.ok(same.every((x) => x.before === x.after), 'each pairs with the one at its own place');
  assert.deepEqual(c.attributions.filter((x) => x.kind !== 'same').map((x) => x.kind), ['changed']);
});

test('dates and times are paired within matching sentences: a changed day is reported with both values', async () => {
  const { analyze } = await import('../analyze.js');
  const a = analyze('The council met on Tuesday and voted on the plan. Work begins in July.\n', { date: '2025-06-12' });
  const b = analyze('The council met on Wednesday and voted on the plan. Work begins in July. The mayor spoke on Thursday.\n', { date: '2025-06-12' });
  const cmp = compareDocuments(a, b);
  const changed = cmp.times!.filter((t) => t.kind !== 'same').map((t) => [t.kind, t.textBefore, t.before?.value ?? null, t.textAfter, t.after?.value ?? null]);
  assert.deepEqual(changed, [['changed', 'Tuesday', '2025-06-10', 'Wednesday', '2025-06-11'], ['added', null, null, 'Thursday', '2025-06-12']]);
  assert.deepEqual(cmp.summary.times, { same: 1, changed: 1, added: 1, removed: 0 });
});
