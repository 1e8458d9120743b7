import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor, createApiKey } from '@/lib/auth';
import { dispatchPending } from '@/lib/events';
import { openShift, reportRefusedSale, reportRefusedSaleSchema } from '@/lib/orders';
import { withTenant } from '@/lib/platform/db';
import { findTenantBySlug } from '@/lib/tenancy';
import { createEndpoint, webhookEndpointInputSchema } from '@/lib/webhooks';
import { webhookDeliveries } from '@/db/schema/webhooks';
import { seedDemoTenant } from '@/scripts/seed/seed';
import { apiRequest, createTenant, rowsOf, segment, uniqueSlug, type TestTenant } from '../helpers';
import { ownDatabase } from '../own-database';
import { findRoutes, idsOf, KIND_OF, NOT_AN_ID, PUBLIC_ROUTES, snapshot, undelivered } from './routes';

/**
 * The BOLA sweep: every route under app/api/v1, found on disk (a new route is swept without
 * editing this file), every method it exports, called
 *   1. with tenant A's owner session on tenant B's host — always 401;
 *   2. on A's own host with A's owner session, its ids being B's resources — never a 2xx;
 * and after both, B's data is unchanged, row for row, and no answer carried B's name or ids.
 * B is a full demo café (catalog, menus, tables, staff, 60 days of orders, a shift).
 *
 * Bodies are `{}` for mutations: most stop at validation (422) before looking the id up, which
 * proves less than a valid body would; the row-for-row check of B is what holds for all of them.
 */
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const routes = findRoutes();

