import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as approvals from '@/app/api/v1/approvals/route';
import * as cancel from '@/app/api/v1/orders/[id]/cancel/route';
import * as fire from '@/app/api/v1/orders/[id]/fire/route';
import * as merge from '@/app/api/v1/orders/[id]/merge/route';
import * as move from '@/app/api/v1/orders/[id]/move/route';
import * as orderItem from '@/app/api/v1/orders/[id]/route';
import * as orders from '@/app/api/v1/orders/route';
import * as tabs from '@/app/api/v1/orders/tabs/route';
import { auditEvents } from '@/db/schema/platform';
import { outboxEvents } from '@/db/schema/events';
import { categoryService, createProduct, productInputSchema } from '@/lib/catalog';
import { dispatchPending } from '@/lib/events';
import { placeOrder, voidFacts } from '@/lib/orders';
import { withTenant } from '@/lib/platform/db';
import { createTable, listTables, openTickets, stationsOf, tableInputSchema, type KitchenTicket } from '@/lib/restaurant';
import { apiRequest, contextOf, createTenant, json, mainLocation, noParams, segment, sessionTokenFor, type TestStaff, type TestTenant } from '../helpers';

/**
 * The floor's tabs (lib/orders/tabs.ts, firing.ts): seat & start, one open tab per table, send
 * and fire by course without checking out, changes after firing as VOID lines, move and merge —
 * each through its route, with Idempotency-Key, audit rows and another business kept out.
 */
let a: TestTenant;
let b: TestTenant;
const item: Record<string, string> = {};
const table: Record<string, string> = {};
let bTable: string;

const call = async (handler: typeof fire.POST, t: TestTenant, as: TestStaff, path: string, id: string, body: unknown, headers?: Record<string, string>) =>
  json(await handler(await apiRequest('POST', path, { host: t.tenant, as, body, headers }), segment({ id })));
const start = async (t: TestTenant, tableId: string, covers = 2, headers?: Record<string, string>) =>
  json(await tabs.POST(await apiRequest('POST', '/api/v1/orders/tabs', { host: t.tenant, as: t.cashier, body: { tableId, covers }, headers }), noParams));
const put = async (t: TestTenant, id: string, body: unknown, as: TestStaff | string = t.cashier) =>
  json(await orderItem.PUT(await apiRequest('PUT', `/api/v1/orders/${id}`, { host: t.tenant, as, body }), segment({ id })));
const send = (t: TestTenant, id: string, body: unknown = {}, headers?: Record<string, string>) => call(fire.POST, t, t.cashier, `/api/v1/orders/${id}/fire`, id, body, headers);
const tableStatus = async (t: TestTenant, id: string) => (await listTables(contextOf(t))).find((x) => x.id === id)!;
const dineIn = (tableId: string, lines: unknown[]) => ({ type: 'dine_in', tableId, lines });

let kitchen: string;
const screen = async (): Promise<KitchenTicket[]> => {
  await dispatchPending();
  return openTickets(contextOf(a), kitchen);
};
const linesOf = (tickets: KitchenTicket[]) => tickets.flatMap((t) => t.lines.map((l) => `${l.voided ? 'VOID ' : ''}${l.quantity}× ${l.name} (c${l.course})`));

