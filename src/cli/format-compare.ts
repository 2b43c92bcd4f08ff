import type { Comparison } from '../compare/compare.js';
import { CHANGE_MARK, describeChanges, tally, type ChangeSection } from '../compare/describe.js';
import type { HearsayDocument } from '../core/types.js';
import { clip } from '../text/clip.js';

const TITLES: Record<ChangeSection, string> = {
  meta: '', sentences: 'Sentences', attributions: 'Attributions', sources: 'Sources cited (attributions before → after)', voice: 'Loaded words', events: 'Events', times: 'Dates and times',
};

/** A readable account of a comparison for a person: what changed, with the words. Not JSON. */
export function formatComparison(cmp: Comparison, before: HearsayDocument, after: HearsayDocument): string {
  const out: string[] = [];
  const side = (label: string, s: Comparison['before']) => `${label} ${s.path ?? '(input)'}${s.outlet ? ` — ${s.outlet}` : ''}${s.published ? `, ${s.published}` : ''}`;
  out.push(side('before:', cmp.before), side('after: ', cmp.after));
  const lines = describeChanges(cmp, before, after);
  for (const l of lines.filter((x) => x.section === 'meta')) out.push(`  ${l.text}: ${l.details.join('; ')}`);
  const counts: Partial<Record<ChangeSection, string>> = {
    sentences: tally(cmp.summary.sentences), attributions: tally(cmp.summary.attributions), voice: tally(cmp.summary.voice), events: tally(cmp.summary.events),
    ...(cmp.summary.times ? { times: tally(cmp.summary.times) } : {}),
  };
  for (const section of ['sentences', 'attributions', 'sources', 'voice', 'times', 'events'] as const) {
    const mine = lines.filter((x) => x.section === section);
    // Sentences and attributions always get their tally; the rest only when something moved.
    if (!mine.length && section !== 'sentences' && section !== 'attributions') continue;
    out.push('', counts[section] ? `${TITLES[section]}: ${counts[section]}` : `${TITLES[section]}:`);
    for (const l of mine) {
      if (section === 'sources' || section === 'voice') { out.push(`  ${CHANGE_MARK[l.kind]} ${l.text}: ${l.details.join('; ')}`); continue; }
      out.push(`  ${CHANGE_MARK[l.kind]} ${clip(l.text, 110)}`);
      if (l.details.length) out.push(section === 'sentences' ? l.details.map((d) => `      ${d}`).join('\n') : `      ${l.details.join('; ')}`);
    }
  }
  return out.join('\n');
}
