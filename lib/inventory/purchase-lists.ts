import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { purchaseLists, type PurchaseListLine, type PurchaseOrderStatus } from '@/db/schema/inventory';
import { can, type TenantContext, type TenantScope } from '@/lib/auth';
import { getVariants, variantLabel } from '@/lib/catalog';
import { csvText } from '@/lib/platform/csv';
import { minorToDecimal } from '@/lib/platform/money';
import { recordAudit } from '@/lib/platform/audit';
import { withTenant, type Tx } from '@/lib/platform/db';
import { AppError, notFound } from '@/lib/platform/errors';
import { defaultLocation, listLocations } from './locations';
import type { PurchaseOrderInput, PurchaseOrderReceipt } from './schemas';
import { listLevels, receiveIn, stockedItems } from './stock';
import { getSupplier, listSuppliers } from './suppliers';

/**
 * Purchase orders (they began as "purchase lists", and the table keeps that name): what to buy
 * for a location from a supplier, at what unit cost. Drafted by hand or from a location's low
 * stock (the quantity rule, written down once here: enough to bring the item to twice its
 * low-stock threshold, at least one unit). States (docs/purchasing.md):
 *
 *     draft ──send──► sent ──receive some──► partially_received ──receive the rest──► received
 *       └──────cancel──────┴──────────────────────────► cancelled (only while nothing arrived)
 *
 * Each receiving books one stock receipt of what arrived, at the line's unit cost (which moves
 * the item's cost to the weighted average), and the order's received quantities, in one
 * transaction holding the order's row.
 */
export type PurchaseOrderLine = Required<PurchaseListLine>;
export type PurchaseList = Omit<typeof purchaseLists.$inferSelect, 'tenantId' | 'lines'> & {
  lines: PurchaseOrderLine[];
  locationName: string;
  supplierName: string | null;
};
export type PurchaseOrder = PurchaseList;
export type PurchaseListSummary = Omit<PurchaseList, 'lines'> & { items: number; units: number; received: number };

/** Most items one list drafts (a location with more low items gets the lowest first). */
export const PURCHASE_LIST_MAX_LINES = 200;

export const reorderQuantity = (onHand: number, threshold: number | null) => Math.max(Math.max(2 * (threshold ?? 0), 1) - onHand, 1);

function mayManage(ctx: TenantContext) {
  if (!can(ctx, 'stock:write')) throw new AppError('forbidden', 'Only managers and owners manage purchase orders', undefined, { words: { key: 'purchaseOrdersManagers' } });
}

/** Lines as stored before purchase orders had unit costs and received quantities read as none yet. */
const fullLine = (l: PurchaseListLine): PurchaseOrderLine => ({ ...l, unitCost: l.unitCost ?? null, received: l.received ?? 0 });

async function names(scope: TenantScope): Promise<{ location: Map<string, string>; supplier: Map<string, string> }> {
  const [locations, suppliers] = await Promise.all([listLocations(scope), listSuppliers(scope)]);
  return { location: new Map(locations.map((l) => [l.id, l.name])), supplier: new Map(suppliers.map((s) => [s.id, s.name])) };
}

function view(row: typeof purchaseLists.$inferSelect, n: Awaited<ReturnType<typeof names>>): PurchaseList {
  const { tenantId: _t, lines, ...order } = row;
  return {
    ...order,
    lines: lines.map(fullLine),
    locationName: n.location.get(order.locationId) ?? 'A removed location',
    supplierName: order.supplierId ? (n.supplier.get(order.supplierId) ?? null) : null,
  };
}

async function insertOrder(ctx: TenantContext, values: { locationId: string; locationName: string; supplierId: string | null; note: string | null; lines: PurchaseOrderLine[] }): Promise<PurchaseList> {
  const known = await names(ctx); // read before: a second transaction inside this one would wait on PGlite's one connection
  return withTenant(ctx.tenantId, async (tx) => {
    const [row] = await tx
      .insert(purchaseLists)
      .values({ tenantId: ctx.tenantId, locationId: values.locationId, supplierId: values.supplierId, note: values.note, lines: values.lines, createdBy: ctx.userId })
      .returning();
    await recordAudit(tx, ctx.tenantId, {
      actorUserId: ctx.userId,
      action: 'purchase_list.drafted',
      entityType: 'purchase_list',
      entityId: row!.id,
      details: { location: values.locationName, items: values.lines.length, units: values.lines.reduce((s, l) => s + l.quantity, 0) },
    });
    return view(row!, known);
  });
}