beforeAll(async () => {
  [a, b] = await Promise.all([createTenant(), createTenant()]);
  await Promise.all([mainLocation(a), mainLocation(b)]);
  const owner = contextOf(a);
  const food = await categoryService.create(owner, { name: 'Food', position: 0, color: null, tracksStock: null });
  for (const [name, price] of [
    ['Mohinga', 1500],
    ['Tea leaf salad', 2000],
    ['Curry', 4000],
  ] as const) {
    const p = await createProduct(owner, productInputSchema.parse({ name, categoryId: food.id, trackStock: false, variants: [{ sku: name.toUpperCase().replace(/ /g, '-'), price }] }));
    item[name] = p.variants[0]!.id;
  }
  for (const name of ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10']) table[name] = (await createTable(owner, tableInputSchema.parse({ name, seats: 4 }))).id;
  bTable = (await createTable(contextOf(b), tableInputSchema.parse({ name: 'B1', seats: 2 }))).id;
  kitchen = (await stationsOf(owner))[0]!.id;
});

describe('seat & start, one tab per table', () => {
  it('starts an empty dine-in tab, occupies the table, and lists it as the table’s tab', async () => {
    const res = await start(a, table.T1!, 3);
    expect(res).toMatchObject({ status: 201, body: { status: 'open', type: 'dine_in', tableId: table.T1, covers: 3, total: 0, lines: [] } });
    expect(await tableStatus(a, table.T1!)).toMatchObject({ status: 'occupied', covers: 3 });
    const list = await json(await tabs.GET(await apiRequest('GET', '/api/v1/orders/tabs', { host: a.tenant, as: a.cashier }), noParams));
    expect(list.body.data).toEqual([expect.objectContaining({ orderId: res.body.id, tableId: table.T1, number: res.body.number, total: 0 })]);
  });

  it('refuses a second open order on the table with 409 naming the open one (seat, park or move it there)', async () => {
    const [first] = (await json(await tabs.GET(await apiRequest('GET', '/api/v1/orders/tabs', { host: a.tenant, as: a.cashier }), noParams))).body.data;
    const again = await start(a, table.T1!);
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'conflict', message: expect.stringContaining(`open order #${first.number}`) } } });
    const parked = await json(await orders.POST(await apiRequest('POST', '/api/v1/orders', { host: a.tenant, as: a.cashier, body: { ...dineIn(table.T1!, [{ variantId: item.Mohinga, quantity: 1 }]), park: true } }), noParams));
    expect(parked.status).toBe(409);
    const other = await json(await orders.POST(await apiRequest('POST', '/api/v1/orders', { host: a.tenant, as: a.cashier, body: { ...dineIn(table.T6!, [{ variantId: item.Mohinga, quantity: 1 }]), park: true } }), noParams));
    expect((await put(a, other.body.id, dineIn(table.T1!, [{ variantId: item.Mohinga, quantity: 1 }]))).status).toBe(409);
    expect((await tableStatus(a, table.T6!)).status).toBe('occupied');
  });

  it('refuses checking out an empty tab and another business’s table', async () => {
    const [tab] = (await json(await tabs.GET(await apiRequest('GET', '/api/v1/orders/tabs', { host: a.tenant, as: a.cashier }), noParams))).body.data;
    await expect(placeOrder(contextOf(a, a.cashier), tab.orderId)).rejects.toMatchObject({ code: 'unprocessable' });
    expect((await start(a, bTable)).status).toBe(422);
    expect((await tableStatus(b, bTable)).status).toBe('free');
  });
});

