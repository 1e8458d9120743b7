import { beforeAll, describe, expect, it } from 'vitest';
import * as shiftDay from '@/app/api/v1/shifts/days/[date]/route';
import * as shiftsRoute from '@/app/api/v1/shifts/route';
import * as shiftReportRoute from '@/app/api/v1/shifts/[id]/report/route';
import { createApiKey } from '@/lib/auth';
import { closeShift, openShift } from '@/lib/orders';
import { businessDayOf } from '@/lib/platform/business-day';
import { businessDayRule } from '@/lib/tenancy';
import { apiRequest, contextOf, createTenant, json, mainLocation, noParams, segment, type TestStaff, type TestTenant } from '../helpers';

/**
 * GET /api/v1/shifts/days/{date} (issue 17: shifts reachable over the API, not only the open one
 * of a named register): the shifts opened on a business day with their reports and the day's
 * totals — Admin › Shifts' data, for its permission (reports:read; a key's `reports:read` scope).
 */
let a: TestTenant;
let b: TestTenant;
let today: string;
let closedId: string;
let openId: string;

const get = async (t: TestTenant, date: string, auth: { as?: TestStaff; key?: string }) =>
  json(
    await shiftDay.GET(
      await apiRequest('GET', `/api/v1/shifts/days/${date}`, { host: t.tenant, as: auth.as, headers: auth.key ? { authorization: `Bearer ${auth.key}` } : undefined }),
      segment({ date }),
    ),
  );

beforeAll(async () => {
  [a, b] = await Promise.all([createTenant({ currency: 'USD' }), createTenant({ currency: 'USD' })]);
  await Promise.all([mainLocation(a), mainLocation(b)]);
  const ctx = contextOf(a);
  const closed = await openShift(ctx, { registerName: 'Front', openingFloat: 1000 });
  today = businessDayOf(closed.openedAt, await businessDayRule(ctx)).date; // the day it was opened on, whatever the clock says now
  await closeShift(ctx, closed.id, 1000);
  closedId = closed.id;
  openId = (await openShift(ctx, { registerName: 'Bar', openingFloat: 500 })).id;
  await openShift(contextOf(b), { registerName: 'Front', openingFloat: 700 });
});

describe('GET /api/v1/shifts/days/{date}', () => {
  it('lists the day’s shifts with their reports and the totals, for a manager and for a key with reports:read', async () => {
    const { secret } = await createApiKey(contextOf(a), { name: 'Accounts', scopes: ['reports:read'] });
    for (const auth of [{ as: a.manager }, { key: secret }]) {
      const { status, body } = await get(a, today, auth);
      expect(status).toBe(200);
      expect(body.date).toBe(today);
      expect(body.shifts.map((s: { shiftId: string; closedAt: string | null }) => [s.shiftId, s.closedAt === null]).sort()).toEqual(
        [
          [closedId, false],
          [openId, true],
        ].sort(),
      );
      expect(body.totals).toMatchObject({ shifts: 2, open: 1 });
    }
  });

  it('has nothing for a day without shifts, 422 for what is not a calendar day', async () => {
    expect(await get(a, '2020-01-01', { as: a.owner })).toMatchObject({ status: 200, body: { shifts: [], totals: { shifts: 0 } } });
    for (const date of ['2026-02-30', 'yesterday', '2026-1-1']) {
      const { status, body } = await get(a, date, { as: a.owner });
      expect(status, date).toBe(422);
      expect(body.error.details).toEqual([expect.objectContaining({ path: 'date' })]);
    }
  });

  it('is for managers and owners: a cashier gets 403, a key without reports:read 403 naming it', async () => {
    expect((await get(a, today, { as: a.cashier })).status).toBe(403);
    const { secret } = await createApiKey(contextOf(a), { name: 'Till only', scopes: ['shifts:write'] });
    const refused = await get(a, today, { key: secret });
    expect(refused.status).toBe(403);
    expect(refused.body.error.details).toMatchObject({ requiredScopes: ['reports:read'] });
  });

  it('shows one business only: B’s shifts are not in A’s day, B’s staff and keys are refused on A’s host', async () => {
    const mine = await get(a, today, { as: a.owner });
    expect(mine.body.shifts.every((s: { registerName: string; openingFloat: number }) => s.openingFloat !== 700)).toBe(true);
    expect((await get(a, today, { as: b.owner })).status).toBe(401);
    const { secret } = await createApiKey(contextOf(b), { name: 'B accounts', scopes: ['reports:read'] });
    expect((await get(a, today, { key: secret })).status).toBe(401);
    const theirs = await get(b, today, { as: b.owner });
    expect(theirs.body.shifts.map((s: { openingFloat: number }) => s.openingFloat)).toEqual([700]);
  });
});

describe('a key with shifts:read', () => {
  it('reads the open shift and a shift report, may not open, close or move cash (403 naming shifts:write), and only in its own business', async () => {
    const { secret } = await createApiKey(contextOf(a), { name: 'Cash watcher', scopes: ['shifts:read'] });
    const auth = { authorization: `Bearer ${secret}` };
    const open = await json(await shiftsRoute.GET(await apiRequest('GET', '/api/v1/shifts?register=Bar', { host: a.tenant, headers: auth }), noParams));
    expect(open).toMatchObject({ status: 200, body: { id: openId } });
    const report = await json(await shiftReportRoute.GET(await apiRequest('GET', `/api/v1/shifts/${closedId}/report`, { host: a.tenant, headers: auth }), segment({ id: closedId })));
    expect(report.status).toBe(200);

    const opening = await json(
      await shiftsRoute.POST(await apiRequest('POST', '/api/v1/shifts', { host: a.tenant, headers: { ...auth, 'idempotency-key': crypto.randomUUID() }, body: { registerName: 'Patio', openingFloat: 0 } }), noParams),
    );
    expect(opening.status).toBe(403);
    expect(opening.body.error.details).toMatchObject({ requiredScopes: ['shifts:write'] });

    // B's shift is not found with A's key on A's host, and A's key is refused on B's host.
    const theirs = await json(await shiftsRoute.GET(await apiRequest('GET', '/api/v1/shifts?register=Front', { host: b.tenant, headers: auth }), noParams));
    expect(theirs.status).toBe(401);
  });
});
