import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as metricsRoute } from '@/app/api/metrics/route';
import * as events from '@/app/api/v1/events/route';
import * as orderPayments from '@/app/api/v1/orders/[id]/payments/route';
import * as orderItem from '@/app/api/v1/orders/[id]/route';
import * as orders from '@/app/api/v1/orders/route';
import { outboxEvents } from '@/db/schema/events';
import type { Gateway } from '@/gateway/server';
import { takeSignUpAttempt } from '@/lib/auth/rate-limits';
import { receiveStock } from '@/lib/inventory';
import { resetConfigForTests } from '@/lib/platform/config';
import { withPlatform, withTenant } from '@/lib/platform/db';
import { metrics, routeTemplate } from '@/lib/platform/metrics';
import { apiRequest, contextOf, createStockedProduct, createTenant, mainLocation, noParams, rowsOf, segment, startGateway, type TestTenant } from '../helpers';

const TOKEN = 'metrics-test-token-metrics-test-token-0123';

let gateway: Gateway;
let t: TestTenant;
let variantId: string;

beforeAll(async () => {
  process.env.METRICS_TOKEN = TOKEN;
  gateway = await startGateway(); // resets config, so the token is read with it
  t = await createTenant();
  const product = await createStockedProduct(t);
  variantId = product.variants[0]!.id;
  await receiveStock(contextOf(t), { locationId: await mainLocation(t), supplier: null, note: null, lines: [{ variantId, quantity: 50 }] });
});
afterAll(async () => {
  await gateway.close();
  delete process.env.METRICS_TOKEN;
  resetConfigForTests();
});

const scrape = async (token = TOKEN) => metricsRoute(new Request('http://app.test/api/metrics', { headers: { authorization: `Bearer ${token}` } }));
const exposition = async () => {
  const res = await scrape();
  expect(res.status).toBe(200);
  return res.text();
};

