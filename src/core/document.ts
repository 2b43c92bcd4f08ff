import { HearsayError } from './errors.js';
import { SCHEMA_VERSION, type Attribution, type EntityType, type HearsayDocument, type QuoteType, type SourceKind } from './types.js';

const LAYERS = ['body', 'messages', 'sentences', 'entities', 'attributions', 'voice'] as const;

/**
 * Reads a hearsay/1 document back from parsed JSON (a file, an API response), checking the schema
 * version and the shape of every layer and span. Throws `SCHEMA_MISMATCH` naming the first problem.
 */
export function parseDocument(json: unknown): HearsayDocument {
  const d = json as Partial<HearsayDocument> | null;
  const fail = (why: string): never => { throw new HearsayError('SCHEMA_MISMATCH', `not a ${SCHEMA_VERSION} document: ${why}`); };
  if (!d || typeof d !== 'object' || Array.isArray(d)) return fail('not an object');
  if (d.schema !== SCHEMA_VERSION) return fail(`schema is ${JSON.stringify(d.schema)}`);
  if (typeof d.text !== 'string') return fail('text is not a string');
  if (!isObject(d.input) || (d.input.type !== 'text' && d.input.type !== 'html')) return fail('input.type must be text or html');
  if (d.input.path !== undefined && d.input.path !== null && typeof d.input.path !== 'string') return fail('input.path is not a string or null');
  if (!isObject(d.meta)) return fail('meta is missing');
  for (const k of META_STRINGS) {
    const v = (d.meta as unknown as Record<string, unknown>)[k];
    if (v !== undefined && v !== null && typeof v !== 'string') fail(`meta.${k} is not a string or null`);
  }
  for (const layer of LAYERS) if (!Array.isArray(d[layer])) fail(`${layer} is not an array`);
  for (const layer of ['times', 'events'] as const) if (d[layer] !== undefined && !Array.isArray(d[layer])) fail(`${layer} is not an array`);
  const n = d.text.length;
  const span = (s: unknown, where: string) => {
    const x = s as { start?: unknown; end?: unknown } | null;
    if (!isObject(x) || !Number.isInteger(x.start) || !Number.isInteger(x.end) || (x.start as number) < 0 || (x.end as number) > n || (x.start as number) > (x.end as number)) {
      fail(`${where} is not a span within the text`);
    }
  };
  const spans = (list: unknown, where: string) => {
    if (!Array.isArray(list)) return fail(`${where} is not an array`);
    list.forEach((x, k) => span(x, `${where}[${k}]`));
  };
  const id = (x: unknown, where: string) => { if (typeof x !== 'string') fail(`${where} is not a string id`); };
  spans(d.body, 'body');
  spans(d.sentences, 'sentences');
  d.messages!.forEach((m, i) => {
    if (!isObject(m) || typeof m.code !== 'string' || typeof m.text !== 'string' || !['error', 'warning', 'info'].includes(m.severity)) fail(`messages[${i}] is not a message`);
    if (m.start !== undefined || m.end !== undefined) span(m, `messages[${i}]`);
  });
  const ruleList = (r: unknown) => r === undefined || (Array.isArray(r) && r.every((x) => typeof x === 'string'));
  d.entities!.forEach((e, i) => {
    if (!isObject(e)) return fail(`entities[${i}] is not an object`);
    id(e.id, `entities[${i}].id`);
    if (typeof e.name !== 'string') fail(`entities[${i}].name is not a string`);
    if (!ENTITY_TYPES.has(e.type)) fail(`entities[${i}].type is not an entity type`);
    spans(e.mentions, `entities[${i}].mentions`);
    if (!ruleList(e.refinedBy)) fail(`entities[${i}].refinedBy is not a list of rule names`);
    if (e.gender !== undefined) {
      const g = e.gender as unknown as Record<string, unknown> | null;
      if (!isObject(g) || (g.value !== 'female' && g.value !== 'male') || typeof g.rule !== 'string') fail(`entities[${i}].gender is not {value, rule, evidence}`);
      else span(g.evidence, `entities[${i}].gender.evidence`);
    }
  });
  d.attributions!.forEach((a, i) => { if (!isObject(a)) fail(`attributions[${i}] is not an object`); else id(a.id, `attributions[${i}].id`); });
  // Ids name one thing each: a second entity under an id would silently take its sources.
  const ids = new Set(d.attributions!.map((a) => a.id));
  const entityIds = new Set(d.entities!.map((e) => e.id));
  if (ids.size !== d.attributions!.length) fail('two attributions share an id');
  if (entityIds.size !== d.entities!.length) fail('two entities share an id');
  d.attributions!.forEach((a, i) => {
    span(a.cue, `attributions[${i}].cue`);
    spans(a.content, `attributions[${i}].content`);
    if (a.source !== null) {
      span(a.source, `attributions[${i}].source`);
      if (!SOURCE_KINDS.has(a.source.kind)) fail(`attributions[${i}].source.kind is not a source kind`);
    }
    if (!QUOTE_TYPES.has(a.quote)) fail(`attributions[${i}].quote is not direct, indirect or mixed`);
    const members = a.source?.members;
    if (members !== undefined && !(Array.isArray(members) && members.every((m) => typeof m === 'string' && entityIds.has(m)))) {
      fail(`attributions[${i}].source.members is not a list of entity ids`);
    }
    if (a.via !== null && !ids.has(a.via)) fail(`attributions[${i}].via points to no attribution`);
    if (a.stance !== undefined && typeof a.stance !== 'boolean') fail(`attributions[${i}].stance is not a boolean`);
    if (!ruleList(a.refinedBy)) fail(`attributions[${i}].refinedBy is not a list of rule names`);
  });
  spans(d.voice, 'voice');
  d.voice!.forEach((v, i) => {
    if (v.voice !== 'authorial' && v.voice !== 'attributed') fail(`voice[${i}].voice is not authorial or attributed`);
    if (typeof v.loaded !== 'boolean') fail(`voice[${i}].loaded is not a boolean`);
    if (v.kind !== undefined && typeof v.kind !== 'string') fail(`voice[${i}].kind is not a string`);
  });
  if (d.times) spans(d.times, 'times');
  d.events?.forEach((e, i) => {
    if (!isObject(e)) return fail(`events[${i}] is not an object`);
    id(e.id, `events[${i}].id`);
    if (typeof e.type !== 'string') fail(`events[${i}].type is not a string`);
    span(e.trigger, `events[${i}].trigger`);
    spans(e.actor, `events[${i}].actor`);
    spans(e.recipient, `events[${i}].recipient`);
  });
  return d as HearsayDocument;
}

