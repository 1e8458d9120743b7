import { eq, sql, type SQL } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { database } from '@/db/client';
import { idempotencyKeys } from '@/db/schema/platform';
import { databaseSettings, withPlatform, withTenant } from '@/lib/platform/db';
import { IN_FLIGHT_SECONDS, purgeExpiredIdempotencyKeys, REPLAY_HEADER, requestFingerprint, withIdempotency } from '@/lib/platform/idempotency';
import { metrics } from '@/lib/platform/metrics';
import { createTenant, rowsOf, type TestTenant } from '../helpers';

const fp = (body: string) => requestFingerprint('POST', '/api/v1/things', body);

describe('withIdempotency', () => {
  let t: TestTenant;
  beforeAll(async () => {
    t = await createTenant();
  });

  it('runs once and replays the stored response', async () => {
    let runs = 0;
    const handler = async () => {
      runs++;
      return Response.json({ n: runs }, { status: 201, headers: { location: '/things/1' } });
    };
    const first = await withIdempotency(t.tenant.id, 'k-replay', fp('{}'), handler);
    const second = await withIdempotency(t.tenant.id, 'k-replay', fp('{}'), handler);
    expect(runs).toBe(1);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(await second.json()).toEqual({ n: 1 });
    expect(second.headers.get('location')).toBe('/things/1');
    expect(second.headers.get('content-type')).toContain('application/json');
  });

  it('replays a 4xx too (the same request would fail the same way)', async () => {
    let runs = 0;
    const handler = async () => {
      runs++;
      return Response.json({ error: { code: 'conflict', message: 'no' } }, { status: 409 });
    };
    await withIdempotency(t.tenant.id, 'k-4xx', fp('a'), handler);
    const again = await withIdempotency(t.tenant.id, 'k-4xx', fp('a'), handler);
    expect([runs, again.status]).toEqual([1, 409]);
  });

  it('answers 422 for the same key with a different request', async () => {
    await withIdempotency(t.tenant.id, 'k-diff', fp('one'), async () => new Response('ok'));
    await expect(withIdempotency(t.tenant.id, 'k-diff', fp('two'), async () => new Response('ok'))).rejects.toMatchObject({
      code: 'unprocessable',
    });
  });

  it('answers 409 while the first request is in flight', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = withIdempotency(t.tenant.id, 'k-flight', fp('x'), async () => {
      await gate;
      return new Response('done');
    });
    // Wait until the first request has claimed the key.
    for (let i = 0; i < 100; i++) {
      const rows = await withTenant(t.tenant.id, (tx) => tx.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, 'k-flight')));
      if (rows.length) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    await expect(withIdempotency(t.tenant.id, 'k-flight', fp('x'), async () => new Response('dup'))).rejects.toMatchObject({
      code: 'conflict',
    });
    release();
    expect(await (await first).text()).toBe('done');
  });

  it('frees the key after a 5xx or a throw, so a retry runs', async () => {
    const failed = await withIdempotency(t.tenant.id, 'k-5xx', fp('x'), async () => new Response('boom', { status: 503 }));
    expect(failed.status).toBe(503);
    const retried = await withIdempotency(t.tenant.id, 'k-5xx', fp('x'), async () => new Response('ok', { status: 200 }));
    expect(retried.status).toBe(200);

    await expect(withIdempotency(t.tenant.id, 'k-throw', fp('x'), async () => Promise.reject(new Error('crash')))).rejects.toThrow('crash');
    const after = await withIdempotency(t.tenant.id, 'k-throw', fp('x'), async () => new Response('ok'));
    expect(after.status).toBe(200);
  });

  it('lets a retry take over a key whose request died mid-way', async () => {
    await withTenant(t.tenant.id, (tx) =>
      tx.insert(idempotencyKeys).values({
        tenantId: t.tenant.id,
        key: 'k-stale',
        requestHash: fp('x'),
        state: 'in_flight',
        lockedUntil: new Date(Date.now() - (IN_FLIGHT_SECONDS + 1) * 1000),
        expiresAt: new Date(Date.now() + 3600_000),
      }),
    );
    const res = await withIdempotency(t.tenant.id, 'k-stale', fp('x'), async () => new Response('recovered'));
    expect(await res.text()).toBe('recovered');
  });

  it('runs exactly once under concurrent duplicates', async () => {
    let runs = 0;
    const attempts = await Promise.allSettled(
      Array.from({ length: 25 }, () =>
        withIdempotency(t.tenant.id, 'k-race', fp('same'), async () => {
          runs++;
          await new Promise((r) => setTimeout(r, 20));
          return Response.json({ created: true }, { status: 201 });
        }),
      ),
    );
    expect(runs).toBe(1);
    for (const a of attempts) {
      if (a.status === 'fulfilled') expect(a.value.status).toBe(201);
      else expect(a.reason).toMatchObject({ code: 'conflict' });
    }
  });

  it('keeps keys 24 hours, then purges them', async () => {
    await withIdempotency(t.tenant.id, 'k-old', fp('x'), async () => new Response('old'));
    const [row] = await withTenant(t.tenant.id, (tx) => tx.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, 'k-old')));
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBeGreaterThanOrEqual(24 * 3600_000);
    await withTenant(t.tenant.id, (tx) =>
      tx.update(idempotencyKeys).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(idempotencyKeys.key, 'k-old')),
    );
    expect(await purgeExpiredIdempotencyKeys(t.tenant.id)).toBe(1);
    const rerun = await withIdempotency(t.tenant.id, 'k-old', fp('different now'), async () => new Response('new'));
    expect(await rerun.text()).toBe('new');
  });
});

