import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { orderLines, orders } from '@/db/schema/orders';
import type { TenantContext, TenantScope } from '@/lib/auth';
import { appendEvents } from '@/lib/events';
import { recordAudit } from '@/lib/platform/audit';
import { withTenant, type Tx } from '@/lib/platform/db';
import { AppError } from '@/lib/platform/errors';
import { lockTable, setTableOccupancy } from '@/lib/restaurant';
import { announceFired, assertNoOtherTab, firedLine } from './firing';
import { assertTransition, createOrder, getOrder, lockOrder, type OrderView } from './orders';
import { priceOrder } from './pricing';
import type { FireOrderInput, MergeOrderInput, MoveOrderInput, StartTabInput } from './schemas';
import { variantLabel } from '@/lib/catalog';

/**
 * Dine-in tabs on the floor: seat & start, send to the kitchen (hold & fire by course), move
 * to another table, merge two tables. A tab is an `open` dine-in order; one per table.
 */

/** An order still on its table: a tab, or checked out and waiting for money. */
const ON_TABLE = ['open', 'placed', 'partially_paid'] as const;

/** `items`: units on the tab (0: seated, nothing ordered yet — the floor offers to cancel it). */
export type OpenTab = { orderId: string; tableId: string; number: number; total: number; items: number; covers: number | null; createdAt: Date };

/** Each table's open tab (the floor's tiles show its number, total and age). */
export async function openTabs({ tenantId }: TenantScope): Promise<OpenTab[]> {
  return withTenant(tenantId, async (tx) => {
    const rows = await tx
      .select({
        orderId: orders.id,
        tableId: orders.tableId,
        number: orders.number,
        total: orders.total,
        items: sql<number>`(select coalesce(sum(${orderLines.quantity}), 0)::int from ${orderLines} where ${orderLines.orderId} = ${orders.id})`,
        covers: orders.covers,
        createdAt: orders.createdAt,
      })
      .from(orders)
      .where(and(eq(orders.status, 'open'), isNotNull(orders.tableId)))
      .orderBy(asc(orders.createdAt));
    return rows.map((r) => ({ ...r, tableId: r.tableId! }));
  });
}

/** "Seat & start order": an empty dine-in tab on a free table, which is then occupied. */
export async function startTab(ctx: TenantContext, input: StartTabInput): Promise<OrderView> {
  const id = await createOrder(ctx, {
    type: 'dine_in',
    tableId: input.tableId,
    covers: input.covers,
    shiftId: input.shiftId,
    lines: [],
    park: true,
    payments: [],
    customerName: null,
    customerId: null,
    redeemRewards: null,
    note: null,
    orderDiscount: null,
    approval: null,
  });
  return getOrder(ctx, id);
}

/**
 * Closes a tab the kitchen has nothing of (seated and nothing ordered, or every line taken off
 * before it was sent): it becomes `cancelled`, not voided — no sale, no void in any report, no
 * void alert — and its table frees. Lines still on it but never sent go with it (they were freely
 * removable anyway). Anything fired must be voided instead (`order:void`, or a manager approves).
 */
export async function cancelTab(ctx: TenantContext, orderId: string): Promise<OrderView> {
  await withTenant(ctx.tenantId, async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (order.type !== 'dine_in' || !order.tableId) throw new AppError('conflict', `Order #${order.number} is not a table’s tab; void it instead`);
    assertTransition(order.status, 'cancelled');
    const lines = await tx.select().from(orderLines).where(eq(orderLines.orderId, orderId));
    const fired = lines.filter((l) => l.firedQuantity > 0);
    if (fired.length) {
      const what = fired.map((l) => `${l.firedQuantity}× ${variantLabel(l)}`).join(', ');
      throw new AppError('conflict', `The kitchen has ${what} of order #${order.number}: void the order instead (a manager approves)`);
    }
    await tx.delete(orderLines).where(eq(orderLines.orderId, orderId));
    await tx
      .update(orders)
      .set({ status: 'cancelled', subtotal: 0, discountTotal: 0, taxTotal: 0, total: 0, orderDiscount: null, updatedAt: new Date() })
      .where(eq(orders.id, orderId));
    const table = await lockTable(tx, order.tableId);
    await setTableOccupancy(tx, table.id, { status: 'free', covers: 0 });
    await recordAudit(tx, ctx.tenantId, {
      actorUserId: ctx.userId,
      action: 'order.cancelled',
      entityType: 'order',
      entityId: orderId,
      before: { status: order.status },
      after: { status: 'cancelled' },
      details: { number: order.number, table: table.name, lines: lines.map((l) => ({ item: variantLabel(l), quantity: l.quantity })) },
    });
  });
  return getOrder(ctx, orderId);
}

