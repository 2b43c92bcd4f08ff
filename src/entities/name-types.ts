/**
 * The name typer: a learned classifier that retypes names the recogniser typed by its heuristics
 * (a capitalised run it could not place is `other`, "Oakland" and "Medicare" among them; a lone
 * capitalised word a person by its shape). Knowledge-base entities, governments, outlets, groups
 * and unnamed sources keep their types: the knowledge base and those rules beat the model.
 *
 * An averaged perceptron over each name mention's words, shapes and neighbours, the recogniser's
 * own type and rule, scored over all of an entity's name mentions together, with the classes of
 * CoreNLP's named-entity layer (trained on its silver labels of PolNeAR train by
 * `hearsay train names`; see `train-name-types.ts`). Core: no I/O.
 */
import type { EntityType } from '../core/types.js';
import type { Token } from '../core/working-doc.js';
import { hashMix, hashString } from '../model/hash.js';
import { PerceptronModel, type PerceptronModelJson } from '../model/perceptron.js';
import { defaultSupersenses } from '../wordnet/shipped.js';
import { genderOfName, type EntityInfo, type EntityState, type MentionX } from './state.js';

/** The classifier's classes: CoreNLP's name classes, and NONE for a span CoreNLP marks no name. */
export const NAME_CLASSES = ['PERSON', 'ORGANIZATION', 'LOCATION', 'MISC', 'NONE'] as const;
/** One of {@link NAME_CLASSES}. */
export type NameClass = (typeof NAME_CLASSES)[number];

/** The entity type each class retypes to (NONE leaves the recogniser's type). */
export const CLASS_TYPES: Readonly<Record<NameClass, EntityType | null>> = { PERSON: 'person', ORGANIZATION: 'organization', LOCATION: 'location', MISC: 'other', NONE: null };

/** Types the model may change, with the class that agrees with each. */
const RETYPEABLE: ReadonlyMap<EntityType, NameClass> = new Map<EntityType, NameClass>([['person', 'PERSON'], ['organization', 'ORGANIZATION'], ['location', 'LOCATION'], ['other', 'MISC']]);

/** The rule id written in `refinedBy` of a retyped entity. */
export const NAME_TYPES_RULE = 'model:name-types';

/** Serialised name typer. */
export interface NameTypesJson {
  format: 'hearsay-name-types/1';
  /** The data it was trained on. */
  source: string;
  perceptron: PerceptronModelJson;
}

/** An entity the typer may retype: its state, its name mentions and their features. */
export interface NameTypeInput {
  info: EntityInfo;
  mentions: readonly MentionX[];
  /** Per name mention, its hashed features. */
  features: number[][];
}

/**
 * What the entity stage hands the heuristic-typed names to: the trained {@link NameTypeModel}, or
 * a trainer's recorder that only collects them.
 */
export interface NameTyper {
  retype(inputs: readonly NameTypeInput[]): void;
}

const shape = (s: string): string => s.replace(/\p{Lu}+/gu, 'X').replace(/\p{Ll}+/gu, 'x').replace(/\p{N}+/gu, 'd');

/**
 * The entities the typer may retype (no knowledge-base entry, not unnamed, a type in
 * {@link RETYPEABLE}, at least one name mention) with their mentions' features. `lowerSeen` holds
 * the words the text writes in lower case somewhere ("Watch" in "Judicial Watch" is a word, "Pence"
 * never is).
 */
export function nameTypeInputs(st: EntityState, tokens: readonly Token[], lowerSeen: ReadonlySet<string>): NameTypeInput[] {
  const byEntity = new Map<string, MentionX[]>();
  for (const m of st.mentions) {
    if (m.form !== 'name') continue;
    const info = st.infos.get(m.entity);
    if (!info || info.kb || info.anonymous || !RETYPEABLE.has(info.entity.type)) continue;
    let list = byEntity.get(m.entity);
    if (!list) byEntity.set(m.entity, (list = []));
    list.push(m);
  }
  const out: NameTypeInput[] = [];
  for (const [id, mentions] of byEntity) {
    const info = st.infos.get(id)!;
    const e = info.entity;
    let longest = mentions[0]!;
    for (const m of mentions) if (m.tokEnd - m.tok > longest.tokEnd - longest.tok) longest = m;
    let full: number = F.FULL;
    for (let i = longest.tok; i < longest.tokEnd; i++) full = hashMix(full, hashString(st.lowers[i]!));
    const entityFeats = [F.BIAS, hashMix(F.TYPE, hashString(e.type)), hashMix(F.RULE, hashString(e.rule ?? '')), hashMix(F.NM, Math.min(mentions.length, 4)), full];
    out.push({ info, mentions, features: mentions.map((m) => mentionFeatures(st, tokens, lowerSeen, m, entityFeats)) });
  }
  return out;
}

