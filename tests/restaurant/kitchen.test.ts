import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { outboxEvents } from '@/db/schema/events';
import type { TenantContext } from '@/lib/auth';
import { categoryService, createProduct, modifierGroupService, productInputSchema } from '@/lib/catalog';
import { dispatchPending, type DomainEvent } from '@/lib/events';
import { createOrder, createOrderSchema, placeOrder, voidOrder } from '@/lib/orders';
import { withTenant } from '@/lib/platform/db';
import {
  bumpTicket,
  createStation,
  createTable,
  deleteStation,
  lastBumpedTicket,
  listRoutes,
  listStations,
  openTicketCounts,
  openTickets,
  recallLastTicket,
  setCategoryRoutes,
  setProductRoute,
  stationsOf,
  tableInputSchema,
  updateStation,
  type KitchenStation,
} from '@/lib/restaurant';
import { fireTickets } from '@/lib/restaurant/tickets';
import { theAuditRowOf } from '../audit/audit-helpers';
import { contextOf, createTenant, mainLocation, sessionContextOf, type TestTenant } from '../helpers';

/**
 * Kitchen tickets (lib/restaurant/stations.ts, tickets.ts): an order fires one ticket per station
 * its items route to (a product's route over its category's, else the default station; `none`
 * makes no ticket), once however often the event is delivered; a void marks them; bump and
 * recall; any staff member of the business uses the display, nobody else sees or bumps a ticket.
 */
let t: TestTenant;
let other: TestTenant;
let manager: TenantContext;
let cashier: TenantContext;
let kitchen: KitchenStation;
let bar: KitchenStation;
const item: Record<string, string> = {};
let oat: string;
let tableId: string;

const ticketCount = async () => [...(await openTicketCounts(manager)).values()].reduce((a, b) => a + b, 0);
const announced = async (tenantId: string) =>
  (await withTenant(tenantId, (tx) => tx.select({ payload: outboxEvents.payload }).from(outboxEvents).where(eq(outboxEvents.type, 'KitchenTicketsChanged')))).map(
    (e) => (e.payload as { stationId: string }).stationId,
  );
const placedEvent = async (tenantId: string, orderId: string) => {
  const [row] = await withTenant(tenantId, (tx) =>
    tx.select().from(outboxEvents).where(and(eq(outboxEvents.type, 'OrderPlaced'), eq(outboxEvents.orderId, orderId))),
  );
  return row as unknown as DomainEvent<'OrderPlaced'>;
};
/** A takeaway of one `name`, checked out (not paid) and its events delivered. */
const sellOne = async (ctx: TenantContext, name: string, extra: Record<string, unknown> = {}) => {
  const id = await createOrder(ctx, createOrderSchema.parse({ type: 'takeaway', lines: [{ variantId: item[name], quantity: 1 }], ...extra }));
  await dispatchPending();
  return id;
};

beforeAll(async () => {
  [t, other] = await Promise.all([createTenant(), createTenant()]);
  manager = await sessionContextOf(t, t.manager);
  cashier = await sessionContextOf(t, t.cashier);
  await mainLocation(t);
  const owner = contextOf(t);
  const noodles = await categoryService.create(owner, { name: 'Noodles', position: 0, color: null, tracksStock: null });
  const drinks = await categoryService.create(owner, { name: 'Drinks', position: 1, color: null, tracksStock: null });
  const milk = await modifierGroupService.create(owner, { name: 'Milk', minSelect: 0, maxSelect: 1, options: [{ name: 'Oat', priceDelta: 50 }] });
  oat = milk.options[0]!.id;
  const product = async (name: string, categoryId: string | null, modifierGroupIds: string[] = []) => {
    const p = await createProduct(owner, productInputSchema.parse({ name, categoryId, modifierGroupIds, trackStock: false, variants: [{ sku: name.replace(/\s/g, '-').toUpperCase(), price: 1000 }] }));
    item[name] = p.variants[0]!.id;
    item[`${name}:product`] = p.id;
  };
  await product('Mohinga', noodles.id);
  await product('Milk tea', drinks.id, [milk.id]);
  await product('Lassi', drinks.id);
  await product('Water', drinks.id);
  await product('Cake', null);
  item.noodles = noodles.id;
  item.drinks = drinks.id;
  tableId = (await createTable(owner, tableInputSchema.parse({ name: 'Window 4', seats: 4 }))).id;
});

describe('a business that has not opened its kitchen', () => {
  it('fires no tickets and has no station until one is used', async () => {
    await sellOne(manager, 'Mohinga');
    expect(await listStations(manager)).toEqual([]);
    expect(await openTicketCounts(manager)).toEqual(new Map());
  });

  it('gets a default Kitchen on first use, once', async () => {
    const [first, again] = await Promise.all([stationsOf(manager), stationsOf(cashier)]);
    expect(first).toEqual([expect.objectContaining({ name: 'Kitchen', isDefault: true })]);
    expect(again.map((s) => s.id)).toEqual(first.map((s) => s.id));
    kitchen = first[0]!;
  });
});