async function openDineIn(tx: Tx, orderId: string, what: string) {
  const order = await lockOrder(tx, orderId);
  if (order.status !== 'open') throw new AppError('conflict', `Order #${order.number} is not an open tab; only open tabs can be ${what}`);
  return order;
}

/**
 * Send (no course): every unit not yet fired of the lines not held goes to the kitchen, without
 * checking out. "Fire course n": that course's lines, held or not, and they are no longer held.
 * Nothing new to fire is no error (`fired: 0`): two waiters may tap Send at once.
 */
export async function fireOrder(ctx: TenantContext, orderId: string, input: FireOrderInput): Promise<OrderView & { fired: number }> {
  const fired = await withTenant(ctx.tenantId, async (tx) => {
    const order = await openDineIn(tx, orderId, 'sent to the kitchen');
    const lines = await tx.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.position));
    const due = lines.filter((l) => l.quantity > l.firedQuantity && (input.course === undefined ? !l.held : l.course === input.course));
    if (due.length === 0) return 0;
    await tx
      .update(orderLines)
      .set({ firedQuantity: sql`${orderLines.quantity}`, firedAt: new Date(), held: false })
      .where(inArray(orderLines.id, due.map((l) => l.id)));
    await announceFired(tx, order, due.map((l) => firedLine(l, l.quantity - l.firedQuantity)), input.course ?? null);
    return due.reduce((n, l) => n + l.quantity - l.firedQuantity, 0);
  });
  return { ...(await getOrder(ctx, orderId)), fired };
}

/**
 * Moves an order still on its table (a tab, or waiting for money) to a free table: the old one
 * is freed, the new one occupied with the order's covers, in one transaction.
 */
export async function moveOrder(ctx: TenantContext, orderId: string, input: MoveOrderInput): Promise<OrderView> {
  await withTenant(ctx.tenantId, async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (!(ON_TABLE as readonly string[]).includes(order.status) || order.type !== 'dine_in') {
      throw new AppError('conflict', `Order #${order.number} is not at a table; only an unpaid dine-in order moves`);
    }
    if (order.tableId === input.tableId) throw new AppError('unprocessable', 'The order is at this table already', [{ path: 'tableId', message: 'Choose another table' }]);
    const to = await lockTable(tx, input.tableId);
    if (to.status !== 'free') throw new AppError('conflict', `${to.name} is not free; move the order to a free table, or merge the tables`);
    if (order.status === 'open') await assertNoOtherTab(tx, to.id, order.id);
    const from = order.tableId ? await lockTable(tx, order.tableId) : null;
    await tx.update(orders).set({ tableId: to.id, updatedAt: new Date() }).where(eq(orders.id, orderId));
    if (from) await setTableOccupancy(tx, from.id, { status: 'free', covers: 0 });
    await setTableOccupancy(tx, to.id, { status: 'occupied', covers: order.covers ?? 1 });
    await recordAudit(tx, ctx.tenantId, {
      actorUserId: ctx.userId,
      action: 'order.moved',
      entityType: 'order',
      entityId: orderId,
      before: { tableId: order.tableId },
      after: { tableId: to.id },
      details: { number: order.number, from: from?.name ?? null, to: to.name },
    });
    await appendEvents(tx, ctx.tenantId, [{ type: 'OrderMoved', payload: { orderId, number: order.number, fromTableId: order.tableId, toTableId: to.id } }]);
  });
  return getOrder(ctx, orderId);
}