let nextTemplate = 201;
const T = (): number => nextTemplate++;
/** Feature templates, mixed with their values by {@link hashMix}: no strings are built. */
const F = {
  BIAS: T(), TYPE: T(), RULE: T(), NM: T(), FULL: T(), W: T(), SH: T(), SS: T(), SS_LAST: T(), LOWER_ELSEWHERE: T(),
  FIRST: T(), LAST: T(), SUF: T(), N: T(), P1: T(), P2: T(), N1: T(), N2: T(), PP: T(), NP: T(), POS: T(), SINIT: T(),
  MRULE: T(), GENDER: T(),
};
const OUTSIDE = hashString('<s>');

function mentionFeatures(st: EntityState, tokens: readonly Token[], lowerSeen: ReadonlySet<string>, m: MentionX, entityFeats: readonly number[]): number[] {
  const { lowers } = st;
  const a = m.tok;
  const b = m.tokEnd;
  const s = st.sentence[a]!;
  const inside = (i: number): boolean => i >= 0 && i < tokens.length && st.sentence[i] === s;
  const L = (i: number): number => (inside(i) ? hashString(lowers[i]!) : OUTSIDE);
  const P = (i: number): number => (inside(i) ? hashString(tokens[i]!.pos ?? '?') : OUTSIDE);
  const out = [...entityFeats];
  const wn = defaultSupersenses();
  for (let i = a; i < b; i++) {
    out.push(hashMix(F.W, hashString(lowers[i]!)), hashMix(F.SH, hashString(shape(tokens[i]!.text))));
    // WordNet knows many places, peoples and bodies by name ("oakland": noun.location).
    const ss = wn.noun(lowers[i]!);
    if (ss) out.push(hashMix(F.SS, ss.first));
    if (ss && i === b - 1) out.push(hashMix(F.SS_LAST, ss.first));
    if (lowerSeen.has(lowers[i]!) && lowers[i] !== tokens[i]!.text) out.push(F.LOWER_ELSEWHERE);
  }
  const last = lowers[b - 1]!;
  out.push(
    hashMix(F.FIRST, hashString(lowers[a]!)), hashMix(F.LAST, hashString(last)), hashMix(F.SUF, hashString(last.slice(-3))), hashMix(F.N, Math.min(b - a, 5)),
    hashMix(F.P1, L(a - 1)), hashMix(hashMix(F.P2, L(a - 2)), L(a - 1)), hashMix(F.N1, L(b)), hashMix(hashMix(F.N2, L(b)), L(b + 1)),
    hashMix(F.PP, P(a - 1)), hashMix(F.NP, P(b)), hashMix(F.POS, P(b - 1)),
    hashMix(F.SINIT, inside(a - 1) ? 0 : 1), hashMix(F.MRULE, hashString(m.rule)), hashMix(F.GENDER, hashString(genderOfName(lowers[a]) ?? '-')),
  );
  return out;
}

/** A loaded name typer. */
export class NameTypeModel implements NameTyper {
  readonly json: NameTypesJson;
  private readonly perceptron: PerceptronModel;
  private readonly scratch = new Float64Array(NAME_CLASSES.length);

  private constructor(json: NameTypesJson) {
    if (json.format !== 'hearsay-name-types/1') throw new Error(`unsupported name-type model format "${String(json.format)}"`);
    this.json = json;
    this.perceptron = PerceptronModel.fromJSON(json.perceptron);
    if (this.perceptron.classes.join() !== NAME_CLASSES.join()) throw new Error('name-type model: unexpected classes');
  }

  /** Loads a model written by `trainNameTypes`. */
  static fromJSON(json: NameTypesJson): NameTypeModel {
    return new NameTypeModel(json);
  }

  /**
   * The class an entity's name mentions read as together (their scores summed); `current` wins
   * ties, so a model with nothing to say changes nothing.
   */
  classify(features: readonly (readonly number[])[], current: NameClass): NameClass {
    const sum = new Float64Array(NAME_CLASSES.length);
    const s = this.scratch;
    for (const f of features) {
      this.perceptron.scoresHashed(f, f.length, s);
      for (let c = 0; c < sum.length; c++) sum[c]! += s[c]!;
    }
    let best = NAME_CLASSES.indexOf(current);
    for (let c = 0; c < sum.length; c++) if (sum[c]! > sum[best]!) best = c;
    return NAME_CLASSES[best]!;
  }

  /** Retypes each input whose class maps to another type, recording the model in `refinedBy`. */
  retype(inputs: readonly NameTypeInput[]): void {
    for (const x of inputs) {
      const type = CLASS_TYPES[this.classify(x.features, currentClass(x.info))];
      if (type) retypeEntity(x.info, type);
    }
  }
}

/** The class that agrees with an input entity's current type. */
export function currentClass(info: EntityInfo): NameClass {
  return RETYPEABLE.get(info.entity.type) ?? 'NONE';
}

/** Gives an entity a new type (no-op when it has it), keeping gender consistent with it. */
function retypeEntity(info: EntityInfo, type: EntityType): void {
  const e = info.entity;
  if (e.type === type) return;
  e.type = type;
  e.refinedBy = [...(e.refinedBy ?? []), NAME_TYPES_RULE];
  info.gender = type === 'person' ? genderOfName(info.names[0]?.[0]) : null;
}
