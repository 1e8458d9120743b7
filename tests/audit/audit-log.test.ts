import { readFileSync } from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as audit from '@/app/api/v1/audit/route';
import { auditEvents } from '@/db/schema/platform';
import { listAuditEvents, updateStaff } from '@/lib/auth';
import { recordAudit, withoutSecrets } from '@/lib/platform/audit';
import { AUDIT_ACTIONS } from '@/lib/platform/audit-actions';
import { withTenant } from '@/lib/platform/db';
import { pgErrorCode } from '@/lib/platform/errors';
import { apiRequest, contextOf, createTenant, json, noParams, type TestStaff, type TestTenant } from '../helpers';

/**
 * Reading the audit log: filters (action or group, person, days in the tenant's time zone),
 * keyset pages, the 400 for a filter not understood, who may read it, that no tenant sees
 * another's, and that the log is append-only for the app.
 */
let a: TestTenant;
let b: TestTenant;
beforeAll(async () => {
  a = await createTenant({ timeZone: 'America/New_York' });
  b = await createTenant();
});

const get = async (t: TestTenant, as: TestStaff | undefined, query = '') =>
  json(await audit.GET(await apiRequest('GET', `/api/v1/audit${query}`, { host: t.tenant, as }), noParams));

/** Rows written straight into the log at given instants (the app writes `now()`; a range test needs known times). */
async function plant(t: TestTenant, rows: { at: string | null; action?: string; actor?: string }[]): Promise<string[]> {
  return withTenant(t.tenant.id, async (tx) => {
    const ids: string[] = [];
    for (const r of rows) {
      const [row] = await tx
        .insert(auditEvents)
        .values({
          tenantId: t.tenant.id,
          actorUserId: r.actor ?? t.owner.id,
          action: r.action ?? 'menu.updated',
          entityType: 'menu',
          createdAt: r.at ? sql`${r.at}::timestamptz` : sql`clock_timestamp()`, // text keeps microseconds
        })
        .returning({ id: auditEvents.id });
      ids.push(row!.id);
    }
    return ids;
  });
}

