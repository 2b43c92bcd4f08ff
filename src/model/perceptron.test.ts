import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ByteReader, ByteWriter, decodeBase64, fromBase64, toBase64 } from './codec.js';
import { hashMix, hashString } from './hash.js';
import { AveragedPerceptron, PerceptronModel } from './perceptron.js';
import { mulberry32, shuffleInPlace } from './prng.js';

/** A toy problem: the class is the colour word in the features, with a distracting shared feature. */
function toyData(): { features: string[]; label: string }[] {
  const data: { features: string[]; label: string }[] = [];
  const colours = ['red', 'green', 'blue'];
  for (let i = 0; i < 60; i++) {
    const c = colours[i % 3]!;
    data.push({ features: ['bias', `word=${c}`, `len=${c.length}`, `noise=${i % 5}`], label: c.toUpperCase() });
  }
  return data;
}

function trainToy(seed: number): PerceptronModel {
  const p = new AveragedPerceptron(['RED', 'GREEN', 'BLUE']);
  const data = toyData();
  const random = mulberry32(seed);
  for (let epoch = 0; epoch < 5; epoch++) {
    for (const ex of shuffleInPlace([...data], random)) p.update(ex.features, ex.label, p.best(ex.features));
  }
  return p.finalize();
}

test('perceptron learns a toy problem', () => {
  const model = trainToy(7);
  assert.equal(model.best(['bias', 'word=red', 'len=3']), 'RED');
  assert.equal(model.best(['bias', 'word=green', 'len=5']), 'GREEN');
  assert.equal(model.best(['bias', 'word=blue', 'len=4']), 'BLUE');
  const s = model.scores(['word=blue']);
  assert.ok(s[2]! > s[0]! && s[2]! > s[1]!, 'blue scores highest for word=blue');
});

test('serialise / load round-trip gives identical scores', () => {
  const model = trainToy(7);
  const json = JSON.parse(JSON.stringify(model.toJSON())) as ReturnType<PerceptronModel['toJSON']>;
  const loaded = PerceptronModel.fromJSON(json);
  assert.equal(loaded.featureCount, model.featureCount);
  assert.equal(loaded.weightCount, model.weightCount);
  for (const ex of toyData()) {
    assert.deepEqual([...loaded.scores(ex.features)], [...model.scores(ex.features)]);
    assert.equal(loaded.best(ex.features), model.best(ex.features));
  }
  assert.deepEqual(loaded.toJSON(), model.toJSON());
});

test('training is deterministic for a seed', () => {
  assert.equal(trainToy(3).toJSON().data, trainToy(3).toJSON().data);
});

test('finalize prunes and quantises', () => {
  const p = new AveragedPerceptron(['A', 'B']);
  p.update(['x'], 'A', 'B');
  for (let i = 0; i < 99; i++) p.update(['y'], 'A', 'A');
  const full = p.finalize({ quantum: 1 / 1024 });
  assert.ok(Math.abs(full.scores(['x'])[0]! - 1) < 0.02, 'averaged weight is close to 1');
  assert.equal(p.finalize({ prune: 2 }).weightCount, 0);
});

test('unknown labels and corrupt data are rejected', () => {
  const p = new AveragedPerceptron(['A', 'B']);
  assert.throws(() => p.update(['x'], 'C', 'A'), /unknown class/);
  const json = trainToy(1).toJSON();
  assert.throws(() => PerceptronModel.fromJSON({ ...json, data: json.data.slice(0, 8) }), /corrupt/);
  // Cut anywhere, or with a byte appended, the weights never load half-read.
  const bytes = fromBase64(json.data);
  for (let cut = 0; cut < bytes.length; cut++) {
    assert.throws(() => PerceptronModel.fromJSON({ ...json, data: toBase64(bytes.subarray(0, cut)) }), /corrupt/, `cut at ${cut}`);
  }
  assert.throws(() => PerceptronModel.fromJSON({ ...json, data: toBase64(Uint8Array.from([...bytes, 1])) }), /corrupt/);
  assert.deepEqual(PerceptronModel.fromJSON(json).toJSON(), json);
  assert.throws(() => PerceptronModel.fromJSON({ ...json, format: 'x' as 'hearsay-perceptron/1' }), /unsupported/);
});

test('hashed API agrees with the string API', () => {
  const model = trainToy(7);
  const feats = ['bias', 'word=green'];
  const hashes = Uint32Array.from(feats, hashString);
  assert.equal(model.classes[model.bestHashed(hashes, hashes.length)], model.best(feats));
  assert.notEqual(hashMix(1, 2), hashMix(2, 1));
});

test('codec round-trips bytes and varints', () => {
  const w = new ByteWriter();
  const values = [0, 1, 127, 128, 300, 2 ** 32 - 1, 2 ** 40];
  for (const v of values) w.uint(v);
  for (const v of [-1, 0, 1, -1000, 65535]) w.int(v);
  const bytes = w.bytes();
  const back = fromBase64(toBase64(bytes));
  assert.deepEqual([...back], [...bytes]);
  const r = new ByteReader(back);
  assert.deepEqual(values.map(() => r.uint()), values);
  assert.deepEqual([1, 2, 3, 4, 5].map(() => r.int()), [-1, 0, 1, -1000, 65535]);
  assert.ok(r.done());
  for (const n of [0, 1, 2, 3, 4, 5]) {
    const b = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 13) & 255);
    assert.deepEqual([...fromBase64(toBase64(b))], [...b]);
    assert.deepEqual([...decodeBase64(toBase64(b))], [...b]);
  }
  assert.throws(() => fromBase64('ab$c'), /invalid base64/);
  // Characters Node's decoder would skip or read as base64url, wherever they stand.
  for (const bad of ['AAAA!', 'AA!AAA', 'ab-c', 'ab_c', 'AB CD', 'AB=CD', 'AB\u00e9C']) {
    assert.throws(() => fromBase64(bad), /invalid base64/, bad);
  }
});
