import type { Span, TimeExpression } from '../core/types.js';
import type { Token } from '../core/working-doc.js';
import { addMonths, formatDay, formatMonth, formatWeek, parseDay, valueStart, weekday, weekStart, ymd } from './calendar.js';
import { durationCode, holidayIn, TIME_RULES, TIME_TRIGGERS, type TimeReading, type TimeRule, type TimeUnit } from './rules.js';
import { toLower } from '../text/lower.js';

// Regex literals live at module level: one in a function body allocates a new RegExp per call.
const YEAR = /^(?:19|20)\d\d$/;
/** Years before 1900, read only after a preposition (see the `year-before-1900` rule). */
const OLD_YEAR = /^1[6-8]\d\d$/;
const UNIT_COMPOUND = /^\d+-(?:day|week|month|year|hour)s?$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK = /^\d{1,2}(?::\d{2})?(?:am|pm)$/;
/** "1970s", "80s" (after an apostrophe), "9/17/16", "9/11". */
const DECADE = /^(?:(?:1\d|20)\d|\d)0s$/;
const FIGURES_DATE = /^\d{1,2}\/\d{1,2}(?:\/\d{2}|\/\d{4})?$/;
const PAST_TAG = /^VB[DN]$/;
const OTHER_VERB_TAG = /^(?:VB[PZG]?|MD)$/;
const VERB_TAG = /^VB/;
/** "a year", "an hour", "per day": one unit, which after an amount is a rate. */
const ONE_UNIT = /^(?:a|an|per)\s/i;
/** What may stand between a weekday and the date it names ("Monday, Nov. 13"). */
const WEEKDAY_GAP = /^,?\s{1,2}$/;
/** A relative expression that ends on "after" or "before", which an event the text names follows. */
const BEFORE_AFTER_END = /(?:after|before)$/i;
const HAS_DIGIT = /\p{N}/u;
const AMOUNT_TAG = /^(?:NNS?|CD)$/;

/** Rules whose reading depends on the reference date: their anchor is `published`. */
const DEICTIC = new Set(['month-day', 'day-month', 'part-of-month', 'month', 'weekday', 'deictic-day', 'deictic-unit', 'ago']);

/** Words that put a clause in the future, so bare weekdays and months count forward. */
const FUTURE_CUES = new Set(['will', "'ll", '’ll', 'shall']);
/**
 * Words of a plan, which put a date ahead only where no past-tense verb comes before them in the
 * clause ("plans to open on Friday"; not "shelved its plans for an offering on September 30",
 * "canceled an increase in tariffs planned for Oct. 15").
 */
const PLAN_CUES = new Set(['scheduled', 'upcoming', 'plans', 'planned', 'planning']);
/** Words that do so only before "to" ("due to meet", "set to vote", "expected to sign"; not "due to the storm", "the record set in March", "than expected"). */
const FUTURE_BEFORE_TO = new Set(['due', 'set', 'expected', 'expect', 'expects']);
/**
 * Modals of a reported future ("said it would reopen on Wednesday", "should be allowed to expire on
 * September 30th"), not when negated ("would not comment") or perfect ("would have turned 80 on").
 */
const FUTURE_MODALS = new Set(['would', 'could', 'should']);
const NEGATIONS = new Set(['not', "n't", 'never']);
/** Words that end the clause a future cue is looked for in. */
const CLAUSE_STOPS = new Set([',', ';', ':', 'said', 'says', 'told', 'reported', 'announced', '—', '–']);

/** Verbs after which "a day after X" dates X relative to the subject ("The call came a day after…"). */
const COPULAS = new Set(['came', 'come', 'comes', 'was', 'were', 'is', 'occurred', 'happened', 'followed', 'place', 'began', 'started']);
const SOFTENERS = new Set(['just', 'only', 'about', 'nearly', 'some', 'barely', 'roughly', 'almost']);

const MAX_BACK = 6;
/** Words before a time looked through for a future cue ("will be allowed to play her old tracks at the American Music Awards on Sunday"). */
const FUTURE_REACH = 16;
/** Earlier times "the quarter" looks through for the quarter it means (an earnings story names it in its lead). */
const QUARTER_BACK = 64;
/** Earlier times looked at for the subject of "X came a day after Y". */
const MAX_SUBJECT_TIMES = 64;
/** Times on each side of a clock time looked at for its day. */
const MAX_CLOCK_NEIGHBOURS = 8;

/** How coarse each grain is; a relative time counts only from an anchor as fine as its unit. */
const FINENESS: Record<TimeExpression['grain'], number> = { time: 0, day: 0, week: 1, month: 2, quarter: 3, season: 3, year: 4, decade: 5, century: 6, duration: 9, unknown: 9 };

