import { asc, eq } from 'drizzle-orm';
import { purchaseLists, suppliers } from '@/db/schema/inventory';
import type { TenantContext, TenantScope } from '@/lib/auth';
import { changes, recordAudit } from '@/lib/platform/audit';
import { withTenant } from '@/lib/platform/db';
import { AppError, duplicateName, notFound } from '@/lib/platform/errors';
import type { SupplierInput } from './schemas';

/** Suppliers: who the store buys from; purchase orders name one (docs/purchasing.md). */
export type Supplier = { id: string; name: string; contact: string | null; email: string | null; phone: string | null; note: string | null };

const columns = { id: suppliers.id, name: suppliers.name, contact: suppliers.contact, email: suppliers.email, phone: suppliers.phone, note: suppliers.note };
const duplicate = duplicateName('supplier');

export function listSuppliers({ tenantId }: TenantScope): Promise<Supplier[]> {
  return withTenant(tenantId, (tx) => tx.select(columns).from(suppliers).orderBy(asc(suppliers.name), asc(suppliers.id)));
}

export async function getSupplier({ tenantId }: TenantScope, id: string): Promise<Supplier> {
  const [row] = await withTenant(tenantId, (tx) => tx.select(columns).from(suppliers).where(eq(suppliers.id, id)));
  if (!row) throw notFound('Supplier');
  return row;
}

export async function createSupplier(ctx: TenantContext, input: SupplierInput): Promise<Supplier> {
  return withTenant(ctx.tenantId, async (tx) => {
    const [row] = await tx.insert(suppliers).values({ tenantId: ctx.tenantId, ...input }).returning(columns).catch(duplicate);
    await recordAudit(tx, ctx.tenantId, { actorUserId: ctx.userId, action: 'supplier.created', entityType: 'supplier', entityId: row!.id, after: input });
    return row!;
  });
}

export async function updateSupplier(ctx: TenantContext, id: string, input: SupplierInput): Promise<Supplier> {
  return withTenant(ctx.tenantId, async (tx) => {
    const [before] = await tx.select(columns).from(suppliers).where(eq(suppliers.id, id)).for('update');
    if (!before) throw notFound('Supplier');
    const [row] = await tx.update(suppliers).set({ ...input, updatedAt: new Date() }).where(eq(suppliers.id, id)).returning(columns).catch(duplicate);
    await recordAudit(tx, ctx.tenantId, { actorUserId: ctx.userId, action: 'supplier.updated', entityType: 'supplier', entityId: id, ...changes(before, row!) });
    return row!;
  });
}

/** A supplier named by a purchase order stays (the order is part of the stock history). */
export async function deleteSupplier(ctx: TenantContext, id: string): Promise<void> {
  await withTenant(ctx.tenantId, async (tx) => {
    const [before] = await tx.select(columns).from(suppliers).where(eq(suppliers.id, id)).for('update');
    if (!before) throw notFound('Supplier');
    const [used] = await tx.select({ id: purchaseLists.id }).from(purchaseLists).where(eq(purchaseLists.supplierId, id)).limit(1);
    if (used) throw new AppError('conflict', `${before.name} is named by purchase orders, so it cannot be deleted.`, undefined, { words: { key: 'supplierUsed', values: { supplier: before.name } } });
    await tx.delete(suppliers).where(eq(suppliers.id, id));
    await recordAudit(tx, ctx.tenantId, { actorUserId: ctx.userId, action: 'supplier.deleted', entityType: 'supplier', entityId: id, before });
  });
}