/**
 * Merges table B's tab (`input.orderId`) into this one: B's lines join it, keeping their ids,
 * prices and what the kitchen already has; its covers add up; B's table is freed. B becomes
 * `merged` (merged_into this order), not voided: its lines are sold here, so reports, the Z
 * report and the void alerts never count it. The prices are the lines' own snapshots, re-added
 * (no catalog lookup: a merge changes no price). Refused while either tab has an order discount:
 * it was given (and perhaps approved) for one table's bill, not for the other's.
 */
export async function mergeOrder(ctx: TenantContext, orderId: string, input: MergeOrderInput): Promise<OrderView> {
  if (input.orderId === orderId) throw new AppError('unprocessable', 'Choose another table’s order to merge', [{ path: 'orderId', message: 'Choose another order' }]);
  await withTenant(ctx.tenantId, async (tx) => {
    // Always lock in id order: two people merging the same two tables the other way round cannot deadlock.
    const [first, second] = [orderId, input.orderId].sort();
    const locked = new Map([[first!, await openDineIn(tx, first!, 'merged')]]);
    locked.set(second!, await openDineIn(tx, second!, 'merged'));
    const into = locked.get(orderId)!;
    const from = locked.get(input.orderId)!;
    if (into.orderDiscount || from.orderDiscount) throw new AppError('conflict', 'Remove the order discount before merging: it was given for one table’s bill');

    const [last] = await tx.select({ max: sql<number>`coalesce(max(${orderLines.position}), -1)::int` }).from(orderLines).where(eq(orderLines.orderId, orderId));
    await tx
      .update(orderLines)
      .set({ orderId, position: sql`${orderLines.position} + ${(last?.max ?? -1) + 1}` })
      .where(eq(orderLines.orderId, from.id));
    const lines = await tx.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.position));
    const priced = priceOrder(
      lines.map((l) => ({ unitPrice: l.unitPrice, modifiersTotal: Math.max(l.modifiersTotal, -l.unitPrice), quantity: l.quantity, taxRateBasisPoints: l.taxRateBasisPoints, discount: l.discount })),
      // The tab merged into keeps its own service charge rate; the joining lines take it too.
      { pricesIncludeTax: into.pricesIncludeTax, orderDiscount: null, serviceChargeBasisPoints: into.serviceChargeBasisPoints },
    );
    for (const [i, l] of lines.entries()) {
      const p = priced.lines[i]!;
      await tx
        .update(orderLines)
        .set({ gross: p.gross, lineDiscount: p.lineDiscount, orderDiscount: p.orderDiscount, net: p.net, serviceCharge: p.serviceCharge, tax: p.tax, total: p.total })
        .where(eq(orderLines.id, l.id));
    }
    const covers = (into.covers ?? 1) + (from.covers ?? 1);
    await tx
      .update(orders)
      .set({ subtotal: priced.subtotal, discountTotal: priced.discountTotal, serviceChargeTotal: priced.serviceChargeTotal, taxTotal: priced.taxTotal, total: priced.total, covers, updatedAt: new Date() })
      .where(eq(orders.id, orderId));
    await tx
      .update(orders)
      .set({ status: 'merged', mergedInto: orderId, subtotal: 0, discountTotal: 0, serviceChargeTotal: 0, taxTotal: 0, total: 0, updatedAt: new Date() })
      .where(eq(orders.id, from.id));
    const intoTable = into.tableId ? await lockTable(tx, into.tableId) : null;
    const fromTable = from.tableId ? await lockTable(tx, from.tableId) : null;
    if (fromTable) await setTableOccupancy(tx, fromTable.id, { status: 'free', covers: 0 });
    if (intoTable) await setTableOccupancy(tx, intoTable.id, { status: 'occupied', covers });
    await recordAudit(tx, ctx.tenantId, {
      actorUserId: ctx.userId,
      action: 'order.merged',
      entityType: 'order',
      entityId: orderId,
      before: { total: into.total, covers: into.covers },
      after: { total: priced.total, covers },
      details: { number: into.number, table: intoTable?.name ?? null, merged: from.number, mergedTable: fromTable?.name ?? null, lines: lines.length },
    });
    await appendEvents(tx, ctx.tenantId, [
      { type: 'OrderMerged', payload: { orderId: from.id, number: from.number, intoOrderId: orderId, intoNumber: into.number, intoTableId: into.tableId } },
    ]);
  });
  return getOrder(ctx, orderId);
}
