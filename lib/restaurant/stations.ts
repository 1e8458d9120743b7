import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { kitchenRoutes, kitchenStations, kitchenTickets, type KitchenRouteKind } from '@/db/schema/restaurant';
import { can, type TenantContext, type TenantScope } from '@/lib/auth';
import { categoryService, getProducts } from '@/lib/catalog';
import { changes, recordAudit } from '@/lib/platform/audit';
import { withTenant, type Tx } from '@/lib/platform/db';
import { AppError, duplicateName, notFound } from '@/lib/platform/errors';
import type { CategoryRoutesInput, ProductRouteInput, RouteTarget, StationInput, StationPatch } from './schemas';

/**
 * Kitchen stations ("Kitchen", "Bar") and routes: which station makes a category's or a
 * product's items. A product's route wins over its category's; an item with neither goes to the
 * default station; a route to `none` makes no ticket. docs/kitchen.md.
 */
export type KitchenStation = { id: string; name: string; isDefault: boolean; position: number };
/** A route as the admin shows it: a category's or product's station (null: no ticket). */
export type KitchenRoute = { kind: KitchenRouteKind; targetId: string; stationId: string | null };

const columns = { id: kitchenStations.id, name: kitchenStations.name, isDefault: kitchenStations.isDefault, position: kitchenStations.position };
const duplicate = duplicateName('station');
export const DEFAULT_STATION_NAME = 'Kitchen';

function mayChange(ctx: TenantContext): void {
  if (!can(ctx, 'kitchen:write')) throw new AppError('forbidden', 'Only managers and owners set up kitchen stations', undefined, { words: { key: 'stationsManagers' } });
}

const ordered = (tx: Tx) => tx.select(columns).from(kitchenStations).orderBy(asc(kitchenStations.position), asc(kitchenStations.name));

/**
 * The tenant's stations, default first in their order; on first use (the kitchen display or its
 * admin opened) the default "Kitchen" is created. Until then the business fires no tickets: a
 * shop that never cooks keeps no kitchen (see fireTickets).
 */
export async function stationsOf({ tenantId }: TenantScope): Promise<KitchenStation[]> {
  const existing = await withTenant(tenantId, (tx) => ordered(tx));
  if (existing.length > 0) return existing;
  return withTenant(tenantId, async (tx) => {
    // Two screens opening at once: the partial unique index lets one default in, the other finds it.
    await tx.insert(kitchenStations).values({ tenantId, name: DEFAULT_STATION_NAME, isDefault: true }).onConflictDoNothing();
    return ordered(tx);
  });
}

/** The stations as they are, none created (the outbox handler's and the tests' view). */
export function listStations({ tenantId }: TenantScope): Promise<KitchenStation[]> {
  return withTenant(tenantId, (tx) => ordered(tx));
}

async function lockStation(tx: Tx, id: string): Promise<KitchenStation> {
  const [row] = await tx.select(columns).from(kitchenStations).where(eq(kitchenStations.id, id)).for('update');
  if (!row) throw notFound('Station');
  return row;
}

export async function createStation(ctx: TenantContext, input: StationInput): Promise<KitchenStation> {
  mayChange(ctx);
  await stationsOf(ctx); // a first station made by hand still leaves "Kitchen" as the default
  return withTenant(ctx.tenantId, async (tx) => {
    const [{ next }] = (await tx.select({ next: sql<number>`coalesce(max(${kitchenStations.position}), -1) + 1` }).from(kitchenStations)) as [{ next: number }];
    const [row] = await tx
      .insert(kitchenStations)
      .values({ tenantId: ctx.tenantId, name: input.name, position: Number(next) })
      .returning(columns)
      .catch(duplicate);
    await recordAudit(tx, ctx.tenantId, { actorUserId: ctx.userId, action: 'station.created', entityType: 'station', entityId: row!.id, details: { name: row!.name } });
    return row!;
  });
}

