/**
 * Word lists behind entity recognition and source typing. All lower-case; compiled to sets once at
 * module load so lookups stay O(1) per token.
 */

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/**
 * Titles that precede a name or stand for an office holder, lower-case, multiword titles with
 * spaces. Longest match wins when scanning ("vice president" before "president").
 */
export const TITLES: readonly string[] = [
  'prime minister', 'deputy prime minister', 'president', 'vice president', 'president-elect', 'vice-president',
  'foreign minister', 'defense minister', 'defence minister', 'finance minister', 'interior minister',
  'justice minister', 'minister', 'secretary of state', 'secretary of defense', 'defense secretary',
  'secretary', 'senator', 'sen.', 'sens.', 'rep.', 'reps.', 'representative', 'congressman', 'congresswoman',
  'gov.', 'governor', 'mayor', 'chancellor', 'king', 'queen', 'crown prince', 'prince', 'pope', 'emir',
  'sheikh', 'ayatollah', 'supreme leader', 'general', 'gen.', 'lt.', 'col.', 'maj.', 'adm.', 'admiral',
  'sgt.', 'capt.', 'judge', 'justice', 'chief justice', 'speaker', 'ambassador', 'mr.', 'mrs.', 'ms.',
  'miss', 'dr.', 'prof.', 'rabbi', 'rev.', 'chairman', 'chairwoman', 'chair', 'ceo', 'attorney general',
  'atty.', 'commissioner', 'director', 'premier', 'nominee', 'candidate', 'former', 'leader', 'spokesman',
  'spokeswoman', 'spokesperson', 'lawmaker', 'mk', 'pres.',
  // Local offices and ranks before a name on real pages ("Interim BART Police Chief Ed Alvarez").
  'police chief', 'fire chief', 'chief', 'sheriff', 'deputy', 'detective', 'officer', 'superintendent', 'coach', 'head coach',
  'councilman', 'councilwoman', 'councilmember', 'council member', 'assemblyman', 'assemblywoman', 'founder', 'co-founder',
  'professor', 'interim', 'acting',
];

/** Titles that carry an office the KB can resolve ("the prime minister" → the holder). */
export const OFFICE_TITLES: ReadonlySet<string> = new Set([
  'prime minister', 'president', 'vice president', 'foreign minister', 'defense minister', 'defence minister',
  'finance minister', 'secretary of state', 'secretary of defense', 'defense secretary', 'chancellor', 'king',
  'queen', 'emir', 'supreme leader', 'premier', 'attorney general',
  // A party's presidential nominee and running mate, dated like offices: "the GOP nominee" with no
  // nominee named in the text (the source resolver's `nominee-title` rule).
  'republican nominee', 'democratic nominee', 'republican running mate', 'democratic running mate',
]);

/** Titles implying a gender, for pronoun agreement. */
export const MALE_TITLES = set('mr. king prince sheikh emir ayatollah rabbi congressman chairman spokesman');
/** Titles implying a gender, for pronoun agreement. */
export const FEMALE_TITLES = set('mrs. ms. miss queen congresswoman chairwoman spokeswoman');

/** Last words of organisation names ("Likud Party", "Foreign Ministry"). */
export const ORG_HEADS = set(`party ministry department forces force council committee university inc. inc
  corp. corp co. ltd. ltd llc company corporation agency commission court authority bank group foundation
  institute institution association union alliance league front movement coalition organization organisation
  administration army navy police guard guards brigade brigades battalion corps center centre office
  bureau service services board fund federation network campaign church caucus senate congress parliament
  assembly cabinet government command school college hospital club society trust partners circuit treasury
  reserve laboratory laboratories observatory museum library academy clinic industries holdings airlines
  airways motors pharmaceuticals technologies enterprises studios foods securities energy systems capital
  brands resources logistics insurance chemicals petroleum mining beverages restaurants semiconductor
  semiconductors labs inspectorate regulator regulators watchdog robotics electronics therapeutics
  biosciences biotech analytics aerospace solutions software telecom communications devices instruments`);

