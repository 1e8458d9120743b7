/**
 * Moments and days as people read them: the one place that says how Tillwise writes a date or
 * a time. A moment (an order placed, a shift opened) is always shown on the **tenant's** wall
 * clock, whatever clock the device has: a manager checking from another country, or a tablet
 * left on UTC, must read the times the shop lived. A calendar day ("2026-03-03" of a report) has
 * no time zone and is written as it is.
 *
 * The language is the reader's (lib/platform/locale.ts): British English with a 24-hour clock
 * ("3 Mar 2026, 14:05") unless told otherwise, Burmese as Intl writes it for `my-MM` (Myanmar
 * digits). Server code passes the locale it resolved; client components get these bound to the
 * page's locale from `useFormats()` (components/ui/formats.tsx). Imports only the locale list, so
 * client components use it as well as server code.
 */
import { INTL_LOCALE, type Locale } from './locale';

export const DISPLAY_LOCALE = INTL_LOCALE.en;

const MOMENT_STYLES = {
  /** 3 Mar 2026 */
  date: { dateStyle: 'medium' },
  /** 14:05 */
  time: { timeStyle: 'short' },
  /** 3 Mar 2026, 14:05 */
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  /** 3 Mar 2026, 14:05:09 — logs and timelines, where order within a minute matters. */
  dateTimeSeconds: { dateStyle: 'medium', timeStyle: 'medium' },
  /** Tuesday 3 March — "today" at the register. */
  weekdayDate: { weekday: 'long', day: 'numeric', month: 'long' },
  /** 3 Mar, 14:05 — chart labels. */
  dayMonthTime: { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
export type MomentStyle = keyof typeof MOMENT_STYLES;

const DAY_STYLES = {
  /** Tue 3 Mar */
  short: { weekday: 'short', day: 'numeric', month: 'short' },
  /** Tue, 3 Mar 2026 */
  shortWithYear: { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' },
  /** 3 Mar */
  dayMonth: { day: 'numeric', month: 'short' },
  /** Tuesday, 3 March 2026 */
  long: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  /** Tuesday */
  weekday: { weekday: 'long' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
export type DayStyle = keyof typeof DAY_STYLES;

// Building an Intl.DateTimeFormat costs far more than using one; lists format hundreds of rows.
const cache = new Map<string, Intl.DateTimeFormat>();
function cached(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = cache.get(key);
  if (!f) cache.set(key, (f = make()));
  return f;
}

/** The formatter for moments in `timeZone` (an IANA name), for code that formats many. */
export function dateTimeFormat(timeZone: string, style: MomentStyle = 'dateTime', locale: Locale = 'en'): Intl.DateTimeFormat {
  return cached(`${locale}|${style}|${timeZone}`, () => new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...MOMENT_STYLES[style], timeZone }));
}

/** `at` (a Date, an ISO string as JSON carries it, or epoch ms) on the wall clock of `timeZone`. */
export function formatDateTime(at: Date | string | number, timeZone: string, style: MomentStyle = 'dateTime', locale: Locale = 'en'): string {
  return dateTimeFormat(timeZone, style, locale).format(typeof at === 'object' ? at : new Date(at));
}

/** A calendar day "YYYY-MM-DD" (a business date, a report's range): no time zone to apply. */
export function formatDay(date: string, style: DayStyle = 'short', locale: Locale = 'en'): string {
  return cached(`${locale}|day:${style}`, () => new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...DAY_STYLES[style], timeZone: 'UTC' })).format(new Date(`${date}T00:00:00Z`));
}

const DURATION_WORDS: Record<Locale, { h: string; min: string }> = { en: { h: 'h', min: 'min' }, my: { h: 'နာရီ', min: 'မိနစ်' } };

/** Time worked for people: "7 h 05 min", "45 min" (whole minutes, rounded); Burmese "၇ နာရီ ၀၅ မိနစ်". */
export function formatDuration(ms: number, locale: Locale = 'en'): string {
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const n = (value: number, digits = 1) => new Intl.NumberFormat(INTL_LOCALE[locale], { minimumIntegerDigits: digits, useGrouping: false }).format(value);
  const w = DURATION_WORDS[locale];
  return h === 0 ? `${n(m)} ${w.min}` : `${n(h)} ${w.h} ${n(m, 2)} ${w.min}`;
}
