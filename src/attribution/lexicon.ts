/**
 * Cue lexicon: verbs and phrases that introduce reported speech or writing. Data, not code: each
 * entry has the frames it takes, a reason and an example phrase.
 */

/** How a cue verb takes its content. */
export type CueFrame =
  /** "X said (that) Y", "Y, X said", "X said: Y". */
  | 'speech'
  /** "X told Z (that) Y" — a recipient object comes before the content. */
  | 'tell'
  /** "X urged Z to V", "X called for Z to V" — the content is an object + infinitive. */
  | 'directive'
  /** "X condemned Z as …", "X questioned why …" — the content is the object. */
  | 'object';

/** One cue lemma with its inflected forms. */
export interface CueEntry {
  lemma: string;
  forms: string[];
  frame: CueFrame;
  /** A particle that belongs to the cue ("call for", "point out"). */
  particle?: string;
  /** Only a cue when a that-clause follows ("agreed that …", not "agreed to meet"). */
  thatOnly?: boolean;
  /**
   * Reports a belief or attitude rather than words: kept only when not inside another
   * attribution's content (a belief reported within a report is part of what was reported).
   */
  outermostOnly?: boolean;
  reason: string;
  example: string;
}

function regular(lemma: string, past?: string, ing?: string, third?: string): string[] {
  const e = lemma.endsWith('e');
  const y = /[^aeiou]y$/.test(lemma);
  return [
    lemma,
    third ?? (y ? lemma.slice(0, -1) + 'ies' : /(s|sh|ch|x)$/.test(lemma) ? lemma + 'es' : lemma + 's'),
    past ?? (e ? lemma + 'd' : y ? lemma.slice(0, -1) + 'ied' : lemma + 'ed'),
    ing ?? (e && !lemma.endsWith('ee') ? lemma.slice(0, -1) + 'ing' : lemma + 'ing'),
  ];
}

const speech = (lemma: string, example: string, forms = regular(lemma)): CueEntry =>
  ({ lemma, forms, frame: 'speech', reason: 'verb of saying or writing that takes reported content', example });

