import { and, asc, eq, lt, sql } from 'drizzle-orm';
import { orderLines, orderRefunds, orders } from '@/db/schema/orders';
import { authorise, type TenantContext } from '@/lib/auth';
import { appendEvents } from '@/lib/events';
import { releaseStock } from '@/lib/inventory';
import {
  GatewayRefusedError,
  GatewayUnavailableError,
  paymentsOfOrder,
  refundCard,
  refundsOfDocument,
  settleRefund,
  startRefund,
  type PaymentView,
} from '@/lib/payments';
import { withTenant, type Tx } from '@/lib/platform/db';
import { AppError, notFound } from '@/lib/platform/errors';
import { logger } from '@/lib/platform/logger';
import { formatMoney } from '@/lib/platform/money';
import { auditRefund, auditRefundRefused } from './audit';
import { divideRounded } from './pricing';
import { assertTransition, getOrder, lockOrder, voidOrderInTx, type OrderView } from './orders';
import type { RefundOrderInput } from './schemas';
import { drawerFor } from './shifts';

/** Voids an unpaid order (a cashier needs a manager's approval); answers the order as it now is. */
export async function voidOrder(ctx: TenantContext, orderId: string, input: { reason: string; approval: { token: string } | null }): Promise<OrderView> {
  const approvedBy = await authorise(ctx, 'order:void', input.approval);
  await withTenant(ctx.tenantId, (tx) => voidOrderInTx(tx, ctx, orderId, input.reason, approvedBy));
  return getOrder(ctx, orderId);
}

/**
 * What refunding `quantity` more units of a line returns: the line's total split by units so
 * that refunding every unit, in any steps, returns exactly the line's total.
 */
export function refundAmount(line: { total: number; quantity: number; refundedQuantity: number }, quantity: number): number {
  const upTo = (n: number) => divideRounded(line.total * n, line.quantity);
  return upTo(line.refundedQuantity + quantity) - upTo(line.refundedQuantity);
}

/**
 * The tax inside that money: the line's tax split by units the same way, so refunding every
 * unit gives back exactly the line's tax (reports take it off the tax figure).
 */
export function refundTax(line: { tax: number; quantity: number; refundedQuantity: number }, quantity: number): number {
  return refundAmount({ total: line.tax, quantity: line.quantity, refundedQuantity: line.refundedQuantity }, quantity);
}

type RefundDocument = typeof orderRefunds.$inferSelect;
export type RefundStatus = 'settled' | 'pending' | 'failed';

/** Units of each line already spoken for by refunds still waiting for the card service. */
async function reservedQuantities(tx: Tx, orderId: string): Promise<Map<string, number>> {
  const pending = await tx
    .select({ lines: orderRefunds.lines })
    .from(orderRefunds)
    .where(and(eq(orderRefunds.orderId, orderId), eq(orderRefunds.status, 'pending')));
  const reserved = new Map<string, number>();
  for (const l of pending.flatMap((d) => d.lines)) reserved.set(l.lineId, (reserved.get(l.lineId) ?? 0) + l.quantity);
  return reserved;
}

/**
 * Refunds lines of a paid order, back to the tenders it was paid with (the latest tender
 * first, each up to what is still refundable on it), in two phases:
 *   1. one transaction writes the refund document and its parts `pending` and reserves the
 *      amounts on the payments; nothing about the order, its lines or stock changes yet. A
 *      refund with no card part settles in that same transaction;
 *   2. card parts go to the gateway (each part's id is its idempotency key). When every card
 *      part went through, the document settles (see settleDocument); a definitive refusal
 *      fails it and releases the reservations, so the order is exactly as before. No answer
 *      leaves it pending for the recovery job, which retries with the same keys.
 */
/**
 * Which payments the money goes back on: latest first, each up to what is still refundable on
 * it — over every tender, or per tender as the manager chose (each within what it can return,
 * adding up to the refund).
 */