/** Renames a station, or makes it the default (the old default stops being one, in the same step). */
export async function updateStation(ctx: TenantContext, id: string, patch: StationPatch): Promise<KitchenStation> {
  mayChange(ctx);
  return withTenant(ctx.tenantId, async (tx) => {
    const current = await lockStation(tx, id);
    if (patch.isDefault && !current.isDefault) {
      await tx.update(kitchenStations).set({ isDefault: false }).where(eq(kitchenStations.isDefault, true));
    }
    const [row] = await tx
      .update(kitchenStations)
      .set({ ...(patch.name !== undefined && { name: patch.name }), ...(patch.isDefault && { isDefault: true }) })
      .where(eq(kitchenStations.id, id))
      .returning(columns)
      .catch(duplicate);
    const changed = changes(current, row!, ['name', 'isDefault']);
    if (Object.keys(changed.after ?? {}).length > 0) {
      await recordAudit(tx, ctx.tenantId, { actorUserId: ctx.userId, action: 'station.updated', entityType: 'station', entityId: id, ...changed });
    }
    return row!;
  });
}

/**
 * Removes a station: its routes go with it (those items go to the default station again), and
 * so do its bumped tickets. Refused for the default station and while tickets are on its screen.
 */
export async function deleteStation(ctx: TenantContext, id: string): Promise<void> {
  mayChange(ctx);
  await withTenant(ctx.tenantId, async (tx) => {
    const current = await lockStation(tx, id);
    if (current.isDefault) throw new AppError('conflict', `${current.name} is the default station; make another the default first`, undefined, { words: { key: 'stationDefault', values: { station: current.name } } });
    const [open] = await tx
      .select({ id: kitchenTickets.id })
      .from(kitchenTickets)
      .where(and(eq(kitchenTickets.stationId, id), isNull(kitchenTickets.bumpedAt)))
      .limit(1);
    if (open) throw new AppError('conflict', `${current.name} still has tickets on its screen; bump them first`, undefined, { words: { key: 'stationBusy', values: { station: current.name } } });
    await tx.delete(kitchenStations).where(eq(kitchenStations.id, id));
    await recordAudit(tx, ctx.tenantId, { actorUserId: ctx.userId, action: 'station.deleted', entityType: 'station', entityId: id, details: { name: current.name } });
  });
}

export function listRoutes({ tenantId }: TenantScope): Promise<KitchenRoute[]> {
  return withTenant(tenantId, (tx) =>
    tx.select({ kind: kitchenRoutes.kind, targetId: kitchenRoutes.targetId, stationId: kitchenRoutes.stationId }).from(kitchenRoutes),
  );
}

/** Writes routes of one kind: `inherit` removes the route, anything else sets it. Audited as one row with each change. */
async function writeRoutes(ctx: TenantContext, kind: KitchenRouteKind, routes: { targetId: string; station: RouteTarget; label: string }[]): Promise<number> {
  if (routes.length === 0) return 0;
  return withTenant(ctx.tenantId, async (tx) => {
    const stationIds = [...new Set(routes.map((r) => r.station).filter((s) => s !== 'inherit' && s !== 'none'))];
    const known = stationIds.length ? await tx.select({ id: kitchenStations.id }).from(kitchenStations).where(inArray(kitchenStations.id, stationIds)) : [];
    const missing = stationIds.find((s) => !known.some((k) => k.id === s));
    if (missing) throw new AppError('unprocessable', 'That station no longer exists; reload the page', [{ path: 'station', message: 'No such station' }], { words: { key: 'gone' }, fieldWords: { station: { key: 'id' } } });

    const targetIds = routes.map((r) => r.targetId);
    const current = await tx
      .select({ targetId: kitchenRoutes.targetId, stationId: kitchenRoutes.stationId })
      .from(kitchenRoutes)
      .where(and(eq(kitchenRoutes.kind, kind), inArray(kitchenRoutes.targetId, targetIds)))
      .for('update');
    const was = (targetId: string): RouteTarget => {
      const row = current.find((c) => c.targetId === targetId);
      return row ? (row.stationId ?? 'none') : 'inherit';
    };
    const changed = routes.filter((r) => was(r.targetId) !== r.station);
    for (const r of changed) {
      if (r.station === 'inherit') {
        await tx.delete(kitchenRoutes).where(and(eq(kitchenRoutes.kind, kind), eq(kitchenRoutes.targetId, r.targetId)));
      } else {
        const stationId = r.station === 'none' ? null : r.station;
        await tx
          .insert(kitchenRoutes)
          .values({ tenantId: ctx.tenantId, kind, targetId: r.targetId, stationId })
          .onConflictDoUpdate({ target: [kitchenRoutes.tenantId, kitchenRoutes.kind, kitchenRoutes.targetId], set: { stationId, updatedAt: new Date() } });
      }
    }
    if (changed.length > 0) {
      await recordAudit(tx, ctx.tenantId, {
        actorUserId: ctx.userId,
        action: 'kitchen_route.set',
        entityType: kind,
        entityId: changed.length === 1 ? changed[0]!.targetId : null,
        details: { routes: changed.map((r) => ({ [kind]: r.label, from: was(r.targetId), to: r.station })) },
      });
    }
    return changed.length;
  });
}

