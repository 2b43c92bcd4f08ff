import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { analyzeToWorkingDoc, defaultStages } from '../../analyze.js';
import { attributionsStage, type AttributionOptions } from '../../attribution/stage.js';
import { AttributionModel, type AttributionModelJson } from '../../attribution-model/model.js';
import { RoleModel, type RoleModelJson } from '../../attribution-model/roles.js';
import { CueModel, type CueModelJson } from '../../attribution-model/cues.js';
import { BoundsModel, type BoundsModelJson } from '../../attribution-model/bounds.js';
import { createPipeline, type Pipeline } from '../../core/pipeline.js';
import type { Attribution, Span } from '../../core/types.js';
import { describeErrors, formatRuleScores, formatScores, scoreAttributions, scoreByRule, type AttributionScores } from '../../eval/attributions.js';
import { readPolnear, readPolnearAnnotators, type GoldArticle } from '../../eval/polnear.js';
import { agreementReport, formatAgreement } from '../../eval/agreement.js';
import { RULES_ONLY, ablationSteps, formatAblation } from '../../eval/ablation.js';
import { formatLost, lostReadings } from '../../eval/lost.js';
import { evaluateStage, prepareArticles } from '../../attribution-model/train.js';
import type { Command } from '../io.js';
import { flagString, parseArgs } from '../io.js';

const USAGE = `usage: hearsay eval attributions DIR [--split dev|train] [--errors FILE] [--min-relation-f1 N] [--json]
       [--min-exact-source N] [--min-exact-cue N] [--min-exact-content N] [--layer attributions|rules|model] [--by-rule] [--ablation] [--lost]
       [--agreement] [--models MODELDIR]
  DIR holds SPLIT/text/*.txt and SPLIT/attributions/*.ann (PolNeAR layout).
  --min-relation-f1 N   exit 1 when relation F1 is below N (percent, e.g. 50; or a fraction ≤ 1)
  --min-exact-LABEL N   the same for the exact-span F1 of source, cue or content
  --by-rule             also print, per producer (rule or model), its predictions and how many match gold
  --layer rules         score the rule-based attributions alone (every learned model switched off)
  --layer model         score the attribution model's own output (scratch layer) instead of the merged attributions
  --ablation            score the shipped models switched on one by one (rules alone … shipped), one row each
  --lost                where the gold attributions the pipeline misses are lost: read right by some layer
                        before the pipeline's gates (and which), cue found but misread, or no cue found
  --agreement           also print how far the annotators agree (articles with a second annotation file,
                        scored against the first) beside the pipeline on the same articles, and the
                        pipeline's scores per annotator of the gold files
  --models MODELDIR     score with the four attribution models in MODELDIR (attr-perceptron.json,
                        attr-roles.json, attr-cues.json, attr-bounds.json, the names \`hearsay train
                        attributions\` gives them under models/) in place of the shipped ones
`;

/**
 * `hearsay eval attributions DIR`: runs `analyze` on every article of a PolNeAR split, scores the
 * attributions (see src/eval/attributions.ts for the definitions), prints the table (or JSON),
 * optionally writes the misses and false alarms, and enforces a relation-F1 floor for CI.
 */
