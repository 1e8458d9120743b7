import { beforeAll, describe, expect, it } from 'vitest';
import * as meRoute from '@/app/api/v1/me/route';
import * as staffItem from '@/app/api/v1/staff/[id]/route';
import * as staffList from '@/app/api/v1/staff/route';
import { redis, tenantKey } from '@/lib/platform/redis';
import { apiRequest, createTenant, json, noParams, PASSWORD, segment, sessionTokenFor, type TestTenant } from '../helpers';

const newCashier = (email: string) => ({ name: 'Api Cashier', email, role: 'cashier', password: PASSWORD, pin: '1234' });

describe('/api/v1/staff', () => {
  let a: TestTenant;
  let b: TestTenant;
  beforeAll(async () => {
    a = await createTenant();
    b = await createTenant();
  });

  it('lists staff for owners and managers', async () => {
    const res = await json(await staffList.GET(await apiRequest('GET', '/api/v1/staff', { host: a.tenant, as: a.manager }), noParams));
    expect(res.status).toBe(200);
    expect(res.body.data.map((s: { email: string }) => s.email).sort()).toEqual(
      [a.owner.email, a.manager.email, a.cashier.email].sort(),
    );
    expect(JSON.stringify(res.body)).not.toMatch(/hash/i);
  });

  it('creates a staff member: 201 with Location and request id', async () => {
    const res = await staffList.POST(
      await apiRequest('POST', '/api/v1/staff', { host: a.tenant, as: a.owner, body: newCashier('api1@x.test'), headers: { 'x-request-id': 'req-42' } }),
      noParams,
    );
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(res.headers.get('location')).toBe(`/api/v1/staff/${body.id}`);
    expect(res.headers.get('x-request-id')).toBe('req-42');
    expect(body).toMatchObject({ email: 'api1@x.test', role: 'cashier', hasPin: true });
  });

  it('answers 401 without a session, 403 for a cashier', async () => {
    const anonymous = await json(await staffList.GET(await apiRequest('GET', '/api/v1/staff', { host: a.tenant }), noParams));
    expect(anonymous).toEqual({ status: 401, body: { error: { code: 'unauthorized', message: 'Sign in to continue' } } });
    const cashier = await staffList.POST(await apiRequest('POST', '/api/v1/staff', { host: a.tenant, as: a.cashier, body: newCashier('c@x.test') }), noParams);
    expect(cashier.status).toBe(403);
    expect((await cashier.json()).error.code).toBe('forbidden');
  });

  it('answers 422 with field paths for bad input and 400 for a body that is not JSON', async () => {
    const bad = await json(
      await staffList.POST(
        await apiRequest('POST', '/api/v1/staff', { host: a.tenant, as: a.owner, body: { name: '', email: 'nope', role: 'chef', password: 'x', pin: '12' } }),
        noParams,
      ),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('unprocessable');
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['email', 'name', 'password', 'pin', 'role']);
    const notJson = await staffList.POST(await apiRequest('POST', '/api/v1/staff', { host: a.tenant, as: a.owner, body: '{oops' }), noParams);
    expect(notJson.status).toBe(400);
  });

  it('answers 409 for a duplicate email', async () => {
    const res = await staffList.POST(await apiRequest('POST', '/api/v1/staff', { host: a.tenant, as: a.owner, body: newCashier(a.cashier.email) }), noParams);
    expect(res.status).toBe(409);
  });

  it('reads and patches one member', async () => {
    const id = a.cashier.id;
    const read = await json(await staffItem.GET(await apiRequest('GET', `/api/v1/staff/${id}`, { host: a.tenant, as: a.owner }), segment({ id })));
    expect(read.body).toMatchObject({ id, role: 'cashier' });
    const patched = await json(
      await staffItem.PATCH(await apiRequest('PATCH', `/api/v1/staff/${id}`, { host: a.tenant, as: a.owner, body: { name: 'Renamed Cashier' } }), segment({ id })),
    );
    expect(patched).toMatchObject({ status: 200, body: { id, name: 'Renamed Cashier' } });
    const empty = await staffItem.PATCH(await apiRequest('PATCH', `/api/v1/staff/${id}`, { host: a.tenant, as: a.owner, body: {} }), segment({ id }));
    expect(empty.status).toBe(422);
  });

  describe('tenant isolation', () => {
    it('refuses tenant A’s session on tenant B’s host', async () => {
      for (const call of [
        async () => staffList.GET(await apiRequest('GET', '/api/v1/staff', { host: b.tenant, as: a.owner }), noParams),
        async () => staffList.POST(await apiRequest('POST', '/api/v1/staff', { host: b.tenant, as: a.owner, body: newCashier('x@b.test') }), noParams),
        async () => staffItem.GET(await apiRequest('GET', `/api/v1/staff/${b.owner.id}`, { host: b.tenant, as: a.owner }), segment({ id: b.owner.id })),
        async () => meRoute.GET(await apiRequest('GET', '/api/v1/me', { host: b.tenant, as: a.owner }), noParams),
      ]) {
        expect((await call()).status).toBe(401);
      }
    });

    it('treats B’s staff ids as not found from A (read and change)', async () => {
      const id = b.cashier.id;
      const read = await staffItem.GET(await apiRequest('GET', `/api/v1/staff/${id}`, { host: a.tenant, as: a.owner }), segment({ id }));
      expect(read.status).toBe(404);
      const change = await staffItem.PATCH(
        await apiRequest('PATCH', `/api/v1/staff/${id}`, { host: a.tenant, as: a.owner, body: { active: false } }),
        segment({ id }),
      );
      expect(change.status).toBe(404);
      const still = await json(await staffItem.GET(await apiRequest('GET', `/api/v1/staff/${id}`, { host: b.tenant, as: b.owner }), segment({ id })));
      expect(still.body).toMatchObject({ active: true, name: 'Cas Cashier' });
    });

    it('never takes the tenant from the body or a client header', async () => {
      const res = await staffList.POST(
        await apiRequest('POST', '/api/v1/staff', {
          host: a.tenant,
          as: a.owner,
          body: { ...newCashier('smuggled@x.test'), tenantId: b.tenant.id },
          headers: { 'x-tenant-id': b.tenant.id },
        }),
        noParams,
      );
      expect(res.status).toBe(201);
      const bList = await json(await staffList.GET(await apiRequest('GET', '/api/v1/staff', { host: b.tenant, as: b.owner }), noParams));
      expect(bList.body.data.map((s: { email: string }) => s.email)).not.toContain('smuggled@x.test');
    });

    it('answers 404 "No such store" on the root domain or an unknown store', async () => {
      const root = await json(await staffList.GET(await apiRequest('GET', '/api/v1/staff', { as: a.owner }), noParams));
      expect(root).toEqual({ status: 404, body: { error: { code: 'not_found', message: 'No such store' } } });
      const unknown = await staffList.GET(
        await apiRequest('GET', '/api/v1/staff', { as: a.owner, headers: { 'x-tenant-slug': 'no-such-store-here' } }),
        noParams,
      );
      expect(unknown.status).toBe(404);
    });

    it('rejects a revoked session token', async () => {
      const token = await sessionTokenFor(a.manager);
      const { endSession, verifySessionToken } = await import('@/lib/auth/session');
      await endSession((await verifySessionToken(token, a.tenant.id))!);
      const res = await meRoute.GET(await apiRequest('GET', '/api/v1/me', { host: a.tenant, as: token }), noParams);
      expect(res.status).toBe(401);
    });
  });

  describe('Idempotency-Key', () => {
    it('replays the first response and creates one member only', async () => {
      const send = async (body: unknown) =>
        staffList.POST(
          await apiRequest('POST', '/api/v1/staff', { host: a.tenant, as: a.owner, body, headers: { 'idempotency-key': 'add-idem-1' } }),
          noParams,
        );
      const first = await send(newCashier('idem@x.test'));
      const again = await send(newCashier('idem@x.test'));
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.headers.get('location')).toBe(first.headers.get('location'));
      expect(await again.json()).toEqual(await first.json());
      const different = await json(await send(newCashier('other@x.test')));
      expect(different.status).toBe(422);
      const list = await json(await staffList.GET(await apiRequest('GET', '/api/v1/staff', { host: a.tenant, as: a.owner }), noParams));
      expect(list.body.data.filter((s: { email: string }) => s.email === 'idem@x.test')).toHaveLength(1);
    });

    it('scopes keys by tenant', async () => {
      const headers = { 'idempotency-key': 'shared-key' };
      const inA = await staffList.POST(await apiRequest('POST', '/api/v1/staff', { host: a.tenant, as: a.owner, body: newCashier('k@a.test'), headers }), noParams);
      const inB = await staffList.POST(await apiRequest('POST', '/api/v1/staff', { host: b.tenant, as: b.owner, body: newCashier('k@b.test'), headers }), noParams);
      expect([inA.status, inB.status]).toEqual([201, 201]);
      expect(inB.headers.get('idempotent-replayed')).toBeNull();
    });

    it('rejects a malformed key', async () => {
      const res = await staffList.POST(
        await apiRequest('POST', '/api/v1/staff', { host: a.tenant, as: a.owner, body: newCashier('bad-key@x.test'), headers: { 'idempotency-key': 'has spaces' } }),
        noParams,
      );
      expect(res.status).toBe(400);
    });
  });
});

