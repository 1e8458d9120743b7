import type { TenantContext } from '@/lib/auth';
import { eq } from 'drizzle-orm';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { payments } from '@/db/schema/payments';
import { DEFAULT_API_KEY, type Gateway } from '@/gateway/server';
import { createOrder, createOrderSchema, getOrder, payOrder, recoverTenant } from '@/lib/orders';
import { startCardPayment } from '@/lib/payments';
import { resetGatewayPolicies } from '@/lib/payments/gateway';
import { resetConfigForTests } from '@/lib/platform/config';
import { withTenant } from '@/lib/platform/db';
import { POST as recheckRoute } from '@/app/api/v1/orders/[id]/payments/recheck/route';
import { apiRequest, createStockedProduct, createTenant, json, mainLocation, segment, sessionContextOf, startGateway, type TestTenant } from '../helpers';

/**
 * Security review item 1: a card may be settled as "not charged" only when every attempt is
 * known not to have reached the gateway, or the gateway says "no such payment" after its
 * processing window. Everything else stays pending until the gateway answers definitively.
 */
let gateway: Gateway;
let gatewayUrl: string;
let t: TestTenant;
let ctx: TenantContext;
let item: string;

const newOrder = async () => createOrder(ctx, createOrderSchema.parse({ type: 'retail', lines: [{ variantId: item, quantity: 1 }] }));
const capturesOf = (key: string) => gateway.ledger().filter((e) => e.type === 'capture' && e.idempotencyKey.startsWith(key));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/**
 * Waits until the gateway has taken one more request past its fault checks: the body is read
 * ('end'), then the simulator checks `down`, claims the key and starts its latency in the same
 * turn of the event loop; setImmediate runs after that.
 */
const nextGatewayRequest = () => new Promise<void>((resolve) => gateway.server.once('request', (req) => req.once('end', () => setImmediate(resolve))));
/** The payment was started this long ago (past the gateway's processing window). */
const backdate = (paymentId: string, ms: number) =>
  withTenant(t.tenant.id, (tx) => tx.update(payments).set({ createdAt: new Date(Date.now() - ms) }).where(eq(payments.id, paymentId)));
