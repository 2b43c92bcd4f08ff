/**
 * The hearsay/1 JSON contract. Every span is half-open `[start, end)` in UTF-16 code units of
 * {@link HearsayDocument.text}. Later versions add fields; they never rename them.
 */

/** Schema identifier written into every document. */
export const SCHEMA_VERSION = 'hearsay/1' as const;

/** A half-open `[start, end)` UTF-16 range over the document text. */
export interface Span {
  start: number;
  end: number;
}

/** Where a document came from. */
export interface InputInfo {
  /** File path, `-` for standard input, or null when analysed from memory. */
  path: string | null;
  type: 'text' | 'html';
}

/** Article metadata; null where unknown. */
export interface Meta {
  title: string | null;
  /** The outlet credited with the story (original publisher of a repost). */
  outlet: string | null;
  /** The site that hosts this copy (a blog reposting the story). */
  site: string | null;
  /** Publication date, ISO `YYYY-MM-DD` (or full ISO timestamp where known). */
  published: string | null;
  url: string | null;
  byline: string | null;
  /** Canonical URL declared by the page (issue 5). */
  canonical?: string | null;
  /** BCP-47 language tag where declared or detected. */
  language?: string | null;
  /** Which rule found the outlet, e.g. `credit-line`, `jsonld-sourceOrganization`. */
  outletRule?: string | null;
}

/** Severity of a document message. */
export type Severity = 'error' | 'warning' | 'info';

/** A problem found in the input, attached to the document rather than thrown. */
export interface Message {
  severity: Severity;
  /** Stable machine-readable code, e.g. `input/empty`. */
  code: string;
  text: string;
  start?: number;
  end?: number;
}

/** Entity types. */
export type EntityType =
  | 'person'
  | 'organization'
  | 'government'
  | 'outlet'
  | 'location'
  | 'group'
  | 'other';

/**
 * What the text says about a person's gender, with the rule that read it and the span it rests
 * on: a title or role noun ("Ms. Ruiz", "the congresswoman"), the pronouns resolved to the person,
 * or, where the text says nothing, a guess from the first name (`entities:gender-first-name`).
 */
export interface Gender {
  value: 'female' | 'male';
  /** `entities:gender-title`, `entities:gender-pronoun` or `entities:gender-first-name`. */
  rule: string;
  /** The mention the reading rests on (the titled mention, the first pronoun, the name). */
  evidence: Span;
}

/** A canonical entity with all its mentions. */
export interface Entity {
  id: string;
  /** Fullest name form found in the text ("Benjamin Netanyahu"). */
  name: string;
  type: EntityType;
  mentions: Span[];
  /** ISO 3166 alpha-3 or IGO code, where known (issue 4). */
  country?: string | null;
  /** Sector code such as GOV, MIL, REB, MED (issue 4). */
  sector?: string | null;
  /** Which rule or knowledge-base entry produced it. */
  rule?: string;
  /** Models that changed it after `rule` made it (`model:name-types` retyped it); absent when none did. */
  refinedBy?: string[];
  /** For persons, what the text says about their gender; absent when it says nothing. */
  gender?: Gender;
}

/** Kinds of attribution source. */
export type SourceKind = 'person' | 'organization' | 'outlet' | 'anonymous' | 'document' | 'unknown';

/** The source of an attribution. */
export interface Source extends Span {
  /** Id of the canonical entity, or null when unresolved. */
  entity: string | null;
  kind: SourceKind;
  /** Number of sources for plural anonymous sources ("two officials" → 2), else null. */
  count: number | null;
  /** Descriptor of an anonymous source ("senior American officials"), else null. */
  descriptor: string | null;
  /**
   * For a plural reference to named parties ("Both leaders agreed"): the ids of the entities it
   * stands for, in order of mention; `entity` is then null. Absent otherwise.
   */
  members?: string[];
}

/** Quotation type of an attribution's content. */
export type QuoteType = 'direct' | 'indirect' | 'mixed';