describe('send and fire by course, without checking out', () => {
  let id: string;
  let fired: { id: string }[];

  it('sends what is not held; holds course 2 until "Fire course 2"; the tab stays open', async () => {
    id = (await start(a, table.T2!)).body.id;
    const saved = await put(a, id, dineIn(table.T2!, [
      { variantId: item.Mohinga, quantity: 2 },
      { variantId: item.Curry, quantity: 1, course: 2, held: true },
    ]));
    expect(saved.status).toBe(200);
    const sent = await send(a, id);
    expect(sent).toMatchObject({ status: 200, body: { status: 'open', fired: 2 } });
    expect(linesOf(await screen())).toEqual(['2× Mohinga (c1)']);
    expect(sent.body.lines).toEqual([
      expect.objectContaining({ productName: 'Mohinga', firedQuantity: 2, held: false }),
      expect.objectContaining({ productName: 'Curry', firedQuantity: 0, held: true, course: 2 }),
    ]);
    // Send again: nothing new, no ticket.
    expect((await send(a, id)).body.fired).toBe(0);
    const course2 = await send(a, id, { course: 2 });
    expect(course2.body).toMatchObject({ fired: 1, lines: [expect.anything(), expect.objectContaining({ firedQuantity: 1, held: false })] });
    expect(linesOf(await screen())).toEqual(['2× Mohinga (c1)', '1× Curry (c2)']);
    fired = course2.body.lines;
  });

  // Taking off fired units is a void: a manager may (a cashier asks one, below).
  it('keeps line ids across edits; a reduced fired line is a VOID ticket, an added one a new ticket', async () => {
    const [mohinga, curry] = fired as [{ id: string }, { id: string }];
    const now = await put(a, id, dineIn(table.T2!, [
      { lineId: mohinga.id, variantId: item.Mohinga, quantity: 1 },
      { lineId: curry.id, variantId: item.Curry, quantity: 1, course: 2 },
      { variantId: item['Tea leaf salad'], quantity: 1 },
    ]), a.manager);
    expect(now.body.lines.map((l: { id: string }) => l.id).slice(0, 2)).toEqual([mohinga.id, curry.id]);
    expect(now.body.lines[0]).toMatchObject({ quantity: 1, firedQuantity: 1 });
    expect(linesOf(await screen()).slice(2)).toEqual(['VOID 1× Mohinga (c1)']);
    await send(a, id);
    expect(linesOf(await screen()).slice(3)).toEqual(['1× Tea leaf salad (c1)']);
  });

  it('a fired line removed is voided; at checkout only units not yet fired make tickets', async () => {
    const current = (await put(a, id, dineIn(table.T2!, [{ variantId: item.Mohinga, quantity: 1 }]), a.manager)).body;
    // That PUT sent no line ids: every fired line was removed (voided) and Mohinga is new.
    expect(linesOf(await screen()).slice(4)).toEqual(['VOID 1× Mohinga (c1)', 'VOID 1× Tea leaf salad (c1)', 'VOID 1× Curry (c2)']);
    await send(a, id);
    await put(a, id, dineIn(table.T2!, [{ lineId: current.lines[0].id, variantId: item.Mohinga, quantity: 3 }]));
    await placeOrder(contextOf(a, a.cashier), id);
    expect(linesOf(await screen()).slice(-2)).toEqual(['1× Mohinga (c1)', '2× Mohinga (c1)']);
  });

  it('refuses to fire an order that is not an open tab, and another business’s order', async () => {
    expect((await send(a, id)).status).toBe(409);
    expect((await send(b, id)).status).toBe(404);
  });

  it('honours Idempotency-Key: a replayed Send fires nothing twice', async () => {
    const tab = (await start(a, table.T5!)).body.id;
    await put(a, tab, dineIn(table.T5!, [{ variantId: item.Curry, quantity: 1 }]));
    const key = { 'idempotency-key': crypto.randomUUID() };
    const first = await send(a, tab, {}, key);
    const replay = await send(a, tab, {}, key);
    expect(replay).toEqual(first);
    const tickets = (await screen()).filter((t) => t.orderId === tab);
    expect(tickets).toHaveLength(1);
  });
});

