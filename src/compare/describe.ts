import { chainOf, sourceLabel } from '../core/document.js';
import { clip } from '../text/clip.js';
import type { Attribution, HearsayDocument, Span } from '../core/types.js';
import type { ChangeCounts, ChangeKind, Comparison } from './compare.js';

/** The parts of a comparison, in the order they are told. */
export type ChangeSection = 'meta' | 'sentences' | 'attributions' | 'sources' | 'voice' | 'events' | 'times';

/** One change told in words, for a person (the CLI's text format, the viewer's list). */
export interface ChangeLine {
  section: ChangeSection;
  kind: ChangeKind;
  /** The item as it reads in the version that has it (the second where both do). */
  text: string;
  /** What changed, one short phrase each ("cue “warned” → “criticized”"). */
  details: string[];
}

/** Marks used before each line in plain text. */
export const CHANGE_MARK: Record<ChangeKind, string> = { same: '=', changed: '~', added: '+', removed: '-' };

/** "3 same, 1 added": the non-zero counts of a summary row. */
export function tally(c: ChangeCounts): string {
  return Object.entries(c).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(', ') || 'none';
}

const at = (doc: HearsayDocument, s: Span | null): string => (s ? doc.text.slice(s.start, s.end) : '');

/**
 * Every change of a comparison (items that stayed the same left out) as lines a person reads:
 * sentences with the word runs that differ, attributions with what changed, sources whose count
 * moved, loaded words, events, metadata.
 */
export function describeChanges(cmp: Comparison, before: HearsayDocument, after: HearsayDocument): ChangeLine[] {
  const out: ChangeLine[] = [];
  for (const m of cmp.meta) out.push({ section: 'meta', kind: 'changed', text: m.field, details: [`${m.before ?? '—'} → ${m.after ?? '—'}`] });
  for (const s of cmp.sentences) {
    if (s.kind === 'same') continue;
    const text = s.kind === 'removed' ? at(before, s.before) : at(after, s.after);
    const details = (s.edits ?? []).map((e) => `[${clip(at(before, e.before), 50)}] → [${clip(at(after, e.after), 50)}]`);
    out.push({ section: 'sentences', kind: s.kind, text, details });
  }
  const byIdA = new Map(before.attributions.map((a) => [a.id, a]));
  const byIdB = new Map(after.attributions.map((a) => [a.id, a]));
  const line = (doc: HearsayDocument, a: Attribution) =>
    `${a.id} ${chainOf(doc, a).join(' → ')} ${at(doc, a.cue)}${a.hedge ? ` (${a.hedge})` : ''}: ${clip(a.content.map((c) => at(doc, c)).join(' … '), 70)}`;
  for (const c of cmp.attributions) {
    if (c.kind === 'same') continue;
    const a = c.before ? byIdA.get(c.before) : undefined;
    const b = c.after ? byIdB.get(c.after) : undefined;
    if (c.kind === 'removed' && a) { out.push({ section: 'attributions', kind: 'removed', text: line(before, a), details: [] }); continue; }
    if (!b) continue;
    if (c.kind === 'added' || !a) { out.push({ section: 'attributions', kind: 'added', text: line(after, b), details: [] }); continue; }
    const details = c.changed.map((f) => {
      if (f === 'source') return `source ${sourceLabel(before, a) ?? '(none)'} → ${sourceLabel(after, b) ?? '(none)'}`;
      if (f === 'sourceKind') return `kind ${a.source?.kind ?? '—'} → ${b.source?.kind ?? '—'}`;
      if (f === 'cue') return `cue “${at(before, a.cue)}” → “${at(after, b.cue)}”`;
      if (f === 'quote') return `${a.quote} → ${b.quote}`;
      if (f === 'hedge') return `hedge ${a.hedge ?? '—'} → ${b.hedge ?? '—'}`;
      if (f === 'stance') return `stance ${a.stance ? 'yes' : 'no'} → ${b.stance ? 'yes' : 'no'}`;
      if (f === 'chain') return `chain ${chainOf(before, a).join(' → ')} ⇒ ${chainOf(after, b).join(' → ')}`;
      return 'content reworded';
    });
    out.push({ section: 'attributions', kind: 'changed', text: `${a.id} → ${line(after, b)}`, details });
  }
  for (const s of cmp.sources) {
    if (s.kind !== 'same') out.push({ section: 'sources', kind: s.kind, text: `${s.name} [${s.sourceKind}]`, details: [`${s.before} → ${s.after} attributions`] });
  }
  for (const v of cmp.voice) {
    if (v.kind !== 'same') out.push({ section: 'voice', kind: v.kind, text: v.word, details: [`${v.voiceBefore ?? '—'} → ${v.voiceAfter ?? '—'}`] });
  }
  for (const t of cmp.times ?? []) {
    if (t.kind === 'same') continue;
    const side = (text: string | null, v: { value: string | null } | null) => (text === null ? '—' : `“${text}”${v?.value ? ` (${v.value})` : ''}`);
    out.push({ section: 'times', kind: t.kind, text: `${side(t.textBefore, t.before)} → ${side(t.textAfter, t.after)}`, details: [] });
  }
  for (const e of cmp.events) {
    if (e.kind === 'same') continue;
    const doc = e.kind === 'removed' ? before : after;
    const ev = doc.events?.find((x) => x.id === (e.kind === 'removed' ? e.before : e.after));
    out.push({ section: 'events', kind: e.kind, text: `${e.type} “${ev ? at(doc, ev.trigger) : ''}”`, details: [] });
  }
  return out;
}