describe('stations and routes', () => {
  it('adds a Bar, routes drinks there, lassi back to the kitchen and water to no station, audited', async () => {
    bar = await createStation(manager, { name: 'Bar' });
    expect((await stationsOf(manager)).map((s) => [s.name, s.isDefault])).toEqual([
      ['Kitchen', true],
      ['Bar', false],
    ]);
    const row = await theAuditRowOf(t, () => setCategoryRoutes(manager, { routes: [{ categoryId: item.drinks!, station: bar.id }, { categoryId: item.noodles!, station: 'inherit' }] }));
    expect(row).toMatchObject({ action: 'kitchen_route.set', actorUserId: t.manager.id, details: { routes: [{ category: 'Drinks', from: 'inherit', to: bar.id }] } });
    await setProductRoute(manager, { productId: item['Lassi:product']!, station: kitchen.id });
    await setProductRoute(manager, { productId: item['Water:product']!, station: 'none' });
    expect(await listRoutes(manager)).toEqual(
      expect.arrayContaining([
        { kind: 'category', targetId: item.drinks, stationId: bar.id },
        { kind: 'product', targetId: item['Lassi:product'], stationId: kitchen.id },
        { kind: 'product', targetId: item['Water:product'], stationId: null },
      ]),
    );
  });

  it('refuses a duplicate name, a station of no one, and a cashier', async () => {
    await expect(createStation(manager, { name: 'Bar' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(setCategoryRoutes(manager, { routes: [{ categoryId: item.drinks!, station: crypto.randomUUID() }] })).rejects.toMatchObject({ code: 'unprocessable' });
    await expect(createStation(cashier, { name: 'Grill' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(setProductRoute(cashier, { productId: item['Cake:product']!, station: bar.id })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('placing an order', () => {
  let orderId: string;

  it('fires one ticket per station with its lines, modifiers and notes, and announces both', async () => {
    const before = (await announced(t.tenant.id)).length;
    orderId = await createOrder(
      cashier,
      createOrderSchema.parse({
        type: 'dine_in',
        tableId,
        note: 'Birthday: bring the cake last',
        lines: [
          { variantId: item.Mohinga, quantity: 2, note: 'No coriander' },
          { variantId: item['Milk tea'], quantity: 1, modifierOptionIds: [oat] },
          { variantId: item.Lassi, quantity: 1 },
          { variantId: item.Water, quantity: 3 },
          { variantId: item.Cake, quantity: 1 },
        ],
      }),
    );
    await dispatchPending();

    const onKitchen = await openTickets(cashier, kitchen.id);
    const onBar = await openTickets(cashier, bar.id);
    expect(onKitchen).toHaveLength(1);
    expect(onBar).toHaveLength(1);
    expect(onKitchen[0]).toMatchObject({ orderId, orderType: 'dine_in', tableName: 'Window 4', orderNote: 'Birthday: bring the cake last', voidedAt: null, bumpedAt: null });
    expect(onKitchen[0]!.lines.map(({ lineId: _, ...l }) => l)).toEqual([
      { name: 'Mohinga', quantity: 2, modifiers: [], note: 'No coriander', course: 1 },
      { name: 'Lassi', quantity: 1, modifiers: [], note: null, course: 1 },
      { name: 'Cake', quantity: 1, modifiers: [], note: null, course: 1 },
    ]);
    expect(onBar[0]!.lines.map(({ lineId: _, ...l }) => l)).toEqual([{ name: 'Milk tea', quantity: 1, modifiers: ['Oat'], note: null, course: 1 }]);
    expect(onBar[0]!.orderNumber).toBe(onKitchen[0]!.orderNumber);
    expect((await announced(t.tenant.id)).slice(before).sort()).toEqual([kitchen.id, bar.id].sort());
  });

  it('carries the ticket snapshot in OrderPlaced, the fields it had kept', async () => {
    const { payload } = await placedEvent(t.tenant.id, orderId);
    expect(payload).toMatchObject({ orderId, type: 'dine_in', tableId, lines: expect.any(Array) });
    expect(payload.lines[1]).toMatchObject({ variantId: item['Milk tea'], quantity: 1, productId: item['Milk tea:product'], categoryId: item.drinks, name: 'Milk tea', modifiers: ['Oat'], note: null });
  });

  it('fires nothing more when the event is delivered again', async () => {
    const before = { tickets: await ticketCount(), announced: (await announced(t.tenant.id)).length };
    const event = await placedEvent(t.tenant.id, orderId);
    await withTenant(t.tenant.id, (tx) => fireTickets(tx, event));
    await withTenant(t.tenant.id, (tx) => fireTickets(tx, event));
    await dispatchPending();
    expect(await ticketCount()).toBe(before.tickets);
    expect((await announced(t.tenant.id)).length).toBe(before.announced);
  });

  it('marks its tickets voided when the order is voided; the screen shows them so until bumped', async () => {
    await voidOrder(manager, orderId, { reason: 'Guests left', approval: null });
    await dispatchPending();
    const [ticket] = await openTickets(cashier, kitchen.id);
    expect(ticket).toMatchObject({ orderId, voidedAt: expect.any(Date) });
    expect((await openTickets(cashier, bar.id))[0]!.voidedAt).toEqual(expect.any(Date));
    for (const station of [kitchen, bar]) for (const tk of await openTickets(cashier, station.id)) await bumpTicket(cashier, tk.id);
    expect(await ticketCount()).toBe(0);
  });

  it('fires a parked order when it is checked out, not before', async () => {
    const parked = await createOrder(cashier, createOrderSchema.parse({ type: 'takeaway', park: true, customerName: 'Ko Ko', lines: [{ variantId: item.Mohinga, quantity: 1 }] }));
    await dispatchPending();
    expect(await openTickets(cashier, kitchen.id)).toEqual([]);
    await placeOrder(cashier, parked);
    await dispatchPending();
    expect(await openTickets(cashier, kitchen.id)).toEqual([expect.objectContaining({ orderId: parked, orderType: 'takeaway', customerName: 'Ko Ko', tableName: null })]);
    await bumpTicket(cashier, (await openTickets(cashier, kitchen.id))[0]!.id);
  });
});

describe('bump and recall', () => {
  it('a cashier bumps tickets off the screen (twice is no error) and recalls the last one bumped', async () => {
    const first = await sellOne(cashier, 'Mohinga');
    const second = await sellOne(cashier, 'Cake');
    const screen = await openTickets(cashier, kitchen.id);
    expect(screen.map((tk) => tk.orderId)).toEqual([first, second]); // oldest first
    await bumpTicket(cashier, screen[1]!.id);
    await bumpTicket(cashier, screen[0]!.id);
    expect(await bumpTicket(cashier, screen[0]!.id)).toMatchObject({ bumpedAt: expect.any(Date) });
    expect(await openTickets(cashier, kitchen.id)).toEqual([]);
    expect((await lastBumpedTicket(cashier, kitchen.id))?.orderId).toBe(first);

    const recalled = await recallLastTicket(cashier, kitchen.id);
    expect(recalled).toMatchObject({ orderId: first, bumpedAt: null, recalledAt: expect.any(Date) });
    expect((await openTickets(cashier, kitchen.id)).map((tk) => tk.orderId)).toEqual([first]);
    await bumpTicket(cashier, recalled.id);
  });

  it('recalls a voided order’s ticket still marked voided', async () => {
    await expect(recallLastTicket(manager, bar.id)).resolves.toMatchObject({ stationId: bar.id, voidedAt: expect.any(Date) }); // the milk tea
    await bumpTicket(manager, (await openTickets(manager, bar.id))[0]!.id);
  });

  it('says so when there is nothing to recall', async () => {
    const grill = await createStation(manager, { name: 'Grill' });
    await expect(recallLastTicket(manager, grill.id)).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('Nothing has been bumped') });
  });
});

describe('another business', () => {
  it('sees none of these stations or tickets, and cannot bump or recall them', async () => {
    const id = await sellOne(cashier, 'Mohinga');
    const [ticket] = await openTickets(cashier, kitchen.id);
    expect(ticket?.orderId).toBe(id);
    const them = await sessionContextOf(other, other.cashier);
    await expect(openTickets(them, kitchen.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(bumpTicket(them, ticket!.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(recallLastTicket(them, kitchen.id)).rejects.toMatchObject({ code: 'not_found' });
    const theirManager = await sessionContextOf(other, other.manager);
    await expect(updateStation(theirManager, kitchen.id, { name: 'Mine' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(setProductRoute(theirManager, { productId: item['Cake:product']!, station: 'none' })).rejects.toMatchObject({ code: 'not_found' });
    expect(await openTicketCounts(them)).toEqual(new Map());
    expect((await openTickets(cashier, kitchen.id)).map((tk) => tk.bumpedAt)).toEqual([null]);
    await bumpTicket(cashier, ticket!.id);
  });
});

describe('changing stations', () => {
  it('moves the default, refuses to remove it or a station with tickets on screen, and removing one sends its items to the default', async () => {
    await updateStation(manager, bar.id, { isDefault: true });
    expect((await listStations(manager)).filter((s) => s.isDefault).map((s) => s.name)).toEqual(['Bar']);
    await expect(deleteStation(manager, bar.id)).rejects.toMatchObject({ code: 'conflict' });
    await updateStation(manager, kitchen.id, { isDefault: true });

    await sellOne(cashier, 'Milk tea');
    await expect(deleteStation(manager, bar.id)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('bump them first') });
    await bumpTicket(cashier, (await openTickets(cashier, bar.id))[0]!.id);
    const row = await theAuditRowOf(t, () => deleteStation(manager, bar.id));
    expect(row).toMatchObject({ action: 'station.deleted', details: { name: 'Bar' } });
    expect((await listRoutes(manager)).some((r) => r.stationId === bar.id)).toBe(false);

    const tea = await sellOne(cashier, 'Milk tea');
    expect((await openTickets(cashier, kitchen.id)).map((tk) => tk.orderId)).toEqual([tea]);
    await bumpTicket(cashier, (await openTickets(cashier, kitchen.id))[0]!.id);
  });
});
