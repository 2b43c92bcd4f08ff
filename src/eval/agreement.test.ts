import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Attribution, Span } from '../core/types.js';
import { agreementReport, formatAgreement } from './agreement.js';
import type { GoldArticle, MultiAnnotatedArticle } from './polnear.js';

// Hand-written text; two annotators who agree on the first attribution and differ on the second's content.
const TEXT = 'The mayor said the bridge will reopen in May. Critics argued that the repairs were rushed and costly.';
const at = (s: string): Span => {
  const i = TEXT.indexOf(s);
  assert.ok(i >= 0, s);
  return { start: i, end: i + s.length };
};
const mayor = { source: [at('The mayor')], cue: [at('said')], content: [at('the bridge will reopen in May')] };
const critics = (content: string) => ({ source: [at('Critics')], cue: [at('argued')], content: [at(content)] });
const multi: MultiAnnotatedArticle[] = [{
  id: 'a1',
  text: TEXT,
  annotations: [
    { annotator: 'ann1', attributions: [mayor, critics('that the repairs were rushed and costly')] },
    { annotator: 'ann2', attributions: [mayor, critics('costly')] },
  ],
}];
const gold: GoldArticle[] = [{ id: 'a1', text: TEXT, attributions: multi[0]!.annotations[0]!.attributions, annotator: 'ann1' }];

function attr(source: Span, cue: Span, content: Span): Attribution {
  return { id: 'p', cue, content: [content], via: null, quote: 'indirect', hedge: null, rule: 'test', source: { ...source, entity: null, kind: 'person', count: null, descriptor: null } };
}

test('agreementReport scores the second annotator against the first and the pipeline against both', () => {
  // The pipeline reads only the mayor's attribution.
  const predicted = new Map([['a1', [attr(at('The mayor'), at('said'), at('the bridge will reopen in May'))]]]);
  const r = agreementReport(gold, multi, predicted);
  assert.equal(r.articles, 1);
  // The annotators share one relation of two (the critics' contents have Jaccard 1/6).
  assert.deepEqual([r.secondVsFirst.relation.tp, r.secondVsFirst.relation.predicted, r.secondVsFirst.relation.gold], [1, 2, 2]);
  assert.equal(r.secondVsFirst.exact.source.f1, 1);
  assert.equal(r.secondVsFirst.exact.content.f1, 0.5);
  assert.deepEqual([r.pipelineVsFirst.relation.tp, r.pipelineVsFirst.relation.gold], [1, 2]);
  assert.deepEqual([r.pipelineVsSecond.relation.tp, r.pipelineVsSecond.relation.gold], [1, 2]);
  assert.deepEqual(r.byAnnotator.map((x) => [x.annotator, x.articles, x.scores.relation.tp]), [['ann1', 1, 1]]);
  const text = formatAgreement(r);
  assert.match(text, /1 articles with a second annotation file/);
  assert.match(text, /^ann1 +1 +2 +66\.7 +100\.0 +50\.0/m);
});

test('agreementReport says so where no article has a second annotation file', () => {
  const r = agreementReport(gold, [], new Map());
  assert.equal(r.articles, 0);
  assert.match(formatAgreement(r), /no article of this split has a second annotation file/);
});

test('agreementReport counts the pipeline errors the second annotator shares', () => {
  // The pipeline misses the critics (the second annotator reads them differently, so shares the miss)
  // and reads a false alarm the second file marks ("Critics argued … costly" with the short content).
  const predicted = new Map([['a1', [
    attr(at('The mayor'), at('said'), at('the bridge will reopen in May')),
    attr(at('Critics'), at('argued'), at('costly')),
  ]]]);
  const r = agreementReport(gold, multi, predicted);
  assert.deepEqual(r.pipelineErrors, { falseAlarms: 1, falseAlarmsSecondMarks: 1, misses: 1, missesSecondLacks: 1 });
  assert.match(formatAgreement(r), /1 of 1 false alarms are marked in the second file; 1 of 1 misses are missing from it too/);
  // Reading the critics as the first annotator does: no error left to share.
  const right = agreementReport(gold, multi, new Map([['a1', [
    attr(at('The mayor'), at('said'), at('the bridge will reopen in May')),
    attr(at('Critics'), at('argued'), at('that the repairs were rushed and costly')),
  ]]]));
  assert.deepEqual(right.pipelineErrors, { falseAlarms: 0, falseAlarmsSecondMarks: 0, misses: 0, missesSecondLacks: 0 });
});
