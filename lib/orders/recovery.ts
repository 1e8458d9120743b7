import { findPaymentByKey, paymentsOfOrder, pendingRefunds, stalePendingPayments } from '@/lib/payments';
import { withTenant } from '@/lib/platform/db';
import { logger } from '@/lib/platform/logger';
import { listTenantIds } from '@/lib/tenancy/registry';
import { settleCard } from './payments';
import { sendCardRefund } from './refunds';

/**
 * Finishes what a crash interrupted (run at start-up and every minute):
 * - a card payment still `pending`: ask the gateway about its idempotency key — captured →
 *   settle it (the order gets paid, once); declined or unknown to the gateway → failed;
 * - a card refund still `pending`: send it again with the same key (the gateway refunds once).
 * Anything still unreachable is left for the next run.
 */
const RECOVERY_GRACE_MS = 30_000;

export async function recoverTenant(tenantId: string, graceMs = RECOVERY_GRACE_MS): Promise<{ payments: number; refunds: number }> {
  let settled = 0;
  for (const payment of await stalePendingPayments(tenantId, graceMs)) {
    try {
      const known = await findPaymentByKey(tenantId, payment.id);
      await settleCard(tenantId, payment.id, known, 'gateway_unavailable', known ? 'Declined' : 'The gateway never received it');
      settled++;
    } catch (err) {
      logger.warn({ err, paymentId: payment.id }, 'payment recovery postponed');
    }
  }
  let refunds = 0;
  for (const refund of await pendingRefunds(tenantId, graceMs)) {
    const gatewayPaymentId = await withTenant(tenantId, async (tx) =>
      (await paymentsOfOrder(tx, refund.orderId)).find((p) => p.id === refund.paymentId)?.gatewayPaymentId,
    );
    if (gatewayPaymentId && (await sendCardRefund(tenantId, { id: refund.id, gatewayPaymentId, amount: refund.amount }, 'Refund (retried)'))) refunds++;
  }
  return { payments: settled, refunds };
}

export async function recoverAll(): Promise<void> {
  for (const tenantId of await listTenantIds()) {
    const done = await recoverTenant(tenantId);
    if (done.payments || done.refunds) logger.info({ tenantId, ...done }, 'recovered interrupted payments');
  }
}
