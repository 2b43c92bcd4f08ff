import type { Actor, EventRecord, HearsayDocument, Span } from '../core/types.js';

/** One participant in a PLOVER record. */
export interface PloverActor {
  /** Canonical entity name where the entities stage resolved one, else the text. */
  name: string;
  /** The words in the article. */
  text: string;
  /** ISO 3166 alpha-3 or IGO/NGO. */
  country: string | null;
  sector: string | null;
}

/** A PLOVER/POLECAT-style event record (one per hearsay event). */
export interface PloverRecord {
  id: string;
  /** The sentence holding the trigger. */
  text: string;
  /** ISO date of the event where known (`2025-11-28`, `2025-W47`, `2025-10`), else the publication date. */
  date: string | null;
  /** Whether `date` comes from the text (true) or falls back to the publication date (false). */
  date_from_text: boolean;
  event_type: string;
  mode: string | null;
  context: string | null;
  trigger: string;
  actor: PloverActor[];
  recipient: PloverActor[];
  location: { name: string; country: string | null } | null;
  negated: boolean;
  hypothetical: boolean;
  /** Who the text credits for the report of the event (attribution source), null in the author's voice. */
  source: { attribution: string; name: string | null; kind: string } | null;
  /** Provenance: the document path or URL, and the hearsay rule. */
  document: string | null;
  rule: string;
}

function sentenceOf(doc: HearsayDocument, at: number): Span | null {
  let lo = 0, hi = doc.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = doc.sentences[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s;
  }
  return null;
}

/**
 * Converts the events of a hearsay/1 document into PLOVER records that can be merged with
 * POLECAT-style data: one record per event, with the sentence, the date, actor and recipient
 * names with country and sector codes, and the source the text credits for it.
 */
export function toPloverRecords(doc: HearsayDocument): PloverRecord[] {
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  const times = new Map((doc.times ?? []).filter((t) => t.id).map((t) => [t.id!, t]));
  const attributions = new Map(doc.attributions.map((a) => [a.id, a]));
  const actor = (a: Actor): PloverActor => {
    const text = doc.text.slice(a.start, a.end);
    const e = a.entity ? entities.get(a.entity) : undefined;
    return { name: e?.name ?? text, text, country: a.country, sector: a.sector };
  };
  return (doc.events ?? []).map((ev: EventRecord) => {
    const s = sentenceOf(doc, ev.trigger.start);
    const t = ev.date ? times.get(ev.date) : undefined;
    const loc = ev.location ? entities.get(ev.location) : undefined;
    const att = ev.attribution ? attributions.get(ev.attribution) : undefined;
    const src = att?.source ?? null;
    return {
      id: ev.id,
      text: s ? doc.text.slice(s.start, s.end).replace(/\s+/g, ' ').trim() : '',
      // PLOVER dates are days: a clock time gives its day.
      date: (t?.grain === 'time' ? t.value?.slice(0, 10) : t?.value) ?? doc.meta.published?.slice(0, 10) ?? null,
      date_from_text: !!t?.value,
      event_type: ev.type, mode: ev.mode, context: ev.context,
      trigger: doc.text.slice(ev.trigger.start, ev.trigger.end),
      actor: ev.actor.map(actor), recipient: ev.recipient.map(actor),
      location: loc ? { name: loc.name, country: loc.country ?? null } : null,
      negated: ev.negated, hypothetical: ev.hypothetical,
      source: att ? {
        attribution: att.id,
        name: src ? (src.entity ? entities.get(src.entity)?.name ?? doc.text.slice(src.start, src.end) : doc.text.slice(src.start, src.end)) : null,
        kind: src?.kind ?? 'unknown',
      } : null,
      document: doc.meta.url ?? doc.input.path,
      rule: ev.rule,
    };
  });
}