/** Organisation heads that are organs of a state (typed government rather than organization). */
export const GOV_HEADS = set(`ministry department administration senate congress parliament assembly cabinet
  government office bureau circuit treasury reserve`);

/** First words of organisation names ("Ministry of Defense", "University of Chicago"). */
export const ORG_FIRST = set(`ministry department university bank council office house board bureau
  institute commission court league union`);

/** Last words of outlet names ("Fox News", "The Jerusalem Post"). */
export const OUTLET_HEADS = set(`news times post journal herald tribune gazette telegraph chronicle daily
  magazine radio tv television broadcasting press observer examiner inquirer courier monitor wire today
  mirror express standard independent guardian economist newsweek insider beast reporter dispatch`);

/** Lower-case words after a name that make it an outlet ("the Axios news site"). */
export const OUTLET_NOUNS = set(`newspaper daily tabloid broadcaster network channel magazine outlet website
  site agency weekly`);

/** Nouns naming a document-like source ("a Channel 12 report"). */
export const DOCUMENT_NOUNS = set(`report reports letter letters post posts statement statements study studies
  poll polls survey surveys memo memos tweet tweets article articles editorial editorials document documents
  analysis filing filings lawsuit complaint ruling release transcript video interview interviews
  broadcast op-ed column message messages email emails note notes book cable cables assessment
  investigation indictment announcement announcements communique communiqué readout`);

/** Singular → plural of nouns that make an unnamed source ("an official", "two sources"). */
export const ANON_NOUNS: ReadonlyMap<string, string> = new Map([
  ['official', 'officials'], ['source', 'sources'], ['diplomat', 'diplomats'], ['aide', 'aides'],
  ['adviser', 'advisers'], ['advisor', 'advisors'], ['insider', 'insiders'], ['staffer', 'staffers'],
  ['officer', 'officers'], ['negotiator', 'negotiators'], ['spokesman', 'spokesmen'],
  ['spokeswoman', 'spokeswomen'], ['spokesperson', 'spokespeople'], ['witness', 'witnesses'],
  ['analyst', 'analysts'], ['expert', 'experts'], ['critic', 'critics'], ['lawmaker', 'lawmakers'],
  ['observer', 'observers'], ['resident', 'residents'], ['person', 'people'], ['member', 'members'],
  ['representative', 'representatives'], ['operative', 'operatives'], ['strategist', 'strategists'],
  ['organizer', 'organizers'], ['activist', 'activists'],
]);

/** Anonymous-source nouns that need a following cue ("people familiar with…", "a member of…"). */
export const ANON_NEEDS_CUE = set('person people member members resident residents operative operatives');
/** Words after "person/people" that make them an unnamed source. */
export const ANON_CUES = set('familiar close briefed knowledgeable involved aware');

/** Modifiers allowed between a determiner and an anonymous-source noun. */
export const ANON_MODIFIERS = set(`senior top high-ranking high-level former current unnamed anonymous
  administration government military defense defence security intelligence diplomatic western arab
  foreign regional local state federal campaign police health army political palestinian other
  white house pentagon senior-level mid-level junior veteran republican democratic gop party
  israeli-government us-government knowledgeable two-term cabinet ministry embassy european asian african`);

/** Cardinal number words. */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8],
  ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14],
  ['fifteen', 15], ['twenty', 20], ['a', 1], ['an', 1], ['another', 1], ['a single', 1], ['both', 2],
]);

/** Determiners and quantifiers that may open an anonymous-source phrase without a count. */
export const VAGUE_QUANTIFIERS = set('the some several many multiple other numerous few those these various most more dozens scores');

