import { registerRules, type RuleInfo } from '../core/rules.js';

/** The entity stage's rules, with the reason and an example phrase for each. */
export const ENTITY_RULES: readonly RuleInfo[] = [
  { name: 'kb-name', reason: 'a name or alias from the actor knowledge base', example: 'Netanyahu' },
  { name: 'title-name', reason: 'a title before a capitalised name marks a person', example: 'Prime Minister Benjamin Netanyahu' },
  { name: 'capitalised-name', reason: 'a run of two to four capitalised words with no organisation or place word is a person name', example: 'Pat Caddell' },
  { name: 'surname', reason: 'a lone capitalised word equal to the last word of a full name in the text refers to that person', example: 'Caddell → Pat Caddell' },
  { name: 'org-head', reason: 'a capitalised run ending in an organisation word names an organisation', example: 'Likud Party' },
  { name: 'gov-head', reason: 'a capitalised run ending in a state-organ word names part of a government', example: 'Foreign Ministry' },
  { name: 'outlet-head', reason: 'a capitalised run ending in a news word, or followed by "news site", names an outlet', example: 'Jerusalem Post' },
  { name: 'acronym', reason: 'an all-capital word is an organisation; it joins an organisation whose initials it spells', example: 'DNC → Democratic National Committee' },
  { name: 'place', reason: 'a capitalised run with a geographic word, or a capital city, is a place', example: 'North Carolina' },
  { name: 'metonym', reason: 'a seat of government stands for the government', example: 'the Kremlin said' },
  { name: 'government-subject', reason: 'a country or capital as subject of a speech or action verb stands for its government', example: 'Israel said' },
  { name: 'demonym', reason: 'a nationality adjective refers to its country', example: 'Israeli prisons' },
  { name: 'party-group', reason: 'plural party or national nouns name a group', example: 'Democrats said' },
  { name: 'title-office', reason: 'an office title resolves through the knowledge base to its holder at the reference date, in the country named, hinted or in focus', example: 'the prime minister → Benjamin Netanyahu' },
  { name: 'title-unresolved', reason: 'an office title with no known holder stays an entity of its own', example: 'the governor' },
  { name: 'anonymous', reason: 'an unnamed source: determiner or number, modifiers, and a source noun', example: 'two senior American officials' },
  { name: 'anonymous-chain', reason: 'a definite plural unnamed source refers back to the last compatible unnamed group', example: 'the American officials' },
  { name: 'pronoun-subject', reason: 'a subject pronoun refers to the last person subject in its sentence, else the previous sentence\'s subject', example: 'He followed it up' },
  { name: 'pronoun-far-subject', reason: 'a subject pronoun with no antecedent in its sentence or the one before refers to the last subject of its gender up to five sentences back', example: 'Mr. Obama chalks up … ¶ “…,” he said' },
  { name: 'pronoun-possessive', reason: 'a possessive pronoun refers to the nearest person before it in the sentence', example: 'soften his policies' },
  { name: 'pronoun-object', reason: 'an object pronoun refers to the sentence subject when that is not the nearest person', example: 'asked Trump to keep assisting him' },
  { name: 'pronoun-plural', reason: '"they" refers to a plural group subject only', example: 'officials said they' },
  { name: 'first-person-author', reason: 'first person outside quotation marks and transcript turns is the article\'s author (the byline where known)', example: 'the experts I interviewed' },
  { name: 'first-person-speaker', reason: 'a first-person source inside a quotation is the quoted speaker', example: '“What I would say is …,” Earnest said' },
  { name: 'description-title', reason: 'a definite person role refers to the last person named with that title', example: 'Sen. Bernie Sanders … the Vermont senator said' },
  { name: 'nominee-title', reason: 'a party\'s nominee or running mate with no nominee named before resolves through the knowledge base to its presidential ticket at the reference date', example: 'the GOP nominee (September 2016) → Donald Trump' },
  { name: 'description-head', reason: 'a definite organisation noun refers to the last organisation whose name holds it', example: 'the Commission on Presidential Debates … the commission said' },
  { name: 'description-kind', reason: 'a generic company or outlet noun refers to the last company or outlet named', example: 'Wells Fargo … the company said' },
  { name: 'they-group', reason: 'a "they" source with no entity before it speaks for the last plural common-noun subject, as an unnamed group', example: 'The protesters marched. They said' },
  { name: 'pronoun-it', reason: '"it" after a speech verb refers to the organisation or government subject', example: 'Israel said it' },
  { name: 'source-document', reason: 'a document noun heads the source; its author is the entity', example: 'a Channel 12 report' },
  { name: 'source-media', reason: 'generic media name no outlet', example: 'US media reported' },
  { name: 'source-new-name', reason: 'a capitalised source not seen by the entity stage becomes a new entity', example: 'Jane Roe said' },
  { name: 'speaker-surname', reason: 'a lone capitalised word the recogniser could not type, never written in lower case, that speaks is a surname', example: 'Pate said' },
  { name: 'outlet-credit', reason: 'the credited outlet on the page', example: 'Times of Israel (credit line)' },
];

registerRules('entities', ENTITY_RULES);
registerRules('model', [
  { name: 'name-types', reason: 'the name typer (trained on CoreNLP\'s silver names of PolNeAR train) retyped a name the recogniser had typed by its heuristics', example: 'a march in Oakland (other → location)' },
]);

/** The `rule` value written on annotations: `entities:<name>`. */
export const ruleId = (name: string): string => `entities:${name}`;
