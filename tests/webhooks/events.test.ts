import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '@/gateway/server';
import type { TenantContext } from '@/lib/auth';
import { dispatchPending } from '@/lib/events';
import { receiveStock, setLowStockThreshold } from '@/lib/inventory';
import { closeShift, createOrder, createOrderSchema, getOrder, mergeOrder, moveOrder, openShift, payOrder, refundOrder, startTab, voidOrder } from '@/lib/orders';
import { createTable, setSoldOut } from '@/lib/restaurant';
import { createEndpoint, deliverDue, verifyWebhook, WEBHOOK_EVENT_TYPES, webhookEndpointInputSchema, type WebhookEnvelope } from '@/lib/webhooks';
import { createStockedProduct, createTenant, mainLocation, sessionContextOf, startGateway, type TestTenant } from '../helpers';
import { allowHosts, startReceiver } from './receiver';

/**
 * Every public event type (WEBHOOK_EVENTS) is sent by the flow that owns it — retail, restaurant,
 * stock and shifts alike — to a real receiver, signed: one business day run through the modules,
 * and at the end the types received are exactly the types offered. A type added to the table
 * without a flow that sends it fails here (docs/api.md › Issue 17 coverage).
 */
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let gateway: Gateway;
let t: TestTenant;
let ctx: TenantContext;
let secret: string;
let got: WebhookEnvelope[] = [];
/** The ids the flows made, to find them in the events. */
let made: Record<string, string> = {};

const tag = Date.now().toString(36);
const sale = (variantId: string, quantity: number, extra: Record<string, unknown> = {}) =>
  createOrder(ctx, createOrderSchema.parse({ type: 'takeaway', lines: [{ variantId, quantity }], ...extra }));
const of = (type: string) => got.filter((e) => e.type === type);

beforeAll(async () => {
  receiver = await startReceiver();
  allowHosts(`127.0.0.1:${receiver.port}`);
  gateway = await startGateway();
  t = await createTenant({ currency: 'USD' });
  const location = await mainLocation(t);
  ctx = await sessionContextOf(t, t.owner);
  const endpoint = await createEndpoint(ctx, webhookEndpointInputSchema.parse({ url: receiver.url('/all'), eventTypes: WEBHOOK_EVENT_TYPES }));
  secret = endpoint.secret;

  // Stock: 3 in, low at 2 — one sold crosses the threshold, two more empty the shelf.
  const soup = await createStockedProduct(t, { name: `Soup ${tag}` });
  const variantId = soup.variants[0]!.id;
  await receiveStock(ctx, { locationId: location, supplier: null, note: null, lines: [{ variantId, quantity: 3 }] });
  await setLowStockThreshold(ctx, { locationId: location, variantId, lowStockThreshold: 2 });
  const first = await sale(variantId, 1);
  await payOrder(ctx, first, { tender: 'cash', tendered: 1000 });
  await payOrder(ctx, await sale(variantId, 2), { tender: 'cash', tendered: 1000 });
  // Money back for the first, and a sale left unpaid then voided.
  const line = (await getOrder(ctx, first)).lines[0]!;
  await refundOrder(ctx, first, { reason: 'Cold', restock: false, lines: [{ lineId: line.id, quantity: 1 }], approval: null });
  const loose = await createStockedProduct(t, { name: `Tea ${tag}`, trackStock: false });
  await voidOrder(ctx, await sale(loose.variants[0]!.id, 1), { reason: 'Mistake', approval: null });
  // A declined card.
  await expect(payOrder(ctx, await sale(loose.variants[0]!.id, 1), { tender: 'card', source: 'tok_insufficient_funds' })).rejects.toMatchObject({ code: 'payment_declined' });

  // The floor: seat a tab, move it, merge another into it; 86 an item; a shift opens and closes.
  const [t1, t2, t3] = await Promise.all(['A', 'B', 'C'].map((n, i) => createTable(ctx, { name: `${n}${tag}`, seats: 4, area: 'Main', position: 90 + i })));
  const tab = await startTab(ctx, { tableId: t1!.id, covers: 2, shiftId: null });
  await moveOrder(ctx, tab.id, { tableId: t2!.id });
  const other = await startTab(ctx, { tableId: t3!.id, covers: 1, shiftId: null });
  await mergeOrder(ctx, tab.id, { orderId: other.id });
  await setSoldOut(ctx, loose.id, true);
  const shift = await openShift(ctx, { registerName: `Events till ${tag}`, openingFloat: 5000 });
  await closeShift(ctx, shift.id, 5000);

  for (let round = 0; round < 5; round++) await dispatchPending();
  while ((await deliverDue()) > 0);
  got = receiver.received.filter((r) => r.url === '/all').map((r) => {
    expect(verifyWebhook({ secret, header: r.headers['tillwise-signature'] as string, body: r.body }), r.body).toMatchObject({ ok: true });
    return JSON.parse(r.body) as WebhookEnvelope;
  });
  made = { variantId, location, first, t1: t1!.id, t2: t2!.id, t3: t3!.id, tab: tab.id, other: other.id, product: loose.id, shift: shift.id };
}, 120_000);

afterAll(async () => {
  allowHosts(undefined);
  await receiver.close();
  await gateway.close();
});

describe('every public event type is sent by a real flow', () => {
  it('the types received are exactly the types offered', () => {
    expect([...new Set(got.map((e) => e.type))].sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
  });

  it('stock: stock.low on crossing the threshold, stock.out at zero', () => {
    const { variantId, location } = made;
    expect(of('stock.low').map((e) => e.data)).toEqual([{ locationId: location, variantId, quantity: 2, threshold: 2 }]);
    expect(of('stock.out').map((e) => e.data)).toEqual([{ locationId: location, variantId, quantity: 0 }]);
    expect(of('stock.changed').map((e) => e.data.delta)).toEqual(expect.arrayContaining([3, -1, -2]));
  });

  it('orders: refunded, voided, and the card declined', () => {
    expect(of('order.refunded').map((e) => e.data)).toEqual([expect.objectContaining({ orderId: made.first, amount: 100, restocked: false })]);
    expect(of('order.voided').map((e) => e.data)).toEqual([expect.objectContaining({ reason: 'Mistake' })]);
    expect(of('payment.failed').map((e) => e.data)).toEqual([expect.objectContaining({ code: 'insufficient_funds' })]);
    expect(of('payment.captured').map((e) => e.data.tender)).toEqual(['cash', 'cash']);
  });

  it('restaurant: a table seated, the tab moved and merged, an item 86’d', () => {
    const { t1, t2, t3, tab, other, product } = made;
    expect(of('table.status_changed').map((e) => e.data)).toEqual(expect.arrayContaining([{ tableId: t1, status: 'occupied', covers: 2 }, { tableId: t3, status: 'occupied', covers: 1 }]));
    expect(of('order.moved').map((e) => e.data)).toEqual([expect.objectContaining({ orderId: tab, fromTableId: t1, toTableId: t2 })]);
    expect(of('order.merged').map((e) => e.data)).toEqual([expect.objectContaining({ orderId: other, intoOrderId: tab })]);
    expect(of('item.availability_changed').map((e) => e.data)).toEqual([{ productId: product, soldOut: true }]);
  });

  it('shifts: opened and closed', () => {
    expect(of('shift.opened').map((e) => e.data.shiftId)).toEqual([made.shift]);
    expect(of('shift.closed').map((e) => e.data)).toEqual([expect.objectContaining({ shiftId: made.shift, countedCash: 5000, difference: 0 })]);
  });
});
