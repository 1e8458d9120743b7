import { beforeAll, describe, expect, it } from 'vitest';
import * as productsRoute from '@/app/api/v1/products/route';
import { createApiKey } from '@/lib/auth';
import { apiRequest, contextOf, createTenant, noParams, type TestTenant } from '../helpers';

// A small per-business minute, read by config() when the first request takes it (each test file has its own modules).
process.env.API_BUSINESS_RATE_LIMIT_PER_MINUTE = '5';

/**
 * The per-business limit on API-key traffic (docs/security.md › API keys): all keys of one
 * business share API_BUSINESS_RATE_LIMIT_PER_MINUTE on top of each key's own limit, so many keys
 * cannot add up to more; the 429 says which limit refused.
 */
describe('API keys: the per-business limit', () => {
  let a: TestTenant;
  let b: TestTenant;
  beforeAll(async () => {
    [a, b] = await Promise.all([createTenant(), createTenant()]);
  }, 60_000);

  const newKey = async (t: TestTenant, rateLimitPerMinute: number) =>
    (await createApiKey(contextOf(t), { name: `limited ${rateLimitPerMinute}`, scopes: ['catalog:read'], rateLimitPerMinute })).secret;
  const get = async (t: TestTenant, secret: string) => productsRoute.GET(await apiRequest('GET', '/api/v1/products', { host: t.tenant, headers: { authorization: `Bearer ${secret}` } }), noParams);

  it('refuses the business’s keys together past the limit (429, details.limit "business"), never another business’s', async () => {
    const keys = [await newKey(a, 100), await newKey(a, 100), await newKey(a, 100)];
    const answers: Response[] = [];
    for (let i = 0; i < 5; i++) answers.push(await get(a, keys[i % keys.length]!));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    // The headers tell the nearer limit: the business's 5, not each key's 100.
    expect(answers.map((r) => [r.headers.get('ratelimit-limit'), r.headers.get('ratelimit-remaining')])).toEqual([
      ['5', '4'],
      ['5', '3'],
      ['5', '2'],
      ['5', '1'],
      ['5', '0'],
    ]);
    for (const secret of keys) {
      const refused = await get(a, secret);
      expect(refused.status).toBe(429);
      const { error } = await refused.json();
      expect(error).toMatchObject({ code: 'rate_limited', details: { limit: 'business', limitPerMinute: 5, retryAfterSeconds: expect.any(Number) } });
      expect(error.message).toMatch(/business/);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(refused.headers.get('ratelimit-limit')).toBe('5');
    }
    // Another business has its own minute.
    expect((await get(b, await newKey(b, 100))).status).toBe(200);
  });

  it('names the key’s own limit when that is the one that refuses, and spends none of the business’s minute on it', async () => {
    const secret = await newKey(b, 1);
    expect((await get(b, secret)).status).toBe(200);
    for (let i = 0; i < 3; i++) {
      const refused = await get(b, secret);
      expect(refused.status).toBe(429);
      expect((await refused.json()).error.details).toMatchObject({ limit: 'key', limitPerMinute: 1 });
    }
    // b has made 2 requests that passed (one in the test above, one here): 3 more fit in its minute of 5, whatever its key refused.
    const other = await newKey(b, 100);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await get(b, other)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
