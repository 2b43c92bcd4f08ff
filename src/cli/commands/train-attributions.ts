import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describeErrors, formatScores } from '../../eval/attributions.js';
import { readPolnear } from '../../eval/polnear.js';
import { AttributionModel } from '../../attribution-model/model.js';
import { evaluateMerged, evaluateModel, prepareArticles, trainAttributionModel } from '../../attribution-model/train.js';
import type { AttributionModelJson } from '../../attribution-model/model.js';
import type { Command } from '../io.js';
import { flagString, parseArgs } from '../io.js';

const USAGE = `usage: hearsay train attributions --data ../shared/polnear [--out models/attr-perceptron.json]
       [--module src/attribution-model/model-data.ts|none] [--epochs 8] [--seed 1] [--errors FILE]
       [--features pos,rules] [--paragraphs all|cued]
  --features    what the tagger reads beyond words: pos (the shipped POS tagger's tags), rules (the
                tokens the rule-based attribution stage claims); "none" for neither
  --paragraphs  train on all paragraphs, or only those the merged pipeline hands to the model
`;

/**
 * `hearsay train attributions`: trains the attribution tagger on PolNeAR train, selects the epoch
 * on dev, writes the model JSON (and the generated module the core imports), and prints the dev
 * scores of the model alone and of the merged pipeline. Deterministic for a given seed; about 5.5
 * minutes on the 2-core development machine (8 epochs, POS tagging and rules over 840 articles).
 */
export const run: Command = async (args, io) => {
  const p = parseArgs(args, ['help']);
  if (p.flags.has('help')) { io.stdout(USAGE); return 0; }
  const data = path.resolve(io.cwd, flagString(p, 'data', '../shared/polnear'));
  const out = path.resolve(io.cwd, flagString(p, 'out', 'models/attr-perceptron.json'));
  const moduleFlag = flagString(p, 'module', 'src/attribution-model/model-data.ts');
  const epochs = Number(flagString(p, 'epochs', '8'));
  const seed = Number(flagString(p, 'seed', '1'));
  if (!Number.isInteger(epochs) || epochs < 1 || !Number.isInteger(seed)) {
    io.stderr(`train attributions: --epochs and --seed take integers\n${USAGE}`);
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
  const prep = { pos: usePos, rules: useRules };
  const train = prepareArticles(trainGold, prep);
  const dev = prepareArticles(devGold, prep);
  const tokens = train.reduce((n, d) => n + d.doc.tokens.length, 0);
  const setting = `features ${[...features].join(',') || 'none'}, paragraphs ${paragraphs}`;
  io.stdout(`train attributions: ${train.length} train articles (${tokens} tokens), ${dev.length} dev; ${epochs} epochs, seed ${seed}; ${setting}\n`);
  const result = trainAttributionModel(train, dev, {
    epochs, seed, usePos, useRules, onlyCuedParagraphs: paragraphs === 'cued',
    source: `PolNeAR train (${train.length} articles, first annotator file per article); epochs ${epochs}, seed ${seed}; ${setting}`,
    onProgress: (line) => io.stdout(`  ${line}\n`),
  });
  const seconds = (performance.now() - t0) / 1000;
  const json = JSON.stringify(result.model);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, json + '\n');
  io.stdout(`wrote ${path.relative(io.cwd, out)} (${(json.length / 1e6).toFixed(2)} MB)\n`);
  if (moduleFlag !== 'none') {
    const mod = path.resolve(io.cwd, moduleFlag);
    await writeFile(mod, renderModule(result.model));
    io.stdout(`wrote ${path.relative(io.cwd, mod)}\n`);
  }
  io.stdout(`best epoch ${result.bestEpoch}; training ${seconds.toFixed(1)} s\nPolNeAR dev, model alone (every paragraph decoded):\n${formatScores(result.dev)}`);
  if (result.merged) io.stdout(`PolNeAR dev, merged (rules, then the model where they leave a cue unclaimed):\n${formatScores(result.merged)}`);
  const errors = flagString(p, 'errors');
  if (errors) {
    const model = AttributionModel.fromJSON(result.model);
    const { predicted } = useRules ? evaluateMerged(model, dev) : evaluateModel(model, dev);
    await writeFile(path.resolve(io.cwd, errors), describeErrors(devGold, predicted, new Map(dev.map((d) => [d.gold.id, d.doc.sentences]))));
  }
  return 0;
};

/** The generated module: the model as a typed constant, importable by the browser-safe core. */
function renderModule(model: AttributionModelJson): string {
  return `// Generated by \`hearsay train attributions\`; do not edit. Weights derived from PolNeAR train.
import type { AttributionModelJson } from './model.js';

/** The shipped attribution model (averaged perceptron BIO tagger + linker). */
export const ATTR_MODEL: AttributionModelJson = ${JSON.stringify(model)};
`;
}