function refundParts(captured: PaymentView[], amount: number, chosen: RefundOrderInput['tenders'], currency: string): { payment: PaymentView; amount: number }[] {
  const take = (payments: PaymentView[], wanted: number) => {
    const parts: { payment: PaymentView; amount: number }[] = [];
    let left = wanted;
    for (const payment of [...payments].reverse()) {
      if (left === 0) break;
      const share = Math.min(left, payment.amount - payment.refundedAmount);
      if (share <= 0) continue;
      parts.push({ payment, amount: share });
      left -= share;
    }
    return { parts, left };
  };
  if (!chosen) {
    const { parts, left } = take(captured, amount);
    if (left > 0) throw new AppError('conflict', 'There is not enough paid on this order to refund that much', undefined, { words: { key: 'refundTooMuch' } });
    return parts;
  }
  const asked = chosen.reduce((s, t) => s + t.amount, 0);
  if (asked !== amount) {
    throw new AppError('unprocessable', `The tenders add up to ${formatMoney(asked, currency)}, but the refund is ${formatMoney(amount, currency)}`, [{ path: 'tenders', message: 'Make the amounts add up to the refund' }]);
  }
  return chosen.flatMap(({ tender, amount: wanted }) => {
    const ofTender = captured.filter((p) => p.tender === tender);
    const { parts, left } = take(ofTender, wanted);
    if (left > 0) {
      const most = ofTender.reduce((s, p) => s + p.amount - p.refundedAmount, 0);
      throw new AppError('unprocessable', `${tender === 'cash' ? 'Cash' : 'Card'} can return at most ${formatMoney(most, currency)} on this order`, [{ path: 'tenders', message: 'More than this tender took' }]);
    }
    return parts;
  });
}

export async function refundOrder(
  ctx: TenantContext,
  orderId: string,
  input: Omit<RefundOrderInput, 'tenders'> & Partial<Pick<RefundOrderInput, 'tenders'>>,
  shiftId: string | null = null,
): Promise<{ refundId: string; amount: number; status: Exclude<RefundStatus, 'failed'>; order: OrderView }> {
  const approvedBy = await authorise(ctx, 'refund:create', input.approval);
  const tenantId = ctx.tenantId;
  const { refundId, amount, settled } = await withTenant(tenantId, async (tx) => {
    const order = await lockOrder(tx, orderId);
    // Cash comes out of the refunding register's drawer: its open shift, else the order's if still open.
    const drawerShift = await drawerFor(tx, order, shiftId);
    if (!['completed', 'partially_refunded'].includes(order.status)) {
      throw new AppError('conflict', 'Only a paid order can be refunded; void an unpaid one instead', undefined, { words: { key: 'refundOnlyPaid' } });
    }
    const lines = new Map((await tx.select().from(orderLines).where(eq(orderLines.orderId, orderId))).map((l) => [l.id, l]));
    const reserved = await reservedQuantities(tx, orderId);
    const problems: { path: string; message: string }[] = [];
    const refundLines = input.lines.map((r, i) => {
      const line = lines.get(r.lineId);
      if (!line) {
        problems.push({ path: `lines.${i}.lineId`, message: 'Not a line of this order' });
        return null;
      }
      const taken = line.refundedQuantity + (reserved.get(line.id) ?? 0);
      const left = line.quantity - taken;
      if (r.quantity > left) problems.push({ path: `lines.${i}.quantity`, message: `Only ${left} left to refund` });
      const units = Math.min(r.quantity, left);
      return { line, quantity: r.quantity, amount: refundAmount({ ...line, refundedQuantity: taken }, units), tax: refundTax({ ...line, refundedQuantity: taken }, units) };
    });
    if (new Set(input.lines.map((l) => l.lineId)).size !== input.lines.length) problems.push({ path: 'lines', message: 'A line is listed twice' });
    if (problems.length) throw new AppError('unprocessable', problems.map((p) => p.message).join('; '), problems);
    const chosen = refundLines as NonNullable<(typeof refundLines)[number]>[];
    const amount = chosen.reduce((sum, r) => sum + r.amount, 0);

    const parts = refundParts((await paymentsOfOrder(tx, orderId)).filter((p) => p.status === 'captured'), amount, input.tenders ?? null, ctx.tenant.currency);

    const [document] = await tx
      .insert(orderRefunds)
      .values({
        tenantId,
        orderId,
        reason: input.reason,
        restock: input.restock,
        lines: chosen.map((r) => ({ lineId: r.line.id, quantity: r.quantity, amount: r.amount, tax: r.tax })),
        amount,
        status: 'pending',
        approvedBy: approvedBy === ctx.userId ? null : approvedBy,
        createdBy: ctx.userId,
      })
      .returning();
    for (const part of parts) {
      await startRefund(tx, tenantId, {
        paymentId: part.payment.id,
        orderId,
        orderRefundId: document!.id,
        shiftId: drawerShift,
        tender: part.payment.tender,
        amount: part.amount,
        actorUserId: ctx.userId,
      });
    }
    const settled = !parts.some((p) => p.payment.tender === 'card');
    if (settled) await settleDocument(tx, document!);
    return { refundId: document!.id, amount, settled };
  });
  if (settled) return { refundId, amount, status: 'settled', order: await getOrder(ctx, orderId) };

  const outcome = await completeRefund(tenantId, refundId);
  if (outcome.status === 'failed') {
    throw new AppError('unprocessable', `The card refund was refused: ${outcome.message} Nothing was refunded; the order is unchanged.`, [
      { path: 'refund', message: outcome.message, refundId },
    ]);
  }
  return { refundId, amount, status: outcome.status, order: await getOrder(ctx, orderId) };
}

