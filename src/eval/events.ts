import type { EventRecord, PloverType } from '../core/types.js';

/** One actor of a PLOVER gold-standard record. */
export interface GsrActor {
  actorText: string;
  code: string | null;
  sector: string | null;
}

/** A PLOVER gold-standard record (one sentence, one coded event). */
export interface GsrRecord {
  id: string;
  text: string;
  /** Category in current PLOVER names (renamed from PLOVER 0.5 where needed). */
  event: PloverType;
  /** The category as the file writes it. */
  rawEvent: string;
  date: string | null;
  source: GsrActor[];
  target: GsrActor[];
}

/** PLOVER 0.5 names → current names (README of ../shared/plover-gsr). */
export const RENAMED_CATEGORIES: Readonly<Record<string, PloverType>> = {
  DEMAND: 'REQUEST', DISAPPROVE: 'ACCUSE', INVESTIGATE: 'ACCUSE', FIGHT: 'ASSAULT',
};

const TYPES = new Set<string>(['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT',
  'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT']);

/** CAMEO country codes that differ from ISO 3166 alpha-3. */
export const CAMEO_TO_ISO: Readonly<Record<string, string>> = { JAP: 'JPN', ROM: 'ROU', ZAR: 'COD', BUR: 'MMR', TMP: 'TLS', DDR: 'DEU', GER: 'DEU' };

/** Normalises a gold country code to the knowledge base's convention. */
export function normalizeCode(code: string | null | undefined): string | null {
  if (!code) return null;
  const c = code.trim().toUpperCase();
  return CAMEO_TO_ISO[c] ?? c;
}

function actors(v: unknown): GsrActor[] {
  if (!Array.isArray(v)) return [];
  return v.filter((a): a is Record<string, unknown> => typeof a === 'object' && a !== null).map((a) => ({
    actorText: typeof a.actorText === 'string' ? a.actorText : '',
    code: typeof a.code === 'string' ? a.code : null,
    sector: typeof a.sector === 'string' ? a.sector : null,
  }));
}

/** Reads the parsed `dev.json` array; skips documentation records and unknown categories. */
export function readGsr(json: unknown): GsrRecord[] {
  if (!Array.isArray(json)) throw new TypeError('PLOVER GSR file must hold a JSON array');
  const out: GsrRecord[] = [];
  for (const r of json) {
    if (typeof r !== 'object' || r === null) continue;
    const rec = r as Record<string, unknown>;
    const raw = typeof rec.event === 'string' ? rec.event.trim().toUpperCase() : '';
    const event = RENAMED_CATEGORIES[raw] ?? raw;
    if (!TYPES.has(event) || typeof rec.text !== 'string') continue;
    out.push({
      id: typeof rec.id === 'string' ? rec.id : `record-${out.length + 1}`,
      text: rec.text.replace(/^\s*\{|\}\s*$/g, '').trim(),
      event: event as PloverType, rawEvent: raw,
      date: typeof rec.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(rec.date) ? rec.date : null,
      source: actors(rec.source), target: actors(rec.target),
    });
  }
  return out;
}

/** Counts for one category or overall. */
export interface EventTally {
  sentences: number;
  categoryHits: number;
  actorScored: number;
  actorHits: number;
  recipientScored: number;
  recipientHits: number;
}

/** Per-sentence outcome, for error analysis. */
export interface EventOutcome {
  id: string;
  gold: PloverType;
  predicted: PloverType[];
  categoryHit: boolean;
  actor: boolean | null;
  recipient: boolean | null;
  goldActors: string[];
  goldRecipients: string[];
  predictedActors: (string | null)[];
  predictedRecipients: (string | null)[];
}

/** Evaluation result. */
export interface EventScores {
  overall: EventTally;
  byCategory: Map<PloverType, EventTally>;
  outcomes: EventOutcome[];
}

const empty = (): EventTally => ({ sentences: 0, categoryHits: 0, actorScored: 0, actorHits: 0, recipientScored: 0, recipientHits: 0 });

/**
 * Scores coded events against gold records. Per sentence: the category is right when some event
 * has the gold category; the actor (recipient) country is right when an event of the gold
 * category has an actor (recipient) whose country is among the gold codes. Country accuracy counts
 * every sentence whose gold side has a code, so a missed category counts against it too.
 */
export function scoreEvents(records: readonly GsrRecord[], code: (r: GsrRecord) => readonly EventRecord[]): EventScores {
  const overall = empty();
  const byCategory = new Map<PloverType, EventTally>();
  const outcomes: EventOutcome[] = [];
  for (const r of records) {
    const events = code(r);
    const tally = byCategory.get(r.event) ?? empty();
    byCategory.set(r.event, tally);
    const same = events.filter((e) => e.type === r.event);
    const goldA = r.source.map((a) => normalizeCode(a.code)).filter((c): c is string => !!c);
    const goldR = r.target.map((a) => normalizeCode(a.code)).filter((c): c is string => !!c);
    const hit = same.length > 0;
    const actorOk = goldA.length ? same.some((e) => e.actor.some((a) => !!a.country && goldA.includes(a.country))) : null;
    const recOk = goldR.length ? same.some((e) => e.recipient.some((a) => !!a.country && goldR.includes(a.country))) : null;
    for (const t of [overall, tally]) {
      t.sentences++;
      if (hit) t.categoryHits++;
      if (actorOk !== null) { t.actorScored++; if (actorOk) t.actorHits++; }
      if (recOk !== null) { t.recipientScored++; if (recOk) t.recipientHits++; }
    }
    outcomes.push({
      id: r.id, gold: r.event, predicted: events.map((e) => e.type), categoryHit: hit, actor: actorOk, recipient: recOk,
      goldActors: goldA, goldRecipients: goldR,
      predictedActors: same.flatMap((e) => e.actor.map((a) => a.country)),
      predictedRecipients: same.flatMap((e) => e.recipient.map((a) => a.country)),
    });
  }
  return { overall, byCategory, outcomes };
}

const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(1)}%` : '—').padStart(7);

/** A plain-text table: per category and overall accuracy. */
export function formatEventScores(s: EventScores): string {
  const lines = [`${'category'.padEnd(10)} ${'n'.padStart(4)} ${'category'.padStart(8)} ${'actor'.padStart(7)} ${'recip.'.padStart(7)}`];
  const row = (name: string, t: EventTally): string =>
    `${name.padEnd(10)} ${String(t.sentences).padStart(4)} ${pct(t.categoryHits, t.sentences).padStart(8)} ${pct(t.actorHits, t.actorScored)} ${pct(t.recipientHits, t.recipientScored)}`;
  for (const [k, t] of [...s.byCategory.entries()].sort((a, b) => a[0].localeCompare(b[0]))) lines.push(row(k, t));
  lines.push(row('overall', s.overall));
  return `${lines.join('\n')}\n`;
}
