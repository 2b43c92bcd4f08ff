import type { RuleInfo } from '../core/rules.js';

/** The attribution stage's rules, in the order the finders try them. Data for `--explain`. */
export const ATTRIBUTION_RULES = [
  { name: 'according-to', reason: '"according to X" marks X as the source of the clause it attaches to', example: 'According to a Channel 12 report, the offer stands.' },
  { name: 'expectation', reason: 'a passive "expected to" with no agent is an expectation PolNeAR attributes to no one: subject and infinitive are the content', example: 'The bridge is expected to reopen in May.' },
  { name: 'asked-question', reason: 'a question put to the speaker by someone unnamed ("Asked whether …", "when asked about …"): no source, the question is the content', example: 'Asked whether she would run, the mayor smiled.' },
  { name: 'seeming', reason: 'a verb of seeming with no experiencer is the outlet\'s own reading of how things look; PolNeAR attributes it to no one: subject and complement are the content', example: 'The senator appeared to soften his stance.' },
  { name: 'in-poll', reason: 'a sentence opening "In <a poll>," or a clause closed by "in <a named poll>" reports the poll\'s finding: the poll is the source ("in the polls" alone is not)', example: 'In a county poll released Monday, the levy led by six points. The levy led by six points in a county poll released Monday.' },
  { name: 'reportedly', reason: 'a "reportedly" on a verb that is not a cue reports what unnamed others say: no source, the clause around it is the content', example: 'The club is reportedly spending $2 million on ads.' },
  { name: 'source-cue-content', reason: 'subject NP, cue verb, then the reported clause', example: 'An official said the talks failed.' },
  { name: 'source-tell-content', reason: 'telling verb: source, recipient, then the reported clause', example: 'An official told reporters that the talks failed.' },
  { name: 'source-directive-infinitive', reason: 'directive cue with an object and an infinitive', example: 'She urged him to resign.' },
  { name: 'source-cue-object', reason: 'evaluative cue whose content is its object', example: 'The ministry condemned the raid as a crime.' },
  { name: 'content-source-cue', reason: 'reported clause first, then source and cue', example: 'The talks failed, an official said.' },
  { name: 'content-cue-source', reason: 'inverted order: reported clause, cue, then source', example: '“We are ready,” said the minister.' },
  { name: 'passive-by', reason: 'a passive cue names its source after "by"; the subject is what was reported', example: 'The plan was first reported by the Post.' },
  { name: 'participle-cue', reason: 'a ", saying …" adjunct reports what the subject of its clause said', example: 'The army struck the town, saying it targeted rebels.' },
  { name: 'dash-credit', reason: 'a dash and a name after a quotation credit it', example: '“We were ignored.” ― Ana Ruiz' },
  { name: 'colon-paragraph', reason: 'a short "X added:" closing a paragraph hands the next paragraph to X', example: 'The governor added:\n\n“We will rebuild every road.”' },
  { name: 'colon-cue', reason: 'a speaker label and a colon introduce a transcript turn; mid-sentence, a name after a dash or "from" and a colon introduce the quotation that follows', example: 'SMITH: We will win. More from Jones: “The count is final.”' },
  { name: 'nested', reason: 'the cue lies inside the content of another attribution', example: 'Officials said the president told him to wait.' },
  { name: 'participle-outer-source', reason: 'a participial cue whose subject lies inside an earlier cue\'s reported clause speaks with that cue\'s source', example: 'She is noting the problems Sanders had, and saying he could not answer.' },
  { name: 'quote-continuation', reason: 'quoted sentences after a quote by the same speaker, with no new cue, continue the content', example: '“We won,” she said. “It was close.”' },
  { name: 'cue-auxiliaries', reason: 'auxiliaries, modals, negation and adverbs before a cue verb belong to the cue (hedges stay out)', example: 'The mayor has not said whether the bridge will close.' },
  { name: 'source-appositive', reason: 'a source after its cue takes the appositive that ends the sentence, and an open parenthesis closes', example: '“It held,” said Ana Ruiz, an engineer with the county.' },
  { name: 'source-name', reason: 'a source never starts inside a recognised name: the models read word by word and may open it mid-name', example: 'It is hard to judge North Korea\'s claims about the test.' },
  { name: 'dateline', reason: 'a dateline opening the sentence places the story and is no part of the reported content', example: 'WASHINGTON ― The deal is dead, the senator said.' },
  { name: 'main-clause', reason: 'a cue inside an opening subordinate clause has content only up to the comma where the main clause starts', example: 'Although the senator said the bill was flawed, her party voted for it.' },
  { name: 'nested-content', reason: 'a nested attribution\'s content ends where the content holding its cue ends: the outer quotation\'s close and its credit are not part of it', example: '‘The governor told the mayor that the bridge is safe,’ a city official said.' },
  { name: 'object-reading', reason: 'a verb that reports only with a clause ("maintained that", "responded that", "wrote that") read with a plain noun phrase names an act, not a report; dropped after the models', example: 'The mayor maintains a wide lead in the polls.' },
  { name: 'known-as-name', reason: '"known as" after a noun gives the name something goes by; no one is reported; dropped after the models', example: 'The hacker known as Guccifer was extradited.' },
  { name: 'attitude-adjective', reason: 'a linking verb and an adjective of attitude ("are afraid that", "was critical of", "made clear that") report what the subject thinks or feels; added after the models where no attribution holds the cue', example: 'Many growers are afraid that the frost will return.' },
  { name: 'stance-verb', reason: 'a verb of taking sides ("support", "back", "oppose", "favor", "prefer") reports its subject\'s stance toward its object; added after the models where no attribution holds the cue', example: 'About six in ten growers supported the levy.' },
  { name: 'when-asked', reason: 'a question put to someone by no one named ("when asked whether …", "was asked if …") is an attribution with no source; added after the models where no attribution holds the cue', example: 'When asked how she would fund the bridge, the mayor changed the subject.' },
  { name: 'seen-as', reason: 'a passive of perception with no agent ("is widely regarded as", "was billed as") reports how unnamed others see the subject: no source, the subject and the complement the content; added after the models', example: 'The growers union is widely regarded as the most militant in the valley.' },
  { name: 'speech-fallback', reason: 'a verb of saying no other reading took: a credit after a quotation whose source runs on past a restrictive modifier ("said a longtime adviser who asked not to be named"), an aside before the reported clause ("said, however, that"), a polled subject ("those surveyed said"); added after the models', example: '“It held,” said an engineer who inspected the bridge.' },
  { name: 'headline-label', reason: 'a headline label with a topic or an audience ("Obama on Climate Change:"), a lower-case word ("Clinton camp:") or a kicker before a dash credits the claim after its colon to the name in it; added after the models', example: 'Mayor on Flood Plan: \'We Will Rebuild Every Road\'' },
  { name: 'relative-pronoun', reason: 'a cue inside a relative clause reports the clause with its pronoun: "which" stands for what the content is about (not after a preposition: "in which he said")', example: 'The council approved the rules, which officials said will take effect in May.' },
  { name: 'coordinated-verb', reason: 'content stops before a verb coordinated with the cue: that verb is the source\'s next act', example: 'The senator said the bill was flawed and urged a vote against it.' },
] as const satisfies readonly RuleInfo[];

/** Rule names of the attribution stage. */
export type AttributionRuleName = (typeof ATTRIBUTION_RULES)[number]['name'];