/** The cue lexicon. */
export const CUES: readonly CueEntry[] = [
  speech('say', 'the minister said the talks failed', ['say', 'says', 'said', 'saying']),
  speech('add', '"We are ready," she added'),
  speech('state', 'the ministry stated that no one was hurt'),
  speech('claim', 'he claimed the vote was rigged'),
  speech('note', 'the report noted that prices rose'),
  speech('explain', 'she explained that the deal was off'),
  speech('write', 'the senator wrote in a letter that…', ['write', 'writes', 'wrote', 'writing', 'written']),
  speech('announce', 'the army announced it had withdrawn'),
  speech('acknowledge', 'officials acknowledged the error'),
  speech('admit', 'he admitted that he lied', ['admit', 'admits', 'admitted', 'admitting']),
  speech('deny', 'the company denied that it paid'),
  speech('argue', 'critics argue that the plan fails'),
  speech('insist', 'the government has insisted that rebels disarm'),
  speech('respond', 'the mayor responded that he was busy'),
  speech('reply', 'she reportedly replied that it was late'),
  speech('suggest', 'he suggested he may resign'),
  speech('hint', 'hinting that a deal was near'),
  speech('contend', 'lawyers contend the law is void'),
  speech('assert', 'the group asserted that it was innocent'),
  speech('declare', 'the court declared the law void'),
  speech('confirm', 'the police confirmed that two died'),
  speech('reveal', 'the documents revealed that…'),
  speech('predict', 'analysts predicted a recession'),
  speech('concede', 'he conceded that he erred'),
  speech('complain', 'residents complained that the water was dirty'),
  speech('recall', 'she recalled that the room was cold'),
  speech('tweet', 'the president tweeted that…', ['tweet', 'tweets', 'tweeted', 'tweeting']),
  speech('testify', 'the witness testified that…'),
  speech('maintain', 'he maintains that he is innocent'),
  speech('stress', 'the envoy stressed that talks continue'),
  speech('emphasize', 'she emphasized the risks'),
  speech('observe', 'one analyst observed that…'),
  speech('mention', 'he mentioned that he was tired'),
  speech('allege', 'the suit alleges that the firm lied'),
  speech('charge', 'critics charged that the vote was unfair'),
  speech('promise', 'the leader promised that taxes would fall'),
  speech('pledge', 'he pledged to cut taxes', ['pledge', 'pledges', 'pledged', 'pledging']),
  speech('vow', 'the rebels vowed to fight on'),
  speech('estimate', 'economists estimate that growth slowed'),
  speech('conclude', 'the study concluded that…'),
  speech('find', 'the poll found that most voters…', ['find', 'finds', 'found', 'finding']),
  speech('show', 'polls show the race tightening', ['show', 'shows', 'showed', 'shown', 'showing']),
  speech('report', 'the news site reported that the call was tense'),
  speech('comment', 'he commented that it was odd'),
  speech('joke', 'she joked that she was tired'),
  speech('boast', 'he boasted that crowds were huge'),
  speech('point', 'she pointed out that…', ['point', 'points', 'pointed', 'pointing']),
  speech('cite', 'the campaign cited a poll'),
  speech('echo', 'others echoed the claim', ['echo', 'echoes', 'echoed', 'echoing']),
  { ...speech('agree', 'the senator agreed that the bill was flawed'), thatOnly: true },
  speech('describe', 'he described the raid as a success'),
  ...(['believe', 'think', 'feel', 'know', 'want', 'expect', 'hope', 'fear', 'worry', 'learn', 'understand', 'doubt', 'suspect', 'assume', 'insist'] as const).map((lemma): CueEntry => ({
    lemma,
    forms: ({ think: ['think', 'thinks', 'thought', 'thinking'], feel: ['feel', 'feels', 'felt', 'feeling'], know: ['know', 'knows', 'knew', 'known'],
      understand: ['understand', 'understands', 'understood'], learn: ['learn', 'learns', 'learned', 'learnt'], worry: ['worry', 'worries', 'worried'] } as Record<string, string[]>)[lemma] ?? regular(lemma),
    frame: 'speech', outermostOnly: true, reason: 'verb of belief or attitude attributing a view to its subject', example: 'most voters believe the economy is weak',
  })).filter((e) => e.lemma !== 'insist'),
  { lemma: 'call', forms: regular('call'), frame: 'object', reason: 'naming someone or something ("called the plan a disaster")', example: 'she called the plan “a disaster”' },
  { lemma: 'blast', forms: regular('blast'), frame: 'object', reason: 'harsh public criticism with an object', example: 'the senator blasted the deal' },
  { lemma: 'attack', forms: regular('attack'), frame: 'object', outermostOnly: true, reason: 'verbal attack on a person or claim (physical attacks are rarely followed by "as" or a quote)', example: 'he attacked her record on trade' },
  { lemma: 'decline', forms: regular('decline'), frame: 'speech', reason: '"declined to comment" reports a response', example: 'a spokesman declined to comment' },
  { lemma: 'refuse', forms: regular('refuse'), frame: 'speech', reason: 'refusal to say or do something, as reported', example: 'she refused to say whether…' },
  { lemma: 'tell', forms: ['tell', 'tells', 'told', 'telling'], frame: 'tell', reason: 'telling verb: a recipient, then the content', example: 'an official told reporters that the call was tense' },
  { lemma: 'inform', forms: regular('inform'), frame: 'tell', reason: 'telling verb with a recipient', example: 'the ministry informed the envoy that…' },
  { lemma: 'assure', forms: regular('assure'), frame: 'tell', reason: 'telling verb with a recipient', example: 'he assured voters that taxes would fall' },
  { lemma: 'warn', forms: regular('warn'), frame: 'tell', reason: 'warning: an optional recipient, then content or against-phrase', example: 'the president warned Israel against escalation' },
  { lemma: 'remind', forms: regular('remind'), frame: 'tell', reason: 'telling verb with a recipient', example: 'she reminded them that…' },
  { lemma: 'urge', forms: regular('urge'), frame: 'directive', reason: 'directive speech act: recipient + infinitive', example: 'urging him to grant clemency' },
  { lemma: 'call', forms: regular('call'), frame: 'directive', particle: 'for', reason: '"call for" a thing or for someone to do it', example: 'he called for the minister to be pardoned' },
  { lemma: 'call', forms: regular('call'), frame: 'directive', particle: 'on', reason: '"call on" someone to do something', example: 'she called on Congress to act' },
  { lemma: 'ask', forms: regular('ask'), frame: 'directive', reason: 'request: recipient + infinitive or a question', example: 'he asked the court to delay' },
  { lemma: 'press', forms: regular('press'), frame: 'directive', reason: 'pressing someone to act is a directive speech act', example: 'the envoy pressed the rebels to disarm' },
  { lemma: 'pressure', forms: regular('pressure'), frame: 'directive', reason: 'pressuring someone to act is a directive speech act', example: 'she pressured him to be a better partner' },
  { lemma: 'encourage', forms: regular('encourage'), frame: 'directive', reason: 'directive speech act', example: 'he encouraged voters to turn out' },
  { lemma: 'demand', forms: regular('demand'), frame: 'directive', reason: 'directive speech act; also takes a that-clause', example: 'protesters demanded that he resign' },
  { lemma: 'question', forms: regular('question'), frame: 'object', reason: 'questioning a claim or asking why', example: 'questioning why the prisoners were killed' },
  { lemma: 'condemn', forms: regular('condemn'), frame: 'object', reason: 'public condemnation is an evaluative speech act with an object', example: 'the ministry condemned the raid as a crime' },
  { lemma: 'criticize', forms: regular('criticize'), frame: 'object', reason: 'public criticism with an object', example: 'she criticized the plan as reckless' },
  { lemma: 'accuse', forms: regular('accuse'), frame: 'object', reason: 'accusation: an object and what it is accused of', example: 'the party accused him of lying' },
];

