import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { idempotencyKeys } from '@/db/schema/platform';
import { withTenant } from '@/lib/platform/db';
import { IN_FLIGHT_SECONDS, purgeExpiredIdempotencyKeys, requestFingerprint, withIdempotency } from '@/lib/platform/idempotency';
import { createTenant, type TestTenant } from '../helpers';

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
