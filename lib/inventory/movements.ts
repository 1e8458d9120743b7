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
  const after = row!.quantity;
  const before = after - m.delta;
  const threshold = row!.threshold;

  await tx.insert(stockMovements).values({
    tenantId,
    locationId: m.locationId,
    variantId: m.variantId,
    kind: m.kind,
    delta: m.delta,
    quantityAfter: after,
    reason: m.reason ?? null,
    note: m.note ?? null,
    referenceType: m.referenceType ?? null,
    referenceId: m.referenceId ?? null,
    actorUserId: m.actorUserId ?? null,
  });

  const item = { locationId: m.locationId, variantId: m.variantId };
  const events: { type: keyof EventPayloads; payload: EventPayloads[keyof EventPayloads] }[] = [
    { type: 'StockChanged', payload: { ...item, delta: m.delta, quantity: after, threshold, kind: m.kind, referenceId: m.referenceId ?? null } },
  ];
  if (threshold !== null && before > threshold && after <= threshold) {
    events.push({ type: 'LowStock', payload: { ...item, quantity: after, threshold } });
  }
  if (before > 0 && after <= 0) events.push({ type: 'ProductOutOfStock', payload: { ...item, quantity: after } });
  await appendEvents(tx, tenantId, events as Parameters<typeof appendEvents>[2]);
  return { before, after, threshold };
}

export const isShort = (r: Applied | ShortItem): r is ShortItem => 'requested' in r;