const simulator = (path: string, init: { method?: string; body?: unknown; key?: string } = {}) =>
  fetch(new URL(path, gatewayUrl), {
    method: init.method ?? 'POST',
    headers: { authorization: `Bearer ${DEFAULT_API_KEY}`, 'content-type': 'application/json', ...(init.key && { 'idempotency-key': init.key }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
const pendingCard = (orderId: string) =>
  withTenant(t.tenant.id, (tx) => startCardPayment(tx, t.tenant.id, { orderId, shiftId: null, amount: 100, source: 'tok_visa', actorUserId: t.cashier.id }));

beforeAll(async () => {
  gateway = await startGateway({ GATEWAY_TIMEOUT_MS: '300', GATEWAY_RETRIES: '2', BREAKER_FAILURES: '50' });
  gatewayUrl = process.env.PAYMENT_GATEWAY_URL!;
});

// A business per test: recovery looks at every pending payment of the tenant.
beforeEach(async () => {
  t = await createTenant();
  await mainLocation(t);
  ctx = await sessionContextOf(t, t.cashier);
  item = (await createStockedProduct(t, { trackStock: false })).variants[0]!.id;
  Object.assign(gateway.control, { down: false, latencyMs: 0, failNext: 0, errorRate: 0, failAfterCaptureNext: 0 });
  process.env.PAYMENT_GATEWAY_URL = gatewayUrl;
  resetConfigForTests();
  resetGatewayPolicies();
});

afterAll(async () => {
  await gateway.close();
});

describe('a card payment whose first attempt may have reached the gateway', () => {
  it('stays pending when attempt 1 timed out and later attempts got 503; recovery settles it from the capture — paid exactly once', async () => {
    const id = await newOrder();
    gateway.control.latencyMs = 1_500; // the gateway takes the first request, then is slow to answer
    const paying = payOrder(ctx, id, { tender: 'card', source: 'tok_visa' });
    await nextGatewayRequest();
    Object.assign(gateway.control, { latencyMs: 0, down: true }); // the retries get 503

    const { payment } = await paying;
    expect(payment.status).toBe('pending');
    // No other tender while the card is being checked: that is how a customer pays twice.
    await expect(payOrder(ctx, id, { tender: 'cash', tendered: 100 })).rejects.toMatchObject({ code: 'conflict' });
    await expect(payOrder(ctx, id, { tender: 'card', source: 'tok_visa' })).rejects.toMatchObject({ code: 'conflict' });

    while (capturesOf(payment.id).length === 0) await sleep(50); // the first attempt's capture lands
    gateway.control.down = false;
    expect(await recoverTenant(t.tenant.id, 0)).toMatchObject({ payments: 1 });

    const order = await getOrder({ tenantId: t.tenant.id }, id);
    expect(order).toMatchObject({ status: 'completed', paidTotal: 100, payments: [{ id: payment.id, tender: 'card', status: 'captured' }] });
    expect(capturesOf(payment.id)).toHaveLength(1);
    expect(await recoverTenant(t.tenant.id, 0)).toMatchObject({ payments: 0 });
  });

  it('stays pending when every attempt got a 500 and the gateway does not know the key yet; fails only after the processing window', async () => {
    const id = await newOrder();
    gateway.control.failNext = 3;
    const { payment } = await payOrder(ctx, id, { tender: 'card', source: 'tok_visa' });
    expect(payment.status).toBe('pending');

    // Inside the processing window "not found" proves nothing: it stays pending.
    expect(await recoverTenant(t.tenant.id, 0)).toMatchObject({ payments: 0 });
    expect((await getOrder({ tenantId: t.tenant.id }, id)).payments).toEqual([expect.objectContaining({ id: payment.id, status: 'pending' })]);

    await backdate(payment.id, 10 * 60_000);
    expect(await recoverTenant(t.tenant.id, 0)).toMatchObject({ payments: 1 });
    expect((await getOrder({ tenantId: t.tenant.id }, id)).payments).toEqual([expect.objectContaining({ id: payment.id, status: 'failed', failureCode: 'gateway_unavailable' })]);
    // Now, and only now, the order can take another tender.
    await payOrder(ctx, id, { tender: 'cash', tendered: 100 });
    expect(capturesOf(payment.id)).toHaveLength(0);
  });

  it('settles at once from the gateway when a lost answer is found by key', async () => {
    const id = await newOrder();
    gateway.control.failAfterCaptureNext = 1;
    process.env.GATEWAY_RETRIES = '0';
    resetConfigForTests();
    resetGatewayPolicies();
    const { payment } = await payOrder(ctx, id, { tender: 'card', source: 'tok_visa' });
    process.env.GATEWAY_RETRIES = '2';
    expect(payment.status).toBe('captured');
    expect((await getOrder({ tenantId: t.tenant.id }, id)).status).toBe('completed');
    expect(capturesOf(payment.id)).toHaveLength(1);
  });
});

describe('a card payment that certainly never reached the gateway', () => {
  it('fails at once when every attempt got 503 ("nothing was charged")', async () => {
    const id = await newOrder();
    gateway.control.down = true;
    await expect(payOrder(ctx, id, { tender: 'card', source: 'tok_visa' })).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('nothing was charged') });
    expect((await getOrder({ tenantId: t.tenant.id }, id)).payments).toEqual([expect.objectContaining({ status: 'failed' })]);
  });

  it('fails at once when the connection is refused', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    process.env.PAYMENT_GATEWAY_URL = `http://127.0.0.1:${port}`;
    resetConfigForTests();
    resetGatewayPolicies();
    const id = await newOrder();
    await expect(payOrder(ctx, id, { tender: 'card', source: 'tok_visa' })).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('nothing was charged') });
    expect((await getOrder({ tenantId: t.tenant.id }, id)).payments).toEqual([expect.objectContaining({ status: 'failed' })]);
  });
});

describe("the gateway's own words", () => {
  it('never reach the client: a refused card is failed at once and told in our words', async () => {
    const id = await newOrder();
    const err = await payOrder(ctx, id, { tender: 'card', source: 'tok_bogus' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'unprocessable', message: 'The card could not be read. Try again or take cash.' });
    // What the client gets is { code, message, details }: none of it is the gateway's text.
    const { message, details } = err as { message: string; details?: unknown };
    expect(`${message} ${JSON.stringify(details ?? null)}`).not.toMatch(/test token|tok_visa/);
    expect((await getOrder({ tenantId: t.tenant.id }, id)).payments).toEqual([expect.objectContaining({ status: 'failed', failureCode: 'invalid_source' })]);
  });
});

