import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../cli/main.js';
import { memoryIo } from '../cli/memory-io.js';
import { pairByOverlap, paragraphStarts, resolveAnchor } from './anchored-spans.js';
import { scoreTimeGold, type TimeGoldScores } from './times.js';

test('our own stories: times found with their values (held at a floor under what main reaches)', async () => {
  const io = memoryIo();
  assert.equal(await main(['eval', 'times', 'test/fixtures/time-gold/times.json', '--json', '--min-value-f1', '85'], io), 0, io.err);
  const s = JSON.parse(io.out) as TimeGoldScores;
  assert.equal(s.stories, 27);
  assert.ok(s.spans.precision >= 0.95, `span precision ${s.spans.precision}`);
  assert.ok(s.valueAccuracy.accuracy >= 0.9, `value accuracy ${s.valueAccuracy.accuracy}`);
});

test('anchors resolve to whole words of their paragraph, and a missing one is GOLD_INVALID', () => {
  const text = 'On Monday, a Mondayish plan.\n\nMonday came, and Monday went.\n';
  const starts = paragraphStarts(text);
  assert.deepEqual(starts, [0, 30]);
  const second = resolveAnchor(text, starts, { text: 'Monday', paragraph: 1, occurrence: 2 }, 'x');
  assert.equal(second.start, text.lastIndexOf('Monday'));
  assert.throws(() => resolveAnchor(text, starts, { text: 'Monday', paragraph: 0, occurrence: 2 }, 'x'), /GOLD_INVALID|not in paragraph/);
});

test('spans pair one to one by overlap; values are judged on the pairs', () => {
  assert.deepEqual(pairByOverlap([{ start: 0, end: 5 }, { start: 6, end: 9 }], [{ start: 0, end: 9 }, { start: 7, end: 8 }]), [[0, 0], [1, 1]]);
  const s = scoreTimeGold([{
    id: 'a', text: 'x'.repeat(40),
    gold: [{ start: 0, end: 5, value: '2025-01-01', grain: 'day' }, { start: 10, end: 15, value: null, grain: 'unknown' }, { start: 20, end: 25, value: 'P3Y', grain: 'duration' }],
    predicted: [{ start: 0, end: 5, value: '2025-01-01', grain: 'day' }, { start: 11, end: 15, value: null, grain: 'unknown' }, { start: 30, end: 35, value: '2025', grain: 'year' }],
  }]);
  assert.deepEqual([s.spans.tp, s.exact.tp, s.values.tp, s.valueAccuracy.right, s.valueAccuracy.of], [2, 1, 2, 1, 1]);
  assert.deepEqual(s.errors.map((e) => e.kind).sort(), ['false alarm', 'missed']);
});

test('eval times and eval voice: a gold file that does not resolve, a story id that is a path and a flag of the other mode are usage errors', async () => {
  const { mkdtempSync, writeFileSync, readFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'hearsay-anchored-gold-'));
  const times = JSON.parse(readFileSync('test/fixtures/time-gold/times.json', 'utf8')) as { stories: Record<string, { date: string; times: { text: string }[] }> };
  const first = Object.keys(times.stories)[0]!;
  const run = async (args: string[]) => { const io = memoryIo(); const code = await main(args, io); return { code, err: io.err, out: io.out }; };
  const write = (name: string, json: unknown) => { const f = join(dir, name); writeFileSync(f, JSON.stringify(json)); return f; };
  const missing = structuredClone(times);
  missing.stories[first]!.times[0]!.text = 'no such words here';
  const r1 = await run(['eval', 'times', write('missing.json', missing)]);
  assert.equal(r1.code, 2);
  assert.match(r1.err, /is not in paragraph/);
  const r2 = await run(['eval', 'times', write('path.json', { stories: { '../outside': { date: '2025-01-01', times: [] } } })]);
  assert.equal(r2.code, 2);
  assert.match(r2.err, /is not a file stem/);
  assert.equal((await run(['eval', 'times', 'test/fixtures/time-gold/times.json', '--min-span-f1', '50'])).code, 2);
  assert.equal((await run(['eval', 'voice', 'test/fixtures/voice-gold/voice.json', '--min-voice-accuracy', '150'])).code, 2);
  assert.equal((await run(['eval', 'voice', 'test/fixtures/voice-gold/voice.json', '--bogus', '1'])).code, 2);
  assert.equal((await run(['eval', 'times', 'test/fixtures/time-gold/times.json', '--min-voice-accuracy', '1'])).code, 2);
  const r3 = await run(['eval', 'voice', 'test/fixtures/voice-gold/voice.json', '--errors', join(dir, 'no', 'such', 'dir', 'errors.tsv')]);
  assert.equal(r3.code, 1);
  assert.match(r3.out, /words \(overlap\)/, 'the scores are printed before the errors file fails');
  assert.match(r3.err, /cannot write/);
});