describe('GET /api/v1/audit', () => {
  it('answers newest first with the action in words and names for the people', async () => {
    await updateStaff(contextOf(a, a.manager), a.cashier.id, { name: 'Cas Renamed' });
    const res = await get(a, a.owner, '?action=staff.updated&limit=1');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      expect.objectContaining({
        action: 'staff.updated',
        label: 'Changed a staff member',
        actor: { id: a.manager.id, name: 'Mo Manager' },
        approver: null,
        entityType: 'user',
        entityId: a.cashier.id,
        before: { name: 'Cas Cashier' },
        after: { name: 'Cas Renamed' },
        at: expect.stringMatching(/Z$/),
      }),
    ]);
    expect(res.body.people[a.cashier.id]).toBe('Cas Renamed');
    expect(res.body.data[0]).not.toHaveProperty('tenantId');
  });

  it('filters by one action, by a group of actions and by the person who acted', async () => {
    const [settings, staff, byManager] = await plant(a, [
      { at: null, action: 'settings.updated' },
      { at: null, action: 'staff.pin_set' },
      { at: null, action: 'staff.pin_cleared', actor: a.manager.id },
    ]);
    const ids = (res: { body: { data: { id: string }[] } }) => res.body.data.map((r) => r.id);
    expect(ids(await get(a, a.owner, '?action=settings.updated'))).toContain(settings);
    expect(ids(await get(a, a.owner, '?action=settings.updated'))).not.toContain(staff);
    const group = ids(await get(a, a.owner, '?action=staff'));
    expect(group).toEqual(expect.arrayContaining([staff, byManager]));
    expect(group).not.toContain(settings);
    const manager = await get(a, a.owner, `?actor=${a.manager.id}`);
    expect(ids(manager)).toContain(byManager);
    expect(manager.body.data.every((r: { actor: { id: string } }) => r.actor.id === a.manager.id)).toBe(true);
  });

  it('takes days in the tenant’s time zone, both included, across a DST change (New York, 10 March 2024)', async () => {
    const [lateOn9th, startOf10th, endOf10th, startOf11th] = await plant(a, [
      { at: '2024-03-10T04:59:59.999Z', action: 'table.created' }, // 23:59:59 EST on the 9th
      { at: '2024-03-10T05:00:00.000Z', action: 'table.created' }, // 00:00 EST on the 10th
      { at: '2024-03-11T03:59:59.999Z', action: 'table.created' }, // 23:59:59 EDT on the 10th (the day had 23 hours)
      { at: '2024-03-11T04:00:00.000Z', action: 'table.created' }, // 00:00 EDT on the 11th
    ]);
    const day = await get(a, a.owner, '?action=table.created&from=2024-03-10&to=2024-03-10');
    expect(day.body.data.map((r: { id: string }) => r.id)).toEqual([endOf10th, startOf10th]);
    const since = await get(a, a.owner, '?action=table.created&from=2024-03-11&to=2024-03-11');
    expect(since.body.data.map((r: { id: string }) => r.id)).toEqual([startOf11th]);
    const before = await get(a, a.owner, '?action=table.created&to=2024-03-09');
    expect(before.body.data.map((r: { id: string }) => r.id)).toEqual([lateOn9th]);
  });

  it('pages by keyset: every row once, older then newer again, microseconds and equal times included', async () => {
    const t = await createTenant();
    const sameInstant = '2025-01-01T12:00:00.000Z';
    const sameMillisecond = ['2025-01-02T12:00:00.000100Z', '2025-01-02T12:00:00.000200Z', '2025-01-02T12:00:00.000300Z'];
    await plant(t, [{ at: sameInstant }, { at: sameInstant }, { at: sameInstant }, ...sameMillisecond.map((at) => ({ at }))]);
    const all = (await get(t, t.owner, '?action=menu.updated&limit=100')).body.data.map((r: { id: string }) => r.id);
    expect(all).toHaveLength(6);
    // pages of 2 cut between rows of one millisecond, then between rows of one instant

    const seen: string[] = [];
    const pages: { data: { id: string }[]; older: string | null; newer: string | null }[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const res: { body: (typeof pages)[number] } = await get(t, t.owner, `?action=menu.updated&limit=2${cursor ? `&before=${cursor}` : ''}`);
      pages.push(res.body);
      seen.push(...res.body.data.map((r) => r.id));
      cursor = res.body.older;
    }
    expect(seen).toEqual(all);
    expect(pages.map((p) => p.data.length)).toEqual([2, 2, 2]);
    expect(pages[0]!.newer).toBeNull();
    const back = await get(t, t.owner, `?action=menu.updated&limit=2&after=${pages[2]!.newer}`);
    expect(back.body.data.map((r: { id: string }) => r.id)).toEqual(all.slice(2, 4));
    expect(back.body.newer).not.toBeNull();
    const first = await get(t, t.owner, `?action=menu.updated&limit=2&after=${back.body.newer}`);
    expect(first.body.data.map((r: { id: string }) => r.id)).toEqual(all.slice(0, 2));
    expect(first.body.newer).toBeNull();
    expect(first.body.older).not.toBeNull();
  });

  it('answers 400 with the error shape for a filter it does not understand', async () => {
    for (const [query, path] of [
      ['?action=staff.fired', 'action'],
      ['?action=drop%20table', 'action'],
      ['?actor=not-a-uuid', 'actor'],
      ['?from=2024-02-30', 'from'],
      ['?from=2024-03-10&to=2024-03-01', 'to'],
      ['?before=bm90IGEgY3Vyc29y', 'before'],
      ['?limit=1000', 'limit'],
      ['?action=staff&action=sign_in', 'action'],
      ['?tenant=someone-else', 'query'],
    ] as const) {
      const res = await get(a, a.owner, query);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body).toEqual({ error: { code: 'bad_request', message: expect.any(String), details: [expect.objectContaining({ path })] } });
    }
  });

  it('is for owners and managers: a cashier gets 403, nobody signed in 401', async () => {
    expect((await get(a, a.manager)).status).toBe(200);
    expect(await get(a, a.cashier)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(await get(a, undefined)).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
    await expect(listAuditEvents(contextOf(a, a.cashier), { limit: 10 })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('shows another tenant’s session on its own host none of this tenant’s events; this tenant’s cookie is refused there', async () => {
    const planted = await plant(a, [{ at: null, action: 'settings.updated' }]);
    const mine = new Set((await get(a, a.owner, '?limit=100')).body.data.map((r: { id: string }) => r.id));
    expect(mine.has(planted[0])).toBe(true);
    const theirs = await get(b, b.owner, '?limit=100');
    expect(theirs.status).toBe(200);
    expect(theirs.body.data.length).toBeGreaterThan(0); // B's own sign-up and staff
    expect(theirs.body.data.filter((r: { id: string }) => mine.has(r.id))).toEqual([]);
    expect(JSON.stringify(theirs.body)).not.toContain(a.owner.id);
    // B asking for A's people and A's actions by filter still sees only B's log.
    const filtered = await get(b, b.owner, `?actor=${a.owner.id}&action=settings`);
    expect(filtered).toMatchObject({ status: 200, body: { data: [] } });
    expect((await get(b, a.owner)).status).toBe(401);
  });
});

describe('the log is append-only', () => {
  it('the app role can neither change nor delete a row, even its own tenant’s', async () => {
    const [id] = await plant(a, [{ at: null }]);
    for (const change of [
      (tx: Parameters<Parameters<typeof withTenant>[1]>[0]) => tx.update(auditEvents).set({ action: 'menu.created' }).where(eq(auditEvents.id, id!)),
      (tx: Parameters<Parameters<typeof withTenant>[1]>[0]) => tx.delete(auditEvents).where(eq(auditEvents.id, id!)),
    ]) {
      const failure = await withTenant(a.tenant.id, change).catch((e: unknown) => e);
      expect(pgErrorCode(failure)).toBe('42501'); // insufficient_privilege
    }
    const [row] = await withTenant(a.tenant.id, (tx) => tx.select().from(auditEvents).where(eq(auditEvents.id, id!)));
    expect(row).toMatchObject({ action: 'menu.updated' });
  });
});

describe('no secrets in the log', () => {
  it('blanks hashes, passwords, tokens and a PIN that is not a state word, at any depth', async () => {
    expect(
      withoutSecrets({ passwordHash: '$argon2id$x', password: 'hunter2', approvalToken: 'tok', pin: '1234', nested: { pinHash: 'h', pin: 'set', list: [{ secret: 's' }] }, passwordChanged: true }),
    ).toEqual({ passwordHash: '[redacted]', password: '[redacted]', approvalToken: '[redacted]', pin: '[redacted]', nested: { pinHash: '[redacted]', pin: 'set', list: [{ secret: '[redacted]' }] }, passwordChanged: true });
    await withTenant(a.tenant.id, (tx) => recordAudit(tx, a.tenant.id, { actorUserId: a.owner.id, action: 'staff.pin_set', entityType: 'user', entityId: a.owner.id, after: { pin: '4321' } }));
    const [row] = await withTenant(a.tenant.id, (tx) => tx.select().from(auditEvents).where(and(eq(auditEvents.action, 'staff.pin_set'), eq(auditEvents.entityId, a.owner.id))));
    expect(row!.after).toEqual({ pin: '[redacted]' });
  });
});

describe('the vocabulary', () => {
  it('is documented: docs/security.md names every action (or its `entity.*` family)', () => {
    const docs = readFileSync(new URL('../../docs/security.md', import.meta.url), 'utf8');
    expect(AUDIT_ACTIONS.filter((action) => !docs.includes(`\`${action}\``) && !docs.includes(`\`${action.split('.')[0]}.*\``))).toEqual([]);
  });
});
