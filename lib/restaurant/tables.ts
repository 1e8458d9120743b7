import { and, asc, eq, ne, or, type SQL } from 'drizzle-orm';
import { diningTables, type TableShape, type TableStatus } from '@/db/schema/restaurant';
import { can, type TenantContext, type TenantScope } from '@/lib/auth';
import { appendEvents } from '@/lib/events';
import { recordAudit } from '@/lib/platform/audit';
import { withTenant, type Tx } from '@/lib/platform/db';
import { AppError, duplicateName, notFound } from '@/lib/platform/errors';
import type { FloorPlanInput, TableInput, TablePatch } from './schemas';

export type DiningTable = {
  id: string;
  name: string;
  seats: number;
  area: string;
  status: TableStatus;
  covers: number;
  position: number;
  /** Its cell on the drawn floor plan; null when not placed (the floor lists it under its area). */
  gridX: number | null;
  gridY: number | null;
  shape: TableShape;
  updatedAt: Date;
};

const columns = {
  id: diningTables.id,
  name: diningTables.name,
  seats: diningTables.seats,
  area: diningTables.area,
  status: diningTables.status,
  covers: diningTables.covers,
  position: diningTables.position,
  gridX: diningTables.gridX,
  gridY: diningTables.gridY,
  shape: diningTables.shape,
  updatedAt: diningTables.updatedAt,
};

const duplicate = duplicateName('table');

/** The tables, by area and position; in the caller's tenant transaction `tx` when given (the register's reads share one). */
export function listTables({ tenantId }: TenantScope, filter: { area?: string; status?: TableStatus } = {}, tx?: Tx): Promise<DiningTable[]> {
  const where: SQL[] = [];
  if (filter.area) where.push(eq(diningTables.area, filter.area));
  if (filter.status) where.push(eq(diningTables.status, filter.status));
  const read = (tx: Tx) =>
    tx.select(columns).from(diningTables).where(and(...where)).orderBy(asc(diningTables.area), asc(diningTables.position), asc(diningTables.name));
  return tx ? read(tx) : withTenant(tenantId, read);
}

export async function createTable(ctx: TenantContext, input: TableInput): Promise<DiningTable> {
  if ((input.gridX ?? null) === null !== ((input.gridY ?? null) === null)) throw new AppError('unprocessable', 'Place a table on both a column and a row', [{ path: 'gridY', message: 'Choose a row too' }], { words: { key: 'tableBothCells' }, fieldWords: { gridY: { key: 'chooseRow' } } });
  return withTenant(ctx.tenantId, async (tx) => {
    const [row] = await tx.insert(diningTables).values({ tenantId: ctx.tenantId, ...input }).returning(columns).catch(duplicate);
    await recordAudit(tx, ctx.tenantId, { actorUserId: ctx.userId, action: 'table.created', entityType: 'table', entityId: row!.id, details: input });
    return row!;
  });
}

/**
 * Any staff member may seat guests and clear tables (status, covers); changing the floor
 * plan (name, seats, area, position) needs `tables:write`. Covers follow the status:
 * occupied needs at least one guest, free and needs-cleaning have none.
 */
export async function updateTable(ctx: TenantContext, id: string, patch: TablePatch): Promise<DiningTable> {
  const changesLayout = ['name', 'seats', 'area', 'position', 'gridX', 'gridY', 'shape'].some((k) => patch[k as keyof TablePatch] !== undefined);
  if (changesLayout && !can(ctx, 'tables:write')) throw new AppError('forbidden', 'Only managers and owners change the floor plan');
  return withTenant(ctx.tenantId, async (tx) => {
    const [current] = await tx.select(columns).from(diningTables).where(eq(diningTables.id, id)).for('update');
    if (!current) throw notFound('Table');
    const status = patch.status ?? current.status;
    let covers = patch.covers ?? current.covers;
    if (status !== 'occupied') {
      if (patch.covers) throw new AppError('unprocessable', 'Only an occupied table has covers', [{ path: 'covers', message: 'Seat the table first' }], { words: { key: 'coversOnlyOccupied' }, fieldWords: { covers: { key: 'seatFirst' } } });
      covers = 0;
    } else if (covers < 1) {
      throw new AppError('unprocessable', 'How many guests? An occupied table needs at least 1 cover', [{ path: 'covers', message: 'At least 1' }], { words: { key: 'coversAtLeastOne' }, fieldWords: { covers: { key: 'atLeast', values: { minimum: 1 } } } });
    }
    const [row] = await tx
      .update(diningTables)
      .set({ ...patch, status, covers, updatedAt: new Date() })
      .where(eq(diningTables.id, id))
      .returning(columns)
      .catch(duplicate);
    await recordAudit(tx, ctx.tenantId, { actorUserId: ctx.userId, action: 'table.updated', entityType: 'table', entityId: id, details: patch });
    if (status !== current.status || covers !== current.covers) await appendEvents(tx, ctx.tenantId, [{ type: 'TableStatusChanged', payload: { tableId: id, status, covers } }]);
    return row!;
  });
}

export async function deleteTable(ctx: TenantContext, id: string): Promise<void> {
  await withTenant(ctx.tenantId, async (tx) => {
    const [current] = await tx.select(columns).from(diningTables).where(eq(diningTables.id, id)).for('update');
    if (!current) throw notFound('Table');
    if (current.status === 'occupied') throw new AppError('conflict', 'This table has guests; free it before removing it', undefined, { words: { key: 'tableHasGuests' } });
    await tx.delete(diningTables).where(eq(diningTables.id, id));
    await recordAudit(tx, ctx.tenantId, { actorUserId: ctx.userId, action: 'table.deleted', entityType: 'table', entityId: id, details: { name: current.name } });
  });
}

