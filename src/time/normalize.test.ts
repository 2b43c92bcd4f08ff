import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TimeExpression } from '../core/types.js';
import { WorkingDoc } from '../core/working-doc.js';
import { segmentStage } from '../text/segment.js';
import { normalizeTimes } from './normalize.js';
import { timesStage } from './stage.js';

// 2025-12-02 is a Tuesday.
const REF = '2025-12-02';

function times(text: string, ref: string | null = REF): (TimeExpression & { text: string })[] {
  const doc = new WorkingDoc(text, { path: null, type: 'text' }, ref ? { date: ref } : {});
  segmentStage().run(doc);
  return normalizeTimes(doc.text, doc.tokens, ref).map((t) => ({ ...t, text: text.slice(t.start, t.end) }));
}

function one(text: string, phrase: string, ref: string | null = REF): TimeExpression & { text: string } {
  const t = times(text, ref).find((x) => x.text === phrase);
  assert.ok(t, `no time "${phrase}" in: ${JSON.stringify(times(text, ref).map((x) => x.text))}`);
  return t;
}

test('a weekday in a past-tense sentence is the most recent past one (not the coming one)', () => {
  assert.equal(one('The mayor said Friday that the bridge had closed.', 'Friday').value, '2025-11-28');
  assert.equal(one('The Monday meeting ran late.', 'Monday').value, '2025-12-01');
  assert.equal(one('The council voted on Tuesday.', 'Tuesday').value, '2025-12-02');
  assert.equal(one('The council will vote on Friday.', 'Friday').value, '2025-12-05');
  assert.equal(one('They met last Tuesday.', 'last Tuesday').value, '2025-11-25');
});

test('parts of months are ranges in the right year', () => {
  const t = one('The truce began in early October and held.', 'early October');
  assert.equal(t.value, '2025-10');
  assert.deepEqual(t.range, { start: '2025-10-01', end: '2025-10-10' });
  assert.deepEqual(one('Talks stalled in late February.', 'late February').range, { start: '2025-02-21', end: '2025-02-28' });
});

test('months without a year are the past one unless the clause is about the future', () => {
  assert.equal(one('The envoy visited in October.', 'October').value, '2025-10');
  assert.equal(one('The envoy will visit in March.', 'March').value, '2026-03');
  assert.equal(one('Prices fell in December 2024.', 'December 2024').value, '2024-12');
});

test('deictic weeks, months, years and "ago"', () => {
  const w = one('A report last week said so.', 'last week');
  assert.equal(w.value, '2025-W48');
  assert.deepEqual(w.range, { start: '2025-11-24', end: '2025-11-30' });
  assert.equal(one('The plant closed a year ago.', 'a year ago').value, '2024-12');
  assert.equal(one('The plant closed three days ago.', 'three days ago').value, '2025-11-29');
  assert.equal(one('Sales rose this year.', 'this year').value, '2025');
  assert.equal(one('He resigned yesterday.', 'yesterday').value, '2025-12-01');
});

test('durations are kept apart from dates', () => {
  const d = one('The siege has lasted nearly two months.', 'nearly two months');
  assert.equal(d.grain, 'duration');
  assert.equal(d.value, 'P2M');
  assert.equal(one('A 24-hour strike began.', '24-hour').value, 'PT24H');
});

test('relative expressions anchor on the time the text names, not on the publication date', () => {
  const ts = times('A paper reported last week that the firm made an offer the week before.');
  const before = ts.find((t) => t.text === 'the week before')!;
  const last = ts.find((t) => t.text === 'last week')!;
  assert.equal(before.value, '2025-W47');
  assert.equal(before.anchor, last.id);
  // "The vote came a day after X": X happened one day before the vote.
  const ts2 = times('The Monday vote was close. The vote came a day after the mayor resigned.');
  const after = ts2.find((t) => t.text === 'a day after')!;
  assert.equal(after.value, '2025-11-30');
  assert.equal(after.anchor, ts2.find((t) => t.text === 'Monday')!.id);
});

test('unresolved expressions are kept with a reason', () => {
  const v = one('Prices rose in recent weeks.', 'in recent weeks');
  assert.equal(v.value, null);
  assert.match(v.reason ?? '', /vague/);
  const f = one('They met on Friday.', 'Friday', null);
  assert.equal(f.value, null);
  assert.match(f.reason ?? '', /reference date/);
});

test('"may" and "march" as words are not months; ids run t1, t2…', () => {
  assert.equal(times('Troops may march on the city.').length, 0);
  const ts = times('On Monday and on Friday they met.');
  assert.deepEqual(ts.map((t) => t.id), ['t1', 't2']);
});