/**
 * Phase 2 of a refund (also the recovery job's retry): sends its pending card parts to the
 * gateway with their own ids as keys, then settles or fails the document, once.
 */
export async function completeRefund(tenantId: string, refundId: string): Promise<{ status: RefundStatus; message?: string }> {
  const loaded = await withTenant(tenantId, async (tx) => {
    const [document] = await tx.select().from(orderRefunds).where(eq(orderRefunds.id, refundId));
    if (!document) return null;
    const gatewayIds = new Map((await paymentsOfOrder(tx, document.orderId)).map((p) => [p.id, p.gatewayPaymentId]));
    const cardParts = (await refundsOfDocument(tx, refundId)).filter((r) => r.tender === 'card' && r.status === 'pending');
    return { document, cardParts: cardParts.map((r) => ({ ...r, gatewayPaymentId: gatewayIds.get(r.paymentId)! })) };
  });
  if (!loaded) throw notFound('Refund');
  const { document, cardParts } = loaded;
  if (document.status !== 'pending') return { status: document.status, message: document.failureMessage ?? undefined };

  for (const part of cardParts) {
    try {
      const result = await refundCard({ paymentId: part.gatewayPaymentId, amount: part.amount, reason: document.reason, idempotencyKey: part.id });
      await withTenant(tenantId, (tx) => settleRefund(tx, part.id, { succeeded: true, gatewayRefundId: result.id }));
    } catch (err) {
      if (err instanceof GatewayRefusedError) {
        await withTenant(tenantId, (tx) => failDocument(tx, document, err.message));
        return { status: 'failed', message: err.message };
      }
      if (!(err instanceof GatewayUnavailableError)) throw err;
      logger.warn({ refundId, partId: part.id, reason: err.reason }, 'card refund left pending for recovery');
      return { status: 'pending' };
    }
  }
  return { status: await withTenant(tenantId, (tx) => settleDocument(tx, document)) };
}

/** The document as it is now, locked behind its order (phase 1, settling and failing all lock the order first). */
async function lockDocument(tx: Tx, document: RefundDocument) {
  const order = await lockOrder(tx, document.orderId);
  const [current] = await tx.select().from(orderRefunds).where(eq(orderRefunds.id, document.id)).for('update');
  return { order, document: current! };
}

/**
 * Every part went through: the order's refunded quantities, total and status, the restock,
 * the cash parts and OrderRefunded, in one transaction, once (a document already settled or
 * failed by a concurrent run is left as it is).
 */
