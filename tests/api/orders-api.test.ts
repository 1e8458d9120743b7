import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as orderItem from '@/app/api/v1/orders/[id]/route';
import * as payments from '@/app/api/v1/orders/[id]/payments/route';
import * as receipt from '@/app/api/v1/orders/[id]/receipt/route';
import * as refunds from '@/app/api/v1/orders/[id]/refunds/route';
import * as voids from '@/app/api/v1/orders/[id]/void/route';
import * as orders from '@/app/api/v1/orders/route';
import * as paymentStatus from '@/app/api/v1/payments/status/route';
import * as shiftClose from '@/app/api/v1/shifts/[id]/close/route';
import * as shiftCash from '@/app/api/v1/shifts/[id]/cash-movements/route';
import * as shiftReport from '@/app/api/v1/shifts/[id]/report/route';
import * as shifts from '@/app/api/v1/shifts/route';
import type { Gateway } from '@/gateway/server';
import { levelsOf, listLedger, receiveStock } from '@/lib/inventory';
import { grantApproval } from '@/lib/auth/approvals';
import { verifySessionToken } from '@/lib/auth/session';
import { apiRequest, createStockedProduct, createTenant, json, mainLocation, noParams, contextOf, segment, sessionTokenFor, startGateway, type TestStaff, type TestTenant } from '../helpers';

let gateway: Gateway;
let a: TestTenant;
let b: TestTenant;
let location: string;

beforeAll(async () => {
  gateway = await startGateway();
  a = await createTenant();
  b = await createTenant();
  location = await mainLocation(a);
  await mainLocation(b);
});
afterAll(async () => {
  await gateway.close();
});

const post = async (t: TestTenant, as: TestStaff, body: unknown, headers?: Record<string, string>) =>
  orders.POST(await apiRequest('POST', '/api/v1/orders', { host: t.tenant, as, body, headers }), noParams);

async function stockedItem(t: TestTenant, quantity: number) {
  const product = await createStockedProduct(t);
  const variantId = product.variants[0]!.id;
  await receiveStock(contextOf(t), { locationId: await mainLocation(t), supplier: null, note: null, lines: [{ variantId, quantity }] });
  return variantId;
}

