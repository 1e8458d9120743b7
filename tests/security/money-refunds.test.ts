import type { TenantContext } from '@/lib/auth';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outboxEvents } from '@/db/schema/events';
import { loadOrderDetail } from '@/lib/orders';
import { DEFAULT_API_KEY, type Gateway } from '@/gateway/server';
import { levelsOf, receiveStock } from '@/lib/inventory';
import { createOrder, createOrderSchema, getOrder, openShift, payOrder, recoverTenant, refundOrder, settleCard, shiftReport } from '@/lib/orders';
import { startCardPayment } from '@/lib/payments';
import { resetGatewayPolicies } from '@/lib/payments/gateway';
import { withTenant } from '@/lib/platform/db';
import { createStockedProduct, createTenant, mainLocation, contextOf, sessionContextOf, startGateway, type TestTenant } from '../helpers';

/**
 * Security review item 2: a refund is two-phase. Nothing about the order (status, refunded
 * quantities, stock) changes until every card part went through; a definitive refusal by the
 * gateway leaves the order exactly as it was, and the refund can be asked for again.
 */
let gateway: Gateway;
let t: TestTenant;
let location: string;
let manager: TenantContext;
let cake: string;

const stockOf = async () => (await levelsOf({ tenantId: t.tenant.id }, [cake], location))[0]?.quantity ?? 0;
const refundEvents = async (orderId: string) =>
  (await withTenant(t.tenant.id, (tx) => tx.select().from(outboxEvents))).filter((e) => e.type === 'OrderRefunded' && (e.payload as { orderId?: string }).orderId === orderId);
const refundsAtGateway = (gatewayPaymentId: string) => gateway.ledger().filter((e) => e.type === 'refund' && e.paymentId === gatewayPaymentId);

/** A completed order of `quantity` cakes (100 each), paid by card. */
async function paidByCard(quantity: number, shiftId: string | null = null) {
  const id = await createOrder(manager, createOrderSchema.parse({ type: 'retail', shiftId, lines: [{ variantId: cake, quantity }] }));
  const { payment } = await payOrder(manager, id, { tender: 'card', source: 'tok_visa' }, shiftId);
  expect(payment.status).toBe('captured');
  const order = await getOrder({ tenantId: t.tenant.id }, id);
  return { id, line: order.lines[0]!, payment };
}

const refund = (orderId: string, lineId: string, quantity: number, shiftId: string | null = null) =>
  refundOrder(manager, orderId, { reason: 'Stale cake', restock: true, lines: [{ lineId, quantity }], approval: null }, shiftId);

/**
 * The order as it was before a refund was asked for: same status, quantities and stock; the
 * payments' refundable amounts too, unless a pending refund still holds its reservation.
 */
async function expectUntouched(orderId: string, stockBefore: number, reserved = 0) {
  const order = await getOrder({ tenantId: t.tenant.id }, orderId);
  expect(order).toMatchObject({ status: 'completed', refundedTotal: 0 });
  expect(order.lines.every((l) => l.refundedQuantity === 0)).toBe(true);
  expect(order.payments.reduce((sum, p) => sum + p.refundedAmount, 0)).toBe(reserved);
  expect(await stockOf()).toBe(stockBefore);
  expect(await refundEvents(orderId)).toHaveLength(0);
  return order;
}

beforeAll(async () => {
  gateway = await startGateway({ GATEWAY_TIMEOUT_MS: '300', GATEWAY_RETRIES: '1', BREAKER_FAILURES: '50' });
  t = await createTenant();
  location = await mainLocation(t);
  manager = await sessionContextOf(t, t.manager);
  cake = (await createStockedProduct(t, { name: 'Cake' })).variants[0]!.id;
  await receiveStock(contextOf(t), { locationId: location, supplier: null, note: null, lines: [{ variantId: cake, quantity: 100 }] });
});

beforeEach(() => {
  Object.assign(gateway.control, { down: false, latencyMs: 0, failNext: 0, errorRate: 0, failAfterCaptureNext: 0 });
  resetGatewayPolicies();
});

afterAll(async () => {
  await gateway.close();
});

