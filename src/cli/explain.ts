import { describeRule } from '../core/rules.js';
import type { HearsayDocument } from '../core/types.js';

/** `--explain`: every annotation with the stage and rule (and the rule's reason) that produced it. */
export function explainDocument(doc: HearsayDocument): string {
  const lines: string[] = [`# explain ${doc.input.path ?? ''}`];
  const say = (what: string, span: { start: number; end: number }, rule: string | undefined) => {
    const info = rule ? describeRule(rule) : undefined;
    lines.push(`${what} [${span.start},${span.end}) "${doc.text.slice(span.start, span.end).replace(/\s+/g, ' ').slice(0, 60)}" ← ${rule ?? '?'}${info ? ` — ${info.reason} (e.g. "${info.example}")` : ''}`);
  };
  if (doc.meta.outlet) lines.push(`meta.outlet "${doc.meta.outlet}" ← ${doc.meta.outletRule ?? '?'}`);
  const refined = (rules: readonly string[] | undefined) => {
    for (const r of rules ?? []) {
      const info = describeRule(r);
      lines.push(`  refined by ${r}${info ? ` — ${info.reason}` : ''}`);
    }
  };
  for (const a of doc.attributions) {
    say(`attribution ${a.id} cue`, a.cue, a.rule);
    refined(a.refinedBy);
  }
  for (const e of doc.entities) {
    if (!e.mentions[0]) continue;
    say(`entity ${e.id} ${e.type}`, e.mentions[0], e.rule);
    refined(e.refinedBy);
    if (e.gender) say(`  gender ${e.gender.value}`, e.gender.evidence, e.gender.rule);
  }
  for (const v of doc.voice) say(`voice ${v.voice}${v.loaded ? ' loaded' : ''}`, v, v.rule);
  for (const t of doc.times ?? []) say(`time ${t.value ?? 'unresolved'}`, t, t.rule);
  for (const ev of doc.events ?? []) say(`event ${ev.id} ${ev.type}`, ev.trigger, ev.rule);
  return lines.join('\n') + '\n';
}
