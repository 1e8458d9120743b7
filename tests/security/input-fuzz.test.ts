import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contextFor, createApiKey } from '@/lib/auth';
import { dispatchPending } from '@/lib/events';
import { openShift } from '@/lib/orders';
import { withTenant } from '@/lib/platform/db';
import { findTenantBySlug, type TenantInfo } from '@/lib/tenancy';
import { seedDemoTenant } from '@/scripts/seed/seed';
import { apiRequest, rowsOf, segment, sessionTokenFor, uniqueSlug, type TestStaff } from '../helpers';
import { ownDatabase } from '../own-database';
import { bodiesFor } from './arbitrary';
import { findRoutes, idsOf, KIND_OF, snapshot, undelivered } from './routes';

/**
 * Input fuzzing of every mutation under app/api/v1 (found on disk), sent by the owner of a full
 * demo café to its own resources:
 * - arbitrary JSON (fast-check's `jsonValue`) and hostile bodies (operator injection in MongoDB's
 *   dialect, prototype keys, deep nesting, huge strings, wrong types where ids go): never a 5xx,
 *   and a route that refused every body wrote nothing;
 * - near-valid bodies from the zod schema each route declares (`body`, read off the handler;
 *   ./arbitrary.ts), naming the café's own ids: these pass validation and reach the modules and
 *   the database. Never a 5xx; every refused body left every tenant table as it was (digested
 *   before and after each call); and afterwards each stock level still equals its ledger.
 */
const MUTATIONS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;
const RUNS = 8;
const SCHEMA_RUNS = 16;

type Handler = ((req: unknown, seg: unknown) => Promise<Response>) & { body?: z.ZodType };

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
    await seedDemoTenant({ slug, businessName: 'Fuzz Tea House', currency: 'MMK', timeZone: 'Asia/Yangon', domain: `${slug}.test`, kind: 'café', historyDays: 2 });
    tenant = (await findTenantBySlug(slug))!;
    const [owner] = rowsOf<TestStaff>(await withTenant(tenant.id, (tx) => tx.execute(sql`select id, tenant_id as "tenantId", role, name, email from users where role = 'owner' limit 1`)));
    await openShift(contextFor(tenant, owner!), { registerName: 'Fuzz till', openingFloat: 0 });
    await createApiKey(contextFor(tenant, owner!), { name: 'Accounting sync', scopes: ['orders:read'] });
    cookie = await sessionTokenFor(owner!);
    ids = await idsOf(tenant.id);
    for (let round = 0; round < 20 && (await undelivered(tenant.id)) > 0; round++) await dispatchPending();
  }, 180_000);
  afterAll(async () => {
    await db?.drop();
  });

  /** Every mutation handler on disk, with a `send` that posts a body to the café's own resource and checks the answer's shape. */
  async function* mutations() {
    for (const route of findRoutes()) {
      const handlers = (await import(/* @vite-ignore */ route.file)) as Record<string, Handler | undefined>;
      for (const method of MUTATIONS) {
        const handler = handlers[method];
        if (!handler) continue;
        const params = Object.fromEntries(route.params.map((p) => [p, p === 'name' ? 'sales' : ids.get(KIND_OF.find(([re]) => re.test(route.path))![1])!]));
        const path = route.path.replace(/\[([^\]]+)\]/g, (_, p: string) => params[p]!);
        const name = `${method} ${route.path}`;
        /** The status of `body` sent; a 5xx or an error without the error shape fails the test. */
        const send = async (body: unknown): Promise<number> => {
          const res = await handler(await apiRequest(method, path, { host: tenant, as: cookie, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }), segment(params));
          const text = await res.text();
          expect(res.status, `${name} with ${JSON.stringify(body)?.slice(0, 300)}: ${text.slice(0, 300)}`).toBeLessThan(500);
          if (res.status >= 400) expect(JSON.parse(text), `${name}: the error body`).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
          return res.status;
        };
        yield { name, handler, send };
      }
    }
  }

  it('answers every body below 500, and a route that refused them all changed nothing', async () => {
    let calls = 0;
    for await (const { name, send } of mutations()) {
      const before = await snapshot(tenant.id);
      let accepted = 0;
      const count = async (body: unknown) => {
        calls++;
        if ((await send(body)) < 400) accepted++;
      };
      for (const body of hostile) await count(body);
      await fc.assert(fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), count), { numRuns: RUNS });
      if (accepted === 0) expect(await snapshot(tenant.id), `${name} refused every body but wrote`).toEqual(before);
    }
    expect(calls).toBeGreaterThan(500);
  }, 600_000);

  it('takes near-valid bodies from each route’s own schema without a 5xx, and a refused one writes nothing', async () => {
    const own = await allIdsOf(tenant.id);
    const declared: string[] = [];
    let state = await snapshot(tenant.id);
    for await (const { name, handler, send } of mutations()) {
      if (!handler.body) continue;
      declared.push(name);
      await fc.assert(
        fc.asyncProperty(bodiesFor(handler.body, { ids: own }), async (body) => {
          const status = await send(body);
          const after = await snapshot(tenant.id);
          if (status >= 400) expect(after, `${name} refused ${JSON.stringify(body)?.slice(0, 300)} with ${status} but wrote`).toEqual(state);
          state = after;
        }),
        { numRuns: SCHEMA_RUNS },
      );
    }
    // Every mutation that takes a JSON body declares its schema but the two that validate in their module (the chat, a catalog PATCH).
    expect(declared.length).toBeGreaterThan(35);
    for (let round = 0; round < 20 && (await undelivered(tenant.id)) > 0; round++) await dispatchPending();
    const unbalanced = rowsOf(
      await withTenant(tenant.id, (tx) =>
        tx.execute(sql`
          select l.variant_id, l.location_id, l.quantity,
                 (select coalesce(sum(m.delta), 0) from stock_movements m where m.location_id = l.location_id and m.variant_id = l.variant_id) as ledger
          from stock_levels l`),
      ),
    ).filter((r) => Number((r as { quantity: unknown }).quantity) !== Number((r as { ledger: unknown }).ledger));
    expect(unbalanced, 'stock levels that no longer equal their ledger').toEqual([]);
  }, 900_000);
});

/** Up to five ids of each of a tenant's tables with an id, by table: what a near-valid body's uuid fields pick from. */
async function allIdsOf(tenantId: string): Promise<Record<string, string[]>> {
  return withTenant(tenantId, async (tx) => {
    const tables = rowsOf<{ table_name: string }>(
      await tx.execute(sql`
        select c.table_name from information_schema.columns c
        join information_schema.columns t on t.table_name = c.table_name and t.table_schema = 'public' and t.column_name = 'tenant_id'
        where c.table_schema = 'public' and c.column_name = 'id' and c.data_type = 'uuid' order by c.table_name`),
    ).map((r) => r.table_name);
    const ids: Record<string, string[]> = {};
    for (const table of tables) ids[table] = rowsOf<{ id: string }>(await tx.execute(sql`select id from ${sql.identifier(table)} order by id limit 5`)).map((r) => r.id);
    return ids;
  });
}
