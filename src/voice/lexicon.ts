/**
 * Loaded and evaluative words. The kinds follow the editorial "words to watch" that style guides
 * give reporters: charged labels, dramatising verbs, evaluative and intensifying words, puffery,
 * editorialising adverbs, distancing modifiers, and verbs of saying that carry the writer's doubt.
 * Whose voice a word is in is decided per occurrence, from the attributions around it.
 */

/** What kind of judgement a word carries. */
export type VoiceKind = 'label' | 'verb' | 'evaluative' | 'puffery' | 'editorial' | 'distancing' | 'stance-cue';

/** A loaded or evaluative lexicon entry: data with a reason and an example. */
export interface VoiceEntry {
  /** Lower-case word forms; two words separated by a space for a phrase ("war crime"). */
  forms: string[];
  /** Strongly loaded (a charged label) vs. mildly evaluative. */
  loaded: boolean;
  kind: VoiceKind;
  /**
   * The part of speech a form must be tagged with to count (`JJ` adjectives, `VB` verbs, `RB`
   * adverbs, `NN` nouns; a prefix of the tag): "brutal" only as an adjective, "smear" only as a verb.
   */
  pos?: 'JJ' | 'VB' | 'RB' | 'NN';
  /** Words before a form that make it literal or technical ("tax regime", "charged with murder"). */
  notAfter?: string[];
  /** Words after a form that make it literal ("slammed into a wall", "blasted through"). */
  notBefore?: string[];
  reason: string;
  example: string;
}

