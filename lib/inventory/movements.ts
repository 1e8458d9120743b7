import { and, eq, inArray, sql } from 'drizzle-orm';
import { stockLevels, stockMovements, type MovementKind } from '@/db/schema/inventory';
import { appendEvents, type EventPayloads } from '@/lib/events';
import { rowsOf, type Tx } from '@/lib/platform/db';
import { AppError } from '@/lib/platform/errors';

/** One item that could not be taken out of stock, and why. */
export type ShortItem = { variantId: string; requested: number; available: number };

/**
 * The typed failure of a guarded decrement: the whole transaction fails and the caller gets
 * every short item (409, details list them).
 */
export class InsufficientStockError extends AppError {
  readonly items: ShortItem[];
  /**
   * @param describe names an item for people (product, variant, SKU)
   * @param pathOf the input field of an item's line (e.g. `lines.2.quantity`), so a form can
   *   mark that line
   */
  constructor(items: ShortItem[], describe: (variantId: string) => string = (id) => id, pathOf: (variantId: string) => string = () => 'lines') {
    super(
      'conflict',
      `Not enough stock: ${items.map((i) => `${describe(i.variantId)} (${i.available} left, ${i.requested} needed)`).join(', ')}`,
      items.map((i) => ({ ...i, path: pathOf(i.variantId), message: `Only ${i.available} in stock` })),
    );
    this.name = 'InsufficientStockError';
    this.items = items;
  }
}

export type Movement = {
  locationId: string;
  variantId: string;
  delta: number;
  kind: MovementKind;
  reason?: string | null;
  note?: string | null;
  referenceType?: string | null;
  referenceId?: string | null;
  /** Receipts: what one unit cost (minor units, before tax), when known. */
  unitCost?: number | null;
  actorUserId?: string | null;
};

type Applied = { before: number; after: number; threshold: number | null };

/**
 * Changes one stock level inside the caller's transaction and records it: the level (one
 * atomic statement), a ledger row, and the events StockChanged, LowStock (on crossing the
 * threshold) and ProductOutOfStock (on reaching zero).
 *
 * With `guard`, a decrement only happens if it leaves the level at zero or more
 * (`... WHERE quantity + delta >= 0`); otherwise the item is returned as short and nothing
 * changes for it. Concurrent decrements serialise on the row lock, so stock can never be
 * oversold however many registers sell at once.
 */
export async function applyMovement(tx: Tx, tenantId: string, m: Movement, guard: boolean): Promise<Applied | ShortItem> {
  return (await applyMovements(tx, tenantId, [{ movement: m, guard }]))[0]!;
}

/**
 * applyMovement for several items at once (a sale's lines), one insert for all the ledger rows
 * and their events. Guarded decrements of distinct items at one location (a sale) change their
 * levels in one statement; anything else one statement per level. Either way levels are locked
 * in variant order, so two sales of the same items cannot deadlock. Answers in the order given.
 */
