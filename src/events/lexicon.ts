import type { PloverType } from '../core/types.js';

/** One trigger of the PLOVER lexicon. */
export interface TriggerRule {
  /** Rule name, `TYPE:words`. */
  name: string;
  /** Lemma or phrase; for verbs the first word is inflected ("call for" → "called for"). */
  words: string;
  pos: 'verb' | 'noun';
  type: PloverType;
  mode: string | null;
  context: string | null;
  reason: string;
  example: string;
  /** The previous word must be one of these (lower case). */
  prev?: readonly string[];
  /** The previous word must not be one of these. */
  notPrev?: readonly string[];
  /** The next word must not be one of these. */
  notNext?: readonly string[];
  /**
   * One of these words must come within the next four words of the same sentence: the sense of a
   * verb with many ("launched an attack", not "launched a product"; "released the hostages", not
   * "released a statement").
   */
  objects?: readonly string[];
}

const ATTACK_OBJECTS = ['attack', 'attacks', 'strike', 'strikes', 'airstrike', 'airstrikes', 'offensive', 'counteroffensive', 'raid', 'raids', 'assault',
  'missile', 'missiles', 'rocket', 'rockets', 'bombing', 'bombings', 'invasion', 'incursion', 'fire', 'artillery', 'shells', 'drone', 'drones', 'war', 'operation', 'operations', 'ambush'];
const CAPTIVE_OBJECTS = ['hostage', 'hostages', 'prisoner', 'prisoners', 'detainee', 'detainees', 'captive', 'captives', 'him', 'her', 'them', 'activist', 'activists',
  'journalist', 'journalists', 'soldier', 'soldiers', 'sailors', 'crew', 'inmates', 'fishermen', 'citizens', 'nationals', 'dissidents', 'protesters', 'suspects', 'opposition'];

/** Why each PLOVER category's triggers belong to it (PLOVER manual, CAMEO roots in brackets). */
const REASONS: Record<PloverType, string> = {
  AGREE: 'expresses intent or commitment to cooperate: agree, offer, promise, propose (CAMEO 03)',
  CONSULT: 'talks, calls, visits, meetings, mediation (CAMEO 04)',
  SUPPORT: 'verbal or diplomatic support: praise, endorse, defend, apologise, sign, recognise (CAMEO 05)',
  COOPERATE: 'material cooperation: share intelligence, extradite, cooperate (CAMEO 06)',
  AID: 'material aid: send, donate, deliver, grant asylum, evacuate (CAMEO 07)',
  CONCEDE: 'yields to demands: ease or lift restrictions, release, call off (CAMEO 08)',
  RETREAT: 'withdraws, demobilises, declares a ceasefire, resigns (CAMEO 08 military)',
  REQUEST: 'asks, demands, urges, appeals (CAMEO 02 and 10; PLOVER 0.5 DEMAND)',
  ACCUSE: 'criticises, condemns, accuses, investigates (CAMEO 09 and 11; PLOVER 0.5 DISAPPROVE, INVESTIGATE)',
  REJECT: 'rejects, refuses, vetoes, opposes (CAMEO 12)',
  THREATEN: 'threatens or warns of a negative act (CAMEO 13)',
  PROTEST: 'demonstrations, strikes, riots, boycotts (CAMEO 14)',
  SANCTION: 'reduces relations or aid: sanctions, embargoes, cancels, halts aid (CAMEO 16)',
  MOBILIZE: 'exhibits or moves force: deploys, mobilises, puts on alert (CAMEO 15)',
  COERCE: 'coercion short of violence: arrests, seizes, bans, blockades, deports (CAMEO 17)',
  ASSAULT: 'violence: attacks, strikes, kills, wounds, fights (CAMEO 18–20; PLOVER 0.5 FIGHT)',
};

type Row = [words: string, pos: 'v' | 'n', mode: string | null, context: string | null, example: string, extra?: Partial<TriggerRule>];

