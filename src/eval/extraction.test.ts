import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { averageScores, benchmarkTokens, scoreShingles } from './extraction-score.js';
import { classifyPage, evaluateExtraction, formatExtractionReport } from './extraction.js';

test('shingle scoring counts matched 4-grams', () => {
  assert.deepEqual(benchmarkTokens("It's a dog-eat-dog world."), ['It', 's', 'a', 'dog', 'eat', 'dog', 'world']);
  const same = scoreShingles('one two three four five', 'one two three four five');
  assert.deepEqual([same.precision, same.recall], [1, 1]);
  const extra = scoreShingles('one two three four five', 'one two three four five six');
  assert.equal(extra.tp, 2);
  assert.equal(extra.fp, 1);
  assert.equal(extra.recall, 1);
  assert.ok(Math.abs(extra.precision - 2 / 3) < 1e-9);
  const none = scoreShingles('one two three four', '');
  assert.deepEqual([none.precision, none.recall], [0, 0]);
  const avg = averageScores([same, none]);
  assert.equal(avg.precision, 0.5);
  assert.equal(avg.f1, 0.5);
});

test('page classes from URLs', () => {
  assert.equal(classifyPage('https://example.com/news-and-events/press/x.html'), 'press release');
  assert.equal(classifyPage('https://blog.example.com/2019/11/19/post/'), 'blog');
  assert.equal(classifyPage('https://www.example.com/world/story-123'), 'news');
});

const bench = path.resolve(process.cwd(), '../shared/extraction-benchmark');

test('CI floor: F1 >= 0.97 on the ScrapingHub benchmark', async (t) => {
  if (!existsSync(path.join(bench, 'ground-truth.json'))) {
    t.skip('../shared/extraction-benchmark absent');
    return;
  }
  const r = await evaluateExtraction(bench, { baseline: false });
  t.diagnostic(formatExtractionReport(r));
  assert.equal(r.pages.length, 181);
  assert.ok(r.hearsay.overall.f1 >= 0.97, `F1 ${r.hearsay.overall.f1.toFixed(4)} below the 0.97 floor`);
});
