import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../analyze.js';

const english = 'The mayor said on Monday that the bridge would reopen in the spring, and officials told reporters they were confident. '
  + 'It was the first time the city had closed the crossing since it was built, and residents who use it every day were not happy about the delay. ';

test('a text in another language gets a warning and no entities, attributions, voice or events', () => {
  // German and Russian prose of our own, each over the 40 words a judgement needs.
  const german = 'Der Bürgermeister sagte am Montag, dass die Brücke im Frühjahr wieder geöffnet wird, und die Beamten erklärten den Reportern, '
    + 'sie seien zuversichtlich. Es ist das erste Mal, dass die Stadt die Brücke seit ihrem Bau geschlossen hat, und die Anwohner, die sie jeden Tag '
    + 'benutzen, sind mit der Verzögerung nicht zufrieden. Die Stadt will die Arbeiten bis zum Sommer beenden, sagte der Sprecher.';
  const russian = 'Мэр заявил в понедельник, что мост откроют весной. '.repeat(8) + 'Чиновники сказали: «Мы уверены».';
  for (const text of [german, russian]) {
    const d = analyze(text, { date: '2025-06-10' });
    assert.deepEqual(d.messages.filter((m) => m.code === 'input/not-english').map((m) => m.severity), ['warning'], text.slice(0, 30));
    assert.equal(d.attributions.length, 0);
    assert.equal(d.entities.length, 0);
    assert.equal(d.events?.length ?? 0, 0);
    assert.equal(d.voice.length, 0);
    // The text itself and its sentences are still there.
    assert.ok(d.sentences.length > 1);
  }
});

test('English text, and English short on function words (scores, lists), is read as English', () => {
  const d = analyze(english.repeat(2), { date: '2025-06-10' });
  assert.ok(!d.messages.some((m) => m.code === 'input/not-english'));
  assert.ok(d.attributions.length > 0);
  const scores = 'Harbor City 70, Eastport 44\n\n' + Array.from({ length: 30 }, (_, i) => `Player ${i}: 12 points, 4 rebounds`).join('\n') + '\n\n' + english;
  assert.ok(!analyze(scores, { date: '2025-06-10' }).messages.some((m) => m.code === 'input/not-english'));
});