/** `meta` fields that hold a string or null. */
const META_STRINGS = ['title', 'outlet', 'site', 'published', 'url', 'byline', 'canonical', 'language', 'outletRule'] as const;
const ENTITY_TYPES: ReadonlySet<unknown> = new Set<EntityType>(['person', 'organization', 'government', 'outlet', 'location', 'group', 'other']);
const SOURCE_KINDS: ReadonlySet<unknown> = new Set<SourceKind>(['person', 'organization', 'outlet', 'anonymous', 'document', 'unknown']);
const QUOTE_TYPES: ReadonlySet<unknown> = new Set<QuoteType>(['direct', 'indirect', 'mixed']);

/** A plain object (JSON's `{…}`); typed loosely on purpose, as its fields are checked one by one after. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function isObject(x: unknown): x is Record<string, any> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

type Index = { from: readonly unknown[]; sizes: readonly number[]; attributions: Map<string, Attribution>; entities: Map<string, HearsayDocument['entities'][number]> };

/** Id lookups per document, built once: a formatter asks for every attribution's chain, and a
 * fresh lookup per call made a 100,000-word page take minutes (quadratic). Rebuilt when the
 * document's lists are replaced or change length, for callers that edit a document by hand. */
const indexes = new WeakMap<HearsayDocument, Index>();

function indexOf(doc: HearsayDocument): Index {
  let ix = indexes.get(doc);
  if (!ix || ix.from[0] !== doc.attributions || ix.from[1] !== doc.entities || ix.sizes[0] !== doc.attributions.length || ix.sizes[1] !== doc.entities.length) {
    ix = {
      from: [doc.attributions, doc.entities],
      sizes: [doc.attributions.length, doc.entities.length],
      attributions: new Map(doc.attributions.map((x) => [x.id, x])),
      entities: new Map(doc.entities.map((e) => [e.id, e])),
    };
    indexes.set(doc, ix);
  }
  return ix;
}

/**
 * How a source reads to a person: its entity's name where resolved, its members' names for a
 * plural reference ("Donald Trump and Benjamin Netanyahu"), else its own words; null without a source.
 */
export function sourceLabel(doc: HearsayDocument, a: Attribution): string | null {
  const s = a.source;
  if (!s) return null;
  const ix = indexOf(doc);
  const entity = s.entity ? ix.entities.get(s.entity) : undefined;
  if (entity) return entity.name;
  const members = s.members?.map((m) => ix.entities.get(m)?.name).filter((m): m is string => m !== undefined) ?? [];
  return members.length ? members.join(' and ') : doc.text.slice(s.start, s.end);
}

/**
 * The chain of sources from the outermost attribution down to this one ("officials → Axios →
 * Trump"). With `max`, only the innermost `max` sources, after a "…" where more were cut.
 */
export function chainOf(doc: HearsayDocument, a: Attribution, max = Infinity): string[] {
  const byId = indexOf(doc).attributions;
  const names: string[] = [];
  const seen = new Set<string>();
  for (let cur: Attribution | undefined = a; cur && !seen.has(cur.id); cur = cur.via ? byId.get(cur.via) : undefined) {
    if (names.length >= max) { names.push('…'); break; }
    seen.add(cur.id);
    names.push(sourceLabel(doc, cur) ?? '(no source)');
  }
  return names.reverse();
}