/** Drafts a purchase order of everything low on stock at `locationId` (the main location when omitted). */
export async function draftPurchaseList(ctx: TenantContext, input: { locationId?: string; supplierId?: string | null } = {}): Promise<PurchaseList> {
  mayManage(ctx);
  const location = input.locationId ? (await listLocations(ctx)).find((l) => l.id === input.locationId) : await defaultLocation(ctx);
  if (!location) throw notFound('Location');
  if (input.supplierId) await getSupplier(ctx, input.supplierId);
  const low = await listLevels(ctx, { location: location.id, lowStock: true, skip: 0, limit: PURCHASE_LIST_MAX_LINES });
  const costs = new Map((await getVariants(ctx, low.data.map((l) => l.variantId))).map((v) => [v.variantId, v.cost]));
  const lines: PurchaseOrderLine[] = low.data.map((l) => ({
    variantId: l.variantId,
    label: l.item ? variantLabel(l.item) : 'Unknown item',
    sku: l.item?.sku ?? '',
    onHand: l.quantity,
    threshold: l.lowStockThreshold,
    quantity: reorderQuantity(l.quantity, l.lowStockThreshold),
    unitCost: costs.get(l.variantId) ?? null,
    received: 0,
  }));
  if (lines.length === 0) throw new AppError('unprocessable', `Nothing is low on stock at ${location.name}, so there is nothing to order.`, undefined, { words: { key: 'nothingLow', values: { location: location.name } } });
  return insertOrder(ctx, { locationId: location.id, locationName: location.name, supplierId: input.supplierId ?? null, note: null, lines });
}

/** A purchase order typed in: its items must track stock; a line without a unit cost takes the item's current cost. */
export async function createPurchaseOrder(ctx: TenantContext, input: PurchaseOrderInput): Promise<PurchaseOrder> {
  mayManage(ctx);
  const location = (await listLocations(ctx)).find((l) => l.id === input.locationId);
  if (!location) throw notFound('Location');
  if (input.supplierId) await getSupplier(ctx, input.supplierId);
  const items = await stockedItems(ctx.tenantId, input.lines.map((l) => l.variantId));
  const levels = await listLevels(ctx, { location: location.id, lowStock: false, skip: 0, limit: 500 });
  const level = new Map(levels.data.map((l) => [l.variantId, l]));
  const lines: PurchaseOrderLine[] = input.lines.map((l) => {
    const item = items.get(l.variantId)!;
    return {
      variantId: l.variantId,
      label: variantLabel(item),
      sku: item.sku,
      onHand: level.get(l.variantId)?.quantity ?? 0,
      threshold: level.get(l.variantId)?.lowStockThreshold ?? null,
      quantity: l.quantity,
      unitCost: l.unitCost ?? item.cost,
      received: 0,
    };
  });
  return insertOrder(ctx, { locationId: location.id, locationName: location.name, supplierId: input.supplierId, note: input.note, lines });
}

export async function listPurchaseLists(scope: TenantScope, limit = 50): Promise<PurchaseListSummary[]> {
  const [rows, n] = await Promise.all([withTenant(scope.tenantId, (tx) => tx.select().from(purchaseLists).orderBy(desc(purchaseLists.createdAt)).limit(limit)), names(scope)]);
  return rows.map((row) => {
    const { lines, ...order } = view(row, n);
    return { ...order, items: lines.length, units: lines.reduce((s, x) => s + x.quantity, 0), received: lines.reduce((s, x) => s + x.received, 0) };
  });
}

export async function getPurchaseList(scope: TenantScope, id: string): Promise<PurchaseList> {
  const [[row], n] = await Promise.all([withTenant(scope.tenantId, (tx) => tx.select().from(purchaseLists).where(eq(purchaseLists.id, id))), names(scope)]);
  if (!row) throw notFound('Purchase order');
  return view(row, n);
}

