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
import { silverTaggedSentences } from './silver.js';
import { readSilver } from '../cli/read-silver.js';

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

test('shipped model reaches 92.5% on UD EWT dev (web text; it is trained for news too)', (t) => {
  const file = path.resolve(process.cwd(), '../shared/ud-ewt/en_ewt-ud-dev.conllu');
  if (!existsSync(file)) { t.skip('../shared/ud-ewt absent'); return; }
  const dev = parseConllu(readFileSync(file, 'utf8'));
  const tagger = defaultPosTagger();
  const { accuracy, total } = evaluateTagger(dev, (w) => tagger.tagWords(w));
  assert.ok(total > 20000, `dev has ${total} tokens`);
  assert.ok(accuracy >= 0.925, `dev accuracy ${accuracy}`);
});

test('shipped model agrees with CoreNLP on 97.5% of PolNeAR dev tokens', async (t) => {
  const dir = path.resolve(process.cwd(), '../shared/polnear');
  if (!existsSync(path.join(dir, 'dev', 'corenlp-silver'))) { t.skip('../shared/polnear (silver layers) absent'); return; }
  const dev = await readSilver(dir, 'dev', () => {});
  const tagger = defaultPosTagger();
  const { accuracy, total } = evaluateTagger(dev, (w) => tagger.tagWords(w));
  assert.ok(total > 60000, `dev has ${total} tokens`);
  assert.ok(accuracy >= 0.975, `PolNeAR dev silver accuracy ${accuracy}`);
});

test('silver tags align to hearsay tokens; a token cutting a CoreNLP token drops its sentence', () => {
  const text = 'Officials cannot agree, aides said. The U.S.-led talks stalled.';
  // CoreNLP splits "cannot" (hearsay keeps it whole) and keeps "U.S.-led" whole (hearsay splits it).
  const first = [
    [1, 'Officials', 'NNS', 4, 0, 9], [2, 'can', 'MD', 4, 10, 13], [3, 'not', 'RB', 4, 13, 16], [4, 'agree', 'VB', 8, 17, 22],
    [5, ',', ',', 8, 22, 23], [6, 'aides', 'NNS', 7, 24, 29], [7, 'said', 'VBD', 0, 30, 34], [8, '.', '.', 7, 34, 35],
  ];
  const second = [[1, 'The', 'DT', 3, 36, 39], [2, 'U.S.-led', 'JJ', 3, 40, 48], [3, 'talks', 'NNS', 4, 49, 54], [4, 'stalled', 'VBD', 0, 55, 62], [5, '.', '.', 4, 62, 63]];
  const line = (r: (string | number)[]) => [r[0], r[1], r[1], r[2], 'O', r[3], 'dep', r[4], r[5]].join('\t');
  const conll = ['# sent 1', ...first.map(line), '', '# sent 2', ...second.map(line), ''].join('\n');
  const r = silverTaggedSentences(text, conll, (cp) => cp);
  assert.deepEqual(r.sentences, [{ words: ['Officials', 'cannot', 'agree', ',', 'aides', 'said', '.'], tags: ['NNS', 'MD', 'VB', ',', 'NNS', 'VBD', '.'] }]);
  assert.deepEqual([r.kept, r.dropped], [1, 1]);
});
