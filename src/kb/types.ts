/** A dated office an actor holds ("prime minister" of ISR from 2022-12-29). */
export interface KbRole {
  /** Lower-case title as written in news ("prime minister", "president"). */
  title: string;
  /** ISO 3166 alpha-3 (or IGO code) of the office. */
  country: string;
  from: string | null;
  to: string | null;
}

/** One knowledge-base actor: a person, organisation, outlet, country or group. */
export interface KbEntry {
  id: string;
  name: string;
  type: 'person' | 'organization' | 'government' | 'outlet' | 'location' | 'group';
  /** Other names as written in text ("Netanyahu", "Bibi", "IDF"). */
  aliases?: string[];
  /** Adjectives of nationality for countries ("Israeli"). */
  demonyms?: string[];
  capital?: string;
  country?: string | null;
  sector?: string | null;
  roles?: KbRole[];
}

/** The shape of a knowledge-base file (`--actors FILE` takes the same). */
export interface KbFile {
  version: 1;
  entries: KbEntry[];
}
