import type { Attribution, HearsayDocument } from '../core/types.js';
import { chainOf, sourceLabel } from '../core/document.js';
import { clip } from '../text/clip.js';

/** A readable summary for a person: sources, chains, counts. Not JSON. */
export function formatText(doc: HearsayDocument): string {
  const out: string[] = [];
  const m = doc.meta;
  out.push(`${doc.input.path ?? '(input)'}${m.title ? ` — ${clip(m.title, 200)}` : ''}`);
  if (m.outlet || m.site) out.push(`outlet: ${m.outlet ?? '?'}   site: ${m.site ?? '?'}   published: ${m.published ?? '?'}`);
  const kinds = new Map<string, number>();
  for (const a of doc.attributions) kinds.set(a.source?.kind ?? 'none', (kinds.get(a.source?.kind ?? 'none') ?? 0) + 1);
  out.push(`${doc.sentences.length} sentences, ${doc.entities.length} entities, ${doc.attributions.length} attributions (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}), ${doc.attributions.filter((a) => a.via).length} nested`);
  out.push('');
  out.push('Sources:');
  const bySource = new Map<string, Attribution[]>();
  for (const a of doc.attributions) {
    const k = `${clip(sourceLabel(doc, a) ?? '(no source)', 80)} [${a.source?.kind ?? 'none'}]`;
    const list = bySource.get(k);
    if (list) list.push(a); else bySource.set(k, [a]);
  }
  for (const [k, list] of [...bySource].sort((x, y) => y[1].length - x[1].length)) out.push(`  ${k}: ${list.length}`);
  out.push('');
  out.push('Attributions:');
  for (const a of doc.attributions) {
    const content = a.content.map((c) => doc.text.slice(c.start, c.end)).join(' … ');
    const chain = shortChain(chainOf(doc, a).map((x) => clip(x, 80)));
    out.push(`  ${a.id} ${chain} ${doc.text.slice(a.cue.start, a.cue.end)}${a.hedge ? ` (${a.hedge})` : ''} [${a.stance ? 'stance' : a.quote}]: ${clip(content)}`);
  }
  // Relative dates made absolute: the words and what they were read as.
  const times = doc.times ?? [];
  if (times.length) {
    out.push('');
    out.push('Dates and times:');
    const shown = times.slice(0, MAX_TIMES_SHOWN);
    out.push(...shown.map((t) => `  ${clip(doc.text.slice(t.start, t.end), 60)} → ${t.value ?? `(unresolved${t.reason ? `: ${t.reason}` : ''})`}${t.grain === 'duration' ? ' (length of time)' : ''}`));
    if (times.length > shown.length) out.push(`  … ${times.length - shown.length} more`);
  }
  for (const msg of doc.messages) out.push(`${msg.severity}: [${msg.code}] ${msg.text}`);
  return out.join('\n');
}

/** Time expressions listed before the rest are counted (a long page names hundreds). */
const MAX_TIMES_SHOWN = 50;

/** A chain as read: nests deeper than six show their two outer and two inner sources only. */
function shortChain(names: readonly string[]): string {
  if (names.length <= 6) return names.join(' → ');
  return [...names.slice(0, 2), `… ${names.length - 4} more …`, ...names.slice(-2)].join(' → ');
}
