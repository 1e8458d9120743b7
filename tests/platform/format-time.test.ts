import { describe, expect, it } from 'vitest';
import { DISPLAY_LOCALE, dateTimeFormat, formatDateTime, formatDay } from '@/lib/platform/format-time';

/**
 * One formatter for every date and time people read: moments on the tenant's wall clock (never
 * the device's or the server's), calendar days as they are. Intl separators vary a little
 * between ICU versions (", " or " at "), so the assertions look at the parts that matter.
 */
const at = new Date('2026-03-03T07:35:09Z'); // Tuesday

describe('formatDateTime', () => {
  it('writes a moment on the wall clock of the tenant, whatever the process time zone', () => {
    expect(formatDateTime(at, 'Asia/Yangon', 'time')).toBe('14:05'); // UTC+6:30
    expect(formatDateTime(at, 'UTC', 'time')).toBe('07:35');
    expect(formatDateTime(at, 'America/New_York', 'time')).toBe('02:35'); // EST, UTC−5
    expect(formatDateTime(at, 'Pacific/Kiritimati', 'date')).toBe('3 Mar 2026'); // UTC+14: already the 3rd
    expect(formatDateTime(new Date('2026-03-03T11:00:00Z'), 'Pacific/Kiritimati', 'date')).toBe('4 Mar 2026'); // … and the 4th
  });

  it('uses a 24-hour clock and day-month order in every style', () => {
    const yangon = (style: Parameters<typeof formatDateTime>[2]) => formatDateTime(at, 'Asia/Yangon', style);
    expect(yangon('date')).toBe('3 Mar 2026');
    expect(yangon('dateTime')).toMatch(/^3 Mar 2026\D+14:05$/);
    expect(yangon('dateTimeSeconds')).toMatch(/^3 Mar 2026\D+14:05:09$/);
    expect(yangon('weekdayDate')).toBe('Tuesday 3 March');
    expect(yangon('dayMonthTime')).toMatch(/^3 Mar\D+14:05$/);
    expect(formatDateTime(new Date('2026-03-03T23:59:00Z'), 'UTC', 'time')).toBe('23:59');
    expect(formatDateTime(new Date('2026-03-03T00:05:00Z'), 'UTC', 'time')).toBe('00:05');
  });

  it('follows daylight saving time in the tenant’s zone', () => {
    // New York springs forward on 8 March 2026: 12:00 UTC is 07:00 before and 08:00 after.
    expect(formatDateTime(new Date('2026-03-07T12:00:00Z'), 'America/New_York', 'time')).toBe('07:00');
    expect(formatDateTime(new Date('2026-03-09T12:00:00Z'), 'America/New_York', 'time')).toBe('08:00');
  });

  it('takes what JSON carries (an ISO string) and epoch milliseconds alike', () => {
    expect(formatDateTime(at.toISOString(), 'Asia/Yangon', 'time')).toBe('14:05');
    expect(formatDateTime(at.getTime(), 'Asia/Yangon', 'time')).toBe('14:05');
  });

  it('hands out one formatter per zone and style, for lists that format many rows', () => {
    expect(dateTimeFormat('Asia/Yangon', 'time')).toBe(dateTimeFormat('Asia/Yangon', 'time'));
    expect(dateTimeFormat('Asia/Yangon', 'time')).not.toBe(dateTimeFormat('UTC', 'time'));
    expect(dateTimeFormat('UTC').resolvedOptions()).toMatchObject({ locale: DISPLAY_LOCALE, timeZone: 'UTC' });
  });

  it('refuses a time zone that does not exist rather than guessing one', () => {
    expect(() => formatDateTime(at, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('formatDay', () => {
  it('writes a calendar day as it is, with no time zone shift', () => {
    expect(formatDay('2026-03-03')).toBe('Tue 3 Mar');
    expect(formatDay('2026-03-03', 'shortWithYear')).toMatch(/^Tue,? 3 Mar 2026$/);
    expect(formatDay('2026-03-03', 'dayMonth')).toBe('3 Mar');
    expect(formatDay('2026-03-03', 'long')).toMatch(/^Tuesday,? 3 March 2026$/);
    expect(formatDay('2026-03-03', 'weekday')).toBe('Tuesday');
    expect(formatDay('2026-12-31', 'dayMonth')).toBe('31 Dec'); // never the 30th or 1 Jan, whatever TZ the process has
  });
});
