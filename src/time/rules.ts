import type { TimeExpression } from '../core/types.js';
import {
  addMonths, dayNumber, daysInMonth, formatDay, formatMonth, formatWeek, weekStart, weekday, ymd,
} from './calendar.js';

// Regex literals live at module level: one in a function body allocates a new RegExp per call.
const FINAL_DOT = /\.$/;
const DIGITS = /^\d+$/;
const FINAL_S = /s$/;
const SPACES = /\s+/g;
const AFTER_LATER = /^(after|later)$/i;
const FOLLOWING_NEXT = /^(following|next)$/i;
const HUNDRED = /^(\w+) hundred$/;
const HYPHENATED = /^(\w+)-(\w+)$/;
const FINAL_IE = /ie$/;
const SPACE_CAPITAL = /^[ \t]+\p{Lu}/u;
const CAPITAL = /^\p{Lu}/u;
/** A capitalised word right before, with no full stop after it: the name a capitalised word belongs to. */
const NAME_BEFORE = /\p{Lu}[\p{L}&-]*[ \t]+$/u;
const CAPITALISED_BEFORE = /\p{Lu}\p{Ll}+\.?[ \t]+$/u;
const SHORT_MONTH = /^(?:jan|jun|jul|may|mar|aug|sept?|oct|nov|dec|feb|apr)$/i;
const THE = /^the\s/i;
/** "the fall in prices", "the fall from power": the noun, not the season. */
const FALL_OF_PRICES = /^\s+(?:in|from|to|on|by)\s/i;
const QUARTER_TRIGGER = /quarter|half|^q[1-4]$|^(?:19|20)\d\d$|year$/;
const SEASON_TRIGGER = /spring|summer|autumn|winter|fall|^(?:19|20)\d\d$/;
const OLD_YEAR = /^1[6-8]\d\d$/;
const CLOCK_TRIGGER = /^(?:a\.m\.|p\.m\.|am|pm|noon|midday|midnight|\d{1,2}(?::\d\d)?(?:am|pm))$/;

/** A calendar unit a relative expression counts in. */
export type TimeUnit = 'day' | 'week' | 'month' | 'year';

/** What a rule makes of a match, before anchoring. */
export interface TimeReading {
  value: string | null;
  grain: TimeExpression['grain'];
  range?: { start: string; end: string } | null;
  reason?: string | null;
  /**
   * For expressions relative to another event or time ("the week before", "a day after"): the
   * signed offset from the anchor. The normaliser finds the anchor.
   */
  relative?: { unit: TimeUnit; n: number };
  /**
   * For a clock time ("10 a.m."): `HH:MM` (or a part of the day, `MO`, `AF`, `EV`), and the days to
   * add to its day (1 for midnight, the end of the day). The normaliser finds the day: a date in the
   * same sentence, else the reference date.
   */
  clock?: { time: string; plusDays: number };
  /** For a holiday named without a year: its name, so the normaliser can put it in a year the sentence names ("in 2012 … soon after Election Day"). */
  holiday?: string;
  /** For "the quarter" alone: the grain of the earlier time it takes its value from; dropped where there is none. */
  refersBack?: 'quarter';
}

/** Context a rule resolves against. */
export interface TimeContext {
  /** Reference (publication) date as a day number, or null when unknown. */
  ref: number | null;
  /** Whether the clause around the expression speaks of the future ("will meet on Friday"). */
  future: boolean;
  /**
   * Whether a past-tense verb comes before it in its clause ("was held on Nov. 8"); false where
   * none does, so a date without a year may be the coming one. Absent: read as past.
   */
  past?: boolean;
}

/** One time rule: data plus the function that reads its match. */
export interface TimeRule {
  name: string;
  reason: string;
  example: string;
  /** Sticky, case-insensitive pattern tried at token starts near a trigger word. */
  pattern: RegExp;
  read: (m: RegExpExecArray, ctx: TimeContext) => TimeReading | null;
  /**
   * The trigger words a match of this rule can end on, where few can (a clock time ends on "a.m.",
   * "noon"…): the rule is not tried at other triggers, which keeps the stage cheap.
   */
  endsOn?: (lower: string) => boolean;
}

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};
const WEEKDAYS: Record<string, number> = {
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
};
const NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, several: 3, few: 3, 'a few': 3,
  'a couple of': 2, 'couple of': 2, thirteen: 13, fourteen: 14, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, 'a hundred': 100,
  'half a': 0.5, 'half an': 0.5, half: 0.5,
};

const MONTH = '(january|february|march|april|may|june|july|august|september|october|november|december|jan\\.?|feb\\.?|mar\\.?|apr\\.?|jun\\.?|jul\\.?|aug\\.?|sept?\\.?|oct\\.?|nov\\.?|dec\\.?)';
const WEEKDAY = '(monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const SMALL = 'one|two|three|four|five|six|seven|eight|nine';
const NUM = `(\\d{1,3}|a couple of|couple of|a few|half an?|(?:a|${SMALL})\\s+hundred|(?:${TENS})-(?:${SMALL})|an|a|${SMALL}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|${TENS}|hundred|several)`;
const UNIT = '(day|week|month|year|decade)s?';
/** Units of a length of time only (a date is never counted in them). */
const LENGTH_UNIT = '(day|week|month|year|decade|hour|minute|century|centuries)s?';
/** Amounts before "a year", "a day": a rate ("$45 million a year", "twice a day"), not a length of time. */
const NOT_RATE = '(?<!(?:\\d|\\bmillion|\\bbillion|\\bthousand|\\bhundred|\\bpercent|%|\\bonce|\\btwice|\\btimes|\\bdollars|\\beuros|\\bpounds)\\s+)';
const END = '(?![\\p{L}\\p{N}])';
const QUAL = '(?:(?:nearly|almost|about|around|roughly|some|more than|less than|over|at least|up to|just over|just under)\\s+)?';
const QUALIFIED = /^(?:nearly|almost|about|around|roughly|some|more than|less than|over|at least|up to|just over|just under)\s/i;

const re = (src: string): RegExp => new RegExp(src + END, 'iyu');

function monthOf(word: string): number | null {
  return MONTHS[word.toLowerCase().replace(FINAL_DOT, '')] ?? null;
}

function numOf(word: string): number | null {
  const w = word.toLowerCase().replace(SPACES, ' ');
  if (DIGITS.test(w)) return Number(w);
  const hundred = HUNDRED.exec(w);
  if (hundred) { const n = hundred[1] === 'a' ? 1 : NUMBERS[hundred[1]!]; return n === undefined ? null : n * 100; }
  const compound = HYPHENATED.exec(w);
  if (compound) { const a = NUMBERS[compound[1]!]; const b = NUMBERS[compound[2]!]; return a !== undefined && b !== undefined ? a + b : null; }
  return NUMBERS[w] ?? null;
}

