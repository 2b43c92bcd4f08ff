import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describeErrors, formatScores } from '../../eval/attributions.js';
import { readPolnear } from '../../eval/polnear.js';
import { AttributionModel } from '../../attribution-model/model.js';
import { boundsExamples, cueDetectionF1, cueDocs, evaluateMerged, evaluateModel, prepareArticles, roleAccuracy, roleExamples, ruleLayerDigest, selectionScore, trainAttributionModel, type RuleLayerJson } from '../../attribution-model/train.js';
import { BoundsModel, boundsAccuracy, boundsCoverage, trainBoundsModel, type BoundsModelJson } from '../../attribution-model/bounds.js';
import { CueModel, trainCueModel, type CueModelJson } from '../../attribution-model/cues.js';
import { RoleModel, trainRoleModel, type RoleModelJson } from '../../attribution-model/roles.js';
import type { AttributionModelJson } from '../../attribution-model/model.js';
import { defaultBoundsModel, defaultCueModel, defaultRoleModel } from '../../attribution-model/shipped-models.js';
import { defaultAttributionModel } from '../../attribution-model/stage.js';
import { ATTR_MODEL } from '../../attribution-model/model-data.js';
import { ROLE_MODEL } from '../../attribution-model/roles-data.js';
import { CUE_MODEL } from '../../attribution-model/cues-data.js';
import { BOUNDS_MODEL } from '../../attribution-model/bounds-data.js';
import { renderModelModule, writeModel } from '../write-model.js';
import { openCheckpoints } from '../checkpoint.js';
import { createHash } from 'node:crypto';
import type { Command } from '../io.js';
import { flagString, parseArgs } from '../io.js';

const USAGE = `usage: hearsay train attributions --data ../shared/polnear [--out models/attr-perceptron.json]
       [--module src/attribution-model/model-data.ts|none] [--epochs 8] [--seed 1] [--errors FILE]
       [--features pos,rules] [--paragraphs all|cued] [--roles-out models/attr-roles.json]
       [--roles-module src/attribution-model/roles-data.ts|none] [--roles-epochs 8]
       [--cues-out models/attr-cues.json] [--cues-module src/attribution-model/cues-data.ts|none]
       [--bounds-out models/attr-bounds.json] [--bounds-module src/attribution-model/bounds-data.ts|none]
       [--rule-layer-out models/attr-rule-layer.json] [--resume] [--checkpoints .cache/train-attributions]
       [--only roles|cues|tagger|bounds] [--out-dir DIR]
  --features    what the tagger reads beyond words: pos (the shipped POS tagger's tags), rules (the
                tokens the rule-based attribution stage claims); "none" for neither
  --paragraphs  train on all paragraphs, or only those the merged pipeline hands to the model
  --roles-*     the role tagger (source and content around a given cue), trained first
  --cues-*      the cue detector (cues in sentences the tagger does not read), trained second
  --bounds-*    the boundary ranker (where a content after its cue and a source before it start
                and end, and where a verb cue ends), trained last on the merged pipeline's
                output; with --module none no module is written for any of the four models
  --rule-layer-out  a digest of the rule layer the models learned from (with pos,rules); a test
                checks it against the current code, so rules changed without retraining fail CI
  --resume      reuse the steps an interrupted run with the same data, options and build finished
                (each step's result is saved under --checkpoints as it ends)
  --out-dir     write every file under DIR (attr-perceptron.json … attr-rule-layer.json, checkpoints
                in DIR/checkpoints) and no module, leaving the shipped models in place; with --only
                the shipped others are written beside the one trained. Score the set with
                \`hearsay eval attributions … --models DIR\`
  --only        train one model with the shipped others in its place (a feature tried on one model
                in seconds to minutes: cues 15 s, bounds 25 s, roles 2 min, tagger 3 min); writes
                only that model and prints the merged dev scores with it
`;

/**
 * `hearsay train attributions`: trains the role tagger, the cue detector, the BIO tagger and the
 * boundary ranker on PolNeAR train (in that order; each selects its epoch on dev), writes each model's JSON and the
 * generated modules the core imports, and prints the dev scores of the tagger alone and of the
 * merged pipeline. Deterministic for a given seed; about 7 minutes on the 2-core development
 * machine. `--only` trains one of the four with the shipped others in their place, for trying a
 * feature on one model in seconds to minutes.
 */
