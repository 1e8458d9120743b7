import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, businessDayOf, businessDayRange, DAY_START_PATTERN } from '@/lib/platform/business-day';
import { businessDate } from '@/lib/orders';

const NY = 'America/New_York';
const hours = (r: { from: Date; to: Date }) => (r.to.getTime() - r.from.getTime()) / 3_600_000;

describe('business day', () => {
  it('cuts days at midnight by default, in the zone', () => {
    const rule = { timeZone: 'Asia/Yangon', dayStartsAt: '00:00' }; // UTC+06:30
    expect(businessDayOf(new Date('2025-03-31T17:29:00Z'), rule)).toEqual({ date: '2025-03-31', hour: 23 });
    expect(businessDayOf(new Date('2025-03-31T17:30:00Z'), rule)).toEqual({ date: '2025-04-01', hour: 0 });
    expect(businessDayRange('2025-04-01', '2025-04-01', rule)).toEqual({ from: new Date('2025-03-31T17:30:00Z'), to: new Date('2025-04-01T17:30:00Z') });
  });

  it('puts the small hours on the day before when the day starts at 04:00; hours stay wall-clock', () => {
    const rule = { timeZone: NY, dayStartsAt: '04:00' };
    expect(businessDayOf(new Date('2025-06-14T07:59:00Z'), rule)).toEqual({ date: '2025-06-13', hour: 3 }); // 03:59 EDT Saturday
    expect(businessDayOf(new Date('2025-06-14T08:00:00Z'), rule)).toEqual({ date: '2025-06-14', hour: 4 });
    expect(businessDayRange('2025-06-13', '2025-06-13', rule)).toEqual({ from: new Date('2025-06-13T08:00:00Z'), to: new Date('2025-06-14T08:00:00Z') });
  });

  it('has days of 23 and 25 hours across daylight saving in New York', () => {
    const midnight = { timeZone: NY, dayStartsAt: '00:00' };
    expect(hours(businessDayRange('2025-03-09', '2025-03-09', midnight))).toBe(23);
    expect(hours(businessDayRange('2025-11-02', '2025-11-02', midnight))).toBe(25);
    expect(hours(businessDayRange('2025-03-10', '2025-03-10', midnight))).toBe(24);
    // With a 04:00 start the short day is the one whose night holds the change.
    const bar = { timeZone: NY, dayStartsAt: '04:00' };
    expect(hours(businessDayRange('2025-03-08', '2025-03-08', bar))).toBe(23);
    expect(hours(businessDayRange('2025-11-01', '2025-11-01', bar))).toBe(25);
    // Both 01:30s of the fall-back night are on Saturday's business day, with wall-clock hour 1.
    expect(businessDayOf(new Date('2025-11-02T05:30:00Z'), bar)).toEqual({ date: '2025-11-01', hour: 1 });
    expect(businessDayOf(new Date('2025-11-02T06:30:00Z'), bar)).toEqual({ date: '2025-11-01', hour: 1 });
  });

  it('starts a day whose start time falls in the spring-forward gap when the clock jumps past it', () => {
    const rule = { timeZone: NY, dayStartsAt: '02:30' };
    expect(businessDayRange('2025-03-09', '2025-03-09', rule).from).toEqual(new Date('2025-03-09T07:00:00Z')); // 03:00 EDT
    expect(businessDayOf(new Date('2025-03-09T06:59:00Z'), rule).date).toBe('2025-03-08'); // 01:59 EST
    expect(businessDayOf(new Date('2025-03-09T07:00:00Z'), rule).date).toBe('2025-03-09');
  });

  it('starts a day whose start time happens twice (fall-back) at the first', () => {
    const rule = { timeZone: NY, dayStartsAt: '01:30' };
    expect(businessDayRange('2025-11-02', '2025-11-02', rule).from).toEqual(new Date('2025-11-02T05:30:00Z')); // 01:30 EDT
    // The second 01:00–01:30 (EST) is after the start: the same business day, not the one before.
    expect(businessDayOf(new Date('2025-11-02T06:10:00Z'), rule).date).toBe('2025-11-02');
  });

  it('puts every instant on exactly the day whose range holds it (property)', () => {
    const zones = [NY, 'Asia/Yangon', 'Europe/London', 'Australia/Lord_Howe', 'UTC', 'Pacific/Chatham'];
    const starts = ['00:00', '04:00', '01:30', '02:00', '02:30', '23:45', '05:15'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.constantFrom(...starts),
        fc.integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2026-12-31T00:00:00Z') }),
        (timeZone, dayStartsAt, ms) => {
          const rule = { timeZone, dayStartsAt };
          const at = new Date(ms);
          const { date } = businessDayOf(at, rule);
          const range = businessDayRange(date, date, rule);
          expect(range.from.getTime()).toBeLessThanOrEqual(ms);
          expect(range.to.getTime()).toBeGreaterThan(ms);
          // A day is a day give or take a daylight-saving change, and the day before ends where it starts.
          expect(Math.abs(hours(range) - 24)).toBeLessThanOrEqual(1);
          expect(businessDayOf(new Date(range.from.getTime() - 1), rule).date).toBe(addDays(date, -1));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('order numbering uses the same rule', () => {
    expect(businessDate(NY, new Date('2025-06-14T07:59:00Z'), '04:00')).toBe('2025-06-13');
    expect(businessDate(NY, new Date('2025-06-14T07:59:00Z'))).toBe('2025-06-14');
  });

  it('accepts day starts in 15-minute steps only', () => {
    expect(['00:00', '04:00', '23:45', '12:15'].every((s) => DAY_START_PATTERN.test(s))).toBe(true);
    expect(['24:00', '4:00', '04:10', '04:00:00', ''].some((s) => DAY_START_PATTERN.test(s))).toBe(false);
  });
});
