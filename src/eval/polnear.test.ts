import assert from 'node:assert/strict';
import { access, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { codePointToUtf16, parsePolnearAnn, readPolnear, readPolnearAnnotators } from './polnear.js';

const DEV = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/polnear/dev');

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

test('the first annotation file is the gold; readPolnearAnnotators returns every file of doubly annotated articles', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hearsay-polnear-'));
  try {
    await mkdir(path.join(dir, 'dev', 'text'), { recursive: true });
    await mkdir(path.join(dir, 'dev', 'attributions'), { recursive: true });
    const one = 'The mayor said it rained.';
    const two = 'Rain fell, she claimed.';
    const ann = (text: string, cue: string) => {
      const i = text.indexOf(cue);
      return `T1\tCue ${i} ${i + cue.length}\t${cue}\nE1\tAttribution-no-source:T1 Cue:T1\n`;
    };
    await writeFile(path.join(dir, 'dev', 'text', 'one.txt'), one);
    await writeFile(path.join(dir, 'dev', 'text', 'two.txt'), two);
    await writeFile(path.join(dir, 'dev', 'attributions', 'one_bbb.ann'), ann(one, 'rained'));
    await writeFile(path.join(dir, 'dev', 'attributions', 'one_aaa.ann'), ann(one, 'said'));
    await writeFile(path.join(dir, 'dev', 'attributions', 'two_ccc.ann'), ann(two, 'claimed'));
    const gold = await readPolnear(dir, 'dev');
    assert.deepEqual(gold.map((a) => [a.id, a.annotator]), [['one', 'aaa'], ['two', 'ccc']]);
    assert.equal(one.slice(gold[0]!.attributions[0]!.cue[0]!.start, gold[0]!.attributions[0]!.cue[0]!.end), 'said');
    const multi = await readPolnearAnnotators(dir, 'dev');
    assert.deepEqual(multi.map((a) => [a.id, a.annotations.map((x) => x.annotator)]), [['one', ['aaa', 'bbb']]]);
    const second = multi[0]!.annotations[1]!.attributions[0]!.cue[0]!;
    assert.equal(one.slice(second.start, second.end), 'rained');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('every PolNeAR dev article analyses to a document that validates and round-trips', {
  skip: existsSync(DEV) ? false : '../shared/polnear absent: the check reads PolNeAR dev',
}, async () => {
  const { analyze } = await import('../analyze.js');
  const { parseDocument } = await import('../core/document.js');
  const articles = await readPolnear(path.dirname(DEV), 'dev');
  for (const a of articles) {
    const doc = analyze(a.text, { inputType: 'text', path: `${a.id}.txt` });
    const ids = new Set(doc.attributions.map((x) => x.id));
    assert.ok(doc.attributions.every((x) => x.via === null || ids.has(x.via)), `${a.id}: a via points to no attribution`);
    assert.deepEqual(parseDocument(JSON.parse(JSON.stringify(doc))), doc, a.id);
  }
});
