import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attributionsStage } from '../attribution/stage.js';
import { HearsayError } from '../core/errors.js';
import type { Span } from '../core/types.js';
import { SpanIndex } from '../core/span-index.js';
import type { GoldArticle } from '../eval/polnear.js';
import { boundaryCandidates, boundsAccuracy, boundsCoverage, boundsInput, BoundsModel, cueBoundsInput, goldBoundary, sourceBoundsInput, trailingSourceBoundsInput, trainBoundsModel } from './bounds.js';
import { boundsExamples, prepareArticles } from './train.js';

const at = (text: string, s: string): Span => {
  const i = text.indexOf(s);
  assert.ok(i >= 0, s);
  return { start: i, end: i + s.length };
};

// Hand-written articles (not from any corpus) whose gold content leaves out a trailing
// "while …" clause that the rules keep.
function article(id: string, text: string, src: string, cue: string, content: string): GoldArticle {
  return { id, text, attributions: [{ source: [at(text, src)], cue: [at(text, cue)], content: [at(text, content)] }] };
}
const ARTICLES = [
  article('b1', 'The mayor said the bridge would reopen while crews worked at night. Traffic was light.', 'The mayor', 'said', 'the bridge would reopen'),
  article('b2', 'The union said the strike would end while talks continued in the capital. Buses ran.', 'The union', 'said', 'the strike would end'),
  article('b3', 'The coach said the team was ready while fans waited outside the stadium. It rained.', 'The coach', 'said', 'the team was ready'),
  article('b4', 'The nurse said the ward was full while doctors argued about beds. Nobody left.', 'The nurse', 'said', 'the ward was full'),
  article('b5', 'The owner said the shop would close while rents rose across the city. Prices fell.', 'The owner', 'said', 'the shop would close'),
];

const pipelineOptions = { bounds: null };

test('the ranker applies to one content after its cue in the cue sentence, and finds the gold edges', () => {
  const [d] = prepareArticles([ARTICLES[0]!], { pos: true, rules: true });
  const doc = d!.doc;
  attributionsStage(pipelineOptions).run(doc);
  const a = doc.attributions[0]!;
  assert.equal(doc.text.slice(a.content[0]!.start, a.content[0]!.end), 'the bridge would reopen while crews worked at night');
  const x = boundsInput(doc.tokens, a, new SpanIndex(doc.attributions.map((o) => o.cue)));
  assert.ok(x);
  assert.equal(doc.tokens[x.from]!.text, 'the');
  // The current edges are always candidates; the gold end is the cut before "while".
  assert.ok(boundaryCandidates(x, 'end').at.includes(x.end));
  assert.ok(boundaryCandidates(x, 'start').at.includes(x.from));
  const end = goldBoundary(x, 'end', at(doc.text, 'the bridge would reopen'));
  assert.equal(doc.tokens[end]!.text, 'while');
  assert.equal(goldBoundary(x, 'start', at(doc.text, 'the bridge would reopen')), x.from);
  // Content before the cue, or in two pieces, is left alone.
  assert.equal(boundsInput(doc.tokens, { ...a, content: [{ start: 0, end: 9 }] }, new SpanIndex([])), null);
  assert.equal(boundsInput(doc.tokens, { ...a, content: [a.content[0]!, a.content[0]!] }, new SpanIndex([])), null);
});

test('a ranker trained on hand-written articles moves the end, deterministically, and the stage records it', () => {
  const docs = prepareArticles(ARTICLES, { pos: true, rules: true });
  const examples = boundsExamples(docs, pipelineOptions);
  assert.equal(examples.filter((e) => e.side === 'end' && e.input.kind === 'content').length, ARTICLES.length);
  const train = () => trainBoundsModel(examples, { epochs: 3, select: (m) => boundsAccuracy(m, examples) });
  const { model } = train();
  assert.equal(JSON.stringify(train().model), JSON.stringify(model));
  const ranker = BoundsModel.fromJSON(JSON.parse(JSON.stringify(model)) as typeof model);
  assert.equal(boundsAccuracy(ranker, examples), 100);
  // A new sentence of the same shape: the stage cuts its content before "while".
  const [fresh] = prepareArticles([article('n1', 'The chef said the kitchen was clean while inspectors waited by the door. Lunch began.', 'The chef', 'said', 'the kitchen was clean')], { pos: true, rules: true });
  attributionsStage({ bounds: ranker }).run(fresh!.doc);
  const a = fresh!.doc.attributions[0]!;
  assert.equal(fresh!.doc.text.slice(a.content[0]!.start, a.content[0]!.end), 'the kitchen was clean');
  assert.ok(a.refinedBy?.includes('model:content-bounds'));
});

