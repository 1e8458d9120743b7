import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as payments from '@/app/api/v1/orders/[id]/payments/route';
import * as receipt from '@/app/api/v1/orders/[id]/receipt/route';
import * as refunds from '@/app/api/v1/orders/[id]/refunds/route';
import * as split from '@/app/api/v1/orders/[id]/split/route';
import * as orders from '@/app/api/v1/orders/route';
import * as shiftReport from '@/app/api/v1/shifts/[id]/report/route';
import type { Gateway } from '@/gateway/server';
import { openShift } from '@/lib/orders';
import { createTable } from '@/lib/restaurant';
import { apiRequest, contextOf, createStockedProduct, createTenant, json, mainLocation, noParams, segment, startGateway, type TestStaff, type TestTenant } from '../helpers';

/**
 * Splitting the bill over the API (issue #12): the plan is stored server-side, each part is
 * paid with its own tenders (`partId`), never beyond its balance, and the order is paid when
 * its parts are. Tips ride on the payment, outside the order's total.
 */
let gateway: Gateway;
let a: TestTenant;
let b: TestTenant;
let tableA: string;
let soup: string; // 1.00 (100)
let bread: string; // 2.00 (200): variant 1 of the same product

beforeAll(async () => {
  gateway = await startGateway();
  a = await createTenant({ currency: 'USD' });
  b = await createTenant({ currency: 'USD' });
  await Promise.all([mainLocation(a), mainLocation(b)]);
  const product = await createStockedProduct(a, { variants: 2, trackStock: false });
  soup = product.variants[0]!.id;
  bread = product.variants[1]!.id;
  tableA = (await createTable(contextOf(a), { name: 'T1', seats: 4, area: 'Main', position: 0 })).id;
});
afterAll(async () => {
  await gateway.close();
});


const as = (t: TestTenant, staff: TestStaff = t.cashier) => ({ host: t.tenant, as: staff });
const putSplit = async (t: TestTenant, orderId: string, body: unknown, headers?: Record<string, string>) =>
  json(await split.PUT(await apiRequest('PUT', `/api/v1/orders/${orderId}/split`, { ...as(t), body, headers }), segment({ id: orderId })));
const pay = async (t: TestTenant, orderId: string, body: unknown, headers?: Record<string, string>) =>
  json(await payments.POST(await apiRequest('POST', `/api/v1/orders/${orderId}/payments`, { ...as(t), body, headers }), segment({ id: orderId })));

/** A dine-in order at table T1: soup for seat 1, 2 × soup for seat 2, bread (2.00) shared — 5.00. */
async function dineIn(extra: Record<string, unknown> = {}) {
  const res = await json(
    await orders.POST(
      await apiRequest('POST', '/api/v1/orders', {
        ...as(a),
        body: {
          type: 'dine_in',
          tableId: tableA,
          covers: 2,
          lines: [
            { variantId: soup, quantity: 1, seat: 1 },
            { variantId: soup, quantity: 2, seat: 2 },
            { variantId: bread, quantity: 1 },
          ],
          ...extra,
        },
      }),
      noParams,
    ),
  );
  expect(res.status).toBe(201);
  return res.body as { id: string; total: number; lines: { id: string; seat: number | null }[] };
}

