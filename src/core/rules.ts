/** What a rule is for, kept beside the rule as data. */
export interface RuleInfo {
  name: string;
  reason: string;
  example: string;
}

const registry = new Map<string, RuleInfo & { stage: string }>();

/** Records a stage's rules so `--explain` can say why an annotation exists. */
export function registerRules(stage: string, rules: readonly RuleInfo[]): void {
  for (const r of rules) registry.set(`${stage}:${r.name}`, { ...r, stage });
}

/** Looks up a rule by its `stage:name` id (as written in annotations' `rule`). */
export function describeRule(id: string): (RuleInfo & { stage: string }) | undefined {
  return registry.get(id);
}