/** Words never a name on their own, even capitalised (sentence starts, headline words). */
export const STOP = set(`a an the this that these those it its he she his her him they them their we our us i
  my you your me and or but nor so yet for of in on at to from by with without about above after against
  along amid among around as before behind below beneath beside besides between beyond despite down during
  except following inside into like near off onto out outside over past since than through throughout till
  toward towards under unlike until up upon via within according meanwhile however also still now then
  later earlier instead although though while when where whether whose who whom which what why how if
  because once both either neither each every all any some many most much more less few several no not
  only just even there here today yesterday tomorrow tonight last next first second third new other another
  such same is was are were be been being has have had do does did will would could should may might
  must can shall asked speaking after-all indeed thus therefore moreover furthermore nevertheless
  nonetheless overall finally eventually recently previously currently separately additionally already
  one two three four five six seven eight nine ten dozens hundreds thousands millions yes no please
  perhaps maybe often sometimes never always soon ahead again let let’s let's`);

/** Day and month names: capitalised but never entities by themselves. */
export const CALENDAR = set(`monday tuesday wednesday thursday friday saturday sunday january february march
  april june july august september october november december jan. feb. mar. apr. jun. jul. aug. sep.
  sept. oct. nov. dec. christmas easter ramadan`);

/** Capitalised adjectives and nouns of religion, ideology or region that are not entities. */
export const NOT_ENTITY = set(`islamist islamic muslim muslims christian christians jewish jew jews arab arabs
  western eastern northern southern european african asian latino hispanic black white catholic protestant
  sunni shiite shia zionist god internet covid-19 covid coronavirus`);

/** Words that make a capitalised run a place rather than a person ("North Carolina", "Mount Hermon"). */
export const GEO_WORDS = set(`north south east west new san santa saint st. lake mount mt. river city county
  state states island islands republic kingdom gulf sea bay valley street avenue square strip bank heights
  province region district peninsula coast desert mountains hills park airport border fort springs beach
  falls ocean monument`);

/** Connectors allowed inside a capitalised name ("Times of Israel", "bin Salman"). */
export const NAME_CONNECTORS = set("of de del della da di du la le van von der den bin ibn al el abu");

/** Plural party or faction names that act as groups ("Democrats said"). */
export const PARTY_GROUPS: ReadonlyMap<string, string> = new Map([
  ['democrats', 'USA'], ['republicans', 'USA'], ['conservatives', 'GBR'], ['tories', 'GBR'],
  ['palestinians', 'PSE'], ['israelis', 'ISR'], ['americans', 'USA'],
]);

/** Place-like names that stand for a government when they act ("the Kremlin said"). */
export const METONYMS: ReadonlyMap<string, { name: string; country: string; sector: string }> = new Map([
  ['kremlin', { name: 'Kremlin', country: 'RUS', sector: 'GOV' }],
  ['pentagon', { name: 'Pentagon', country: 'USA', sector: 'MIL' }],
  ['downing street', { name: 'Downing Street', country: 'GBR', sector: 'GOV' }],
  ['elysee', { name: 'Elysee', country: 'FRA', sector: 'GOV' }],
  ['élysée', { name: 'Élysée', country: 'FRA', sector: 'GOV' }],
  ['state department', { name: 'State Department', country: 'USA', sector: 'GOV' }],
  ['justice department', { name: 'Justice Department', country: 'USA', sector: 'GOV' }],
  ['capitol hill', { name: 'Capitol Hill', country: 'USA', sector: 'LEG' }],
  ['whitehall', { name: 'Whitehall', country: 'GBR', sector: 'GOV' }],
  ['zhongnanhai', { name: 'Zhongnanhai', country: 'CHN', sector: 'GOV' }],
]);

/** Generic outlet phrases that name no outlet ("US media reported"). */
export const MEDIA_NOUNS = set('media press outlets newspapers broadcasters reports');

