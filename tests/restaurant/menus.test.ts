import { describe, expect, it } from 'vitest';
import { isMenuAvailable } from '@/lib/restaurant';

const at = (iso: string) => new Date(iso);

describe('menu availability', () => {
  const breakfast = { isActive: true, availability: [{ days: [1, 2, 3, 4, 5], start: '07:00', end: '11:00' }] };

  it('follows the tenant’s time zone', () => {
    // Monday 2026-11-23 07:30 in Yangon (UTC+6:30) is 01:00 UTC.
    expect(isMenuAvailable(breakfast, at('2026-11-23T01:00:00Z'), 'Asia/Yangon')).toBe(true);
    expect(isMenuAvailable(breakfast, at('2026-11-23T01:00:00Z'), 'UTC')).toBe(false);
    expect(isMenuAvailable(breakfast, at('2026-11-23T04:30:00Z'), 'Asia/Yangon')).toBe(false); // 11:00: end is exclusive
  });

  it('respects the days', () => {
    expect(isMenuAvailable(breakfast, at('2026-11-22T01:00:00Z'), 'Asia/Yangon')).toBe(false); // Sunday
  });

  it('runs a window past midnight into the next day', () => {
    const lateNight = { isActive: true, availability: [{ days: [5], start: '20:00', end: '02:00' }] };
    expect(isMenuAvailable(lateNight, at('2026-11-27T21:00:00Z'), 'UTC')).toBe(true); // Friday 21:00
    expect(isMenuAvailable(lateNight, at('2026-11-28T01:30:00Z'), 'UTC')).toBe(true); // Saturday 01:30
    expect(isMenuAvailable(lateNight, at('2026-11-28T02:30:00Z'), 'UTC')).toBe(false);
    expect(isMenuAvailable(lateNight, at('2026-11-27T01:30:00Z'), 'UTC')).toBe(false); // Friday 01:30 belongs to Thursday
  });

  it('is always on without windows, never when inactive', () => {
    expect(isMenuAvailable({ isActive: true, availability: [] }, new Date(), 'UTC')).toBe(true);
    expect(isMenuAvailable({ isActive: false, availability: [] }, new Date(), 'UTC')).toBe(false);
  });
});