describe('move an order to another table', () => {
  let id: string;

  it('moves a tab to a free table: the old one frees, the new one is occupied, audited, tickets renamed', async () => {
    id = (await start(a, table.T3!, 4)).body.id;
    await put(a, id, dineIn(table.T3!, [{ variantId: item.Mohinga, quantity: 1 }]));
    await send(a, id);
    await screen();
    const res = await call(move.POST, a, a.cashier, `/api/v1/orders/${id}/move`, id, { tableId: table.T4 });
    expect(res).toMatchObject({ status: 200, body: { tableId: table.T4, status: 'open' } });
    expect(await tableStatus(a, table.T3!)).toMatchObject({ status: 'free', covers: 0 });
    expect(await tableStatus(a, table.T4!)).toMatchObject({ status: 'occupied', covers: 4 });
    const [audit] = await withTenant(a.tenant.id, (tx) => tx.select().from(auditEvents).where(and(eq(auditEvents.action, 'order.moved'), eq(auditEvents.entityId, id))));
    expect(audit).toMatchObject({ actorUserId: a.cashier.id, before: { tableId: table.T3 }, after: { tableId: table.T4 }, details: { from: 'T3', to: 'T4' } });
    expect((await screen()).filter((t) => t.orderId === id).map((t) => t.tableName)).toEqual(['T4']);
  });

  it('refuses a table that is not free (409), a bad body (422) and another business’s table or order (404)', async () => {
    const res = await call(move.POST, a, a.cashier, `/api/v1/orders/${id}/move`, id, { tableId: table.T1 });
    expect(res).toMatchObject({ status: 409, body: { error: { message: expect.stringContaining('T1 is not free') } } });
    expect((await call(move.POST, a, a.cashier, `/api/v1/orders/${id}/move`, id, { tableId: 'nope' })).status).toBe(422);
    expect((await call(move.POST, a, a.cashier, `/api/v1/orders/${id}/move`, id, { tableId: bTable })).status).toBe(404);
    expect((await call(move.POST, b, b.cashier, `/api/v1/orders/${id}/move`, id, { tableId: bTable })).status).toBe(404);
    expect((await tableStatus(a, table.T4!)).status).toBe('occupied');
  });
});

describe('merge tables', () => {
  it('joins B’s lines to A’s tab (ids and fired units kept), frees B, and B is merged — not a void', async () => {
    const [tabA] = (await json(await tabs.GET(await apiRequest('GET', '/api/v1/orders/tabs', { host: a.tenant, as: a.cashier }), noParams))).body.data.filter(
      (t: { tableId: string }) => t.tableId === table.T4,
    );
    const tabB = (await start(a, table.T3!, 2)).body.id;
    const bLines = (await put(a, tabB, dineIn(table.T3!, [{ variantId: item.Curry, quantity: 2 }]))).body.lines;
    await send(a, tabB);
    const key = { 'idempotency-key': crypto.randomUUID() };
    const res = await call(merge.POST, a, a.cashier, `/api/v1/orders/${tabA.orderId}/merge`, tabA.orderId, { orderId: tabB }, key);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'open', covers: 6, total: 1500 + 8000 });
    expect(res.body.lines.map((l: { id: string; firedQuantity: number }) => [l.id, l.firedQuantity])).toEqual([
      [expect.any(String), 1],
      [bLines[0].id, 2],
    ]);
    expect(await call(merge.POST, a, a.cashier, `/api/v1/orders/${tabA.orderId}/merge`, tabA.orderId, { orderId: tabB }, key)).toEqual(res);
    const merged = (await json(await orderItem.GET(await apiRequest('GET', `/api/v1/orders/${tabB}`, { host: a.tenant, as: a.cashier }), segment({ id: tabB })))).body;
    expect(merged).toMatchObject({ status: 'merged', mergedInto: tabA.orderId, total: 0, lines: [] });
    expect(await tableStatus(a, table.T3!)).toMatchObject({ status: 'free' });
    expect(await tableStatus(a, table.T4!)).toMatchObject({ status: 'occupied', covers: 6 });
    const [audit] = await withTenant(a.tenant.id, (tx) => tx.select().from(auditEvents).where(eq(auditEvents.action, 'order.merged')));
    expect(audit).toMatchObject({ entityId: tabA.orderId, before: { total: 1500, covers: 4 }, after: { total: 9500, covers: 6 }, details: { table: 'T4', mergedTable: 'T3' } });
    // B's ticket now belongs to A's tab: it names A's table.
    expect((await screen()).filter((t) => t.orderId === tabA.orderId).map((t) => t.tableName)).toEqual(['T4', 'T4']);
    // Not a void for reports and alerts, and not a sale twice.
    expect(await withTenant(a.tenant.id, (tx) => voidFacts(tx, { ids: [tabB] }))).toEqual([]);
  });

  it('refuses merging a tab into itself (422), one that is not open (409), and across businesses (404)', async () => {
    const [tabA] = (await json(await tabs.GET(await apiRequest('GET', '/api/v1/orders/tabs', { host: a.tenant, as: a.cashier }), noParams))).body.data.filter(
      (t: { tableId: string }) => t.tableId === table.T4,
    );
    expect((await call(merge.POST, a, a.cashier, `/api/v1/orders/x/merge`, tabA.orderId, { orderId: tabA.orderId })).status).toBe(422);
    const events = await withTenant(a.tenant.id, (tx) => tx.select().from(outboxEvents).where(eq(outboxEvents.type, 'OrderMerged')));
    const mergedId = (events[0]!.payload as { orderId: string }).orderId;
    expect((await call(merge.POST, a, a.cashier, `/api/v1/orders/x/merge`, tabA.orderId, { orderId: mergedId })).status).toBe(409);
    const bTab = (await start(b, bTable)).body.id;
    expect((await call(merge.POST, a, a.cashier, `/api/v1/orders/x/merge`, tabA.orderId, { orderId: bTab })).status).toBe(404);
    expect((await call(merge.POST, b, b.cashier, `/api/v1/orders/x/merge`, bTab, { orderId: tabA.orderId })).status).toBe(404);
  });
});

