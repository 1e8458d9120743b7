/**
 * The app killed (SIGKILL) in the middle of a checkout loop of cash and card sales, then
 * started again: nothing it wrote is half a sale — no order without its lines, no stock taken
 * without its order, no payment without its order — every acknowledged sale is there, and the
 * new process sells.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cashCheckout, eventually, ok, orderId, send, startHarness, type Harness, type Outcome, type Shop } from './harness';

let h: Harness;
let shop: Shop;

beforeAll(async () => {
  h = await startHarness();
  shop = await h.shop();
});

afterAll(async () => {
  await h?.stop();
});

it('leaves no half sale behind a SIGKILL and sells again after the restart', async () => {
  // Card answers take a while, so some sales are between their order and their payment when killed.
  h.gateway.control.latencyMs = 150;
  const outcomes: Outcome[] = [];
  let n = 0;
  let stop = false;
  const worker = async (card: boolean) => {
    while (!stop) {
      const i = n++;
      const key = randomUUID();
      const o = card
        ? await send(() => h.request(shop, 'POST', '/api/v1/orders', { body: { ...shop.cart(i), payments: [{ tender: 'card', source: 'tok_visa' }] }, idempotencyKey: key }), key)
        : await cashCheckout(h, shop, i, key);
      outcomes.push(o);
      if (!ok(o)) await new Promise((r) => setTimeout(r, 100));
    }
  };
  const workers = [worker(false), worker(false), worker(true), worker(true)];
  expect(await eventually(() => outcomes.filter(ok).length >= 30, 60)).toBe(true);
  await h.stopApp('SIGKILL');
  await h.startApp();
  const before = outcomes.filter(ok).length;
  expect(await eventually(() => outcomes.filter(ok).length >= before + 10, 60)).toBe(true);
  stop = true;
  await Promise.all(workers);

  const t = shop.tenantId;
  expect(await h.sql`select id from orders o where tenant_id = ${t} and not exists (select 1 from order_lines l where l.tenant_id = o.tenant_id and l.order_id = o.id)`).toEqual([]);
  expect(
    await h.sql`select id from stock_movements m where tenant_id = ${t} and kind = 'sale' and not exists (select 1 from orders o where o.tenant_id = m.tenant_id and o.id::text = m.reference_id)`,
  ).toEqual([]);
  expect(await h.sql`select id from payments p where tenant_id = ${t} and not exists (select 1 from orders o where o.tenant_id = p.tenant_id and o.id = p.order_id)`).toEqual([]);
  const acknowledged = outcomes.filter(ok).map(orderId);
  const found = await h.sql`select id from orders where tenant_id = ${t} and id = any(${acknowledged}::uuid[])`;
  expect(found.length).toBe(acknowledged.length);
  // A refused or unanswered request is only ever the kill: the connection dropped, or a 5xx on the way down.
  for (const o of outcomes.filter((x) => !ok(x))) expect(o.status === 'network' || (typeof o.status === 'number' && o.status >= 500)).toBe(true);
});