const DET_PREV = ['a', 'an', 'the', 'phone', 'telephone', 'this', 'that', 'their', 'his', 'her', 'its', 'future', 'monday', 'tuesday',
  'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'weekly', 'video', 'conference', 'recent', 'first', 'second', 'latest'];
const STRIKE_PROTEST = ['hunger', 'general', 'labor', 'labour', 'national', 'nationwide', 'workers', 'teachers', 'doctors', 'rail', 'one-day', 'two-day', 'three-day', 'four-day', '24-hour', '48-hour'];

const TABLE: Record<PloverType, Row[]> = {
  AGREE: [
    ['agree', 'v', null, null, 'Jordan and Britain have agreed to hold exercises'],
    ['promise', 'v', null, null, 'the minister promised to reopen the border'],
    ['pledge', 'v', null, null, 'donors pledged to rebuild the port'],
    ['offer', 'v', null, null, 'Egypt offered to host the talks'],
    ['propose', 'v', null, null, 'Qatar proposed a new truce'],
    ['accept', 'v', null, null, 'the council accepted the plan'],
    ['consent', 'v', null, null, 'the regent consented to the inquiry'],
    ['commit', 'v', null, null, 'both sides committed to a timetable', { objects: ['to'] }],
    ['allow', 'v', null, null, 'the ministry said it would allow inspectors back'],
    ['reach agreement', 'v', null, null, 'the parties reached agreement on water'],
    ['reach consensus', 'v', null, null, 'the delegations reached a consensus'],
    ['reach a deal', 'v', null, null, 'the two firms reached a deal'],
    ['ready to', 'n', null, null, 'Norway is ready to send engineers'],
    ['willing to', 'n', null, null, 'the rebels are willing to disarm'],
    ['proposal', 'n', null, null, 'the government conveyed a proposal to the union'],
    ['offer', 'n', null, null, 'an offer of talks'],
    ['pledge', 'n', null, null, 'a pledge of neutrality'],
    ['consensus', 'n', null, null, 'a consensus on borders'],
  ],
  CONSULT: [
    ['meet', 'v', 'meet', 'diplomatic', 'the envoys met in Geneva'],
    ['talk', 'v', null, 'diplomatic', 'the ministers talked by video'],
    ['discuss', 'v', null, 'diplomatic', 'they discussed the border'],
    ['negotiate', 'v', null, 'diplomatic', 'mediators tried to negotiate a truce'],
    ['consult', 'v', null, 'diplomatic', 'the chancellor consulted allies'],
    ['visit', 'v', 'visit', 'diplomatic', 'the president will visit Ankara'],
    ['telephone', 'v', 'phone', 'diplomatic', 'the minister telephoned his counterpart'],
    ['phone', 'v', 'phone', 'diplomatic', 'the premier phoned the king'],
    ['host', 'v', 'host', 'diplomatic', 'Oman hosted the delegations'],
    ['mediate', 'v', 'multilateral', 'diplomatic', 'Qatar mediated between the parties'],
    ['confer', 'v', null, 'diplomatic', 'the generals conferred'],
    ['arrive in', 'v', 'visit', 'diplomatic', 'the king arrived in Amman'],
    ['travel to', 'v', 'visit', 'diplomatic', 'he may travel to Washington'],
    ['hold talks', 'v', null, 'diplomatic', 'the envoys held talks'],
    ['phone call', 'n', 'phone', 'diplomatic', 'during a phone call between the two leaders'],
    ['call', 'n', 'phone', 'diplomatic', 'the call came a day later', { prev: DET_PREV, notNext: ['for', 'on', 'off', 'to'] }],
    ['conversation', 'n', 'phone', 'diplomatic', 'a conversation with the envoy'],
    ['meeting', 'n', 'meet', 'diplomatic', 'a meeting in Paris'],
    ['talks', 'n', null, 'diplomatic', 'talks on the border'],
    ['negotiations', 'n', null, 'diplomatic', 'renewed negotiations on a pullback'],
    ['summit', 'n', 'meet', 'diplomatic', 'a summit in Brussels'],
    ['visit', 'n', 'visit', 'diplomatic', 'during his visit to Rome'],
    ['mediation', 'n', 'multilateral', 'diplomatic', 'a mediation mission'],
    ['welcome', 'n', 'host', 'diplomatic', 'gave a warm welcome to the premier'],
  ],
  SUPPORT: [
    ['praise', 'v', null, 'diplomatic', 'the president praised the new leader'],
    ['support', 'v', null, null, 'the bloc will support the bid'],
    ['back', 'v', null, null, 'a pardon the president has backed', { notNext: ['to', 'down', 'off', 'away', 'in'] }],
    ['endorse', 'v', null, null, 'the party endorsed the candidate'],
    ['welcome', 'v', null, 'diplomatic', 'the cabinet welcomed the statement'],
    ['defend', 'v', null, null, 'the leader defended the allies against criticism'],
    ['commend', 'v', null, null, 'the envoy commended the mediators'],
    ['applaud', 'v', null, null, 'the council applauded the vote'],
    ['hail', 'v', null, null, 'the minister hailed the deal'],
    ['laud', 'v', null, null, 'the paper lauded the court'],
    ['thank', 'v', null, null, 'the premier thanked the donors'],
    ['congratulate', 'v', null, null, 'the king congratulated the winner'],
    ['apologize', 'v', null, null, 'the navy apologized to the fishermen'],
    ['apologise', 'v', null, null, 'the navy apologised to the fishermen'],
    ['forgive', 'v', null, null, 'the family forgave the driver'],
    ['sign', 'v', null, 'diplomatic', 'the leaders signed a treaty'],
    ['recognize', 'v', null, 'diplomatic', 'the state recognized the new government'],
    ['recognise', 'v', null, 'diplomatic', 'the state recognised the new government'],
    ['upgrade', 'v', null, 'diplomatic', 'the two states upgraded their ties'],
    ['restore ties', 'v', null, 'diplomatic', 'the neighbours restored ties'],
    ['praise', 'n', null, 'diplomatic', 'praise for the mediators'],
    ['apology', 'n', null, null, 'an apology to the villagers'],
    ['endorsement', 'n', null, null, 'an endorsement of the plan'],
  ],
  COOPERATE: [
    ['cooperate', 'v', null, null, 'the agencies cooperated on the case'],
    ['collaborate', 'v', null, null, 'the labs collaborated'],
    ['share', 'v', null, null, 'the services have been sharing expertise'],
    ['extradite', 'v', null, 'legal', 'the court extradited the suspect'],
    ['cooperation', 'n', null, null, 'security cooperation'],
    ['extradition', 'n', null, 'legal', 'the extradition of the suspect'],
  ],
  AID: [
    ['aid', 'v', null, 'economic', 'the agency aided the survivors'],
    ['donate', 'v', null, 'economic', 'the groups donated medicine'],
    ['deliver', 'v', null, 'economic', 'the convoy delivered food'],
    ['send', 'v', null, null, 'the state continued to send arms'],
    ['provide', 'v', null, null, 'the bank will provide loans'],
    ['grant', 'v', null, null, 'the embassy granted asylum'],
    ['evacuate', 'v', null, 'refugee', 'helicopters evacuated the wounded'],
    ['supply', 'v', null, null, 'the allies supplied fuel'],
    ['fund', 'v', null, 'economic', 'the fund financed the clinic'],
    ['contribute', 'v', null, null, 'the state is ready to contribute troops'],
    ['hand over', 'v', null, null, 'the doctors handed over medicine'],
    ['assist', 'v', null, null, 'to continue assisting him'],
    ['rescue', 'v', null, null, 'the coast guard rescued the crew'],
    ['aid', 'n', null, 'economic', 'millions in aid'],
    ['assistance', 'n', null, null, 'military assistance'],
    ['asylum', 'n', null, 'refugee', 'political asylum'],
    ['donation', 'n', null, 'economic', 'a donation of vaccines'],
  ],
  CONCEDE: [
    ['concede', 'v', null, null, 'the president conceded to the demands'],
    ['yield', 'v', null, null, 'the junta yielded to pressure'],
    ['ease', 'v', null, 'legal', 'the authorities eased emergency measures'],
    ['lift', 'v', null, 'legal', 'the ministry lifted the curfew'],
    ['call off', 'v', null, null, 'the union called off the strike'],
    ['release', 'v', null, 'legal', 'the militia released the hostages', { objects: CAPTIVE_OBJECTS }],
    ['pardon', 'v', null, 'legal', 'the president pardoned the officer'],
    ['relax', 'v', null, 'legal', 'the city relaxed the rules'],
    ['cancel restrictions', 'v', null, 'legal', 'the court cancelled restrictions on broadcasts'],
    ['release', 'n', null, 'legal', 'the release of the hostages', { objects: CAPTIVE_OBJECTS }],
    ['concession', 'n', null, null, 'concessions on missiles'],
  ],
  RETREAT: [
    ['withdraw', 'v', null, 'military', 'the army withdrew from the town'],
    ['retreat', 'v', null, 'military', 'the column retreated'],
    ['pull out', 'v', null, 'military', 'the troops pulled out'],
    ['pull back', 'v', null, 'military', 'the units pulled back'],
    ['demobilize', 'v', null, 'military', 'a third of the fighters have been demobilized'],
    ['disarm', 'v', null, 'military', 'the militia agreed to disarm'],
    ['surrender', 'v', null, 'military', 'the operatives have not surrendered'],
    ['resign', 'v', null, 'government', 'the premier will resign'],
    ['step down', 'v', null, 'government', 'the chief stepped down'],
    ['declare a ceasefire', 'v', null, 'military', 'the group declared a ceasefire'],
    ['withdrawal', 'n', null, 'military', 'the withdrawal of invasion forces'],
    ['pullback', 'n', null, 'military', 'a troop pullback'],
    ['ceasefire', 'n', null, 'military', 'a unilateral ceasefire', { notPrev: ['the', 'to', 'violating', 'violated'] }],
    ['truce', 'n', null, 'military', 'a truce in the north'],
    ['resignation', 'n', null, 'government', 'his resignation'],
    ['compensation', 'n', null, null, 'paid compensation to the families'],
  ],
  REQUEST: [
    ['ask', 'v', null, null, 'the premier asked the president to help'],
    ['request', 'v', null, null, 'he formally requested a pardon'],
    ['demand', 'v', null, null, 'officials demanded that the bloc act'],
    ['urge', 'v', null, null, 'a letter urging him to grant clemency'],
    ['appeal', 'v', null, null, 'the agency appealed for calm'],
    ['call for', 'v', null, null, 'the president called for a pardon'],
    ['call on', 'v', null, null, 'the council called on both sides to stop'],
    ['press', 'v', null, null, 'the president pressed the premier to soften'],
    ['push for', 'v', null, null, 'the president has been pushing for a pact'],
    ['push', 'v', null, null, 'the kingdom is pushing hard for the plan'],
    ['pressure', 'v', null, null, 'the president pressured the premier'],
    ['insist', 'v', null, null, 'the cabinet insisted that the group disarm'],
    ['seek', 'v', null, null, 'the family sought a retrial'],
    ['plead', 'v', null, null, 'the mayor pleaded for help', { notNext: ['guilty', 'not', 'innocent', 'no', 'the'] }],
    ['petition', 'v', null, null, 'residents petitioned the court'],
    ['must', 'v', 'reported-obligation', null, 'the minister said the neighbour must hand over the suspects'],
    ['request', 'n', null, null, 'a request to interrogate detainees'],
    ['demand', 'n', null, null, 'demands for autonomy'],
    ['appeal', 'n', null, null, 'an appeal for calm'],
    ['plea', 'n', null, null, 'a plea for help'],
    ['calls for', 'n', null, null, 'calls for restraint'],
  ],
  ACCUSE: [
    ['accuse', 'v', null, null, 'the government accused the rebels of violating the truce'],
    ['condemn', 'v', null, null, 'the ministry condemned the raid'],
    ['denounce', 'v', null, null, 'the party denounced the arrests'],
    ['criticize', 'v', null, null, 'the senator criticized the deal'],
    ['criticise', 'v', null, null, 'the senator criticised the deal'],
    ['blame', 'v', null, null, 'the army blamed the militia'],
    ['complain', 'v', null, 'diplomatic', 'the state complained to the council'],
    ['charge', 'v', null, 'legal', 'a rights group charged on Saturday'],
    ['allege', 'v', null, 'legal', 'the report alleged abuses'],
    ['indict', 'v', 'investigate', 'legal', 'the minister was indicted by the tribunal'],
    ['sue', 'v', null, 'legal', 'the union sued the ministry'],
    ['investigate', 'v', 'investigate', 'legal', 'the state is investigating alleged abuses'],
    ['probe', 'v', 'investigate', 'legal', 'the commission probed the deaths'],
    ['inspect', 'v', 'investigate', null, 'inspectors inspected the plant'],
    ['censure', 'v', null, null, 'the assembly censured the minister'],
    ['slam', 'v', null, null, 'the opposition slammed the budget'],
    ['rebuke', 'v', null, null, 'the envoy rebuked the host'],
    ['condemnation', 'n', null, null, 'drew widespread condemnation'],
    ['criticism', 'n', null, null, 'Western criticism of the program'],
    ['accusation', 'n', null, null, 'accusations of fraud'],
    ['allegation', 'n', null, 'legal', 'allegations of treason'],
    ['investigation', 'n', 'investigate', 'legal', 'opened fraud investigations'],
    ['inquiry', 'n', 'investigate', 'legal', 'an inquiry into the crash'],
    ['probe', 'n', 'investigate', 'legal', 'a probe into the deaths'],
    ['complaint', 'n', null, null, 'a complaint to the council'],
    ['inspectors', 'n', 'investigate', null, 'dispatched inspectors to the plant'],
    ['war crime', 'n', null, 'legal', 'condemned the operation as a war crime'],
  ],
  REJECT: [
    ['reject', 'v', null, null, 'the ministry rejected the request'],
    ['refuse', 'v', null, null, 'the president refused to meet the king'],
    ['deny', 'v', null, null, 'the district denied the permit'],
    ['veto', 'v', null, 'diplomatic', 'the state vetoed the resolution'],
    ['oppose', 'v', null, null, 'the party opposed the deployment'],
    ['resist', 'v', null, null, 'the state has resisted giving passage'],
    ['rebuff', 'v', null, null, 'the council rebuffed the offer'],
    ['dismiss', 'v', null, null, 'the court dismissed the claim'],
    ['decline', 'v', null, null, 'the envoy declined to comment'],
    ['spurn', 'v', null, null, 'the rebels spurned the plan'],
    ['opposed to', 'n', null, null, 'the state is opposed to the mediation'],
    ['rejection', 'n', null, null, 'a rejection of the terms'],
    ['refusal', 'n', null, null, 'its refusal to attend'],
    ['veto', 'n', null, 'diplomatic', 'a veto in the council'],
    ['opposition to', 'n', null, null, 'voiced clear opposition to the operations'],
  ],
  THREATEN: [
    ['threaten', 'v', null, null, 'the group threatened to resume attacks'],
    ['warn', 'v', null, null, 'the chief warned that rallies will not be tolerated'],
    ['threat', 'n', null, null, 'a threat to the country'],
    ['ultimatum', 'n', null, null, 'issued an ultimatum to the neighbour'],
    ['warning', 'n', null, null, 'a warning to the militia'],
  ],
  PROTEST: [
    ['protest', 'v', 'demo', null, 'thousands protested in the capital'],
    ['demonstrate', 'v', 'demo', null, 'students demonstrated outside parliament'],
    ['rally', 'v', 'demo', null, 'supporters rallied in the square'],
    ['march', 'v', 'demo', null, 'workers marched to the ministry'],
    ['riot', 'v', 'riot', null, 'demonstrators rioted after the vote'],
    ['boycott', 'v', 'boycott', null, 'the party boycotted the election'],
    ['picket', 'v', 'demo', null, 'nurses picketed the hospital'],
    ['block roads', 'v', 'obstruct', null, 'protesters blocked roads in the capital'],
    ['block streets', 'v', 'obstruct', null, 'crowds blocked streets downtown'],
    ['block a road', 'v', 'obstruct', null, 'villagers blocked a road'],
    ['shun work', 'v', 'strike-gen', null, 'residents shunned work on Monday'],
    ['collect signatures', 'v', 'demo-org', null, 'the party began collecting signatures'],
    ['protest', 'n', 'demo', null, 'a protest against the decision'],
    ['demonstration', 'n', 'demo', null, 'a demonstration in the capital'],
    ['rally', 'n', 'demo', null, 'rallies against the leader'],
    ['riot', 'n', 'riot', null, 'riots in the north'],
    ['boycott', 'n', 'boycott', null, 'a boycott of the vote'],
    ['sit-in', 'n', 'demo', null, 'a sit-in at the ministry'],
    ['hunger strike', 'n', 'strike-hun', null, 'began a hunger strike'],
    ['general strike', 'n', 'strike-gen', null, 'organized a general strike'],
    ['strike', 'n', 'strike', null, 'called off a four-day strike', { prev: STRIKE_PROTEST }],
  ],
  SANCTION: [
    ['sanction', 'v', null, 'economic', 'the bloc sanctioned the bank'],
    ['halt', 'v', null, null, 'the state halted economic aid'],
    ['suspend', 'v', null, null, 'the club suspended its membership'],
    ['cancel', 'v', null, 'diplomatic', 'the minister cancelled a planned visit'],
    ['recall', 'v', null, 'diplomatic', 'the state recalled its ambassador', { objects: ['ambassador', 'ambassadors', 'envoy', 'envoys', 'diplomat', 'diplomats', 'consul', 'mission', 'embassy'] }],
    ['cut off', 'v', null, null, 'threatened to cut off electricity'],
    ['cut', 'v', null, null, 'the donors cut aid'],
    ['break off', 'v', null, 'diplomatic', 'to break off diplomatic relations'],
    ['reduce', 'v', null, null, 'the agency reduced food supplies'],
    ['prohibit', 'v', null, null, 'the state would prohibit all aid'],
    ['ship out', 'v', null, 'military', 'peacekeepers were shipped out of the enclave'],
    ['sanctions', 'n', null, 'economic', 'new sanctions on the bank'],
    ['embargo', 'n', null, 'economic', 'an arms embargo'],
    ['suspension', 'n', null, null, 'the suspension of aid'],
  ],
  MOBILIZE: [
    ['mobilize', 'v', 'troops', 'military', 'the state mobilized reservists'],
    ['mobilise', 'v', 'troops', 'military', 'the state mobilised reservists'],
    ['deploy', 'v', 'troops', 'military', 'the army has been deployed to nine posts'],
    ['reinforce', 'v', 'troops', 'military', 'the state reinforced the border'],
    ['strengthen its forces', 'v', 'troops', 'military', 'the state strengthened its forces in the south'],
    ['mass', 'v', 'troops', 'military', 'the army massed tanks on the border'],
    ['train', 'v', 'troops', 'military', 'the state has trained hackers'],
    ['on alert', 'n', 'troops', 'military', 'troops remained on alert'],
    ['deployment', 'n', 'troops', 'military', 'the deployment of a force'],
    ['mobilization', 'n', 'troops', 'military', 'a general mobilization'],
    ['military exercises', 'n', 'troops', 'military', 'joint military exercises'],
    ['drills', 'n', 'troops', 'military', 'naval drills'],
    ['buildup', 'n', 'troops', 'military', 'a military buildup'],
  ],
  COERCE: [
    ['arrest', 'v', 'arrest', 'legal', 'the police arrested twelve people'],
    ['detain', 'v', 'arrest', 'legal', 'the agents detained a reporter'],
    ['seize', 'v', 'seize', null, 'the rebels seized the airport'],
    ['confiscate', 'v', 'confiscate', null, 'the police confiscated weapons'],
    ['capture', 'v', 'seize', 'military', 'aiming to capture weapons'],
    ['deport', 'v', 'deport', 'legal', 'the authorities deported migrants'],
    ['expel', 'v', 'deport', null, 'the state expelled the diplomats'],
    ['ban', 'v', 'ban', null, 'the president banned opposition candidates'],
    ['outlaw', 'v', 'ban', null, 'the government outlawed the group'],
    ['prevent', 'v', 'restrict', null, 'the police prevented the demonstration'],
    ['censor', 'v', 'censor', null, 'the regulator censored the broadcast'],
    ['deface', 'v', 'censor', 'cyber', 'hackers defaced thousands of web sites'],
    ['impose', 'v', 'restrict', null, 'the army imposed a curfew'],
    ['reimpose', 'v', 'restrict', null, 'the army reimposed blockades'],
    ['disperse', 'v', 'restrict', null, 'the police dispersed the crowd'],
    ['jail', 'v', 'arrest', 'legal', 'the authorities jailed 52 members'],
    ['imprison', 'v', 'arrest', 'legal', 'the court imprisoned the editor'],
    ['set fire', 'v', 'destroy', null, 'settlers set fire to the offices'],
    ['burn', 'v', 'destroy', null, 'a mob burned the office'],
    ['demolish', 'v', 'destroy', null, 'bulldozers demolished the houses'],
    ['overthrow', 'v', 'seize', 'government', 'the coalition overthrew the ruler'],
    ['oust', 'v', 'seize', 'government', 'the army ousted the president'],
    ['force out', 'v', 'deport', null, 'the state forced the agency out'],
    ['crack down', 'v', 'restrict', null, 'the police cracked down on activists'],
    ['tighten', 'v', 'restrict', null, 'the alliance would tighten the blockade'],
    ['extend the curfew', 'v', 'curfew', null, 'he will extend the night-time curfew'],
    ['arrest', 'n', 'arrest', 'legal', 'the arrest of activists'],
    ['crackdown', 'n', 'restrict', null, 'a crackdown on dissent'],
    ['blockade', 'n', 'restrict', null, 'the naval blockade'],
    ['curfew', 'n', 'curfew', null, 'a night curfew'],
    ['state of siege', 'n', 'martial-law', null, 'declared a state of siege'],
    ['martial law', 'n', 'martial-law', null, 'to impose martial law'],
    ['coup', 'n', 'seize', 'government', 'a military coup'],
    ['overthrow', 'n', 'seize', 'government', 'the overthrow of the regime'],
    ['deportation', 'n', 'deport', 'legal', 'the deportation of migrants'],
    ['tear gas', 'n', 'restrict', null, 'riot police used tear gas'],
    ['raid', 'n', 'restrict', null, 'a police raid on the office', { prev: ['police'] }],
  ],
  ASSAULT: [
    ['attack', 'v', null, 'military', 'gunmen attacked the convoy'],
    ['strike', 'v', 'aerial', 'military', 'jets struck the depot', { notPrev: STRIKE_PROTEST }],
    ['bomb', 'v', 'explosives', 'military', 'planes bombed the bridge'],
    ['shell', 'v', 'heavy-weapons', 'military', 'rebels shelled the capital'],
    ['shoot', 'v', 'firearms', 'military', 'soldiers shot two men'],
    ['kill', 'v', null, 'military', 'aircraft killed 46 civilians'],
    ['murder', 'v', null, 'military', 'forces murdered 20 people'],
    ['wound', 'v', null, 'military', 'six soldiers were wounded'],
    ['injure', 'v', null, 'military', 'three police were injured'],
    ['assassinate', 'v', 'assassinate', 'political', 'an attempt to assassinate the governor'],
    ['kidnap', 'v', 'abduct', null, 'rebels kidnapped advisers'],
    ['abduct', 'v', 'abduct', null, 'gunmen abducted a judge'],
    ['torture', 'v', 'torture', 'legal', 'guards tortured prisoners'],
    ['abuse', 'v', 'sexual', 'legal', 'agents sexually abused immigrants'],
    ['fight', 'v', null, 'military', 'the factions fought for days'],
    ['clash', 'v', null, 'military', 'police clashed with protesters'],
    ['invade', 'v', null, 'military', 'the army invaded the island'],
    ['raid', 'v', null, 'military', 'commandos raided the camp'],
    ['storm', 'v', null, 'military', 'troops stormed the building'],
    ['target', 'v', null, 'military', 'saying they targeted a group'],
    ['ambush', 'v', null, 'military', 'insurgents ambushed a patrol'],
    ['massacre', 'v', null, 'military', 'militiamen massacred villagers'],
    ['eliminate', 'v', null, 'military', 'the fighters were being eliminated'],
    ['explode', 'v', 'explosives', null, 'rebels exploded a series of bombs'],
    ['blow up', 'v', 'explosives', null, 'bombers blew themselves up'],
    ['bombard', 'v', 'heavy-weapons', 'military', 'artillery bombarded the town'],
    ['open fire', 'v', 'firearms', null, 'police opened fire on the crowd'],
    ['launch', 'v', null, 'military', 'forces launched artillery fire', { objects: ATTACK_OBJECTS }],
    ['capture', 'v', null, 'military', 'troops captured part of a stronghold', { prev: ['have', 'has', 'had'] }],
    ['violate', 'v', null, 'military', 'both armies violated the ceasefire'],
    ['occupy', 'v', null, 'military', 'the army occupied the ridge'],
    ['attack', 'n', null, 'military', 'an attack on a village'],
    ['attacks', 'n', null, 'military', 'planning attacks on the state'],
    ['strike', 'n', 'aerial', 'military', 'strikes by the air force', { notPrev: STRIKE_PROTEST }],
    ['airstrike', 'n', 'aerial', 'military', 'an airstrike on the depot'],
    ['air strike', 'n', 'aerial', 'military', 'an air strike on the depot'],
    ['air raid', 'n', 'aerial', 'military', 'two air raids last Friday'],
    ['raid', 'n', null, 'military', 'a raid on the camp', { notPrev: ['police'] }],
    ['bombing', 'n', 'explosives', 'military', 'a bombing in the market'],
    ['shelling', 'n', 'heavy-weapons', 'military', 'heavy shelling overnight'],
    ['operation', 'n', null, 'military', 'continued military operations there', { notPrev: ['rescue', 'relief', 'humanitarian', 'peacekeeping', 'special', 'search'] }],
    ['gun battle', 'n', 'firearms', 'military', 'wounded in the gun battle'],
    ['gunbattle', 'n', 'firearms', 'military', 'killed in a gunbattle'],
    ['battle', 'n', null, 'military', 'battles with the militia'],
    ['fighting', 'n', null, 'military', 'after two days of fierce fighting'],
    ['clashes', 'n', null, 'military', 'sporadic clashes'],
    ['offensive', 'n', null, 'military', 'a new offensive'],
    ['invasion', 'n', null, 'military', 'the invasion of the island'],
    ['assault', 'n', null, 'military', 'an assault on the town'],
    ['massacre', 'n', null, 'military', 'the massacre of villagers'],
    ['assassination', 'n', 'assassinate', 'political', 'the assassination of the mayor'],
    ['explosion', 'n', 'explosives', null, 'a car bomb explosion'],
    ['car bomb', 'n', 'explosives', null, 'killed by a car bomb'],
    ['explosive device', 'n', 'explosives', null, 'an improvised explosive device'],
    ['ambush', 'n', null, 'military', 'an ambush on the road'],
    ['aggression', 'n', null, 'military', 'the criminal aggression of the army'],
    ['artillery fire', 'n', 'heavy-weapons', 'military', 'artillery and mortar fire'],
    ['rocket fire', 'n', 'heavy-weapons', 'military', 'rocket fire on the town'],
    ['ethnic cleansing', 'n', null, 'military', 'engaged in ethnic cleansing'],
    ['suicide bombers', 'n', 'suicide-attack', 'terrorism', 'two suicide bombers killed 23 people'],
    ['torture', 'n', 'torture', 'legal', 'died as a result of torture'],
  ],
};

/** The PLOVER trigger lexicon: verbs and nouns (lemmas or phrases) → type, mode, context. */
export const TRIGGER_LEXICON: readonly TriggerRule[] = (Object.keys(TABLE) as PloverType[]).flatMap((type) =>
  TABLE[type].map(([words, pos, mode, context, example, extra]) => ({
    name: `${type}:${words}`, words, pos: pos === 'v' ? 'verb' as const : 'noun' as const, type, mode, context,
    reason: REASONS[type], example, ...extra,
  })));

/**
 * A warning is a PLOVER THREATEN only where it carries a threat: a consequence ("warned of
 * retaliation"), a condition ("unless", "or face") or a future act ("warned that police will no
 * longer tolerate rallies"). A warning against a course of action without one ("Trump warned
 * Israel against destabilizing Syria") is disapproval, coded ACCUSE: PLOVER reserves THREATEN for
 * threats of coercion or force, and counting every admonition as a threat would inflate conflict.
 */
export const WARN_WITHOUT_THREAT: TriggerRule = {
  name: 'ACCUSE:warn-without-threat', words: 'warn', pos: 'verb', type: 'ACCUSE', mode: null, context: null,
  reason: 'a warning with no threatened act is disapproval (PLOVER THREATEN needs a threat of coercion or force)',
  example: 'Trump warned Israel against destabilizing Syria',
};

const IRREGULAR: Record<string, string[]> = {
  meet: ['met'], fight: ['fought'], strike: ['struck', 'stricken'], shoot: ['shot'], seek: ['sought'], send: ['sent'],
  hold: ['held'], withdraw: ['withdrew', 'withdrawn'], blow: ['blew', 'blown'], break: ['broke', 'broken'], set: ['set'],
  cut: ['cut'], forgive: ['forgave', 'forgiven'], overthrow: ['overthrew', 'overthrown'], lead: ['led'], spread: ['spread'],
  shut: ['shut'], undertake: ['undertook', 'undertaken'], take: ['took', 'taken'], give: ['gave', 'given'], put: ['put'],
  pay: ['paid'], grant: [], deal: ['dealt'], sell: ['sold'], bring: ['brought'], keep: ['kept'], stand: ['stood'],
  win: ['won'], lose: ['lost'], flee: ['fled'], throw: ['threw', 'thrown'], make: ['made'], begin: ['began', 'begun'],
  rise: ['rose', 'risen'], arise: ['arose', 'arisen'], slay: ['slew', 'slain'], quit: ['quit'], upset: ['upset'],
  reimpose: [], oust: [],
};
const DOUBLES = new Set(['ban', 'bar', 'ship', 'plan', 'stop', 'drop', 'rob', 'grab', 'nab', 'trap', 'slam', 'snub', 'step', 'shun', 'scrap',
  'kidnap', 'expel', 'commit', 'permit', 'admit', 'submit', 'patrol', 'control', 'compel', 'propel', 'rebel', 'equip', 'pin', 'prod', 'spur', 'tap', 'jab']);

/** Inflected forms of a verb lemma: base, -s, -ed, -ing and irregular pasts. */
export function verbForms(lemma: string): string[] {
  const f = new Set<string>([lemma]);
  if (/(s|sh|ch|x|z)$/.test(lemma)) f.add(`${lemma}es`);
  else if (/[^aeiou]y$/.test(lemma)) f.add(`${lemma.slice(0, -1)}ies`);
  else f.add(`${lemma}s`);
  const irr = IRREGULAR[lemma];
  if (irr) for (const x of irr) f.add(x);
  let stem = lemma;
  if (DOUBLES.has(lemma)) stem = lemma + lemma[lemma.length - 1];
  // British doubling of a final l after a vowel: cancelled, labelled.
  if (/[aeiou]l$/.test(lemma) && !DOUBLES.has(lemma)) { f.add(`${lemma}led`); f.add(`${lemma}ling`); }
  if (lemma.endsWith('ee')) { f.add(`${lemma}d`); f.add(`${lemma}ing`); }
  else if (lemma.endsWith('ie')) { f.add(`${lemma}d`); f.add(`${lemma.slice(0, -2)}ying`); }
  else if (lemma.endsWith('e')) { f.add(`${lemma}d`); f.add(`${lemma.slice(0, -1)}ing`); }
  else if (/[^aeiou]y$/.test(lemma)) { f.add(`${lemma.slice(0, -1)}ied`); f.add(`${lemma}ing`); }
  else if (!irr || irr.length === 0 || !['set', 'cut', 'put', 'shut', 'quit', 'spread', 'upset'].includes(lemma)) {
    f.add(`${stem}ed`); f.add(`${stem}ing`);
  } else f.add(`${stem}ing`);
  return [...f];
}

/** Plural (and singular) forms of a noun. */
export function nounForms(noun: string): string[] {
  const f = new Set<string>([noun]);
  if (noun.endsWith('s')) return [...f];
  if (/(sh|ch|x|z)$/.test(noun)) f.add(`${noun}es`);
  else if (/[^aeiou]y$/.test(noun)) f.add(`${noun.slice(0, -1)}ies`);
  else f.add(`${noun}s`);
  return [...f];
}

/** A trigger phrase in surface form: its words (first inflected) and the rule. */
export interface TriggerForm { words: string[]; rule: TriggerRule }

/**
 * Precompiles the lexicon to a map from a lower-case first word to its surface phrases, longest
 * first, so that matching is one map lookup per token.
 */
export function compileLexicon(rules: readonly TriggerRule[] = TRIGGER_LEXICON): Map<string, TriggerForm[]> {
  const map = new Map<string, TriggerForm[]>();
  for (const rule of rules) {
    const ws = rule.words.toLowerCase().split(/\s+/);
    const head = ws[0]!;
    const forms = rule.pos === 'verb' ? verbForms(head) : ws.length === 1 ? nounForms(head) : [head];
    // Multi-word nouns inflect their last word ("gun battles", "air strikes").
    const tails = rule.pos === 'noun' && ws.length > 1 ? nounForms(ws[ws.length - 1]!).map((l) => [...ws.slice(1, -1), l]) : [ws.slice(1)];
    for (const f of forms) for (const tail of tails) {
      const list = map.get(f) ?? [];
      list.push({ words: [f, ...tail], rule });
      map.set(f, list);
    }
  }
  // Longest first; at equal length a rule with context constraints beats a plain one.
  const constrained = (r: TriggerRule): number => (r.prev ? 1 : 0);
  for (const l of map.values()) l.sort((a, b) => b.words.length - a.words.length || constrained(b.rule) - constrained(a.rule));
  return map;
}
