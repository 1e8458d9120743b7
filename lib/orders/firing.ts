import { and, asc, eq, ne } from 'drizzle-orm';
import { orderLines, orders } from '@/db/schema/orders';
import { variantLabel } from '@/lib/catalog';
import { appendEvents, type EventPayloads } from '@/lib/events';
import type { Tx } from '@/lib/platform/db';
import { AppError } from '@/lib/platform/errors';
import type { Quote } from './quote';
import type { UpdateOrderInput } from './schemas';

/**
 * Hold & fire for open tabs (docs/kitchen.md). An order line remembers how many of its units the
 * kitchen already has (`fired_quantity`, `fired_at`); what is fired, or taken off after firing,
 * travels as `OrderLinesFired` in the transaction that changed it, and lib/restaurant makes the
 * tickets. Line ids are kept across edits so the difference is known: the register sends back
 * the `lineId` each line came with.
 */
type LineRow = typeof orderLines.$inferSelect;
type OrderRow = typeof orders.$inferSelect;
export type FiredLine = EventPayloads['OrderLinesFired']['lines'][number];
type InputLine = UpdateOrderInput['lines'][number];

/** What a ticket needs of a line, with the units to make (or, voided, to stop making). */
export const firedLine = (l: Pick<LineRow, 'id' | 'variantId' | 'productId' | 'categoryId' | 'productName' | 'variantName' | 'modifiers' | 'note' | 'course'>, quantity: number, voided = false): FiredLine => ({
  variantId: l.variantId,
  quantity,
  lineId: l.id,
  productId: l.productId,
  categoryId: l.categoryId,
  name: variantLabel(l),
  modifiers: l.modifiers.map((m) => m.optionName),
  note: l.note,
  course: l.course,
  ...(voided && { voided: true }),
});

export async function announceFired(tx: Tx, order: OrderRow, lines: FiredLine[], course: number | null = null): Promise<void> {
  if (lines.length === 0) return;
  await appendEvents(tx, order.tenantId, [
    {
      type: 'OrderLinesFired',
      payload: {
        orderId: order.id,
        number: order.number,
        locationId: order.locationId,
        type: order.type,
        tableId: order.tableId,
        customerName: order.customerName,
        note: order.note,
        course,
        lines,
      },
    },
  ]);
}

/** One open tab per table: another open order on it is a 409 that says which (the unique index is the race's backstop). */
export async function assertNoOtherTab(tx: Tx, tableId: string, exceptOrderId: string | null): Promise<void> {
  const [other] = await tx
    .select({ number: orders.number })
    .from(orders)
    .where(and(eq(orders.tableId, tableId), eq(orders.status, 'open'), exceptOrderId ? ne(orders.id, exceptOrderId) : undefined))
    .limit(1);
  if (other) {
    throw new AppError('conflict', `This table already has open order #${other.number}: open it from the floor, or merge the tables`, [
      { path: 'tableId', message: `Open order #${other.number} is on this table` },
    ]);
  }
}

const sameItem = (a: Pick<LineRow, 'variantId' | 'note' | 'modifiers'>, b: Pick<LineRow, 'variantId' | 'note' | 'modifiers'>) =>
  a.variantId === b.variantId &&
  (a.note ?? null) === (b.note ?? null) &&
  a.modifiers.length === b.modifiers.length &&
  a.modifiers.every((m) => b.modifiers.some((n) => n.optionId === m.optionId));

type LineValues = Omit<typeof orderLines.$inferInsert, 'id' | 'firedQuantity' | 'firedAt'>;

/**
 * How an open order's new lines land on its current ones, keeping ids. A line sent with the id
 * of one of this order's lines updates it in place (its fired units kept, up to its new
 * quantity); any other is new; a line no longer sent goes. Units the kitchen had and no longer
 * should — a fired line removed, reduced, or changed to another item, choice or note — are
 * `voids`. Pure, so the caller can ask for a manager's approval before it writes anything.
 */
export function planLines(current: LineRow[], values: LineValues[], input: InputLine[]) {
  const byId = new Map(current.map((l) => [l.id, l]));
  const kept = new Set<string>();
  const voids: FiredLine[] = [];
  const writes = values.map((value, i) => {
    const lineId = input[i]?.lineId;
    const prev = lineId && !kept.has(lineId) ? byId.get(lineId) : undefined;
    if (!prev) return { value, prev: null, fired: 0 };
    kept.add(prev.id);
    let fired = prev.firedQuantity;
    if (fired > 0 && !sameItem(prev, value as LineRow)) {
      voids.push(firedLine(prev, fired, true));
      fired = 0;
    } else if (value.quantity < fired) {
      voids.push(firedLine(prev, fired - value.quantity, true));
      fired = value.quantity;
    }
    return { value, prev, fired };
  });
  const gone = current.filter((l) => !kept.has(l.id));
  for (const l of gone) if (l.firedQuantity > 0) voids.push(firedLine(l, l.firedQuantity, true));
  return { writes, gone, voids };
}

/**
 * Writes an open order's new lines over its current ones (`planLines`) and announces the voided
 * units now: the cook must stop. A changed line fires again in full at the next Send. Returns
 * the voided lines; the caller writes the totals.
 */
export async function writeLines(tx: Tx, order: OrderRow, values: LineValues[], input: InputLine[]): Promise<FiredLine[]> {
  const current = await tx.select().from(orderLines).where(eq(orderLines.orderId, order.id)).orderBy(asc(orderLines.position));
  const { writes, gone, voids } = planLines(current, values, input);
  for (const { value, prev, fired } of writes) {
    if (!prev) await tx.insert(orderLines).values(value);
    else await tx.update(orderLines).set({ ...value, firedQuantity: fired, firedAt: fired > 0 ? prev.firedAt : null }).where(eq(orderLines.id, prev.id));
  }
  for (const l of gone) await tx.delete(orderLines).where(eq(orderLines.id, l.id));
  await announceFired(tx, order, voids);
  return voids;
}

/** The course and hold of each quoted line, as the register sent them (the quote keeps the input's order). */
export const courseOf = (input: InputLine[], i: number) => ({ course: input[i]?.course ?? 1, held: input[i]?.held ?? false });

export type { Quote };
