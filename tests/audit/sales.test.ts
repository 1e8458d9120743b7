import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as orderItem from '@/app/api/v1/orders/[id]/route';
import * as refunds from '@/app/api/v1/orders/[id]/refunds/route';
import * as voids from '@/app/api/v1/orders/[id]/void/route';
import * as orders from '@/app/api/v1/orders/route';
import type { Gateway } from '@/gateway/server';
import { grantApproval } from '@/lib/auth/approvals';
import { verifySessionToken } from '@/lib/auth/session';
import type { ApprovablePermission } from '@/lib/auth';
import { receiveStock } from '@/lib/inventory';
import { createOrder, createOrderSchema, getOrder, payOrder, refundOrder } from '@/lib/orders';
import { resetGatewayPolicies } from '@/lib/payments/gateway';
import { apiRequest, contextOf, createStockedProduct, createTenant, json, mainLocation, noParams, segment, sessionTokenFor, startGateway, type TestTenant } from '../helpers';
import { auditRowsOf, CLIENT, clientHeaders, theAuditRowOf } from './audit-helpers';

/**
 * Refunds, voids and discounts over the limit each write exactly one audit row, in the
 * action's transaction, naming the approver when a manager's PIN stood in for the cashier,
 * and the address and device the request came from.
 */
let gateway: Gateway;
let t: TestTenant;
let cake: string;

beforeAll(async () => {
  gateway = await startGateway();
  t = await createTenant();
  cake = (await createStockedProduct(t, { name: 'Cake' })).variants[0]!.id; // 100 each
  await receiveStock(contextOf(t), { locationId: await mainLocation(t), supplier: null, note: null, lines: [{ variantId: cake, quantity: 500 }] });
});
beforeEach(() => {
  Object.assign(gateway.control, { down: false, latencyMs: 0, failNext: 0, errorRate: 0, failAfterCaptureNext: 0 });
  resetGatewayPolicies();
});
afterAll(async () => {
  await gateway.close();
});

/** The cashier's register session (a cookie) and a manager's approval token bound to it. */
async function cashierWithApproval(permission: ApprovablePermission) {
  const cookie = await sessionTokenFor(t.cashier);
  const session = { ...(await verifySessionToken(cookie, t.tenant.id))!, tenant: t.tenant };
  const { token } = await grantApproval(session, { userId: t.manager.id, pin: '2222', permission });
  return { cookie, approval: { token } };
}

async function paidOrder(quantity: number, tender: 'cash' | 'card') {
  const ctx = contextOf(t, t.manager);
  const id = await createOrder(ctx, createOrderSchema.parse({ type: 'retail', lines: [{ variantId: cake, quantity }] }));
  await payOrder(ctx, id, tender === 'cash' ? { tender: 'cash', tendered: quantity * 100 } : { tender: 'card', source: 'tok_visa' });
  return getOrder(ctx, id);
}

describe('refunds', () => {
  it('a cashier’s cash refund, approved by a manager: one row with the approver, the order before and after, address and device', async () => {
    const order = await paidOrder(3, 'cash');
    const { cookie, approval } = await cashierWithApproval('refund:create');
    const body = { reason: 'Dropped it', restock: true, lines: [{ lineId: order.lines[0]!.id, quantity: 1 }], approval };
    const row = await theAuditRowOf(t, async () => {
      const res = await refunds.POST(await apiRequest('POST', `/api/v1/orders/${order.id}/refunds`, { host: t.tenant, as: cookie, body, headers: clientHeaders }), segment({ id: order.id }));
      expect(res.status).toBe(201);
    });
    expect(row).toMatchObject({
      action: 'order.refunded',
      actorUserId: t.cashier.id,
      approverUserId: t.manager.id,
      entityType: 'order',
      entityId: order.id,
      before: { status: 'completed', refundedTotal: 0 },
      after: { status: 'partially_refunded', refundedTotal: 100 },
      details: { number: order.number, amount: 100, reason: 'Dropped it', restock: true, lines: [{ item: 'Cake (V0)', quantity: 1, amount: 100 }] },
      ip: CLIENT.ip,
      userAgent: CLIENT.userAgent,
    });
  });

  it('a manager’s card refund: one row when the card service has taken it back, no approver', async () => {
    const order = await paidOrder(2, 'card');
    const row = await theAuditRowOf(t, () =>
      refundOrder(contextOf(t, t.manager), order.id, { reason: 'Stale', restock: false, lines: [{ lineId: order.lines[0]!.id, quantity: 2 }], approval: null }),
    );
    expect(row).toMatchObject({
      action: 'order.refunded',
      actorUserId: t.manager.id,
      approverUserId: null,
      before: { status: 'completed', refundedTotal: 0 },
      after: { status: 'refunded', refundedTotal: 200 },
    });
  });

  it('a card refund the card service refuses: one row saying so, and the order unchanged', async () => {
    const order = await paidOrder(1, 'card');
    gateway.reset(); // the gateway forgot the payment: it refuses the refund
    const row = await theAuditRowOf(t, () =>
      expect(refundOrder(contextOf(t, t.manager), order.id, { reason: 'Stale', restock: false, lines: [{ lineId: order.lines[0]!.id, quantity: 1 }], approval: null })).rejects.toMatchObject({
        code: 'unprocessable',
      }),
    );
    expect(row).toMatchObject({ action: 'order.refund_failed', actorUserId: t.manager.id, entityId: order.id, before: null, after: null, details: { amount: 100, reason: 'Stale' } });
    expect((await getOrder(contextOf(t), order.id)).status).toBe('completed');
  });
});

