import type {
  Attribution, Entity, EventRecord, HearsayDocument, InputInfo, Message, Meta, Severity,
  SourceMapPair, Span, TimeExpression, VoiceSpan,
} from './types.js';
import { SCHEMA_VERSION } from './types.js';

/** Coarse token classes the tokenizer assigns. */
export type TokenKind = 'word' | 'number' | 'punct' | 'quote' | 'symbol';

/** A token over the document text; internal, not part of the JSON. */
export interface Token extends Span {
  text: string;
  kind: TokenKind;
  /** For quote tokens: whether the mark opens or closes a quotation. */
  quote?: 'open' | 'close';
  /** Penn Treebank tag, where a tagger ran. */
  pos?: string;
  /** Index of the sentence holding the token. */
  sentence: number;
}

/** A quotation found by quote pairing; internal, not part of the JSON. */
export interface Quotation extends Span {
  /** Span of the text inside the marks. */
  inner: Span;
  /** Double (“”) or single (‘’) marks. */
  marks: 'double' | 'single';
  /** False when the closing mark is missing and the quote was closed at the paragraph end. */
  closed: boolean;
}

/** A mention of an entity, with how it was recognised; internal, not part of the JSON. */
export interface Mention extends Span {
  /** Entity id in `doc.entities`. */
  entity: string;
  /** How the mention refers: a name, a title ("the prime minister"), a pronoun, a demonym. */
  form: 'name' | 'title' | 'pronoun' | 'demonym' | 'descriptor';
  rule: string;
}

/** Options every stage can read. */
export interface AnalyzeOptions {
  /** Reference/publication date `YYYY-MM-DD` used when the page states none. */
  date?: string;
  /** Force the input type; `auto` sniffs HTML. */
  inputType?: 'auto' | 'text' | 'html';
  /** Path recorded in `input.path`. */
  path?: string | null;
  /** The page URL, for HTML input (site name, URL dates, canonical links). */
  url?: string;
  /** Extra knowledge-base entries (a user `--actors` file) extending or overriding the built-in KB. */
  actors?: import('../kb/types.js').KbFile;
  /** Stage names to skip (for benchmarks and tests). */
  skip?: readonly string[];
  /** Called before each stage runs (1-based `index` of `total`): progress for long documents. */
  onStage?: (stage: string, index: number, total: number) => void;
}

/**
 * The mutable working state a pipeline fills in. The text itself is immutable; every layer is a
 * list of spans over it. {@link WorkingDoc.toJSON} produces the hearsay/1 document.
 */
export class WorkingDoc {
  readonly text: string;
  readonly input: InputInfo;
  readonly options: AnalyzeOptions;
  meta: Meta = { title: null, outlet: null, site: null, published: null, url: null, byline: null };
  body: Span[] = [];
  messages: Message[] = [];
  sentences: Span[] = [];
  tokens: Token[] = [];
  entities: Entity[] = [];
  attributions: Attribution[] = [];
  voice: VoiceSpan[] = [];
  /** Direct quotations (opening mark to closing mark inclusive); internal layer. */
  quotes: Quotation[] = [];
  /** Entity mentions, sorted by start; internal layer behind `entities[].mentions`. */
  mentions: Mention[] = [];
  times: TimeExpression[] | undefined;
  events: EventRecord[] | undefined;
  sourceMap: SourceMapPair[] | undefined;
  /** Which layers have been assigned so far; the pipeline checks requirements against it. */
  readonly layers = new Set<string>(['text']);
  /** Per-stage scratch space for layers not in the JSON (e.g. mention → entity maps). */
  readonly scratch = new Map<string, unknown>();

  constructor(text: string, input: InputInfo, options: AnalyzeOptions = {}) {
    this.text = text;
    this.input = input;
    this.options = options;
  }

  /** Adds a message about the input. */
  message(severity: Severity, code: string, text: string, span?: Span): void {
    const m: Message = { severity, code, text };
    if (span) { m.start = span.start; m.end = span.end; }
    this.messages.push(m);
  }

  /** The text under a span. */
  slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }

  /** The reference date: the page's own publication date, else the option, else null. */
  referenceDate(): string | null {
    const p = this.meta.published;
    if (p && /^\d{4}-\d{2}-\d{2}/.test(p)) return p.slice(0, 10);
    return this.options.date ?? null;
  }

  /** Serialises to the hearsay/1 JSON document. */
  toJSON(): HearsayDocument {
    const doc: HearsayDocument = {
      schema: SCHEMA_VERSION,
      input: this.input,
      text: this.text,
      meta: this.meta,
      body: this.body,
      messages: this.messages,
      sentences: this.sentences,
      entities: this.entities,
      attributions: this.attributions,
      voice: this.voice,
    };
    if (this.times) doc.times = this.times;
    if (this.events) doc.events = this.events;
    if (this.sourceMap) doc.sourceMap = this.sourceMap;
    return doc;
  }
}
