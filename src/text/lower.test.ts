import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toLower } from './lower.js';

test('toLower agrees with toLowerCase and returns lower-case ASCII as is', () => {
  for (const s of ['', 'said', 'Said', 'U.S.', 'İstanbul', 'ÉLYSÉE', 'n’t', 'Σ', '2019', 'x-Led']) assert.equal(toLower(s), s.toLowerCase());
  const w = 'already lower';
  assert.equal(toLower(w), w);
});
