import { and, eq, sql } from 'drizzle-orm';
import { stockLevels, stockMovements, type MovementKind } from '@/db/schema/inventory';
import { appendEvents, type EventPayloads } from '@/lib/events';
import type { Tx } from '@/lib/platform/db';
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
 * applyMovement for several items at once (a sale's lines): one statement per level, as the
 * guard needs, but one insert for all the ledger rows and one for all the events. Levels are
 * changed in variant order, so two sales of the same items lock their rows in the same order
 * and cannot deadlock. Answers in the order given.
 */
export async function applyMovements(tx: Tx, tenantId: string, movements: { movement: Movement; guard: boolean }[]): Promise<(Applied | ShortItem)[]> {
  const order = movements.map((_, i) => i).sort((a, b) => compare(movements[a]!.movement.variantId, movements[b]!.movement.variantId) || a - b);
  const results: (Applied | ShortItem)[] = new Array(movements.length);
  for (const i of order) results[i] = await changeLevel(tx, tenantId, movements[i]!.movement, movements[i]!.guard);
  const applied = movements.flatMap(({ movement }, i) => (isShort(results[i]!) ? [] : [{ m: movement, level: results[i] as Applied }]));
  if (applied.length === 0) return results;
  await tx.insert(stockMovements).values(
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
