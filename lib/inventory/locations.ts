import { asc, eq } from 'drizzle-orm';
import { locations } from '@/db/schema/inventory';
import type { TenantContext, TenantScope } from '@/lib/auth';
import { onEvent } from '@/lib/events';
import { recordAudit } from '@/lib/platform/audit';
import { withTenant, type Tx } from '@/lib/platform/db';
import { duplicateName, notFound } from '@/lib/platform/errors';
import type { LocationInput } from './schemas';

export type Location = { id: string; name: string; address: string | null; isDefault: boolean };

const columns = { id: locations.id, name: locations.name, address: locations.address, isDefault: locations.isDefault };
const duplicate = duplicateName('location');

/** The tenant's locations; in the caller's tenant transaction `tx` when given (the register's reads share one). */
export function listLocations({ tenantId }: TenantScope, tx?: Tx): Promise<Location[]> {
  const read = (tx: Tx) => tx.select(columns).from(locations).orderBy(asc(locations.name));
  return tx ? read(tx) : withTenant(tenantId, read);
}

export async function getLocation({ tenantId }: TenantScope, id: string): Promise<Location> {
  const [row] = await withTenant(tenantId, (tx) => tx.select(columns).from(locations).where(eq(locations.id, id)));
  if (!row) throw notFound('Location');
  return row;
}

export async function createLocation(ctx: TenantContext, input: LocationInput): Promise<Location> {
  return withTenant(ctx.tenantId, async (tx) => {
    const [row] = await tx.insert(locations).values({ tenantId: ctx.tenantId, ...input }).returning(columns).catch(duplicate);
    await recordAudit(tx, ctx.tenantId, { actorUserId: ctx.userId, action: 'location.created', entityType: 'location', entityId: row!.id, details: input });
    return row!;
  });
}

export async function updateLocation(ctx: TenantContext, id: string, input: LocationInput): Promise<Location> {
  return withTenant(ctx.tenantId, async (tx) => {
    const [row] = await tx.update(locations).set(input).where(eq(locations.id, id)).returning(columns).catch(duplicate);
    if (!row) throw notFound('Location');
    await recordAudit(tx, ctx.tenantId, { actorUserId: ctx.userId, action: 'location.updated', entityType: 'location', entityId: id, details: input });
    return row;
  });
}

/** The location sales and receipts default to: the one marked default, else the first. */
export async function defaultLocation({ tenantId }: TenantScope): Promise<Location | null> {
  const all = await listLocations({ tenantId });
  return all.find((l) => l.isDefault) ?? all[0] ?? null;
}

/** Every business starts with one location, "Main store" (idempotent: only if it has none). */
async function ensureDefaultLocation(tx: Tx, tenantId: string): Promise<void> {
  const [any] = await tx.select({ id: locations.id }).from(locations).limit(1);
  if (!any) await tx.insert(locations).values({ tenantId, name: 'Main store', isDefault: true });
}

onEvent('TenantCreated', 'inventory.create-default-location', (tx, event) => ensureDefaultLocation(tx, event.tenantId));
