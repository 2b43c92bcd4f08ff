

// Regex literals live at module level: one in a function body allocates a new RegExp per call.
const ISO_DAY_PREFIX = /^(\d{4})-(\d{2})-(\d{2})/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_WEEK = /^(\d{4})-W(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const ISO_YEAR = /^(\d{4})$/;
/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, UTC), so that no time zone or
 * daylight-saving shift can move a date.
 */

/** Day number of an ISO `YYYY-MM-DD` date, or null when it is not one. */
export function parseDay(iso: string): number | null {
  const m = ISO_DAY_PREFIX.exec(iso);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return dayNumber(y, mo, d);
}

/** Whether a string is exactly a real calendar day `YYYY-MM-DD` ("2024-02-30" is not). */
export function isCalendarDate(s: string): boolean {
  return ISO_DAY.test(s) && parseDay(s) !== null && Number(s.slice(0, 4)) > 0;
}

/** Day number of a calendar date (month 1–12). */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}

/** The `[year, month, day]` of a day number. */
export function ymd(day: number): [number, number, number] {
  const d = new Date(day * 86_400_000);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** ISO `YYYY-MM-DD` of a day number. */
export function formatDay(day: number): string {
  const [y, m, d] = ymd(day);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** ISO `YYYY-MM`. */
export function formatMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

/** Days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO weekday, Monday = 1 … Sunday = 7. */
export function weekday(day: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** ISO week `[weekYear, week]` of a day number. */
export function isoWeek(day: number): [number, number] {
  const thursday = day - weekday(day) + 4;
  const [y] = ymd(thursday);
  const jan1 = dayNumber(y, 1, 1);
  return [y, Math.floor((thursday - jan1) / 7) + 1];
}

/** ISO week label `YYYY-Www` of a day number. */
export function formatWeek(day: number): string {
  const [y, w] = isoWeek(day);
  return `${pad(y, 4)}-W${pad(w)}`;
}

/** Monday of the ISO week holding a day. */
export function weekStart(day: number): number {
  return day - weekday(day) + 1;
}

/** Adds months to a (year, month) pair. */
export function addMonths(year: number, month: number, n: number): [number, number] {
  const idx = year * 12 + (month - 1) + n;
  return [Math.floor(idx / 12), (idx % 12) + 1];
}

/** First months of TimeML's quarters, halves and seasons (a winter starts in December). */
const PART_START: Record<string, number> = { Q1: 1, Q2: 4, Q3: 7, Q4: 10, H1: 1, H2: 7, SP: 3, SU: 6, FA: 9, WI: 12 };
const ISO_PART = /^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$/;
const ISO_CLOCK = /^(\d{4}-\d{2}-\d{2})T(?:\d{2}:\d{2}|MO|AF|EV|NI)$/;

/**
 * First day number covered by an ISO value (`2025`, `2025-10`, `2025-W48`, `2025-10-03`, a clock
 * time's day `2025-10-03T14:00`, a quarter, half or season `2025-Q2`, `2025-H2`, `2025-SU`), or null.
 */
export function valueStart(value: string): number | null {
  let m = ISO_DAY.exec(value);
  if (m) return parseDay(value);
  m = ISO_CLOCK.exec(value);
  if (m) return parseDay(m[1]!);
  m = ISO_PART.exec(value);
  if (m) return dayNumber(Number(m[1]), PART_START[m[2]!]!, 1);
  m = ISO_WEEK.exec(value);
  if (m) {
    const jan4 = dayNumber(Number(m[1]), 1, 4);
    return weekStart(jan4) + (Number(m[2]) - 1) * 7;
  }
  m = ISO_MONTH.exec(value);
  if (m) return dayNumber(Number(m[1]), Number(m[2]), 1);
  m = ISO_YEAR.exec(value);
  if (m) return dayNumber(Number(m[1]), 1, 1);
  return null;
}