describe('recovery of what the gateway says about a pending payment', () => {
  it('captures an authorized payment when the order can still take it, with its own key', async () => {
    const id = await newOrder();
    const pending = await pendingCard(id);
    const res = await simulator('/v1/payments', { key: pending.id, body: { merchant: t.tenant.id, amount: 100, currency: 'USD', source: 'tok_visa', capture: false } });
    expect(res.status).toBe(201);
    expect(await recoverTenant(t.tenant.id, 0)).toMatchObject({ payments: 1 });
    expect(await getOrder({ tenantId: t.tenant.id }, id)).toMatchObject({ status: 'completed', paidTotal: 100, payments: [{ id: pending.id, status: 'captured' }] });
    expect(capturesOf(pending.id)).toEqual([expect.objectContaining({ idempotencyKey: `${pending.id}:capture` })]);
  });

  it('voids an authorized payment the order can no longer take', async () => {
    const id = await newOrder();
    // Two card payments raced for the same order: the first one pays it.
    const first = await pendingCard(id);
    const second = await pendingCard(id);
    for (const p of [first, second]) {
      await simulator('/v1/payments', { key: p.id, body: { merchant: t.tenant.id, amount: 100, currency: 'USD', source: 'tok_visa', capture: false } });
    }
    await backdate(second.id, 1_000); // recovery takes the oldest first
    await backdate(first.id, 2_000);
    expect(await recoverTenant(t.tenant.id, 0)).toMatchObject({ payments: 2 });
    const order = await getOrder({ tenantId: t.tenant.id }, id);
    expect(order).toMatchObject({ status: 'completed', paidTotal: 100 });
    expect(order.payments.find((p) => p.id === second.id)).toMatchObject({ status: 'failed', failureCode: 'voided' });
    const gatewayView = (await (await simulator(`/v1/payments?merchant=${t.tenant.id}&idempotency_key=${second.id}`, { method: 'GET' })).json()) as { data: { status: string }[] };
    expect(gatewayView.data).toEqual([expect.objectContaining({ status: 'voided' })]);
    expect(capturesOf(second.id)).toHaveLength(0);
  });

  it('fails a declined payment', async () => {
    const id = await newOrder();
    const pending = await pendingCard(id);
    await simulator('/v1/payments', { key: pending.id, body: { merchant: t.tenant.id, amount: 100, currency: 'USD', source: 'tok_declined' } });
    expect(await recoverTenant(t.tenant.id, 0)).toMatchObject({ payments: 1 });
    expect((await getOrder({ tenantId: t.tenant.id }, id)).payments).toEqual([expect.objectContaining({ status: 'failed', failureCode: 'card_declined' })]);
  });

  it('keeps asking while the gateway cannot be reached', async () => {
    const id = await newOrder();
    const pending = await pendingCard(id);
    await backdate(pending.id, 10 * 60_000);
    gateway.control.down = true;
    expect(await recoverTenant(t.tenant.id, 0)).toMatchObject({ payments: 0 });
    expect((await getOrder({ tenantId: t.tenant.id }, id)).payments).toEqual([expect.objectContaining({ status: 'pending' })]);
    gateway.control.down = false;
    await recoverTenant(t.tenant.id, 0);
    expect((await getOrder({ tenantId: t.tenant.id }, id)).payments).toEqual([expect.objectContaining({ status: 'failed' })]);
  });
});

describe('"Check again" at the register', () => {
  const recheck = async (orderId: string, as = t.cashier, host = t.tenant) =>
    json(await recheckRoute(await apiRequest('POST', `/api/v1/orders/${orderId}/payments/recheck`, { host, as }), segment({ id: orderId })));

  it('asks the gateway now: still pending while it knows nothing, paid once its capture landed', async () => {
    const id = await newOrder();
    gateway.control.latencyMs = 1_500;
    const paying = payOrder(ctx, id, { tender: 'card', source: 'tok_visa' });
    await nextGatewayRequest();
    Object.assign(gateway.control, { latencyMs: 0, down: true });
    const { payment } = await paying;
    expect(payment.status).toBe('pending');

    gateway.control.down = false; // up again, but the first request is still in its latency: "not found" yet
    expect(await recheck(id)).toMatchObject({ status: 200, body: { status: 'placed', payments: [{ id: payment.id, status: 'pending' }] } });

    while (capturesOf(payment.id).length === 0) await sleep(50);
    expect(await recheck(id)).toMatchObject({ status: 200, body: { status: 'completed', paidTotal: 100, payments: [{ id: payment.id, status: 'captured' }] } });
    expect(await recheck(id)).toMatchObject({ status: 200, body: { status: 'completed', paidTotal: 100 } }); // once
    expect(capturesOf(payment.id)).toHaveLength(1);
  });

  it("is another business's order not found", async () => {
    const id = await newOrder();
    const other = await createTenant();
    expect(await recheck(id, other.cashier, other.tenant)).toMatchObject({ status: 404 });
  });
});