/** Moves an order from one of `from` to `to` in one statement; false if it is in none of them (or absent). */
async function transition(tx: Tx, id: string, from: PurchaseOrderStatus[], to: PurchaseOrderStatus, extra: Partial<typeof purchaseLists.$inferInsert> = {}): Promise<PurchaseOrderStatus | null> {
  const [before] = await tx.select({ status: purchaseLists.status }).from(purchaseLists).where(and(eq(purchaseLists.id, id), inArray(purchaseLists.status, from))).for('update');
  if (!before) return null;
  await tx.update(purchaseLists).set({ status: to, updatedAt: sql`now()`, ...extra }).where(eq(purchaseLists.id, id));
  return before.status;
}

/** The order went to the supplier (draft → sent). */
export async function markPurchaseListOrdered(ctx: TenantContext, id: string): Promise<void> {
  mayManage(ctx);
  const done = await withTenant(ctx.tenantId, async (tx) => {
    if (!(await transition(tx, id, ['draft'], 'sent', { sentAt: sql`now()` as unknown as Date }))) return false;
    await recordAudit(tx, ctx.tenantId, { actorUserId: ctx.userId, action: 'purchase_list.ordered', entityType: 'purchase_list', entityId: id, before: { status: 'draft' }, after: { status: 'sent' } });
    return true;
  });
  if (!done) throw await stateError(ctx, id, 'sent');
}
export const sendPurchaseOrder = markPurchaseListOrdered;

/** Cancelled while nothing of it arrived (draft or sent); a cancelled order can be neither sent nor received. */
export async function cancelPurchaseOrder(ctx: TenantContext, id: string): Promise<void> {
  mayManage(ctx);
  const done = await withTenant(ctx.tenantId, async (tx) => {
    const was = await transition(tx, id, ['draft', 'sent'], 'cancelled');
    if (!was) return false;
    await recordAudit(tx, ctx.tenantId, { actorUserId: ctx.userId, action: 'purchase_order.cancelled', entityType: 'purchase_list', entityId: id, before: { status: was }, after: { status: 'cancelled' } });
    return true;
  });
  if (!done) throw await stateError(ctx, id, 'cancelled');
}

/**
 * Goods of a sent order arrived: the lines and quantities given (or everything still open) are
 * booked as one stock receipt at their unit costs, and added to the order's received
 * quantities; it is received once every line is, else partially received. More than is still
 * open of a line, or an item not on the order, is refused with nothing booked.
 */
export async function receivePurchaseOrder(ctx: TenantContext, id: string, input: PurchaseOrderReceipt, supplierName?: string | null): Promise<{ receiptId: string; status: PurchaseOrderStatus }> {
  mayManage(ctx);
  const order = await getPurchaseList(ctx, id);
  await stockedItems(ctx.tenantId, order.lines.map((l) => l.variantId)); // an item no longer tracked is named, nothing booked
  return withTenant(ctx.tenantId, async (tx) => {
    const [locked] = await tx.select().from(purchaseLists).where(eq(purchaseLists.id, id)).for('update');
    if (!locked) throw notFound('Purchase order');
    if (locked.status !== 'sent' && locked.status !== 'partially_received') {
      throw new AppError('conflict', `This purchase order is ${statusWords[locked.status]}; only a sent order can be received.`, undefined, { words: { key: 'purchaseOrderNotSent', values: { status: locked.status } } });
    }
    const lines = locked.lines.map(fullLine);
    const open = (l: PurchaseOrderLine) => l.quantity - l.received;
    const wanted = input.lines ?? lines.filter((l) => open(l) > 0).map((l) => ({ variantId: l.variantId, quantity: open(l), unitCost: undefined }));
    const problems: { path: string; message: string }[] = [];
    wanted.forEach((w, i) => {
      const line = lines.find((l) => l.variantId === w.variantId);
      if (!line) problems.push({ path: `lines.${i}.variantId`, message: 'This item is not on the order' });
      else if (w.quantity > open(line)) problems.push({ path: `lines.${i}.quantity`, message: `Only ${open(line)} of ${line.label} still to come` });
    });
    if (problems.length) throw new AppError('unprocessable', problems.map((p) => p.message).join('; '), problems);
    if (wanted.length === 0) throw new AppError('conflict', 'Everything on this purchase order has arrived.', undefined, { words: { key: 'purchaseOrderArrived' } });
    const costOf = (w: (typeof wanted)[number]) => (w.unitCost !== undefined ? w.unitCost : lines.find((l) => l.variantId === w.variantId)!.unitCost);
    const supplier = supplierName ?? order.supplierName;
    const receipt = await receiveIn(
      tx,
      ctx,
      { locationId: locked.locationId, supplier, note: input.note ?? 'Purchase order', lines: wanted.map((w) => ({ variantId: w.variantId, quantity: w.quantity, unitCost: costOf(w) })) },
      { purchaseOrderId: id },
    );
    const after = lines.map((l) => {
      const w = wanted.find((x) => x.variantId === l.variantId);
      return w ? { ...l, received: l.received + w.quantity, unitCost: costOf(w) } : l;
    });
    const status: PurchaseOrderStatus = after.every((l) => open(l) === 0) ? 'received' : 'partially_received';
    await tx.update(purchaseLists).set({ status, lines: after, receiptId: receipt.documentId, updatedAt: sql`now()` }).where(eq(purchaseLists.id, id));
    await recordAudit(tx, ctx.tenantId, {
      actorUserId: ctx.userId,
      action: 'purchase_order.received',
      entityType: 'purchase_list',
      entityId: id,
      before: { status: locked.status },
      after: { status },
      details: { receiptId: receipt.documentId, items: wanted.length, units: wanted.reduce((s, w) => s + w.quantity, 0) },
    });
    return { receiptId: receipt.documentId, status };
  });
}

