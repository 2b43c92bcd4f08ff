import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Span } from '../core/types.js';
import type { Token } from '../core/working-doc.js';
import type { GoldArticle } from '../eval/polnear.js';
import { CueModel, cueRuns, isCueCandidate, trainCueModel } from './cues.js';
import { cueDetectionF1, cueDocs, prepareArticles } from './train.js';

const tok = (text: string, pos: string, sentence = 0): Token => ({ text, pos, sentence, start: 0, end: text.length, kind: 'word' } as Token);

test('candidates are verbs and cue words', () => {
  assert.equal(isCueCandidate(tok('blasted', 'VBD')), true);
  assert.equal(isCueCandidate(tok('according', 'VBG')), true);
  assert.equal(isCueCandidate(tok('bridge', 'NN')), false);
});

test('runs join auxiliaries and adverbs, take a closing particle, and drop auxiliaries alone', () => {
  const toks = [tok('She', 'PRP'), tok('has', 'VBZ'), tok('repeatedly', 'RB'), tok('called', 'VBN'), tok('for', 'IN'), tok('calm', 'NN'), tok('and', 'CC'), tok('has', 'VBZ'), tok('left', 'VBN')];
  const scores = Float64Array.from([NaN, 9, NaN, 12, NaN, NaN, NaN, 9, 1]);
  assert.deepEqual(cueRuns(toks, scores, 8), [{ from: 1, to: 5, score: 12 }]);
});

// Hand-written articles (not from any corpus): the cue verbs are outside the rule lexicon's
// usual patterns, so the detector has to learn them.
const at = (text: string, s: string): Span => { const i = text.indexOf(s); assert.ok(i >= 0, s); return { start: i, end: i + s.length }; };
function article(id: string, text: string, cue: string): GoldArticle {
  return { id, text, attributions: [{ source: [at(text, text.split(' ')[0]!)], cue: [at(text, cue)], content: [at(text, text.slice(text.indexOf(cue) + cue.length + 1, text.indexOf('.')))] }] };
}
const ARTICLES = [
  article('c1', 'Critics blasted the plan as reckless. The vote is on Friday.', 'blasted'),
  article('c2', 'Residents blasted the new fees. Buses ran late on Monday.', 'blasted'),
  article('c3', 'Unions slammed the offer as an insult. The talks resume today.', 'slammed'),
  article('c4', 'Farmers slammed the import rules. Prices rose in May.', 'slammed'),
];

test('a detector trained on hand-written articles finds their cues, deterministically', () => {
  const docs = cueDocs(prepareArticles(ARTICLES, { pos: true, rules: true }));
  const run = () => trainCueModel(docs, { epochs: 4, seed: 1, select: (m) => cueDetectionF1(m, docs) });
  const a = run();
  assert.equal(JSON.stringify(run().model), JSON.stringify(a.model));
  const model = CueModel.fromJSON(a.model);
  const d = docs[0]!;
  const runs = model.detect(d.doc, d.claimed, undefined, 0);
  const words = runs.map((r) => d.doc.tokens.slice(r.from, r.to).map((t) => t.text).join(' '));
  assert.ok(words.includes('blasted'), `found ${JSON.stringify(words)}`);
  assert.ok(!words.includes('is'), 'the copula is no cue');
});

test('WordNet classes carry a detector over to verbs it never saw', () => {
  // Cues are communication verbs, non-cues motion verbs. The test sentences share subject, object
  // and shape, and "denounced" and "wandered" occur nowhere in training, so only their classes
  // can tell them apart.
  const train = [
    article('w1', 'Critics criticized the plan as reckless. Aides walked the route on Friday.', 'criticized'),
    article('w2', 'Residents praised the new park. Buses drove the loop on Monday.', 'praised'),
    article('w3', 'Unions condemned the offer as an insult. Hikers hiked the ridge today.', 'condemned'),
    article('w4', 'Farmers applauded the import rules. Crews walked the levee in May.', 'applauded'),
  ];
  const docs = cueDocs(prepareArticles(train, { pos: true, rules: true }));
  const model = CueModel.fromJSON(trainCueModel(docs, { epochs: 4, seed: 1, select: (m) => cueDetectionF1(m, docs) }).model);
  const [test] = cueDocs(prepareArticles([article('w5', 'Officials denounced the deal. Officials wandered the deal.', 'denounced')], { pos: true, rules: true }));
  const scores = model.scoreAll(test!.doc, test!.claimed);
  const score = (w: string) => scores[test!.doc.tokens.findIndex((t) => t.text === w)]!;
  assert.ok(score('denounced') > score('wandered'), `denounced ${score('denounced')} vs wandered ${score('wandered')}`);
});
