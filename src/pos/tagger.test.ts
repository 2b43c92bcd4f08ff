import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { WorkingDoc } from '../core/working-doc.js';
import type { Token } from '../core/working-doc.js';
import { parseConllu } from './conllu.js';
import { defaultPosTagger, tagWords } from './default-tagger.js';
import { normalizeForm } from './normalize.js';
import { posStage } from './stage.js';
import { PosTagger } from './tagger.js';
import { evaluateTagger, trainPosTagger } from './train.js';

test('tags obvious words of a news sentence', () => {
  const words = 'The minister said on Tuesday that talks had failed .'.split(' ');
  assert.deepEqual(tagWords(words), ['DT', 'NN', 'VBD', 'IN', 'NNP', 'IN', 'NNS', 'VBD', 'VBN', '.']);
});

test('normalises curly quotes, clitics and dashes to PTB forms', () => {
  assert.equal(normalizeForm('\u201C'), '``');
  assert.equal(normalizeForm('\u201D'), "''");
  assert.equal(normalizeForm('"', 'open'), '``');
  assert.equal(normalizeForm('"', 'close'), "''");
  assert.equal(normalizeForm('n\u2019t'), "n't");
  assert.equal(normalizeForm('\u2019s'), "'s");
  assert.equal(normalizeForm('\u2014'), '--');
  const tags = tagWords(['\u201C', 'We', 'do', 'n\u2019t', 'agree', ',', '\u201D', 'she', 'said', '.']);
  assert.deepEqual(tags, ['``', 'PRP', 'VBP', 'RB', 'VB', ',', "''", 'PRP', 'VBD', '.']);
});

test('pos stage tags tokens sentence by sentence', () => {
  const text = 'Officials said the plan was dead. \u201CIt failed,\u201D he said.';
  const doc = new WorkingDoc(text, { path: null, type: 'text' });
  const spans: [string, number, Token['kind'], ('open' | 'close')?][] = [
    ['Officials', 0, 'word'], ['said', 0, 'word'], ['the', 0, 'word'], ['plan', 0, 'word'], ['was', 0, 'word'],
    ['dead', 0, 'word'], ['.', 0, 'punct'], ['\u201C', 1, 'quote', 'open'], ['It', 1, 'word'], ['failed', 1, 'word'],
    [',', 1, 'punct'], ['\u201D', 1, 'quote', 'close'], ['he', 1, 'word'], ['said', 1, 'word'], ['.', 1, 'punct'],
  ];
  let at = 0;
  for (const [t, sentence, kind, quote] of spans) {
    const start = text.indexOf(t, at);
    at = start + t.length;
    const token: Token = { start, end: at, text: t, kind, sentence };
    if (quote) token.quote = quote;
    doc.tokens.push(token);
  }
  posStage().run(doc);
  assert.deepEqual(doc.tokens.map((t) => t.pos), [
    'NNS', 'VBD', 'DT', 'NN', 'VBD', 'JJ', '.', '``', 'PRP', 'VBD', ',', "''", 'PRP', 'VBD', '.',
  ]);
});

test('a tagger trained on a tiny corpus round-trips through JSON', () => {
  const corpus = [
    '1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_', '2\tcat\tcat\tNOUN\tNN\t_\t3\tnsubj\t_\t_',
    '3\tsleeps\tsleep\tVERB\tVBZ\t_\t0\troot\t_\tSpaceAfter=No', '4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_', '',
    '1\tA\ta\tDET\tDT\t_\t2\tdet\t_\t_', '2\twell\twell\tADV\tRB\t_\t4\tadvmod\t_\tSpaceAfter=No',
    '3\t-\t-\tPUNCT\tHYPH\t_\t4\tpunct\t_\tSpaceAfter=No', '4\tknown\tknow\tVERB\tVBN\t_\t5\tamod\t_\t_',
    '5\tdog\tdog\tNOUN\tNN\t_\t6\tnsubj\t_\t_', '6\tbarks\tbark\tVERB\tVBZ\t_\t0\troot\t_\t_', '',
  ].join('\n');
  const sentences = parseConllu(corpus);
  assert.deepEqual(sentences[1]!.words, ['A', 'well-known', 'dog', 'barks']);
  assert.deepEqual(sentences[1]!.tags, ['DT', 'VBN', 'NN', 'VBZ']);
  const a = trainPosTagger(sentences, sentences, { iterations: 3, seed: 5, tagdictMinCount: 100 });
  const b = trainPosTagger(sentences, sentences, { iterations: 3, seed: 5, tagdictMinCount: 100 });
  assert.equal(JSON.stringify(a.model), JSON.stringify(b.model), 'training is deterministic');
  const tagger = PosTagger.fromJSON(JSON.parse(JSON.stringify(a.model)) as typeof a.model);
  assert.equal(evaluateTagger(sentences, (w) => tagger.tagWords(w)).accuracy, a.devAccuracy);
  assert.deepEqual(tagger.tagWords(['The', 'cat', 'sleeps', '.']), ['DT', 'NN', 'VBZ', '.']);
});

test('shipped model reaches 93% on UD EWT dev', (t) => {
  const file = path.resolve(process.cwd(), '../shared/ud-ewt/en_ewt-ud-dev.conllu');
  if (!existsSync(file)) { t.skip('../shared/ud-ewt absent'); return; }
  const dev = parseConllu(readFileSync(file, 'utf8'));
  const tagger = defaultPosTagger();
  const { accuracy, total } = evaluateTagger(dev, (w) => tagger.tagWords(w));
  assert.ok(total > 20000, `dev has ${total} tokens`);
  assert.ok(accuracy >= 0.93, `dev accuracy ${accuracy}`);
});