describe('taking off what the kitchen has needs a manager; unfired lines go freely', () => {
  let id: string;
  let register: string;
  let mohinga: string;
  const approve = async (permission: string, session = register) =>
    (await json(await approvals.POST(await apiRequest('POST', '/api/v1/approvals', { host: a.tenant, as: session, body: { userId: a.manager.id, pin: '2222', permission } }), noParams))).body
      .token as string;
  const auditsOf = (orderId: string) =>
    withTenant(a.tenant.id, (tx) => tx.select().from(auditEvents).where(and(eq(auditEvents.action, 'order.fired_lines_voided'), eq(auditEvents.entityId, orderId))));

  beforeAll(async () => {
    register = await sessionTokenFor(a.cashier); // one register's session: approval tokens are bound to it
    id = (await start(a, table.T7!)).body.id;
    mohinga = (await put(a, id, dineIn(table.T7!, [{ variantId: item.Mohinga, quantity: 2 }]), register)).body.lines[0].id;
    await send(a, id);
    await screen();
  });

  it('refuses a cashier reducing a fired line with 403 on voidApproval, naming what the kitchen has; nothing changes', async () => {
    const before = (await screen()).length;
    const res = await put(a, id, dineIn(table.T7!, [{ lineId: mohinga, variantId: item.Mohinga, quantity: 1 }]), register);
    expect(res).toMatchObject({ status: 403, body: { error: { code: 'forbidden', message: expect.stringContaining('already has 1× Mohinga'), details: [{ path: 'voidApproval' }] } } });
    const now = (await json(await orderItem.GET(await apiRequest('GET', `/api/v1/orders/${id}`, { host: a.tenant, as: register }), segment({ id })))).body;
    expect(now.lines).toEqual([expect.objectContaining({ id: mohinga, quantity: 2, firedQuantity: 2 })]);
    expect((await screen()).length).toBe(before);
    // Removed outright, or changed to another item: the same.
    expect((await put(a, id, dineIn(table.T7!, [{ variantId: item.Curry, quantity: 1 }]), register)).status).toBe(403);
    expect((await put(a, id, dineIn(table.T7!, [{ lineId: mohinga, variantId: item.Curry, quantity: 2 }]), register)).status).toBe(403);
  });

  it('lets a cashier add, change and remove lines not yet sent, and add units to a fired one', async () => {
    const added = await put(a, id, dineIn(table.T7!, [
      { lineId: mohinga, variantId: item.Mohinga, quantity: 3 },
      { variantId: item.Curry, quantity: 2 },
    ]), register);
    expect(added.status).toBe(200);
    const curry = added.body.lines[1].id;
    expect((await put(a, id, dineIn(table.T7!, [{ lineId: mohinga, variantId: item.Mohinga, quantity: 3 }, { lineId: curry, variantId: item.Curry, quantity: 1 }]), register)).status).toBe(200);
    // Back to the 2 the kitchen has: the unsent third goes without a manager.
    const back = await put(a, id, dineIn(table.T7!, [{ lineId: mohinga, variantId: item.Mohinga, quantity: 2 }]), register);
    expect(back).toMatchObject({ status: 200, body: { lines: [expect.objectContaining({ id: mohinga, quantity: 2, firedQuantity: 2 })] } });
    expect(await auditsOf(id)).toEqual([]);
  });

  it('takes a manager’s order:void token for this session once: VOID ticket, audited with the approver', async () => {
    const wrongKind = await approve('discount:override');
    const withDiscountToken = await put(a, id, { ...dineIn(table.T7!, [{ lineId: mohinga, variantId: item.Mohinga, quantity: 1 }]), voidApproval: { token: wrongKind } }, register);
    expect(withDiscountToken).toMatchObject({ status: 403, body: { error: { details: [{ path: 'voidApproval' }] } } });
    const otherSession = await approve('order:void', await sessionTokenFor(a.cashier));
    expect((await put(a, id, { ...dineIn(table.T7!, [{ lineId: mohinga, variantId: item.Mohinga, quantity: 1 }]), voidApproval: { token: otherSession } }, register)).status).toBe(403);

    const token = await approve('order:void');
    const body = { ...dineIn(table.T7!, [{ lineId: mohinga, variantId: item.Mohinga, quantity: 1 }]), voidApproval: { token } };
    const res = await put(a, id, body, register);
    expect(res).toMatchObject({ status: 200, body: { lines: [expect.objectContaining({ id: mohinga, quantity: 1, firedQuantity: 1 })] } });
    expect(linesOf((await screen()).filter((t) => t.orderId === id))).toEqual(['2× Mohinga (c1)', 'VOID 1× Mohinga (c1)']);
    expect(await auditsOf(id)).toEqual([
      expect.objectContaining({ actorUserId: a.cashier.id, approverUserId: a.manager.id, details: { number: res.body.number, lines: [{ item: 'Mohinga', quantity: 1 }] } }),
    ]);
    // One action per token: the same token cannot take off the last one.
    expect((await put(a, id, { ...body, lines: [{ variantId: item.Curry, quantity: 1 }] }, register)).status).toBe(403);
  });

  it('a manager voids fired units alone (audited without an approver); another business cannot touch the tab', async () => {
    const res = await put(a, id, dineIn(table.T7!, [{ variantId: item.Curry, quantity: 1 }]), a.manager);
    expect(res.status).toBe(200);
    expect((await auditsOf(id)).at(-1)).toMatchObject({ actorUserId: a.manager.id, approverUserId: null, details: { lines: [{ item: 'Mohinga', quantity: 1 }] } });
    expect((await put(b, id, dineIn(bTable, [{ variantId: item.Curry, quantity: 1 }]), b.manager)).status).toBe(404);
  });
});