/** Subject pronouns and their agreement. */
export const PRONOUNS: ReadonlyMap<string, { gender: 'm' | 'f' | 'n' | 'p'; case: 'subj' | 'obj' | 'poss' | 'refl' }> = new Map([
  ['he', { gender: 'm', case: 'subj' }], ['him', { gender: 'm', case: 'obj' }], ['his', { gender: 'm', case: 'poss' }],
  ['himself', { gender: 'm', case: 'refl' }], ['she', { gender: 'f', case: 'subj' }], ['her', { gender: 'f', case: 'obj' }],
  ['hers', { gender: 'f', case: 'poss' }], ['herself', { gender: 'f', case: 'refl' }],
  ['they', { gender: 'p', case: 'subj' }], ['them', { gender: 'p', case: 'obj' }], ['their', { gender: 'p', case: 'poss' }],
  ['themselves', { gender: 'p', case: 'refl' }], ['it', { gender: 'n', case: 'subj' }], ['its', { gender: 'n', case: 'poss' }],
]);

/** Adverbs and auxiliaries that may sit between a subject and its verb ("Trump also pressed"). */
export const VERB_GAP = set(`also reportedly allegedly then later previously repeatedly recently quickly
  formally personally publicly privately again already still never not further immediately initially
  separately subsequently once has have had is was were are will would could can may might should must
  does did been being has not just even apparently flatly directly himself herself itself`);

/** Auxiliaries: a subject followed by one of these is a clause subject. */
export const AUXILIARIES = set('has have had is was were are will would could can may might should must does did');

/** Verbs of speech and action (base forms; inflections are generated). */
const VERB_BASES = `say tell announce state claim warn urge insist accuse condemn deny argue add confirm report
  respond reply call demand threaten reject agree convey propose launch strike attack resist send ask sign
  approve vote decide declare denounce vow pledge note explain write tweet post believe think feel want hope
  plan expect estimate suggest hint question praise criticize criticise slam blast welcome acknowledge admit
  concede disclose reveal indicate allege assert contend maintain predict recommend stress emphasize point
  order push press pressure voice raise request seek receive meet visit host join lead win lose oppose
  support back deploy kill capture arrest target bomb fire shoot invade withdraw begin continue refuse fail
  try make take give go come get see know appear seem insist counter retort remark observe complain boast
  admit testify promise offer describe dismiss defend blame thank congratulate reiterate recall conclude
  caution advise inform instruct direct lament concede acknowledge predict speculate wonder stress signal
  telephone phone speak talk discuss negotiate sign ratify condemn deplore denounce hail applaud endorse
  nominate appoint fire sue charge indict convict sentence pardon block veto pass introduce unveil release
  publish broadcast air air declined decline refuse`;

const IRREGULAR: Record<string, string[]> = {
  say: ['said', 'says'], tell: ['told', 'tells'], strike: ['struck', 'strikes'], send: ['sent', 'sends'],
  write: ['wrote', 'written', 'writes'], think: ['thought', 'thinks'], feel: ['felt', 'feels'],
  seek: ['sought', 'seeks'], meet: ['met', 'meets'], lead: ['led', 'leads'], win: ['won', 'wins'],
  lose: ['lost', 'loses'], shoot: ['shot', 'shoots'], withdraw: ['withdrew', 'withdraws'],
  begin: ['began', 'begins'], make: ['made', 'makes'], take: ['took', 'takes'], give: ['gave', 'gives'],
  go: ['went', 'goes'], come: ['came', 'comes'], get: ['got', 'gets'], see: ['saw', 'sees'],
  know: ['knew', 'knows'], speak: ['spoke', 'speaks'], deny: ['denied', 'denies'], reply: ['replied', 'replies'],
  try: ['tried', 'tries'], testify: ['testified', 'testifies'], speculate: ['speculated'],
};

function inflect(base: string): string[] {
  if (IRREGULAR[base]) return [base, ...IRREGULAR[base]!];
  const past = base.endsWith('e') ? `${base}d` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ied` : `${base}ed`;
  const third = /(?:s|sh|ch|x|z)$/.test(base) ? `${base}es` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ies` : `${base}s`;
  return [base, past, third];
}

/** Speech and action verbs in base, past and third-person forms. */
export const VERBS: ReadonlySet<string> = new Set(VERB_BASES.trim().split(/\s+/).flatMap(inflect));