export async function applyMovements(tx: Tx, tenantId: string, movements: { movement: Movement; guard: boolean }[]): Promise<(Applied | ShortItem)[]> {
  // A sale's takes write their ledger rows in the same statement; anything else inserts them after.
  const inOne = takesInOneStatement(movements);
  const results = inOne ? await takeGuarded(tx, tenantId, movements.map((m) => m.movement)) : await changeLevels(tx, tenantId, movements);
  const applied = movements.flatMap(({ movement }, i) => (isShort(results[i]!) ? [] : [{ m: movement, level: results[i] as Applied }]));
  if (applied.length === 0) return results;
  if (!inOne) await tx.insert(stockMovements).values(
    applied.map(({ m, level }) => ({
      tenantId,
      locationId: m.locationId,
      variantId: m.variantId,
      kind: m.kind,
      delta: m.delta,
      quantityAfter: level.after,
      reason: m.reason ?? null,
      note: m.note ?? null,
      referenceType: m.referenceType ?? null,
      referenceId: m.referenceId ?? null,
      unitCost: m.unitCost ?? null,
      actorUserId: m.actorUserId ?? null,
    })),
  );
  await appendEvents(tx, tenantId, applied.flatMap(({ m, level }) => eventsOf(m, level)) as Parameters<typeof appendEvents>[2]);
  return results;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** One statement per level, in variant order; answers in the order given. */
async function changeLevels(tx: Tx, tenantId: string, movements: { movement: Movement; guard: boolean }[]): Promise<(Applied | ShortItem)[]> {
  const order = movements.map((_, i) => i).sort((a, b) => compare(movements[a]!.movement.variantId, movements[b]!.movement.variantId) || a - b);
  const results: (Applied | ShortItem)[] = new Array(movements.length);
  for (const i of order) results[i] = await changeLevel(tx, tenantId, movements[i]!.movement, movements[i]!.guard);
  return results;
}

/** Guarded decrements of distinct items at one location (a sale): takeGuarded's case. */
function takesInOneStatement(movements: { movement: Movement; guard: boolean }[]): boolean {
  const location = movements[0]?.movement.locationId;
  return (
    movements.length > 0 &&
    movements.every(({ movement: m, guard }) => guard && m.delta < 0 && m.locationId === location) &&
    new Set(movements.map(({ movement: m }) => m.variantId)).size === movements.length
  );
}

/**
 * Guarded decrements of distinct items at one location in one statement, their ledger rows with
 * them: `locked` takes the rows' locks in variant order (its ORDER BY sits below the row locking),
 * then each level is lowered only if it stays at zero or more, and `ledger` records each level
 * lowered (a sale's items: one round trip where a level update and a ledger insert were two). An
 * update that waited for a lock re-checks that against the committed level, as a single-row update
 * does. Items it did not lower are short; only then is their level read, for the error.
 */
async function takeGuarded(tx: Tx, tenantId: string, movements: Movement[]): Promise<(Applied | ShortItem)[]> {
  const location = movements[0]!.locationId;
  const wanted = sql.join(
    movements.map(
      (m) =>
        sql`(${m.variantId}::uuid, ${m.delta}::integer, ${m.kind}::text, ${m.reason ?? null}::text, ${m.note ?? null}::text, ${m.referenceType ?? null}::text, ${m.referenceId ?? null}::text, ${m.unitCost ?? null}::integer, ${m.actorUserId ?? null}::uuid)`,
    ),
    sql`, `,
  );
  const taken = rowsOf<{ variant_id: string; quantity: number; threshold: number | null }>(
    await tx.execute(sql`
      with wanted (variant_id, delta, kind, reason, note, reference_type, reference_id, unit_cost, actor_user_id) as (values ${wanted}),
      locked as (
        select l.variant_id from ${stockLevels} l
        where l.location_id = ${location} and l.variant_id in (select variant_id from wanted)
        order by l.variant_id
        for update
      ),
      taken as (
        update ${stockLevels} l set quantity = l.quantity + w.delta, updated_at = now()
        from wanted w
        where l.location_id = ${location} and l.variant_id = w.variant_id
          and l.variant_id in (select variant_id from locked) and l.quantity + w.delta >= 0
        returning l.variant_id, l.quantity, l.low_stock_threshold as threshold
      ),
      ledger as (
        insert into ${stockMovements} (tenant_id, location_id, variant_id, kind, delta, quantity_after, reason, note, reference_type, reference_id, unit_cost, actor_user_id)
        select ${tenantId}::uuid, ${location}::uuid, t.variant_id, w.kind, w.delta, t.quantity, w.reason, w.note, w.reference_type, w.reference_id, w.unit_cost, w.actor_user_id
        from taken t join wanted w on w.variant_id = t.variant_id
      )
      select variant_id, quantity, threshold from taken`),
  );
  const byVariant = new Map(taken.map((row) => [row.variant_id, row]));
  const missing = movements.filter((m) => !byVariant.has(m.variantId));
  const available = missing.length
    ? new Map(
        (
          await tx
            .select({ variantId: stockLevels.variantId, quantity: stockLevels.quantity })
            .from(stockLevels)
            .where(and(eq(stockLevels.locationId, location), inArray(stockLevels.variantId, missing.map((m) => m.variantId))))
        ).map((row) => [row.variantId, row.quantity]),
      )
    : new Map<string, number>();
  return movements.map((m) => {
    const row = byVariant.get(m.variantId);
    if (!row) return { variantId: m.variantId, requested: -m.delta, available: Math.max(0, available.get(m.variantId) ?? 0) };
    return { before: row.quantity - m.delta, after: row.quantity, threshold: row.threshold };
  });
}

/** The level's one atomic statement (guarded: only if it stays at zero or more). */
async function changeLevel(tx: Tx, tenantId: string, m: Movement, guard: boolean): Promise<Applied | ShortItem> {
  let row: { quantity: number; threshold: number | null } | undefined;
  if (guard && m.delta < 0) {
    [row] = await tx
      .update(stockLevels)
      .set({ quantity: sql`${stockLevels.quantity} + ${m.delta}`, updatedAt: sql`now()` })
      .where(
        and(
          eq(stockLevels.locationId, m.locationId),
          eq(stockLevels.variantId, m.variantId),
          sql`${stockLevels.quantity} + ${m.delta} >= 0`,
        ),
      )
      .returning({ quantity: stockLevels.quantity, threshold: stockLevels.lowStockThreshold });
    if (!row) {
      const [current] = await tx
        .select({ quantity: stockLevels.quantity })
        .from(stockLevels)
        .where(and(eq(stockLevels.locationId, m.locationId), eq(stockLevels.variantId, m.variantId)));
      return { variantId: m.variantId, requested: -m.delta, available: Math.max(0, current?.quantity ?? 0) };
    }
  } else {
    [row] = await tx
      .insert(stockLevels)
      .values({ tenantId, locationId: m.locationId, variantId: m.variantId, quantity: m.delta })
      .onConflictDoUpdate({
        target: [stockLevels.tenantId, stockLevels.locationId, stockLevels.variantId],
        set: { quantity: sql`${stockLevels.quantity} + ${m.delta}`, updatedAt: sql`now()` },
      })
      .returning({ quantity: stockLevels.quantity, threshold: stockLevels.lowStockThreshold });
  }
  return { before: row!.quantity - m.delta, after: row!.quantity, threshold: row!.threshold };
}

function eventsOf(m: Movement, { before, after, threshold }: Applied): { type: keyof EventPayloads; payload: EventPayloads[keyof EventPayloads] }[] {
  const item = { locationId: m.locationId, variantId: m.variantId };
  const events: { type: keyof EventPayloads; payload: EventPayloads[keyof EventPayloads] }[] = [
    { type: 'StockChanged', payload: { ...item, delta: m.delta, quantity: after, threshold, kind: m.kind, referenceId: m.referenceId ?? null } },
  ];
  if (threshold !== null && before > threshold && after <= threshold) {
    events.push({ type: 'LowStock', payload: { ...item, quantity: after, threshold } });
  }
  if (before > 0 && after <= 0) events.push({ type: 'ProductOutOfStock', payload: { ...item, quantity: after } });
  return events;
}

export const isShort = (r: Applied | ShortItem): r is ShortItem => 'requested' in r;
