/**
 * Calendar days in a tenant's IANA time zone, DST-safe, with no library: Intl gives the wall
 * clock of an instant, and a day's start is found by correcting a guess with the zone's offset.
 * A business day may start after midnight (`startMinutes`, e.g. 240 for a bar whose day runs
 * 04:00–04:00); 0 is the calendar day. Imports nothing, so client components may use it too.
 */

/** "YYYY-MM-DD" when `value` is a real calendar day, else undefined. */
export function dayParam(value: string | undefined): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? value : undefined;
}

/** The wall clock of `at` in `timeZone`, as if it were UTC (ms). */
function wallClock(at: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(at)
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/** How far `timeZone`'s wall clock is ahead of UTC at `at` (ms). */
function zoneOffset(at: Date, timeZone: string): number {
  return wallClock(at, timeZone) - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant the (business) day "YYYY-MM-DD" starts in `timeZone`: its wall clock at `startMinutes` after midnight. */
export function dayStart(day: string, timeZone: string, startMinutes = 0): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d) + startMinutes * 60_000;
  let at = wall - zoneOffset(new Date(wall), timeZone);
  at = wall - zoneOffset(new Date(at), timeZone); // again, in case the start is across a DST change
  return new Date(at);
}

/** The (business) day "YYYY-MM-DD" that `at` falls in: the wall-clock date of `at`, `startMinutes` earlier. */
export function dayOf(at: Date, timeZone: string, startMinutes = 0): string {
  return new Date(wallClock(at, timeZone) - startMinutes * 60_000).toISOString().slice(0, 10);
}

/** The day after "YYYY-MM-DD". */
export function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** The instants [start, end) of the days `from` to `to` (inclusive) in `timeZone`. */
export function dayRange(from: string, to: string, timeZone: string, startMinutes = 0): { start: Date; end: Date } {
  return { start: dayStart(from, timeZone, startMinutes), end: dayStart(nextDay(to), timeZone, startMinutes) };
}

/** "2026-11-25 14:05:09": the wall clock of `at` in `timeZone` (what a spreadsheet reads as a local time). */
export function localDateTime(at: Date, timeZone: string): string {
  return new Date(wallClock(at, timeZone)).toISOString().slice(0, 19).replace('T', ' ');
}