describe('BOLA sweep over every /api/v1 route', () => {
  let a: TestTenant;
  let b: { id: string; slug: string; name: string };
  const idsOfB = new Map<string, string>();
  let db: Awaited<ReturnType<typeof ownDatabase>> | undefined;

  beforeAll(async () => {
    // On Postgres a database of its own: it dispatches B's events below, and must neither take other
    // files' events nor have theirs change B mid-sweep.
    if (process.env.DATABASE_URL) {
      db = await ownDatabase('bola');
      await db.use({});
    }
    a = await createTenant();
    const slug = uniqueSlug('bola');
    await seedDemoTenant({ slug, businessName: 'Bola Target Tea House', currency: 'MMK', timeZone: 'Asia/Yangon', domain: `${slug}.test`, kind: 'café' });
    const tenant = (await findTenantBySlug(slug))!;
    b = { id: tenant.id, slug, name: 'Bola Target Tea House' };
    const [owner] = await withTenant(b.id, (tx) => tx.execute(sql`select id, role, name, email from users where role = 'owner' limit 1`)).then((r) => rowsOf<{ id: string; role: 'owner'; name: string; email: string }>(r));
    await openShift(contextFor(tenant, owner!), { registerName: 'Bola till', openingFloat: 0 });
    await createApiKey(contextFor(tenant, owner!), { name: 'Accounting sync', scopes: ['orders:read'] });
    // A webhook endpoint with one delivery (a public address, as resolved here; nothing is sent in the sweep).
    const hook = await createEndpoint(contextFor(tenant, owner!), webhookEndpointInputSchema.parse({ url: 'https://hooks.example.com/bola', eventTypes: ['order.paid'] }), async () => [{ address: '93.184.216.34', family: 4 }]);
    await withTenant(b.id, (tx) =>
      tx.insert(webhookDeliveries).values({ tenantId: b.id, endpointId: hook.id, eventId: crypto.randomUUID(), eventType: 'webhook.test', body: '{}', status: 'succeeded', nextAttemptAt: new Date(), firstAttemptAt: new Date() }),
    );
    // An offline sale the server refused, waiting for B's manager (docs/offline.md › Needs attention).
    await reportRefusedSale(
      contextFor(tenant, owner!),
      reportRefusedSaleSchema.parse({
        saleKey: crypto.randomUUID(), provisional: 'OFF-BOLA-0001', device: 'BOLA', sale: { type: 'retail', lines: [{ variantId: crypto.randomUUID(), quantity: 1 }] },
        total: 1000, currency: 'MMK', cashTendered: 1000, placedAt: new Date().toISOString(), error: { status: 409, code: 'conflict', message: 'This shift is closed' },
      }),
    );
    for (const [table, id] of await idsOf(b.id)) idsOfB.set(table, id);
    // B's own events delivered first: a delivery would change B's rows between the snapshots.
    for (let round = 0; round < 20 && (await undelivered(b.id)) > 0; round++) await dispatchPending();
  }, 180_000);
  afterAll(async () => {
    await db?.drop();
  });

  it('finds the routes on disk, and every route with an id is mapped to one of B’s rows or listed as not an id', () => {
    expect(routes.length).toBeGreaterThan(50);
    for (const route of routes.filter((r) => r.params.length > 0)) {
      const mapped = KIND_OF.some(([re]) => re.test(route.path)) || route.path in NOT_AN_ID;
      expect(mapped, `${route.path}: add it to KIND_OF (whose id?) or NOT_AN_ID (why not an id)`).toBe(true);
    }
    for (const [, table] of KIND_OF) expect(idsOfB.has(table), `B has no ${table} row`).toBe(true);
  });

  it('answers A’s session on B’s host with 401 on every route and method, and leaves B as it was', async () => {
    const before = await snapshot(b.id);
    const answers: string[] = [];
    for (const route of routes.filter((r) => !(r.path in PUBLIC_ROUTES))) {
      const handlers = (await import(/* @vite-ignore */ route.file)) as Record<string, unknown>;
      for (const method of METHODS) {
        const handler = handlers[method] as ((req: unknown, seg: unknown) => Promise<Response>) | undefined;
        if (!handler) continue;
        const params = Object.fromEntries(route.params.map((p) => [p, p === 'name' ? 'sales' : crypto.randomUUID()]));
        const path = route.path.replace(/\[([^\]]+)\]/g, (_, p: string) => params[p]!);
        const res = await handler(await apiRequest(method, path, { host: { ...a.tenant, slug: b.slug }, as: a.owner, body: method === 'GET' ? undefined : {} }), segment(params));
        answers.push(`${method} ${route.path} → ${res.status}`);
        expect(res.status, `${method} ${route.path}`).toBe(401);
        await res.body?.cancel();
      }
    }
    expect(answers.length).toBeGreaterThan(80);
    expect(await snapshot(b.id)).toEqual(before);
  }, 120_000);

  it('never answers 2xx when A, on its own host, names B’s resources — and nothing of B is changed or shown', async () => {
    const before = await snapshot(b.id);
    const secrets = [b.id, b.name, ...idsOfB.values()];
    for (const route of routes.filter((r) => r.params.length > 0 && !(r.path in NOT_AN_ID))) {
      const table = KIND_OF.find(([re]) => re.test(route.path))![1];
      const id = idsOfB.get(table)!;
      const handlers = (await import(/* @vite-ignore */ route.file)) as Record<string, unknown>;
      for (const method of METHODS) {
        const handler = handlers[method] as ((req: unknown, seg: unknown) => Promise<Response>) | undefined;
        if (!handler) continue;
        const path = route.path.replace('[id]', id);
        const res = await handler(await apiRequest(method, path, { host: a.tenant, as: a.owner, body: method === 'GET' ? undefined : {} }), segment({ id }));
        const text = await res.text();
        expect(res.status, `${method} ${route.path} with B's ${table} id`).toBeGreaterThanOrEqual(400);
        for (const secret of secrets.filter((s) => s !== id)) expect(text, `${method} ${route.path} shows B's ${secret}`).not.toContain(secret);
      }
    }
    expect(await snapshot(b.id)).toEqual(before);
  }, 120_000);
});