function isTrigger(lower: string): boolean {
  if (TIME_TRIGGERS.has(lower)) return true;
  // The three patterns start with an ASCII digit; most words are spared the regexes.
  const c = lower.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    if (YEAR.test(lower) || OLD_YEAR.test(lower)) return true;
    if (UNIT_COMPOUND.test(lower) || ISO_DAY.test(lower) || CLOCK.test(lower) || DECADE.test(lower) || FIGURES_DATE.test(lower)) return true;
  }
  if (lower.includes('-')) for (const part of lower.split('-')) if (TIME_TRIGGERS.has(part)) return true;
  return false;
}

interface Found extends Span {
  rule: TimeRule;
  reading: TimeReading;
  sentence: number;
  /** Token index range of the expression. */
  t0: number;
  t1: number;
}

/**
 * Whether the clause of token `t0` is in the past: a past-tense verb before it ("was held on",
 * "signed on"), or, for an opening phrase, as the first verb after it ("On March 3, the blast
 * happened").
 */
function inPast(tokens: readonly Token[], t0: number): boolean | undefined {
  // Without parts of speech (the time stage run alone) there is no telling: read as past.
  if (tokens[t0]!.pos === undefined) return undefined;
  const s = tokens[t0]!.sentence;
  for (let k = t0 - 1, n = 0; k >= 0 && n < 12; k--, n++) {
    const t = tokens[k]!;
    if (t.sentence !== s) break;
    if (PAST_TAG.test(t.pos ?? '')) return true;
    if (CLAUSE_STOPS.has(toLower(t.text))) break;
  }
  for (let k = t0 + 1, n = 0; k < tokens.length && n < 12; k++, n++) {
    const t = tokens[k]!;
    if (t.sentence !== s) break;
    const pos = t.pos ?? '';
    if (PAST_TAG.test(pos)) return true;
    if (OTHER_VERB_TAG.test(pos)) return false;
  }
  return false;
}

/** Whether a past-tense verb comes before token `k` in its clause. */
function pastVerbBefore(tokens: readonly Token[], k: number): boolean {
  const s = tokens[k]!.sentence;
  for (let j = k - 1, n = 0; j >= 0 && n < 12; j--, n++) {
    const t = tokens[j]!;
    if (t.sentence !== s || CLAUSE_STOPS.has(toLower(t.text))) break;
    if (t.pos === 'VBD') return true;
  }
  return false;
}

function inFuture(tokens: readonly Token[], t0: number): boolean {
  const s = tokens[t0]!.sentence;
  for (let k = t0 - 1, n = 0; k >= 0 && n < FUTURE_REACH; k--, n++) {
    const t = tokens[k]!;
    if (t.sentence !== s) break;
    const w = toLower(t.text);
    if (CLAUSE_STOPS.has(w)) break;
    if (FUTURE_CUES.has(w)) return true;
    if (PLAN_CUES.has(w)) return !pastVerbBefore(tokens, k);
    const next = k + 1 < tokens.length ? toLower(tokens[k + 1]!.text) : '';
    if (FUTURE_BEFORE_TO.has(w) && next === 'to' && k + 2 < tokens.length && VERB_TAG.test(tokens[k + 2]!.pos ?? '')) return true;
    if (FUTURE_MODALS.has(w) && !NEGATIONS.has(next) && next !== 'have') return true;
  }
  return false;
}

/**
 * Finds and normalises the time expressions of a text against a reference date (`YYYY-MM-DD` or
 * null). Linear: rules are tried only at tokens near trigger words. Returns entries with ids
 * `t1`, `t2`… in text order.
 */