test('timesStage fills doc.times from the --date option and says when it has no date', () => {
  const doc = new WorkingDoc('They met on Friday.', { path: null, type: 'text' }, { date: REF });
  segmentStage().run(doc);
  timesStage().run(doc);
  assert.equal(doc.times?.[0]?.value, '2025-11-28');
  const bare = new WorkingDoc('They met on Friday.', { path: null, type: 'text' }, {});
  segmentStage().run(bare);
  timesStage().run(bare);
  assert.ok(bare.messages.some((m) => m.code === 'times/no-reference-date'));
});

test('clock times sit on the day their sentence names, else the reference date; midnight ends its day', () => {
  assert.equal(one('Residents were told to leave by 10 a.m. as the river rose.', '10 a.m.').value, '2025-12-02T10:00');
  assert.equal(one('On Saturday, two men walked in shortly after 2 p.m. and left at 2:15 pm.', '2 p.m.').value, '2025-11-29T14:00');
  assert.equal(one('On Saturday, two men walked in shortly after 2 p.m. and left at 2:15 pm.', '2:15 pm').value, '2025-11-29T14:15');
  const midnight = one('She conceded shortly before midnight.', 'midnight');
  assert.equal(midnight.value, '2025-12-03T00:00');
  assert.equal(midnight.grain, 'time');
  assert.equal(one('The vote ended at 9 pm.', '9 pm', null).value, 'T21:00');
  assert.deepEqual(times('He scored 13 points.').map((t) => t.text), []);
});

test('a four-digit year standing alone is a year; amounts and counts are not', () => {
  assert.deepEqual(times('Funds moved between 2019 and 2023, above the 2019 record. In a 2005 interview she spoke.').map((t) => [t.text, t.value]),
    [['2019', '2019'], ['2023', '2023'], ['2019', '2019'], ['2005', '2005']]);
  assert.deepEqual(times('The county paid $2000 for 2000 people, or 2019.5 each, and 1999% more.').map((t) => t.text), []);
});

test('durations in hours, minutes, centuries and spelled numbers; rates are not lengths of time', () => {
  const d = (text: string) => times(text).map((t) => [t.text, t.value, t.grain]);
  assert.deepEqual(d('Ships waited 31 hours, after fourteen years of calm and half a century of growth.'),
    [['31 hours', 'PT31H', 'duration'], ['fourteen years', 'P14Y', 'duration'], ['half a century', 'P50Y', 'duration']]);
  assert.deepEqual(d('A five-month standoff and a 90-minute match.'), [['five-month', 'P5M', 'duration'], ['90-minute', 'PT90M', 'duration']]);
  assert.deepEqual(d('It will save $45 million a year and wards are cleaned twice a day.'), []);
  assert.deepEqual(d('A 40-year-old man.'), []);
});

test('"for the year", "the end of the year" and "full-year" name the reference year; "for years" is vague; "soon" is no time', () => {
  assert.equal(one('The company cut its forecast for the year on Tuesday.', 'the year').value, '2025');
  assert.equal(one('Talks will resume before the end of the year.', 'the end of the year').value, '2025');
  const vague = one('Drivers have demanded repairs for years.', 'years');
  assert.deepEqual([vague.value, vague.grain], [null, 'unknown']);
  assert.deepEqual(times('They called us as soon as it was safe, and recently said more.').map((t) => t.text), []);
});

test('"would" and "could" put a reported clause in the future', () => {
  assert.equal(one('The store said it would reopen on Wednesday.', 'Wednesday').value, '2025-12-03');
  assert.equal(one('The premier said he would call an early election for June.', 'June').value, '2026-06');
});

test('quarters, halves and seasons as TimeML writes them; a game\'s quarter and "the fall of" are no dates', () => {
  const v = (text: string, ref: string) => times(text, ref).map((t) => [t.text, t.value, t.grain]);
  assert.deepEqual(v('Production will begin in the second quarter of 2027.', '2026-05-12'), [['the second quarter of 2027', '2027-Q2', 'quarter']]);
  assert.deepEqual(v('Its second-quarter profit fell 22 percent.', '2026-07-30'), [['second-quarter', '2026-Q2', 'quarter']]);
  assert.deepEqual(v('Demand should recover in the second half of next year.', '2026-07-30'), [['the second half of next year', '2027-H2', 'quarter']]);
  assert.deepEqual(v('The result was a sharp reversal from the summer.', '2026-11-03'), [['the summer', '2026-SU', 'season']]);
  assert.deepEqual(v('She said she would bring it back in the spring.', '2025-02-14'), [['the spring', '2025-SP', 'season']]);
  assert.deepEqual(v('Last winter was mild; this winter will not be.', '2026-01-10'), [['Last winter', '2024-WI', 'season'], ['this winter', '2025-WI', 'season']]);
  assert.deepEqual(v('After the fall of the regime, prices fall.', '2026-01-10'), []);
  assert.deepEqual(v('He scored in the fourth quarter to complete a fourth-quarter comeback.', '2026-01-10'), []);
});