export const run: Command = async (args, io) => {
  const p = parseArgs(args, ['help', 'resume']);
  if (p.flags.has('help')) { io.stdout(USAGE); return 0; }
  const data = path.resolve(io.cwd, flagString(p, 'data', '../shared/polnear'));
  // --out-dir: a trial run's model set in one folder, beside the shipped one and not in place of it.
  const outDir = flagString(p, 'out-dir');
  const under = (name: string): string => (outDir === undefined ? `models/${name}` : path.join(outDir, name));
  const out = path.resolve(io.cwd, flagString(p, 'out', under('attr-perceptron.json')));
  const moduleFlag = flagString(p, 'module', outDir === undefined ? 'src/attribution-model/model-data.ts' : 'none');
  const epochs = Number(flagString(p, 'epochs', '8'));
  const rolesEpochs = Number(flagString(p, 'roles-epochs', '8'));
  const rolesOut = path.resolve(io.cwd, flagString(p, 'roles-out', under('attr-roles.json')));
  const rolesModule = moduleFlag === 'none' ? 'none' : flagString(p, 'roles-module', 'src/attribution-model/roles-data.ts');
  const cuesOut = path.resolve(io.cwd, flagString(p, 'cues-out', under('attr-cues.json')));
  const cuesModule = moduleFlag === 'none' ? 'none' : flagString(p, 'cues-module', 'src/attribution-model/cues-data.ts');
  const boundsOut = path.resolve(io.cwd, flagString(p, 'bounds-out', under('attr-bounds.json')));
  const boundsModule = moduleFlag === 'none' ? 'none' : flagString(p, 'bounds-module', 'src/attribution-model/bounds-data.ts');
  const ruleLayerOut = path.resolve(io.cwd, flagString(p, 'rule-layer-out', under('attr-rule-layer.json')));
  const seed = Number(flagString(p, 'seed', '1'));
  const only = flagString(p, 'only', '');
  if (only && !ONLY.includes(only)) {
    io.stderr(`train attributions: --only takes ${ONLY.join(', ')}\n${USAGE}`);
    return 2;
  }
  /** Whether this run trains a model (all of them without --only). */
  const trains = (name: string) => !only || only === name;
  if (!Number.isInteger(epochs) || epochs < 1 || !Number.isInteger(rolesEpochs) || rolesEpochs < 1 || !Number.isInteger(seed)) {
    io.stderr(`train attributions: --epochs, --roles-epochs and --seed take integers\n${USAGE}`);
    return 2;
  }
  const features = new Set(flagString(p, 'features', 'pos,rules').split(',').filter((x) => x && x !== 'none'));
  const paragraphs = flagString(p, 'paragraphs', 'all');
  if ([...features].some((x) => x !== 'pos' && x !== 'rules') || (paragraphs !== 'all' && paragraphs !== 'cued')) {
    io.stderr(`train attributions: --features takes pos,rules or none; --paragraphs all or cued\n${USAGE}`);
    return 2;
  }
  const usePos = features.has('pos');
  const useRules = features.has('rules');
  const t0 = performance.now();
  let trainGold;
  let devGold;
  try {
    [trainGold, devGold] = await Promise.all([readPolnear(data, 'train'), readPolnear(data, 'dev')]);
  } catch (e) {
    io.stderr(`train attributions: cannot read PolNeAR under ${data}: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  // The run's identity: options and the gold data (the built code is added by the checkpoints).
  const goldDigest = createHash('sha256');
  for (const a of [...trainGold, ...devGold]) goldDigest.update(a.id).update(a.text).update(JSON.stringify(a.attributions));
  const checkpoints = await openCheckpoints(path.resolve(io.cwd, flagString(p, 'checkpoints', outDir === undefined ? '.cache/train-attributions' : path.join(outDir, 'checkpoints'))), {
    epochs, rolesEpochs, seed, features: [...features].sort(), paragraphs, data: goldDigest.digest('hex'), ...(only ? { only } : {}),
  }, p.flags.has('resume'));
  io.stdout(`checkpoints: ${path.relative(io.cwd, checkpoints.dir)}${p.flags.has('resume') ? ' (resuming)' : ''}\n`);
  /** Runs a training step, or takes its saved result when resuming; saves what it trains. */
  const step = async <T>(name: string, label: string, run: () => T): Promise<T> => {
    const saved = await checkpoints.load<T>(name);
    if (saved !== null) { io.stdout(`${label}: resumed from ${path.relative(io.cwd, checkpoints.dir)}/${name}.json\n`); return saved; }
    const result = run();
    await checkpoints.save(name, result);
    return result;
  };
  const prep = { pos: usePos, rules: useRules };
  const train = prepareArticles(trainGold, prep);
  const dev = prepareArticles(devGold, prep);
  const tokens = train.reduce((n, d) => n + d.doc.tokens.length, 0);
  const setting = `features ${[...features].join(',') || 'none'}, paragraphs ${paragraphs}`;
  io.stdout(`train attributions: ${train.length} train articles (${tokens} tokens), ${dev.length} dev; ${epochs} epochs, seed ${seed}; ${setting}\n`);
  // The role tagger first: the tagger's epoch selection scores the merged pipeline, which uses it.
  let roles: RoleModel | null = null;
  let cues: CueModel | null = null;
  if (useRules && !trains('roles')) roles = defaultRoleModel();
  else if (useRules) {
    const devRoles = roleExamples(dev);
    const rolesResult = await step('roles', 'role tagger', () => trainRoleModel(roleExamples(train), {
      epochs: rolesEpochs, seed,
      source: `PolNeAR train (${train.length} articles, gold cues); epochs ${rolesEpochs}, seed ${seed}`,
      select: (m) => roleAccuracy(m, devRoles),
      onProgress: (line) => io.stdout(`  ${line}\n`),
    }));
    await writeModel(io, rolesOut, rolesModule, rolesResult.model, () => renderRolesModule(rolesResult.model));
    io.stdout(`role tagger: best epoch ${rolesResult.bestEpoch}; reads ${rolesResult.score.toFixed(1)} % of PolNeAR dev gold cues right (source overlaps, content Jaccard >= 0.5)\n`);
    roles = RoleModel.fromJSON(rolesResult.model);
  }
  if (useRules && !trains('cues')) cues = defaultCueModel();
  else if (useRules) {
    const devCues = cueDocs(dev);
    const cuesResult = await step('cues', 'cue detector', () => trainCueModel(cueDocs(train), {
      epochs: 6, seed,
      source: `PolNeAR train (${train.length} articles, verbs and cue words); epochs 6, seed ${seed}`,
      select: (m) => cueDetectionF1(m, devCues),
      onProgress: (line) => io.stdout(`  ${line}\n`),
    }));
    await writeModel(io, cuesOut, cuesModule, cuesResult.model, () => renderCuesModule(cuesResult.model));
    io.stdout(`cue detector: best epoch ${cuesResult.bestEpoch}; F1 ${cuesResult.score.toFixed(1)} on the tokens the rules leave unclaimed in PolNeAR dev\n`);
    cues = CueModel.fromJSON(cuesResult.model);
  }
  let model: AttributionModel;
  if (!trains('tagger')) model = defaultAttributionModel();
  else {
    const result = await step('tagger', 'BIO tagger', () => trainAttributionModel(train, dev, {
      epochs, seed, usePos, useRules, onlyCuedParagraphs: paragraphs === 'cued', roles, cues,
      source: `PolNeAR train (${train.length} articles, first annotator file per article); epochs ${epochs}, seed ${seed}; ${setting}`,
      onProgress: (line) => io.stdout(`  ${line}\n`),
    }));
    await writeModel(io, out, moduleFlag, result.model, () => renderModule(result.model));
    io.stdout(`best epoch ${result.bestEpoch}\nPolNeAR dev, model alone (every paragraph decoded):\n${formatScores(result.dev)}`);
    if (result.merged) io.stdout(`PolNeAR dev, merged (rules, then the model where they leave a cue unclaimed):\n${formatScores(result.merged)}`);
    model = AttributionModel.fromJSON(result.model);
  }
  let bounds: BoundsModel | null = null;
  if (useRules && !trains('bounds')) {
    bounds = defaultBoundsModel();
    io.stdout(`PolNeAR dev, merged with the shipped models in the others' place:\n${formatScores(evaluateMerged(model, dev, roles, cues, bounds).scores)}`);
  } else if (useRules) {
    // The ranker learns from what the merged pipeline (with the models just trained) hands it.
    const stageOptions = { model, roles, cues };
    const devBounds = boundsExamples(dev, stageOptions);
    // The epoch is chosen on the whole pipeline, as the BIO tagger's is: the ranker overfits its
    // edges after two epochs, and dev edge accuracy stays flat while relation F1 moves.
    const outOfReach = new Map<string, number>();
    const trainBounds = boundsExamples(train, stageOptions, outOfReach);
    // Where gold edges cannot be learned: out of the ranker's reach, or between its candidates.
    for (const [k, c] of boundsCoverage(trainBounds)) {
      io.stdout(`  bounds examples, ${k}: ${c.examples} (gold edge a candidate in ${c.candidate}); ${outOfReach.get(k) ?? 0} gold edges out of reach\n`);
    }
    const boundsResult = await step('bounds', 'boundary ranker', () => trainBoundsModel(trainBounds, {
      epochs: 6,
      source: `PolNeAR train (${train.length} articles, merged pipeline output); epochs 6`,
      select: (m) => {
        const s = evaluateMerged(model, dev, roles, cues, m).scores;
        io.stdout(`  bounds: dev edges ${boundsAccuracy(m, devBounds).toFixed(2)} %; merged relation ${(100 * s.relation.f1).toFixed(2)}\n`);
        return 100 * selectionScore(s);
      },
      onProgress: (line) => io.stdout(`  ${line}\n`),
    }));
    await writeModel(io, boundsOut, boundsModule, boundsResult.model, () => renderBoundsModule(boundsResult.model));
    bounds = BoundsModel.fromJSON(boundsResult.model);
    io.stdout(`boundary ranker: best epoch ${boundsResult.bestEpoch}; ${boundsAccuracy(bounds, devBounds).toFixed(1)} % of PolNeAR dev content, source and cue edges right\n`);
    io.stdout(`PolNeAR dev, merged with the ranker (as shipped):\n${formatScores(evaluateMerged(model, dev, roles, cues, bounds).scores)}`);
  }
  if (useRules && usePos && !only) {
    // On freshly prepared documents, as the test recomputes it: the stage runs of training leave
    // entities and mentions on the documents they read, and a digest of those would differ.
    const layer: RuleLayerJson = { format: 'hearsay-rule-layer/1', articles: train.length, digest: ruleLayerDigest(prepareArticles(trainGold, prep)) };
    await writeModel(io, ruleLayerOut, 'none', layer, () => '');
  }
  if (outDir !== undefined && only) {
    // The shipped models beside the one trained, so the folder is a whole set for `eval --models`.
    const shipped: [string, string, () => unknown][] = [
      ['tagger', out, () => ATTR_MODEL], ['roles', rolesOut, () => ROLE_MODEL],
      ['cues', cuesOut, () => CUE_MODEL], ['bounds', boundsOut, () => BOUNDS_MODEL],
    ];
    for (const [name, file, json] of shipped) if (name !== only) await writeModel(io, file, 'none', json(), () => '');
  }
  io.stdout(`training ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  const errors = flagString(p, 'errors');
  if (errors) {
    const { predicted } = useRules ? evaluateMerged(model, dev, roles, cues, bounds) : evaluateModel(model, dev);
    await writeFile(path.resolve(io.cwd, errors), describeErrors(devGold, predicted, new Map(dev.map((d) => [d.gold.id, d.doc.sentences]))));
  }
  return 0;
};

/** Models `--only` trains alone. */
const ONLY = ['roles', 'cues', 'tagger', 'bounds'];

/** A generated model module of the attribution models (see {@link renderModelModule}). */
function renderAttrModule(typeName: string, from: string, constName: string, doc: string, model: unknown): string {
  return renderModelModule({
    header: '// Generated by `hearsay train attributions`; do not edit. Weights derived from PolNeAR train.',
    typeName, typeFrom: `./${from}.js`, constName, doc, model,
  });
}

const renderModule = (m: AttributionModelJson) => renderAttrModule('AttributionModelJson', 'model', 'ATTR_MODEL', 'The shipped attribution model (averaged perceptron BIO tagger + linker).', m);
const renderRolesModule = (m: RoleModelJson) => renderAttrModule('RoleModelJson', 'roles', 'ROLE_MODEL', 'The shipped role tagger (averaged perceptron over cue windows).', m);
const renderBoundsModule = (m: BoundsModelJson) => renderAttrModule('BoundsModelJson', 'bounds', 'BOUNDS_MODEL', 'The shipped boundary ranker for contents, sources and cues (averaged ranking perceptron).', m);
const renderCuesModule = (m: CueModelJson) => renderAttrModule('CueModelJson', 'cues', 'CUE_MODEL', 'The shipped cue detector (averaged perceptron over verbs and cue words).', m);