describe('PUT /api/v1/orders/{id}/split', () => {
  it('splits by seat: the seats’ lines plus half the shared bread each, adding up to the total', async () => {
    const order = await dineIn();
    expect(order.lines.map((l) => l.seat)).toEqual([1, 2, null]);
    const res = await putSplit(a, order.id, { kind: 'seat' });
    expect(res.status).toBe(200);
    expect(res.body.parts.map((p: { label: string; amount: number; balanceDue: number }) => [p.label, p.amount, p.balanceDue])).toEqual([
      ['Seat 1', 200, 200],
      ['Seat 2', 300, 300],
    ]);
    expect(res.body.parts.reduce((s: number, p: { amount: number }) => s + p.amount, 0)).toBe(order.total);
  });

  it('splits by item with units of a line in different parts, and into equal shares', async () => {
    const order = await dineIn();
    const [one, two, shared] = order.lines;
    const byItem = await putSplit(a, order.id, {
      kind: 'item',
      parts: [{ items: [{ lineId: one!.id, quantity: 1 }, { lineId: two!.id, quantity: 1 }] }, { items: [{ lineId: two!.id, quantity: 1 }, { lineId: shared!.id, quantity: 1 }] }],
    });
    expect(byItem).toMatchObject({ status: 200, body: { parts: [{ label: 'Part 1', amount: 200 }, { label: 'Part 2', amount: 300 }] } });
    const equal = await putSplit(a, order.id, { kind: 'equal', shares: 3 });
    expect(equal.body.parts.map((p: { amount: number }) => p.amount)).toEqual([167, 167, 166]);
  });

  it('refuses bad plans with a 422 naming the field, and seats on a takeaway order', async () => {
    const order = await dineIn();
    expect(await putSplit(a, order.id, { kind: 'equal', shares: 1 })).toMatchObject({ status: 422, body: { error: { details: [{ path: 'shares' }] } } });
    expect(await putSplit(a, order.id, { kind: 'halves' })).toMatchObject({ status: 422 });
    expect(await putSplit(a, order.id, { kind: 'item', parts: [{ items: [{ lineId: order.lines[0]!.id, quantity: 1 }] }, { items: [{ lineId: order.lines[1]!.id, quantity: 2 }] }] })).toMatchObject({
      status: 422,
      body: { error: { message: 'Every item of the order must be in exactly one part' } },
    });
    const takeaway = await json(
      await orders.POST(await apiRequest('POST', '/api/v1/orders', { ...as(a), body: { type: 'takeaway', lines: [{ variantId: soup, quantity: 1, seat: 1 }] } }), noParams),
    );
    expect(takeaway).toMatchObject({ status: 422, body: { error: { details: [{ path: 'lines.0.seat', message: 'Only dine-in lines have a seat' }] } } });
  });

  it('honours Idempotency-Key: a replay answers the same plan, another body under the key is 422', async () => {
    const order = await dineIn();
    const first = await putSplit(a, order.id, { kind: 'seat' }, { 'idempotency-key': `split-${order.id}` });
    const replay = await putSplit(a, order.id, { kind: 'seat' }, { 'idempotency-key': `split-${order.id}` });
    expect(replay.body.parts.map((p: { id: string }) => p.id)).toEqual(first.body.parts.map((p: { id: string }) => p.id));
    expect((await putSplit(a, order.id, { kind: 'equal', shares: 2 }, { 'idempotency-key': `split-${order.id}` })).status).toBe(422);
  });

  it('is not found from another tenant, for the plan, the payment of a part and its receipt', async () => {
    const order = await dineIn();
    const plan = await putSplit(a, order.id, { kind: 'seat' });
    const partId = plan.body.parts[0].id;
    expect(await putSplit(b, order.id, { kind: 'equal', shares: 2 })).toMatchObject({ status: 404 });
    expect(await json(await split.DELETE(await apiRequest('DELETE', `/api/v1/orders/${order.id}/split`, as(b)), segment({ id: order.id })))).toMatchObject({ status: 404 });
    expect(await pay(b, order.id, { tender: 'cash', tendered: 200, partId })).toMatchObject({ status: 404 });
    const receiptB = await receipt.GET(await apiRequest('GET', `/api/v1/orders/${order.id}/receipt?part=${partId}`, as(b)), segment({ id: order.id }));
    expect(receiptB.status).toBe(404);
    // B's own order cannot be paid through A's part either.
    const item = (await createStockedProduct(b, { trackStock: false })).variants[0]!.id;
    const own = await json(await orders.POST(await apiRequest('POST', '/api/v1/orders', { ...as(b), body: { type: 'takeaway', lines: [{ variantId: item, quantity: 1 }] } }), noParams));
    expect(await pay(b, own.body.id, { tender: 'cash', tendered: 100, partId })).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect((await putSplit(a, order.id, { kind: 'seat' })).body.parts[0].paidTotal).toBe(0);
  });
});

