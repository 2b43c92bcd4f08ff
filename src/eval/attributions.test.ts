import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Attribution, Span } from '../core/types.js';
import { describeErrors, formatRuleScores, formatScores, matchArticle, scoreAttributions, scoreByRule, wordTokens } from './attributions.js';
import type { GoldArticle } from './polnear.js';

// Hand-written text: offsets computed from substrings so the test states intent, not numbers.
const TEXT = 'The mayor said that the bridge will reopen in May. "It is safe," a spokesman added.\nRain fell.';
const at = (s: string, from = 0): Span => {
  const i = TEXT.indexOf(s, from);
  assert.ok(i >= 0, s);
  return { start: i, end: i + s.length };
};

const gold: GoldArticle[] = [{
  id: 'a1',
  text: TEXT,
  attributions: [
    { source: [at('The mayor')], cue: [at('said')], content: [at('that the bridge will reopen in May')] },
    { source: [at('a spokesman')], cue: [at('added')], content: [at('"It is safe,"')] },
  ],
}];

function attr(id: string, source: Span | null, cue: Span, content: Span[], via: string | null = null): Attribution {
  return {
    id, cue, content, via, quote: 'indirect', hedge: null, rule: 'test',
    source: source ? { ...source, entity: null, kind: 'person', count: null, descriptor: null } : null,
  };
}

test('word tokens split on whitespace and punctuation', () => {
  const tok = wordTokens('"It is safe," he said.');
  assert.equal(tok.length / 2, 5);
  assert.deepEqual([tok[0], tok[1]], [1, 3]);
});

test('perfect predictions score 1 everywhere', () => {
  const pred = new Map([['a1', [
    attr('p1', at('The mayor'), at('said'), [at('that the bridge will reopen in May')]),
    attr('p2', at('a spokesman'), at('added'), [at('"It is safe,"')]),
  ]]]);
  const s = scoreAttributions(gold, pred);
  for (const m of [s.exact, s.overlap]) for (const l of ['source', 'cue', 'content'] as const) assert.equal(m[l].f1, 1);
  assert.equal(s.relation.f1, 1);
  assert.match(formatScores(s), /relation\s+all\s+100\.0/);
});

test('exact match ignores edge punctuation but not words', () => {
  const pred = new Map([['a1', [
    // Content without the quote marks and comma: same word tokens → exact.
    attr('p2', at('a spokesman'), at('added'), [at('It is safe')]),
    // Content missing "that": not exact, but token overlap and relation (Jaccard 6/7) still count.
    attr('p1', at('mayor'), at('said'), [at('the bridge will reopen in May')]),
  ]]]);
  const s = scoreAttributions(gold, pred);
  assert.equal(s.exact.content.tp, 1);
  assert.equal(s.exact.source.tp, 1); // "mayor" ≠ "The mayor"
  assert.equal(s.overlap.content.tp, 9);
  assert.equal(s.overlap.content.gold, 10);
  assert.equal(s.overlap.source.recall, 3 / 4);
  assert.equal(s.relation.tp, 2);
});

test('relation needs cue overlap, content Jaccard ≥ 0.5 and source overlap', () => {
  const wrongSource = new Map([['a1', [attr('p1', at('the bridge'), at('said'), [at('that the bridge will reopen in May')])]]]);
  assert.equal(scoreAttributions(gold, wrongSource).relation.tp, 0);
  const noSource = new Map([['a1', [attr('p1', null, at('said'), [at('that the bridge will reopen in May')])]]]);
  assert.equal(scoreAttributions(gold, noSource).relation.tp, 0);
  const shortContent = new Map([['a1', [attr('p1', at('The mayor'), at('said'), [at('in May')])]]]);
  assert.equal(scoreAttributions(gold, shortContent).relation.tp, 0); // Jaccard 2/7
  const halfContent = new Map([['a1', [attr('p1', at('The mayor'), at('said'), [at('that the bridge will')])]]]);
  assert.equal(scoreAttributions(gold, halfContent).relation.tp, 1); // Jaccard 4/7
  const wrongCue = new Map([['a1', [attr('p1', at('The mayor'), at('reopen'), [at('that the bridge will reopen in May')])]]]);
  const s = scoreAttributions(gold, wrongCue);
  assert.equal(s.relation.tp, 0);
  assert.equal(s.relation.predicted, 1);
  assert.equal(s.relation.gold, 2);
  assert.equal(s.relation.precision, 0);
});

