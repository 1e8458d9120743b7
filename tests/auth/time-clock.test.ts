import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as clockInRoute from '@/app/api/v1/time-clock/clock-in/route';
import * as clockOutRoute from '@/app/api/v1/time-clock/clock-out/route';
import * as exportRoute from '@/app/api/v1/time-clock/export/route';
import * as statusRoute from '@/app/api/v1/time-clock/route';
import { addTimeClockEntry, clockIn, clockOut, correctTimeClockEntry, hoursSheet, hoursSheetCsv, splitByBusinessDay, staffHoursIn } from '@/lib/auth/time-clock';
import { withTenant } from '@/lib/platform/db';
import { openShift, shiftReport } from '@/lib/orders';
import { updateTenantSettings } from '@/lib/tenancy';
import { theAuditRowOf } from '../audit/audit-helpers';
import { apiRequest, contextOf, createTenant, json, mainLocation, noParams, sessionContextOf, type TestStaff, type TestTenant } from '../helpers';

const HOUR = 3_600_000;
let a: TestTenant;
let b: TestTenant;
beforeAll(async () => {
  [a, b] = await Promise.all([createTenant({ timeZone: 'Asia/Yangon' }), createTenant()]);
});
afterEach(() => vi.useRealTimers());

const PINS: Record<string, string> = { manager: '2222', cashier: '3333' };
const punch = (who: TestStaff) => ({ userId: who.id, pin: PINS[who.role]! });
const at = (iso: string) => vi.setSystemTime(new Date(iso));

