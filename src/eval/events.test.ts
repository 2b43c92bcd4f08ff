import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventRecord } from '../core/types.js';
import { formatEventScores, normalizeCode, readGsr, scoreEvents } from './events.js';

const actor = (country: string) => ({ start: 0, end: 1, entity: null, country, sector: null });
const ev = (type: EventRecord['type'], a: string[], r: string[]): EventRecord => ({
  id: 'e1', type, mode: null, context: null, trigger: { start: 0, end: 1 }, actor: a.map(actor), recipient: r.map(actor),
  date: null, location: null, attribution: null, negated: false, hypothetical: false, rule: 'test',
});

test('gold categories are renamed and documentation records dropped', () => {
  const recs = readGsr([
    { event: 'DOCUMENT', text: 'x' },
    { id: 'a', event: 'DEMAND', text: '{The union demanded talks.}', source: [{ actorText: 'u', code: 'JAP' }], target: [] },
    { id: 'b', event: 'FIGHT', text: 'Troops fought.', source: [], target: [] },
  ]);
  assert.deepEqual(recs.map((r) => [r.id, r.event, r.text]), [['a', 'REQUEST', 'The union demanded talks.'], ['b', 'ASSAULT', 'Troops fought.']]);
  assert.equal(normalizeCode(recs[0]!.source[0]!.code), 'JPN');
});

test('per-sentence scoring: category, actor country, recipient country', () => {
  const recs = readGsr([
    { id: 'a', event: 'ACCUSE', text: 's1', source: [{ actorText: 'x', code: 'FRA' }], target: [{ actorText: 'y', code: 'DEU' }] },
    { id: 'b', event: 'AGREE', text: 's2', source: [{ actorText: 'x', code: 'ITA' }], target: [] },
  ]);
  const s = scoreEvents(recs, (r) => (r.id === 'a' ? [ev('ACCUSE', ['FRA'], ['ESP'])] : [ev('REJECT', ['ITA'], [])]));
  assert.equal(s.overall.categoryHits, 1);
  assert.equal(s.overall.actorHits, 1);
  assert.equal(s.overall.actorScored, 2);
  assert.equal(s.overall.recipientScored, 1);
  assert.equal(s.overall.recipientHits, 0);
  assert.match(formatEventScores(s), /overall\s+2\s+50\.0%\s+50\.0%\s+0\.0%/);
});
