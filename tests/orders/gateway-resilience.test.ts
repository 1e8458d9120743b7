import type { TenantContext } from '@/lib/auth';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { payments } from '@/db/schema/payments';
import type { Gateway } from '@/gateway/server';
import { createOrder, createOrderSchema, getOrder, payOrder, recoverTenant } from '@/lib/orders';
import { breakerStatus, chargeCard, GatewayUnavailableError, startCardPayment } from '@/lib/payments';
import { resetGatewayPolicies } from '@/lib/payments/gateway';
import { withTenant } from '@/lib/platform/db';
import { createStockedProduct, createTenant, mainLocation, sessionContextOf, startGateway, type TestTenant } from '../helpers';

let gateway: Gateway;
let t: TestTenant;
let ctx: TenantContext;
let item: string;

// Long enough that the breaker cannot half-open between one step of a test and the next on a
// loaded machine (CI at load 19 took longer than 200 ms between two calls); the tests that wait
// for it wait this long.
const HALF_OPEN_MS = 1500;
const newOrder = async () => createOrder(ctx, createOrderSchema.parse({ type: 'retail', lines: [{ variantId: item, quantity: 1 }] }));
const charge = (key: string) => chargeCard({ merchant: t.tenant.id, amount: 100, currency: 'USD', source: 'tok_visa', reference: 'test', idempotencyKey: key });
const captures = () => gateway.ledger().filter((e) => e.type === 'capture');

beforeAll(async () => {
  // No retries here, so every call is one attempt and the breaker's count is exact. Every failure
  // here is an answer (503/500), never a timeout: the timeout is only there to bound a hang, and a
  // short one turned a slow answer on a loaded machine into a failure the breaker counted.
  gateway = await startGateway({ GATEWAY_RETRIES: '0', GATEWAY_TIMEOUT_MS: '10000', BREAKER_FAILURES: '5', BREAKER_HALF_OPEN_MS: String(HALF_OPEN_MS), BREAKER_SUCCESSES: '2' });
  t = await createTenant();
  await mainLocation(t);
  ctx = await sessionContextOf(t, t.cashier);
  item = (await createStockedProduct(t, { trackStock: false })).variants[0]!.id;
});

afterAll(async () => {
  await gateway.close();
});

