import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { idempotencyKeys } from '@/db/schema/platform';
import { orders } from '@/db/schema/orders';
import { payments } from '@/db/schema/payments';
import * as ordersRoute from '@/app/api/v1/orders/route';
import * as settingsRoute from '@/app/api/v1/settings/route';
import { levelsOf, receiveStock } from '@/lib/inventory';
import { orderIdForKey } from '@/lib/orders/checkout';
import { withTenant } from '@/lib/platform/db';
import { apiRequest, contextOf, createStockedProduct, createTenant, json, mainLocation, noParams, type TestTenant } from '../helpers';

/**
 * A checkout whose order committed but whose Idempotency-Key was never marked done (the database
 * went away in between, or the process died): after the key's in-flight window a retry with the
 * same key takes the key over and runs the handler again. It must find the first sale, not make
 * a second one (tests/faults found this; docs/faults.md).
 */
describe('a checkout retried after its key was lost in flight', () => {
  let t: TestTenant;
  let location: string;
  let variantId: string;
  beforeAll(async () => {
    t = await createTenant();
    location = await mainLocation(t);
    const product = await createStockedProduct(t);
    variantId = product.variants[0]!.id;
    await receiveStock(contextOf(t), { locationId: location, supplier: null, note: null, lines: [{ variantId, quantity: 10 }] });
  });

  const sale = () => ({ type: 'retail', locationId: location, lines: [{ variantId, quantity: 2 }], payments: [{ tender: 'cash', tendered: 10_000 }] });
  const post = async (key: string, body: unknown = sale()) =>
    json(await ordersRoute.POST(await apiRequest('POST', '/api/v1/orders', { host: t.tenant, as: t.cashier, body, headers: { 'idempotency-key': key } }), noParams));

  /** What the key looks like when the request died after its work committed, 60 s and more ago. */
  const loseCompletion = (key: string) =>
    withTenant(t.tenant.id, (tx) =>
      tx
        .update(idempotencyKeys)
        .set({ state: 'in_flight', responseStatus: null, responseBody: null, responseContentType: null, responseLocation: null, lockedUntil: sql`now() - interval '1 second'` })
        .where(eq(idempotencyKeys.key, key)),
    );

  it('answers the first sale: one order, one payment, the stock taken once', async () => {
    const key = crypto.randomUUID();
    const first = await post(key);
    expect(first.status).toBe(201);
    await loseCompletion(key);

    const retry = await post(key);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.body.number).toBe(first.body.number);
    expect(retry.body.status).toBe('completed');

    const [counts] = await withTenant(t.tenant.id, async (tx) => [
      {
        orders: (await tx.select({ id: orders.id }).from(orders)).length,
        payments: (await tx.select({ id: payments.id }).from(payments).where(and(eq(payments.orderId, first.body.id)))).length,
      },
    ]);
    expect(counts).toEqual({ orders: 1, payments: 1 });
    const [level] = await levelsOf(contextOf(t), [variantId], location);
    expect(level!.quantity).toBe(8);
  });

  it('refuses a key used again for a new sale after the key was kept (24 h): that order is another sale', async () => {
    const key = crypto.randomUUID();
    const first = await post(key);
    await loseCompletion(key);
    await withTenant(t.tenant.id, (tx) => tx.update(orders).set({ createdAt: sql`now() - interval '25 hours'` }).where(eq(orders.id, first.body.id)));
    const again = await post(key);
    expect(again.status).toBe(422);
    expect(again.body.error.message).toMatch(/new key/);
  });

  it('answers the first sale of an offline sale made more than 24 h before it synced (it is dated then)', async () => {
    await json(await settingsRoute.PATCH(await apiRequest('PATCH', '/api/v1/settings', { host: t.tenant, as: t.owner, body: { offlineMaxHours: 48 } }), noParams));
    const key = crypto.randomUUID();
    const body = { ...sale(), placedAt: new Date(Date.now() - 30 * 3600 * 1000).toISOString() };
    const first = await post(key, body);
    expect(first.status).toBe(201);
    await loseCompletion(key);
    const retry = await post(key, body);
    expect([retry.status, retry.body.id]).toEqual([201, first.body.id]);
  });

  it('derives a valid UUID per tenant and key, the same on every retry', () => {
    const a = orderIdForKey(t.tenant.id, 'sale-1');
    expect(z.uuid().safeParse(a).success).toBe(true);
    expect(orderIdForKey(t.tenant.id, 'sale-1')).toBe(a);
    expect(orderIdForKey(t.tenant.id, 'sale-2')).not.toBe(a);
    expect(orderIdForKey(crypto.randomUUID(), 'sale-1')).not.toBe(a);
  });
});