describe('a card refund the gateway refuses', () => {
  it('leaves the order, its quantities and stock unchanged when the gateway forgot the payment, and the refund can be asked for again', async () => {
    const { id, line } = await paidByCard(2);
    const before = await stockOf();
    gateway.reset(); // the gateway no longer knows the payment: 404

    const refused = await refund(id, line.id, 1).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'unprocessable', message: expect.stringContaining('Nothing was refunded') });
    expect((refused as Error).message).not.toMatch(/No such payment|pay_/); // the gateway's own words stay in the log
    const order = await expectUntouched(id, before);
    expect(order.refundDocuments).toEqual([expect.objectContaining({ status: 'failed', amount: 100 })]);
    expect(order.refunds).toEqual([expect.objectContaining({ tender: 'card', status: 'failed' })]);

    // Not blocked by the failed attempt: asking again goes to the gateway again.
    await expect(refund(id, line.id, 2)).rejects.toMatchObject({ code: 'unprocessable' });
    expect((await expectUntouched(id, before)).refundDocuments.map((d) => d.status)).toEqual(['failed', 'failed']);
  });

  it('refuses more than the card has left, then a smaller refund goes through', async () => {
    const { id, line, payment } = await paidByCard(3);
    const before = await stockOf();
    // 150 of the 300 went back outside Tillwise (at the gateway): only 150 is refundable there.
    const outside = await fetch(new URL(`/v1/payments/${payment.gatewayPaymentId}/refunds`, process.env.PAYMENT_GATEWAY_URL), {
      method: 'POST',
      headers: { authorization: `Bearer ${DEFAULT_API_KEY}`, 'content-type': 'application/json', 'idempotency-key': `outside-${id}` },
      body: JSON.stringify({ amount: 150 }),
    });
    expect(outside.status).toBe(201);

    await expect(refund(id, line.id, 2)).rejects.toMatchObject({ code: 'unprocessable', message: expect.stringContaining('more than is left to refund') });
    await expectUntouched(id, before);

    expect(await refund(id, line.id, 1)).toMatchObject({ amount: 100, status: 'settled' });
    const order = await getOrder({ tenantId: t.tenant.id }, id);
    expect(order).toMatchObject({ status: 'partially_refunded', refundedTotal: 100, lines: [{ refundedQuantity: 1 }], payments: [{ refundedAmount: 100 }] });
    expect(order.refundDocuments.map((d) => d.status)).toEqual(['failed', 'settled']);
    expect(await stockOf()).toBe(before + 1);
    expect(await refundEvents(id)).toHaveLength(1);
  });

  it('takes 409 payment_not_captured as an answer, not as a request still in flight', async () => {
    const id = await createOrder(manager, createOrderSchema.parse({ type: 'retail', lines: [{ variantId: cake, quantity: 1 }] }));
    // A payment we hold as captured that the gateway only authorized.
    const pending = await withTenant(t.tenant.id, (tx) => startCardPayment(tx, t.tenant.id, { orderId: id, shiftId: null, amount: 100, source: 'tok_visa', actorUserId: t.manager.id }));
    const res = await fetch(new URL('/v1/payments', process.env.PAYMENT_GATEWAY_URL), {
      method: 'POST',
      headers: { authorization: `Bearer ${DEFAULT_API_KEY}`, 'content-type': 'application/json', 'idempotency-key': pending.id },
      body: JSON.stringify({ merchant: t.tenant.id, amount: 100, currency: 'USD', source: 'tok_visa', capture: false }),
    });
    const authorized = await res.json();
    await settleCard(t.tenant.id, pending.id, { ...authorized, status: 'captured' });
    const before = await stockOf();
    const line = (await getOrder({ tenantId: t.tenant.id }, id)).lines[0]!;

    await expect(refund(id, line.id, 1)).rejects.toMatchObject({ code: 'unprocessable', message: expect.stringContaining('never completed') });
    expect((await expectUntouched(id, before)).refundDocuments).toEqual([expect.objectContaining({ status: 'failed' })]);
    expect(await recoverTenant(t.tenant.id, 0)).toMatchObject({ refunds: 0 });
  });
});

describe('refunds at the same time', () => {
  it('never return more than was paid: of two refunds of the whole line, one goes through (Postgres run: truly concurrent)', async () => {
    const { id, line, payment } = await paidByCard(2);
    const results = await Promise.allSettled([refund(id, line.id, 2), refund(id, line.id, 2)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'unprocessable', details: [{ path: 'lines.0.quantity' }] } });
    expect(await getOrder({ tenantId: t.tenant.id }, id)).toMatchObject({ status: 'refunded', refundedTotal: 200, payments: [{ refundedAmount: 200 }] });
    expect(refundsAtGateway(payment.gatewayPaymentId!).map((e) => e.amount)).toEqual([200]);
  });
});

describe('a card refund whose answer is lost', () => {
  it('stays pending (order unchanged, not in the shift report, its lines reserved) until recovery settles it once', async () => {
    const shift = await openShift(manager, { registerName: `Till ${Date.now()}`, openingFloat: 0 });
    const { id, line, payment } = await paidByCard(1, shift.id);
    const before = await stockOf();
    gateway.control.down = true;

    expect(await refund(id, line.id, 1, shift.id)).toMatchObject({ amount: 100, status: 'pending' });
    const order = await expectUntouched(id, before, 100);
    expect(order.refundDocuments).toEqual([expect.objectContaining({ status: 'pending' })]);
    expect((await shiftReport({ tenantId: t.tenant.id }, shift.id)).byTender).toContainEqual(expect.objectContaining({ tender: 'card', refunded: 0 }));
    // The unit is spoken for by the pending refund: it cannot be refunded twice (nor offered for it on the order screen).
    expect((await loadOrderDetail({ tenantId: t.tenant.id }, id))!.refundable).toEqual([]);
    await expect(refund(id, line.id, 1, shift.id)).rejects.toMatchObject({ code: 'unprocessable', details: [{ path: 'lines.0.quantity', message: 'Only 0 left to refund' }] });

    gateway.control.down = false;
    expect(await recoverTenant(t.tenant.id, 0)).toMatchObject({ refunds: 1 });
    expect(await getOrder({ tenantId: t.tenant.id }, id)).toMatchObject({ status: 'refunded', refundedTotal: 100, lines: [{ refundedQuantity: 1 }], refundDocuments: [{ status: 'settled' }] });
    expect(await stockOf()).toBe(before + 1);
    expect((await shiftReport({ tenantId: t.tenant.id }, shift.id)).byTender).toContainEqual(expect.objectContaining({ tender: 'card', refunded: 100 }));
    expect(refundsAtGateway(payment.gatewayPaymentId!)).toHaveLength(1);
    expect(await recoverTenant(t.tenant.id, 0)).toMatchObject({ refunds: 0 });
    expect(await refundEvents(id)).toHaveLength(1);
  });
});