// Sources the rules cut short: "Experts on X and Y" is read as "Y".
const SOURCES = [
  article('s1', 'Experts on river ecology and fisheries say the dam harms salmon. The dam opened in May.', 'Experts on river ecology and fisheries', 'say', 'the dam harms salmon'),
  article('s2', 'Scholars of trade law and economics say the tariff is illegal. Ports were busy.', 'Scholars of trade law and economics', 'say', 'the tariff is illegal'),
  article('s3', 'Analysts of energy markets and shipping say the price will fall. Oil rose on Monday.', 'Analysts of energy markets and shipping', 'say', 'the price will fall'),
  article('s4', 'Critics of the budget and taxes say the plan is unfair. The vote is on Friday.', 'Critics of the budget and taxes', 'say', 'the plan is unfair'),
];

/** A ranker trained on `docs`' examples of one input kind, run on a fresh article: its first attribution. */
function readAfterTraining(docs: ReturnType<typeof prepareArticles>, kind: string, fresh: GoldArticle) {
  const examples = boundsExamples(docs, pipelineOptions).filter((e) => e.input.kind === kind);
  const { model } = trainBoundsModel(examples, { epochs: 3, select: (m) => boundsAccuracy(m, examples) });
  const [d] = prepareArticles([fresh], { pos: true, rules: true });
  attributionsStage({ bounds: BoundsModel.fromJSON(model) }).run(d!.doc);
  const b = d!.doc.attributions[0]!;
  return { source: d!.doc.text.slice(b.source!.start, b.source!.end), refinedBy: b.refinedBy ?? [] };
}

test('the ranker also bounds a source before its cue, and learns to take in a coordinated head', () => {
  const docs = prepareArticles(SOURCES, { pos: true, rules: true });
  attributionsStage(pipelineOptions).run(docs[0]!.doc);
  const a = docs[0]!.doc.attributions[0]!;
  assert.equal(docs[0]!.doc.text.slice(a.source!.start, a.source!.end), 'fisheries');
  const x = sourceBoundsInput(docs[0]!.doc.tokens, a, new SpanIndex([a.cue, ...a.content]));
  assert.ok(x && x.kind === 'source');
  assert.equal(docs[0]!.doc.tokens[goldBoundary(x, 'start', at(docs[0]!.doc.text, 'Experts on river ecology and fisheries'))]!.text, 'Experts');
  // A source after its cue is another input's (trailingSourceBoundsInput).
  assert.equal(sourceBoundsInput(docs[0]!.doc.tokens, { ...a, source: a.content[0]! }, new SpanIndex([])), null);
  const b = readAfterTraining(docs, 'source', article('n2', 'Doctors on the ward and nurses say the beds are full. Visits stopped.', 'Doctors on the ward and nurses', 'say', 'the beds are full'));
  assert.equal(b.source, 'Doctors on the ward and nurses');
  assert.ok(b.refinedBy.includes('model:source-bounds'));
});

test("a gold source ending on the comma that closes its appositive is a boundary the ranker can choose", () => {
  // Hand-written; the gold source keeps the age and its closing comma, as PolNeAR often marks it.
  const text = 'Carlos Ortega, 55, said the plant would close. Workers left.';
  const [d] = prepareArticles([article('g1', text, 'Carlos Ortega, 55,', 'said', 'the plant would close')], { pos: true, rules: true });
  const doc = d!.doc;
  attributionsStage(pipelineOptions).run(doc);
  const a = doc.attributions[0]!;
  const x = sourceBoundsInput(doc.tokens, a, new SpanIndex([a.cue, ...a.content]));
  assert.ok(x && x.kind === 'source');
  const end = goldBoundary(x, 'end', at(text, 'Carlos Ortega, 55,'));
  assert.equal(doc.tokens[end - 1]!.text, '55');
  assert.ok(boundaryCandidates(x, 'end').at.includes(end));
  // So the example is kept for training, not dropped as out of reach, and its edge is a candidate.
  const examples = boundsExamples([d!], pipelineOptions);
  assert.equal(examples.filter((e) => e.input.kind === 'source' && e.side === 'end').length, 1);
  assert.deepEqual(boundsCoverage(examples).get('source end'), { examples: 1, candidate: 1 });
  // A gold content running into the next sentence is out of the ranker's reach, and counted so.
  const [far] = prepareArticles([article('g2', 'Ann Lee said the plant would close. Workers left early.', 'Ann Lee', 'said', 'the plant would close. Workers left early')], { pos: true, rules: true });
  const outOfReach = new Map<string, number>();
  const kept = boundsExamples([far!], pipelineOptions, outOfReach);
  assert.equal(outOfReach.get('content end'), 1);
  assert.equal(kept.filter((e) => e.input.kind === 'content' && e.side === 'end').length, 0);
});

