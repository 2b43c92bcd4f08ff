import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreGender } from './gender.js';

test('a person is scored against the pronouns of the chains holding its name; silent or split chains are not scored', () => {
  const text = 'Ana Ruiz came. She spoke. Tom Lee left. He ran. Kim Bo sat. Pat Ode ate. She and he met.';
  const at = (w: string, from = 0) => { const start = text.indexOf(w, from); return { start, end: start + w.length }; };
  const m = (w: string, from = 0) => ({ ...at(w, from), head: at(w, from), representative: false });
  const chains = [
    [m('Ana Ruiz'), m('She')],
    [m('Tom Lee'), m('He')],
    [m('Kim Bo'), m('Kim Bo')],
    [m('Pat Ode'), m('She', 60), m('he', 68)],
  ];
  const g = (value: 'female' | 'male', rule: string) => ({ value, rule, evidence: { start: 0, end: 1 } });
  const s = scoreGender([{ text, chains, persons: [
    { names: [at('Ana Ruiz')], gender: g('female', 'entities:gender-pronoun') },
    { names: [at('Tom Lee')], gender: g('female', 'entities:gender-first-name') },
    { names: [at('Kim Bo')], gender: g('male', 'entities:gender-title') },
    { names: [at('Pat Ode')], gender: g('male', 'entities:gender-title') },
    { names: [{ start: 0, end: 3 }], gender: null },
  ] }]);
  assert.equal(s.silver, 2);
  assert.equal(s.covered, 2);
  assert.deepEqual(s.all, { scored: 2, agree: 1, accuracy: 0.5 });
  assert.deepEqual(Object.keys(s.byRule), ['entities:gender-first-name', 'entities:gender-pronoun']);
});
