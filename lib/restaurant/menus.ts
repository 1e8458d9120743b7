import { asc, eq, sql } from 'drizzle-orm';
import { menus, type AvailabilityWindow } from '@/db/schema/restaurant';
import type { TenantContext, TenantScope } from '@/lib/auth';
import { getProducts } from '@/lib/catalog';
import { recordAudit } from '@/lib/platform/audit';
import { withTenant, type Tx } from '@/lib/platform/db';
import { definedFields } from '@/lib/platform/validation';
import { AppError, duplicateName, notFound } from '@/lib/platform/errors';
import { menuInputSchema, type MenuInput, type MenuPatch } from './schemas';

export type Menu = {
  id: string;
  name: string;
  description: string | null;
  isActive: boolean;
  availability: AvailabilityWindow[];
  sections: { id: string; name: string; productIds: string[] }[];
  createdAt: Date;
  updatedAt: Date;
};

const columns = {
  id: menus.id,
  name: menus.name,
  description: menus.description,
  isActive: menus.isActive,
  availability: menus.availability,
  sections: menus.sections,
  createdAt: menus.createdAt,
  updatedAt: menus.updatedAt,
};

const duplicate = duplicateName('menu');

/** Sections keep their ids; new ones get one. Every listed product must be this tenant's. */
async function prepare(tenantId: string, input: MenuInput) {
  const productIds = [...new Set(input.sections.flatMap((s) => s.productIds))];
  const found = new Set((await getProducts({ tenantId }, productIds)).map((p) => p.id));
  const missing = productIds.filter((id) => !found.has(id));
  if (missing.length) {
    throw new AppError('unprocessable', `${missing.length} product(s) on this menu do not exist`, missing.map((id) => ({ path: 'sections', message: `No such product ${id}` })));
  }
  return { ...input, sections: input.sections.map((s) => ({ id: s.id ?? crypto.randomUUID(), name: s.name, productIds: s.productIds })) };
}

/** One page of menus with the total. */
export async function listMenus({ tenantId }: TenantScope, page: { skip: number; limit: number }): Promise<{ data: Menu[]; total: number }> {
  return withTenant(tenantId, async (tx) => {
    // Sent together: one round trip in a pipelined transaction.
    const [[{ total }], data] = (await Promise.all([
      tx.select({ total: sql<number>`count(*)::int` }).from(menus),
      tx.select(columns).from(menus).orderBy(asc(menus.name), asc(menus.id)).offset(page.skip).limit(page.limit),
    ])) as [[{ total: number }], Menu[]];
    return { data, total };
  });
}

/** Every active menu, in the list's order, unpaged (the register's); in the caller's tenant transaction `tx` when given. */
export async function activeMenus({ tenantId }: TenantScope, tx?: Tx): Promise<Menu[]> {
  const read = (tx: Tx) => tx.select(columns).from(menus).where(eq(menus.isActive, true)).orderBy(asc(menus.name), asc(menus.id));
  return tx ? read(tx) : withTenant(tenantId, read);
}

export async function getMenu({ tenantId }: TenantScope, id: string): Promise<Menu> {
  const [row] = await withTenant(tenantId, (tx) => tx.select(columns).from(menus).where(eq(menus.id, id)));
  if (!row) throw notFound('Menu');
  return row;
}

export async function createMenu(ctx: TenantContext, input: MenuInput): Promise<Menu> {
  const values = await prepare(ctx.tenantId, input);
  return withTenant(ctx.tenantId, async (tx) => {
    const [row] = await tx.insert(menus).values({ tenantId: ctx.tenantId, ...values }).returning(columns).catch(duplicate);
    await recordAudit(tx, ctx.tenantId, { actorUserId: ctx.userId, action: 'menu.created', entityType: 'menu', entityId: row!.id, details: { name: row!.name } });
    return row!;
  });
}

export async function replaceMenu(ctx: TenantContext, id: string, input: MenuInput): Promise<Menu> {
  const values = await prepare(ctx.tenantId, input);
  return withTenant(ctx.tenantId, async (tx) => {
    const [row] = await tx.update(menus).set({ ...values, updatedAt: new Date() }).where(eq(menus.id, id)).returning(columns).catch(duplicate);
    if (!row) throw notFound('Menu');
    await recordAudit(tx, ctx.tenantId, { actorUserId: ctx.userId, action: 'menu.updated', entityType: 'menu', entityId: id, details: { name: row.name } });
    return row;
  });
}

export async function patchMenu(ctx: TenantContext, id: string, patch: MenuPatch): Promise<Menu> {
  const current = await getMenu(ctx, id);
  return replaceMenu(ctx, id, menuInputSchema.parse({ ...current, ...definedFields(patch) }));
}

export async function deleteMenu(ctx: TenantContext, id: string): Promise<void> {
  await withTenant(ctx.tenantId, async (tx) => {
    const rows = await tx.delete(menus).where(eq(menus.id, id)).returning({ name: menus.name });
    if (rows.length === 0) throw notFound('Menu');
    await recordAudit(tx, ctx.tenantId, { actorUserId: ctx.userId, action: 'menu.deleted', entityType: 'menu', entityId: id, details: { name: rows[0]!.name } });
  });
}
