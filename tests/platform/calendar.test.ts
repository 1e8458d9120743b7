import { describe, expect, it } from 'vitest';
import { dayOf, dayParam, dayRange, dayStart, localDateTime, nextDay } from '@/lib/platform/calendar';

describe('calendar days in a time zone', () => {
  it('starts a day at local midnight, across DST changes (23- and 25-hour days in New York)', () => {
    expect(dayStart('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(dayStart('2026-03-09', 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
    const short = dayRange('2026-03-08', '2026-03-08', 'America/New_York');
    const long = dayRange('2026-11-01', '2026-11-01', 'America/New_York');
    expect((short.end.getTime() - short.start.getTime()) / 3_600_000).toBe(23);
    expect((long.end.getTime() - long.start.getTime()) / 3_600_000).toBe(25);
    expect(dayStart('2026-11-25', 'Asia/Yangon').toISOString()).toBe('2026-11-24T17:30:00.000Z');
  });

  it('starts a business day later when the day starts at 04:00, and files the small hours under the day before', () => {
    expect(dayStart('2026-11-25', 'Asia/Yangon', 240).toISOString()).toBe('2026-11-24T21:30:00.000Z');
    expect(dayOf(new Date('2026-11-24T21:29:59Z'), 'Asia/Yangon', 240)).toBe('2026-11-24'); // 03:59:59 local
    expect(dayOf(new Date('2026-11-24T21:30:00Z'), 'Asia/Yangon', 240)).toBe('2026-11-25'); // 04:00 local
    expect(dayOf(new Date('2026-11-24T21:30:00Z'), 'Asia/Yangon')).toBe('2026-11-25');
    expect(dayOf(new Date('2026-11-24T17:29:59Z'), 'Asia/Yangon')).toBe('2026-11-24');
  });

  it('reads days and wall clocks', () => {
    expect(dayParam('2026-02-29')).toBeUndefined();
    expect(dayParam('2028-02-29')).toBe('2028-02-29');
    expect(dayParam('2026-1-5')).toBeUndefined();
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(localDateTime(new Date('2026-11-24T21:30:05Z'), 'Asia/Yangon')).toBe('2026-11-25 04:00:05');
  });
});