/** Words whose use reveals a stance; whose voice they are in is decided per occurrence. */
export const VOICE_LEXICON: readonly VoiceEntry[] = [
  { kind: 'label', forms: ['murder', 'murdered', 'murders', 'murdering', 'murderer', 'murderers', 'murderous'], loaded: true, notAfter: ['with', 'of', 'for', 'attempted', 'degree'], reason: 'labels a killing as a crime', example: 'troops murdered ten people' },
  { kind: 'label', forms: ['massacre', 'massacres', 'massacred', 'slaughter', 'slaughtered', 'butchered', 'butcher'], loaded: true, reason: 'labels a killing as an atrocity', example: 'the massacre of villagers' },
  { kind: 'label', forms: ['terrorist', 'terrorists', 'terror', 'terrorism'], loaded: true, reason: 'a contested label for armed actors', example: 'the terrorists were armed' },
  { kind: 'label', forms: ['regime', 'regimes'], loaded: true, notAfter: ['tax', 'sanctions', 'visa', 'trade', 'regulatory', 'inspection', 'pension', 'tariff', 'fiscal', 'legal', 'export', 'import', 'licensing', 'safety', 'training', 'exercise', 'treatment', 'drug', 'dosing', 'currency', 'exchange-rate', 'monetary'], reason: 'delegitimising word for a government', example: 'the fall of the regime' },
  { kind: 'verb', forms: ['slammed', 'slams', 'slam', 'blasted', 'blasts', 'ripped', 'rips', 'torched', 'eviscerated', 'lashed out'], loaded: true, pos: 'VB', notBefore: ['into', 'against', 'through', 'across', 'onto', 'ashore', 'apart', 'open', 'shut', 'off', 'down', 'up'], reason: 'dramatising verb for criticism', example: 'the senator slammed the bill' },
  { kind: 'label', forms: ['thug', 'thugs', 'militant', 'militants', 'extremist', 'extremists', 'radical', 'radicals', 'jihadist', 'jihadists', 'islamist', 'islamists', 'fanatic', 'fanatics'], loaded: true, reason: 'charged label for a group', example: 'radical activists' },
  // "crime" and "criminal" alone are the neutral words of crime reporting ("violent crime", "a criminal complaint").
  { kind: 'label', forms: ['aggression', 'atrocity', 'atrocities', 'genocide', 'war crime', 'war crimes', 'occupier', 'occupiers', 'invaders', 'invasion'], loaded: true, reason: 'charged legal or moral label', example: 'a war crime' },
  { kind: 'distancing', forms: ['so-called', 'alleged', 'self-proclaimed', 'self-styled', 'self-declared', 'notorious', 'infamous', 'disgraced', 'embattled'], loaded: true, reason: 'distancing or discrediting modifier', example: 'the so-called peace plan' },
  // "eliminated" is mostly literal in news ("eliminate 500 jobs", "eliminated from the cup").
  { kind: 'label', forms: ['neutralized', 'neutralised', 'liquidated'], loaded: true, reason: 'euphemism for killing', example: 'the fighters were neutralized' },
  { kind: 'evaluative', forms: ['hostile', 'dangerous', 'deadly', 'brutal', 'barbaric', 'savage', 'heinous', 'evil', 'vile', 'outrageous', 'shameful', 'disgraceful'], loaded: true, reason: 'strong evaluative adjective', example: 'a brutal crackdown' },
  { kind: 'evaluative', forms: ['inappropriately', 'controversial', 'controversially', 'widespread', 'unprecedented', 'radically', 'slashing', 'bombshell', 'explosive', 'stunning', 'shocking', 'chaos', 'chaotic', 'crisis', 'debacle', 'fiasco', 'scandal'], loaded: false, reason: 'evaluative or dramatising word', example: 'a controversial decision' },
  { kind: 'stance-cue', forms: ['claimed', 'claims', 'insisted', 'admitted', 'conceded', 'boasted'], loaded: false, reason: 'cue verb that signals the writer’s doubt or stance', example: 'he claimed he was innocent' },
  // Added in the session that first measured this layer (our gold found 2 of 51 words); the
  // categories are the style guides', the words the common ones of each.
  { kind: 'label', forms: ['propaganda', 'hoax', 'witch hunt', 'witch-hunt', 'bigot', 'bigots', 'bigoted', 'racist', 'racists', 'fascist', 'fascists', 'traitor', 'traitors', 'treasonous', 'liar', 'liars', 'cronies', 'cronyism', 'puppet', 'stooge', 'stooges', 'zealot', 'zealots', 'demagogue', 'demagogues', 'coup', 'power grab', 'cover-up', 'whitewash'], loaded: true, reason: 'contested label that passes judgement on a person, group or act', example: 'critics called the inquiry a witch hunt' },
  { kind: 'verb', forms: ['hammered', 'savaged', 'skewered', 'lambasted', 'lambastes', 'berated', 'mocked', 'ridiculed', 'trashed', 'bashed', 'fumed', 'raged', 'railed', 'ranted', 'seethed', 'caved', 'capitulated', 'gloated', 'whined', 'smeared', 'stonewalled', 'bragged', 'scoffed', 'sneered', 'grilled'], loaded: true, pos: 'VB', reason: 'dramatising verb for what someone said or did', example: 'the minister fumed at reporters' },
  { kind: 'evaluative', forms: ['disastrous', 'catastrophic', 'horrific', 'horrendous', 'appalling', 'atrocious', 'abhorrent', 'despicable', 'deplorable', 'disgusting', 'reprehensible', 'reckless', 'irresponsible', 'incompetent', 'ridiculous', 'absurd', 'ludicrous', 'preposterous', 'pathetic', 'sleazy', 'terrible', 'awful', 'horrible', 'dreadful', 'sinister', 'nefarious', 'draconian', 'cruel', 'callous', 'ruthless', 'vicious', 'dishonest', 'hateful', 'xenophobic', 'fanatical', 'corrupt', 'sloppy', 'shoddy', 'inept', 'hypocritical', 'cynical', 'insulting', 'insult', 'betrayal', 'disgrace', 'cheap shot'], loaded: true, reason: 'strong judgement of a person, act or thing', example: 'a reckless decision' },
  { kind: 'evaluative', forms: ['troubled', 'beleaguered', 'struggling', 'ailing', 'crumbling', 'bloated', 'lavish', 'staggering', 'whopping', 'dismal', 'lackluster', 'lacklustre', 'disappointing', 'impressive', 'remarkable', 'fragile', 'flawed', 'misguided', 'naive', 'unfair', 'unjust', 'unreasonable', 'foolish', 'baseless', 'dubious', 'questionable', 'bizarre', 'harsh', 'scathing', 'blistering', 'furious', 'fierce', 'bitter', 'stark', 'grim', 'gamble', 'standoff', 'showdown', 'turmoil', 'uproar', 'backlash', 'firestorm', 'bombshell', 'meltdown'], loaded: false, reason: 'evaluative or dramatising word a neutral report could do without', example: 'a dismal quarter' },
  { kind: 'puffery', forms: ['legendary', 'iconic', 'visionary', 'world-class', 'brilliant', 'genius', 'masterpiece', 'extraordinary', 'incredible', 'amazing', 'spectacular', 'magnificent', 'stellar', 'heroic', 'historic', 'groundbreaking', 'revolutionary', 'beloved', 'celebrated', 'acclaimed', 'renowned', 'beautiful', 'wonderful', 'terrific', 'fantastic', 'outstanding', 'admired'], loaded: false, pos: 'JJ', reason: 'praise in place of a fact (puffery)', example: 'the legendary coach' },
  { kind: 'editorial', forms: ['clearly', 'obviously', 'fortunately', 'unfortunately', 'tragically', 'sadly', 'surprisingly', 'interestingly', 'ironically', 'inevitably', 'arguably', 'undoubtedly', 'admittedly', 'remarkably', 'shockingly', 'notably'], loaded: false, pos: 'RB', reason: 'an adverb that tells the reader what to think of the fact (editorialising)', example: 'the council finally acted' },
  { kind: 'distancing', forms: ['purported', 'purportedly', 'supposed', 'supposedly', 'apparent', 'self-described', 'would-be'], loaded: false, pos: 'JJ', reason: 'modifier that casts doubt on what it qualifies', example: 'the purported leak' },
  { kind: 'stance-cue', forms: ['claim', 'claiming', 'insists', 'insisting', 'admits', 'admitting', 'concedes', 'conceding', 'boasts', 'boasting', 'bragged', 'brags', 'touted', 'touts', 'asserted', 'asserts', 'contended', 'contends', 'acknowledged', 'acknowledges', 'confessed', 'revealed', 'conceded'], loaded: false, pos: 'VB', reason: 'verb of saying that signals the writer’s doubt or stance (“claimed” against “said”)', example: 'the company insisted its data was safe' },
];

/** First words of the two-word forms ("war" of "war crime"): only these look at the next word. */
export const VOICE_PAIR_STARTS: ReadonlySet<string> = new Set(VOICE_LEXICON.flatMap((e) => e.forms.filter((f) => f.includes(' ')).map((f) => f.split(' ')[0]!)));

/** Form → entry (the first entry listing a form wins). */
export const VOICE_BY_FORM: ReadonlyMap<string, VoiceEntry> = (() => {
  const m = new Map<string, VoiceEntry>();
  for (const e of VOICE_LEXICON) for (const f of e.forms) if (!m.has(f)) m.set(f, e);
  return m;
})();