/** Speech verbs, for "said it" / "saying they" pronoun patterns. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set(
  'say tell announce state claim warn insist add confirm report respond reply deny argue note explain write tweet indicate allege assert'
    .split(' ').flatMap((b) => [...inflect(b), b.endsWith('e') ? `${b.slice(0, -1)}ing` : `${b}ing`]),
);

/** Prepositions: a name right after one is not a clause subject. */
export const PREPOSITIONS = set(`to of with from by for on in at against about between than into onto over
  under after before during toward towards without among amid upon via like including`);

/** Words that end a source noun phrase core ("a statement from the ministry"). */
export const NP_BREAKS = set(`of from by for with in at on to who whom which that whose , ( ; : and`);

/** Common female first names, for pronoun agreement (written for this project). */
export const FEMALE_NAMES = set(`hillary kamala nancy elizabeth mary patricia jennifer linda barbara susan
  jessica sarah karen lisa betty margaret sandra ashley dorothy kimberly emily donna michelle carol amanda
  melissa deborah stephanie rebecca laura sharon cynthia kathleen amy angela anna brenda pamela nicole
  emma samantha katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia
  julie joyce victoria olivia kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha
  jacqueline frances gloria ann teresa kathryn sara janice jean alice madison doris abigail julia judy grace
  denise amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella charlotte rose
  alexis kayla ivanka melania golda ursula angela theresa giorgia marine kristi tulsi condoleezza madeleine
  sheryl elise ilhan alexandria ayanna rashida marjorie lauren liz kellyanne dana
  katie susie tzipi ayelet miri orit gila sharren yael noa tamar michal`);

/**
 * More female first names, for pronoun agreement only: the recogniser does not take them as a
 * sign of a person name, since some are common words ("Hope") and changing what it takes as names
 * moves the rule layer the attribution models learned from.
 */
export const MORE_FEMALE_NAMES = set(`loretta betsy nikki sally huma debbie michele jill gennifer ivana tiffany
  chelsea cecile alicia maxine dianne claire tammy lois connie melanie ellie kate jane ellen helen irene
  sonia lynn wendy valerie carly paula eva sylvia tina molly erin meghan kristen jenna shannon vanessa hope
  cindy dolores gretchen jeanne joni kirsten mazie stacey`);

/** Common male first names, for pronoun agreement (written for this project). */
export const MALE_NAMES = set(`james john robert michael william david richard joseph thomas charles
  christopher daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george
  timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott
  brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam
  nathan henry douglas zachary peter kyle ethan walter noah jeremy christian keith roger terry gerald
  harold sean austin carl arthur lawrence dylan jesse jordan bryan billy joe bruce gabriel logan albert
  willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason philip louis barack
  bill mike mitt newt ted marco rand chris jeb ben bernie tim vladimir volodymyr emmanuel boris xi
  recep bashar ahmed mohammed muhammad mahmoud ali hassan hussein isaac yair naftali benny avigdor itamar
  bezalel yoav gideon ehud ariel shimon yitzhak moshe yossi eli herzl abdel abdullah salman mohammad
  recep rishi keir olaf friedrich justin narendra jair javier kim hakan sergei dmitry steve rudy reince
  mike rex jim jeff ron kevin chuck mitch lindsey paul rick tom dan pete elon hunter jared`);

/** More male first names, for pronoun agreement only (see {@link MORE_FEMALE_NAMES}). */
export const MORE_MALE_NAMES = set(`josh nate doug greg matt nick tony joel marc max lamar reid harry orrin al
  sherrod bob dick jimmy lyndon herbert woodrow franklin dwight hank howard ike kurt lester luke marty ned
  neil oliver otis preston reggie ross seth stan stuart todd trey troy wade wesley`);

/** A word set plus each abbreviation without its final period (the tokenizer may split "Va." into "Va" "."). */
function withoutFinalDot(words: string): ReadonlySet<string> {
  const out = new Set(set(words));
  for (const w of [...out]) if (w.endsWith('.')) out.add(w.slice(0, -1));
  return out;
}

