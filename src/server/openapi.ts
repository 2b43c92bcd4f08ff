/** Hand-written OpenAPI 3.1 description of the hearsay HTTP API, served at `/api/openapi.json`. */
import { GROUP_BY } from '../summary/summary.js';

const span = { type: 'object', required: ['start', 'end'], properties: { start: { type: 'integer' }, end: { type: 'integer' } } };
const nullableString = { type: ['string', 'null'] };
const changeKind = { enum: ['same', 'changed', 'added', 'removed'] };
const nullableSpan = { oneOf: [{ type: 'null' }, span] };
/** A list of names with the number of documents carrying each (a summary's publishers, sites, messages). */
const documentCounts = { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, documents: { type: 'integer' } } } };

/** Stable error codes the API answers with, and the HTTP status of each. */
export const API_ERROR_CODES = {
  'request/invalid-json': 400,
  'request/invalid-input': 400,
  'request/too-large': 413,
  'request/unsupported-media-type': 415,
  'fetch/disabled': 403,
  'fetch/blocked': 403,
  'fetch/bad-url': 400,
  'fetch/failed': 502,
  'fetch/too-large': 413,
  'fetch/timeout': 504,
  'fetch/unsupported-type': 415,
  'server/busy': 503,
  'analysis/timeout': 504,
  'analysis/failed': 500,
  'not-found': 404,
  internal: 500,
} as const;

