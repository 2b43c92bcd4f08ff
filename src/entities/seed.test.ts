import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { createPipeline } from '../core/pipeline.js';
import type { Entity } from '../core/types.js';
import { WorkingDoc } from '../core/working-doc.js';
import { plainTextStage } from '../input/plain-text.js';
import { segmentStage } from '../text/segment.js';
import { entitiesStage, resolveSource } from './index.js';

const SEED = path.resolve(process.cwd(), '../shared/seed/000_3612844795fab063.txt');

function load(): WorkingDoc | null {
  if (!existsSync(SEED)) return null;
  const doc = new WorkingDoc(readFileSync(SEED, 'utf8'), { path: null, type: 'text' }, { date: '2025-12-02' });
  plainTextStage().run(doc);
  createPipeline([segmentStage(), entitiesStage()]).run(doc);
  return doc;
}

const forms = (doc: WorkingDoc, e: Entity | undefined): string[] => (e ? e.mentions.map((m) => doc.text.slice(m.start, m.end)) : []);
const named = (doc: WorkingDoc, name: string): Entity | undefined => doc.entities.find((e) => e.name === name);

test('seed: canonical entities, titles and pronouns', (t) => {
  const doc = load();
  if (!doc) { t.skip('../shared/seed absent'); return; }
  const bibi = named(doc, 'Benjamin Netanyahu');
  assert.equal(bibi?.type, 'person');
  for (const f of ['Netanyahu', 'the prime minister', 'Prime Minister Benjamin Netanyahu']) {
    assert.ok(forms(doc, bibi).includes(f), `Netanyahu lacks "${f}"`);
  }
  const trump = named(doc, 'Donald Trump');
  assert.equal(trump?.type, 'person');
  const he = doc.text.indexOf('He followed it up');
  assert.ok(he > 0);
  assert.ok(trump?.mentions.some((m) => m.start === he && m.end === he + 2), '"He followed it up" → Donald Trump');
  const quoted = doc.text.indexOf('The president told');
  assert.ok(trump?.mentions.some((m) => m.start === quoted), '"The president" in the US official\'s quote → Donald Trump');
  assert.equal(named(doc, 'Isaac Herzog')?.type, 'person');
  assert.equal(named(doc, 'Axios')?.type, 'outlet');
  assert.equal(named(doc, 'Times of Israel')?.type, 'outlet');
  assert.equal(named(doc, 'Channel 12')?.type, 'outlet');
  const sharaa = named(doc, 'Ahmed al-Sharaa');
  assert.equal(sharaa?.type, 'person');
  assert.ok(forms(doc, sharaa).includes('Sharaa'), '"Sharaa’s" merges with Ahmed al-Sharaa');
  assert.equal(named(doc, 'Israel')?.type, 'government', 'Israel speaks ("Israel said")');
  assert.ok(named(doc, 'Syria'));
  const idf = named(doc, 'Israel Defense Forces');
  assert.equal(idf?.type, 'organization');
  assert.ok(forms(doc, idf).includes('IDF'));
});

test('seed: source resolution for the attribution stage', (t) => {
  const doc = load();
  if (!doc) { t.skip('../shared/seed absent'); return; }
  const span = (s: string): { start: number; end: number } => {
    const i = doc.text.indexOf(s);
    assert.ok(i >= 0, s);
    return { start: i, end: i + s.length };
  };
  const two = resolveSource(doc, span('two senior American officials'));
  assert.deepEqual([two.kind, two.count, two.descriptor], ['anonymous', 2, 'senior American officials']);
  const later = resolveSource(doc, span('the American officials'));
  assert.equal(later.entity, two.entity);
  assert.equal(later.count, null);
  assert.deepEqual(resolveSource(doc, span('Another US official')).count, 1);
  assert.equal(resolveSource(doc, span('the Axios news site')).entity, 'axios');
  const report = resolveSource(doc, span('a Channel 12 report'));
  assert.deepEqual([report.kind, report.entity], ['document', 'channel-12']);
  assert.equal(resolveSource(doc, span('Israel said')).kind, 'organization');
  assert.equal(resolveSource(doc, span('the prime minister')).entity, 'benjamin-netanyahu');
});