/** Counts that say no number ("a few weeks", "several months"): the length or date they give is vague. */
const VAGUE_COUNT = /^(?:a\s+)?few$|^several$/i;

/** The reading of a vague count: kept, with no value. */
function vague(m: RegExpExecArray): TimeReading {
  return { value: null, grain: 'unknown', reason: `vague expression "${m[0].toLowerCase().replace(SPACES, ' ')}"` };
}

function unitOf(word: string): TimeUnit | 'decade' {
  const u = word.toLowerCase().replace(FINAL_S, '');
  return u as TimeUnit | 'decade';
}

/** An ISO 8601 duration for `n` of a length unit ("P3Y", "PT48H", "P100Y"); null where it is not a whole count. */
export function durationCode(n: number, unitWord: string): string | null {
  const u = unitWord.toLowerCase().replace(FINAL_S, '').replace(FINAL_IE, 'y');
  const years = u === 'decade' ? 10 : u === 'century' ? 100 : null;
  if (years !== null) return Number.isInteger(n * years) ? `P${n * years}Y` : null;
  if (u === 'hour') return Number.isInteger(n) ? `PT${n}H` : Number.isInteger(n * 60) ? `PT${n * 60}M` : null;
  if (u === 'minute') return Number.isInteger(n) ? `PT${n}M` : null;
  if (u === 'year' && !Number.isInteger(n)) return Number.isInteger(n * 12) ? `P${n * 12}M` : null;
  if (u === 'day' && !Number.isInteger(n)) return Number.isInteger(n * 24) ? `PT${n * 24}H` : null;
  if (!Number.isInteger(n)) return null;
  return `P${n}${u === 'day' ? 'D' : u === 'week' ? 'W' : u === 'month' ? 'M' : 'Y'}`;
}

/** Words that are not counted as a year where a four-digit number comes before them (a count, not a date). */
const COUNTED = new Set(['people', 'persons', 'votes', 'voters', 'members', 'troops', 'soldiers', 'jobs', 'workers', 'employees', 'homes',
  'houses', 'cases', 'deaths', 'residents', 'times', 'miles', 'feet', 'meters', 'metres', 'kilometers', 'kilometres', 'pounds', 'dollars',
  'euros', 'units', 'seats', 'students', 'children', 'families', 'acres', 'hectares', 'tons', 'tonnes', 'percent', 'signatures', 'calls',
  'years', 'cars', 'vehicles', 'points', 'more', 'copies', 'words', 'pages', 'barrels', 'gmt', 'utc', 'hours', 'hrs', 'rounds', 'shares']);
/** Words after which a four-digit number names a thing, not a year ("Windows 2000", "Room 2010", "Flight 2019"). */
const NAMED_NUMBERS = 'room|windows|suite|route|highway|flight|no\\.|number|apt\\.?|apartment|box|unit|model|version|office|gate|platform|bus|channel|interstate|code|pin|page|line|tel\\.?|phone';

/** Whether the text right after a match goes on with a capitalised word ("Spring Festival", "Midnight Oil"). */
function capitalisedAfter(m: RegExpExecArray): boolean {
  return SPACE_CAPITAL.test(m.input.slice(m.index + m[0].length, m.index + m[0].length + 3));
}

/** Words before a month name that keep it a month ("in May", "early June"), where a capitalised word before it would make it a surname ("Theresa May"). */
const BEFORE_MONTH = /(?:^|[^\p{L}])(?:in|on|by|since|until|till|during|from|to|through|early|late|mid|last|this|next|of|and|or|between|before|after|each|every|since|until)\s+$/iu;

/** A month word that is a name here: after a capitalised word that is no preposition ("Theresa May"), or an abbreviation before a capitalised word ("Jan Kowalski"). */
function monthIsName(m: RegExpExecArray, word: string): boolean {
  const before = m.input.slice(Math.max(0, m.index - 24), m.index);
  if (CAPITALISED_BEFORE.test(before) && !BEFORE_MONTH.test(before)) return true;
  return SHORT_MONTH.test(word) && capitalisedAfter(m) && !BEFORE_MONTH.test(before);
}

/** "may" and "march" in lower case are a modal and a verb, not months. */
function isMonthWord(raw: string): boolean {
  const w = raw.toLowerCase();
  if ((w === 'may' || w === 'march') && raw[0] === raw[0]!.toLowerCase()) return false;
  return true;
}

/** The year for a month named without one: the past one unless the clause speaks of the future. */
function yearForMonth(month: number, ctx: TimeContext): number | null {
  if (ctx.ref === null) return null;
  const [y, m] = ymd(ctx.ref);
  if (ctx.future) return month >= m ? y : y + 1;
  return month <= m ? y : y - 1;
}

/**
 * The year for a date named without one: the coming one in a future clause, the past one in a
 * past-tense clause, and otherwise the nearer of the two, as dates in news are set beside the
 * reference date ("leaves office on Jan. 20", "the Nov. 8 election" in a September story).
 */
function yearForDay(month: number, day: number, ctx: TimeContext): number | null {
  if (ctx.ref === null) return null;
  const [y] = ymd(ctx.ref);
  const here = dayNumber(y, month, day);
  const next = here >= ctx.ref ? y : y + 1;
  const last = here <= ctx.ref ? y : y - 1;
  if (ctx.future) return next;
  if (ctx.past !== false) return last;
  const dNext = dayNumber(next, month, Math.min(day, daysInMonth(next, month))) - ctx.ref;
  const dLast = ctx.ref - dayNumber(last, month, Math.min(day, daysInMonth(last, month)));
  return dNext < dLast ? next : last;
}

/** The day of month of the `n`-th given weekday (1 Monday … 7 Sunday) of a month; `n` −1 is the last. */
function nthWeekday(year: number, month: number, wd: number, n: number): number {
  if (n > 0) {
    const first = weekday(dayNumber(year, month, 1));
    return 1 + ((wd - first + 7) % 7) + 7 * (n - 1);
  }
  const lastDay = daysInMonth(year, month);
  const last = weekday(dayNumber(year, month, lastDay));
  return lastDay - ((last - wd + 7) % 7);
}

/** Easter Sunday of a year (the Gregorian computus), as `[month, day]`. */
function easter(y: number): [number, number] {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const h = (19 * a + b - Math.floor(b / 4) - Math.floor((8 * b - 8 * Math.floor((b + 8) / 25) + 3) / 25) + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 19 * l) / 433);
  const month = Math.floor((h + l - 7 * m + 90) / 25);
  return [month, (h + l - 7 * m + 33 * month + 19) % 32];
}

