import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readPolnear } from '../eval/polnear.js';
import { prepareArticles, ruleLayerDigest, type RuleLayerJson } from './train.js';

const DATA = resolve(process.cwd(), '../shared/polnear');
const RECORD = resolve(process.cwd(), 'models/attr-rule-layer.json');

test('the shipped attribution models were trained on the rule layer this code produces', {
  skip: existsSync(resolve(DATA, 'train')) ? false : '../shared/polnear absent: the rule layer is recomputed from PolNeAR train',
}, async () => {
  const record = JSON.parse(readFileSync(RECORD, 'utf8')) as RuleLayerJson;
  assert.equal(record.format, 'hearsay-rule-layer/1');
  const gold = await readPolnear(DATA, 'train');
  assert.equal(record.articles, gold.length);
  const digest = ruleLayerDigest(prepareArticles(gold, { pos: true, rules: true }));
  assert.equal(digest, record.digest,
    'the rules, the merge or the POS tagger changed since the attribution models were trained: retrain them with `hearsay train attributions --data ../shared/polnear` (README, "Models and data"), or undo the change');
});