describe('ending a staff member’s sessions', () => {
  it('holds at the next request even when Redis lost the revocation', async () => {
    const t = await createTenant();
    const changes = [
      { who: t.cashier, patch: { active: false } },
      { who: t.manager, patch: { role: 'cashier' } },
      { who: t.owner, patch: { password: 'a-brand-new-password' } },
    ];
    // A second owner makes the changes (the first one's own password changes too).
    const boss = await staffList.POST(
      await apiRequest('POST', '/api/v1/staff', { host: t.tenant, as: t.owner, body: { ...newCashier(`boss@${t.tenant.slug}.test`), role: 'owner' } }),
      noParams,
    );
    const bossStaff = { ...t.owner, id: (await boss.json()).id as string };
    for (const { who, patch } of changes) {
      const token = await sessionTokenFor(who, { authTime: Date.now() - 5 });
      const me = async () => (await meRoute.GET(await apiRequest('GET', '/api/v1/me', { host: t.tenant, as: token }), noParams)).status;
      expect(await me()).toBe(200);

      const changed = await staffItem.PATCH(
        await apiRequest('PATCH', `/api/v1/staff/${who.id}`, { host: t.tenant, as: bossStaff, body: patch }),
        segment({ id: who.id }),
      );
      expect(changed.status).toBe(200);
      // Redis restarted without persistence, evicted the key or failed over.
      expect(await (await redis()).del(tenantKey(t.tenant.id, 'user', who.id, 'sessions-valid-after'))).toBe(1);

      expect({ patch, status: await me() }).toEqual({ patch, status: 401 });
    }
  });
});

describe('/api/v1/me', () => {
  it('describes the session’s user and tenant', async () => {
    const t = await createTenant();
    const res = await json(await meRoute.GET(await apiRequest('GET', '/api/v1/me', { host: t.tenant, as: t.cashier }), noParams));
    expect(res).toMatchObject({ status: 200, body: { user: { id: t.cashier.id, role: 'cashier' }, tenant: { slug: t.tenant.slug } } });
  });
});
