import type { Comparison } from '../compare/compare.js';
import { sourceLabel } from '../core/document.js';
import type { HearsayDocument, Span } from '../core/types.js';
import { chainOf, clip } from './format-text.js';

const at = (doc: HearsayDocument, s: Span | null): string => (s ? doc.text.slice(s.start, s.end) : '');
const tally = (c: Record<string, number>): string => Object.entries(c).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(', ') || 'none';

/** A readable account of a comparison for a person: what changed, with the words. Not JSON. */
export function formatComparison(cmp: Comparison, before: HearsayDocument, after: HearsayDocument): string {
  const out: string[] = [];
  const side = (label: string, s: Comparison['before']) => `${label} ${s.path ?? '(input)'}${s.outlet ? ` — ${s.outlet}` : ''}${s.published ? `, ${s.published}` : ''}`;
  out.push(side('before:', cmp.before), side('after: ', cmp.after));
  for (const m of cmp.meta) out.push(`  ${m.field}: ${m.before ?? '—'} → ${m.after ?? '—'}`);

  out.push('', `Sentences: ${tally(cmp.summary.sentences)}`);
  for (const s of cmp.sentences) {
    if (s.kind === 'same') continue;
    if (s.kind === 'removed') out.push(`  - ${clip(at(before, s.before), 110)}`);
    else if (s.kind === 'added') out.push(`  + ${clip(at(after, s.after), 110)}`);
    else {
      out.push(`  ~ ${clip(at(after, s.after), 110)}`);
      for (const e of s.edits ?? []) out.push(`      [${clip(at(before, e.before), 50)}] → [${clip(at(after, e.after), 50)}]`);
    }
  }

  out.push('', `Attributions: ${tally(cmp.summary.attributions)}`);
  const byIdA = new Map(before.attributions.map((a) => [a.id, a]));
  const byIdB = new Map(after.attributions.map((a) => [a.id, a]));
  const line = (doc: HearsayDocument, id: string) => {
    const a = (doc === before ? byIdA : byIdB).get(id)!;
    const content = a.content.map((c) => doc.text.slice(c.start, c.end)).join(' … ');
    return `${chainOf(doc, a).join(' → ')} ${at(doc, a.cue)}${a.hedge ? ` (${a.hedge})` : ''}: ${clip(content, 70)}`;
  };
  for (const c of cmp.attributions) {
    if (c.kind === 'same') continue;
    if (c.kind === 'removed') out.push(`  - ${c.before} ${line(before, c.before!)}`);
    else if (c.kind === 'added') out.push(`  + ${c.after} ${line(after, c.after!)}`);
    else {
      const a = byIdA.get(c.before!)!;
      const b = byIdB.get(c.after!)!;
      const what = c.changed.map((f) => {
        if (f === 'source') return `source ${sourceLabel(before, a) ?? '(none)'} → ${sourceLabel(after, b) ?? '(none)'}`;
        if (f === 'sourceKind') return `kind ${a.source?.kind ?? '—'} → ${b.source?.kind ?? '—'}`;
        if (f === 'cue') return `cue "${at(before, a.cue)}" → "${at(after, b.cue)}"`;
        if (f === 'quote') return `${a.quote} → ${b.quote}`;
        if (f === 'hedge') return `hedge ${a.hedge ?? '—'} → ${b.hedge ?? '—'}`;
        if (f === 'chain') return `chain ${chainOf(before, a).join(' → ')} ⇒ ${chainOf(after, b).join(' → ')}`;
        return f;
      });
      out.push(`  ~ ${c.before} → ${c.after} ${line(after, c.after!)}`, `      ${what.join('; ')}`);
    }
  }

  const sources = cmp.sources.filter((s) => s.kind !== 'same');
  if (sources.length) {
    out.push('', 'Sources cited (attributions before → after):');
    for (const s of sources) out.push(`  ${s.name} [${s.sourceKind}]: ${s.before} → ${s.after}`);
  }
  const voice = cmp.voice.filter((v) => v.kind !== 'same');
  if (voice.length) {
    out.push('', `Loaded words: ${tally(cmp.summary.voice)}`);
    for (const v of voice) {
      const mark = v.kind === 'added' ? '+' : v.kind === 'removed' ? '-' : '~';
      out.push(`  ${mark} ${v.word} (${v.voiceBefore ?? '—'} → ${v.voiceAfter ?? '—'})`);
    }
  }
  const events = cmp.events.filter((e) => e.kind !== 'same');
  if (events.length) {
    out.push('', `Events: ${tally(cmp.summary.events)}`);
    const trig = (doc: HearsayDocument, id: string | null) => { const e = doc.events?.find((x) => x.id === id); return e ? at(doc, e.trigger) : ''; };
    for (const e of events) out.push(`  ${e.kind === 'added' ? '+' : '-'} ${e.type} "${e.kind === 'added' ? trig(after, e.after) : trig(before, e.before)}"`);
  }
  return out.join('\n');
}
