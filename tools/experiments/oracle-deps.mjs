// Oracle-syntax experiment (docs/experiments.md, "Syntax, measured with an oracle"): CoreNLP's
// silver dependencies as role-tagger or cue-detector features, to bound what a parser could give.
// Not part of the build. From a clean checkout:
//   git apply tools/experiments/oracle-deps.patch && npm run build
//   node tools/experiments/oracle-deps.mjs roles            (or: cues; add --no-deps for the baseline)
//   git apply -R tools/experiments/oracle-deps.patch && npm run build
import fs from 'node:fs';
import { readPolnear } from '../../dist/eval/polnear.js';
import { prepareArticles, roleExamples, roleAccuracy, cueDocs, cueDetectionF1, evaluateMerged } from '../../dist/attribution-model/train.js';
import * as roles from '../../dist/attribution-model/roles.js';
import * as cues from '../../dist/attribution-model/cues.js';
import { defaultRoleModel, defaultCueModel, defaultBoundsModel } from '../../dist/attribution-model/shipped-models.js';
import { defaultAttributionModel } from '../../dist/attribution-model/stage.js';
import { formatScores } from '../../dist/eval/attributions.js';

const data = '../shared/polnear';
const mode = process.argv[2];
const useDeps = !process.argv.includes('--no-deps');
if (mode !== 'roles' && mode !== 'cues') throw new Error('usage: oracle-deps.mjs roles|cues [--no-deps]');
if (!roles.DEPS || !cues.CUE_DEPS) throw new Error('apply tools/experiments/oracle-deps.patch and build first');
/** Dependents' relations a cue detector candidate is described by. */
const KIDS = new Set(['nsubj', 'nsubjpass', 'ccomp', 'xcomp', 'dobj', 'parataxis', 'advcl', 'mark', 'iobj', 'nmod', 'dep']);

/** Reads a document's silver parse and maps it onto hearsay's tokens by character offsets. */
function attach(d, split) {
  const file = `${data}/${split}/corenlp-silver/${d.gold.id}.conll`;
  if (!fs.existsSync(file)) return 0;
  const flat = [];
  let sentence = null;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('# sent')) { sentence = []; continue; }
    if (!line || line.startsWith('#')) continue;
    const c = line.split('\t');
    const t = { head: +c[5], rel: c[6], start: +c[7], end: +c[8], sentence };
    sentence.push(t);
    flat.push(t);
  }
  const toks = d.doc.tokens;
  const tokenAt = (pos) => { let lo = 0; let hi = toks.length - 1; while (lo < hi) { const m = (lo + hi + 1) >> 1; if (toks[m].start <= pos) lo = m; else hi = m - 1; } return lo; };
  const head = new Int32Array(toks.length).fill(-1);
  const rel = new Array(toks.length).fill('?');
  const kids = toks.map(() => new Set());
  for (let i = 0, si = 0; i < toks.length; i++) {
    while (si < flat.length && flat[si].end <= toks[i].start) si++;
    const s = flat[si];
    if (!s || s.start >= toks[i].end) continue;
    rel[i] = s.rel;
    if (s.head > 0) {
      const h = tokenAt(s.sentence[s.head - 1].start);
      if (h !== i) { head[i] = h; if (KIDS.has(s.rel)) kids[h].add(s.rel); }
    }
  }
  roles.DEPS.set(toks, { head, rel });
  cues.CUE_DEPS.set(toks, { head, rel, kids: kids.map((k) => [...k].sort().join('+')) });
  return 1;
}

const [trainGold, devGold] = await Promise.all([readPolnear(data, 'train'), readPolnear(data, 'dev')]);
const train = prepareArticles(trainGold, { pos: true, rules: true });
const dev = prepareArticles(devGold, { pos: true, rules: true });
let attached = 0;
if (useDeps) for (const [docs, split] of [[train, 'train'], [dev, 'dev']]) for (const d of docs) attached += attach(d, split);
console.log(`${attached} articles with silver dependencies (${useDeps ? 'oracle' : 'baseline'}, ${mode})`);
let roleModel = defaultRoleModel();
let cueModel = defaultCueModel();
if (mode === 'roles') {
  const devRoles = roleExamples(dev);
  const r = roles.trainRoleModel(roleExamples(train), { epochs: 8, seed: 1, select: (m) => roleAccuracy(m, devRoles), onProgress: (l) => console.log(l) });
  console.log(`role tagger: best epoch ${r.bestEpoch}; dev gold cues read right ${r.score.toFixed(2)} %`);
  roleModel = roles.RoleModel.fromJSON(r.model);
} else {
  const devCues = cueDocs(dev);
  const r = cues.trainCueModel(cueDocs(train), { epochs: 6, seed: 1, select: (m) => cueDetectionF1(m, devCues), onProgress: (l) => console.log(l) });
  console.log(`cue detector: best epoch ${r.bestEpoch}; dev F1 ${r.score.toFixed(2)}`);
  cueModel = cues.CueModel.fromJSON(r.model);
}
console.log(formatScores(evaluateMerged(defaultAttributionModel(), dev, roleModel, cueModel, defaultBoundsModel()).scores));