/** One attribution: source, cue and content. */
export interface Attribution {
  id: string;
  source: Source | null;
  cue: Span;
  content: Span[];
  quote: QuoteType;
  /** Id of the attribution whose content contains this one (a nest), or null. */
  via: string | null;
  /** Hedging word ("reportedly", "allegedly") where present. */
  hedge: string | null;
  /**
   * True for an attitude rather than a statement: "X backs the plan", "X praised the envoy",
   * "X agreed to talks". PolNeAR counts these as attributions; their content is the outlet's
   * wording of what the attitude is about, so it is not read as the source's voice. Absent for
   * statements.
   */
  stance?: boolean;
  /** Stage and rule (or model) that produced it, e.g. `attribution:said-that`. */
  rule: string;
  /**
   * Refiners that changed its spans after `rule` found it, in order (e.g. `model:role-tagger`,
   * `attribution:cue-auxiliaries`); absent when none did.
   */
  refinedBy?: string[];
}

/** A loaded or evaluative word and whose voice it is in. */
export interface VoiceSpan extends Span {
  voice: 'authorial' | 'attributed';
  loaded: boolean;
  /** The attribution whose content holds the word, for attributed voice. */
  attribution?: string | null;
  /**
   * What kind of judgement the word carries: `label`, `verb`, `evaluative`, `puffery`,
   * `editorial`, `distancing` or `stance-cue` (the style guides' words to watch).
   */
  kind?: string;
  rule?: string;
}

/** A time expression normalised to a calendar value (issue 4). */
export interface TimeExpression extends Span {
  id?: string;
  /**
   * ISO value: `2025-12-01`, `2025-W48`, `2025-10`, `2025`, a clock time `2025-12-01T14:00`, a
   * duration `P2M`, or as TimeML writes them a quarter or half `2025-Q2` / `2025-H2` and a season
   * `2025-SU` (`SP`, `SU`, `FA`, `WI`; a winter is the year it starts in), a weekend `2025-W23-WE`,
   * a decade `197` (the 1970s) and a century `17` (the 1700s); null when unresolved.
   */
  value: string | null;
  grain: 'day' | 'week' | 'month' | 'year' | 'duration' | 'time' | 'quarter' | 'season' | 'decade' | 'century' | 'unknown';
  range?: { start: string; end: string } | null;
  /** What it is anchored on: `published`, or the id of an event/time it is relative to. */
  anchor?: string | null;
  /** Why it could not be resolved, where it could not. */
  reason?: string | null;
  rule?: string;
}

/** An event participant. */
export interface Actor extends Span {
  entity: string | null;
  country: string | null;
  sector: string | null;
}

/** PLOVER event types. */
export type PloverType =
  | 'AGREE' | 'CONSULT' | 'SUPPORT' | 'CONCEDE' | 'COOPERATE' | 'AID' | 'RETREAT' | 'REQUEST'
  | 'ACCUSE' | 'REJECT' | 'THREATEN' | 'PROTEST' | 'SANCTION' | 'MOBILIZE' | 'COERCE' | 'ASSAULT';

/** A coded event (issue 4). */
export interface EventRecord {
  id: string;
  type: PloverType;
  mode: string | null;
  context: string | null;
  trigger: Span;
  actor: Actor[];
  recipient: Actor[];
  /** Id of a `times` entry. */
  date: string | null;
  /** Id of a location entity. */
  location: string | null;
  attribution: string | null;
  negated: boolean;
  hypothetical: boolean;
  rule: string;
}

/** A pair mapping an offset in `text` to an offset in the HTML source (issue 5). */
export type SourceMapPair = [textOffset: number, htmlOffset: number];

/** The hearsay/1 document: plain JSON that round-trips. */
export interface HearsayDocument {
  schema: typeof SCHEMA_VERSION;
  input: InputInfo;
  text: string;
  meta: Meta;
  body: Span[];
  messages: Message[];
  sentences: Span[];
  entities: Entity[];
  attributions: Attribution[];
  voice: VoiceSpan[];
  times?: TimeExpression[];
  events?: EventRecord[];
  sourceMap?: SourceMapPair[];
}
