import { and, desc, eq, sql } from 'drizzle-orm';
import { purchaseLists, type PurchaseListLine } from '@/db/schema/inventory';
import { can, type TenantContext, type TenantScope } from '@/lib/auth';
import { variantLabel } from '@/lib/catalog';
import { recordAudit } from '@/lib/platform/audit';
import { withTenant } from '@/lib/platform/db';
import { AppError, notFound } from '@/lib/platform/errors';
import { defaultLocation, listLocations } from './locations';
import { listLevels, receiveIn, stockedItems } from './stock';

/**
 * Purchase lists: what to order, drafted from a location's low stock. The quantity rule is
 * written down once here: order enough to bring the item to twice its low-stock threshold
 * (at least one unit; an item out of stock with no threshold gets one). Drafted → ordered →
 * received, where receiving books one stock receipt of every line in the same transaction.
 */
export type PurchaseList = Omit<typeof purchaseLists.$inferSelect, 'tenantId'> & { locationName: string };
export type PurchaseListSummary = Omit<PurchaseList, 'lines'> & { items: number; units: number };

/** Most items one list drafts (a location with more low items gets the lowest first). */
export const PURCHASE_LIST_MAX_LINES = 200;

export const reorderQuantity = (onHand: number, threshold: number | null) => Math.max(Math.max(2 * (threshold ?? 0), 1) - onHand, 1);

function mayManage(ctx: TenantContext) {
  if (!can(ctx.role, 'stock:write')) throw new AppError('forbidden', 'Only managers and owners manage purchase lists');
}

async function locationNames(scope: TenantScope): Promise<Map<string, string>> {
  return new Map((await listLocations(scope)).map((l) => [l.id, l.name]));
}

/** Drafts a purchase list of everything low on stock at `locationId` (the main location when omitted). */
export async function draftPurchaseList(ctx: TenantContext, input: { locationId?: string } = {}): Promise<PurchaseList> {
  mayManage(ctx);
  const location = input.locationId ? (await listLocations(ctx)).find((l) => l.id === input.locationId) : await defaultLocation(ctx);
  if (!location) throw notFound('Location');
  const low = await listLevels(ctx, { location: location.id, lowStock: true, skip: 0, limit: PURCHASE_LIST_MAX_LINES });
  const lines: PurchaseListLine[] = low.data.map((l) => ({
    variantId: l.variantId,
    label: l.item ? variantLabel(l.item) : 'Unknown item',
    sku: l.item?.sku ?? '',
    onHand: l.quantity,
    threshold: l.lowStockThreshold,
    quantity: reorderQuantity(l.quantity, l.lowStockThreshold),
  }));
  if (lines.length === 0) throw new AppError('unprocessable', `Nothing is low on stock at ${location.name}, so there is nothing to order.`);
  return withTenant(ctx.tenantId, async (tx) => {
    const [row] = await tx.insert(purchaseLists).values({ tenantId: ctx.tenantId, locationId: location.id, lines, createdBy: ctx.userId }).returning();
    await recordAudit(tx, ctx.tenantId, {
      actorUserId: ctx.userId,
      action: 'purchase_list.drafted',
      entityType: 'purchase_list',
      entityId: row!.id,
      details: { location: location.name, items: lines.length, units: lines.reduce((s, l) => s + l.quantity, 0) },
    });
    const { tenantId: _t, ...list } = row!;
    return { ...list, locationName: location.name };
  });
}

export async function listPurchaseLists(scope: TenantScope, limit = 50): Promise<PurchaseListSummary[]> {
  const [rows, names] = await Promise.all([withTenant(scope.tenantId, (tx) => tx.select().from(purchaseLists).orderBy(desc(purchaseLists.createdAt)).limit(limit)), locationNames(scope)]);
  return rows.map(({ tenantId: _t, lines, ...l }) => ({ ...l, locationName: names.get(l.locationId) ?? 'A removed location', items: lines.length, units: lines.reduce((s, x) => s + x.quantity, 0) }));
}

export async function getPurchaseList(scope: TenantScope, id: string): Promise<PurchaseList> {
  const [[row], names] = await Promise.all([withTenant(scope.tenantId, (tx) => tx.select().from(purchaseLists).where(eq(purchaseLists.id, id))), locationNames(scope)]);
  if (!row) throw notFound('Purchase list');
  const { tenantId: _t, ...list } = row;
  return { ...list, locationName: names.get(list.locationId) ?? 'A removed location' };
}

/** The list was sent to the supplier. */
export async function markPurchaseListOrdered(ctx: TenantContext, id: string): Promise<void> {
  mayManage(ctx);
  const done = await withTenant(ctx.tenantId, async (tx) => {
    const changed = await tx
      .update(purchaseLists)
      .set({ status: 'ordered', updatedAt: sql`now()` })
      .where(and(eq(purchaseLists.id, id), eq(purchaseLists.status, 'draft')))
      .returning({ id: purchaseLists.id });
    if (changed.length === 0) return false;
    await recordAudit(tx, ctx.tenantId, { actorUserId: ctx.userId, action: 'purchase_list.ordered', entityType: 'purchase_list', entityId: id, before: { status: 'draft' }, after: { status: 'ordered' } });
    return true;
  });
  if (!done) throw await stateError(ctx, id, 'marked as ordered');
}

/** The goods arrived: one stock receipt of every line (from `supplier`), and the list is received — together or not at all. */
export async function receivePurchaseList(ctx: TenantContext, id: string, supplier: string | null = null): Promise<{ receiptId: string }> {
  mayManage(ctx);
  const list = await getPurchaseList(ctx, id);
  if (list.status === 'received') throw new AppError('conflict', 'This purchase list is received already.');
  await stockedItems(ctx.tenantId, list.lines.map((l) => l.variantId)); // an item no longer tracked is named, nothing booked
  return withTenant(ctx.tenantId, async (tx) => {
    const [locked] = await tx.select().from(purchaseLists).where(eq(purchaseLists.id, id)).for('update');
    if (!locked) throw notFound('Purchase list');
    if (locked.status === 'received') throw new AppError('conflict', 'This purchase list is received already.');
    const receipt = await receiveIn(tx, ctx, { locationId: locked.locationId, supplier, note: 'Purchase list', lines: locked.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })) });
    await tx.update(purchaseLists).set({ status: 'received', receiptId: receipt.documentId, updatedAt: sql`now()` }).where(eq(purchaseLists.id, id));
    return { receiptId: receipt.documentId };
  });
}

/** Deletes a list that was not received (a received one is part of the stock history). */
export async function deletePurchaseList(ctx: TenantContext, id: string): Promise<void> {
  mayManage(ctx);
  const done = await withTenant(ctx.tenantId, async (tx) => {
    const gone = await tx
      .delete(purchaseLists)
      .where(and(eq(purchaseLists.id, id), sql`${purchaseLists.status} <> 'received'`))
      .returning({ id: purchaseLists.id });
    if (gone.length === 0) return false;
    await recordAudit(tx, ctx.tenantId, { actorUserId: ctx.userId, action: 'purchase_list.deleted', entityType: 'purchase_list', entityId: id });
    return true;
  });
  if (!done) throw await stateError(ctx, id, 'deleted');
}

/** Why a list could not change: it does not exist here (404), or its status does not allow it (409). */
async function stateError(scope: TenantScope, id: string, what: string): Promise<AppError> {
  const list = await getPurchaseList(scope, id).catch(() => null);
  return list ? new AppError('conflict', `This purchase list is ${list.status}; it cannot be ${what}.`) : notFound('Purchase list');
}
