import { eq, sql } from 'drizzle-orm';
import { orderLines, orderRefunds, orders, shifts } from '@/db/schema/orders';
import { verifyApproval } from '@/lib/auth/credentials';
import { can, type Permission } from '@/lib/auth/permissions';
import { appendEvents } from '@/lib/events';
import { releaseStock } from '@/lib/inventory';
import { paymentsOfOrder, refundCard, settleRefund, startRefund } from '@/lib/payments';
import { withTenant, type Tx } from '@/lib/platform/db';
import { AppError } from '@/lib/platform/errors';
import { logger } from '@/lib/platform/logger';
import { divideRounded } from './pricing';
import { assertTransition, lockOrder, voidOrderInTx, type SaleContext } from './orders';
import type { RefundOrderInput } from './schemas';

/**
 * Who may do something a cashier usually may not (void, refund): the user, if their role
 * can; otherwise the manager whose PIN came with the request. Returns the approver's id.
 */
async function authorise(ctx: SaleContext, permission: Permission, approval: { userId: string; pin: string } | null): Promise<string> {
  if (can(ctx.user.role, permission)) return ctx.user.userId;
  if (!approval) throw new AppError('forbidden', 'A manager must approve this', [{ path: 'approval', message: 'A manager enters their PIN' }]);
  return (await verifyApproval(ctx.tenant.id, approval, permission)).id;
}

export async function voidOrder(ctx: SaleContext, orderId: string, input: { reason: string; approval: { userId: string; pin: string } | null }): Promise<void> {
  await authorise(ctx, 'order:void', input.approval);
  await withTenant(ctx.tenant.id, (tx) => voidOrderInTx(tx, ctx, orderId, input.reason));
}