test('a relative time counts from the nearest earlier time as fine as its unit', () => {
  const t = one('The senator said in a March 30 speech that crime had doubled since the sheriff took office in 2021. Two days later, he wrote on Facebook.', 'Two days later', '2026-04-10');
  assert.equal(t.value, '2026-04-01');
});

/** Times read by the whole pipeline, parts of speech included (the rate and future checks use them). */
async function full(text: string, ref = REF): Promise<(TimeExpression & { text: string })[]> {
  const { analyze } = await import('../analyze.js');
  return (analyze(text, { date: ref }).times ?? []).map((t) => ({ ...t, text: text.slice(t.start, t.end) }));
}

/** The value the whole pipeline gives a phrase, read against `ref`. */
async function fullValue(text: string, phrase: string, ref: string): Promise<string | null | undefined> {
  return (await full(text, ref)).find((t) => t.text === phrase)?.value;
}

test('after a fuzzing pass: rates, ages, named numbers, names that look like months or seasons are no times', async () => {
  const none = ['Output hit 100,000 barrels a day.', 'It costs $45m a year.', 'He drove 90 miles an hour.', 'He is 30 years old.',
    'The 1930 GMT deadline passed.', 'A history of 2000 years.', 'A 2000-meter race.', 'Windows 2000 crashed in Room 2010.', 'He lives at 2019 Main Street.',
    'He scored 2000 points.', 'The fall in oil prices hurt.', 'The Spring Festival began.', 'Theresa May said it.', 'Jan Kowalski spoke.', 'Midnight Oil played.'];
  for (const text of none) assert.deepEqual((await full(text)).map((t) => t.text), [], text);
  assert.deepEqual(times('It lasted two hundred years, then half an hour, then twenty-five years.').map((t) => t.value), ['P200Y', 'PT30M', 'P25Y']);
  assert.equal(one('In May Mr. Smith said no.', 'May').value, '2025-05');
});

test('after a fuzzing pass: "this summer" is the one that starts in the reference year; past-tense "due to", "than expected", "could not" are no future', async () => {
  assert.equal(one('Tourism numbers this summer look strong.', 'this summer', '2026-05-10').value, '2026-SU');
  assert.equal(one('Heating bills this winter look high.', 'this winter', '2025-11-10').value, '2025-WI');
  const ref = '2025-11-05';
  assert.equal(one('Flights were cancelled due to the storm on Monday.', 'Monday', ref).value, '2025-11-03');
  assert.equal(one('Sales were higher than expected in October.', 'October', ref).value, '2025-10');
  assert.equal(one('Officials could not confirm the figures released on Monday.', 'Monday', ref).value, '2025-11-03');
  assert.equal((await full('The board is due to meet on Monday.', ref)).find((t) => t.text === 'Monday')?.value, '2025-11-10');
});

test('after a fuzzing pass: relative times count from a clock time\'s day or a quarter', () => {
  assert.equal(one('On March 3, the blast happened at 10 a.m. Two days later, police arrived.', 'Two days later', '2025-11-05').value, '2025-03-05');
  assert.equal(one('Sales fell in the second quarter of 2024. A year later, they recovered.', 'A year later', '2025-11-05').value, '2025');
});

test('parts of the day as TimeML writes them, on the day their sentence names', () => {
  assert.equal(one('Shares fell 7 percent in afternoon trading.', 'afternoon').value, '2025-12-02TAF');
  assert.equal(one('On Monday the vote came in the evening.', 'the evening').value, '2025-12-01TEV');
  assert.deepEqual(times('The morning was cold.').map((t) => t.text), []);
});

test('a date without a year is the nearer one where no tense says which ("leaves office on Jan. 20" in September)', async () => {
  const at = (text: string, phrase: string) => fullValue(text, phrase, '2016-09-20');
  assert.equal(await at('Obama leaves office on Jan. 20.', 'Jan. 20'), '2017-01-20');
  assert.equal(await at('The outcome of the Nov. 8 election is uncertain.', 'Nov. 8'), '2016-11-08');
  assert.equal(await at('The rally was held on Nov. 8.', 'Nov. 8'), '2015-11-08');
  assert.equal(await at('On March 3, the blast happened.', 'March 3'), '2016-03-03');
});

