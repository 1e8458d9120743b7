import { eq, inArray } from 'drizzle-orm';
import { soldOutItems } from '@/db/schema/restaurant';
import { can, type TenantContext, type TenantScope } from '@/lib/auth';
import { getProducts } from '@/lib/catalog';
import { appendEvents } from '@/lib/events';
import { recordAudit } from '@/lib/platform/audit';
import { withTenant, type Tx } from '@/lib/platform/db';
import { AppError, notFound } from '@/lib/platform/errors';

/**
 * The "86 list": items sold out for now, whatever the stock says. Marking one (or putting it
 * back on) is audited with before/after and announced as ItemAvailabilityChanged, so open
 * registers grey the tile at once; checkout refuses a sold-out item (lib/orders asks here).
 */
export type SoldOutItem = { productId: string; markedBy: string; markedAt: Date };

/** The whole 86 list; in the caller's tenant transaction `tx` when given (the register's reads share one). */
export function listSoldOut({ tenantId }: TenantScope, tx?: Tx): Promise<SoldOutItem[]> {
  const read = (tx: Tx) => tx.select({ productId: soldOutItems.productId, markedBy: soldOutItems.markedBy, markedAt: soldOutItems.markedAt }).from(soldOutItems);
  return tx ? read(tx) : withTenant(tenantId, read);
}

/** Which of `productIds` are sold out now (read in the caller's tenant transaction `tx` when given). */
export async function soldOutAmong({ tenantId }: TenantScope, productIds: readonly string[], tx?: Tx): Promise<Set<string>> {
  if (productIds.length === 0) return new Set();
  const read = (tx: Tx) => tx.select({ productId: soldOutItems.productId }).from(soldOutItems).where(inArray(soldOutItems.productId, [...productIds]));
  const rows = await (tx ? read(tx) : withTenant(tenantId, read));
  return new Set(rows.map((r) => r.productId));
}

/**
 * Marks product `productId` sold out (`soldOut`) or back on sale. Saying what already is so
 * changes nothing and writes nothing (a repeated "86 the mohinga" is not a second audit row).
 * @returns whether anything changed, and the product's name.
 */
export async function setSoldOut(ctx: TenantContext, productId: string, soldOut: boolean): Promise<{ changed: boolean; name: string }> {
  if (!can(ctx, 'menu:write')) throw new AppError('forbidden', 'Only managers and owners mark items sold out', undefined, { words: { key: 'soldOutManagers' } });
  const [product] = await getProducts(ctx, [productId]);
  if (!product || product.status !== 'active') throw notFound('Item');
  const changed = await withTenant(ctx.tenantId, async (tx) => {
    const rows = soldOut
      ? await tx.insert(soldOutItems).values({ tenantId: ctx.tenantId, productId, markedBy: ctx.userId }).onConflictDoNothing().returning({ productId: soldOutItems.productId })
      : await tx.delete(soldOutItems).where(eq(soldOutItems.productId, productId)).returning({ productId: soldOutItems.productId });
    if (rows.length === 0) return false;
    await recordAudit(tx, ctx.tenantId, {
      actorUserId: ctx.userId,
      action: soldOut ? 'item.sold_out' : 'item.back_on',
      entityType: 'product',
      entityId: productId,
      before: { soldOut: !soldOut },
      after: { soldOut },
      details: { name: product.name },
    });
    await appendEvents(tx, ctx.tenantId, [{ type: 'ItemAvailabilityChanged', payload: { productId, soldOut } }]);
    return true;
  });
  return { changed, name: product.name };
}