describe('card gateway circuit breaker', () => {
  it('is one breaker per process even when the server bundles the gateway module twice', async () => {
    // next build gives pages and route handlers their own copies of a module; the breaker lives on
    // globalThis so a page's status and a route's payments share it. A copy's errors must count in
    // a breaker another copy made (a page asking breakerStatus() first), or cards never fail over.
    resetGatewayPolicies();
    const first = await import('@/lib/payments/gateway');
    expect(first.breakerStatus().state).toBe('closed'); // the first copy makes the shared breaker
    vi.resetModules();
    const second = await import('@/lib/payments/gateway');
    expect(second).not.toBe(first);
    gateway.control.down = true;
    for (let i = 0; i < 5; i++) {
      const err = await second.chargeCard({ merchant: t.tenant.id, amount: 100, currency: 'USD', source: 'tok_visa', reference: 'test', idempotencyKey: `k-copy-${i}` }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'unavailable', breakerOpen: false });
    }
    expect(second.breakerStatus().state).toBe('open');
    expect(first.breakerStatus().state).toBe('open');
    gateway.control.down = false;
    const fast = await second.chargeCard({ merchant: t.tenant.id, amount: 100, currency: 'USD', source: 'tok_visa', reference: 'test', idempotencyKey: 'k-copy-open' }).catch((e: unknown) => e);
    expect(fast).toMatchObject({ code: 'unavailable', breakerOpen: true });
    resetGatewayPolicies();
  });

  it('opens after 5 consecutive failures, fails fast while open, half-opens, and closes after 2 successes', async () => {
    resetGatewayPolicies();
    gateway.control.down = true;
    for (let i = 0; i < 5; i++) {
      const err = await charge(`k-fail-${i}`).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(GatewayUnavailableError);
      expect((err as GatewayUnavailableError).breakerOpen).toBe(false);
    }
    expect(breakerStatus().state).toBe('open');

    // While open, calls fail fast without reaching the gateway — even a healthy one.
    gateway.control.down = false;
    const fast = await charge('k-while-open').catch((e: unknown) => e);
    expect(fast).toMatchObject({ breakerOpen: true, message: 'Card payments are unavailable right now — nothing was charged. Take cash.' });
    expect(captures().some((c) => c.idempotencyKey === 'k-while-open')).toBe(false);

    await new Promise((r) => setTimeout(r, HALF_OPEN_MS + 50));
    await charge('k-probe-1'); // the half-open test call
    expect(breakerStatus().state).toBe('half_open');
    await charge('k-probe-2');
    expect(breakerStatus().state).toBe('closed');
  });

  it('reopens at once if a call fails before the second success', async () => {
    resetGatewayPolicies();
    gateway.control.down = true;
    for (let i = 0; i < 5; i++) await charge(`k2-fail-${i}`).catch(() => undefined);
    gateway.control.down = false;
    await new Promise((r) => setTimeout(r, HALF_OPEN_MS + 50));
    await charge('k2-probe');
    expect(breakerStatus().state).toBe('half_open');
    gateway.control.failNext = 1;
    await expect(charge('k2-fail-again')).rejects.toBeInstanceOf(GatewayUnavailableError);
    expect(breakerStatus().state).toBe('open');
  });

  it('declines do not count as failures', async () => {
    resetGatewayPolicies();
    for (let i = 0; i < 7; i++) {
      const result = await chargeCard({ merchant: t.tenant.id, amount: 100, currency: 'USD', source: 'tok_declined', reference: 'x', idempotencyKey: `k-dec-${i}` });
      expect(result.status).toBe('declined');
    }
    expect(breakerStatus().state).toBe('closed');
  });

  it('never captures a payment twice across failures, timeouts and retries', async () => {
    resetGatewayPolicies();
    const keys = captures().map((c) => c.paymentId);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('card payments when the gateway misbehaves', () => {
  it('tells the register to take cash when the breaker is open, and the order stays payable', async () => {
    resetGatewayPolicies();
    gateway.control.down = true;
    const id = await newOrder();
    for (let i = 0; i < 5; i++) await payOrder(ctx, id, { tender: 'card', source: 'tok_visa' }).catch(() => undefined);
    await expect(payOrder(ctx, id, { tender: 'card', source: 'tok_visa' })).rejects.toMatchObject({ code: 'unavailable', message: 'Card payments are unavailable right now — nothing was charged. Take cash.' });
    gateway.control.down = false;
    await payOrder(ctx, id, { tender: 'cash', tendered: 100 });
    const order = await getOrder({ tenantId: t.tenant.id }, id);
    expect(order.status).toBe('completed');
    expect(order.payments.filter((p) => p.tender === 'card').every((p) => p.status === 'failed')).toBe(true);
  });
});

describe('retries and crash recovery', () => {
  it('retries with the same key after a lost answer: the card is charged once', async () => {
    process.env.GATEWAY_RETRIES = '2';
    const { resetConfigForTests } = await import('@/lib/platform/config');
    resetConfigForTests();
    resetGatewayPolicies();
    gateway.control.failAfterCaptureNext = 1; // captured, but the first answer is a 500
    const id = await newOrder();
    const { payment } = await payOrder(ctx, id, { tender: 'card', source: 'tok_visa' });
    expect(payment.status).toBe('captured');
    expect(captures().filter((c) => c.paymentId === payment.gatewayPaymentId)).toHaveLength(1);
    expect(gateway.ledger().filter((e) => e.idempotencyKey === payment.id)).toHaveLength(1);
    expect((await getOrder({ tenantId: t.tenant.id }, id)).status).toBe('completed');
    process.env.GATEWAY_RETRIES = '0';
    resetConfigForTests();
    resetGatewayPolicies();
  });

  it('finishes a payment the gateway captured just before the app crashed — exactly once', async () => {
    resetGatewayPolicies();
    const id = await newOrder();
    // Steps 1 and 2 of a card payment, then "the process dies" before step 3.
    const pending = await withTenant(t.tenant.id, (tx) => startCardPayment(tx, t.tenant.id, { orderId: id, shiftId: null, amount: 100, source: 'tok_visa', actorUserId: t.cashier.id }));
    await chargeCard({ merchant: t.tenant.id, amount: 100, currency: 'USD', source: 'tok_visa', reference: id, idempotencyKey: pending.id });
    expect((await getOrder({ tenantId: t.tenant.id }, id)).status).toBe('placed');

    expect(await recoverTenant(t.tenant.id, 0)).toMatchObject({ payments: 1 });
    const order = await getOrder({ tenantId: t.tenant.id }, id);
    expect(order).toMatchObject({ status: 'completed', paidTotal: 100, payments: [{ id: pending.id, status: 'captured' }] });
    expect(await recoverTenant(t.tenant.id, 0)).toMatchObject({ payments: 0 });
    expect((await getOrder({ tenantId: t.tenant.id }, id)).paidTotal).toBe(100);
    expect(gateway.ledger().filter((e) => e.idempotencyKey === pending.id)).toHaveLength(1);
  });

  it('fails a payment the gateway never received, once its processing window is over', async () => {
    resetGatewayPolicies();
    const id = await newOrder();
    const pending = await withTenant(t.tenant.id, (tx) => startCardPayment(tx, t.tenant.id, { orderId: id, shiftId: null, amount: 100, source: 'tok_visa', actorUserId: t.cashier.id }));
    await recoverTenant(t.tenant.id, 0);
    expect((await getOrder({ tenantId: t.tenant.id }, id)).payments).toEqual([expect.objectContaining({ id: pending.id, status: 'pending' })]);
    await withTenant(t.tenant.id, (tx) => tx.update(payments).set({ createdAt: new Date(Date.now() - 10 * 60_000) }).where(eq(payments.id, pending.id)));
    await recoverTenant(t.tenant.id, 0);
    expect((await getOrder({ tenantId: t.tenant.id }, id)).payments).toEqual([expect.objectContaining({ id: pending.id, status: 'failed', failureCode: 'gateway_unavailable' })]);
  });
});