test('holidays by name: fixed and floating days, in the year the sentence or its tense says; names and "Christmas trees" are none', async () => {
  const at = (text: string, phrase: string) => fullValue(text, phrase, '2016-09-20');
  assert.equal(await at('The rally was held on Labor Day.', 'Labor Day'), '2016-09-05');
  assert.equal(await at('The vote is on Election Day.', 'Election Day'), '2016-11-08');
  assert.equal(await at('Stores will open early on Black Friday.', 'Black Friday'), '2016-11-25');
  assert.equal(await at('We met last Christmas.', 'last Christmas'), '2015-12-25');
  assert.equal(await at('On Good Friday 2024 they marched.', 'Good Friday 2024'), '2024-03-29');
  assert.equal(await at('He won in 2012. Soon after Election Day, he spoke.', 'Election Day'), '2012-11-06');
  for (const text of ['They flew to Christmas Island.', 'They sold Christmas trees.', 'It was called Barack Obama Election Day.']) {
    assert.deepEqual((await full(text, '2016-09-20')).map((t) => t.text), [], text);
  }
});

test('"the quarter" alone is the quarter just named, and no time where none is', () => {
  assert.deepEqual(times('Its second-quarter profit fell 22 percent. Analysts called the quarter a miss.', '2026-07-30').map((t) => [t.text, t.value]),
    [['second-quarter', '2026-Q2'], ['the quarter', '2026-Q2']]);
  assert.deepEqual(times('He scored late and the quarter ended.', '2026-07-30').map((t) => t.text), []);
});

test('weekends as TimeML writes them: the one just gone in a Monday story, the coming one in a future clause', () => {
  // 2016-09-19 is a Monday.
  const at = (text: string, phrase: string) => one(text, phrase, '2016-09-19').value;
  assert.equal(at('The president told voters this weekend that he would fight.', 'this weekend'), '2016-W37-WE');
  assert.equal(at('He will speak this weekend in Ohio.', 'this weekend'), '2016-W38-WE');
  assert.equal(at('Over the weekend, protesters gathered.', 'the weekend'), '2016-W37-WE');
  assert.equal(at('Last weekend the talks collapsed.', 'Last weekend'), '2016-W37-WE');
  assert.deepEqual(one('Talks resume next weekend.', 'next weekend', '2016-09-24').range, { start: '2016-10-01', end: '2016-10-02' });
  assert.equal(at('She addressed the symposium this past week.', 'this past week'), '2016-W37');
  assert.deepEqual(times('The weekend before the vote was quiet.', '2016-09-19').map((t) => t.text), []);
});

test('decades, centuries, dates in figures and years before 1900', () => {
  const values = (text: string) => times(text, '2016-09-19').map((t) => [t.text, t.value, t.grain]);
  assert.deepEqual(values("It began in the 1970s and the '80s."), [['the 1970s', '197', 'decade'], ["the '80s", '198', 'decade']]);
  assert.deepEqual(values('A bell from an 18th-century church rang in the twenty-first century.'), [['18th-century', '17', 'century'], ['the twenty-first century', '20', 'century']]);
  assert.deepEqual(values('The speech (9/17/16) went viral; the next on 11/18/2019.'), [['9/17/16', '2016-09-17', 'day'], ['11/18/2019', '2019-11-18', 'day']]);
  assert.deepEqual(values('Andrew Jackson spoke there in 1830 to 1830 people.'), [['1830', '1830', 'year']]);
  // Sept. 11 the attacks, and this year's day of remembrance.
  assert.deepEqual(values('He spread Sept. 11 conspiracy theories before a 9/11 memorial ceremony.'), [['Sept. 11', '2001-09-11', 'day'], ['9/11', '2016-09-11', 'day']]);
  // Ranges of fractions and scores are no dates.
  assert.deepEqual(values('They won 3/4 of the seats.'), []);
});