/** Holidays a news story names by name: the day each falls on in a year, as `[month, day]`. */
const HOLIDAYS: Record<string, (y: number) => [number, number]> = {
  "new year's day": () => [1, 1], "new year's eve": () => [12, 31], "valentine's day": () => [2, 14], "st. patrick's day": () => [3, 17],
  'independence day': () => [7, 4], 'fourth of july': () => [7, 4], 'july fourth': () => [7, 4], 'juneteenth': () => [6, 19],
  'halloween': () => [10, 31], 'veterans day': () => [11, 11], 'christmas eve': () => [12, 24], 'christmas day': () => [12, 25],
  'christmas': () => [12, 25], 'boxing day': () => [12, 26], 'bastille day': () => [7, 14],
  'martin luther king jr. day': (y) => [1, nthWeekday(y, 1, 1, 3)], 'mlk day': (y) => [1, nthWeekday(y, 1, 1, 3)],
  "presidents' day": (y) => [2, nthWeekday(y, 2, 1, 3)], 'presidents day': (y) => [2, nthWeekday(y, 2, 1, 3)],
  'memorial day': (y) => [5, nthWeekday(y, 5, 1, -1)], 'labor day': (y) => [9, nthWeekday(y, 9, 1, 1)],
  'columbus day': (y) => [10, nthWeekday(y, 10, 1, 2)], "indigenous peoples' day": (y) => [10, nthWeekday(y, 10, 1, 2)],
  'thanksgiving': (y) => [11, nthWeekday(y, 11, 4, 4)], 'thanksgiving day': (y) => [11, nthWeekday(y, 11, 4, 4)],
  'black friday': (y) => [11, nthWeekday(y, 11, 4, 4) + 1], "mother's day": (y) => [5, nthWeekday(y, 5, 7, 2)],
  "father's day": (y) => [6, nthWeekday(y, 6, 7, 3)], 'election day': (y) => [11, nthWeekday(y, 11, 1, 1) + 1],
  'easter': (y) => easter(y), 'easter sunday': (y) => easter(y),
  'good friday': (y) => { const [m, d] = easter(y); const [, mm, dd] = ymd(dayNumber(y, m, d) - 2); return [mm, dd]; },
};
/** The holidays' names as a pattern, longest first; an apostrophe may be straight or curly, a full stop literal. */
const HOLIDAY = `(${Object.keys(HOLIDAYS).sort((a, b) => b.length - a.length).map((k) => k.replace(/[.']/g, (c) => (c === '.' ? '\\.' : "['’]"))).join('|')})`;
const APOSTROPHES = /['’]/g;
/** Trigger words a holiday's name can hold. */
const HOLIDAY_TRIGGER = /^(?:day|eve|christmas|halloween|thanksgiving|easter|juneteenth|july|friday|fourth|sunday|(?:19|20)\d\d)$/;
/** Things named for a holiday that are no day of it ("Christmas trees", "Easter eggs"). */
const HOLIDAY_THINGS = /^\s+(?:tree|trees|shopping|season|lights|card|cards|music|market|markets|spirit|decorations|gift|gifts|eggs?|bunny|sales|carols?|ornaments?|movies?|songs?)\b/i;

/** A holiday's day in a given year, as an ISO day (for the normaliser, which may find the year in the sentence). */
export function holidayIn(name: string, year: number): string | null {
  const at = HOLIDAYS[name.toLowerCase().replace(APOSTROPHES, "'").replace(SPACES, ' ')];
  if (!at) return null;
  const [m, d] = at(year);
  return formatDay(dayNumber(year, m, d));
}

/** A holiday's day: in the year given, else by "last/this/next", else as {@link yearForDay} chooses. */
function holidayReading(name: string, mod: string | undefined, year: number | undefined, ctx: TimeContext): TimeReading | null {
  const at = HOLIDAYS[name.toLowerCase().replace(APOSTROPHES, "'").replace(SPACES, ' ')];
  if (!at) return null;
  if (year !== undefined) { const [m, d] = at(year); return dayReading(year, m, d); }
  if (ctx.ref === null) return NO_REF;
  const [ry] = ymd(ctx.ref);
  const dayIn = (y: number) => { const [m, d] = at(y); return dayNumber(y, m, d); };
  let y: number;
  if (mod === 'last') y = dayIn(ry) < ctx.ref ? ry : ry - 1;
  else if (mod === 'next') y = dayIn(ry) > ctx.ref ? ry : ry + 1;
  else if (mod === 'this') y = ry;
  else {
    const next = dayIn(ry) >= ctx.ref ? ry : ry + 1;
    const last = dayIn(ry) <= ctx.ref ? ry : ry - 1;
    y = ctx.future ? next : ctx.past !== false ? last : (dayIn(next) - ctx.ref < ctx.ref - dayIn(last) ? next : last);
  }
  const [m, d] = at(y);
  return dayReading(y, m, d);
}

function dayReading(y: number, m: number, d: number): TimeReading | null {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { value: formatDay(dayNumber(y, m, d)), grain: 'day' };
}

function monthReading(y: number, m: number): TimeReading {
  return {
    value: formatMonth(y, m), grain: 'month',
    range: { start: formatDay(dayNumber(y, m, 1)), end: formatDay(dayNumber(y, m, daysInMonth(y, m))) },
  };
}

function weekReading(day: number): TimeReading {
  const s = weekStart(day);
  return { value: formatWeek(day), grain: 'week', range: { start: formatDay(s), end: formatDay(s + 6) } };
}

const NO_REF: TimeReading = { value: null, grain: 'unknown', reason: 'no reference date (give --date or a page date)' };

/** TimeML's codes for the parts of a day. */
const PART_OF_DAY: Record<string, string> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', tonight: 'NI' };

/** Quarter and half ordinals. */
const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 };
/** Nouns a hyphenated quarter qualifies in business copy ("second-quarter profit"); a game's "fourth-quarter comeback" is no date. */
const QUARTER_NOUNS = 'profit|profits|earnings|revenue|revenues|sales|results|loss|losses|growth|gdp|output|figures|report|forecast|dividend|deliveries|income|margin|margins';
const SEASONS: Record<string, [string, number]> = { spring: ['SP', 3], summer: ['SU', 6], fall: ['FA', 9], autumn: ['FA', 9], winter: ['WI', 12] };

