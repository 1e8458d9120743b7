import { Ratelimit } from '@upstash/ratelimit';
import { afterAll, describe, expect, it } from 'vitest';
import { platformKey, redis, redisTransport, tenantKey } from '@/lib/platform/redis';

/** The commands the app relies on behave the same on every transport (in-process or TCP). */
describe(`redis (${process.env.REDIS_URL ? 'tcp' : 'memory'})`, () => {
  const prefix = `p:test:${crypto.randomUUID()}`;
  const k = (name: string) => `${prefix}:${name}`;

  afterAll(async () => {
    const client = await redis();
    await client.del(...['json', 'nx', 'counter', 'getdel', 'multi'].map(k));
  });

  it('namespaces keys by tenant or platform', () => {
    expect(tenantKey('t1', 'auth', 'fail', 'x')).toBe('t:t1:auth:fail:x');
    expect(platformKey('handoff', 'abc')).toBe('p:handoff:abc');
  });

  it('uses the configured transport', async () => {
    expect(await redisTransport()).toBe(process.env.REDIS_URL ? 'tcp' : 'memory');
  });

  it('stores JSON with an expiry', async () => {
    const client = await redis();
    await client.set(k('json'), { a: 1, b: 'two' }, { ex: 30 });
    expect(await client.get(k('json'))).toEqual({ a: 1, b: 'two' });
    const ttl = await client.ttl(k('json'));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30);
  });

  it('honours NX', async () => {
    const client = await redis();
    expect(await client.set(k('nx'), 1, { nx: true, ex: 30 })).toBe('OK');
    expect(await client.set(k('nx'), 2, { nx: true, ex: 30 })).toBeNull();
    expect(await client.get(k('nx'))).toBe(1);
  });

  it('counts, and runs MULTI blocks in order', async () => {
    const client = await redis();
    expect(await client.incr(k('counter'))).toBe(1);
    const [, n] = await client.multi().set(k('multi'), 0, { nx: true, ex: 30 }).incr(k('multi')).exec<[unknown, number]>();
    expect(n).toBe(1);
    expect(await client.mget(k('counter'), k('missing'))).toEqual([1, null]);
  });

  it('GETDEL hands a value out once', async () => {
    const client = await redis();
    await client.set(k('getdel'), 'once');
    expect(await client.getdel(k('getdel'))).toBe('once');
    expect(await client.getdel(k('getdel'))).toBeNull();
  });

  it('runs @upstash/ratelimit scripts (EVALSHA, falling back to EVAL): atomic counts and refunds', async () => {
    const limiter = new Ratelimit({ redis: await redis(), limiter: Ratelimit.slidingWindow(3, '1 m'), prefix: k('ratelimit'), ephemeralCache: false, timeout: 0 });
    const id = crypto.randomUUID();
    const results = await Promise.all(Array.from({ length: 10 }, () => limiter.limit(id)));
    expect(results.filter((r) => r.success)).toHaveLength(3);
    expect(results[0]).toMatchObject({ limit: 3, reset: expect.any(Number) });
    expect((await limiter.limit(id, { rate: -1 })).success).toBe(true); // a refund gives one back
    expect((await limiter.limit(id)).success).toBe(true);
    expect((await limiter.limit(id)).success).toBe(false);
  });
});