export const run: Command = async (args, io) => {
  const p = parseArgs(args, ['json', 'help', 'by-rule', 'ablation', 'lost', 'agreement']);
  if (p.flags.has('help')) { io.stdout(USAGE); return 0; }
  const dirArg = p.positionals[0];
  if (!dirArg) { io.stderr(USAGE); return 2; }
  const split = flagString(p, 'split', 'dev');
  if (split !== 'dev' && split !== 'train') { io.stderr(`eval attributions: --split must be dev or train\n${USAGE}`); return 2; }
  const layer = flagString(p, 'layer', 'attributions');
  if (layer !== 'attributions' && layer !== 'model' && layer !== 'rules') { io.stderr(`eval attributions: --layer must be attributions, rules or model\n${USAGE}`); return 2; }
  const modelsArg = flagString(p, 'models');
  if (modelsArg !== undefined && (layer === 'rules' || p.flags.has('ablation') || p.flags.has('lost'))) {
    io.stderr(`eval attributions: --models scores the pipeline with other models; --layer rules, --ablation and --lost use the shipped ones\n${USAGE}`);
    return 2;
  }
  let models: AttributionOptions | null = null;
  if (modelsArg !== undefined) {
    const loaded = await readModels(path.resolve(io.cwd, modelsArg));
    if (typeof loaded === 'string') { io.stderr(`eval attributions: ${loaded}\n`); return 2; }
    models = loaded;
  }
  const options = layer === 'rules' ? RULES_ONLY : models;
  const pipeline = options
    ? pipelineWith(options)
    : undefined;
  // CI floors (fractions): relation F1 and the exact-span F1 of each label.
  const floors: { flag: string; name: string; f1: (s: AttributionScores) => number; min: number }[] = [];
  const measures: [string, string, (s: AttributionScores) => number][] = [
    ['min-relation-f1', 'relation F1', (s) => s.relation.f1],
    ['min-exact-source', 'exact source F1', (s) => s.exact.source.f1],
    ['min-exact-cue', 'exact cue F1', (s) => s.exact.cue.f1],
    ['min-exact-content', 'exact content F1', (s) => s.exact.content.f1],
  ];
  for (const [flag, name, f1] of measures) {
    const arg = flagString(p, flag);
    if (arg === undefined) continue;
    const n = Number(arg);
    if (!Number.isFinite(n) || n < 0) { io.stderr(`eval attributions: --${flag} takes a number\n${USAGE}`); return 2; }
    floors.push({ flag, name, f1, min: n > 1 ? n / 100 : n });
  }
  const dir = path.resolve(io.cwd, dirArg);
  let gold: GoldArticle[];
  try {
    gold = await readPolnear(dir, split);
  } catch (e) {
    io.stderr(`eval attributions: cannot read ${split} split under ${dir}: ${(e as Error).message}\n`);
    return 2;
  }
  if (gold.length === 0) { io.stderr(`eval attributions: no annotated articles under ${dir}/${split}\n`); return 2; }

  if (p.flags.has('ablation')) {
    // The stages before attributions run once; each step reruns the attribution stage alone.
    const docs = prepareArticles(gold, { pos: true, rules: true });
    const rows: { name: string; scores: AttributionScores }[] = [];
    const steps = ablationSteps();
    for (const step of steps) {
      rows.push({ name: step.name, scores: evaluateStage(docs, step.options).scores });
      io.stderr(`eval attributions: ablation ${rows.length}/${steps.length}: ${step.name}\n`);
    }
    io.stdout(p.flags.has('json') ? JSON.stringify({ split, ablation: rows }, null, 2) + '\n' : formatAblation(rows));
    return 0;
  }
  if (p.flags.has('lost')) {
    const report = lostReadings(prepareArticles(gold, { pos: true, rules: true }));
    io.stdout(p.flags.has('json') ? JSON.stringify({ split, lost: report }, null, 2) + '\n' : formatLost(report));
    return 0;
  }
  const predicted = new Map<string, Attribution[]>();
  const sentences = new Map<string, Span[]>();
  const t0 = performance.now();
  let words = 0;
  const tty = Boolean((process.stderr as { isTTY?: boolean }).isTTY);
  for (let i = 0; i < gold.length; i++) {
    const a = gold[i]!;
    const doc = analyzeToWorkingDoc(a.text, { path: `${a.id}.txt`, inputType: 'text' }, pipeline);
    const attrs = layer === 'model' ? (doc.scratch.get('model-attributions') as Attribution[] | undefined) ?? [] : doc.attributions;
    predicted.set(a.id, attrs);
    sentences.set(a.id, doc.sentences);
    words += doc.tokens.length;
    if (tty && (i % 10 === 9 || i === gold.length - 1)) io.stderr(`\reval attributions: ${i + 1}/${gold.length} articles`);
  }
  if (tty) io.stderr('\n');
  const seconds = (performance.now() - t0) / 1000;
  const scores = scoreAttributions(gold, predicted);
  const agreement = p.flags.has('agreement') ? agreementReport(gold, await readPolnearAnnotators(dir, split), predicted) : null;
  if (p.flags.has('json')) {
    const byRule = p.flags.has('by-rule') ? { byRule: scoreByRule(gold, predicted) } : {};
    io.stdout(JSON.stringify({ split, layer, seconds, tokens: words, ...scores, ...byRule, ...(agreement ? { agreement } : {}) }, null, 2) + '\n');
  } else {
    // Named after the data: PolNeAR, or another set in its layout (our own gold).
    const corpus = path.basename(dir).toLowerCase() === 'polnear' ? 'PolNeAR' : path.basename(dir);
    io.stdout(`${corpus} ${split} (${layer}), ${gold.length} articles, ${words} tokens, ${seconds.toFixed(1)} s\n`);
    io.stdout(formatScores(scores));
    if (p.flags.has('by-rule')) io.stdout(`\n${formatRuleScores(scoreByRule(gold, predicted))}`);
    if (agreement) io.stdout(`\n${formatAgreement(agreement)}`);
  }
  const errorsFile = flagString(p, 'errors');
  if (errorsFile) {
    const file = path.resolve(io.cwd, errorsFile);
    await writeFile(file, describeErrors(gold, predicted, sentences));
    io.stderr(`eval attributions: errors written to ${file}\n`);
  }
  let below = false;
  for (const f of floors) {
    if (f.f1(scores) >= f.min) continue;
    io.stderr(`eval attributions: ${f.name} ${(100 * f.f1(scores)).toFixed(1)} is below the floor ${(100 * f.min).toFixed(1)}\n`);
    below = true;
  }
  return below ? 1 : 0;
};