/** The value of the series `name` whose labels include `labels` (undefined: no such series). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(match[3]);
  }
  return undefined;
}

const checkout = async (payments: unknown[]) =>
  orders.POST(await apiRequest('POST', '/api/v1/orders', { host: t.tenant, as: t.cashier, body: { type: 'retail', lines: [{ variantId, quantity: 1 }], payments } }), noParams);

describe('/api/metrics after sales through the real route handlers', () => {
  let orderIds: string[] = [];
  let before = '';
  let text = '';
  // Counters are per process and other tests of this file add to them: compare with before.
  const grew = (name: string, labels: Record<string, string>) => (sample(text, name, labels) ?? 0) - (sample(before, name, labels) ?? 0);

  beforeAll(async () => {
    before = await exposition();
    const paid = await checkout([{ tender: 'cash', tendered: 100 }]);
    const declined = await checkout([{ tender: 'card', source: 'tok_declined' }]);
    const card = await checkout([{ tender: 'card', source: 'tok_visa' }]);
    const parked = await orders.POST(
      await apiRequest('POST', '/api/v1/orders', { host: t.tenant, as: t.cashier, body: { type: 'retail', park: true, lines: [{ variantId, quantity: 1 }] } }),
      noParams,
    );
    const bodies = await Promise.all([paid, declined, card, parked].map(async (r) => ({ status: r.status, body: await r.json() })));
    expect(bodies.map((b) => b.status)).toEqual([201, 201, 201, 201]);
    orderIds = bodies.map((b) => b.body.id as string);
    expect(bodies.map((b) => b.body.status)).toEqual(['completed', 'placed', 'completed', 'open']);
    // A read and a refusal on a route with an id: both under the template, never the id.
    const id = orderIds[0]!;
    expect((await orderItem.GET(await apiRequest('GET', `/api/v1/orders/${id}`, { host: t.tenant, as: t.cashier }), segment({ id }))).status).toBe(200);
    const tooMuch = await orderPayments.POST(
      await apiRequest('POST', `/api/v1/orders/${orderIds[1]}/payments`, { host: t.tenant, as: t.cashier, body: { tender: 'cash', tendered: 1, amount: 50 } }),
      segment({ id: orderIds[1]! }),
    );
    expect(tooMuch.status).toBe(422);
    text = await exposition();
  });

  it('counts each checkout by its outcome', () => {
    expect(grew('tillwise_checkouts_total', { outcome: 'paid' })).toBe(2);
    expect(grew('tillwise_checkouts_total', { outcome: 'payment_failed' })).toBe(1);
    expect(grew('tillwise_checkouts_total', { outcome: 'parked' })).toBe(1);
    expect(grew('tillwise_checkouts_total', { outcome: 'error' })).toBe(0);
  });

  it('counts tenders by tender and outcome', () => {
    expect(grew('tillwise_payments_total', { tender: 'cash', outcome: 'captured' })).toBe(1);
    expect(grew('tillwise_payments_total', { tender: 'card', outcome: 'captured' })).toBe(1);
    expect(grew('tillwise_payments_total', { tender: 'card', outcome: 'declined' })).toBe(1);
    expect(grew('tillwise_payments_total', { tender: 'cash', outcome: 'refused' })).toBe(1);
  });

  it('labels requests by the Next route template, with their status and duration', () => {
    expect(grew('tillwise_http_requests_total', { method: 'POST', route: '/api/v1/orders', status: '201' })).toBe(4);
    expect(grew('tillwise_http_requests_total', { method: 'GET', route: '/api/v1/orders/[id]', status: '200' })).toBe(1);
    expect(grew('tillwise_http_requests_total', { method: 'POST', route: '/api/v1/orders/[id]/payments', status: '422' })).toBe(1);
    expect(grew('tillwise_http_request_duration_seconds_count', { method: 'POST', route: '/api/v1/orders' })).toBe(4);
    expect(sample(text, 'tillwise_http_request_duration_seconds_bucket', { route: '/api/v1/orders', le: '+Inf' })).toBeGreaterThanOrEqual(4);
  });

  it('names no tenant, store, person or order anywhere in the exposition', () => {
    for (const secret of [t.tenant.id, t.tenant.slug, t.cashier.id, t.owner.id, ...orderIds]) expect(text).not.toContain(secret);
    const routes = new Set([...text.matchAll(/route="([^"]*)"/g)].map((m) => m[1]!));
    for (const route of routes) expect(route).toMatch(/^(\/api(\/[a-z0-9-]+|\/\[[a-z]+\]|\/\[\.\.\.[a-z]+\])*|other)$/);
  });

  it('reports the card breaker, the database pool and that every dependency answered', () => {
    expect(sample(text, 'tillwise_payment_breaker_state', { state: 'closed' })).toBe(1);
    expect(sample(text, 'tillwise_payment_breaker_state', { state: 'open' })).toBe(0);
    expect(sample(text, 'tillwise_db_pool_in_use')).toBe(0);
    expect(sample(text, 'tillwise_db_pool_waiting')).toBe(0);
    for (const component of ['database', 'redis', 'outbox']) expect(sample(text, 'tillwise_up', { component })).toBe(1);
  });
});

describe('sampled at scrape', () => {
  it('shows the outbox backlog and the age of its oldest undelivered event', async () => {
    // An event two minutes old that no dispatcher will take (due never), removed afterwards.
    const [event] = await withTenant(t.tenant.id, (tx) =>
      tx
        .insert(outboxEvents)
        .values({ tenantId: t.tenant.id, type: 'TenantCreated', payload: {}, occurredAt: sql`now() - interval '2 minutes'`, nextAttemptAt: sql`'infinity'` })
        .returning({ id: outboxEvents.id }),
    );
    try {
      const text = await exposition();
      expect(sample(text, 'tillwise_outbox_backlog_events')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'tillwise_outbox_oldest_undelivered_seconds')).toBeGreaterThanOrEqual(120);
      expect(text).not.toContain(event!.id);
    } finally {
      await withTenant(t.tenant.id, (tx) => tx.update(outboxEvents).set({ dispatchedAt: sql`now()` }).where(sql`${outboxEvents.id} = ${event!.id}`));
    }
  });

  it('reads the backlog through a definer function that returns two numbers, for the app role only', async () => {
    const [fn] = rowsOf<Record<string, unknown>>(
      await withPlatform((tx) =>
        tx.execute(sql`
          select pg_get_userbyid(p.proowner) as owner, p.prosecdef as definer, pg_get_function_result(p.oid) as result,
                 exists (select 1 from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) acl
                         where acl.grantee = 0 and acl.privilege_type = 'EXECUTE') as "publicExecute"
          from pg_proc p where p.proname = 'outbox_backlog'`),
      ),
    );
    expect(fn).toEqual({ owner: 'tillwise_dispatcher', definer: true, result: 'TABLE(pending bigint, oldest_seconds double precision)', publicExecute: false });
  });

  it('counts transactions waiting for and holding a connection', async () => {
    const inside = await withTenant(t.tenant.id, async () => ({ ...metrics().dbPool }));
    expect(inside).toEqual({ waiting: 0, inUse: 1 });
    expect(metrics().dbPool).toEqual({ waiting: 0, inUse: 0 });
  });

  it('counts open event streams while they are open', async () => {
    const abort = new AbortController();
    const req = await apiRequest('GET', '/api/v1/events', { host: t.tenant, as: t.cashier, headers: { accept: 'text/event-stream' } });
    const res = await events.GET(new (req.constructor as typeof Request)(req, { signal: abort.signal }) as typeof req, noParams);
    expect(res.status).toBe(200);
    expect(sample(await exposition(), 'tillwise_sse_connections')).toBe(1);
    abort.abort();
    expect(sample(await exposition(), 'tillwise_sse_connections')).toBe(0);
  });

  it('counts rate-limit refusals by the limit that refused', async () => {
    const before = sample(await exposition(), 'tillwise_rate_limit_refusals_total', { limit: 'sign-up-network' }) ?? 0;
    const ip = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.7`;
    const results = [];
    for (let i = 0; i < 11; i++) results.push(await takeSignUpAttempt(ip).then(() => 'ok', (e: { code?: string }) => e.code));
    expect(results.at(-1)).toBe('rate_limited');
    expect(sample(await exposition(), 'tillwise_rate_limit_refusals_total', { limit: 'sign-up-network' })).toBe(before + 1);
  });
});

describe('METRICS_TOKEN', () => {
  it('refuses a scrape without the token and answers the one that has it', async () => {
    for (const token of ['', 'nope', TOKEN.slice(0, -1)]) expect((await scrape(token)).status).toBe(401);
    expect((await metricsRoute(new Request('http://app.test/api/metrics'))).status).toBe(401);
    expect((await scrape()).status).toBe(200);
  });
});

describe('routeTemplate', () => {
  it('puts the param names back where Next matched them', () => {
    expect(routeTemplate('/api/v1/orders', {})).toBe('/api/v1/orders');
    expect(routeTemplate('/api/v1/orders/abc/refunds', { id: 'abc' })).toBe('/api/v1/orders/[id]/refunds');
    expect(routeTemplate('/api/v1/analytics/reports/sales-summary/export', { name: 'sales-summary' })).toBe('/api/v1/analytics/reports/[name]/export');
    expect(routeTemplate('/api/auth/callback/credentials', { nextauth: ['callback', 'credentials'] })).toBe('/api/auth/[...nextauth]');
    expect(routeTemplate('/api/v1/staff/a%20b', { id: 'a b' })).toBe('/api/v1/staff/[id]');
  });

  it('gives up (null) when a value could be more than one segment, or is not there', () => {
    expect(routeTemplate('/api/v1/orders/orders', { id: 'orders' })).toBeNull();
    expect(routeTemplate('/api/v1/staff/v1', { id: 'v1' })).toBeNull();
    expect(routeTemplate('/api/v1/staff/x', { id: 'y' })).toBeNull();
    expect(routeTemplate('/api/v1/staff/x', { id: 5 })).toBeNull();
  });
});
