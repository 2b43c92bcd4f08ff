import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../cli/main.js';
import { memoryIo } from '../cli/memory-io.js';
import { scoreVoiceGold, type VoiceGoldScores } from './voice.js';

test('our own stories: loaded words found, and the voice each is in (held under what main reaches)', async () => {
  const io = memoryIo();
  assert.equal(await main(['eval', 'voice', 'test/fixtures/voice-gold/voice.json', '--json', '--min-voice-accuracy', '85'], io), 0, io.err);
  const s = JSON.parse(io.out) as VoiceGoldScores;
  assert.equal(s.stories, 27);
  assert.ok(s.words.precision >= 0.9, `precision ${s.words.precision}`);
  assert.ok(s.words.recall >= 0.25, `recall ${s.words.recall}`);
});

test('voice scoring: words pair by overlap; the voice is judged on the pairs', () => {
  const s = scoreVoiceGold([{
    id: 'a', text: 'x'.repeat(40),
    gold: [{ start: 0, end: 5, kind: 'label', strength: 'strong', voice: 'authorial' }, { start: 10, end: 15, kind: 'evaluative', strength: 'mild', voice: 'attributed' }],
    predicted: [{ start: 0, end: 5, voice: 'attributed', loaded: true }, { start: 20, end: 25, voice: 'authorial', loaded: false }],
  }]);
  assert.deepEqual([s.words.tp, s.voiced.tp, s.voiceAccuracy.of], [1, 0, 1]);
  assert.deepEqual(s.errors.map((e) => e.kind).sort(), ['false alarm', 'missed', 'wrong voice']);
});
