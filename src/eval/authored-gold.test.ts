import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { authoredText, resolveAuthored, toBrat, type AuthoredArticle } from './authored-gold.js';
import { parsePolnearAnn, readPolnear } from './polnear.js';
import { scoreAttributions } from './attributions.js';
import { analyze } from '../analyze.js';
import type { Attribution } from '../core/types.js';
import { HearsayError } from '../core/errors.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/attribution-gold');
const SRC = path.join(ROOT, 'src');
/** A second annotator's readings of some of the same texts (GUIDELINES.md), for `--agreement`. */
const SECOND = path.join(ROOT, 'second');

function authored(dir = SRC): AuthoredArticle[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as AuthoredArticle);
}

/** Writes `file` where UPDATE=1 asks or it is missing, then checks it holds `body`. */
function generated(file: string, body: string, id: string): void {
  if (process.env.UPDATE === '1' || !existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, body);
  }
  assert.equal(readFileSync(file, 'utf8'), body, `${id}: ${path.basename(file)} out of date (UPDATE=1 npm test)`);
}

test('authored gold: each fixture\'s text and brat file are what its JSON says (UPDATE=1 rewrites them)', () => {
  const textDir = path.join(ROOT, 'dev', 'text');
  const annDir = path.join(ROOT, 'dev', 'attributions');
  const articles = authored();
  assert.ok(articles.length >= 7, 'the authored gold set has its seven texts');
  for (const a of articles) {
    const text = authoredText(a);
    const gold = resolveAuthored(a);
    assert.equal(gold.length, a.attributions.length);
    const brat = toBrat(text, gold);
    assert.deepEqual(parsePolnearAnn(brat, text), gold, `${a.id}: the brat file reads back as the resolved spans`);
    generated(path.join(textDir, `${a.id}.txt`), text, a.id);
    generated(path.join(annDir, `${a.id}_hearsay.ann`), brat, a.id);
  }
});

test('authored gold: a second annotator\'s file reads the same text and sorts after the first', () => {
  const first = new Map(authored().map((a) => [a.id, a]));
  const annDir = path.join(ROOT, 'dev', 'attributions');
  for (const b of authored(SECOND)) {
    const a = first.get(b.id);
    assert.ok(a, `${b.id}: a second annotation needs the first's story`);
    assert.deepEqual(b.paragraphs, a.paragraphs, `${b.id}: the second annotator read another text`);
    const text = authoredText(b);
    const brat = toBrat(text, resolveAuthored(b));
    // readPolnear takes the first file in sorted order as the gold, so the second must sort later.
    assert.ok(`${b.id}_hearsay.ann` < `${b.id}_second.ann`);
    generated(path.join(annDir, `${b.id}_second.ann`), brat, b.id);
  }
});

test('authored gold: an anchor must occur once and hold its cue, and every span must be found', () => {
  const base: AuthoredArticle = { id: 't_2025-01-01_x', about: 'test', paragraphs: ['Ana said it rained. Ana said it rained.', 'Bo said no.'], attributions: [] };
  const bad = (attr: AuthoredArticle['attributions'][number]) => () => resolveAuthored({ ...base, attributions: [attr] });
  const isGold = (e: unknown) => e instanceof HearsayError && e.code === 'GOLD_INVALID';
  assert.throws(bad({ near: 'Ana said', cue: 'said', source: 'Ana', content: ['it rained'] }), isGold);
  assert.throws(bad({ near: 'Bo said no', cue: 'told', source: 'Bo', content: ['no'] }), isGold);
  assert.throws(bad({ near: 'Bo said no', cue: 'said', source: 'Ana', content: ['no'] }), isGold, 'a source outside the anchor\'s paragraph');
  const [g] = resolveAuthored({ ...base, attributions: [{ near: 'Bo said no', cue: 'said', source: 'Bo', content: ['no'] }] });
  const text = authoredText(base);
  assert.equal(text.slice(g!.cue[0]!.start, g!.cue[0]!.end), 'said');
  assert.equal(g!.cue[0]!.start, text.indexOf('Bo said') + 3);
  assert.equal(text.slice(g!.source![0]!.start, g!.source![0]!.end), 'Bo');
});

/**
 * The pipeline against our own texts, scored as PolNeAR is. The floor sits under what the
 * shipped models reach (README, "Accuracy"), so a change that loses several of these readings
 * fails here even without ../shared.
 */
test('authored gold: the pipeline finds most attributions of our own texts', async () => {
  const gold = await readPolnear(ROOT, 'dev');
  assert.equal(gold.length, authored().length);
  const predicted = new Map<string, Attribution[]>();
  for (const a of gold) predicted.set(a.id, analyze(a.text, { path: `${a.id}.txt`, inputType: 'text' }).attributions);
  const s = scoreAttributions(gold, predicted);
  assert.ok(s.relation.f1 >= 0.8, `relation F1 ${(100 * s.relation.f1).toFixed(1)} on the authored gold`);
});