async function settleDocument(tx: Tx, pending: RefundDocument): Promise<RefundStatus> {
  const { order, document } = await lockDocument(tx, pending);
  if (document.status !== 'pending') return document.status;
  const lines = await tx.select().from(orderLines).where(eq(orderLines.orderId, order.id));
  const refunding = new Map(document.lines.map((l) => [l.lineId, l.quantity]));
  const status = lines.every((l) => l.refundedQuantity + (refunding.get(l.id) ?? 0) === l.quantity) ? 'refunded' : 'partially_refunded';
  assertTransition(order.status, status);
  for (const r of document.lines) {
    await tx.update(orderLines).set({ refundedQuantity: sql`${orderLines.refundedQuantity} + ${r.quantity}` }).where(eq(orderLines.id, r.lineId));
  }
  await tx.update(orders).set({ refundedTotal: order.refundedTotal + document.amount, status, updatedAt: new Date() }).where(eq(orders.id, order.id));
  if (document.restock) {
    const byId = new Map(lines.map((l) => [l.id, l]));
    await releaseStock(tx, order.tenantId, {
      locationId: order.locationId,
      lines: document.lines.map((r) => ({ variantId: byId.get(r.lineId)!.variantId, quantity: r.quantity, trackStock: byId.get(r.lineId)!.trackStock })),
      reason: `Refund: ${document.reason}`,
      referenceType: 'refund',
      referenceId: document.id,
      actorUserId: document.createdBy,
    });
  }
  for (const part of await refundsOfDocument(tx, document.id)) {
    if (part.status === 'pending') await settleRefund(tx, part.id, { succeeded: true, gatewayRefundId: null }); // the cash parts
  }
  await tx.update(orderRefunds).set({ status: 'settled', settledAt: new Date() }).where(eq(orderRefunds.id, document.id));
  await auditRefund(tx, order, document, status, new Map(lines.map((l) => [l.id, l])));
  await appendEvents(tx, order.tenantId, [{ type: 'OrderRefunded', payload: { orderId: order.id, refundId: document.id, amount: document.amount, restocked: document.restock, customerId: order.customerId, fullyRefunded: status === 'refunded' } }]);
  return 'settled';
}

/** The gateway refused: the document and its unfinished parts fail and their reservations go back. The order was never changed. */
async function failDocument(tx: Tx, pending: RefundDocument, message: string): Promise<void> {
  const { order, document } = await lockDocument(tx, pending);
  if (document.status !== 'pending') return;
  const parts = await refundsOfDocument(tx, document.id);
  for (const part of parts) {
    if (part.status === 'pending') await settleRefund(tx, part.id, { succeeded: false, message });
  }
  if (parts.some((p) => p.status === 'succeeded')) {
    // Another card part of this document did go back: that money is gone, the order does not show it.
    logger.error({ refundId: document.id, orderId: document.orderId }, 'refund partly went through at the card service before a refusal; a manager must reconcile it');
  }
  await tx.update(orderRefunds).set({ status: 'failed', failureMessage: message }).where(eq(orderRefunds.id, document.id));
  const lines = await tx.select().from(orderLines).where(eq(orderLines.orderId, order.id));
  await auditRefundRefused(tx, order, document, new Map(lines.map((l) => [l.id, l])), message);
}

/** Refunds still waiting for the card service after `olderThanMs` (the recovery job retries them). */
export async function pendingRefundIds(tenantId: string, olderThanMs: number): Promise<string[]> {
  const rows = await withTenant(tenantId, (tx) =>
    tx
      .select({ id: orderRefunds.id })
      .from(orderRefunds)
      .where(and(eq(orderRefunds.status, 'pending'), lt(orderRefunds.createdAt, sql`now() - make_interval(secs => ${olderThanMs / 1000})`)))
      .orderBy(asc(orderRefunds.createdAt))
      .limit(100),
  );
  return rows.map((r) => r.id);
}