/** Sets where each listed category's items go; answers how many routes changed. */
export async function setCategoryRoutes(ctx: TenantContext, input: CategoryRoutesInput): Promise<number> {
  mayChange(ctx);
  const categories = await categoryService.list(ctx);
  const routes = input.routes.map((r) => {
    const category = categories.find((c) => c.id === r.categoryId);
    if (!category) throw notFound('Category');
    return { targetId: r.categoryId, station: r.station, label: category.name };
  });
  return writeRoutes(ctx, 'category', routes);
}

/** Sends one product's items to a station (or none), whatever its category says; `inherit` removes that. */
export async function setProductRoute(ctx: TenantContext, input: ProductRouteInput): Promise<{ changed: boolean; name: string }> {
  mayChange(ctx);
  const [product] = await getProducts(ctx, [input.productId]);
  if (!product) throw notFound('Product');
  const changed = await writeRoutes(ctx, 'product', [{ targetId: product.id, station: input.station, label: product.name }]);
  return { changed: changed > 0, name: product.name };
}

/** What routing needs for one firing, read in the caller's transaction (the outbox handler's). */
export async function routingIn(tx: Tx, productIds: string[], categoryIds: string[]): Promise<Routing | null> {
  const stations = await tx.select({ id: kitchenStations.id, isDefault: kitchenStations.isDefault }).from(kitchenStations);
  if (stations.length === 0) return null;
  const targets = [...productIds, ...categoryIds];
  const routes = targets.length
    ? await tx
        .select({ kind: kitchenRoutes.kind, targetId: kitchenRoutes.targetId, stationId: kitchenRoutes.stationId })
        .from(kitchenRoutes)
        .where(
          or(
            productIds.length ? and(eq(kitchenRoutes.kind, 'product'), inArray(kitchenRoutes.targetId, productIds)) : undefined,
            categoryIds.length ? and(eq(kitchenRoutes.kind, 'category'), inArray(kitchenRoutes.targetId, categoryIds)) : undefined,
          ),
        )
    : [];
  return { defaultStationId: (stations.find((s) => s.isDefault) ?? stations[0]!).id, routes };
}

export type Routing = { defaultStationId: string; routes: KitchenRoute[] };

/**
 * The station that makes an item, or null for none: the product's route, else its category's,
 * else the default station.
 */
export function stationFor(routing: Routing, item: { productId: string; categoryId: string | null }): string | null {
  const route = (kind: KitchenRouteKind, id: string | null) => (id ? routing.routes.find((r) => r.kind === kind && r.targetId === id) : undefined);
  const chosen = route('product', item.productId) ?? route('category', item.categoryId);
  return chosen ? chosen.stationId : routing.defaultStationId;
}