/**
 * US states and their newspaper abbreviations, lower-case: "Fort Wayne, Ind." and "Coral Springs,
 * Florida" make the name before the comma a place.
 */
export const US_STATES: ReadonlySet<string> = withoutFinalDot(`alabama alaska arizona arkansas california colorado connecticut delaware florida
  georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
  michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania
  tennessee texas utah vermont virginia wisconsin wyoming ala. ariz. ark. calif. colo. conn. del. fla.
  ga. ill. ind. kan. ky. la. md. mass. mich. minn. miss. mo. mont. neb. nev. n.h. n.j. n.m. n.y. n.c.
  n.d. okla. ore. pa. r.i. s.c. s.d. tenn. tex. vt. va. wash. w.va. wis. wyo.`);

/** Place names the KB lacks but news names often (US states, large cities), lower-case. */
export const PLACES = set(`alabama alaska arizona arkansas california colorado connecticut delaware florida
  georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
  michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania
  tennessee texas utah vermont virginia wisconsin wyoming chicago boston philadelphia detroit atlanta miami
  houston dallas phoenix seattle denver cleveland baltimore pittsburgh tulsa toledo charlotte orlando
  manhattan brooklyn harlem london paris berlin moscow beijing tokyo delhi mumbai istanbul baghdad
  kabul tehran riyadh jerusalem gaza beirut damascus cairo amman doha dubai kyiv kiev brussels geneva
  vienna rome madrid warsaw aleppo mosul idlib homs tel-aviv haifa hebron jenin nablus ramallah
  europe asia africa america americas iowa ukraine crimea donbas syria iraq yemen libya sudan mexico
  canada cuba venezuela brazil india pakistan afghanistan japan korea australia`);

/** Words that make a capitalised run something other than a person ("Election Day", "Clean Power Plan"). */
export const NON_PERSON_WORDS = set(`day bill act law plan program programme amendment care matter lives war
  ocean prize award cup games olympics series tower trade report survey index poll music power security
  deal treaty accord agreement summit conference forum debate convention election elections primary week
  season festival show film movie book tour hotel resort building plaza mall stadium arena mosque temple
  hall institution initiative project reserve system media studies review network day times post news
  street avenue road bridge airport station crisis doctrine revolution spring movement marathon
  american african puerto rican rico eastern western northern southern central middle british asian
  cuban latino latina hispanic muslim muslims christian christians jewish arab watch judicial united
  partnership recession belt core parenthood bowl wars politics images journalism registry girls
  minors capital research globe international national republican democratic vegas columbia
  chemical cowboys redskins`);

/**
 * Short given names and the full forms they stand for (where neither is a prefix of the other),
 * so "Joseph R. Biden" stays the Joe Biden the knowledge base knows (written for this project).
 */
export const NICKNAMES: ReadonlyMap<string, string> = new Map([
  ['joe', 'joseph'], ['bill', 'william'], ['billy', 'william'], ['will', 'william'], ['bob', 'robert'], ['bobby', 'robert'],
  ['dick', 'richard'], ['rick', 'richard'], ['chuck', 'charles'], ['ted', 'edward'], ['jim', 'james'], ['jimmy', 'james'],
  ['mike', 'michael'], ['bernie', 'bernard'], ['liz', 'elizabeth'], ['beth', 'elizabeth'], ['mitch', 'addison'],
  ['hillary', 'hilary'], ['peggy', 'margaret'], ['jack', 'john'], ['hank', 'henry'], ['ned', 'edward'], ['sandy', 'alexander'],
]);

/** Heads of a plural reference to two named parties ("both leaders", "the two sides"). */
export const PLURAL_REFERENCES = set('leaders sides countries men women nations governments parties presidents');
/** Of {@link PLURAL_REFERENCES}, the heads that stand for bodies, not people ("both countries"). */
export const PLURAL_BODIES = set('countries nations governments sides parties');