describe('cancelling a tab the kitchen has nothing of', () => {
  const cancelTab = (t: TestTenant, orderId: string, body: unknown = {}, headers?: Record<string, string>, as: TestStaff = t.cashier) =>
    call(cancel.POST, t, as, `/api/v1/orders/${orderId}/cancel`, orderId, body, headers);
  const tabList = async () => (await json(await tabs.GET(await apiRequest('GET', '/api/v1/orders/tabs', { host: a.tenant, as: a.cashier }), noParams))).body.data;

  it('cancels an empty tab from the floor: cancelled (not voided), the table frees, audited, no void fact', async () => {
    const id = (await start(a, table.T8!, 2)).body.id;
    expect((await tabList()).find((t: { orderId: string }) => t.orderId === id)).toMatchObject({ items: 0, total: 0 });
    const key = { 'idempotency-key': crypto.randomUUID() };
    const res = await cancelTab(a, id, {}, key);
    expect(res).toMatchObject({ status: 200, body: { status: 'cancelled', voidedAt: null, voidReason: null, lines: [] } });
    expect(await cancelTab(a, id, {}, key)).toEqual(res);
    expect(await tableStatus(a, table.T8!)).toMatchObject({ status: 'free', covers: 0 });
    expect((await tabList()).some((t: { orderId: string }) => t.orderId === id)).toBe(false);
    expect(await withTenant(a.tenant.id, (tx) => voidFacts(tx, { ids: [id] }))).toEqual([]);
    const [audit] = await withTenant(a.tenant.id, (tx) => tx.select().from(auditEvents).where(and(eq(auditEvents.action, 'order.cancelled'), eq(auditEvents.entityId, id))));
    expect(audit).toMatchObject({ actorUserId: a.cashier.id, before: { status: 'open' }, after: { status: 'cancelled' }, details: { table: 'T8', lines: [] } });
    // Cancelled once: a second time (another key) is a conflict; the table takes a new tab.
    expect((await cancelTab(a, id)).status).toBe(409);
    expect((await start(a, table.T8!)).status).toBe(201);
  });

  it('takes lines never sent with it; refuses while the kitchen has something (void it instead)', async () => {
    const id = (await start(a, table.T9!)).body.id;
    const lines = (await put(a, id, dineIn(table.T9!, [{ variantId: item.Curry, quantity: 1 }, { variantId: item.Mohinga, quantity: 1, course: 2, held: true }]))).body.lines;
    await send(a, id);
    const refused = await cancelTab(a, id);
    expect(refused).toMatchObject({ status: 409, body: { error: { message: expect.stringContaining('1× Curry') } } });
    expect(await tableStatus(a, table.T9!)).toMatchObject({ status: 'occupied' });
    // The fired curry taken off (a manager), the held Mohinga never sent: now it may go.
    expect((await put(a, id, dineIn(table.T9!, [{ lineId: lines[1].id, variantId: item.Mohinga, quantity: 1, course: 2, held: true }]), a.manager)).status).toBe(200);
    const res = await cancelTab(a, id);
    expect(res).toMatchObject({ status: 200, body: { status: 'cancelled', total: 0, lines: [] } });
    expect(await tableStatus(a, table.T9!)).toMatchObject({ status: 'free' });
  });

  it('refuses a parked takeaway (409), a bad body (422) and another business’s tab (404)', async () => {
    const parked = await json(await orders.POST(await apiRequest('POST', '/api/v1/orders', { host: a.tenant, as: a.cashier, body: { type: 'takeaway', lines: [{ variantId: item.Curry, quantity: 1 }], park: true } }), noParams));
    expect((await cancelTab(a, parked.body.id)).status).toBe(409);
    const id = (await start(a, table.T10!)).body.id;
    expect((await cancelTab(a, id, { reason: 'x' })).status).toBe(422);
    expect((await cancelTab(b, id)).status).toBe(404);
    expect((await json(await orderItem.GET(await apiRequest('GET', `/api/v1/orders/${id}`, { host: a.tenant, as: a.cashier }), segment({ id })))).body.status).toBe('open');
    const bTab = (await start(b, (await createTable(contextOf(b), tableInputSchema.parse({ name: 'B2', seats: 2 }))).id)).body.id;
    expect((await cancelTab(a, bTab)).status).toBe(404);
    expect((await json(await orderItem.GET(await apiRequest('GET', `/api/v1/orders/${bTab}`, { host: b.tenant, as: b.cashier }), segment({ id: bTab })))).body.status).toBe('open');
  });
});