export function normalizeTimes(text: string, tokens: readonly Token[], reference: string | null): TimeExpression[] {
  const ref = reference ? parseDay(reference) : null;
  const found: Found[] = [];
  let coveredUntil = 0;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok.start < coveredUntil || tok.kind === 'punct' || tok.kind === 'quote') continue;
    const lower = toLower(tok.text);
    if (!isTrigger(lower)) continue;
    // "am" and "pm" end a clock time only after a number ("10 am"); "I am" is most of them.
    if ((lower === 'am' || lower === 'pm') && !(i > 0 && tokens[i - 1]!.kind === 'number')) continue;
    let best: { m: RegExpExecArray; rule: TimeRule; t0: number } | null = null;
    for (let b = Math.min(MAX_BACK, i); b >= 0; b--) {
      const t0 = i - b;
      const st = tokens[t0]!;
      if (st.sentence !== tok.sentence || st.start < coveredUntil) continue;
      for (const rule of TIME_RULES) {
        if (rule.endsOn && !rule.endsOn(lower)) continue;
        rule.pattern.lastIndex = st.start;
        const m = rule.pattern.exec(text);
        if (!m || m.index !== st.start) continue;
        const end = st.start + m[0].length;
        if (end < tok.end) continue;
        if (!best || end - st.start > best.m[0].length) best = { m, rule, t0 };
      }
      // Longest match from the earliest start wins; later starts cannot be longer than a hit.
      if (best) break;
    }
    if (!best) continue;
    const start = best.m.index;
    const end = start + best.m[0].length;
    const past = inPast(tokens, best.t0);
    const reading = best.rule.read(best.m, { ref, future: inFuture(tokens, best.t0), ...(past === undefined ? {} : { past }) });
    if (!reading) continue;
    if (reading.refersBack) {
      // "the quarter" takes the value of the last quarter the text named; where it named none, it is no time.
      let back: Found | null = null;
      for (let j = found.length - 1; j >= 0 && found.length - j <= QUARTER_BACK; j--) {
        if (found[j]!.reading.grain === reading.refersBack && found[j]!.reading.value) { back = found[j]!; break; }
      }
      if (!back) continue;
      reading.value = back.reading.value;
    }
    // "a year" after an amount or a counted noun is a rate ("$45m a year", "40 hours a week",
    // "100,000 barrels a day"), not a length of time.
    if (best.rule.name === 'duration' && ONE_UNIT.test(best.m[0]) && best.t0 > 0) {
      const prev = tokens[best.t0 - 1]!;
      if (HAS_DIGIT.test(prev.text) || AMOUNT_TAG.test(prev.pos ?? '') || prev.text === '%') continue;
    }
    let t1 = i;
    while (t1 + 1 < tokens.length && tokens[t1 + 1]!.end <= end) t1++;
    found.push({ start, end, rule: best.rule, reading, sentence: tok.sentence, t0: best.t0, t1 });
    coveredUntil = end;
    i = t1;
  }
  reconcileWeekdays(text, found);
  const out: TimeExpression[] = [];
  for (let k = 0; k < found.length; k++) {
    const f = found[k]!;
    const r = f.reading;
    const te: TimeExpression = { id: `t${k + 1}`, start: f.start, end: f.end, value: r.value, grain: r.grain, rule: `times:${f.rule.name}` };
    if (r.range) te.range = r.range;
    if (r.reason) te.reason = r.reason;
    if (DEICTIC.has(f.rule.name) && r.value !== null) te.anchor = 'published';
    if (r.relative) anchorRelative(te, f, r.relative, found, out, tokens, ref);
    if (r.clock) clockOn(te, f, r.clock, found, out, ref);
    if (r.holiday) {
      // "In 2012 … soon after Election Day": the year the sentence or the one before names.
      for (let j = out.length - 1; j >= 0 && found[j]!.sentence >= f.sentence - 1; j--) {
        const y = out[j]!;
        if (y.grain === 'year' && y.value && YEAR.test(y.value)) { te.value = holidayIn(r.holiday, Number(y.value)); te.anchor = y.id ?? null; break; }
      }
    }
    if (NARRATED.has(f.rule.name) && te.anchor === 'published' && ref !== null && !MODIFIED.test(text.slice(f.start, f.end))) inNarratedYear(te, f, found, out, ref);
    out.push(te);
  }
  return out;
}

/** Rules whose month or day comes without a year, which a narrated year may give. */
const NARRATED = new Set(['month', 'month-day', 'day-month', 'part-of-month']);
/** Rules whose value states its year. */
const YEAR_STATED = new Set(['month-year', 'month-day-year', 'day-month-year', 'iso-date', 'year', 'year-before-1900', 'numeric-date']);
/** "last March", "this December": counted from the reference date whatever year the text narrates. */
const MODIFIED = /^(?:last|this|next)\s/i;

/**
 * A month or date without a year, in a sentence that names another year or right after one that
 * names a month or day of another year, is in that year's story ("visited his doctor in November 2016. … But by December, they worsened":
 * 2016-12; "their 2020 session that starts in early January": 2020-01), or the next year where its
 * month comes before the named one.
 */
