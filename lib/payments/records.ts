import { and, asc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import { paymentRefunds, payments, type Tender } from '@/db/schema/payments';
import type { Tx } from '@/lib/platform/db';
import { withTenant } from '@/lib/platform/db';

/**
 * The payments module's records. Functions taking `tx` run inside the caller's (the orders
 * module's) transaction, so a payment and the order's totals always change together.
 */
export { tenders, type Tender } from '@/db/schema/payments';
export type Payment = typeof payments.$inferSelect;
export type PaymentRefund = typeof paymentRefunds.$inferSelect;

const publicPayment = ({ tenantId: _t, ...p }: Payment) => p;
export type PaymentView = ReturnType<typeof publicPayment>;

/** A cash tender: captured at once; change is what was handed over beyond the amount and the tip. */
export async function recordCashPayment(
  tx: Tx,
  tenantId: string,
  input: { orderId: string; shiftId: string | null; amount: number; tip?: number; partId?: string | null; cashTendered: number; actorUserId: string },
): Promise<PaymentView> {
  const [row] = await tx
    .insert(payments)
    .values({
      tenantId,
      orderId: input.orderId,
      shiftId: input.shiftId,
      tender: 'cash',
      amount: input.amount,
      tip: input.tip ?? 0,
      partId: input.partId ?? null,
      status: 'captured',
      cashTendered: input.cashTendered,
      changeGiven: input.cashTendered - input.amount - (input.tip ?? 0),
      createdBy: input.actorUserId,
    })
    .returning();
  return publicPayment(row!);
}

/** A card tender about to go to the gateway (charged amount + tip); its id is the gateway idempotency key. */
export async function startCardPayment(
  tx: Tx,
  tenantId: string,
  input: { orderId: string; shiftId: string | null; amount: number; tip?: number; partId?: string | null; source: string; actorUserId: string },
): Promise<PaymentView> {
  const [row] = await tx
    .insert(payments)
    .values({
      tenantId,
      orderId: input.orderId,
      shiftId: input.shiftId,
      tender: 'card',
      amount: input.amount,
      tip: input.tip ?? 0,
      partId: input.partId ?? null,
      status: 'pending',
      source: input.source,
      createdBy: input.actorUserId,
    })
    .returning();
  return publicPayment(row!);
}

/**
 * Settles a pending card payment with the gateway's answer, once: a payment that is no longer
 * pending is left alone and returned as it is (`changed: false`) — the recovery job and a slow
 * request may both try.
 */
export async function settleCardPayment(
  tx: Tx,
  paymentId: string,
  outcome: { captured: true; gatewayPaymentId: string } | { captured: false; code: string; message: string },
): Promise<{ payment: PaymentView; changed: boolean }> {
  const [current] = await tx.select().from(payments).where(eq(payments.id, paymentId)).for('update');
  if (!current) throw new Error(`payment ${paymentId} not found`);
  if (current.status !== 'pending') return { payment: publicPayment(current), changed: false };
  const [row] = await tx
    .update(payments)
    .set(
      outcome.captured
        ? { status: 'captured', gatewayPaymentId: outcome.gatewayPaymentId, updatedAt: new Date() }
        : { status: 'failed', failureCode: outcome.code, failureMessage: outcome.message, updatedAt: new Date() },
    )
    .where(eq(payments.id, paymentId))
    .returning();
  return { payment: publicPayment(row!), changed: true };
}

export async function paymentsOfOrder(tx: Tx, orderId: string): Promise<PaymentView[]> {
  const rows = await tx.select().from(payments).where(eq(payments.orderId, orderId)).orderBy(asc(payments.createdAt));
  return rows.map(publicPayment);
}

export async function refundsOfOrder(tx: Tx, orderId: string): Promise<Omit<PaymentRefund, 'tenantId'>[]> {
  const rows = await tx.select().from(paymentRefunds).where(eq(paymentRefunds.orderId, orderId)).orderBy(asc(paymentRefunds.createdAt));
  return rows.map(({ tenantId: _t, ...r }) => r);
}

/**
 * Captured money per order and tender, for many orders at once (the sales read model of
 * lib/orders: what each paid order was paid with).
 */
export async function capturedByOrder(tx: Tx, orderIds: string[]): Promise<{ orderId: string; tender: Tender; amount: number; tip: number; count: number }[]> {
  if (orderIds.length === 0) return [];
  return tx
    .select({
      orderId: payments.orderId,
      tender: payments.tender,
      amount: sql<number>`sum(${payments.amount})::int`,
      // Tips ride on top of the amount: the staff's, never the order's money.
      tip: sql<number>`sum(${payments.tip})::int`,
      count: sql<number>`count(*)::int`,
    })
    .from(payments)
    .where(and(inArray(payments.orderId, orderIds), eq(payments.status, 'captured')))
    .groupBy(payments.orderId, payments.tender);
}

/** Money that went back per refund document and tender (succeeded parts only), for many documents at once. */
export async function refundedByDocument(tx: Tx, orderRefundIds: string[]): Promise<{ orderRefundId: string; tender: Tender; amount: number }[]> {
  if (orderRefundIds.length === 0) return [];
  return tx
    .select({ orderRefundId: paymentRefunds.orderRefundId, tender: paymentRefunds.tender, amount: sql<number>`sum(${paymentRefunds.amount})::int` })
    .from(paymentRefunds)
    .where(and(inArray(paymentRefunds.orderRefundId, orderRefundIds), eq(paymentRefunds.status, 'succeeded')))
    .groupBy(paymentRefunds.orderRefundId, paymentRefunds.tender);
}

/** The payments of several orders (an export page, a list page), oldest first. */
export async function paymentsOfOrders(tx: Tx, orderIds: readonly string[]): Promise<PaymentView[]> {
  if (orderIds.length === 0) return [];
  const rows = await tx.select().from(payments).where(inArray(payments.orderId, [...orderIds])).orderBy(asc(payments.createdAt), asc(payments.id));
  return rows.map(publicPayment);
}

/** The money that went back on several orders, per tender, oldest first. */
export async function refundsOfOrders(tx: Tx, orderIds: readonly string[]): Promise<Omit<PaymentRefund, 'tenantId'>[]> {
  if (orderIds.length === 0) return [];
  const rows = await tx.select().from(paymentRefunds).where(inArray(paymentRefunds.orderId, [...orderIds])).orderBy(asc(paymentRefunds.createdAt), asc(paymentRefunds.id));
  return rows.map(({ tenantId: _t, ...r }) => r);
}

/**
 * The ids of orders with a captured payment by `tender`, as a subquery for the caller's own
 * query (`inArray(orders.id, ordersPaidBy('card'))`): the order search filters by tender in the
 * database, indexed, without the orders module naming this module's tables. Built, not run.
 */
export function ordersPaidBy(tender: Tender) {
  return new QueryBuilder()
    .select({ orderId: payments.orderId })
    .from(payments)
    .where(and(eq(payments.tender, tender), eq(payments.status, 'captured')));
}

/**
 * The ids of orders whose money went through drawer (shift) `shiftId`: a tender taken into it
 * or a refund paid out of it, as a subquery like `ordersPaidBy`. An order rung up on one shift
 * can be paid or refunded on another; a drawer that closed short is explained by these.
 */
export function ordersThroughDrawer(shiftId: string) {
  const qb = new QueryBuilder();
  return qb
    .select({ orderId: payments.orderId })
    .from(payments)
    .where(eq(payments.shiftId, shiftId))
    .union(qb.select({ orderId: paymentRefunds.orderId }).from(paymentRefunds).where(eq(paymentRefunds.shiftId, shiftId)));
}

/** Card payments still pending after `olderThanMs`: a crash interrupted them (recovery job). */
export async function stalePendingPayments(tenantId: string, olderThanMs: number): Promise<PaymentView[]> {
  const rows = await withTenant(tenantId, (tx) =>
    tx
      .select()
      .from(payments)
      .where(and(eq(payments.status, 'pending'), lt(payments.createdAt, sql`now() - make_interval(secs => ${olderThanMs / 1000})`)))
      .orderBy(asc(payments.createdAt))
      .limit(100),
  );
  return rows.map(publicPayment);
}

/**
 * Money going back on one payment, `pending` until its refund document settles (a card part's
 * id is the gateway idempotency key). The payment's refunded amount is reserved at once, so
 * two refunds can never return more than was paid; a failed part gives it back.
 */
export async function startRefund(
  tx: Tx,
  tenantId: string,
  input: { paymentId: string; orderId: string; orderRefundId: string; shiftId: string | null; tender: Tender; amount: number; actorUserId: string },
): Promise<Omit<PaymentRefund, 'tenantId'>> {
  const { actorUserId, ...values } = input;
  const [row] = await tx
    .insert(paymentRefunds)
    .values({ tenantId, ...values, status: 'pending', createdBy: actorUserId })
    .returning();
  await tx
    .update(payments)
    .set({ refundedAmount: sql`${payments.refundedAmount} + ${input.amount}`, updatedAt: new Date() })
    .where(eq(payments.id, input.paymentId));
  const { tenantId: _t, ...refund } = row!;
  return refund;
}

/** Settles a pending part (once): succeeded (a card part with the gateway's refund id), or failed, giving the amount back to the payment. */
export async function settleRefund(
  tx: Tx,
  refundId: string,
  outcome: { succeeded: true; gatewayRefundId: string | null } | { succeeded: false; message: string },
): Promise<boolean> {
  const [current] = await tx.select().from(paymentRefunds).where(eq(paymentRefunds.id, refundId)).for('update');
  if (!current || current.status !== 'pending') return false;
  if (outcome.succeeded) {
    await tx.update(paymentRefunds).set({ status: 'succeeded', gatewayRefundId: outcome.gatewayRefundId }).where(eq(paymentRefunds.id, refundId));
  } else {
    await tx.update(paymentRefunds).set({ status: 'failed', failureMessage: outcome.message }).where(eq(paymentRefunds.id, refundId));
    await tx
      .update(payments)
      .set({ refundedAmount: sql`${payments.refundedAmount} - ${current.amount}`, updatedAt: new Date() })
      .where(eq(payments.id, current.paymentId));
  }
  return true;
}

/** The parts of one refund document, one per tender it goes back to. */
export async function refundsOfDocument(tx: Tx, orderRefundId: string): Promise<Omit<PaymentRefund, 'tenantId'>[]> {
  const rows = await tx.select().from(paymentRefunds).where(eq(paymentRefunds.orderRefundId, orderRefundId)).orderBy(asc(paymentRefunds.createdAt));
  return rows.map(({ tenantId: _t, ...r }) => r);
}

/**
 * What each tender took and gave back on one shift: the Z report's drawer figures. `taken` is the
 * orders' money; `tips` what came with it on top (cash tips are in the drawer, card tips were
 * charged with the card). Refunds never return tips.
 */
export async function tenderTotalsOfShift(
  tx: Tx,
  shiftId: string,
): Promise<Record<Tender, { taken: number; refunded: number; count: number; tips: number }>> {
  const taken = await tx
    .select({
      tender: payments.tender,
      amount: sql<number>`coalesce(sum(${payments.amount}), 0)::int`,
      tips: sql<number>`coalesce(sum(${payments.tip}), 0)::int`,
      count: sql<number>`count(*)::int`,
    })
    .from(payments)
    .where(and(eq(payments.shiftId, shiftId), eq(payments.status, 'captured')))
    .groupBy(payments.tender);
  const refunded = await tx
    .select({ tender: paymentRefunds.tender, amount: sql<number>`coalesce(sum(${paymentRefunds.amount}), 0)::int` })
    .from(paymentRefunds)
    // Only money that went back: a refund still waiting for the card service is not in the drawer's count.
    .where(and(eq(paymentRefunds.shiftId, shiftId), eq(paymentRefunds.status, 'succeeded')))
    .groupBy(paymentRefunds.tender);
  const totals = (tender: Tender) => {
    const t = taken.find((r) => r.tender === tender);
    return { taken: t?.amount ?? 0, refunded: refunded.find((r) => r.tender === tender)?.amount ?? 0, count: t?.count ?? 0, tips: t?.tips ?? 0 };
  };
  return { cash: totals('cash'), card: totals('card') };
}

/** Tips taken into one shift's drawer or on its card terminal, per order (captured tenders with a tip only). */
export async function tipsOfShift(tx: Tx, shiftId: string): Promise<{ orderId: string; tip: number }[]> {
  return tx
    .select({ orderId: payments.orderId, tip: sql<number>`sum(${payments.tip})::int` })
    .from(payments)
    .where(and(eq(payments.shiftId, shiftId), eq(payments.status, 'captured'), gt(payments.tip, 0)))
    .groupBy(payments.orderId);
}