async function isShiftOpen(tx: Tx, shiftId: string): Promise<boolean> {
  const [shift] = await tx.select({ status: shifts.status }).from(shifts).where(eq(shifts.id, shiftId));
  return shift?.status === 'open';
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
 * Refunds lines of a paid order, back to the tenders it was paid with (the latest tender
 * first: a card refund goes through the gateway with its own idempotency key). Optionally
 * puts the items back into stock. The refund document, line quantities, order totals, stock
 * and cash refunds commit together; card refunds then go to the gateway and are settled, or
 * stay pending for the recovery job to retry with the same key.
 */
export async function refundOrder(ctx: SaleContext, orderId: string, input: RefundOrderInput, shiftId: string | null = null): Promise<{ refundId: string; amount: number; pendingCard: number }> {
  const approvedBy = await authorise(ctx, 'refund:create', input.approval);
  const tenantId = ctx.tenant.id;
  const { refundId, amount, cardRefunds } = await withTenant(tenantId, async (tx) => {
    const order = await lockOrder(tx, orderId);
    // Cash comes out of the refunding register's drawer: its open shift, else the order's if still open.
    const drawerShift = shiftId ?? (order.shiftId && (await isShiftOpen(tx, order.shiftId)) ? order.shiftId : null);
    if (!['completed', 'partially_refunded'].includes(order.status)) {
      throw new AppError('conflict', 'Only a paid order can be refunded; void an unpaid one instead');
    }
    const lines = new Map((await tx.select().from(orderLines).where(eq(orderLines.orderId, orderId))).map((l) => [l.id, l]));
    const problems: { path: string; message: string }[] = [];
    const refundLines = input.lines.map((r, i) => {
      const line = lines.get(r.lineId);
      if (!line) {
        problems.push({ path: `lines.${i}.lineId`, message: 'Not a line of this order' });
        return null;
      }
      const left = line.quantity - line.refundedQuantity;
      if (r.quantity > left) problems.push({ path: `lines.${i}.quantity`, message: `Only ${left} left to refund` });
      return { line, quantity: r.quantity, amount: refundAmount(line, Math.min(r.quantity, left)) };
    });
    if (new Set(input.lines.map((l) => l.lineId)).size !== input.lines.length) problems.push({ path: 'lines', message: 'A line is listed twice' });
    if (problems.length) throw new AppError('unprocessable', problems.map((p) => p.message).join('; '), problems);
    const chosen = refundLines as NonNullable<(typeof refundLines)[number]>[];
    const amount = chosen.reduce((sum, r) => sum + r.amount, 0);

    const refundedTotal = order.refundedTotal + amount;
    const refundedAfter = (lineId: string) => chosen.find((r) => r.line.id === lineId)?.quantity ?? 0;
    const status = [...lines.values()].every((l) => l.refundedQuantity + refundedAfter(l.id) === l.quantity) ? 'refunded' : 'partially_refunded';
    assertTransition(order.status, status);

    const [document] = await tx
      .insert(orderRefunds)
      .values({
        tenantId,
        orderId,
        reason: input.reason,
        restock: input.restock,
        lines: chosen.map((r) => ({ lineId: r.line.id, quantity: r.quantity, amount: r.amount })),
        amount,
        approvedBy: approvedBy === ctx.user.userId ? null : approvedBy,
        createdBy: ctx.user.userId,
      })
      .returning({ id: orderRefunds.id });
    for (const r of chosen) {
      await tx.update(orderLines).set({ refundedQuantity: sql`${orderLines.refundedQuantity} + ${r.quantity}` }).where(eq(orderLines.id, r.line.id));
    }
    await tx.update(orders).set({ refundedTotal, status, updatedAt: new Date() }).where(eq(orders.id, orderId));
    if (input.restock) {
      await releaseStock(tx, tenantId, {
        locationId: order.locationId,
        lines: chosen.map((r) => ({ variantId: r.line.variantId, quantity: r.quantity, trackStock: r.line.trackStock })),
        reason: `Refund: ${input.reason}`,
        referenceType: 'refund',
        referenceId: document!.id,
        actorUserId: ctx.user.userId,
      });
    }

    // Back to the tenders, latest first, each up to what is still refundable on it.
    let left = amount;
    const cardRefunds: { id: string; gatewayPaymentId: string; amount: number }[] = [];
    const captured = (await paymentsOfOrder(tx, orderId)).filter((p) => p.status === 'captured').reverse();
    for (const payment of captured) {
      const share = Math.min(left, payment.amount - payment.refundedAmount);
      if (share <= 0) continue;
      const refund = await startRefund(tx, tenantId, {
        paymentId: payment.id,
        orderId,
        orderRefundId: document!.id,
        shiftId: drawerShift,
        tender: payment.tender,
        amount: share,
        actorUserId: ctx.user.userId,
      });
      if (payment.tender === 'card') cardRefunds.push({ id: refund.id, gatewayPaymentId: payment.gatewayPaymentId!, amount: share });
      left -= share;
      if (left === 0) break;
    }
    if (left > 0) throw new AppError('conflict', 'There is not enough paid on this order to refund that much');
    await appendEvents(tx, tenantId, [{ type: 'OrderRefunded', payload: { orderId, refundId: document!.id, amount, restocked: input.restock } }]);
    return { refundId: document!.id, amount, cardRefunds };
  });

  let pendingCard = 0;
  for (const card of cardRefunds) {
    if (!(await sendCardRefund(tenantId, card, input.reason))) pendingCard += card.amount;
  }
  return { refundId, amount, pendingCard };
}

/** Sends one pending card refund to the gateway; true when settled either way. Also used by recovery. */
export async function sendCardRefund(tenantId: string, card: { id: string; gatewayPaymentId: string; amount: number }, reason: string): Promise<boolean> {
  try {
    const result = await refundCard({ paymentId: card.gatewayPaymentId, amount: card.amount, reason, idempotencyKey: card.id });
    await withTenant(tenantId, (tx) => settleRefund(tx, card.id, { succeeded: true, gatewayRefundId: result.id }));
    return true;
  } catch (err) {
    if (err instanceof AppError && err.code === 'unprocessable') {
      await withTenant(tenantId, (tx) => settleRefund(tx, card.id, { succeeded: false, message: err.message }));
      return true;
    }
    logger.warn({ err, refundId: card.id }, 'card refund left pending for recovery');
    return false;
  }
}
