import { findPaymentByKey, stalePendingPayments } from '@/lib/payments';
import { config } from '@/lib/platform/config';
import { logger } from '@/lib/platform/logger';
import { listTenantIds } from '@/lib/tenancy';
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
  const windowMs = config().GATEWAY_PROCESSING_WINDOW_MS;
  for (const payment of await stalePendingPayments(tenantId, graceMs)) {
    try {
      const found = await findPaymentByKey(tenantId, payment.id);
      if (!found && Date.now() - payment.createdAt.getTime() < windowMs) continue; // may still be processing
      const settledAs = found
        ? await finishCardPayment(tenantId, payment, found)
        : await settleCard(tenantId, payment.id, null, 'gateway_unavailable', 'The card service never received it — nothing was charged.');
      if (settledAs.status !== 'pending') settled++;
    } catch (err) {
      logger.warn({ err, paymentId: payment.id }, 'payment recovery postponed');
    }
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

export async function recoverAll(): Promise<void> {
  for (const tenantId of await listTenantIds()) {
    const done = await recoverTenant(tenantId);
    if (done.payments || done.refunds) logger.info({ tenantId, ...done }, 'recovered interrupted payments');
  }
}