describe('voids', () => {
  it('a cashier’s void with a manager’s approval: one row with status before and after, the reason and the approver', async () => {
    const id = await createOrder(contextOf(t, t.cashier), createOrderSchema.parse({ type: 'retail', lines: [{ variantId: cake, quantity: 1 }] }));
    const { cookie, approval } = await cashierWithApproval('order:void');
    const row = await theAuditRowOf(t, async () => {
      const res = await voids.POST(await apiRequest('POST', `/api/v1/orders/${id}/void`, { host: t.tenant, as: cookie, body: { reason: 'Customer left', approval }, headers: clientHeaders }), segment({ id }));
      expect(res.status).toBe(200);
    });
    expect(row).toMatchObject({
      action: 'order.voided',
      actorUserId: t.cashier.id,
      approverUserId: t.manager.id,
      entityId: id,
      before: { status: 'placed' },
      after: { status: 'voided' },
      details: { reason: 'Customer left', total: 100 },
      ip: CLIENT.ip,
      userAgent: CLIENT.userAgent,
    });
  });

  it('a refused void (no approval) writes nothing', async () => {
    const id = await createOrder(contextOf(t, t.cashier), createOrderSchema.parse({ type: 'retail', lines: [{ variantId: cake, quantity: 1 }] }));
    const rows = await auditRowsOf(t, async () => {
      const res = await voids.POST(await apiRequest('POST', `/api/v1/orders/${id}/void`, { host: t.tenant, as: t.cashier, body: { reason: 'Nope' } }), segment({ id }));
      expect(res.status).toBe(403);
    });
    expect(rows).toEqual([]);
  });
});

describe('discounts over the limit', () => {
  it('at checkout: one row naming the cashier and the manager who approved, with the discount given', async () => {
    const { cookie, approval } = await cashierWithApproval('discount:override');
    const body = { type: 'retail', lines: [{ variantId: cake, quantity: 4 }], orderDiscount: { kind: 'percent', basisPoints: 5000 }, approval, payments: [{ tender: 'cash', tendered: 200 }] };
    let orderId = '';
    const row = await theAuditRowOf(t, async () => {
      const res = await json(await orders.POST(await apiRequest('POST', '/api/v1/orders', { host: t.tenant, as: cookie, body, headers: clientHeaders }), noParams));
      expect(res).toMatchObject({ status: 201, body: { status: 'completed', discountTotal: 200 } });
      orderId = res.body.id;
    });
    expect(row).toMatchObject({
      action: 'order.discount_over_limit',
      actorUserId: t.cashier.id,
      approverUserId: t.manager.id,
      entityId: orderId,
      before: null,
      after: { discountTotal: 200 },
      details: { limitBasisPoints: 1000, subtotal: 400, orderDiscount: { kind: 'percent', basisPoints: 5000 } },
      ip: CLIENT.ip,
      userAgent: CLIENT.userAgent,
    });
  });

  it('within the limit: no row', async () => {
    const rows = await auditRowsOf(t, () =>
      createOrder(contextOf(t, t.cashier), createOrderSchema.parse({ type: 'retail', lines: [{ variantId: cake, quantity: 1, discount: { kind: 'percent', basisPoints: 1000 } }] })),
    );
    expect(rows).toEqual([]);
  });

  it('when an open order is changed: one row with the discounts before and after; a manager approves their own', async () => {
    const id = await createOrder(contextOf(t, t.manager), createOrderSchema.parse({ type: 'retail', park: true, lines: [{ variantId: cake, quantity: 2 }] }));
    const body = { type: 'retail', lines: [{ variantId: cake, quantity: 2, discount: { kind: 'amount', amount: 150 } }] };
    const row = await theAuditRowOf(t, async () => {
      const res = await orderItem.PUT(await apiRequest('PUT', `/api/v1/orders/${id}`, { host: t.tenant, as: t.manager, body }), segment({ id }));
      expect(res.status).toBe(200);
    });
    expect(row).toMatchObject({
      action: 'order.discount_over_limit',
      actorUserId: t.manager.id,
      approverUserId: null,
      before: { discountTotal: 0 },
      after: { discountTotal: 150 },
      details: { lineDiscounts: [{ item: 'Cake (V0)', discount: { kind: 'amount', amount: 150 } }] },
    });
  });
});