/** Everything still open of a sent order arrived (from `supplier`, when named here): the purchase list's one-step receiving. */
export async function receivePurchaseList(ctx: TenantContext, id: string, supplier: string | null = null): Promise<{ receiptId: string }> {
  const { receiptId } = await receivePurchaseOrder(ctx, id, { note: null }, supplier);
  return { receiptId };
}

/** Deletes a draft or a cancelled order (anything sent or received is part of the stock history). */
export async function deletePurchaseList(ctx: TenantContext, id: string): Promise<void> {
  mayManage(ctx);
  const done = await withTenant(ctx.tenantId, async (tx) => {
    const gone = await tx
      .delete(purchaseLists)
      .where(and(eq(purchaseLists.id, id), inArray(purchaseLists.status, ['draft', 'cancelled'])))
      .returning({ id: purchaseLists.id });
    if (gone.length === 0) return false;
    await recordAudit(tx, ctx.tenantId, { actorUserId: ctx.userId, action: 'purchase_list.deleted', entityType: 'purchase_list', entityId: id });
    return true;
  });
  if (!done) throw await stateError(ctx, id, 'deleted');
}

export const statusWords: Record<PurchaseOrderStatus, string> = {
  draft: 'a draft',
  sent: 'sent',
  partially_received: 'partly received',
  received: 'received',
  cancelled: 'cancelled',
};

/** Why an order could not change: it does not exist here (404), or its status does not allow it (409). */
async function stateError(scope: TenantScope, id: string, what: string): Promise<AppError> {
  const order = await getPurchaseList(scope, id).catch(() => null);
  return order ? new AppError('conflict', `This purchase order is ${statusWords[order.status]}; it cannot be ${what}.`) : notFound('Purchase order');
}

/** The order as a CSV for the supplier: one row per line with SKU, item, quantity, unit cost and line total. */
export async function purchaseOrderCsv(scope: TenantScope & { tenant: { currency: string } }, id: string): Promise<{ filename: string; text: string }> {
  const order = await getPurchaseList(scope, id);
  const money = (v: number | null) => (v === null ? '' : minorToDecimal(v, scope.tenant.currency));
  const text = csvText(order.lines, [
    { header: 'sku', value: (l: PurchaseOrderLine) => l.sku },
    { header: 'item', value: (l: PurchaseOrderLine) => l.label },
    { header: 'quantity', value: (l: PurchaseOrderLine) => String(l.quantity) },
    { header: 'unit_cost', value: (l: PurchaseOrderLine) => money(l.unitCost) },
    { header: 'line_total', value: (l: PurchaseOrderLine) => money(l.unitCost === null ? null : l.unitCost * l.quantity) },
    { header: 'received', value: (l: PurchaseOrderLine) => String(l.received) },
  ]);
  return { filename: `purchase-order-${order.id.slice(0, 8)}.csv`, text };
}