describe('POST /api/v1/orders', () => {
  it('checks out and pays in one call: 201 with Location, the order and no payment error', async () => {
    const item = await stockedItem(a, 5);
    const res = await post(a, a.cashier, { type: 'retail', lines: [{ variantId: item, quantity: 2 }], expectedTotal: 200, payments: [{ tender: 'cash', tendered: 100 }, { tender: 'card', source: 'tok_visa' }] });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(res.headers.get('location')).toBe(`/api/v1/orders/${body.id}`);
    expect(body).toMatchObject({ status: 'completed', total: 200, paidTotal: 200, paymentError: null, payments: [{ tender: 'cash', amount: 100 }, { tender: 'card', amount: 100 }] });
  });

  it('answers a cash checkout exactly as the order reads back, and a refused tender beside the order it leaves placed', async () => {
    const item = await stockedItem(a, 5);
    const paid = await json(await post(a, a.cashier, { type: 'retail', lines: [{ variantId: item, quantity: 1 }, { variantId: item, quantity: 2, note: 'gift' }], payments: [{ tender: 'cash', tendered: 1000 }] }));
    const { paymentError, ...sold } = paid.body;
    const read = await json(await orderItem.GET(await apiRequest('GET', `/api/v1/orders/${sold.id}`, { host: a.tenant, as: a.cashier }), segment({ id: sold.id })));
    expect([paid.status, paymentError]).toEqual([201, null]);
    expect(sold).toEqual(read.body); // made from the rows written (nothing read back), the same as a read
    expect(sold).toMatchObject({ status: 'completed', changeGiven: 700, payments: [{ tender: 'cash', amount: 300 }] });

    const short = await json(await post(a, a.cashier, { type: 'retail', lines: [{ variantId: item, quantity: 1 }], payments: [{ tender: 'cash', amount: 100, tendered: 50 }] }));
    const { paymentError: refused, ...placed } = short.body;
    expect(refused).toMatchObject({ code: 'unprocessable', message: expect.stringContaining('Not enough cash') });
    const readPlaced = await json(await orderItem.GET(await apiRequest('GET', `/api/v1/orders/${placed.id}`, { host: a.tenant, as: a.cashier }), segment({ id: placed.id })));
    expect(placed).toEqual(readPlaced.body);
    expect(placed).toMatchObject({ status: 'placed', payments: [], balanceDue: 100 });
  });

  it('answers a card checkout exactly as the order reads back (a tip on it), and an amount over the total beside the order it leaves placed', async () => {
    const item = await stockedItem(a, 5);
    const paid = await json(await post(a, a.cashier, { type: 'retail', lines: [{ variantId: item, quantity: 2 }], payments: [{ tender: 'card', source: 'tok_visa', tip: 50 }] }));
    const { paymentError, ...sold } = paid.body;
    const read = await json(await orderItem.GET(await apiRequest('GET', `/api/v1/orders/${sold.id}`, { host: a.tenant, as: a.cashier }), segment({ id: sold.id })));
    expect([paid.status, paymentError]).toEqual([201, null]);
    expect(sold).toEqual(read.body);
    expect(sold).toMatchObject({ status: 'completed', paidTotal: 200, payments: [{ tender: 'card', status: 'captured', amount: 200, tip: 50 }] });

    const over = await json(await post(a, a.cashier, { type: 'retail', lines: [{ variantId: item, quantity: 1 }], payments: [{ tender: 'card', source: 'tok_visa', amount: 500 }] }));
    const { paymentError: refused, ...placed } = over.body;
    expect(over.status).toBe(201);
    expect(refused).toMatchObject({ code: 'unprocessable', message: 'Only 100 is left to pay' });
    const readPlaced = await json(await orderItem.GET(await apiRequest('GET', `/api/v1/orders/${placed.id}`, { host: a.tenant, as: a.cashier }), segment({ id: placed.id })));
    expect(placed).toEqual(readPlaced.body);
    expect(placed).toMatchObject({ status: 'placed', payments: [], balanceDue: 100 });
  });

  it('reports a declined card beside the order, which stays payable', async () => {
    const item = await stockedItem(a, 5);
    const res = await json(await post(a, a.cashier, { type: 'retail', lines: [{ variantId: item, quantity: 1 }], payments: [{ tender: 'card', source: 'tok_declined' }] }));
    expect(res).toMatchObject({ status: 201, body: { status: 'placed', paymentError: { code: 'payment_declined', message: 'The card was declined.' } } });
    const paid = await json(
      await payments.POST(await apiRequest('POST', `/api/v1/orders/${res.body.id}/payments`, { host: a.tenant, as: a.cashier, body: { tender: 'cash', tendered: 500 } }), segment({ id: res.body.id })),
    );
    expect(paid).toMatchObject({ status: 201, body: { payment: { changeGiven: 400 }, order: { status: 'completed' } } });
  });

  it('says "payment_pending" — never "nothing was charged" — for a card the gateway has not confirmed, and leaks none of its words', async () => {
    const item = await stockedItem(a, 5);
    gateway.control.failNext = 3; // every attempt answered 500: the card may have been charged
    const res = await json(await post(a, a.cashier, { type: 'retail', lines: [{ variantId: item, quantity: 1 }], payments: [{ tender: 'card', source: 'tok_visa' }] }));
    expect(res).toMatchObject({ status: 201, body: { status: 'placed', paymentError: { code: 'payment_pending' }, payments: [{ tender: 'card', status: 'pending' }] } });
    expect(JSON.stringify(res.body)).not.toMatch(/Injected|nothing was charged/);
    const p = segment({ id: res.body.id });
    const cash = await json(await payments.POST(await apiRequest('POST', `/api/v1/orders/${res.body.id}/payments`, { host: a.tenant, as: a.cashier, body: { tender: 'cash', tendered: 100 } }), p));
    expect(cash).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });

    const other = await json(await post(a, a.cashier, { type: 'retail', lines: [{ variantId: item, quantity: 1 }] }));
    gateway.control.failNext = 3;
    const card = await json(await payments.POST(await apiRequest('POST', `/api/v1/orders/${other.body.id}/payments`, { host: a.tenant, as: a.cashier, body: { tender: 'card', source: 'tok_visa' } }), segment({ id: other.body.id })));
    expect(card).toMatchObject({ status: 202, body: { payment: { status: 'pending' }, order: { status: 'placed', paidTotal: 0 }, paymentError: { code: 'payment_pending' } } });
  });

  it('answers 422 for bad input and a total that changed', async () => {
    const item = await stockedItem(a, 5);
    const bad = await json(await post(a, a.cashier, { type: 'delivery', lines: [] }));
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['lines', 'type']);
    const changed = await json(await post(a, a.cashier, { type: 'retail', lines: [{ variantId: item, quantity: 1 }], expectedTotal: 1 }));
    expect(changed).toMatchObject({ status: 422, body: { error: { message: expect.stringContaining('The total has changed') } } });
  });

  it('100 concurrent requests with one Idempotency-Key make exactly one order and one stock decrement', async () => {
    const item = await stockedItem(a, 50);
    const body = { type: 'retail', lines: [{ variantId: item, quantity: 1 }] };
    const results = await Promise.all(Array.from({ length: 100 }, () => post(a, a.cashier, body, { 'idempotency-key': 'checkout-once' }).then(json)));
    const created = results.filter((r) => r.status === 201);
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    expect((await levelsOf({ tenantId: a.tenant.id }, [item], location))[0]!.quantity).toBe(49);
    const sales = (await listLedger({ tenantId: a.tenant.id }, { variant: item, skip: 0, limit: 100 })).data.filter((m) => m.kind === 'sale');
    expect(sales).toHaveLength(1);
    // A replay afterwards returns the same order; the same key with another body is refused.
    const replay = await json(await post(a, a.cashier, body, { 'idempotency-key': 'checkout-once' }));
    expect(replay.body.id).toBe(created[0]!.body.id);
    const other = await post(a, a.cashier, { ...body, lines: [{ variantId: item, quantity: 2 }] }, { 'idempotency-key': 'checkout-once' });
    expect(other.status).toBe(422);
  }, 120_000);

  it('200 concurrent checkouts for an item with 10 left: exactly 10 orders, stock 0', async () => {
    const item = await stockedItem(a, 10);
    const results = await Promise.all(Array.from({ length: 200 }, () => post(a, a.cashier, { type: 'retail', lines: [{ variantId: item, quantity: 1 }] })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(190);
    const refused = await results.find((r) => r.status === 409)!.json();
    expect(refused.error.message).toContain('Not enough stock');
    expect((await levelsOf({ tenantId: a.tenant.id }, [item], location))[0]!.quantity).toBe(0);
  }, 120_000);
});

