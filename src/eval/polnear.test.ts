import assert from 'node:assert/strict';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { codePointToUtf16, parsePolnearAnn, readPolnear } from './polnear.js';

test('code points convert to UTF-16 offsets after astral characters', () => {
  const text = 'a😀b said';
  const toU = codePointToUtf16(text);
  assert.equal(toU(1), 1);
  assert.equal(toU(2), 3);
  assert.equal(text.slice(toU(4), toU(8)), 'said');
  assert.equal(codePointToUtf16('plain')(3), 3);
});

test('brat attributions: discontinuous spans, no-source, Content2, cue-less events dropped', () => {
  // Offsets are code points: the emoji counts as one.
  const text = '😀 "Yes," she said, "and no." Then it rained, he claimed.';
  const cp = [...text];
  const find = (s: string) => {
    const u = text.indexOf(s);
    const start = [...text.slice(0, u)].length;
    return `${start} ${start + [...s].length}`;
  };
  assert.equal(cp.length, text.length - 1);
  const ann = [
    `T1\tSource ${find('she')}\tshe`,
    `T2\tCue ${find('said')}\tsaid`,
    `T3\tContent ${find('"Yes,"')};${find('"and no."')}\t"Yes," "and no."`,
    `T4\tAttribution ${find('said')}\tsaid`,
    'E1\tAttribution:T4 Cue:T2 Source:T1 Content:T3',
    `T5\tCue ${find('claimed')}\tclaimed`,
    `T6\tContent ${find('Then it rained')}\tThen it rained`,
    `T7\tContent ${find('rained')}\trained`,
    'E2\tAttribution-no-source:T5 Cue:T5 Content:T6 Content2:T7',
    'E3\tAttribution-no-source:T9 ',
    '#1\tAnnotatorNotes T1\ta note',
  ].join('\n');
  const got = parsePolnearAnn(ann, text);
  assert.equal(got.length, 2);
  const [a, b] = got;
  assert.equal(text.slice(a!.source![0]!.start, a!.source![0]!.end), 'she');
  assert.deepEqual(a!.content.map((s) => text.slice(s.start, s.end)), ['"Yes,"', '"and no."']);
  assert.equal(b!.source, null);
  assert.deepEqual(b!.content.map((s) => text.slice(s.start, s.end)), ['Then it rained', 'rained']);
});

test('reads the PolNeAR dev split', async (t) => {
  const dir = path.resolve(process.cwd(), '../shared/polnear');
  try { await access(path.join(dir, 'dev')); } catch { t.skip('../shared/polnear absent'); return; }
  const gold = await readPolnear(dir, 'dev');
  assert.ok(gold.length > 50);
  const a = gold[0]!;
  assert.ok(a.attributions.length > 0);
  for (const g of a.attributions) for (const s of [...g.cue, ...g.content]) assert.ok(s.start < s.end && s.end <= a.text.length);
});