/** The year a quarter, half or season without one belongs to: the current or last one, or in a future clause the current or next. */
function yearForPart(startMonth: number, months: number, ctx: TimeContext, mod: string | undefined): number | null {
  if (ctx.ref === null) return null;
  const [y, m] = ymd(ctx.ref);
  // The part of the year the reference date is in, as months from the part's start (winter reaches into the next year).
  const since = (m - startMonth + 12) % 12;
  const current = since < months ? (m < startMonth ? y - 1 : y) : null;
  const lastStart = m >= startMonth ? y : y - 1;
  // "this summer" in May is the summer to come, in October the one just gone: the one that starts in the reference year.
  if (mod === 'this') return current ?? y;
  if (mod === 'last') return current !== null ? current - 1 : lastStart;
  if (mod === 'next') return current !== null ? current + 1 : lastStart + 1;
  if (current !== null) return current;
  return ctx.future ? lastStart + 1 : lastStart;
}

/** A year named after a quarter or half ("of 2027", "of next year"), or undefined where none is. */
function namedYear(word: string | undefined, ctx: TimeContext): number | null | undefined {
  if (!word) return undefined;
  const w = word.toLowerCase().replace(SPACES, ' ');
  if (DIGITS.test(w)) return Number(w);
  if (ctx.ref === null) return null;
  const [y] = ymd(ctx.ref);
  return w === 'next year' ? y + 1 : w === 'last year' ? y - 1 : y;
}

/** Part-of-month words and the days they cover. */
const PARTS: Record<string, [number, number]> = {
  early: [1, 10], 'the beginning of': [1, 10], 'the start of': [1, 10],
  mid: [11, 20], 'the middle of': [11, 20], late: [21, 31], 'the end of': [21, 31],
};

/** Spelled ordinals of centuries ("the nineteenth century"). */
const CENTURY_ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
  thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20, 'twenty-first': 21,
};
const CENTURY_ORDINAL = `(\\d{1,2})(?:st|nd|rd|th)|(${Object.keys(CENTURY_ORDINALS).sort((a, b) => b.length - a.length).join('|')})`;
/** Codes of a duration range ("one to two years" is `PXY`), as TimeML writes them. */
const RANGE_UNITS: Record<string, string> = { day: 'PXD', week: 'PXW', month: 'PXM', year: 'PXY', decade: 'PXDE', hour: 'PTXH', minute: 'PTXM', century: 'PXCE' };
/** Words after "Sept. 11" that make it the 2001 attacks, not this year's date. */
const SEPT_11_NOUNS = ['attack', 'attacks', 'terror', 'terrorist', 'terrorists', 'hijackers', 'commission', 'conspiracy', 'victims', 'families', 'era', 'generation', 'responders'];
/** Words after "9/11" that make it this year's day of remembrance, not the attacks ("a 9/11 memorial ceremony"). */
const REMEMBRANCE = /^\s+(?:memorial|anniversary|ceremony|ceremonies|observance|commemoration|remembrance)\b/i;

/** A weekend as TimeML writes it (`2016-W37-WE`), from its Saturday. */
function weekendReading(saturday: number): TimeReading {
  return { value: `${formatWeek(saturday)}-WE`, grain: 'week', range: { start: formatDay(saturday), end: formatDay(saturday + 1) } };
}

/**
 * The Saturday of the weekend a phrase names. "last" and "this past" are the one before the
 * reference date, "next" and "coming" the first after it; "this weekend" (and "over the weekend")
 * is the one the reference date falls in, else the coming one in a future clause or late in the
 * week, else the one just gone ("told reporters this weekend" in a Monday story).
 */
function weekendSaturday(mod: string, ref: number, ctx: TimeContext): number {
  const wd = weekday(ref);
  const sat = weekStart(ref) + 5;
  const inWeekend = wd >= 6;
  if (mod === 'last' || mod === 'this past' || mod === 'past') return sat - 7;
  if (mod === 'next' || mod === 'coming' || mod === 'this coming') return inWeekend ? sat + 7 : sat;
  if (inWeekend || ctx.future) return sat;
  if (wd >= 4) return ctx.past === true ? sat - 7 : sat;
  return sat - 7;
}

/** A year written with two figures ("9/17/16"): in the reference date's century unless that puts it more than a decade ahead. */
function fullYear(yy: number, ctx: TimeContext): number {
  const refYear = ctx.ref === null ? 2000 : ymd(ctx.ref)[0];
  const century = Math.floor(refYear / 100) * 100;
  return century + yy > refYear + 10 ? century - 100 + yy : century + yy;
}

/**
 * The time rules, tried in this order; at each trigger the longest match wins and ties go to the
 * earlier rule.
 */
