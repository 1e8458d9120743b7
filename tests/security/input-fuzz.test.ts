import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor } from '@/lib/auth';
import { dispatchPending } from '@/lib/events';
import { openShift } from '@/lib/orders';
import { withTenant } from '@/lib/platform/db';
import { findTenantBySlug, type TenantInfo } from '@/lib/tenancy';
import { seedDemoTenant } from '@/scripts/seed/seed';
import { apiRequest, rowsOf, segment, sessionTokenFor, uniqueSlug, type TestStaff } from '../helpers';
import { ownDatabase } from '../own-database';
import { findRoutes, idsOf, KIND_OF, snapshot, undelivered } from './routes';

/**
 * Input fuzzing of every mutation under app/api/v1 (found on disk): arbitrary JSON bodies
 * (fast-check's `jsonValue`) and hostile ones (operator injection in MongoDB's dialect, prototype
 * keys, deep nesting, huge strings, wrong types where ids go), sent by the owner of a full demo
 * café to its own resources. Never a 5xx; and a route that refused every body wrote nothing —
 * the café's rows, every tenant table digested, are the same after it as before.
 */
const MUTATIONS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;
const RUNS = 8;

const hostile: unknown[] = [
  { $gt: '' },
  { name: { $gt: '' }, $where: 'sleep(1000)' },
  { sku: { $regex: '.*' }, price: { $ne: null } },
  JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}'),
  { lines: [{ variantId: "' or 1=1 --", quantity: 1e308 }] },
  { lines: Array.from({ length: 2_000 }, () => ({ variantId: crypto.randomUUID(), quantity: 1 })) },
  { name: 'x'.repeat(100_000) },
  JSON.parse(`${'['.repeat(500)}${']'.repeat(500)}`),
  { id: -1, amount: -5, quantity: 0.5, tendered: 'NaN', tender: 'cash' },
  null,
  'not an object',
];

describe('every mutation route takes any JSON without a 5xx or a partial write', () => {
  let db: Awaited<ReturnType<typeof ownDatabase>> | undefined;
  let tenant: TenantInfo;
  let cookie: string;
  let ids: Map<string, string>;

  beforeAll(async () => {
    if (process.env.DATABASE_URL) {
      db = await ownDatabase('fuzz');
      await db.use({});
    }
    const slug = uniqueSlug('fuzz');
    await seedDemoTenant({ slug, businessName: 'Fuzz Tea House', currency: 'MMK', timeZone: 'Asia/Yangon', domain: `${slug}.test`, kind: 'café' });
    tenant = (await findTenantBySlug(slug))!;
    const [owner] = rowsOf<TestStaff>(await withTenant(tenant.id, (tx) => tx.execute(sql`select id, tenant_id as "tenantId", role, name, email from users where role = 'owner' limit 1`)));
    await openShift(contextFor(tenant, owner!), { registerName: 'Fuzz till', openingFloat: 0 });
    cookie = await sessionTokenFor(owner!);
    ids = await idsOf(tenant.id);
    for (let round = 0; round < 20 && (await undelivered(tenant.id)) > 0; round++) await dispatchPending();
  }, 180_000);
  afterAll(async () => {
    await db?.drop();
  });

  it('answers every body below 500, and a route that refused them all changed nothing', async () => {
    const routes = findRoutes();
    let calls = 0;
    for (const route of routes) {
      const handlers = (await import(/* @vite-ignore */ route.file)) as Record<string, unknown>;
      for (const method of MUTATIONS) {
        const handler = handlers[method] as ((req: unknown, seg: unknown) => Promise<Response>) | undefined;
        if (!handler) continue;
        const params = Object.fromEntries(route.params.map((p) => [p, p === 'name' ? 'sales' : ids.get(KIND_OF.find(([re]) => re.test(route.path))![1])!]));
        const path = route.path.replace(/\[([^\]]+)\]/g, (_, p: string) => params[p]!);
        const before = await snapshot(tenant.id);
        let accepted = 0;
        const send = async (body: unknown) => {
          calls++;
          const res = await handler(await apiRequest(method, path, { host: tenant, as: cookie, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }), segment(params));
          const text = await res.text();
          expect(res.status, `${method} ${route.path} with ${JSON.stringify(body)?.slice(0, 200)}: ${text.slice(0, 300)}`).toBeLessThan(500);
          if (res.status < 400) accepted++;
          else expect(JSON.parse(text), `${method} ${route.path}: the error body`).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
        };
        for (const body of hostile) await send(body);
        await fc.assert(fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), send), { numRuns: RUNS });
        if (accepted === 0) expect(await snapshot(tenant.id), `${method} ${route.path} refused every body but wrote`).toEqual(before);
      }
    }
    expect(calls).toBeGreaterThan(500);
  }, 600_000);
});