/**
 * The claim, completion and release are one statement each (idempotency_claim, …_complete,
 * …_release in db/policies.sql, called by callTenantFunction outside any transaction): the
 * function sets role and tenant with set_config(…, true), so RLS holds inside it and nothing
 * outlives the statement.
 */
describe('the Idempotency-Key in one statement per step', () => {
  let a: TestTenant;
  let b: TestTenant;
  beforeAll(async () => {
    [a, b] = await Promise.all([createTenant(), createTenant()]);
  });

  const raw = async <T>(query: SQL) => rowsOf<T>(await (await database(databaseSettings())).db.execute(query));

  it('keeps the same key of two tenants apart', async () => {
    const first = await withIdempotency(a.tenant.id, 'k-shared', fp('a'), async () => new Response('a', { status: 201 }));
    // Another tenant, another request, the same key string: its own claim, not a 422 or a replay of A's.
    const other = await withIdempotency(b.tenant.id, 'k-shared', fp('b'), async () => new Response('b', { status: 201 }));
    expect([first.status, await other.text(), other.headers.get(REPLAY_HEADER)]).toEqual([201, 'b', null]);
    const replayA = await withIdempotency(a.tenant.id, 'k-shared', fp('a'), async () => new Response('again'));
    expect([await replayA.text(), replayA.headers.get(REPLAY_HEADER)]).toEqual(['a', 'true']);
    // B's key in flight does not block A's, and A's release does not free B's.
    await withTenant(b.tenant.id, (tx) =>
      tx.update(idempotencyKeys).set({ state: 'in_flight', lockedUntil: sql`now() + interval '1 minute'` }).where(eq(idempotencyKeys.key, 'k-shared')),
    );
    await expect(withIdempotency(a.tenant.id, 'k-shared', fp('other'), async () => Promise.reject(new Error('x')))).rejects.toMatchObject({ code: 'unprocessable' });
    await expect(withIdempotency(b.tenant.id, 'k-shared', fp('b'), async () => new Response('dup'))).rejects.toMatchObject({ code: 'conflict' });
    for (const t of [a, b]) {
      const rows = await withTenant(t.tenant.id, (tx) => tx.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, 'k-shared')));
      expect(rows.map((r) => [r.tenantId, r.responseBody])).toEqual([[t.tenant.id, t === a ? 'a' : 'b']]);
    }
  });

  it('runs the functions as the caller, under RLS: without a tenant the table shows nothing', async () => {
    const functions = await raw<{ name: string; definer: boolean }>(
      sql`select p.proname as name, p.prosecdef as definer from pg_proc p where p.proname like 'idempotency\_%' order by 1`,
    );
    expect(functions).toEqual(['idempotency_claim', 'idempotency_complete', 'idempotency_release'].map((name) => ({ name, definer: false })));
    await withIdempotency(a.tenant.id, 'k-platform', fp('x'), async () => new Response('ok'));
    const [platform] = rowsOf<{ n: number }>(await withPlatform((tx) => tx.execute(sql`select count(*)::int as n from idempotency_keys`)));
    expect(platform!.n).toBe(0);
    // The function's own statements run as tillwise_app with the tenant it was given: called for A
    // inside a transaction (so its settings are still there to read), A's rows only.
    const { db } = await database(databaseSettings());
    const seen = await db
      .transaction(async (tx) => {
        await tx.execute(sql`select * from idempotency_release(${a.tenant.id}, 'k-none')`);
        return rowsOf<{ role: string; keys: number; others: number }>(
          await tx.execute(
            sql`select current_user as role, count(*)::int as keys, count(*) filter (where tenant_id <> ${a.tenant.id})::int as others from idempotency_keys`,
          ),
        );
      });
    expect(seen).toEqual([{ role: 'tillwise_app', keys: expect.any(Number), others: 0 }]);
    expect(seen[0]!.keys).toBeGreaterThan(0);
  });

  it('leaves no tenant or role on the connection after a call', async () => {
    // More calls at once than the pool has connections, so every connection of it has run one;
    // then bare statements on those connections (PGlite: its one) read what is left.
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => withIdempotency((i % 2 ? a : b).tenant.id, `k-leak-${i}`, fp('x'), async () => new Response('ok'))),
    );
    const after = await Promise.all(
      Array.from({ length: 30 }, () =>
        raw<{ tenant: string | null; role: string }>(sql`select nullif(current_setting('app.tenant_id', true), '') as tenant, current_setting('role') as role`),
      ),
    );
    // `role` 'none': never SET on the session (on Postgres it logs in as tillwise_app, on PGlite as the superuser).
    expect(after.flat()).toEqual(Array.from({ length: 30 }, () => ({ tenant: null, role: 'none' })));
  });

  it.runIf(!process.env.DATABASE_URL)('on PGlite, waits for an open transaction to end rather than run inside it', async () => {
    let claimed = false;
    let claim!: Promise<Response>;
    const inside = await withTenant(a.tenant.id, async (tx) => {
      claim = withIdempotency(b.tenant.id, 'k-wait', fp('x'), async () => new Response('ok')).then((r) => ((claimed = true), r));
      const read = async () => rowsOf<{ tenant: string }>(await tx.execute(sql`select current_setting('app.tenant_id') as tenant`))[0]!.tenant;
      const tenants = [await read(), await read(), await read()];
      return { tenants, claimed };
    });
    expect(inside).toEqual({ tenants: [a.tenant.id, a.tenant.id, a.tenant.id], claimed: false });
    expect((await claim).status).toBe(200);
  });

  it.runIf(!!process.env.DATABASE_URL)('spends 2 statements of a request on its key (it was 8)', async () => {
    const count = async () => (await metrics().dbQueries.get()).values[0]!.value;
    const before = await count();
    await withIdempotency(a.tenant.id, 'k-count', fp('x'), async () => new Response('ok', { status: 201 }));
    const fresh = (await count()) - before;
    await withIdempotency(a.tenant.id, 'k-count', fp('x'), async () => new Response('never'));
    const replay = (await count()) - before - fresh;
    expect({ fresh, replay }).toEqual({ fresh: 2, replay: 1 });
  });
});