export const TIME_RULES: readonly TimeRule[] = [
  {
    name: 'iso-date', reason: 'an ISO date is exact', example: '2025-12-01',
    pattern: re('(\\d{4})-(\\d{2})-(\\d{2})'),
    read: (m) => dayReading(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  {
    name: 'numeric-date', reason: 'a date in figures is month/day/year as American copy writes it ("9/17/16"), day/month/year where the first number cannot be a month', example: 'a speech at the foundation (9/17/16)',
    pattern: re('(?<![\\p{N}/.])(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})(?![/.]?\\p{N})'),
    read: (m, ctx) => {
      let mo = Number(m[1]);
      let d = Number(m[2]);
      if (mo > 12 && d <= 12) [mo, d] = [d, mo];
      const y = m[3]!.length === 2 ? fullYear(Number(m[3]), ctx) : Number(m[3]);
      return mo >= 1 && mo <= 12 ? dayReading(y, mo, d) : null;
    },
  },
  {
    name: 'september-11', reason: '"Sept. 11" before "attacks", "conspiracy", "commission" and the like, and "9/11", name the 2001 attacks, not this year\'s date', example: 'trafficked in Sept. 11 conspiracy theories',
    pattern: re(`(?:(?:sept?\\.?|september)\\s+11(?:th)?(?=\\s+(?:${SEPT_11_NOUNS.join('|')})(?![\\p{L}]))|(?<![\\p{N}/])9/11(?!/))`),
    read: (m, ctx) => {
      if (!REMEMBRANCE.test(m.input.slice(m.index + m[0].length, m.index + m[0].length + 16))) return dayReading(2001, 9, 11);
      const y = yearForDay(9, 11, ctx);
      return y === null ? NO_REF : dayReading(y, 9, 11);
    },
  },
  {
    name: 'month-day-year', reason: 'a full American-style date is exact', example: 'November 17, 2024',
    pattern: re(`${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`),
    read: (m) => (isMonthWord(m[1]!) ? dayReading(Number(m[3]), monthOf(m[1]!)!, Number(m[2])) : null),
  },
  {
    name: 'day-month-year', reason: 'a full British-style date is exact', example: '9 November 2024',
    pattern: re(`(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})`),
    read: (m) => dayReading(Number(m[3]), monthOf(m[2]!)!, Number(m[1])),
  },
  {
    name: 'month-day', reason: 'a date without a year is the past one unless the clause is about the future', example: 'on November 17',
    pattern: re(`${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?`),
    read: (m, ctx) => {
      if (!isMonthWord(m[1]!)) return null;
      const mo = monthOf(m[1]!)!;
      const y = yearForDay(mo, Number(m[2]), ctx);
      return y === null ? NO_REF : dayReading(y, mo, Number(m[2]));
    },
  },
  {
    name: 'day-month', reason: 'a date without a year is the past one unless the clause is about the future', example: 'until 9 November',
    pattern: re(`(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}`),
    read: (m, ctx) => {
      const mo = monthOf(m[2]!)!;
      const y = yearForDay(mo, Number(m[1]), ctx);
      return y === null ? NO_REF : dayReading(y, mo, Number(m[1]));
    },
  },
  {
    name: 'part-of-month', reason: '"early/mid/late October" is a range of days inside the month (chrono-node drops the part)', example: 'in early October',
    pattern: re(`(early|mid|late|the beginning of|the start of|the middle of|the end of)[-\\s]+${MONTH}(?:,?\\s+(\\d{4}))?`),
    read: (m, ctx) => {
      if (!isMonthWord(m[2]!) && !m[3]) return null;
      const mo = monthOf(m[2]!)!;
      const y = m[3] ? Number(m[3]) : yearForMonth(mo, ctx);
      if (y === null) return NO_REF;
      const [a, b] = PARTS[m[1]!.toLowerCase().replace(SPACES, ' ')]!;
      const last = Math.min(b, daysInMonth(y, mo));
      return {
        value: formatMonth(y, mo), grain: 'month',
        range: { start: formatDay(dayNumber(y, mo, a)), end: formatDay(dayNumber(y, mo, last)) },
      };
    },
  },
  {
    name: 'month-year', reason: 'a month with its year is exact', example: 'since December 2024',
    pattern: re(`${MONTH},?\\s+(\\d{4})`),
    read: (m) => monthReading(Number(m[2]), monthOf(m[1]!)!),
  },
  {
    name: 'month', reason: 'a month without a year is the most recent past one (news convention) unless the clause is about the future', example: 'during his visit in October',
    pattern: re(`(?:(last|this|next)\\s+)?${MONTH}`),
    read: (m, ctx) => {
      if (!isMonthWord(m[2]!) || (!m[1] && monthIsName(m, m[2]!))) return null;
      const mo = monthOf(m[2]!)!;
      if (ctx.ref === null) return NO_REF;
      const mod = m[1]?.toLowerCase();
      const [ry, rm] = ymd(ctx.ref);
      let y: number;
      if (mod === 'last') y = mo < rm ? ry : ry - 1;
      else if (mod === 'next') y = mo > rm ? ry : ry + 1;
      else if (mod === 'this') y = ry;
      else y = yearForMonth(mo, ctx)!;
      return monthReading(y, mo);
    },
  },
  {
    name: 'year', reason: 'a four-digit year from 1900 to 2099 standing alone ("in 2024", "the 2019 record", "between 2019 and 2023"); not an amount ("$2000", "2000 people")', example: 'in 2024',
    pattern: re(`(?<![$£€#\\p{N}.,:/)-])(?<!\\b(?:${NAMED_NUMBERS})\\s)((?:19|20)\\d{2})(?![.,:/-]?\\p{N})(?!-\\p{L})(?!\\s*%)(?!\\s+(?:${[...COUNTED].join('|')})(?!\\p{L}))(?!\\s+\\S+\\s+(?:street|st\\.|avenue|ave\\.|road|rd\\.|boulevard|blvd\\.|lane|drive|way)(?!\\p{L}))`),
    read: (m) => {
      const y = Number(m[1]);
      return { value: String(y), grain: 'year', range: { start: `${y}-01-01`, end: `${y}-12-31` } };
    },
  },
  {
    endsOn: (w) => OLD_YEAR.test(w),
    name: 'year-before-1900', reason: 'a year from 1600 to 1899 after "in", "since", "by", "until", "from", "of", "during" ("in 1830"); alone such a number is more often an amount', example: 'a speech by Andrew Jackson in 1830',
    pattern: re(`(?<=\\b(?:in|since|by|until|from|of|during|before|after|between|and)\\s)(1[6-8]\\d{2})(?![.,:/-]?\\p{N})(?!-\\p{L})(?!\\s*%)(?!\\s+(?:${[...COUNTED].join('|')})(?!\\p{L}))`),
    read: (m) => {
      const y = Number(m[1]);
      return { value: String(y), grain: 'year', range: { start: `${y}-01-01`, end: `${y}-12-31` } };
    },
  },
  {
    name: 'decade', reason: 'a decade, as TimeML writes it ("197" for the 1970s): four figures and an "s", or two after an apostrophe, in the latest century that does not put it in the future ("the \'80s")', example: 'first declared in the 1970s',
    pattern: re('(?:the\\s+)?(?:(?:early|mid|late)[-\\s]+)?(?:((?:1[0-9]|20)\\d)0s|[\'’](\\d)0s)'),
    read: (m, ctx) => {
      let first3: number;
      if (m[1]) first3 = Number(m[1]);
      else {
        const refYear = ctx.ref === null ? 1999 : ymd(ctx.ref)[0];
        const tens = Math.floor(refYear / 100) * 10 + Number(m[2]);
        first3 = tens * 10 > refYear ? tens - 10 : tens;
      }
      return { value: String(first3), grain: 'decade', range: { start: `${first3}0-01-01`, end: `${first3}9-12-31` } };
    },
  },
  {
    endsOn: (w) => w === 'century' || w.endsWith('-century'),
    name: 'century', reason: 'a century by its ordinal, as TimeML writes it ("17" for the 18th century, the 1700s)', example: 'a bell from an 18th-century church',
    pattern: re(`(?:the\\s+)?(?:${CENTURY_ORDINAL})[-\\s]century(?!-old)`),
    read: (m) => {
      const n = m[1] ? Number(m[1]) : CENTURY_ORDINALS[m[2]!.toLowerCase()];
      if (!n || n < 1 || n > 21) return null;
      const c = String(n - 1).padStart(2, '0');
      return { value: c, grain: 'century', range: { start: `${c}00-01-01`, end: `${c}99-12-31` } };
    },
  },
  {
    endsOn: (w) => w === 'weekend',
    name: 'weekend', reason: 'a weekend, as TimeML writes it ("2016-W37-WE"): "last" and "this past" the one before the reference date, "next" the coming one, "this weekend" and "over the weekend" by the day and the tense', example: 'the president told voters this weekend',
    pattern: re('(?:(this past|this coming|this|last|next|past|coming)\\s+|(?<=\\b(?:over|during|on|at|through|throughout|since|by)\\s)the\\s+)weekend(?!\\s+(?:before|after|of|prior|edition|show|box)\\b)'),
    read: (m, ctx) => {
      if (ctx.ref === null) return NO_REF;
      return weekendReading(weekendSaturday(m[1]?.toLowerCase().replace(SPACES, ' ') ?? 'this', ctx.ref, ctx));
    },
  },
  {
    name: 'duration-range', reason: 'a range of lengths ("one to two years") is a duration of unknown count, as TimeML writes it ("PXY")', example: 'gains held for one to two years',
    pattern: re(`${NOT_RATE}${QUAL}${NUM}(?:\\s+(?:to|or)\\s+|(?<=\\d)\\s*[-–]\\s*(?=\\d))${NUM}\\s+(?:more\\s+)?${LENGTH_UNIT}(?!\\s+(?:ago|after|before|earlier|later|old)\\b)`),
    read: (m) => {
      if (numOf(m[1]!) === null || numOf(m[2]!) === null) return null;
      const code = RANGE_UNITS[m[3]!.toLowerCase().replace(FINAL_S, '').replace(FINAL_IE, 'y')];
      return code ? { value: code, grain: 'duration' } : null;
    },
  },
  {
    name: 'duration-span', reason: '"the past decade", "the next decade", "the past year" are lengths of time reaching from the reference date, as TimeML writes them ("P10Y")', example: 'over the next decade',
    pattern: re('the\\s+(?:(?:past|last|next|coming|following|previous|preceding)\\s+(decade|century)|(?:past|last)\\s+(week|month|year))(?!\\s+(?:of|in|before|to|when|that)\\b)'),
    read: (m) => {
      const code = durationCode(1, (m[1] ?? m[2])!);
      return code === null ? null : { value: code, grain: 'duration' };
    },
  },
  {
    endsOn: (w) => QUARTER_TRIGGER.test(w),
    name: 'quarter', reason: 'a quarter or half of a year, as TimeML writes it ("2027-Q2", "2027-H2"): with its year, or in business copy ("second-quarter profit", "Q3") the current or last one', example: 'production will begin in the second quarter of 2027',
    pattern: re(`(?:(?:the\\s+)?(?:fiscal\\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)\\s+(quarter|half)\\s+of\\s+((?:19|20)\\d{2}|this\\s+year|next\\s+year|last\\s+year)|(first|second|third|fourth)-(quarter|half)(?=\\s+(?:${QUARTER_NOUNS})\\b)|Q([1-4])(?:\\s+((?:19|20)\\d{2}))?)`),
    read: (m, ctx) => {
      const half = (m[2] ?? m[5])?.toLowerCase() === 'half';
      const n = m[6] ? Number(m[6]) : ORDINALS[(m[1] ?? m[4])!.toLowerCase()]!;
      if (half && n > 2) return null;
      const named = namedYear(m[3] ?? m[7], ctx);
      if (named === null) return NO_REF;
      const year = named ?? yearForPart(half ? 6 * n - 5 : 3 * n - 2, half ? 6 : 3, ctx, undefined);
      if (year === null) return NO_REF;
      return { value: `${year}-${half ? 'H' : 'Q'}${n}`, grain: 'quarter' };
    },
  },
  {
    endsOn: (w) => w === 'quarter',
    name: 'quarter-anaphora', reason: '"the quarter" alone is the quarter the text has just named ("second-quarter profit fell … calling the quarter a miss"); with none named (a game\'s quarter) it is no time', example: 'calling the quarter a miss',
    pattern: re('(?:the|that|this)\\s+quarter(?!\\s+(?:of|century|mile|final|finals|point|inch))'),
    read: () => ({ value: null, grain: 'quarter', refersBack: 'quarter' }),
  },
  {
    endsOn: (w) => SEASON_TRIGGER.test(w),
    name: 'season', reason: 'a season, as TimeML writes it ("2026-SU"; a winter is the year it starts in): "this/last/next" count from the reference date; "in the spring" is the current or last one, or in a future clause the coming one', example: 'a sharp reversal from the summer',
    pattern: re('(?:(this|last|next|early|late)\\s+|(?:the\\s+)|(?<=\\b(?:in|during|over|through|by|until|since)\\s))(spring|summer|autumn|winter|fall)(?:\\s+of\\s+((?:19|20)\\d{2}))?(?!\\s+of\\s)'),
    read: (m, ctx) => {
      const word = m[2]!.toLowerCase();
      // "fall" without "the" or a modifier is the verb ("prices fall"), and "the fall in prices" the noun.
      if (word === 'fall' && ((!m[1] && !THE.test(m[0])) || FALL_OF_PRICES.test(m.input.slice(m.index + m[0].length)))) return null;
      // "the Spring Festival", "the Winter Olympics": a name.
      if (CAPITAL.test(m[2]!) && capitalisedAfter(m)) return null;
      const [code, start] = SEASONS[word]!;
      const mod = m[1]?.toLowerCase();
      const year = m[3] ? Number(m[3]) : yearForPart(start, 3, ctx, mod === 'early' || mod === 'late' ? undefined : mod);
      if (year === null) return NO_REF;
      return { value: `${year}-${code}`, grain: 'season' };
    },
  },
  {
    endsOn: (w) => HOLIDAY_TRIGGER.test(w),
    name: 'holiday', reason: 'a holiday named by name is its day ("Labor Day", "Thanksgiving", "Christmas Eve", "Easter"), in the year given, or the one its tense or its nearness says', example: 'the rally on Labor Day',
    pattern: re(`(?:(last|this|next)\\s+)?${HOLIDAY}(?:,?\\s+((?:19|20)\\d{2}))?(?![\\p{L}-])`),
    read: (m, ctx) => {
      // "Christmas Island", "Easter Island", "Barack Obama Election Day": names; "Christmas trees": no day.
      if (capitalisedAfter(m) && !m[3]) return null;
      const before = m.input.slice(Math.max(0, m.index - 24), m.index);
      if (!m[1] && CAPITALISED_BEFORE.test(before) && !BEFORE_MONTH.test(before)) return null;
      if (HOLIDAY_THINGS.test(m.input.slice(m.index + m[0].length, m.index + m[0].length + 16))) return null;
      const r = holidayReading(m[2]!, m[1]?.toLowerCase(), m[3] ? Number(m[3]) : undefined, ctx);
      if (r && !m[1] && !m[3]) r.holiday = m[2]!;
      return r;
    },
  },
  {
    endsOn: (w) => w === 'morning' || w === 'afternoon' || w === 'evening' || w === 'night',
    name: 'part-of-day', reason: 'a part of a day, as TimeML writes it ("2026-07-30TAF"): "in the afternoon", "through the evening", "afternoon trading", on the day the sentence names, else the reference date', example: 'Shares fell in afternoon trading.',
    pattern: re('(?:(?<=\\b(?:in|through|during|by|into|until)\\s)the\\s+(morning|afternoon|evening)|(morning|afternoon|evening)(?=\\s+(?:trading|session|bulletin|news|newscast|rush|commute|briefing|edition|show)\\b))'),
    read: (m) => {
      const part = (m[1] ?? m[2])!.toLowerCase();
      return { value: null, grain: 'time', clock: { time: part === 'morning' ? 'MO' : part === 'afternoon' ? 'AF' : 'EV', plusDays: 0 } };
    },
  },
  {
    endsOn: (w) => w === 'year' || w === 'year-end' || w === 'full-year',
    name: 'year-end', reason: '"the end of the year", "year-end", "full-year" and "for the year" name the reference year', example: 'cut its forecast for the year',
    pattern: re('(?:the\\s+end\\s+of\\s+the\\s+year|year-end|full-year|(?<=\\bfor\\s)the\\s+year(?!\\s+(?:before|after|earlier|later|prior|ago|(?:19|20)\\d\\d)))'),
    read: (m, ctx) => {
      if (ctx.ref === null) return NO_REF;
      const [y] = ymd(ctx.ref);
      return { value: String(y), grain: 'year', range: { start: `${y}-01-01`, end: `${y}-12-31` } };
    },
  },
  {
    endsOn: (w) => CLOCK_TRIGGER.test(w),
    name: 'clock', reason: 'a clock time ("10 a.m.", "9:05 p.m.", "noon", "midnight") on the day the sentence names, else the reference date; midnight ends its day', example: 'leave by 10 a.m.',
    pattern: re('(?:(\\d{1,2})(?::(\\d{2}))?\\s*(a\\.m\\.|p\\.m\\.|am|pm)|(noon|midday|midnight))'),
    read: (m) => {
      if (m[4]) {
        // "Midnight Oil", "Noon Street": a name.
        if (capitalisedAfter(m) && CAPITAL.test(m[4])) return null;
        const w = m[4].toLowerCase();
        return { value: null, grain: 'time', clock: { time: w === 'midnight' ? '00:00' : '12:00', plusDays: w === 'midnight' ? 1 : 0 } };
      }
      let h = Number(m[1]);
      const min = m[2] ? Number(m[2]) : 0;
      if (h < 1 || h > 12 || min > 59) return null;
      const pm = m[3]!.toLowerCase().startsWith('p');
      if (pm && h < 12) h += 12;
      if (!pm && h === 12) h = 0;
      return { value: null, grain: 'time', clock: { time: `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`, plusDays: 0 } };
    },
  },
  {
    name: 'weekday', reason: 'a bare weekday is the most recent one up to the reference date, or the coming one in a future clause (chrono-node reads "said Friday" as the coming Friday); with a part of the day it is that part ("2016-09-17TNI")', example: 'Israeli forces struck on Friday',
    pattern: re(`(?:(last|this|next|this past|this coming|past|coming)\\s+)?${WEEKDAY}(?:\\s+(morning|afternoon|evening|night))?`),
    read: (m, ctx) => {
      if (ctx.ref === null) return NO_REF;
      const wd = WEEKDAYS[m[2]!.toLowerCase()]!;
      const mod = m[1]?.toLowerCase().replace(SPACES, ' ');
      const refWd = weekday(ctx.ref);
      const back = (refWd - wd + 7) % 7;
      const fwd = (wd - refWd + 7) % 7;
      let day: number;
      if (mod === 'last' || mod === 'this past' || mod === 'past') day = ctx.ref - (back === 0 ? 7 : back);
      else if (mod === 'next' || mod === 'this coming' || mod === 'coming') day = ctx.ref + (fwd === 0 ? 7 : fwd);
      else if (mod === 'this') day = weekStart(ctx.ref) + wd - 1;
      else day = ctx.future ? ctx.ref + fwd : ctx.ref - back;
      // "Saturday night" is a part of that day, as TimeML writes it ("2016-09-17TNI").
      if (m[3]) return { value: `${formatDay(day)}T${PART_OF_DAY[m[3].toLowerCase()]!}`, grain: 'time' };
      return { value: formatDay(day), grain: 'day' };
    },
  },
  {
    name: 'deictic-day', reason: 'today, yesterday and tomorrow count from the reference date; "tonight", "last night" and "this morning" are parts of those days ("2016-09-17TNI")', example: 'said yesterday',
    pattern: re('(today|tonight|yesterday|tomorrow|this morning|this afternoon|this evening|last night)'),
    read: (m, ctx) => {
      // "USA Today", "Russia Today": a capitalised name before it.
      if (CAPITAL.test(m[1]!) && NAME_BEFORE.test(m.input.slice(Math.max(0, m.index - 24), m.index))) return null;
      if (ctx.ref === null) return NO_REF;
      const w = m[1]!.toLowerCase();
      const d = w === 'yesterday' || w === 'last night' ? -1 : w === 'tomorrow' ? 1 : 0;
      // "tonight", "last night", "this morning": a part of the day, as TimeML writes it.
      const part = PART_OF_DAY[w.slice(w.lastIndexOf(' ') + 1)];
      if (part) return { value: `${formatDay(ctx.ref + d)}T${part}`, grain: 'time' };
      return { value: formatDay(ctx.ref + d), grain: 'day' };
    },
  },
  {
    name: 'deictic-unit', reason: '"last week" is the ISO week before the reference week; likewise months and years', example: 'a Channel 12 report last week',
    pattern: re('(last|this past|this|next|previous|coming|earlier this|later this)\\s+(week|month|year)'),
    read: (m, ctx) => {
      if (ctx.ref === null) return NO_REF;
      const mod = m[1]!.toLowerCase().replace(SPACES, ' ');
      const unit = m[2]!.toLowerCase() as TimeUnit;
      const n = mod === 'last' || mod === 'previous' ? -1 : mod === 'next' || mod === 'coming' ? 1 : 0;
      // "This past week" is the unit the day before the reference date is in: on a Monday, last week.
      const day = mod === 'this past' ? ctx.ref - 1 : ctx.ref;
      const [y, mo] = ymd(day);
      let r: TimeReading;
      if (unit === 'week') r = weekReading(day + 7 * n);
      else if (unit === 'month') { const [yy, mm] = addMonths(y, mo, n); r = monthReading(yy, mm); }
      else r = { value: String(y + n), grain: 'year', range: { start: `${y + n}-01-01`, end: `${y + n}-12-31` } };
      if (mod === 'earlier this' && r.range) r.range = { start: r.range.start, end: formatDay(ctx.ref) };
      if (mod === 'later this' && r.range) r.range = { start: formatDay(ctx.ref), end: r.range.end };
      return r;
    },
  },
  {
    name: 'ago', reason: '"N units ago" counts back from the reference date; a year ago keeps month precision, more years are a year', example: 'overthrew Assad a year ago',
    pattern: re(`${QUAL}${NUM}\\s+${UNIT}\\s+ago`),
    read: (m, ctx) => {
      if (ctx.ref === null) return NO_REF;
      const n = numOf(m[1]!);
      const unit = unitOf(m[2]!);
      if (n === null) return null;
      if (VAGUE_COUNT.test(m[1]!)) return vague(m);
      const [y, mo] = ymd(ctx.ref);
      if (unit === 'day') return { value: formatDay(ctx.ref - n), grain: 'day' };
      if (unit === 'week') return weekReading(ctx.ref - 7 * n);
      if (unit === 'month') { const [yy, mm] = addMonths(y, mo, -n); return monthReading(yy, mm); }
      const years = unit === 'decade' ? 10 * n : n;
      // "A year ago" reads as "this time last year", so it keeps the month; "eight years ago" and
      // "more than a year ago" are a year.
      if (years > 1 || QUALIFIED.test(m[0])) return { value: String(y - years), grain: 'year', range: { start: `${y - years}-01-01`, end: `${y - years}-12-31` } };
      return monthReading(y - years, mo);
    },
  },
  {
    name: 'relative-after-before', reason: '"a day after X", "the week before", "two days later" are relative to the event or time the text names, not to the publication date (chrono-node anchors them on the reference date)', example: 'the call came a day after Netanyahu requested a pardon',
    pattern: re(`(?:${NUM}\\s+${UNIT}|the\\s+(day|week|month|year))\\s+(after|before|earlier|later|prior)`),
    read: (m) => {
      const n = m[1] ? numOf(m[1]) : 1;
      const unitWord = m[2] ?? m[3];
      if (n === null || !unitWord) return null;
      if (m[1] && VAGUE_COUNT.test(m[1])) return vague(m);
      const u = unitOf(unitWord);
      const unit: TimeUnit = u === 'decade' ? 'year' : u;
      const sign = AFTER_LATER.test(m[4]!) ? 1 : -1;
      return { value: null, grain: unit, relative: { unit, n: sign * (u === 'decade' ? 10 * n : n) } };
    },
  },
  {
    name: 'relative-adjacent', reason: '"the following day", "the previous week" count from the time the text has just named', example: 'talks resumed the following day',
    pattern: re('(?:the\\s+)?(following|previous|next|preceding)\\s+(day|week|month|year)'),
    read: (m) => {
      const unit = m[2]!.toLowerCase() as TimeUnit;
      const sign = FOLLOWING_NEXT.test(m[1]!) ? 1 : -1;
      return { value: null, grain: unit, relative: { unit, n: sign } };
    },
  },
  {
    name: 'vague', reason: 'vague times are kept but not given a value', example: 'in recent weeks',
    pattern: re(`(in recent (?:days|weeks|months|years)|recent (?:days|weeks|months|years)|in the near future|in the coming (?:days|weeks|months|years)|in the future|in the past(?!\\s+(?:\\d|${SMALL}|ten|few|several|couple|week|month|year|decade|day))|(?<=\\b(?:for|in)\\s)(?:many\\s+|several\\s+)?(?:days|weeks|months|years|decades|centuries)(?!\\s+(?:ago|before|after|earlier|later|of)))`),
    read: (m) => ({ value: null, grain: 'unknown', reason: `vague expression "${m[1]!.toLowerCase()}"` }),
  },
  {
    name: 'duration', reason: 'a length of time is a duration, kept apart from dates', example: 'for nearly two months',
    pattern: re(`${NOT_RATE}(?<!\\b(?:on|every)\\s+)${QUAL}${NUM}\\s+(?:more\\s+|full\\s+)?${LENGTH_UNIT}(?!\\s+(?:ago|after|before|earlier|later|prior|old)\\b)`),
    read: (m) => {
      const n = numOf(m[1]!);
      if (n === null) return null;
      if (VAGUE_COUNT.test(m[1]!)) return vague(m);
      const code = durationCode(n, m[2]!);
      return code === null ? null : { value: code, grain: 'duration' };
    },
  },
  {
    name: 'duration-compound', reason: 'hyphenated lengths ("a 30-day siege", "24-hour strike") are durations', example: 'a 24-hour hunger strike',
    pattern: re(`(?<![\\p{N}.-])(\\d{1,3}|${NUM.slice(1, -1)})-(day|week|month|year|decade|hour|minute)(?!-old)`),
    read: (m) => {
      // "the Six-Day War", "the Hundred Years' War": a name.
      if (CAPITAL.test(m[0]) && capitalisedAfter(m)) return null;
      const n = numOf(m[1]!);
      if (n === null || n < 1) return null;
      const code = durationCode(n, m[2]!);
      return code === null ? null : { value: code, grain: 'duration' };
    },
  },
];

/**
 * Lower-case words that can end a time expression; only tokens in this set start a rule search,
 * which keeps the stage linear in the text.
 */
export const TIME_TRIGGERS: ReadonlySet<string> = new Set([
  ...Object.keys(MONTHS), ...Object.keys(MONTHS).map((k) => `${k}.`), ...Object.keys(WEEKDAYS),
  'today', 'tonight', 'yesterday', 'tomorrow', 'morning', 'afternoon', 'evening', 'night',
  'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'decade', 'decades',
  'ago', 'after', 'before', 'earlier', 'later', 'prior', 'future', 'past',
  'hour', 'hours', 'minute', 'minutes', 'century', 'centuries', 'year-end', 'full-year',
  'a.m.', 'p.m.', 'am', 'pm', 'noon', 'midday', 'midnight',
  'quarter', 'half', 'q1', 'q2', 'q3', 'q4', 'first-quarter', 'second-quarter', 'third-quarter', 'fourth-quarter', 'first-half', 'second-half',
  'spring', 'summer', 'autumn', 'winter', 'fall', 'weekend',
  'day', 'eve', 'christmas', 'halloween', 'thanksgiving', 'easter', 'juneteenth', 'july', 'friday', 'fourth', 'sunday',
]);