describe('shift routes', () => {
  it('ask for a manager (403, details on approval) for cash out and closing someone else’s shift, and pass with an approval token', async () => {
    const shift = (await json(await shifts.POST(await apiRequest('POST', '/api/v1/shifts', { host: a.tenant, as: a.manager, body: { registerName: 'Approvals', openingFloat: 1_000 } }), noParams))).body;
    const p = segment({ id: shift.id });
    const cashOut = (approval?: { token: string }) =>
      apiRequest('POST', `/api/v1/shifts/${shift.id}/cash-movements`, { host: a.tenant, as: a.cashier, body: { kind: 'out', amount: 100, reason: 'Milk', approval } });
    const asked = await json(await shiftCash.POST(await cashOut(), p));
    expect(asked).toMatchObject({ status: 403, body: { error: { code: 'forbidden', details: [{ path: 'approval' }] } } });

    // The token is bound to the cashier's session: mint the request's cookie from that same session.
    const token = await sessionTokenFor(a.cashier);
    const session = { ...(await verifySessionToken(token, a.tenant.id))!, tenant: a.tenant };
    const approval = async () => ({ token: (await grantApproval(session, { userId: a.manager.id, pin: '2222', permission: 'shift:manage' })).token });
    const withApproval = async (path: string, body: unknown) => apiRequest('POST', path, { host: a.tenant, as: token, body });
    const out = await json(await shiftCash.POST(await withApproval(`/api/v1/shifts/${shift.id}/cash-movements`, { kind: 'out', amount: 100, reason: 'Milk', approval: await approval() }), p));
    expect(out).toMatchObject({ status: 201, body: { kind: 'out', approvedBy: a.manager.id } });

    const close = await json(await shiftClose.POST(await withApproval(`/api/v1/shifts/${shift.id}/close`, { countedCash: 900 }), p));
    expect(close).toMatchObject({ status: 403, body: { error: { details: [{ path: 'approval' }] } } });
    const closed = await json(await shiftClose.POST(await withApproval(`/api/v1/shifts/${shift.id}/close`, { countedCash: 900, approval: await approval() }), p));
    expect(closed).toMatchObject({ status: 200, body: { expectedCash: 900, countedCash: 900 } });
  });
});