function inNarratedYear(te: TimeExpression, f: Found, found: readonly Found[], done: readonly TimeExpression[], ref: number): void {
  const [refYear] = ymd(ref);
  for (let j = done.length - 1; j >= 0 && found[j]!.sentence >= f.sentence - 1; j--) {
    const d = done[j]!;
    // In an earlier sentence only a month or a day with its year sets the story's time: a bare
    // year there ("won handily in 2008 and 2012. After aides insisted in June …") often does not.
    if (!YEAR_STATED.has(found[j]!.rule.name) || !d.value || (found[j]!.sentence < f.sentence && d.value.length < 7)) continue;
    const y = Number(d.value.slice(0, 4));
    if (!Number.isFinite(y) || y === refYear) return;
    const m0 = d.value.length >= 7 ? Number(d.value.slice(5, 7)) : null;
    const month = Number(te.value!.slice(5, 7));
    const year = m0 !== null && month < m0 ? y + 1 : y;
    const value = `${String(year).padStart(4, '0')}${te.value!.slice(4)}`;
    if (te.grain === 'day' && parseDay(value) === null) return;
    te.value = value;
    if (te.range) te.range = { start: `${String(year).padStart(4, '0')}${te.range.start.slice(4)}`, end: `${String(year).padStart(4, '0')}${te.range.end.slice(4)}` };
    te.anchor = d.id ?? null;
    return;
  }
}

/**
 * A weekday written beside a full date ("on Monday, Nov. 13, 2017", "Saturday, May 18") is that
 * date's day, where the weekdays agree: the weekday alone would be the one nearest the reference
 * date.
 */
function reconcileWeekdays(text: string, found: Found[]): void {
  for (let k = 0; k + 1 < found.length; k++) {
    const f = found[k]!;
    const g = found[k + 1]!;
    if (f.rule.name !== 'weekday' || !f.reading.value || g.reading.grain !== 'day' || !g.reading.value) continue;
    if (!WEEKDAY_GAP.test(text.slice(f.end, g.start))) continue;
    const named = parseDay(f.reading.value.slice(0, 10));
    const dated = parseDay(g.reading.value);
    if (named === null || dated === null || weekday(named) !== weekday(dated)) continue;
    f.reading = { ...f.reading, value: g.reading.value + f.reading.value.slice(10) };
  }
}

/**
 * Puts a clock time on its day: the nearest date in its sentence ("2 p.m. on Saturday", "Saturday
 * … shortly after 2 p.m."), else the reference date; `THH:MM` where there is neither.
 */
function clockOn(te: TimeExpression, f: Found, clock: { time: string; plusDays: number }, found: readonly Found[], out: readonly TimeExpression[], ref: number | null): void {
  let best: { day: number; id: string | null; distance: number } | null = ref === null ? null : { day: ref, id: null, distance: Infinity };
  // Only the times of its own sentence, which lie next to it in text order (a page of clock
  // times stays linear), and at most a few on each side.
  const at = out.length;
  let from = at;
  while (from > 0 && found[from - 1]!.sentence === f.sentence && at - from < MAX_CLOCK_NEIGHBOURS) from--;
  let to = at + 1;
  while (to < found.length && found[to]!.sentence === f.sentence && to - at <= MAX_CLOCK_NEIGHBOURS) to++;
  for (let k = from; k < to; k++) {
    const g = found[k]!;
    // A day, or a part of one ("2 p.m. on Saturday afternoon"), not another clock time.
    if (g === f || (g.reading.grain !== 'day' && !(g.reading.grain === 'time' && !g.reading.clock))) continue;
    const value = k < out.length ? out[k]!.value : g.reading.value;
    const day = value ? valueStart(value) : null;
    const distance = Math.abs(g.start - f.start);
    if (day !== null && (!best || distance < best.distance)) best = { day, id: k < out.length ? out[k]!.id ?? null : `t${k + 1}`, distance };
  }
  te.value = best ? `${formatDay(best.day + clock.plusDays)}T${clock.time}` : `T${clock.time}`;
  if (best) te.anchor = best.id ?? 'published';
}

function shift(anchor: TimeExpression, unit: TimeUnit, n: number): Pick<TimeExpression, 'value' | 'grain' | 'range'> | null {
  if (!anchor.value) return null;
  const start = valueStart(anchor.value);
  if (start === null) return null;
  if (unit === 'day') return { value: formatDay(start + n), grain: 'day', range: null };
  if (unit === 'week') {
    const d = weekStart(start) + 7 * n;
    return { value: formatWeek(d), grain: 'week', range: { start: formatDay(d), end: formatDay(d + 6) } };
  }
  const [y, m] = ymd(start);
  if (unit === 'month') {
    const [yy, mm] = addMonths(y, m, n);
    return { value: formatMonth(yy, mm), grain: 'month', range: null };
  }
  return { value: String(y + n), grain: 'year', range: null };
}