test('gold without a source accepts any predicted source', () => {
  const g: GoldArticle[] = [{ id: 'a1', text: TEXT, attributions: [{ source: null, cue: [at('said')], content: [at('that the bridge will reopen in May')] }] }];
  const pred = new Map([['a1', [attr('p1', at('The mayor'), at('said'), [at('that the bridge will reopen in May')])]]]);
  const s = scoreAttributions(g, pred);
  assert.equal(s.relation.f1, 1);
  assert.equal(s.exact.source.predicted, 1);
  assert.equal(s.exact.source.gold, 0);
  assert.equal(s.exact.source.precision, 0);
});

test('nested predictions are ignored and matching is one to one', () => {
  const full = [at('that the bridge will reopen in May')];
  const pred = new Map([['a1', [
    attr('p1', at('The mayor'), at('said'), full),
    attr('p1b', at('The mayor'), at('said'), full),
    attr('p3', at('a spokesman'), at('added'), [at('It is safe')], 'p1'),
  ]]]);
  const s = scoreAttributions(gold, pred);
  assert.equal(s.relation.predicted, 2);
  assert.equal(s.relation.tp, 1);
  assert.equal(s.relation.precision, 0.5);
  assert.equal(s.relation.recall, 0.5);
  // Duplicate spans count once for exact scores.
  assert.equal(s.exact.cue.predicted, 1);
});

test('discontinuous gold content is unioned', () => {
  const g: GoldArticle[] = [{ id: 'a1', text: TEXT, attributions: [{ source: [at('a spokesman')], cue: [at('added')], content: [at('It is'), at('safe')] }] }];
  const pred = new Map([['a1', [attr('p', at('a spokesman'), at('added'), [at('It is safe')])]]]);
  const s = scoreAttributions(g, pred);
  assert.equal(s.exact.content.tp, 1);
  assert.equal(s.relation.tp, 1);
});

test('missing articles count as no predictions', () => {
  const s = scoreAttributions(gold, new Map());
  assert.equal(s.relation.recall, 0);
  assert.equal(s.relation.f1, 0);
  assert.equal(s.exact.cue.gold, 2);
});

test('describeErrors lists misses with the reason and false alarms with their sentence', () => {
  const pred = new Map([['a1', [
    attr('p1', at('The mayor'), at('said'), [at('in May')]),
    attr('p9', null, at('fell'), [at('Rain')]),
  ]]]);
  const m = matchArticle(TEXT, gold[0]!.attributions, pred.get('a1')!);
  assert.deepEqual(m.goldToPred, [-1, -1]);
  const out = describeErrors(gold, pred, new Map([['a1', [at('The mayor said that the bridge will reopen in May.'), at('Rain fell.')]]]));
  assert.match(out, /2 misses, 2 false alarms/);
  assert.match(out, /content Jaccard 0\.29/);
  assert.match(out, /no prediction on this cue/);
  assert.match(out, /FALSE ALARM \(test\) cue \[\d+,\d+\) “fell”/);
  assert.match(out, /sentence: Rain fell\./);
});

test('precision per producer counts outermost predictions and their matches', () => {
  const good = { ...attr('p1', at('The mayor'), at('said'), [at('that the bridge will reopen in May')]), rule: 'attribution:source-cue-content' };
  const wrong = { ...attr('p2', at('Rain'), at('fell'), [at('Rain')]), rule: 'model:cue-detector' };
  const nested = { ...attr('p3', at('a spokesman'), at('added'), [at('"It is safe,"')], 'p1'), rule: 'model:cue-detector' };
  const rows = scoreByRule(gold, new Map([['a1', [good, wrong, nested]]]));
  assert.deepEqual(rows.map((r) => [r.rule, r.predicted, r.matched]), [['attribution:source-cue-content', 1, 1], ['model:cue-detector', 1, 0]]);
  assert.match(formatRuleScores(rows), /attribution:source-cue-content\s+1\s+1\s+100\.0/);
});
