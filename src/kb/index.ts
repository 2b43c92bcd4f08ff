import data from './actors.json' with { type: 'json' };
import type { KbEntry, KbFile } from './types.js';

export type { KbEntry, KbFile, KbRole } from './types.js';

/** The knowledge base shipped with hearsay. */
export const BUILTIN_KB: KbFile = data as KbFile;

/** A lookup index over knowledge-base entries by lower-cased name, alias and demonym. */
export interface KbIndex {
  entries: readonly KbEntry[];
  byName: Map<string, KbEntry>;
  byDemonym: Map<string, KbEntry>;
  byId: Map<string, KbEntry>;
}

/**
 * Indexes a knowledge base; later files override entries of the same id (user `--actors` files
 * extend or replace the built-in one).
 */
export function indexKb(...files: readonly KbFile[]): KbIndex {
  const byId = new Map<string, KbEntry>();
  for (const f of files) for (const e of f.entries) byId.set(e.id, e);
  const byName = new Map<string, KbEntry>();
  const byDemonym = new Map<string, KbEntry>();
  for (const e of byId.values()) {
    byName.set(e.name.toLowerCase(), e);
    for (const a of e.aliases ?? []) if (!byName.has(a.toLowerCase())) byName.set(a.toLowerCase(), e);
    for (const d of e.demonyms ?? []) byDemonym.set(d.toLowerCase(), e);
  }
  return { entries: [...byId.values()], byName, byDemonym, byId };
}

/** The default index over the built-in knowledge base. */
export const DEFAULT_KB: KbIndex = indexKb(BUILTIN_KB);

/**
 * Who held a title in a country on a date ("prime minister", "ISR", "2025-12-02" → Netanyahu).
 * Returns null when no entry's role covers the date.
 */
export function holderOf(kb: KbIndex, title: string, country: string | null, date: string | null): KbEntry | null {
  const t = title.toLowerCase();
  let best: KbEntry | null = null;
  for (const e of kb.entries) {
    for (const r of e.roles ?? []) {
      if (r.title !== t) continue;
      if (country && r.country !== country) continue;
      if (date && ((r.from && date < r.from) || (r.to && date >= r.to))) continue;
      if (!date && r.to) continue;
      best = e;
    }
  }
  return best;
}

const indexCache = new WeakMap<KbFile, KbIndex>();

/** The index for a document's options: the built-in KB, extended by a user file when given. */
export function kbFor(options: { actors?: KbFile }): KbIndex {
  const extra = options.actors;
  if (!extra) return DEFAULT_KB;
  let idx = indexCache.get(extra);
  if (!idx) { idx = indexKb(BUILTIN_KB, extra); indexCache.set(extra, idx); }
  return idx;
}
