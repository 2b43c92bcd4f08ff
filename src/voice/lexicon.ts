/** A loaded or evaluative lexicon entry: data with a reason and an example. */
export interface VoiceEntry {
  /** Lower-case word forms. */
  forms: string[];
  /** Strongly loaded (a charged label) vs. mildly evaluative. */
  loaded: boolean;
  reason: string;
  example: string;
}

/** Words whose use reveals a stance; whose voice they are in is decided per occurrence. */
export const VOICE_LEXICON: readonly VoiceEntry[] = [
  { forms: ['murder', 'murdered', 'murders', 'murdering', 'murderer', 'murderers', 'murderous'], loaded: true, reason: 'labels a killing as a crime', example: 'troops murdered ten people' },
  { forms: ['massacre', 'massacres', 'massacred', 'slaughter', 'slaughtered', 'butchered', 'butcher'], loaded: true, reason: 'labels a killing as an atrocity', example: 'the massacre of villagers' },
  { forms: ['terrorist', 'terrorists', 'terror', 'terrorism'], loaded: true, reason: 'a contested label for armed actors', example: 'the terrorists were armed' },
  { forms: ['regime', 'regimes'], loaded: true, reason: 'delegitimising word for a government', example: 'the fall of the regime' },
  { forms: ['slammed', 'slams', 'slam', 'blasted', 'blasts', 'ripped', 'rips', 'torched', 'eviscerated', 'destroyed', 'lashed'], loaded: true, reason: 'dramatising verb for criticism', example: 'the senator slammed the bill' },
  { forms: ['thug', 'thugs', 'militant', 'militants', 'extremist', 'extremists', 'radical', 'radicals', 'jihadist', 'jihadists', 'islamist', 'islamists', 'fanatic', 'fanatics'], loaded: true, reason: 'charged label for a group', example: 'radical activists' },
  { forms: ['aggression', 'atrocity', 'atrocities', 'genocide', 'crime', 'crimes', 'criminal', 'war crime', 'occupation', 'occupier', 'occupiers', 'invaders', 'invasion'], loaded: true, reason: 'charged legal or moral label', example: 'a war crime' },
  { forms: ['so-called', 'alleged', 'self-proclaimed', 'self-styled', 'notorious', 'infamous', 'disgraced', 'embattled'], loaded: true, reason: 'distancing or discrediting modifier', example: 'the so-called peace plan' },
  { forms: ['eliminated', 'eliminate', 'neutralized', 'neutralised', 'liquidated'], loaded: true, reason: 'euphemism for killing', example: 'the fighters were eliminated' },
  { forms: ['hostile', 'dangerous', 'deadly', 'brutal', 'barbaric', 'savage', 'heinous', 'evil', 'vile', 'outrageous', 'shameful', 'disgraceful'], loaded: true, reason: 'strong evaluative adjective', example: 'a brutal crackdown' },
  { forms: ['inappropriately', 'controversial', 'controversially', 'widespread', 'unprecedented', 'radically', 'slashing', 'bombshell', 'explosive', 'stunning', 'shocking', 'chaos', 'chaotic', 'crisis', 'debacle', 'fiasco', 'scandal'], loaded: false, reason: 'evaluative or dramatising word', example: 'a controversial decision' },
  { forms: ['claimed', 'claims', 'insisted', 'admitted', 'conceded', 'boasted'], loaded: false, reason: 'cue verb that signals the writer’s doubt or stance', example: 'he claimed he was innocent' },
];

/** Form → entry. */
export const VOICE_BY_FORM: ReadonlyMap<string, VoiceEntry> = new Map(VOICE_LEXICON.flatMap((e) => e.forms.map((f) => [f, e] as const)));