describe('paying the parts', () => {
  it('never takes more than a part’s balance, and the order is paid when all parts are — with a cash tip and a card', async () => {
    const shift = await openShift(contextOf(a, a.cashier), { registerName: `Bar ${Date.now()}`, openingFloat: 1_000 });
    const order = await dineIn({ shiftId: shift.id });
    const [seat1] = (await putSplit(a, order.id, { kind: 'seat' })).body.parts as { id: string; amount: number }[];

    expect(await pay(a, order.id, { tender: 'cash', amount: 201, tendered: 500, partId: seat1!.id, shiftId: shift.id })).toMatchObject({
      status: 422,
      body: { error: { details: [{ path: 'amount' }] } },
    });
    expect(await pay(a, order.id, { tender: 'cash', amount: 200, tip: 50, tendered: 240, partId: seat1!.id, shiftId: shift.id })).toMatchObject({
      status: 422,
      body: { error: { details: [{ path: 'tendered' }] } },
    });

    // Seat 1: 2.00 cash with a 0.50 tip out of 3.00 handed over (0.50 change).
    const cash = await pay(a, order.id, { tender: 'cash', tip: 50, tendered: 300, partId: seat1!.id, shiftId: shift.id });
    expect(cash).toMatchObject({ status: 201, body: { payment: { amount: 200, tip: 50, changeGiven: 50, partId: seat1!.id }, order: { status: 'partially_paid', paidTotal: 200 } } });
    expect(cash.body.order.parts.map((p: { balanceDue: number }) => p.balanceDue)).toEqual([0, 300]);
    expect(await pay(a, order.id, { tender: 'cash', tendered: 100, partId: seat1!.id, shiftId: shift.id })).toMatchObject({ status: 409, body: { error: { message: 'Seat 1 is already paid' } } });

    // The paid part cannot be split away; the same seats again keep it.
    expect(await putSplit(a, order.id, { kind: 'equal', shares: 2 })).toMatchObject({ status: 409 });
    const again = await putSplit(a, order.id, { kind: 'seat' });
    expect(again.body.parts.map((p: { id: string; paidTotal: number }) => [p.id === seat1!.id, p.paidTotal])).toEqual([[true, 200], [false, 0]]);
    const seat2Now = again.body.parts[1].id as string;

    // Seat 2: the card, in two steps (a split tender within the part), the second with a tip.
    expect(await pay(a, order.id, { tender: 'card', amount: 100, source: 'tok_visa', partId: seat2Now, shiftId: shift.id })).toMatchObject({ status: 201 });
    const card = await pay(a, order.id, { tender: 'card', tip: 30, source: 'tok_visa', partId: seat2Now, shiftId: shift.id });
    expect(card).toMatchObject({ status: 201, body: { payment: { amount: 200, tip: 30 }, order: { status: 'completed', paidTotal: order.total, balanceDue: 0, tipTotal: 80 } } });
    const captured = card.body.order.payments.filter((p: { status: string }) => p.status === 'captured');
    expect(captured.reduce((s: number, p: { amount: number }) => s + p.amount, 0)).toBe(order.total);
    // The card service charged the tip with the card.
    const cards = captured.filter((p: { tender: string }) => p.tender === 'card') as { id: string; gatewayPaymentId: string }[];
    const charged = gateway.ledger().filter((e) => e.type === 'capture' && cards.some((c) => c.id === e.idempotencyKey));
    expect(charged.map((e) => e.amount).sort()).toEqual([100, 230]);

    // Receipts: one per part (its items and tenders), and the whole order.
    const seatReceipt = await (await receipt.GET(await apiRequest('GET', `/api/v1/orders/${order.id}/receipt?part=${seat1!.id}`, as(a)), segment({ id: order.id }))).text();
    expect(seatReceipt).toContain('Seat 1 · split bill');
    expect(seatReceipt).toContain('Shared 1/2');
    expect(seatReceipt).toMatch(/Tip<\/span><span>\$0\.50/);
    expect(seatReceipt).not.toContain('$2.30');
    const whole = await (await receipt.GET(await apiRequest('GET', `/api/v1/orders/${order.id}/receipt`, as(a)), segment({ id: order.id }))).text();
    expect(whole).toContain('Split bill');
    expect(whole).toContain('$5.00');

    // The X report: tips outside sales, cash tips in the drawer, per staff member who served.
    const report = await json(await shiftReport.GET(await apiRequest('GET', `/api/v1/shifts/${shift.id}/report`, as(a)), segment({ id: shift.id })));
    expect(report.body).toMatchObject({
      orders: { total: 500 },
      tips: { total: 80, cash: 50, card: 30, byStaff: [{ staffId: a.cashier.id, name: a.cashier.name, amount: 80 }] },
      expectedCash: 1_000 + 200 + 50,
    });
    expect(report.body.byTender).toEqual([
      { tender: 'cash', taken: 200, refunded: 0, net: 200, count: 1, tips: 50 },
      { tender: 'card', taken: 300, refunded: 0, net: 300, count: 2, tips: 30 },
    ]);

    // A refund of everything gives back what the order cost, never the tips.
    const refund = await json(
      await refunds.POST(
        await apiRequest('POST', `/api/v1/orders/${order.id}/refunds`, { ...as(a, a.manager), body: { reason: 'Cold soup', restock: false, lines: card.body.order.lines.map((l: { id: string; quantity: number }) => ({ lineId: l.id, quantity: l.quantity })) } }),
        segment({ id: order.id }),
      ),
    );
    expect(refund).toMatchObject({ status: 201, body: { refund: { amount: 500, status: 'settled' } } });
    const back = gateway.ledger().filter((e) => e.type === 'refund' && cards.some((c) => c.gatewayPaymentId === e.paymentId));
    expect(back.map((e) => e.amount).sort()).toEqual([100, 200]);
    expect(refund.body.order.payments.map((p: { tender: string; refundedAmount: number; tip: number }) => [p.tender, p.refundedAmount, p.tip])).toEqual([
      ['cash', 200, 50],
      ['card', 100, 0],
      ['card', 200, 30],
    ]);
  });

  it('still takes an order-level payment with no part, and refuses a split once the whole order took money', async () => {
    const order = await dineIn();
    await putSplit(a, order.id, { kind: 'equal', shares: 2 });
    const whole = await pay(a, order.id, { tender: 'cash', tendered: 1_000 });
    expect(whole).toMatchObject({ status: 201, body: { order: { status: 'completed', paidTotal: 500 }, payment: { partId: null, changeGiven: 500 } } });

    const other = await dineIn();
    await pay(a, other.id, { tender: 'cash', amount: 100, tendered: 100 });
    expect(await putSplit(a, other.id, { kind: 'seat' })).toMatchObject({ status: 409, body: { error: { message: 'Money was already taken on the whole order; take the rest as a whole too' } } });
  });
});
