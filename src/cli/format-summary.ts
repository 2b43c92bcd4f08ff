import type { CorpusSummary, SourceKey } from '../summary/summary.js';
import type { SourceKind } from '../core/types.js';
import { clip } from '../text/clip.js';
import { csvRows } from '../text/csv.js';

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
  const g = s.gender;
  if (g.attributions.female + g.attributions.male + g.attributions.unknown > 0) {
    const women = (n: number) => `${num(n)} ${n === 1 ? 'woman' : 'women'}`;
    const men = (n: number) => `${num(n)} ${n === 1 ? 'man' : 'men'}`;
    out.push(`people quoted: ${women(g.people.female)}, ${men(g.people.male)}, ${num(g.people.unknown)} unknown (counted once per document)`
      + `${g.femaleShare !== null ? `; women ${(100 * g.femaleShare).toFixed(1)} % of those with a known gender` : ''}`
      + `${g.firstNames ? '' : '; genders guessed from first names not counted'}`);
    out.push(`attributions to people: ${num(g.attributions.female)} to women, ${num(g.attributions.male)} to men, ${num(g.attributions.unknown)} unknown`);
  }
  if (s.anonymousShare !== null) out.push(`anonymous sources: ${(100 * s.anonymousShare).toFixed(1)} % of the attributions that have a source`);
  const v = s.voice;
  if (v && v.authorial + v.attributed > 0) {
    out.push(`loaded or evaluative words: ${num(v.authorial)} in the outlets' own voice${v.authorialPer1000Words !== null ? ` (${v.authorialPer1000Words.toFixed(2)} per 1,000 words)` : ''}, ${num(v.attributed)} in words attributed to others; strongly loaded: ${num(v.loaded.authorial)} own, ${num(v.loaded.attributed)} attributed`);
    if (v.topAuthorial.length) out.push(`most used in the outlets' own voice: ${v.topAuthorial.slice(0, 12).map((w) => `${w.word} ${w.count}`).join(', ')}`);
  }
  if (s.approximate) out.push('(more distinct sources than kept: counts of rare sources are lower bounds)');
  const titles: Record<SourceKind, string> = {
    person: 'People', organization: 'Organisations', outlet: 'Outlets cited', anonymous: 'Anonymous sources',
    document: 'Documents cited', unknown: 'Unresolved sources',
  };
  for (const kind of Object.keys(titles) as SourceKind[]) {
    const rows = s.sources[kind];
    if (!rows.length) continue;
    out.push('', `${titles[kind]} (attributions, quoted, documents${kind === 'person' ? ', gender' : ''}; ‘words’ name no entity):`);
    for (const r of rows) {
      const gender = r.gender === undefined ? '' : `  ${r.gender ?? '–'}`;
      out.push(`  ${(r.resolved ? clip(r.name, 60) : `‘${clip(r.name, 58)}’`).padEnd(60)} ${String(r.attributions).padStart(7)} ${String(r.quoted).padStart(7)} ${String(r.documents).padStart(7)}${gender}`);
    }
  }
  if (s.groups) {
    const share = (x: number | null) => (x === null ? '–' : `${(100 * x).toFixed(1)} %`).padStart(8);
    // Every date of a trend; the outlets or sites with the most documents (as many as the sources listed).
    const byDate = !s.groups.then && (s.groups.by === 'year' || s.groups.by === 'month' || s.groups.by === 'day');
    const top = Math.max(...Object.values(s.sources).map((r) => r.length), s.publishers.length, 20);
    const list = byDate ? s.groups.list : s.groups.list.slice(0, top);
    out.push('', `By ${s.groups.by}${s.groups.then ? ` and ${s.groups.then}` : ''} (documents, attributions, people quoted: women, men, unknown, women's share; anonymous share; own-voice loaded words per 1,000)${list.length < s.groups.list.length ? `, the ${list.length} largest of ${s.groups.list.length}` : ''}:`);
    for (const g of list) {
      out.push(`  ${clip(g.key, 40).padEnd(40)} ${String(g.documents).padStart(7)} ${String(g.attributions).padStart(8)}   ${String(g.people.female).padStart(6)} ${String(g.people.male).padStart(6)} ${String(g.people.unknown).padStart(6)} ${share(g.femaleShare)} ${share(g.anonymousShare)} ${g.authorialPer1000Words === undefined || g.authorialPer1000Words === null ? '       –' : g.authorialPer1000Words.toFixed(2).padStart(8)}`);
    }
  }
  for (const [title, rows] of [['Publishers (documents)', s.publishers], ['Reposted on (documents)', s.sites], ['Messages (documents)', s.messages]] as const) {
    if (!rows.length) continue;
    out.push('', `${title}:`);
    for (const r of rows) out.push(`  ${clip(r.name, 60).padEnd(60)} ${String(r.documents).padStart(7)}`);
  }
  return out.join('\n');
}

/**
 * A summary as CSV for a spreadsheet: with groups (`--by`), one row per group; otherwise one row
 * per listed source, kind by kind.
 */
export function summaryCsv(s: CorpusSummary): string {
  if (s.groups) {
    const then = s.groups.then;
    return csvRows([s.groups.by, ...(then ? [then] : []), 'documents', 'words', 'attributions', 'women_quoted', 'men_quoted', 'unknown_quoted', 'women_share', 'anonymous_share', 'own_voice_per_1000_words'],
      s.groups.list.map((g) => [...(then && g.keys ? g.keys : [g.key]), g.documents, g.words, g.attributions, g.people.female, g.people.male, g.people.unknown, g.femaleShare, g.anonymousShare, g.authorialPer1000Words ?? null]));
  }
  const rows = (Object.values(s.sources) as CorpusSummary['sources'][SourceKind][]).flat()
    .map((r) => [r.kind, r.name, r.resolved, r.attributions, r.quoted, r.documents, r.gender ?? null]);
  return csvRows(['kind', 'name', 'resolved', 'attributions', 'quoted', 'documents', 'gender'], rows);
}
