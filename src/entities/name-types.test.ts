import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { analyze, analyzeToWorkingDoc } from '../analyze.js';
import { createPipeline } from '../core/pipeline.js';
import { describeRule } from '../core/rules.js';
import { AveragedPerceptron } from '../model/perceptron.js';
import { posStage } from '../pos/stage.js';
import { segmentStage } from '../text/segment.js';
import { NAME_TYPES_MODEL } from './name-types-data.js';
import { NAME_CLASSES, NAME_TYPES_RULE, NameTypeModel, type NameTypeInput, type NameTypesJson } from './name-types.js';
import { entitiesStage } from './stage.js';
import { nameTypeAgreement, nameTypeExamples, trainNameTypes, trainNameTypesOnSplits, type NameTypeArticle } from './train-name-types.js';

/** The inputs the entity stage hands its typer for a text. */
function inputsOf(text: string): NameTypeInput[] {
  const seen: NameTypeInput[] = [];
  analyzeToWorkingDoc(text, { inputType: 'text' }, createPipeline([segmentStage(), posStage(), entitiesStage({ nameTypes: { retype: (xs) => { seen.push(...xs); } } })]));
  return seen;
}

test('the typer is offered only names the recogniser typed by its heuristics', () => {
  const inputs = inputsOf('Benjamin Netanyahu met Zorvath Quell and the Ministry of Ports. Quell said little.');
  const names = inputs.map((x) => x.info.entity.name);
  assert.deepEqual(names, ['Zorvath Quell'], JSON.stringify(names));
  // Both of its name mentions, each with its own features.
  assert.equal(inputs[0]!.mentions.length, 2);
  assert.equal(inputs[0]!.features.length, 2);
  assert.ok(inputs[0]!.features[0]!.length > 10 && inputs[0]!.features[0]!.every((h) => Number.isInteger(h)));
});

test('a typer with no weights changes nothing: the recogniser\'s type wins ties', () => {
  const empty: NameTypesJson = { format: 'hearsay-name-types/1', source: 'none', perceptron: new AveragedPerceptron(NAME_CLASSES).finalize().toJSON() };
  const text = 'Workers at Quorvex walked out on Monday, and Dana Okafor said the talks in Brellin had failed.';
  const pipeline = (typer: NameTypeModel | null) => createPipeline([segmentStage(), posStage(), entitiesStage({ nameTypes: typer })]);
  const types = (typer: NameTypeModel | null) => analyzeToWorkingDoc(text, { inputType: 'text' }, pipeline(typer)).entities.map((e) => [e.name, e.type, e.refinedBy ?? null]);
  assert.deepEqual(types(NameTypeModel.fromJSON(empty)), types(null));
  assert.throws(() => NameTypeModel.fromJSON({ ...empty, format: 'other' as 'hearsay-name-types/1' }), /unsupported/);
});

// Our own articles: "Quorvex" is a company (the recogniser cannot know: a lone capitalised word),
// "Brellin" a town.
const ARTICLES: NameTypeArticle[] = [
  'Quorvex shares fell on Monday after the company cut its forecast. Analysts said Quorvex had lost customers.',
  'Workers at Quorvex walked out. A Quorvex spokesman said the plant in Brellin would stay open.',
  'Quorvex hired a new chief executive, and its board met in Brellin on Friday.',
  'Residents of Brellin protested outside Quorvex offices. The mayor of Brellin said Quorvex owed taxes.',
].map((text) => ({
  text,
  silver: [...text.matchAll(/Quorvex|Brellin/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, type: m[0] === 'Quorvex' ? 'ORGANIZATION' : 'LOCATION' })),
}));

test('trained on silver names, the typer retypes a heuristic name and says so; training is deterministic', () => {
  const examples = nameTypeExamples(ARTICLES);
  assert.ok(examples.some((e) => e.labels.includes('ORGANIZATION')), JSON.stringify(examples.map((e) => [e.type, e.labels])));
  const train = () => trainNameTypes(examples, { epochs: 4, seed: 3, select: (m) => nameTypeAgreement(m, examples).agree });
  const a = train();
  assert.deepEqual(train().model, a.model);
  const model = NameTypeModel.fromJSON(a.model);
  assert.ok(nameTypeAgreement(model, examples).agree > nameTypeAgreement(null, examples).agree);
  const text = 'Quorvex said on Tuesday that it would close the Brellin depot.';
  const doc = analyzeToWorkingDoc(text, { inputType: 'text' }, createPipeline([segmentStage(), posStage(), entitiesStage({ nameTypes: model })]));
  const q = doc.entities.find((e) => e.name === 'Quorvex');
  assert.equal(q?.type, 'organization', JSON.stringify(doc.entities));
  assert.deepEqual(q?.refinedBy, [NAME_TYPES_RULE]);
  assert.ok(describeRule(NAME_TYPES_RULE)?.reason, 'the model is explained like a rule');
});

test('the shipped typer reads a town the recogniser left untyped as a place', () => {
  const text = 'Thousands of nurses organized a march in Oakland on Saturday.';
  const without = analyzeToWorkingDoc(text, { inputType: 'text' }, createPipeline([segmentStage(), posStage(), entitiesStage({ nameTypes: null })]));
  const plain = without.entities.find((e) => e.name === 'Oakland');
  assert.ok(plain && plain.type !== 'location', JSON.stringify(without.entities));
  const doc = analyze(text);
  const oakland = doc.entities.find((e) => e.name === 'Oakland');
  assert.equal(oakland?.type, 'location', JSON.stringify(doc.entities));
  assert.deepEqual(oakland?.refinedBy, [NAME_TYPES_RULE]);
});

const DATA = resolve(process.cwd(), '../shared/polnear');

test('`hearsay train names` reproduces the shipped name typer', {
  skip: existsSync(resolve(DATA, 'train/corenlp-silver')) ? false : '../shared/polnear absent: the name typer is retrained from its CoreNLP silver layers',
}, async () => {
  const { readSilverNames } = await import('../cli/read-silver.js');
  const r = trainNameTypesOnSplits(nameTypeExamples(await readSilverNames(DATA, 'train')), nameTypeExamples(await readSilverNames(DATA, 'dev')));
  assert.deepEqual(r.model, NAME_TYPES_MODEL,
    'the recogniser or the typer\'s features changed since the name typer was trained: retrain it with `hearsay train names --data ../shared/polnear` (README, "Models and data"), or undo the change');
});