/** Form → cue entries (a form can belong to several, e.g. "called" for/on). */
export const CUE_BY_FORM: ReadonlyMap<string, readonly CueEntry[]> = (() => {
  const m = new Map<string, CueEntry[]>();
  for (const c of CUES) for (const f of c.forms) m.set(f, [...(m.get(f) ?? []), c]);
  return m;
})();

/** Adverbs that hedge the report ("reportedly said"). */
export const HEDGES = new Set(['reportedly', 'allegedly', 'apparently', 'purportedly', 'supposedly', 'seemingly', 'reputedly', 'ostensibly']);

/** Words allowed between a source and its cue ("X has also said", "X later told"). */
export const CUE_GAP_WORDS = new Set([
  'has', 'have', 'had', 'also', 'later', 'previously', 'then', 'again', 'once', 'recently', 'further', 'publicly',
  'repeatedly', 'privately', 'quickly', 'often', 'frequently', 'earlier', 'separately', 'formally', 'explicitly',
  'reportedly', 'allegedly', 'apparently', 'purportedly', 'supposedly', 'would', 'will', 'could', 'may', 'might',
  'did', 'does', 'do', 'is', 'was', 'were', 'are', 'been', 'being', 'be', 'not', 'never', 'personally', 'first',
  'both', 'all', 'simply', 'flatly', 'angrily', 'bluntly', 'openly', 'clearly', 'even', 'just', 'only', 'still',
]);

/**
 * Words before a cue verb that belong to the cue: auxiliaries and negation ("has not said",
 * "did not address"). PolNeAR marks them inside the cue (in train, "has" 746 times inside against
 * 7 outside), and adverbs and modals likewise ("also" 288:21, "would" 102:1).
 */
export const CUE_PREFIX_WORDS = new Set([
  'has', 'have', 'had', 'having', 'is', 'was', 'are', 'were', 'be', 'been', 'being', 'am', 'does', 'do', 'did',
  'not', "n't", 'n’t', 'never',
]);

/** Adverbs that stay outside a cue before it: they attach to the clause, not the verb ("so", "here"). */
export const CUE_PREFIX_STOP = new Set(['so', 'here', 'there', 'instead', 'however', 'thus', 'therefore', 'meanwhile', 'according']);

/** Nouns that make an NP a document source ("a Channel 12 report"). */
export const DOCUMENT_NOUNS = new Set([
  'report', 'reports', 'letter', 'letters', 'post', 'posts', 'statement', 'statements', 'study', 'studies', 'poll', 'polls',
  'survey', 'surveys', 'memo', 'memos', 'tweet', 'tweets', 'document', 'documents', 'filing', 'filings', 'complaint',
  'lawsuit', 'suit', 'analysis', 'data', 'figures', 'records', 'transcript', 'email', 'emails', 'cable', 'article',
  'editorial', 'op-ed', 'column', 'release', 'ruling', 'indictment', 'investigation', 'audit', 'estimate', 'estimates', 'video',
]);

/** Participial cues that attach to the subject of the clause they follow (", saying that …"). */
export const PARTICIPLE_CUES = new Set(['saying', 'adding', 'telling', 'questioning', 'hinting', 'suggesting', 'arguing', 'noting',
  'urging', 'insisting', 'warning', 'claiming', 'stating', 'explaining', 'writing', 'asking', 'calling', 'declaring', 'citing',
  'accusing', 'announcing', 'acknowledging', 'promising', 'vowing', 'pressing', 'demanding', 'stressing', 'complaining', 'describing',
  'denying', 'pointing', 'predicting', 'confirming', 'contending', 'asserting', 'charging', 'alleging', 'responding', 'replying']);