// Hand-written: quotations whose source after the cue leaves out the relative clause the rules keep.
const TRAILING = [
  article('t1', '“The beds are full,” said Dr. Ames, who runs the ward. Visits stopped.', 'Dr. Ames', 'said', '“The beds are full,”'),
  article('t2', '“The road is closed,” said Ms. Reed, who drives the bus. Schools shut.', 'Ms. Reed', 'said', '“The road is closed,”'),
  article('t3', '“The vote is late,” said Mr. Cole, who counts the ballots. Nobody left.', 'Mr. Cole', 'said', '“The vote is late,”'),
];

test('the ranker ends a source after its cue too, with weights of its own', () => {
  const docs = prepareArticles(TRAILING, { pos: true, rules: true });
  attributionsStage(pipelineOptions).run(docs[0]!.doc);
  const a = docs[0]!.doc.attributions[0]!;
  assert.equal(docs[0]!.doc.text.slice(a.source!.start, a.source!.end), 'Dr. Ames, who runs the ward');
  const x = trailingSourceBoundsInput(docs[0]!.doc.tokens, a, new SpanIndex([a.cue, ...a.content]));
  assert.ok(x && x.kind === 'trailing-source');
  assert.equal(sourceBoundsInput(docs[0]!.doc.tokens, a, new SpanIndex([])), null);
  // Only its end moves: no start candidates, and no start example.
  assert.deepEqual(boundaryCandidates(x, 'start').at, []);
  assert.deepEqual(boundsExamples(docs, pipelineOptions).filter((e) => e.input.kind === 'trailing-source').map((e) => e.side), ['end', 'end', 'end']);
  const b = readAfterTraining(docs, 'trailing-source', article('t4', '“The shop is shut,” said Mrs. Hale, who owns the bakery. Prices rose.', 'Mrs. Hale', 'said', '“The shop is shut,”'));
  assert.equal(b.source, 'Mrs. Hale');
  assert.ok(b.refinedBy.includes('model:source-bounds'));
});

// Cues PolNeAR marks with their preposition: "complained about", content after it.
const CUES = [
  article('c1', 'The mayor complained about the delays on the bridge. Traffic was slow.', 'The mayor', 'complained about', 'the delays on the bridge'),
  article('c2', 'The union complained about the new shift rota. Talks resume soon.', 'The union', 'complained about', 'the new shift rota'),
  article('c3', 'Parents complained about the school bus times. The board met.', 'Parents', 'complained about', 'the school bus times'),
  article('c4', 'Tenants complained about the broken heating. Repairs began.', 'Tenants', 'complained about', 'the broken heating'),
];

test('the ranker also ends a verb cue, moving the content after what the cue takes in', () => {
  const docs = prepareArticles(CUES, { pos: true, rules: true });
  attributionsStage(pipelineOptions).run(docs[0]!.doc);
  const doc = docs[0]!.doc;
  const a = doc.attributions[0]!;
  assert.equal(doc.text.slice(a.cue.start, a.cue.end), 'complained');
  const x = cueBoundsInput(doc.tokens, a, new SpanIndex([]));
  assert.ok(x && x.kind === 'cue');
  assert.equal(doc.tokens[goldBoundary(x, 'end', at(doc.text, 'complained about')) - 1]!.text, 'about');
  // Not over the source, nor for a cue that is not a verb.
  assert.equal(cueBoundsInput(doc.tokens, { ...a, cue: at(doc.text, 'delays') }, new SpanIndex([])), null);
  const examples = boundsExamples(docs, pipelineOptions).filter((e) => e.input.kind === 'cue');
  assert.equal(examples.length, CUES.length);
  const { model } = trainBoundsModel(examples, { epochs: 3, select: (m) => boundsAccuracy(m, examples) });
  const [fresh] = prepareArticles([article('n3', 'Drivers complained about the toll rise. Prices went up.', 'Drivers', 'complained about', 'the toll rise')], { pos: true, rules: true });
  attributionsStage({ bounds: BoundsModel.fromJSON(model) }).run(fresh!.doc);
  const b = fresh!.doc.attributions[0]!;
  const t = fresh!.doc.text;
  assert.deepEqual([t.slice(b.cue.start, b.cue.end), t.slice(b.content[0]!.start, b.content[0]!.end)], ['complained about', 'the toll rise']);
  assert.ok(b.refinedBy?.includes('model:cue-bounds'));
});

test('a file that is not a boundary model is refused with MODEL_INVALID', () => {
  assert.throws(() => BoundsModel.fromJSON({ format: 'hearsay-bounds/1', source: 'x', quantum: 1, hashes: [1, 2], weights: [1] }),
    (e: unknown) => e instanceof HearsayError && e.code === 'MODEL_INVALID');
});
