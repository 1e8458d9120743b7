import { describe, expect, it } from 'vitest';
import { addDays, businessDayOf, businessDayRange } from '@/lib/platform/business-day';
import { dayParam, localDateTime } from '@/lib/platform/calendar';

// The order search and exports cut days with the business-day rule; these are the cases they rely on.
const midnight = (timeZone: string) => ({ timeZone, dayStartsAt: '00:00' });

describe('calendar days in a time zone', () => {
  it('starts a day at local midnight, across DST changes (23- and 25-hour days in New York)', () => {
    const ny = midnight('America/New_York');
    expect(businessDayRange('2026-03-08', '2026-03-08', ny).from.toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(businessDayRange('2026-03-09', '2026-03-09', ny).from.toISOString()).toBe('2026-03-09T04:00:00.000Z');
    const short = businessDayRange('2026-03-08', '2026-03-08', ny);
    const long = businessDayRange('2026-11-01', '2026-11-01', ny);
    expect((short.to.getTime() - short.from.getTime()) / 3_600_000).toBe(23);
    expect((long.to.getTime() - long.from.getTime()) / 3_600_000).toBe(25);
    expect(businessDayRange('2026-11-25', '2026-11-25', midnight('Asia/Yangon')).from.toISOString()).toBe('2026-11-24T17:30:00.000Z');
  });

  it('starts a business day later when the day starts at 04:00, and files the small hours under the day before', () => {
    const bar = { timeZone: 'Asia/Yangon', dayStartsAt: '04:00' };
    expect(businessDayRange('2026-11-25', '2026-11-25', bar).from.toISOString()).toBe('2026-11-24T21:30:00.000Z');
    expect(businessDayOf(new Date('2026-11-24T21:29:59Z'), bar).date).toBe('2026-11-24'); // 03:59:59 local
    expect(businessDayOf(new Date('2026-11-24T21:30:00Z'), bar).date).toBe('2026-11-25'); // 04:00 local
    expect(businessDayOf(new Date('2026-11-24T21:30:00Z'), midnight('Asia/Yangon')).date).toBe('2026-11-25');
    expect(businessDayOf(new Date('2026-11-24T17:29:59Z'), midnight('Asia/Yangon')).date).toBe('2026-11-24');
  });

  it('reads days and wall clocks', () => {
    expect(dayParam('2026-02-29')).toBeUndefined();
    expect(dayParam('2028-02-29')).toBe('2028-02-29');
    expect(dayParam('2026-1-5')).toBeUndefined();
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(localDateTime(new Date('2026-11-24T21:30:05Z'), 'Asia/Yangon')).toBe('2026-11-25 04:00:05');
  });
});