test('lengths: ranges, spans from now, vague counts, and no length after "every" or "on a day"', () => {
  const values = (text: string) => times(text, '2016-09-19').map((t) => [t.text, t.value]);
  assert.deepEqual(values('Gains held for one to two years are taxed more.'), [['one to two years', 'PXY']]);
  assert.deepEqual(values('It would raise $1 trillion over the next decade.'), [['the next decade', 'P10Y']]);
  assert.deepEqual(values('She said she would speak in a few weeks.'), [['a few weeks', null]]);
  assert.deepEqual(values('Several weeks ago, she spoke.'), [['Several weeks ago', null]]);
  assert.deepEqual(values('Every 72 minutes, a veteran dies.'), []);
  assert.deepEqual(values('On a day rich in symbolism, the museum opened.'), []);
  assert.deepEqual(values('He was called to testify twice in the past two weeks.'), [['two weeks', 'P2W']]);
});

test('years ago: a year keeps the month, more years or a qualified year are a year', () => {
  const values = (text: string) => times(text, '2016-09-19').map((t) => [t.text, t.value]);
  assert.deepEqual(values('A year ago, he lost.'), [['A year ago', '2015-09']]);
  assert.deepEqual(values('Eight years ago, he won.'), [['Eight years ago', '2008']]);
  assert.deepEqual(values('It began more than a year ago.'), [['more than a year ago', '2015']]);
});

test('parts of named days are TimeML parts ("2016-09-17TNI"), and a clock time takes its day from one', () => {
  const values = (text: string) => times(text, '2016-09-19').map((t) => [t.text, t.value, t.grain]);
  assert.deepEqual(values('Mr. Obama said on Saturday night that he was proud.'), [['Saturday night', '2016-09-17TNI', 'time']]);
  assert.deepEqual(values('She left this morning and came back last night.'), [['this morning', '2016-09-19TMO', 'time'], ['last night', '2016-09-18TNI', 'time']]);
  assert.deepEqual(values('Thieves struck on Saturday afternoon shortly after 2 p.m.').map((v) => v[1]), ['2016-09-17TAF', '2016-09-17T14:00']);
  // "USA Today" and "Russia Today" are names; "Today," at a sentence start is the day.
  assert.deepEqual(values('USA Today reported it. Russia Today did not. Today, he spoke.').map((v) => v[0]), ['Today']);
});

test('real pages: plans in a past clause, a weekday beside its date, "comes a day after", "the 18 years after", "$6.99-a-month"', async () => {
  const value = (text: string, phrase: string) => one(text, phrase, '2019-11-20').value;
  // Tense needs parts of speech: the whole pipeline.
  const tagged = (text: string, phrase: string) => fullValue(text, phrase, '2019-11-20');
  assert.equal(await tagged('The company shelved its plans for a public offering on September 30, people said.', 'September 30'), '2019-09-30');
  assert.equal(await tagged('Mr. Trump canceled an increase in tariffs planned for Oct. 15.', 'Oct. 15'), '2019-10-15');
  assert.equal(await tagged('The company plans to open its first store on Friday.', 'Friday'), '2019-11-22');
  assert.equal(value('She was last seen at 6:38 p.m. on Saturday, May 18, police said.', 'Saturday'), '2019-05-18');
  assert.equal(value('She was last seen at 6:38 p.m. on Saturday, May 18, police said.', '6:38 p.m.'), '2019-05-18T18:38');
  assert.equal(value('The ruling came on Monday, Nov. 13, 2017, in court.', 'Monday'), '2017-11-13');
  // A weekday that disagrees with the date beside it is left as it was read.
  assert.equal(value('The ruling came on Tuesday, Nov. 13, 2017, in court.', 'Tuesday'), '2019-11-19');
  assert.equal(value('The crash comes a day after the rebels swapped two hostages.', 'a day after'), '2019-11-19');
  assert.equal(value('Violence has grown in the 18 years after the invasion began.', '18 years after'), 'P18Y');
  assert.deepEqual(times('The plan costs $6.99-a-month.', '2019-11-20').map((t) => t.text), []);
});

test('a month without a year in a story of another year, a far future cue, and the Six-Day War', async () => {
  const value = (text: string, phrase: string) => one(text, phrase, '2019-11-20').value;
  assert.equal(value('He visited his doctor in November 2016. But by December, the pains had worsened.', 'December'), '2016-12');
  assert.equal(value('Lawmakers return for their 2020 session that starts in early January.', 'early January'), '2020-01');
  // A bare year in the sentence before does not set the story's time.
  assert.equal(value('He won handily in 2008 and 2012. After aides insisted in June that he would campaign, he did.', 'June'), '2019-06');
  assert.equal(value('She will be allowed to play her old tracks at the American Music Awards on Sunday.', 'Sunday'), '2019-11-24');
  assert.deepEqual(times('Israel took the city in the 1967 Six-Day War.', '2019-11-20').map((t) => t.text), ['1967']);
});