/** The default pipeline with the attribution stage built on `options` (other models, or none). */
function pipelineWith(options: AttributionOptions): Pipeline {
  return createPipeline(defaultStages().map((st) => (st.name === 'attributions' ? attributionsStage(options) : st)));
}

/** The four model files `--models` reads, with the format each must declare. */
const MODEL_FILES = [
  ['attr-perceptron.json', 'hearsay-attr/1'],
  ['attr-roles.json', 'hearsay-roles/1'],
  ['attr-cues.json', 'hearsay-cues/1'],
  ['attr-bounds.json', 'hearsay-bounds/1'],
] as const;

/**
 * The attribution models in `dir`, as stage options, or a message saying which file is missing,
 * unreadable or of another format. Lets a training run's output be scored before it is shipped.
 */
async function readModels(dir: string): Promise<AttributionOptions | string> {
  const json: unknown[] = [];
  for (const [file, format] of MODEL_FILES) {
    const at = path.join(dir, file);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(at, 'utf8'));
    } catch (e) {
      return `--models: cannot read ${at}: ${(e as Error).message}`;
    }
    const declared = (parsed as { format?: unknown } | null)?.format;
    if (declared !== format) return `--models: ${at} is not a ${format} model (format ${JSON.stringify(declared ?? null)})`;
    json.push(parsed);
  }
  // A file of the right format may still be cut short or hand-edited: name it, do not crash on it.
  const load = <T>(k: number, from: () => T): T | string => {
    try {
      return from();
    } catch (e) {
      return `--models: ${path.join(dir, MODEL_FILES[k]![0])} does not load as a ${MODEL_FILES[k]![1]} model: ${(e as Error).message}`;
    }
  };
  const model = load(0, () => AttributionModel.fromJSON(json[0] as AttributionModelJson));
  const roles = load(1, () => RoleModel.fromJSON(json[1] as RoleModelJson));
  const cues = load(2, () => CueModel.fromJSON(json[2] as CueModelJson));
  const bounds = load(3, () => BoundsModel.fromJSON(json[3] as BoundsModelJson));
  for (const x of [model, roles, cues, bounds]) if (typeof x === 'string') return x;
  const options = { model, roles, cues, bounds } as AttributionOptions;
  // Some damage shows only in use (weights that decode to nothing): one sentence tries them.
  try {
    analyzeToWorkingDoc('The mayor said the bridge would reopen in May, officials told reporters.', {}, pipelineWith(options));
  } catch (e) {
    return `--models: the models in ${dir} fail on a test sentence: ${(e as Error).message}`;
  }
  return options;
}