/**
 * Resolves "a day after X" / "the week before": on the subject of "came/was … after" when the
 * text names it, else on the nearest earlier time in the sentence (or the one before), else on
 * the publication date.
 */
/** Whether a relative expression ends on "after" or "before" with the event it counts from after it. */
function endsBeforeEvent(f: Found, tokens: readonly Token[]): boolean {
  const next = tokens[f.t1 + 1];
  return !!next && next.sentence === f.sentence && next.kind === 'word' && BEFORE_AFTER_END.test(tokens[f.t1]!.text);
}

/** Makes a relative expression the length of time it counts ("P18Y"), as TimeML writes it. */
function asDuration(te: TimeExpression, n: number, unit: TimeUnit): void {
  te.value = durationCode(Math.abs(n), unit);
  te.grain = 'duration';
  te.reason = 'a length of time from an event no time in the text dates';
}

function anchorRelative(
  te: TimeExpression, f: Found, rel: { unit: TimeUnit; n: number }, found: readonly Found[],
  done: readonly TimeExpression[], tokens: readonly Token[], ref: number | null,
): void {
  let anchor: TimeExpression | null = null;
  let n = rel.n;
  // "The call came a day after Netanyahu requested…": the expression dates the clause after it,
  // one unit before the subject's own time.
  let k = f.t0 - 1;
  while (k >= 0 && SOFTENERS.has(toLower(tokens[k]!.text))) k--;
  const cop = k >= 0 ? toLower(tokens[k]!.text) : '';
  if (COPULAS.has(cop) && k >= 1 && tokens[k]!.sentence === f.sentence) {
    const headIdx = cop === 'place' ? k - 2 : k - 1;
    const head = headIdx >= 0 ? toLower(tokens[headIdx]!.text) : '';
    for (let j = done.length - 1; j >= 0 && !anchor; j--) {
      const g = found[j]!;
      // The subject's time is among the last few named: a page of such clauses stays linear.
      if (done.length - j > MAX_SUBJECT_TIMES) break;
      if (!done[j]!.value || done[j]!.grain === 'duration') continue;
      for (let q = g.t1 + 1; q <= g.t1 + 4 && q < tokens.length && tokens[q]!.sentence === g.sentence; q++) {
        if (toLower(tokens[q]!.text) === head) { anchor = done[j]!; break; }
      }
    }
    // The subject is dated by its own time or, where the text gives none, by the nearest earlier
    // time or the publication date ("The crash comes a day after the Taliban swapped …"): the
    // clause after "after" lies n units before it.
    n = -n;
  }
  // "in the 18 years after Washington invaded": a length of time, whatever times come before.
  if (!anchor && f.t0 > 0 && toLower(tokens[f.t0 - 1]!.text) === 'the' && endsBeforeEvent(f, tokens)) { asDuration(te, n, rel.unit); return; }
  if (anchor) {
    const r = shift(anchor, rel.unit, n);
    if (r) {
      te.value = r.value; te.grain = r.grain;
      if (r.range) te.range = r.range;
      te.anchor = anchor.id ?? null;
      return;
    }
  }
  // The nearest earlier time at least as fine as the unit that can be counted from: "two days
  // later" after "in a March 30 speech … since he took office in 2021" counts from March 30.
  for (let j = done.length - 1; j >= 0; j--) {
    const g = found[j]!;
    if (g.sentence < f.sentence - 1) break;
    const d = done[j]!;
    if (!d.value || d.grain === 'duration' || FINENESS[d.grain] > FINENESS[rel.unit]) continue;
    const r = shift(d, rel.unit, n);
    if (!r) continue;
    te.value = r.value; te.grain = r.grain;
    if (r.range) te.range = r.range;
    te.anchor = d.id ?? null;
    return;
  }
  // "in the 18 years after Washington invaded": no time dates the event it counts from, and the
  // publication date is not that event, so it is a length of time, as TimeML writes it.
  if (n === rel.n && endsBeforeEvent(f, tokens)) { asDuration(te, n, rel.unit); return; }
  if (ref !== null) {
    const pub: TimeExpression = { start: 0, end: 0, value: formatDay(ref), grain: 'day' };
    const r = shift(pub, rel.unit, n)!;
    te.value = r.value; te.grain = r.grain;
    if (r.range) te.range = r.range;
    te.anchor = 'published';
    te.reason = 'no earlier time or event to anchor on; counted from the publication date';
    return;
  }
  te.value = null;
  te.reason = 'relative expression with nothing to anchor on';
}
