/**
 * The attribution ablation: the shipped models switched on one by one through the attribution
 * stage's options, so README's table is reproduced by `hearsay eval attributions DIR --ablation`.
 * Pure (no I/O): the CLI runs the documents.
 */
import { CUE_THRESHOLD, type AttributionOptions } from '../attribution/stage.js';
import { defaultAttributionModel } from '../attribution-model/stage.js';
import { defaultCueModel, defaultRoleModel } from '../attribution-model/shipped-models.js';
import type { AttributionScores } from './attributions.js';

/** The attribution stage with every learned model off: the rules alone (`--layer rules`, the ablation's first row). */
export const RULES_ONLY: AttributionOptions = { model: null, roles: null, cues: null, bounds: null };

/** One row of the ablation: a name and the attribution-stage options it runs with. */
export interface AblationStep {
  name: string;
  options: AttributionOptions;
}

/**
 * The steps, from rules alone to the shipped pipeline (the last step is the default setting).
 * A cue floor at the detector's threshold switches the role-checked low cues off.
 */
export function ablationSteps(): AblationStep[] {
  const model = defaultAttributionModel();
  const roles = defaultRoleModel();
  const cues = defaultCueModel();
  const never = Number.POSITIVE_INFINITY;
  return [
    { name: 'rules alone', options: RULES_ONLY },
    { name: '+ BIO tagger, pattern cues only', options: { model, modelMargin: never, roles: null, cues: null, bounds: null } },
    { name: '+ confident tagger cues (margin)', options: { model, roles: null, cues: null, bounds: null } },
    { name: '+ role tagger', options: { model, roles, cues: null, rereadMargin: never, bounds: null } },
    { name: '+ cue detector (score >= threshold)', options: { model, roles, cues, rereadMargin: never, cueFloor: CUE_THRESHOLD, bounds: null } },
    { name: '+ sure rereads of rule cues', options: { model, roles, cues, cueFloor: CUE_THRESHOLD, bounds: null } },
    { name: '+ low detector cues the role tagger is sure of', options: { model, roles, cues, bounds: null } },
    { name: '+ boundary ranker (shipped)', options: { model, roles, cues } },
  ];
}

/** The ablation as a Markdown table: relation F1, its P / R, and exact source / cue / content F1. */
export function formatAblation(rows: readonly { name: string; scores: AttributionScores }[]): string {
  const f = (x: number) => (100 * x).toFixed(1);
  const lines = ['| configuration | relation F1 | P / R | exact source / cue / content |', '|---|---|---|---|'];
  for (const { name, scores: s } of rows) {
    lines.push(`| ${name} | ${f(s.relation.f1)} | ${f(s.relation.precision)} / ${f(s.relation.recall)} | ${f(s.exact.source.f1)} / ${f(s.exact.cue.f1)} / ${f(s.exact.content.f1)} |`);
  }
  return lines.join('\n') + '\n';
}
