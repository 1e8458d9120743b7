import type { TenantContext } from '@/lib/auth';
import { findPaymentByKey, paymentsOfOrder, stalePendingPayments, type PaymentView } from '@/lib/payments';
import { config } from '@/lib/platform/config';
import { withTenant } from '@/lib/platform/db';
import { logger } from '@/lib/platform/logger';
import { listTenantIds } from '@/lib/tenancy';
import { getOrder, lockOrder, type OrderView } from './orders';
import { finishCardPayment, settleCard } from './payments';
import { completeRefund, pendingRefundIds } from './refunds';

/**
 * Finishes what a crash or an unanswered gateway call left open (run at start-up and every
 * minute):
 * - a card payment still `pending`: ask the gateway about its idempotency key — captured →
 *   settle it (the order gets paid, once); authorized → captured if the order can still take
 *   it, else voided; declined → failed; unknown to the gateway → failed, but only once the
 *   gateway's processing window (GATEWAY_PROCESSING_WINDOW_MS from the payment's start) is
 *   over: before that the first request may still be running there;
 * - a refund still `pending`: send its card parts again with the same keys (the gateway
 *   refunds once), then settle it, or fail it if the gateway refuses;
 * Anything still unreachable is left for the next run.
 */
const RECOVERY_GRACE_MS = 30_000;

export async function recoverTenant(tenantId: string, graceMs = RECOVERY_GRACE_MS): Promise<{ payments: number; refunds: number }> {
  let settled = 0;
  for (const payment of await stalePendingPayments(tenantId, graceMs)) {
    if (await settlePendingCard(tenantId, payment)) settled++;
  }
  let refunds = 0;
  for (const refundId of await pendingRefundIds(tenantId, graceMs)) {
    try {
      if ((await completeRefund(tenantId, refundId)).status !== 'pending') refunds++;
    } catch (err) {
      logger.warn({ err, refundId }, 'refund recovery postponed');
    }
  }
  return { payments: settled, refunds };
}

/**
 * Asks the gateway about one pending card payment and settles it if the answer is definitive;
 * true when it is no longer pending. Gateway trouble leaves it for the next try.
 */
async function settlePendingCard(tenantId: string, payment: PaymentView): Promise<boolean> {
  try {
    const found = await findPaymentByKey(tenantId, payment.id);
    if (!found && Date.now() - payment.createdAt.getTime() < config().GATEWAY_PROCESSING_WINDOW_MS) return false; // may still be processing
    const settledAs = found
      ? await finishCardPayment(tenantId, payment, found)
      : await settleCard(tenantId, payment.id, null, 'gateway_unavailable', 'The card service never received it — nothing was charged.');
    return settledAs.status !== 'pending';
  } catch (err) {
    logger.warn({ err, paymentId: payment.id }, 'payment recovery postponed');
    return false;
  }
}

/**
 * "Check again" at the register: the same question as the recovery job, asked now for this
 * order's pending card payments (the cashier need not wait for the job's next run). Answers
 * the order as it then is.
 */
export async function recheckCardPayments(ctx: TenantContext, orderId: string): Promise<OrderView> {
  const pending = await withTenant(ctx.tenantId, async (tx) => (await paymentsOfOrder(tx, (await lockOrder(tx, orderId)).id)).filter((p) => p.status === 'pending'));
  for (const payment of pending) await settlePendingCard(ctx.tenantId, payment);
  return getOrder(ctx, orderId);
}

export async function recoverAll(): Promise<void> {
  for (const tenantId of await listTenantIds()) {
    const done = await recoverTenant(tenantId);
    if (done.payments || done.refunds) logger.info({ tenantId, ...done }, 'recovered interrupted payments');
  }
}
