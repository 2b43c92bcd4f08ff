import { HearsayError } from './errors.js';
import { SCHEMA_VERSION, type Attribution, type HearsayDocument } from './types.js';

const LAYERS = ['body', 'messages', 'sentences', 'entities', 'attributions', 'voice'] as const;

/**
 * Reads a hearsay/1 document back from parsed JSON (a file, an API response), checking the schema
 * version and the shape of every layer and span. Throws `SCHEMA_MISMATCH` naming the first problem.
 */
export function parseDocument(json: unknown): HearsayDocument {
  const d = json as Partial<HearsayDocument> | null;
  const fail = (why: string): never => { throw new HearsayError('SCHEMA_MISMATCH', `not a ${SCHEMA_VERSION} document: ${why}`); };
  if (!d || typeof d !== 'object') return fail('not an object');
  if (d.schema !== SCHEMA_VERSION) return fail(`schema is ${JSON.stringify(d.schema)}`);
  if (typeof d.text !== 'string') return fail('text is not a string');
  if (!d.input || (d.input.type !== 'text' && d.input.type !== 'html')) return fail('input.type must be text or html');
  if (!d.meta || typeof d.meta !== 'object') return fail('meta is missing');
  for (const layer of LAYERS) if (!Array.isArray(d[layer])) fail(`${layer} is not an array`);
  const n = d.text.length;
  const span = (s: { start?: unknown; end?: unknown } | null | undefined, where: string) => {
    if (!s || !Number.isInteger(s.start) || !Number.isInteger(s.end) || (s.start as number) < 0 || (s.end as number) > n || (s.start as number) > (s.end as number)) {
      fail(`${where} is not a span within the text`);
    }
  };
  d.body!.forEach((s, i) => span(s, `body[${i}]`));
  d.sentences!.forEach((s, i) => span(s, `sentences[${i}]`));
  const ruleList = (r: unknown) => r === undefined || (Array.isArray(r) && r.every((x) => typeof x === 'string'));
  d.entities!.forEach((e, i) => {
    e.mentions.forEach((m, k) => span(m, `entities[${i}].mentions[${k}]`));
    if (!ruleList(e.refinedBy)) fail(`entities[${i}].refinedBy is not a list of rule names`);
  });
  const ids = new Set(d.attributions!.map((a) => a.id));
  const entityIds = new Set(d.entities!.map((e) => e.id));
  d.attributions!.forEach((a, i) => {
    span(a.cue, `attributions[${i}].cue`);
    a.content.forEach((c, k) => span(c, `attributions[${i}].content[${k}]`));
    if (a.source) span(a.source, `attributions[${i}].source`);
    const members = a.source?.members;
    if (members !== undefined && !(Array.isArray(members) && members.every((m) => typeof m === 'string' && entityIds.has(m)))) {
      fail(`attributions[${i}].source.members is not a list of entity ids`);
    }
    if (a.via !== null && !ids.has(a.via)) fail(`attributions[${i}].via points to no attribution`);
    if (a.stance !== undefined && typeof a.stance !== 'boolean') fail(`attributions[${i}].stance is not a boolean`);
    if (!ruleList(a.refinedBy)) fail(`attributions[${i}].refinedBy is not a list of rule names`);
  });
  d.voice!.forEach((v, i) => span(v, `voice[${i}]`));
  return d as HearsayDocument;
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

/** The chain of sources from the outermost attribution down to this one ("officials → Axios → Trump"). */
export function chainOf(doc: HearsayDocument, a: Attribution): string[] {
  const byId = indexOf(doc).attributions;
  const names: string[] = [];
  const seen = new Set<string>();
  for (let cur: Attribution | undefined = a; cur && !seen.has(cur.id); cur = cur.via ? byId.get(cur.via) : undefined) {
    seen.add(cur.id);
    names.unshift(sourceLabel(doc, cur) ?? '(no source)');
  }
  return names;
}
