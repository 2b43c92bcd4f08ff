import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../cli/main.js';
import { memoryIo } from '../cli/memory-io.js';
import type { GenderGoldScores } from './gender.js';
import { scoreGenderGold } from './gender.js';

test('our own stories: genders read from the text are right, and most persons whose text states one get it', async () => {
  const io = memoryIo();
  assert.equal(await main(['eval', 'gender', 'test/fixtures/gender-gold/genders.json', '--json', '--min-precision', '95'], io), 0, io.err);
  const s = JSON.parse(io.out) as GenderGoldScores;
  assert.equal(s.stories, 27);
  assert.ok(s.found >= 40, `found ${s.found}`);
  assert.ok(s.recall >= 0.7, `recall ${s.recall}`);
  assert.ok(s.unstatedGiven <= 2, s.errors.join('\n'));
});

test('gold scoring: names match exactly or by a last name no other gold person shares; guesses are kept apart', () => {
  const g = (value: 'female' | 'male', rule = 'entities:gender-pronoun') => ({ value, rule, evidence: { start: 0, end: 1 } });
  const s = scoreGenderGold(
    { guidelines: '', stories: { a: [
      { name: 'Ana Ruiz', gender: 'female' }, { name: 'Tom Lee', gender: 'male' }, { name: 'Kim Lee', gender: 'female' },
      { name: 'Pat Ode', gender: 'unstated' }, { name: 'Bo Finch', gender: 'male' },
    ] } },
    new Map([['a', [
      { name: 'Ruiz', gender: g('female') }, { name: 'Lee', gender: g('male') }, { name: 'Pat Ode', gender: g('male', 'entities:gender-title') },
      { name: 'Bo Finch', gender: g('male', 'entities:gender-first-name') },
    ]]]),
  );
  assert.deepEqual([s.stated, s.found, s.right, s.wrong, s.none, s.guessRight, s.unstatedGiven], [4, 2, 1, 0, 1, 1, 1]);
});

test('a malformed gold file is a usage error naming the place, before any story is read', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'hearsay-gender-gold-'));
  const cases: [unknown, RegExp][] = [
    [{ stories: null }, /"stories" is not an object/], [{ stories: [] }, /"stories" is not an object/], [{ stories: {} }, /"stories" is empty/],
    [{ stories: { s: {} } }, /stories\["s"\] is not a list/], [{ stories: { s: [{}] } }, /\[0\] has no name/],
    [{ stories: { s: [{ name: 'A B', gender: 'Female' }] } }, /gender is not female, male or unstated/], [[null], /not a JSON object/],
  ];
  for (const [i, [gold, why]] of cases.entries()) {
    const f = join(dir, `g${i}.json`);
    writeFileSync(f, JSON.stringify(gold));
    const io = memoryIo();
    assert.equal(await main(['eval', 'gender', f], io), 2, JSON.stringify(gold));
    assert.match(io.err, why);
  }
  assert.equal(await main(['eval', 'gender', 'test/fixtures/gender-gold/genders.json', '--min-precision'], memoryIo()), 2);
});