/**
 * Seats guests at, or clears, a table inside the caller's transaction (the orders module: a
 * dine-in order opened, paid or voided). The table must exist in this tenant.
 */
export async function setTableOccupancy(tx: Tx, tableId: string, state: { status: TableStatus; covers: number }): Promise<void> {
  const covers = state.status === 'occupied' ? Math.max(1, state.covers) : 0;
  // Written only when it changes (a tab's update keeps its table as it was): no event for nothing.
  const rows = await tx
    .update(diningTables)
    .set({ status: state.status, covers, updatedAt: new Date() })
    .where(and(eq(diningTables.id, tableId), or(ne(diningTables.status, state.status), ne(diningTables.covers, covers))))
    .returning({ tenantId: diningTables.tenantId });
  if (rows[0]) return appendEvents(tx, rows[0].tenantId, [{ type: 'TableStatusChanged', payload: { tableId, status: state.status, covers } }]);
  const [exists] = await tx.select({ id: diningTables.id }).from(diningTables).where(eq(diningTables.id, tableId));
  if (!exists) throw new AppError('unprocessable', 'No such table', [{ path: 'tableId', message: 'No such table' }], { words: { key: 'noSuchTable' }, fieldWords: { tableId: { key: 'id' } } });
}

/**
 * A table held for a change by the orders module (an order moved to it, a tab merged from it):
 * locked until the caller's transaction ends. Another business's table is not found (RLS).
 */
export async function lockTable(tx: Tx, tableId: string): Promise<Pick<DiningTable, 'id' | 'name' | 'status' | 'covers'>> {
  const [row] = await tx
    .select({ id: diningTables.id, name: diningTables.name, status: diningTables.status, covers: diningTables.covers })
    .from(diningTables)
    .where(eq(diningTables.id, tableId))
    .for('update');
  if (!row) throw notFound('Table');
  return row;
}

/**
 * Saves the floor plan (the editor's cells and shapes) in one transaction: only tables whose
 * placement changed are written and audited (`table.updated` with before and after). A table
 * of another business, or removed meanwhile, is `not_found` and nothing is saved.
 */
export async function saveFloorPlan(ctx: TenantContext, plan: FloorPlanInput): Promise<number> {
  if (!can(ctx, 'tables:write')) throw new AppError('forbidden', 'Only managers and owners change the floor plan');
  return withTenant(ctx.tenantId, async (tx) => {
    let changed = 0;
    for (const t of plan.tables) {
      const [current] = await tx.select(columns).from(diningTables).where(eq(diningTables.id, t.id)).for('update');
      if (!current) throw notFound('Table');
      if (current.gridX === t.gridX && current.gridY === t.gridY && current.shape === t.shape) continue;
      await tx.update(diningTables).set({ gridX: t.gridX, gridY: t.gridY, shape: t.shape, updatedAt: new Date() }).where(eq(diningTables.id, t.id));
      await recordAudit(tx, ctx.tenantId, {
        actorUserId: ctx.userId,
        action: 'table.updated',
        entityType: 'table',
        entityId: t.id,
        before: { gridX: current.gridX, gridY: current.gridY, shape: current.shape },
        after: { gridX: t.gridX, gridY: t.gridY, shape: t.shape },
        details: { name: current.name },
      });
      changed += 1;
    }
    return changed;
  });
}

/** The floor a new restaurant starts with (sign-up): six tables in one area, placed on the plan. */
export const STARTER_FLOOR = [
  { name: 'T1', seats: 2, gridX: 0, gridY: 0, shape: 'square' },
  { name: 'T2', seats: 2, gridX: 2, gridY: 0, shape: 'square' },
  { name: 'T3', seats: 4, gridX: 4, gridY: 0, shape: 'round' },
  { name: 'T4', seats: 4, gridX: 0, gridY: 2, shape: 'round' },
  { name: 'T5', seats: 4, gridX: 2, gridY: 2, shape: 'square' },
  { name: 'T6', seats: 6, gridX: 4, gridY: 2, shape: 'wide' },
] as const satisfies readonly Pick<TableInput, 'name' | 'seats' | 'gridX' | 'gridY' | 'shape'>[];

/** Lays out the starter floor in the sign-up transaction `tx` (the tenant is set in it). */
export async function createStarterFloor(tx: Tx, tenantId: string): Promise<void> {
  await tx.insert(diningTables).values(STARTER_FLOOR.map((t, position) => ({ tenantId, ...t, area: 'Main', position })));
}

/**
 * What the first-day checklist needs of the floor: how many tables, and whether it has been
 * touched since sign-up — a table added, removed, renamed, resized or moved off the starter
 * plan, or any table changed apart from the others (seated, cleared).
 */
export async function floorCounts({ tenantId }: TenantScope): Promise<{ tables: number; changedSinceStart: boolean }> {
  const rows = await withTenant(tenantId, (tx) =>
    tx.select({ name: diningTables.name, seats: diningTables.seats, gridX: diningTables.gridX, gridY: diningTables.gridY, shape: diningTables.shape, updatedAt: diningTables.updatedAt }).from(diningTables),
  );
  const key = (t: { name: string; seats: number; gridX: number | null; gridY: number | null; shape: string }) => `${t.name}|${t.seats}|${t.gridX}|${t.gridY}|${t.shape}`;
  const starter = new Set(STARTER_FLOOR.map(key));
  const changedSinceStart =
    rows.length > 0 &&
    (rows.length !== STARTER_FLOOR.length || rows.some((r) => !starter.has(key(r))) || new Set(rows.map((r) => r.updatedAt.getTime())).size > 1);
  return { tables: rows.length, changedSinceStart };
}
