/**
 * Dates as people type and read them: a date field's value, and an instant as the wall clock
 * of a time zone (for exports). Where a business day starts and ends is business-day.ts's rule.
 * Imports nothing, so client components may use it too.
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

/** "2026-11-25 14:05:09": the wall clock of `at` in `timeZone` (what a spreadsheet reads as a local time). */
export function localDateTime(at: Date, timeZone: string): string {
  return new Date(wallClock(at, timeZone)).toISOString().slice(0, 19).replace('T', ' ');
}
