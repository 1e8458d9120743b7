import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orders as ordersTable } from '@/db/schema/orders';
import type { Gateway } from '@/gateway/server';
import type { TenantContext } from '@/lib/auth';
import { receiveStock } from '@/lib/inventory';
import { checkout, createOrderSchema, getOrder, openShift, orderSearchSchema, orderTimeline, payOrder, refundOrder, searchOrders, voidOrder } from '@/lib/orders';
import { businessDayOf } from '@/lib/platform/business-day';
import { orderConditions, orderPages } from '@/lib/orders/search';
import { withTenant } from '@/lib/platform/db';
import { createTable } from '@/lib/restaurant';
import { createStockedProduct, createTenant, mainLocation, contextOf, sessionContextOf, startGateway, type TestTenant } from '../helpers';

/**
 * The admin order search (lib/orders/search.ts): each filter, paging, business days in the
 * tenant's time zone (New York here: DST), tenders of split payments, the keyset pages the
 * export reads, the order timeline, and another tenant seeing none of it.
 */
let gateway: Gateway;
let t: TestTenant;
let other: TestTenant;
let manager: TenantContext;
let cashier: TenantContext;
let item: string;
let table: string;

const search = (ctx: TenantContext, query: Record<string, unknown> = {}) => searchOrders(ctx, orderSearchSchema.parse({ limit: 200, ...query }));
const ids = (found: { data: { id: string }[] }) => found.data.map((o) => o.id).sort();

/** Moves an order to another moment (orders are rung up "now"; the search is about when). */
const placeAt = (orderId: string, at: string) => withTenant(t.tenant.id, (tx) => tx.update(ordersTable).set({ createdAt: sql`${at}::timestamptz` }).where(eq(ordersTable.id, orderId)));

async function ring(ctx: TenantContext, quantity: number, extra: Record<string, unknown> = {}) {
  const { order } = await checkout(ctx, createOrderSchema.parse({ type: 'takeaway', lines: [{ variantId: item, quantity }], ...extra }));
  return order;
}

// The orders every test below searches (item price 1.00 USD; amounts in cents).
let cashOnly: { id: string; number: number };
let cardOnly: { id: string };
let split: { id: string };
let unpaid: { id: string };
let voided: { id: string };
let dineIn: { id: string };
let byCashier: { id: string };
let lateNight: { id: string };
let nextMorning: { id: string };

beforeAll(async () => {
  gateway = await startGateway();
  [t, other] = await Promise.all([createTenant({ timeZone: 'America/New_York' }), createTenant()]);
  [manager, cashier] = await Promise.all([sessionContextOf(t, t.manager), sessionContextOf(t, t.cashier)]);
  const location = await mainLocation(t);
  item = (await createStockedProduct(t, { name: 'Bagel' })).variants[0]!.id;
  await receiveStock(contextOf(t), { locationId: location, supplier: null, note: null, lines: [{ variantId: item, quantity: 500 }] });
  table = (await createTable(contextOf(t), { name: 'T7', seats: 4, area: 'Main', position: 0 })).id;

  cashOnly = await ring(manager, 1, { payments: [{ tender: 'cash', tendered: 100 }] });
  cardOnly = await ring(manager, 2, { payments: [{ tender: 'card', source: 'tok_visa' }] });
  split = await ring(manager, 3, { payments: [{ tender: 'cash', amount: 100, tendered: 100 }, { tender: 'card', source: 'tok_visa' }] });
  unpaid = await ring(manager, 4);
  voided = await ring(manager, 5);
  await voidOrder(manager, voided.id, { reason: 'Customer left', approval: null });
  dineIn = await ring(manager, 6, { type: 'dine_in', tableId: table, covers: 2, payments: [{ tender: 'cash', tendered: 600 }] });
  byCashier = await ring(cashier, 7, { payments: [{ tender: 'cash', tendered: 700 }] });
  // Business-day edges in New York: the last microsecond of 2025-03-08 and the first moment of
  // 2025-03-09 (the day the clocks go forward: 23 hours long).
  lateNight = await ring(manager, 8, { payments: [{ tender: 'cash', tendered: 800 }] });
  nextMorning = await ring(manager, 9, { payments: [{ tender: 'cash', tendered: 900 }] });
  await placeAt(lateNight.id, '2025-03-08 23:59:59.999999-05');
  await placeAt(nextMorning.id, '2025-03-09 00:00:00-05');
  await ring(await sessionContextOf(other, other.manager), 1).catch(() => undefined); // the other business has no stock: nothing is sold there
}, 120_000);

afterAll(async () => {
  await gateway.close();
});

