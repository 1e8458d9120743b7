import type { DiscountRecord, orderLines, orderRefunds, OrderStatus } from '@/db/schema/orders';
import type { TenantContext } from '@/lib/auth';
import { variantLabel } from '@/lib/catalog';
import { recordAudit } from '@/lib/platform/audit';
import type { Tx } from '@/lib/platform/db';
import type { Quote } from './quote';

/**
 * The audit rows of the order module's privileged actions (a refund, a void, a discount over
 * the limit), each written by its caller inside the transaction that makes the change.
 */
type Line = Pick<typeof orderLines.$inferSelect, 'id' | 'productName' | 'variantName'>;
type RefundDocument = typeof orderRefunds.$inferSelect;
type OrderState = { id: string; number: number; status: OrderStatus; refundedTotal: number };

const discountOf = (d: DiscountRecord | null) =>
  d ? { ...(d.kind === 'percent' ? { kind: d.kind, basisPoints: d.basisPoints } : { kind: d.kind, amount: d.amount }), ...(d.reason && { reason: d.reason }) } : null;

/** Who approved a quote's discounts over the limit (the cashier's own id when their role allows it); null when within it. */
export function discountApprover(quote: Quote): string | null {
  return quote.orderDiscount?.approvedBy ?? quote.lines.find((l) => l.discount?.approvedBy)?.discount?.approvedBy ?? null;
}

/** An order written (rung up, or changed while open) with discounts over the tenant's limit: who gave them and who approved. */
export async function auditDiscountOverLimit(
  tx: Tx,
  ctx: TenantContext,
  order: { id: string; number: number; discountTotal: number | null },
  quote: Quote,
  limitBasisPoints: number,
): Promise<void> {
  const approvedBy = discountApprover(quote);
  if (!approvedBy) return;
  await recordAudit(tx, ctx.tenantId, {
    actorUserId: ctx.userId,
    approverUserId: approvedBy,
    action: 'order.discount_over_limit',
    entityType: 'order',
    entityId: order.id,
    before: order.discountTotal === null ? null : { discountTotal: order.discountTotal },
    after: { discountTotal: quote.discountTotal },
    details: {
      number: order.number,
      limitBasisPoints,
      subtotal: quote.subtotal,
      orderDiscount: discountOf(quote.orderDiscount),
      lineDiscounts: quote.lines.filter((l) => l.discount).map((l) => ({ item: variantLabel(l), discount: discountOf(l.discount) })),
    },
  });
}

/** A void: the order's status before and after, why, and the manager who approved it (if the cashier could not). */
export async function auditVoid(tx: Tx, ctx: TenantContext, order: OrderState & { total: number }, reason: string, approvedBy: string | null): Promise<void> {
  await recordAudit(tx, ctx.tenantId, {
    actorUserId: ctx.userId,
    approverUserId: approvedBy,
    action: 'order.voided',
    entityType: 'order',
    entityId: order.id,
    before: { status: order.status },
    after: { status: 'voided' },
    details: { number: order.number, total: order.total, reason },
  });
}

/**
 * Units the kitchen already had, taken off an open tab (removed, fewer, or changed): who did it
 * and the manager who approved (the actor's own id when their role may void). No money moves
 * (the tab is unpaid), but food may have been made: the audit log is where that shows.
 */
export async function auditFiredVoid(
  tx: Tx,
  ctx: TenantContext,
  order: { id: string; number: number },
  lines: { name: string; quantity: number }[],
  approvedBy: string,
): Promise<void> {
  await recordAudit(tx, ctx.tenantId, {
    actorUserId: ctx.userId,
    approverUserId: approvedBy === ctx.userId ? null : approvedBy,
    action: 'order.fired_lines_voided',
    entityType: 'order',
    entityId: order.id,
    before: null,
    after: null,
    details: { number: order.number, lines: lines.map((l) => ({ item: l.name, quantity: l.quantity })) },
  });
}

const refundDetails = (document: RefundDocument, lines: Map<string, Line>) => ({
  refundId: document.id,
  amount: document.amount,
  reason: document.reason,
  restock: document.restock,
  lines: document.lines.map((l) => ({ item: lines.has(l.lineId) ? variantLabel(lines.get(l.lineId)!) : l.lineId, quantity: l.quantity, amount: l.amount })),
});

/**
 * A refund that took effect (written where it settles: in the request for cash, or once the
 * card service answered — by the recovery job if it had to retry): by whoever asked for it,
 * approved by whom, the order's status and refunded total before and after.
 */
export async function auditRefund(tx: Tx, order: OrderState & { tenantId: string }, document: RefundDocument, status: OrderStatus, lines: Map<string, Line>): Promise<void> {
  await recordAudit(tx, order.tenantId, {
    actorUserId: document.createdBy,
    approverUserId: document.approvedBy,
    action: 'order.refunded',
    entityType: 'order',
    entityId: order.id,
    before: { status: order.status, refundedTotal: order.refundedTotal },
    after: { status, refundedTotal: order.refundedTotal + document.amount },
    details: { number: order.number, ...refundDetails(document, lines) },
  });
}

/** A refund the card service refused: nothing changed on the order, but it was asked for and approved. */
export async function auditRefundRefused(tx: Tx, order: { tenantId: string; id: string; number: number }, document: RefundDocument, lines: Map<string, Line>, message: string): Promise<void> {
  await recordAudit(tx, order.tenantId, {
    actorUserId: document.createdBy,
    approverUserId: document.approvedBy,
    action: 'order.refund_failed',
    entityType: 'order',
    entityId: order.id,
    details: { number: order.number, ...refundDetails(document, lines), message },
  });
}
