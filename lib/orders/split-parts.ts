import { and, asc, eq } from 'drizzle-orm';
import { orderSplitParts } from '@/db/schema/orders';
import type { PaymentView } from '@/lib/payments';
import type { Tx } from '@/lib/platform/db';
import { notFound } from '@/lib/platform/errors';

/** The rows of a split bill's parts, as the order and its tenders read them (the plan itself: split.ts). */
export type PartRow = typeof orderSplitParts.$inferSelect;
export type SplitPartView = Omit<PartRow, 'tenantId' | 'orderId'> & {
  balanceDue: number;
  /** The tenders taken toward this part (captured, pending or failed), oldest first. */
  paymentIds: string[];
};

/** The order's split parts in order, each with its balance and tenders (empty: not split). */
export async function partsOfOrder(tx: Tx, orderId: string, payments: readonly PaymentView[]): Promise<SplitPartView[]> {
  const rows = await tx.select().from(orderSplitParts).where(eq(orderSplitParts.orderId, orderId)).orderBy(asc(orderSplitParts.position));
  return rows.map(({ tenantId: _t, orderId: _o, ...p }) => ({
    ...p,
    balanceDue: p.amount - p.paidTotal,
    paymentIds: payments.filter((pay) => pay.partId === p.id).map((pay) => pay.id),
  }));
}

/** The part a tender pays, locked with the order (its balance must hold until the tender is booked). */
export async function lockPart(tx: Tx, orderId: string, partId: string): Promise<PartRow> {
  const [part] = await tx
    .select()
    .from(orderSplitParts)
    .where(and(eq(orderSplitParts.id, partId), eq(orderSplitParts.orderId, orderId)))
    .for('update');
  if (!part) throw notFound('Part of the bill');
  return part;
}

/** Books money taken toward a part (in the payment's transaction). */
export async function addToPart(tx: Tx, partId: string, part: Pick<PartRow, 'paidTotal'>, amount: number): Promise<void> {
  await tx.update(orderSplitParts).set({ paidTotal: part.paidTotal + amount }).where(eq(orderSplitParts.id, partId));
}