describe('orders, shifts and receipts across tenants', () => {
  it('A’s session cannot read, pay, refund, void or print B’s order, nor use B’s shift', async () => {
    const itemB = await stockedItem(b, 5);
    const orderB = (await json(await post(b, b.owner, { type: 'retail', lines: [{ variantId: itemB, quantity: 1 }], payments: [{ tender: 'cash', tendered: 100 }] }))).body;
    const shiftB = (await json(await shifts.POST(await apiRequest('POST', '/api/v1/shifts', { host: b.tenant, as: b.cashier, body: { registerName: 'B1', openingFloat: 0 } }), noParams))).body;
    const p = segment({ id: orderB.id });
    const asA = (method: string, path: string, body?: unknown) => apiRequest(method, path, { host: a.tenant, as: a.owner, body });
    const statuses = {
      get: (await orderItem.GET(await asA('GET', `/api/v1/orders/${orderB.id}`), p)).status,
      put: (await orderItem.PUT(await asA('PUT', `/api/v1/orders/${orderB.id}`, { type: 'retail', lines: [{ variantId: itemB, quantity: 1 }] }), p)).status,
      pay: (await payments.POST(await asA('POST', `/api/v1/orders/${orderB.id}/payments`, { tender: 'cash', tendered: 100 }), p)).status,
      refund: (await refunds.POST(await asA('POST', `/api/v1/orders/${orderB.id}/refunds`, { reason: 'Not mine', lines: [{ lineId: orderB.lines[0].id, quantity: 1 }] }), p)).status,
      void: (await voids.POST(await asA('POST', `/api/v1/orders/${orderB.id}/void`, { reason: 'Not mine' }), p)).status,
      receipt: (await receipt.GET(await asA('GET', `/api/v1/orders/${orderB.id}/receipt`), p)).status,
      close: (await shiftClose.POST(await asA('POST', `/api/v1/shifts/${shiftB.id}/close`, { countedCash: 0 }), segment({ id: shiftB.id }))).status,
      cash: (await shiftCash.POST(await asA('POST', `/api/v1/shifts/${shiftB.id}/cash-movements`, { kind: 'out', amount: 100, reason: 'Stealing' }), segment({ id: shiftB.id }))).status,
      report: (await shiftReport.GET(await asA('GET', `/api/v1/shifts/${shiftB.id}/report`), segment({ id: shiftB.id }))).status,
    };
    expect(statuses).toEqual({ get: 404, put: 404, pay: 404, refund: 404, void: 404, receipt: 404, close: 404, cash: 404, report: 404 });
    const list = await json(await orders.GET(await asA('GET', '/api/v1/orders'), noParams));
    expect(list.body.data.map((o: { id: string }) => o.id)).not.toContain(orderB.id);
    // And B's session is refused on A's host.
    expect((await orders.GET(await apiRequest('GET', '/api/v1/orders', { host: a.tenant, as: b.owner }), noParams)).status).toBe(401);
    const stillB = await json(await orderItem.GET(await apiRequest('GET', `/api/v1/orders/${orderB.id}`, { host: b.tenant, as: b.owner }), p));
    expect(stillB.body).toMatchObject({ status: 'completed', refundedTotal: 0 });
  });

  it('serves the receipt as printable HTML and the card status to the register', async () => {
    const item = await stockedItem(a, 3);
    const order = (await json(await post(a, a.cashier, { type: 'takeaway', customerName: 'Mya', lines: [{ variantId: item, quantity: 1 }], payments: [{ tender: 'cash', tendered: 1000 }] }))).body;
    const res = await receipt.GET(await apiRequest('GET', `/api/v1/orders/${order.id}/receipt`, { host: a.tenant, as: a.cashier }), segment({ id: order.id }));
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('size: 80mm');
    expect(html).toContain(`Order #${order.number}`);
    expect(html).toContain('For Mya');
    expect(html).toMatch(/Change.*\$9\.00/s);
    const status = await json(await paymentStatus.GET(await apiRequest('GET', '/api/v1/payments/status', { host: a.tenant, as: a.cashier }), noParams));
    expect(status.body).toEqual({ card: { state: 'closed', openedAt: null } });
  });
});
