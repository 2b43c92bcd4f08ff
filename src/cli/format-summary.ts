import type { CorpusSummary, SourceKey } from '../summary/summary.js';
import type { SourceKind } from '../core/types.js';
import { clip } from '../text/clip.js';

const pct = (n: number, d: number): string => (d ? `${(100 * n / d).toFixed(1)} %` : '–');
const num = (n: number): string => n.toLocaleString('en-US');

/** A corpus summary for a person to read: totals, shares, and the most cited sources of each kind. */
export function formatSummary(s: CorpusSummary): string {
  const a = s.attributions;
  const out: string[] = [];
  out.push(`${num(s.documents)} documents${s.failed ? ` (${num(s.failed)} failed)` : ''}, ${num(s.words)} words, ${num(a.total)} attributions`
    + ` (${num(a.outermost)} outermost, ${num(a.nested)} nested${s.perDocument !== null ? `; ${s.perDocument.toFixed(1)} per document` : ''})`);
  out.push(`how: direct ${pct(a.direct, a.total)}, mixed ${pct(a.mixed, a.total)}, indirect ${pct(a.indirect, a.total)}, stance ${pct(a.stance, a.total)}; hedged ${pct(a.hedged, a.total)}`);
  out.push(`who: ${(Object.entries(a.bySourceKind) as [SourceKey, number][]).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${pct(n, a.total)}`).join(', ') || '–'}`);
  if (s.anonymousShare !== null) out.push(`anonymous sources: ${(100 * s.anonymousShare).toFixed(1)} % of the attributions that have a source`);
  if (s.approximate) out.push('(more distinct sources than kept: counts of rare sources are lower bounds)');
  const titles: Record<SourceKind, string> = {
    person: 'People', organization: 'Organisations', outlet: 'Outlets cited', anonymous: 'Anonymous sources',
    document: 'Documents cited', unknown: 'Unresolved sources',
  };
  for (const kind of Object.keys(titles) as SourceKind[]) {
    const rows = s.sources[kind];
    if (!rows.length) continue;
    out.push('', `${titles[kind]} (attributions, quoted, documents; ‘words’ name no entity):`);
    for (const r of rows) out.push(`  ${(r.resolved ? clip(r.name, 60) : `‘${clip(r.name, 58)}’`).padEnd(60)} ${String(r.attributions).padStart(7)} ${String(r.quoted).padStart(7)} ${String(r.documents).padStart(7)}`);
  }
  for (const [title, rows] of [['Publishers (documents)', s.publishers], ['Reposted on (documents)', s.sites], ['Messages (documents)', s.messages]] as const) {
    if (!rows.length) continue;
    out.push('', `${title}:`);
    for (const r of rows) out.push(`  ${clip(r.name, 60).padEnd(60)} ${String(r.documents).padStart(7)}`);
  }
  return out.join('\n');
}
