/**
 * Moments and days as people read them: the one place that says how Tillwise writes a date or
 * a time. A moment (an order placed, a shift opened) is always shown on the **tenant's** wall
 * clock, whatever clock the device has: a manager checking from another country, or a tablet
 * left on UTC, must read the times the shop lived. A calendar day ("2026-03-03" of a report) has
 * no time zone and is written as it is.
 *
 * A tenant has no language setting yet, so every store reads British English with a 24-hour
 * clock ("3 Mar 2026, 14:05"); the day a tenant gets a locale, it is passed here and nowhere
 * else. Imports nothing, so client components use it as well as server code.
 */
export const DISPLAY_LOCALE = 'en-GB';

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
export function dateTimeFormat(timeZone: string, style: MomentStyle = 'dateTime'): Intl.DateTimeFormat {
  return cached(`${style}|${timeZone}`, () => new Intl.DateTimeFormat(DISPLAY_LOCALE, { ...MOMENT_STYLES[style], timeZone }));
}

/** `at` (a Date, an ISO string as JSON carries it, or epoch ms) on the wall clock of `timeZone`. */
export function formatDateTime(at: Date | string | number, timeZone: string, style: MomentStyle = 'dateTime'): string {
  return dateTimeFormat(timeZone, style).format(typeof at === 'object' ? at : new Date(at));
}

/** A calendar day "YYYY-MM-DD" (a business date, a report's range): no time zone to apply. */
export function formatDay(date: string, style: DayStyle = 'short'): string {
  return cached(`day:${style}`, () => new Intl.DateTimeFormat(DISPLAY_LOCALE, { ...DAY_STYLES[style], timeZone: 'UTC' })).format(new Date(`${date}T00:00:00Z`));
}

/** Time worked for people: "7 h 05 min", "45 min" (whole minutes, rounded). */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : `${h} h ${String(m).padStart(2, '0')} min`;
}
