/**
 * The business day: the one rule for "which day is this sale on", shared by order numbering,
 * reports, the dashboard and the assistant.
 *
 * A tenant's business day D starts at the first instant its wall clock (IANA time zone) reads
 * D at `dayStartsAt` ("HH:MM", default "00:00"; a bar may choose "04:00", so a sale at 02:00 on
 * Saturday belongs to Friday) and ends where D + 1 starts. Days are therefore not always 24
 * hours: in America/New_York the day holding the spring-forward change has 23, the fall-back
 * one 25. When the start time itself does not exist on a date (it falls in a spring-forward
 * gap) the day starts when the clock jumps past it; when it exists twice (fall-back) the day
 * starts at the first. Every instant belongs to exactly one business day, and
 * `businessDayRange(d, d)` is exactly the instants `businessDayOf` puts on `d`.
 *
 * Hours in reports are the local wall-clock hour (0–23) of the instant, whatever the day start.
 */
export type BusinessDayRule = { timeZone: string; dayStartsAt: string };

export const DEFAULT_DAY_START = '00:00';
/** "HH:MM" in 15-minute steps, 00:00–23:45. */
export const DAY_START_PATTERN = /^([01]\d|2[0-3]):(00|15|30|45)$/;

const MINUTE = 60_000;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock at `at` in `timeZone`, as "UTC milliseconds" of that wall time (minute precision). */
function wallClock(timeZone: string, at: number): number {
  const p: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(at))) p[part.type] = part.value;
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
}

const isoDate = (utcMs: number) => new Date(utcMs).toISOString().slice(0, 10);
const dateMs = (date: string) => Date.parse(`${date}T00:00:00Z`);
const startMinutes = (dayStartsAt: string) => Number(dayStartsAt.slice(0, 2)) * 60 + Number(dayStartsAt.slice(3, 5));

/** `date` plus `days` (YYYY-MM-DD, calendar arithmetic). */
export function addDays(date: string, days: number): string {
  return isoDate(dateMs(date) + days * DAY);
}

/**
 * The first instant whose wall clock reads at least `wall` (a wall time as UTC ms): the wall
 * time itself (its first occurrence when the clock falls back), or the end of the gap it falls in.
 */
function firstInstantAt(timeZone: string, wall: number): number {
  // Offsets (wall − instant) in force around the wall time; a zone changes at most once in a day.
  const offsets = [...new Set([wallClock(timeZone, wall - DAY) - (wall - DAY), wallClock(timeZone, wall + DAY) - (wall + DAY)])];
  const exact = offsets.map((o) => wall - o).filter((t) => wallClock(timeZone, t) === wall);
  if (exact.length) return Math.min(...exact);
  // In a gap: the clock jumps from before `wall` to after it between these two instants.
  let lo = Math.min(...offsets.map((o) => wall - o));
  let hi = Math.max(...offsets.map((o) => wall - o));
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (wallClock(timeZone, mid) >= wall) hi = mid;
    else lo = mid;
  }
  return wallClock(timeZone, lo) >= wall ? lo : hi;
}

/**
 * A rule's calendar, remembering the day starts it has computed (a rebuild asks for the same
 * few hundred days a million times).
 */
export class BusinessCalendar {
  private readonly starts = new Map<string, number>();
  private readonly startMinutes: number;

  constructor(readonly rule: BusinessDayRule) {
    if (!DAY_START_PATTERN.test(rule.dayStartsAt)) throw new Error(`bad day start ${rule.dayStartsAt}`);
    formatter(rule.timeZone); // throws RangeError on an unknown zone
    this.startMinutes = startMinutes(rule.dayStartsAt);
  }

  /** The instant business day `date` starts. */
  startOf(date: string): Date {
    return new Date(this.startMs(date));
  }

  private startMs(date: string): number {
    let start = this.starts.get(date);
    if (start === undefined) {
      start = firstInstantAt(this.rule.timeZone, dateMs(date) + this.startMinutes * MINUTE);
      if (this.starts.size > 5000) this.starts.clear();
      this.starts.set(date, start);
    }
    return start;
  }

  /** The business date of `at` and its local wall-clock hour. */
  dayOf(at: Date): { date: string; hour: number } {
    const ms = at.getTime();
    const wall = wallClock(this.rule.timeZone, ms);
    const localDate = isoDate(wall);
    const hour = new Date(wall).getUTCHours();
    return { date: ms < this.startMs(localDate) ? addDays(localDate, -1) : localDate, hour };
  }

  /** Business dates `from`..`to` (inclusive) as the instants [from, to). */
  range(from: string, to: string): { from: Date; to: Date } {
    return { from: this.startOf(from), to: this.startOf(addDays(to, 1)) };
  }
}

const calendars = new Map<string, BusinessCalendar>();

/** The (shared, memoising) calendar of a rule. */
export function businessCalendar(rule: BusinessDayRule): BusinessCalendar {
  const key = `${rule.timeZone}|${rule.dayStartsAt}`;
  let calendar = calendars.get(key);
  if (!calendar) {
    calendar = new BusinessCalendar(rule);
    if (calendars.size > 1000) calendars.clear();
    calendars.set(key, calendar);
  }
  return calendar;
}

/** The business date (YYYY-MM-DD) and local hour of `at`. */
export function businessDayOf(at: Date, rule: BusinessDayRule): { date: string; hour: number } {
  return businessCalendar(rule).dayOf(at);
}

/** Business dates `from`..`to`, inclusive, as the half-open UTC range [from, to). */
export function businessDayRange(from: string, to: string, rule: BusinessDayRule): { from: Date; to: Date } {
  return businessCalendar(rule).range(from, to);
}

/** "YYYY-MM-DDTHH:MM" (a datetime-local field) read on `timeZone`'s wall clock; null when it is not one. */
export const WALL_TIME_PATTERN = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The instant `timeZone`'s wall clock reads `wall` ("YYYY-MM-DDTHH:MM"): its first occurrence when
 * the clock falls back, the end of the gap when it springs forward — the rule day starts follow.
 */
export function instantOfWallTime(timeZone: string, wall: string): Date | null {
  const m = WALL_TIME_PATTERN.exec(wall);
  if (!m) return null;
  const ms = Date.parse(`${m[1]}T${m[2]}:${m[3]}:00Z`);
  return Number.isNaN(ms) || isoDate(ms) !== m[1] ? null : new Date(firstInstantAt(timeZone, ms));
}