describe('searchOrders filters', () => {
  it('finds every order of the business, newest first, with its total count', async () => {
    const all = await search(manager);
    expect(all.total).toBe(9);
    const times = all.data.map((o) => o.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('by status (several at once)', async () => {
    expect(ids(await search(manager, { status: 'voided' }))).toEqual([voided.id]);
    expect(ids(await search(manager, { status: 'placed,voided' }))).toEqual([unpaid.id, voided.id].sort());
    expect(() => orderSearchSchema.parse({ status: 'paid,lost' })).toThrow(/Not an order status/);
  });

  it('by tender: a split order is found under cash and under card, an unpaid one under neither', async () => {
    const cash = await search(manager, { tender: 'cash' });
    const card = await search(manager, { tender: 'card' });
    expect(card.data.map((o) => o.id).sort()).toEqual([cardOnly.id, split.id].sort());
    expect(cash.data.map((o) => o.id)).toContain(split.id);
    expect(cash.data.map((o) => o.id)).toContain(cashOnly.id);
    expect(cash.data.map((o) => o.id)).not.toContain(cardOnly.id);
    expect([...cash.data, ...card.data].map((o) => o.id)).not.toContain(unpaid.id);
    expect(card.data.find((o) => o.id === split.id)!.tenders).toEqual(['cash', 'card']);
    expect(cash.data.find((o) => o.id === cashOnly.id)!.tenders).toEqual(['cash']);
    expect((await search(manager, { status: 'placed' })).data[0]!.tenders).toEqual([]);
  });

  it('by staff member and by table', async () => {
    expect(ids(await search(manager, { staff: t.cashier.id }))).toEqual([byCashier.id]);
    expect(ids(await search(manager, { table }))).toEqual([dineIn.id]);
  });

  it('by total, bounds included, in minor units', async () => {
    expect(ids(await search(manager, { min: 300, max: 500 }))).toEqual([split.id, unpaid.id, voided.id].sort());
    expect(ids(await search(manager, { min: 900 }))).toEqual([nextMorning.id]);
    expect(ids(await search(manager, { max: 100 }))).toEqual([cashOnly.id]);
    expect(() => orderSearchSchema.parse({ min: 500, max: 300 })).toThrow(/below the lowest/);
  });

  it('by order number', async () => {
    const found = await search(manager, { number: cashOnly.number });
    expect(found.data.map((o) => o.id)).toContain(cashOnly.id);
    expect(found.data.every((o) => o.number === cashOnly.number)).toBe(true);
  });

  it('ignores empty fields as a form sends them, and refuses a range that ends before it starts', () => {
    expect(orderSearchSchema.parse({ from: '', to: '', tender: '', staff: '', min: '', number: '' })).toEqual({ activity: 'sold', skip: 0, limit: 25 });
    expect(() => orderSearchSchema.parse({ from: '2026-03-08', to: '2026-03-07' })).toThrow(/before the start/);
    expect(() => orderSearchSchema.parse({ from: '2026-02-30' })).toThrow(/like 2026-11-25/);
  });
});

describe('business days', () => {
  it('puts the last microsecond of a day in that day and midnight in the next, in the tenant’s time zone', async () => {
    expect(ids(await search(manager, { from: '2025-03-08', to: '2025-03-08' }))).toEqual([lateNight.id]);
    expect(ids(await search(manager, { from: '2025-03-09', to: '2025-03-09' }))).toEqual([nextMorning.id]);
    expect(ids(await search(manager, { from: '2025-03-08', to: '2025-03-09' }))).toEqual([lateNight.id, nextMorning.id].sort());
    // Open-ended: everything up to the 8th, everything since the 9th.
    expect(ids(await search(manager, { to: '2025-03-08' }))).toEqual([lateNight.id]);
    expect((await search(manager, { from: '2025-03-09' })).total).toBe(8);
  });

  it('is not the UTC day: 23:59 in New York is already the next day in UTC', async () => {
    // 2025-03-08 23:59:59 -05 is 2025-03-09 04:59:59 UTC; a UTC tenant would file it under the 9th.
    const utcDay = await search(manager, { from: '2025-03-09', to: '2025-03-09' });
    expect(utcDay.data.map((o) => o.id)).not.toContain(lateNight.id);
  });
});

describe('paging', () => {
  it('pages newest first without gaps or repeats, each page with the total', async () => {
    const pages = [0, 4, 8].map((skip) => search(manager, { skip, limit: 4 }));
    const [first, second, third] = await Promise.all(pages);
    expect([first!.total, second!.total, third!.total]).toEqual([9, 9, 9]);
    expect([first!.data.length, second!.data.length, third!.data.length]).toEqual([4, 4, 1]);
    const seen = [...first!.data, ...second!.data, ...third!.data].map((o) => o.id);
    expect(new Set(seen).size).toBe(9);
    expect(seen.sort()).toEqual(ids(await search(manager)));
    expect((await search(manager, { skip: 50, limit: 4 })).data).toEqual([]);
  });

  it('keyset pages (the export) visit every order once, even with equal times to the microsecond', async () => {
    const same = [cashOnly.id, cardOnly.id, split.id, unpaid.id];
    await withTenant(t.tenant.id, (tx) => tx.update(ordersTable).set({ createdAt: sql`'2025-01-02 10:00:00.123456+00'::timestamptz` }).where(inArray(ordersTable.id, same)));
    const visited: string[] = [];
    for await (const page of orderPages(t.tenant.id, orderConditions({}), 2, async (_tx, rows) => rows.map((r) => r.id))) {
      visited.push(...page);
      if (visited.length > 50) break; // a cursor that loses the microseconds would go round for ever
    }
    expect(visited).toHaveLength(9);
    expect([...visited].sort()).toEqual(ids(await search(manager)));
    // Oldest first: the four of January 2nd (in id order), then March 8th and 9th, then today's.
    expect(visited.slice(0, 4)).toEqual([...same].sort());
    expect(visited.slice(4, 6)).toEqual([lateNight.id, nextMorning.id]);
  });
});

describe('timeline', () => {
  it('tells an order’s story from the outbox, in the order it happened', async () => {
    const line = (await getOrder({ tenantId: t.tenant.id }, split.id)).lines[0]!.id;
    await refundOrder(manager, split.id, { reason: 'Cold bagel', restock: true, lines: [{ lineId: line, quantity: 1 }], approval: null });
    const events = await orderTimeline(manager, split.id);
    expect(events.map((e) => e.type)).toEqual(['OrderPlaced', 'PaymentCaptured', 'PaymentCaptured', 'OrderPaid', 'OrderRefunded']);
    expect(events.filter((e) => e.type === 'PaymentCaptured').map((e) => (e.payload as { tender: string }).tender)).toEqual(['cash', 'card']);
    expect((await orderTimeline(manager, voided.id)).map((e) => e.type)).toEqual(['OrderPlaced', 'OrderVoided']);
  });
});

describe('who refunded or voided, and what went through a drawer (the alerts link here)', () => {
  const today = () => businessDayOf(new Date(), { timeZone: 'America/New_York', dayStartsAt: '00:00' }).date;
  let drawer: string;
  let rungOnShift: { id: string };

  beforeAll(async () => {
    // The owner refunds March 8th's late-night order today.
    const line = (await getOrder({ tenantId: t.tenant.id }, lateNight.id)).lines[0]!.id;
    await refundOrder(contextOf(t), lateNight.id, { reason: 'Stale', restock: false, lines: [{ lineId: line, quantity: 1 }], approval: null });
    // A shift's drawer: a card order rung up on it, and the unpaid order (rung up with no shift) paid into it in cash.
    drawer = (await openShift(manager, { registerName: 'Till 9', openingFloat: 0 })).id;
    rungOnShift = await ring(manager, 1, { shiftId: drawer, payments: [{ tender: 'card', source: 'tok_visa' }] });
    await payOrder(manager, unpaid.id, { tender: 'cash', tendered: 400 }, drawer);
  });

  it('refunded: the days and the person are those of the refund, not of the sale', async () => {
    expect(ids(await search(manager, { activity: 'refunded', staff: t.owner.id }))).toEqual([lateNight.id]);
    expect(ids(await search(manager, { activity: 'refunded', staff: t.owner.id, from: today(), to: today() }))).toEqual([lateNight.id]);
    expect(ids(await search(manager, { activity: 'refunded', staff: t.owner.id, to: '2025-03-08' }))).toEqual([]);
    expect(ids(await search(manager, { from: today(), to: today() }))).not.toContain(lateNight.id); // sold on the 8th
    expect(ids(await search(manager, { activity: 'refunded', staff: t.cashier.id }))).toEqual([]);
    // Anyone's refunds: the manager's of the split order (timeline) too.
    expect(ids(await search(manager, { activity: 'refunded' }))).toEqual([lateNight.id, split.id].sort());
  });

  it('voided: by whom and when', async () => {
    expect(ids(await search(manager, { activity: 'voided', staff: t.manager.id, from: today(), to: today() }))).toEqual([voided.id]);
    expect(ids(await search(manager, { activity: 'voided', staff: t.owner.id }))).toEqual([]);
    expect(ids(await search(manager, { activity: 'voided', to: '2025-03-09' }))).toEqual([]);
    expect(() => orderSearchSchema.parse({ activity: 'stolen' })).toThrow(/sold, refunded or voided/);
  });

  it("a shift: orders rung up on it and orders whose money went through its drawer", async () => {
    expect(ids(await search(manager, { shift: drawer }))).toEqual([rungOnShift.id, unpaid.id].sort());
    expect(ids(await search(manager, { shift: drawer, tender: 'cash' }))).toEqual([unpaid.id]);
  });
});

describe('another business', () => {
  it('finds none of this business’s orders, whatever it filters by', async () => {
    const them = await sessionContextOf(other, other.manager);
    expect(await search(them)).toMatchObject({ total: 0, data: [] });
    expect((await search(them, { staff: t.manager.id, table, tender: 'cash' })).total).toBe(0);
    expect((await search(them, { activity: 'refunded' })).total).toBe(0);
    const [theirShift] = await withTenant(t.tenant.id, (tx) => tx.select({ id: ordersTable.shiftId }).from(ordersTable).where(sql`shift_id is not null`).limit(1));
    expect((await search(them, { shift: theirShift!.id! })).total).toBe(0);
    expect(await orderTimeline(them, split.id)).toEqual([]);
  });
});
