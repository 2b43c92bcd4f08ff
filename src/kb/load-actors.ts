import { HearsayError } from '../core/errors.js';
import type { KbEntry, KbFile, KbRole } from './types.js';

const TYPES = new Set<KbEntry['type']>(['person', 'organization', 'government', 'outlet', 'location', 'group']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function fail(where: string, what: string): never {
  throw new HearsayError('INVALID_OPTION', `actors file: ${where}: ${what}`);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strings(v: unknown, where: string): string[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' || s.trim() === '')) fail(where, 'must be a list of non-empty strings');
  return v as string[];
}

function optString(v: unknown, where: string): string | null | undefined {
  if (v === undefined || v === null) return v;
  if (typeof v !== 'string') fail(where, 'must be a string or null');
  return v;
}

function date(v: unknown, where: string): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string' || !DATE.test(v)) fail(where, 'must be a YYYY-MM-DD date or null');
  return v;
}

function role(v: unknown, where: string): KbRole {
  if (!isRecord(v)) fail(where, 'must be an object');
  if (typeof v.title !== 'string' || !v.title.trim()) fail(`${where}.title`, 'must be a non-empty string');
  if (typeof v.country !== 'string' || !v.country.trim()) fail(`${where}.country`, 'must be a non-empty string');
  return { title: v.title.toLowerCase(), country: v.country, from: date(v.from, `${where}.from`), to: date(v.to, `${where}.to`) };
}

/**
 * Validates a parsed `--actors` file (the same shape as the built-in `actors.json`: `{version: 1,
 * entries: [...]}`; a bare array of entries is accepted too) and returns it as a {@link KbFile}.
 * Throws `HearsayError('INVALID_OPTION')` naming the first bad field. No I/O: the caller reads
 * and parses the file, then passes the file to `indexKb(BUILTIN_KB, file)` so its entries extend
 * the built-in ones and replace those with the same id.
 */
export function loadActorsFile(json: unknown): KbFile {
  const list = Array.isArray(json) ? json : isRecord(json) ? json.entries : undefined;
  if (isRecord(json) && json.version !== undefined && json.version !== 1) fail('version', 'must be 1');
  if (!Array.isArray(list)) fail('entries', 'must be a list of actor entries');
  const entries: KbEntry[] = list.map((raw, i) => {
    const w = `entries[${i}]`;
    if (!isRecord(raw)) fail(w, 'must be an object');
    if (typeof raw.id !== 'string' || !raw.id.trim()) fail(`${w}.id`, 'must be a non-empty string');
    if (typeof raw.name !== 'string' || !raw.name.trim()) fail(`${w}.name`, 'must be a non-empty string');
    if (typeof raw.type !== 'string' || !TYPES.has(raw.type as KbEntry['type'])) {
      fail(`${w}.type`, `must be one of ${[...TYPES].join(', ')}`);
    }
    const e: KbEntry = { id: raw.id, name: raw.name, type: raw.type as KbEntry['type'] };
    const aliases = strings(raw.aliases, `${w}.aliases`);
    if (aliases) e.aliases = aliases;
    const demonyms = strings(raw.demonyms, `${w}.demonyms`);
    if (demonyms) e.demonyms = demonyms;
    const capital = optString(raw.capital, `${w}.capital`);
    if (capital) e.capital = capital;
    const country = optString(raw.country, `${w}.country`);
    if (country !== undefined) e.country = country;
    const sector = optString(raw.sector, `${w}.sector`);
    if (sector !== undefined) e.sector = sector;
    if (raw.roles !== undefined) {
      if (!Array.isArray(raw.roles)) fail(`${w}.roles`, 'must be a list');
      e.roles = raw.roles.map((r, j) => role(r, `${w}.roles[${j}]`));
    }
    return e;
  });
  return { version: 1, entries };
}