describe('clocking in and out', () => {
  it('clocks in and out by PIN from any signed-in register', async () => {
    const register = await sessionContextOf(a, a.manager); // someone else's register: the PIN says who
    const entry = await clockIn(register, punch(a.cashier));
    expect(entry).toMatchObject({ userId: a.cashier.id, name: a.cashier.name, clockedOutAt: null });
    const closed = await clockOut(register, punch(a.cashier));
    expect(closed.id).toBe(entry.id);
    expect(closed.clockedOutAt!.getTime()).toBeGreaterThanOrEqual(entry.clockedInAt.getTime());
  });

  it('refuses a second clock-in (409) and a clock-out without an open entry (409)', async () => {
    const register = await sessionContextOf(a, a.cashier);
    await clockIn(register, punch(a.manager));
    await expect(clockIn(register, punch(a.manager))).rejects.toMatchObject({ code: 'conflict' });
    await clockOut(register, punch(a.manager));
    await expect(clockOut(register, punch(a.manager))).rejects.toMatchObject({ code: 'conflict' });
  });

  it('refuses a wrong PIN with the one answer, writing nothing', async () => {
    const register = await sessionContextOf(a, a.cashier);
    await expect(clockIn(register, { userId: a.manager.id, pin: '9999' })).rejects.toMatchObject({ code: 'forbidden', message: 'Wrong PIN.' });
    await expect(clockIn(register, { userId: crypto.randomUUID(), pin: '2222' })).rejects.toMatchObject({ code: 'forbidden', message: 'Wrong PIN.' });
  });

  it('over the API: 201, 409 twice, 422 bad input, 401 without a session, and Idempotency-Key replays', async () => {
    const post = async (route: typeof clockInRoute, body: unknown, headers: Record<string, string> = {}) =>
      json(await route.POST(await apiRequest('POST', '/api/v1/time-clock/x', { host: b.tenant, as: b.cashier, body, headers }), noParams));
    const first = await post(clockInRoute, punch(b.cashier), { 'idempotency-key': 'clock-1' });
    expect(first.status).toBe(201);
    const replay = await post(clockInRoute, punch(b.cashier), { 'idempotency-key': 'clock-1' });
    expect(replay).toEqual(first);
    expect((await post(clockInRoute, punch(b.cashier))).body.error.code).toBe('conflict');
    const status = await json(await statusRoute.GET(await apiRequest('GET', '/api/v1/time-clock', { host: b.tenant, as: b.cashier }), noParams));
    expect(status.body.data.map((e: { userId: string }) => e.userId)).toEqual([b.cashier.id]);
    expect((await post(clockOutRoute, punch(b.cashier))).status).toBe(200);
    expect((await post(clockOutRoute, punch(b.cashier))).status).toBe(409);
    const bad = await post(clockInRoute, { userId: 'nope' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['pin', 'userId']);
    const anonymous = await clockInRoute.POST(await apiRequest('POST', '/api/v1/time-clock/clock-in', { host: b.tenant, body: punch(b.cashier) }), noParams);
    expect(anonymous.status).toBe(401);
  });

  it("cannot clock another tenant's staff member in (their PIN means nothing here)", async () => {
    const res = await clockInRoute.POST(await apiRequest('POST', '/api/v1/time-clock/clock-in', { host: a.tenant, as: a.cashier, body: punch(b.manager) }), noParams);
    expect(res.status).toBe(403);
    const foreign = await clockInRoute.POST(await apiRequest('POST', '/api/v1/time-clock/clock-in', { host: b.tenant, as: a.cashier, body: punch(b.manager) }), noParams);
    expect(foreign.status).toBe(401);
  });
});

describe('hours', () => {
  const yangon = { timeZone: 'Asia/Yangon', dayStartsAt: '00:00' };

  it('splits a shift across midnight at the tenant zone’s midnight, not UTC’s', () => {
    // 22:00–02:00 in Yangon (UTC+6:30) is 15:30–19:30 UTC: one UTC day, two Yangon days.
    const split = splitByBusinessDay({ clockedInAt: new Date('2026-03-02T15:30:00Z'), clockedOutAt: new Date('2026-03-02T19:30:00Z') }, yangon, new Date());
    expect(Object.fromEntries(split)).toEqual({ '2026-03-02': 2 * HOUR, '2026-03-03': 2 * HOUR });
    const bar = splitByBusinessDay({ clockedInAt: new Date('2026-03-02T15:30:00Z'), clockedOutAt: new Date('2026-03-02T19:30:00Z') }, { ...yangon, dayStartsAt: '04:00' }, new Date());
    expect(Object.fromEntries(bar)).toEqual({ '2026-03-02': 4 * HOUR });
  });

  it('counts the 25-hour day of a clock change in full', () => {
    const ny = { timeZone: 'America/New_York', dayStartsAt: '00:00' };
    // 2026-11-01: clocks fall back at 02:00; 00:00–24:00 local is 25 hours.
    const split = splitByBusinessDay({ clockedInAt: new Date('2026-11-01T04:00:00Z'), clockedOutAt: new Date('2026-11-02T05:00:00Z') }, ny, new Date());
    expect(Object.fromEntries(split)).toEqual({ '2026-11-01': 25 * HOUR });
  });

  it('sheets hours per person per day in the tenant zone, an open entry up to now, with a CSV', async () => {
    const t = await createTenant({ timeZone: 'Asia/Yangon' });
    const manager = contextOf(t, t.manager);
    vi.useFakeTimers({ toFake: ['Date'] });
    at('2026-03-05T12:00:00Z');
    await addTimeClockEntry(manager, { userId: t.cashier.id, clockedInAt: '2026-03-02T22:00', clockedOutAt: '2026-03-03T02:30', reason: 'Forgot to clock' });
    await addTimeClockEntry(manager, { userId: t.manager.id, clockedInAt: '2026-03-03T09:00', clockedOutAt: '2026-03-03T17:00', reason: 'Paper timesheet' });
    at('2026-03-04T02:30:00Z'); // 09:00 in Yangon
    await clockIn(await sessionContextOf(t, t.cashier), punch(t.cashier));
    at('2026-03-04T05:30:00Z'); // 12:00 in Yangon
    const sheet = await hoursSheet(contextOf(t), '2026-03-02', '2026-03-04');
    expect(sheet.days).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
    const cashier = sheet.people.find((p) => p.userId === t.cashier.id)!;
    expect(cashier).toMatchObject({ byDay: { '2026-03-02': 2 * HOUR, '2026-03-03': 2.5 * HOUR, '2026-03-04': 3 * HOUR }, total: 7.5 * HOUR, open: true });
    expect(sheet.people.find((p) => p.userId === t.manager.id)).toMatchObject({ byDay: { '2026-03-03': 8 * HOUR }, total: 8 * HOUR, open: false });
    expect(hoursSheetCsv(sheet).split('\r\n')).toEqual([
      'Date,Staff member,Minutes,Hours',
      `2026-03-02,${t.cashier.name},120,2.00`,
      `2026-03-03,${t.cashier.name},150,2.50`,
      `2026-03-04,${t.cashier.name},180,3.00`,
      `2026-03-03,${t.manager.name},480,8.00`,
    ]);
    vi.useRealTimers();
    const csv = await exportRoute.GET(await apiRequest('GET', '/api/v1/time-clock/export?from=2026-03-02&to=2026-03-04', { host: t.tenant, as: t.manager }), noParams);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain(`2026-03-03,${t.manager.name},480,8.00`);
    const cashierExport = await exportRoute.GET(await apiRequest('GET', '/api/v1/time-clock/export?from=2026-03-02&to=2026-03-04', { host: t.tenant, as: t.cashier }), noParams);
    expect(cashierExport.status).toBe(403);
    const badRange = await exportRoute.GET(await apiRequest('GET', '/api/v1/time-clock/export?from=2026-03-09&to=2026-03-02', { host: t.tenant, as: t.manager }), noParams);
    expect(badRange.status).toBe(400);
  });

  it('the day start setting moves where a night shift counts', async () => {
    const t = await createTenant({ timeZone: 'Asia/Yangon' });
    await updateTenantSettings(contextOf(t), { dayStartsAt: '04:00' });
    vi.useFakeTimers({ toFake: ['Date'] });
    at('2026-03-05T12:00:00Z');
    await addTimeClockEntry(contextOf(t), { userId: t.cashier.id, clockedInAt: '2026-03-02T22:00', clockedOutAt: '2026-03-03T02:00', reason: 'Night shift' });
    const sheet = await hoursSheet(contextOf(t), '2026-03-02', '2026-03-03');
    expect(sheet.people[0]!.byDay).toEqual({ '2026-03-02': 4 * HOUR });
  });

  it('gives the hours within a window for the shift report, clipping entries that run past it', async () => {
    const t = await createTenant();
    vi.useFakeTimers({ toFake: ['Date'] });
    at('2026-03-05T12:00:00Z');
    await addTimeClockEntry(contextOf(t), { userId: t.cashier.id, clockedInAt: '2026-03-05T07:00', clockedOutAt: '2026-03-05T11:00', reason: 'Morning' });
    await addTimeClockEntry(contextOf(t), { userId: t.manager.id, clockedInAt: '2026-03-04T07:00', clockedOutAt: '2026-03-04T11:00', reason: 'Yesterday' });
    const hours = await withTenant(t.tenant.id, (tx) => staffHoursIn(tx, new Date('2026-03-05T08:00:00Z'), new Date('2026-03-05T12:00:00Z')));
    expect(hours).toEqual([{ userId: t.cashier.id, name: t.cashier.name, workedMs: 3 * HOUR }]);
  });
});

describe('the shift report', () => {
  it('lists who was clocked in during the shift and their hours within it', async () => {
    const t = await createTenant();
    await mainLocation(t);
    vi.useFakeTimers({ toFake: ['Date'] });
    at('2026-03-05T08:00:00Z');
    await addTimeClockEntry(contextOf(t), { userId: t.manager.id, clockedInAt: '2026-03-05T06:00', clockedOutAt: '2026-03-05T07:30', reason: 'Before the shift' });
    const cashier = await sessionContextOf(t, t.cashier);
    await clockIn(cashier, punch(t.cashier));
    const shift = await openShift(cashier, { registerName: 'Till 1', openingFloat: 0 });
    at('2026-03-05T10:15:00Z');
    const report = await shiftReport({ tenantId: t.tenant.id }, shift.id);
    expect(report.staffHours).toEqual([{ userId: t.cashier.id, name: t.cashier.name, workedMs: 2.25 * HOUR }]);
  });
});

describe('corrections', () => {
  it('a manager corrects an entry: one audit row with before, after and the reason', async () => {
    const t = await createTenant({ timeZone: 'Asia/Yangon' });
    const entry = await clockIn(await sessionContextOf(t, t.cashier), punch(t.cashier));
    const manager = contextOf(t, t.manager);
    let corrected;
    const row = await theAuditRowOf(t, async () => {
      corrected = await correctTimeClockEntry(manager, entry.id, { clockedInAt: '2026-01-10T09:00', clockedOutAt: '2026-01-10T17:30', reason: 'Forgot to clock out' });
    });
    expect(corrected).toMatchObject({ id: entry.id, corrected: true, clockedInAt: new Date('2026-01-10T02:30:00Z'), clockedOutAt: new Date('2026-01-10T11:00:00Z') });
    expect(row).toMatchObject({
      action: 'time_clock.corrected',
      actorUserId: t.manager.id,
      entityType: 'time_clock_entry',
      entityId: entry.id,
      before: { clockedInAt: entry.clockedInAt.toISOString(), clockedOutAt: null },
      after: { clockedInAt: '2026-01-10T02:30:00.000Z', clockedOutAt: '2026-01-10T11:00:00.000Z' },
      details: { reason: 'Forgot to clock out', staffUserId: t.cashier.id },
    });
  });

  it('refuses out before in, future hours and a missing reason (422), writing nothing', async () => {
    const t = await createTenant();
    const entry = await clockIn(await sessionContextOf(t, t.cashier), punch(t.cashier));
    const manager = contextOf(t, t.manager);
    await expect(correctTimeClockEntry(manager, entry.id, { clockedInAt: '2026-01-10T09:00', clockedOutAt: '2026-01-10T08:00', reason: 'Typo fix' })).rejects.toMatchObject({
      code: 'unprocessable',
      details: [{ path: 'clockedOutAt', message: 'Clock-out comes after clock-in' }],
    });
    await expect(correctTimeClockEntry(manager, entry.id, { clockedInAt: '2999-01-10T09:00', clockedOutAt: null, reason: 'Typo fix' })).rejects.toMatchObject({ code: 'unprocessable' });
    await expect(correctTimeClockEntry(contextOf(t, t.cashier), entry.id, { clockedInAt: '2026-01-10T09:00', clockedOutAt: null, reason: 'My own hours' })).rejects.toMatchObject({ code: 'forbidden' });
    const rows = await theAuditRowOf(t, () => addTimeClockEntry(manager, { userId: t.manager.id, clockedInAt: '2026-01-09T09:00', clockedOutAt: '2026-01-09T10:00', reason: 'Only this one' }));
    expect(rows.action).toBe('time_clock.added');
  });

  it("cannot reach another tenant's entry or staff member (not found)", async () => {
    const entry = await clockIn(await sessionContextOf(b, b.manager), punch(b.manager));
    const manager = contextOf(a, a.manager);
    await expect(correctTimeClockEntry(manager, entry.id, { clockedInAt: '2026-01-10T09:00', clockedOutAt: null, reason: 'Sneaky change' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(addTimeClockEntry(manager, { userId: b.cashier.id, clockedInAt: '2026-01-10T09:00', clockedOutAt: '2026-01-10T10:00', reason: 'Sneaky add' })).rejects.toMatchObject({ code: 'not_found' });
    await clockOut(await sessionContextOf(b, b.manager), punch(b.manager));
  });
});
