import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HearsayError } from '../core/errors.js';
import { BUILTIN_KB, DEFAULT_KB, holderOf, indexKb } from './index.js';
import { loadActorsFile } from './load-actors.js';

test('the built-in knowledge base covers the countries of the world and stays small', () => {
  const iso = new Set(BUILTIN_KB.entries.filter((e) => e.type === 'location' && e.capital).map((e) => e.country));
  assert.ok(iso.size >= 195, `only ${iso.size} countries`);
  for (const c of ['USA', 'ISR', 'SYR', 'PSE', 'JPN', 'BRA', 'NGA', 'FJI', 'KAZ']) assert.ok(iso.has(c), c);
  assert.ok(JSON.stringify(BUILTIN_KB).length < 1_000_000);
  assert.equal(DEFAULT_KB.byDemonym.get('nigerian')?.country, 'NGA');
  const ids = BUILTIN_KB.entries.map((e) => e.id);
  assert.equal(new Set(ids).size, ids.length, 'duplicate ids');
});

test('heads of government resolve by date', () => {
  assert.equal(holderOf(DEFAULT_KB, 'prime minister', 'ISR', '2025-12-02')?.name, 'Benjamin Netanyahu');
  assert.equal(holderOf(DEFAULT_KB, 'prime minister', 'ISR', '2022-01-01')?.name, 'Naftali Bennett');
  assert.equal(holderOf(DEFAULT_KB, 'prime minister', 'GBR', '2020-05-01')?.name, 'Boris Johnson');
  assert.equal(holderOf(DEFAULT_KB, 'chancellor', 'DEU', '2023-03-01')?.name, 'Olaf Scholz');
  assert.equal(holderOf(DEFAULT_KB, 'president', 'USA', '2022-03-01')?.name, 'Joe Biden');
});

test('a user file extends and overrides the built-in entries', () => {
  const user = loadActorsFile({
    version: 1,
    entries: [
      { id: 'isr', name: 'Israel', type: 'location', demonyms: ['Israeli'], country: 'ISR', sector: null, capital: 'Jerusalem' },
      { id: 'acme-party', name: 'Acme Party', type: 'organization', aliases: ['Acme'], country: 'FRA', sector: 'PTY',
        roles: [{ title: 'Party Leader', country: 'FRA', from: '2020-01-01', to: null }] },
    ],
  });
  const kb = indexKb(BUILTIN_KB, user);
  assert.equal(kb.byName.get('acme')?.id, 'acme-party');
  assert.equal(kb.byId.get('acme-party')?.roles?.[0]?.title, 'party leader');
  assert.equal(kb.entries.length, DEFAULT_KB.entries.length + 1);
  assert.equal(loadActorsFile([{ id: 'x', name: 'X', type: 'group' }]).entries.length, 1);
});

test('invalid files are rejected with the field named', () => {
  const bad = (v: unknown, re: RegExp): void => {
    assert.throws(() => loadActorsFile(v), (e: unknown) => e instanceof HearsayError && re.test(e.message));
  };
  bad({ version: 2, entries: [] }, /version/);
  bad({ entries: 'x' }, /entries/);
  bad({ entries: [{ id: 'a', name: 'A', type: 'planet' }] }, /entries\[0\]\.type/);
  bad({ entries: [{ id: 'a', name: 'A', type: 'person', roles: [{ title: 'x', country: 'FRA', from: '2020' }] }] }, /roles\[0\]\.from/);
  bad({ entries: [{ id: 'a', name: 'A', type: 'person', aliases: [''] }] }, /aliases/);
});