/** One of the stable API error codes. */
export type ApiErrorCode = keyof typeof API_ERROR_CODES;

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/** Builds the OpenAPI document for a server's configured limits. */
export function openApiDocument(limits: { maxBodyBytes: number; timeoutMs: number; allowFetch: boolean }): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'hearsay',
      version: '1',
      description: 'Who said what, according to whom: a news article in, a hearsay/1 record of its sourcing out.',
    },
    paths: {
      '/api/analyze': {
        post: {
          summary: 'Analyse one article',
          description:
            `Accepts JSON ({text}, {html}${limits.allowFetch ? ' or {url}' : ''}, optional date) or a raw text/plain or text/html body `
            + `(date in the query string). Bodies over ${limits.maxBodyBytes} bytes answer 413; analyses over ${limits.timeoutMs} ms answer 504; `
            + 'beyond the concurrency limit the server answers 503 with Retry-After.',
          parameters: [{ name: 'date', in: 'query', required: false, schema: { type: 'string', format: 'date' }, description: 'Reference date for raw bodies.' }],
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/AnalyzeRequest' } },
              'text/plain': { schema: { type: 'string' } },
              'text/html': { schema: { type: 'string' } },
            },
          },
          responses: {
            200: { description: 'The hearsay/1 document', content: { 'application/json': { schema: { $ref: '#/components/schemas/HearsayDocument' } } } },
            400: errorResponse('Malformed JSON or input (request/invalid-json, request/invalid-input, fetch/bad-url)'),
            403: errorResponse('URL fetching disabled or the URL points at a non-public address (fetch/disabled, fetch/blocked)'),
            413: errorResponse('Body or fetched page too large (request/too-large, fetch/too-large)'),
            415: errorResponse('Unsupported content type (request/unsupported-media-type, fetch/unsupported-type)'),
            502: errorResponse('The URL could not be fetched (fetch/failed)'),
            503: {
              ...errorResponse('Too many analyses at once (server/busy)'),
              headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait before retrying' } },
            },
            504: errorResponse('Analysis or fetch took too long (analysis/timeout, fetch/timeout)'),
          },
        },
      },
      '/api/compare': {
        post: {
          summary: 'Compare two versions of a story',
          description: 'Takes two hearsay/1 documents (from /api/analyze) and returns a hearsay-compare/1 record: sentences, attributions, '
            + 'sources, loaded words and events that are the same, changed, added or removed. Spans in "before" fields point into the '
            + `first document's text, in "after" fields into the second's. Bodies over ${limits.maxBodyBytes} bytes answer 413.`,
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object', required: ['before', 'after'],
                  properties: { before: { $ref: '#/components/schemas/HearsayDocument' }, after: { $ref: '#/components/schemas/HearsayDocument' } },
                },
              },
            },
          },
          responses: {
            200: { description: 'The hearsay-compare/1 record', content: { 'application/json': { schema: { $ref: '#/components/schemas/Comparison' } } } },
            400: errorResponse('Malformed JSON, or either side is not a hearsay/1 document (request/invalid-json, request/invalid-input)'),
            413: errorResponse('Body too large (request/too-large)'),
          },
        },
      },
      '/api/summarize': {
        post: {
          summary: 'Summarise a corpus of analyses',
          description: 'Takes hearsay/1 documents (from /api/analyze) and returns a hearsay-summary/1 record: how many attributions, '
            + 'how (direct, mixed, indirect, stance), by kind of source, and the most cited sources of each kind across the documents. '
            + `For a crawl use the CLI (hearsay summarize), which streams files; bodies over ${limits.maxBodyBytes} bytes answer 413.`,
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object', required: ['documents'],
                  properties: {
                    documents: { type: 'array', items: { $ref: '#/components/schemas/HearsayDocument' } },
                    top: { type: 'integer', minimum: 1, description: 'Sources listed per kind (default 20)' },
                    by: { enum: [...GROUP_BY], description: 'Also count per outlet, site, or publication year, month or day (groups)' },
                    then: { enum: [...GROUP_BY], description: 'With "by", split each group again (by outlet, then month); groups then carry "keys"' },
                  },
                },
              },
            },
          },
          responses: {
            200: { description: 'The hearsay-summary/1 record', content: { 'application/json': { schema: { $ref: '#/components/schemas/CorpusSummary' } } } },
            400: errorResponse('Malformed JSON, or a document that is not hearsay/1 (request/invalid-json, request/invalid-input)'),
            413: errorResponse('Body too large (request/too-large)'),
          },
        },
      },
      '/api/quotes': {
        post: {
          summary: 'The quotation bank of a corpus of analyses',
          description: 'Takes hearsay/1 documents and returns a hearsay-quotes/1 record: every quoted passage of four words or more, '
            + 'the same words (or a shorter cut of them) counted once across documents, with its speakers, where it was first seen, and '
            + 'whether the documents give it to different people. '
            + `For a crawl use the CLI (hearsay quotes), which streams files; bodies over ${limits.maxBodyBytes} bytes answer 413.`,
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object', required: ['documents'],
                  properties: {
                    documents: { type: 'array', items: { $ref: '#/components/schemas/HearsayDocument' } },
                    top: { type: 'integer', minimum: 1, description: 'Quotations listed (default all)' },
                    minDocuments: { type: 'integer', minimum: 1, description: 'Only quotations met in at least this many documents' },
                    minWords: { type: 'integer', minimum: 1, description: 'Fewest words of a banked passage (default 4)' },
                    conflicts: { type: 'boolean', description: 'Only quotations the documents give to different people' },
                    speaker: { type: 'string', description: 'Only quotations given to a speaker whose name contains this' },
                    contains: { type: 'string', description: 'Only quotations holding these words in this order (case and punctuation ignored)' },
                  },
                },
              },
            },
          },
          responses: {
            200: { description: 'The hearsay-quotes/1 record', content: { 'application/json': { schema: { $ref: '#/components/schemas/QuoteBank' } } } },
            400: errorResponse('Malformed JSON, bad options, or a document that is not hearsay/1 (request/invalid-json, request/invalid-input)'),
            413: errorResponse('Body too large (request/too-large)'),
          },
        },
      },
      '/api/health': {
        get: {
          summary: 'Liveness and load',
          responses: { 200: { description: 'Healthy', content: { 'application/json': { schema: { $ref: '#/components/schemas/Health' } } } } },
        },
      },
      '/api/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1' } } } },
      '/': { get: { summary: 'The viewer page', responses: { 200: { description: 'HTML', content: { 'text/html': {} } } } } },
    },
    components: {
      schemas: {
        AnalyzeRequest: {
          type: 'object',
          properties: {
            text: { type: 'string', description: 'Plain-text article' },
            html: { type: 'string', description: 'HTML page' },
            url: { type: 'string', format: 'uri', description: 'Only when the server runs with --allow-fetch' },
            date: { type: 'string', format: 'date', description: 'Publication/reference date when the page states none' },
          },
          oneOf: [{ required: ['text'] }, { required: ['html'] }, { required: ['url'] }],
        },
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { type: 'string', enum: Object.keys(API_ERROR_CODES) }, message: { type: 'string' } },
            },
          },
        },
        Health: {
          type: 'object',
          properties: { status: { const: 'ok' }, schema: { const: 'hearsay/1' }, pending: { type: 'integer' }, concurrency: { type: 'integer' } },
        },
        Span: span,
        CorpusSummary: {
          type: 'object',
          description: 'hearsay-summary/1: counts over the documents; sources.KIND lists the most cited sources of each kind.',
          required: ['schema', 'documents', 'failed', 'words', 'attributions', 'anonymousShare', 'perDocument', 'sources', 'publishers', 'sites', 'messages', 'approximate'],
          properties: {
            schema: { const: 'hearsay-summary/1' },
            documents: { type: 'integer' }, failed: { type: 'integer' }, words: { type: 'integer' },
            attributions: { type: 'object', properties: Object.fromEntries([...['total', 'outermost', 'nested', 'direct', 'indirect', 'mixed', 'stance', 'hedged'].map((k) => [k, { type: 'integer' }]), ['bySourceKind', { type: 'object', additionalProperties: { type: 'integer' } }]]) },
            anonymousShare: { type: ['number', 'null'] }, perDocument: { type: ['number', 'null'] },
            sources: { type: 'object', additionalProperties: { type: 'array', items: { type: 'object', required: ['name', 'kind', 'resolved', 'attributions', 'quoted', 'documents'], properties: { name: { type: 'string' }, kind: { type: 'string' }, resolved: { type: 'boolean' }, attributions: { type: 'integer' }, quoted: { type: 'integer' }, documents: { type: 'integer' } } } } },
            publishers: documentCounts, sites: documentCounts, messages: documentCounts,
            approximate: { type: 'boolean' },
            voice: {
              type: 'object',
              description: 'Loaded and evaluative words: in the outlets\' own voice or attributed, per kind, per 1,000 body words, and the words most used in the outlets\' own voice',
              properties: {
                authorial: { type: 'integer' }, attributed: { type: 'integer' }, loaded: { type: 'object' }, byKind: { type: 'object' },
                authorialPer1000Words: { type: ['number', 'null'] },
                topAuthorial: { type: 'array', items: { type: 'object', properties: { word: { type: 'string' }, count: { type: 'integer' }, documents: { type: 'integer' } } } },
              },
            },
            groups: { type: 'object', properties: { by: { type: 'string' }, then: { type: 'string' }, list: { type: 'array', items: { type: 'object', properties: { key: { type: 'string' }, keys: { type: 'array', items: { type: 'string' } }, documents: { type: 'integer' }, words: { type: 'integer' }, attributions: { type: 'integer' }, anonymousShare: { type: ['number', 'null'] }, femaleShare: { type: ['number', 'null'] }, authorialPer1000Words: { type: ['number', 'null'] }, people: { type: 'object' } } } } } },
          },
        },
        QuoteBank: {
          type: 'object',
          description: 'hearsay-quotes/1: quotations most documents first; each occurrence\'s start and end are offsets of its own document\'s text.',
          required: ['schema', 'documents', 'occurrences', 'fragments', 'nested', 'distinct', 'approximate', 'quotes'],
          properties: {
            schema: { const: 'hearsay-quotes/1' },
            documents: { type: 'integer' }, occurrences: { type: 'integer' }, fragments: { type: 'integer' }, nested: { type: 'integer' },
            distinct: { type: 'integer' }, approximate: { type: 'boolean' },
            quotes: {
              type: 'array',
              items: {
                type: 'object',
                required: ['id', 'text', 'words', 'variants', 'occurrences', 'documents', 'speaker', 'speakers', 'unattributed', 'conflict', 'outlets', 'first', 'examples'],
                properties: {
                  id: { type: 'string' }, text: { type: 'string' }, words: { type: 'integer' }, variants: { type: 'integer' },
                  occurrences: { type: 'integer' }, documents: { type: 'integer' }, speaker: { type: ['string', 'null'] },
                  speakers: { type: 'array', items: { type: 'object', required: ['name', 'kind', 'resolved', 'occurrences'], properties: { name: { type: 'string' }, kind: { type: 'string' }, resolved: { type: 'boolean' }, occurrences: { type: 'integer' } } } },
                  unattributed: { type: 'integer' }, conflict: { type: 'boolean' }, outlets: documentCounts,
                  first: { $ref: '#/components/schemas/QuoteOccurrence' }, examples: { type: 'array', items: { $ref: '#/components/schemas/QuoteOccurrence' } },
                },
              },
            },
          },
        },
        QuoteOccurrence: {
          type: 'object',
          required: ['path', 'url', 'outlet', 'published', 'attribution', 'start', 'end', 'text', 'speaker', 'chain'],
          properties: {
            path: { type: ['string', 'null'] }, url: { type: ['string', 'null'] }, outlet: { type: ['string', 'null'] }, published: { type: ['string', 'null'] },
            attribution: { type: 'string' }, start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' },
            speaker: { type: ['string', 'null'] }, chain: { type: 'array', items: { type: 'string' } },
          },
        },
        Comparison: {
          type: 'object',
          description: 'hearsay-compare/1: each change has a kind (same, changed, added, removed); spans and ids under "before" refer to the first document, under "after" to the second.',
          required: ['schema', 'before', 'after', 'meta', 'sentences', 'attributions', 'sources', 'voice', 'events', 'summary'],
          properties: {
            schema: { const: 'hearsay-compare/1' },
            before: { type: 'object' }, after: { type: 'object' },
            meta: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, before: nullableString, after: nullableString } } },
            sentences: { type: 'array', items: { type: 'object', properties: { kind: changeKind, before: nullableSpan, after: nullableSpan, similarity: { type: 'number' }, edits: { type: 'array', items: { type: 'object', properties: { before: nullableSpan, after: nullableSpan } } } } } },
            attributions: { type: 'array', items: { type: 'object', properties: { kind: changeKind, before: nullableString, after: nullableString, changed: { type: 'array', items: { enum: ['source', 'sourceKind', 'cue', 'content', 'quote', 'hedge', 'stance', 'chain'] } }, similarity: { type: 'number' } } } },
            sources: { type: 'array', items: { type: 'object', properties: { kind: changeKind, key: { type: 'string' }, name: { type: 'string' }, sourceKind: { type: 'string' }, before: { type: 'integer' }, after: { type: 'integer' } } } },
            voice: { type: 'array', items: { type: 'object', properties: { kind: changeKind, word: { type: 'string' }, before: nullableSpan, after: nullableSpan, voiceBefore: nullableString, voiceAfter: nullableString } } },
            events: { type: 'array', items: { type: 'object', properties: { kind: changeKind, type: { type: 'string' }, before: nullableString, after: nullableString } } },
            times: { type: 'array', items: { type: 'object', properties: { kind: changeKind, before: { type: ['object', 'null'] }, after: { type: ['object', 'null'] }, textBefore: nullableString, textAfter: nullableString } } },
            summary: { type: 'object' },
          },
        },
        HearsayDocument: {
          type: 'object',
          description: 'hearsay/1: every span is half-open [start, end) in UTF-16 code units of text. Later versions add fields, never rename.',
          required: ['schema', 'input', 'text', 'meta', 'body', 'messages', 'sentences', 'entities', 'attributions', 'voice'],
          properties: {
            schema: { const: 'hearsay/1' },
            input: { type: 'object', properties: { path: nullableString, type: { enum: ['text', 'html'] } } },
            text: { type: 'string' },
            meta: {
              type: 'object',
              properties: { title: nullableString, outlet: nullableString, site: nullableString, published: nullableString, url: nullableString, byline: nullableString },
            },
            body: { type: 'array', items: span },
            messages: {
              type: 'array',
              items: { type: 'object', properties: { severity: { enum: ['error', 'warning', 'info'] }, code: { type: 'string' }, text: { type: 'string' }, start: { type: 'integer' }, end: { type: 'integer' } } },
            },
            sentences: { type: 'array', items: span },
            entities: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  id: { type: 'string' }, name: { type: 'string' },
                  type: { enum: ['person', 'organization', 'government', 'outlet', 'location', 'group', 'other'] },
                  mentions: { type: 'array', items: span },
                  gender: {
                    type: 'object',
                    description: 'Persons only, absent when the text says nothing: a title or role noun, resolved pronouns, or (rule entities:gender-first-name) a guess from the first name',
                    properties: { value: { enum: ['female', 'male'] }, rule: { type: 'string' }, evidence: span },
                  },
                },
              },
            },
            attributions: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  id: { type: 'string' },
                  source: {
                    oneOf: [{ type: 'null' }, {
                      type: 'object',
                      properties: {
                        start: { type: 'integer' }, end: { type: 'integer' }, entity: nullableString,
                        kind: { enum: ['person', 'organization', 'outlet', 'anonymous', 'document', 'unknown'] },
                        count: { type: ['integer', 'null'] }, descriptor: nullableString,
                        members: { type: 'array', items: { type: 'string' }, description: 'entity ids a plural reference ("Both leaders") stands for' },
                      },
                    }],
                  },
                  cue: span,
                  content: { type: 'array', items: span },
                  quote: { enum: ['direct', 'indirect', 'mixed'] },
                  via: nullableString,
                  hedge: nullableString,
                  rule: { type: 'string' },
                },
              },
            },
            voice: {
              type: 'array',
              items: { type: 'object', properties: { start: { type: 'integer' }, end: { type: 'integer' }, voice: { enum: ['authorial', 'attributed'] }, loaded: { type: 'boolean' }, kind: { enum: ['label', 'verb', 'evaluative', 'puffery', 'editorial', 'distancing', 'stance-cue'] } } },
            },
          },
        },
      },
    },
  };
}
