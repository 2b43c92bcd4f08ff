import { HearsayError } from '../core/errors.js';
import type { KbEntry, KbFile } from './types.js';

const TYPES = new Set(['person', 'organization', 'government', 'outlet', 'location', 'group']);

/**
 * Validates a parsed user knowledge-base file (`--actors FILE`) and returns it typed. Throws
 * `INVALID_OPTION` naming the first bad entry, since a wrong file is the caller's mistake.
 */
export function loadActorsFile(json: unknown): KbFile {
  const f = json as { version?: unknown; entries?: unknown };
  if (!f || typeof f !== 'object' || !Array.isArray(f.entries)) {
    throw new HearsayError('INVALID_OPTION', 'actors file must be {"version": 1, "entries": [...]}');
  }
  const entries: KbEntry[] = [];
  f.entries.forEach((e: unknown, i: number) => {
    const x = e as Partial<KbEntry>;
    if (!x || typeof x.id !== 'string' || typeof x.name !== 'string' || typeof x.type !== 'string' || !TYPES.has(x.type)) {
      throw new HearsayError('INVALID_OPTION', `actors entry ${i} needs string id, name and a type among ${[...TYPES].join(', ')}`);
    }
    entries.push(x as KbEntry);
  });
  return { version: 1, entries };
}
