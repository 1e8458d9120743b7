import type { TenantContext } from '@/lib/auth';
import { AppError } from '@/lib/platform/errors';
import { observeCheckout } from './observe';
import { createOrder, getOrder, type OrderView } from './orders';
import { PAYMENT_PENDING, payOrder } from './payments';
import type { CreateOrderInput, PaymentInput } from './schemas';

/** Why the tenders sent with a checkout stopped (the order stands beside it), or null when all were taken. */
export type CheckoutPaymentError = { code: string; message: string } | null;

/**
 * A sale at the register: the order (placed, or parked with `park`), then the tenders given
 * with it, in order. A tender that fails does not undo the sale: the order stays placed,
 * unpaid or partly paid, and the failure is answered beside it, so the register can offer
 * cash — or, for a card still being confirmed (`payment_pending`), tell the cashier not to
 * charge again.
 */
export function checkout(ctx: TenantContext, input: CreateOrderInput): Promise<{ order: OrderView; paymentError: CheckoutPaymentError }> {
  return observeCheckout(() => placeAndPay(ctx, input));
}

async function placeAndPay(ctx: TenantContext, input: CreateOrderInput): Promise<{ order: OrderView; paymentError: CheckoutPaymentError }> {
  const orderId = await createOrder(ctx, input);
  const { order, paymentError } = await takePayments(ctx, orderId, input.payments, input.shiftId);
  return { order: order ?? (await getOrder(ctx, orderId)), paymentError };
}

/**
 * Takes the tenders in order, stopping at the first that is not captured. Answers the order
 * as the last tender left it, or null when it must be read again (no tender, or one failed).
 */
async function takePayments(
  ctx: TenantContext,
  orderId: string,
  tenders: PaymentInput[],
  shiftId: string | null,
): Promise<{ order: OrderView | null; paymentError: CheckoutPaymentError }> {
  let order: OrderView | null = null;
  for (const tender of tenders) {
    try {
      const taken = await payOrder(ctx, orderId, tender, shiftId);
      order = taken.order;
      if (taken.payment.status === 'pending') return { order, paymentError: PAYMENT_PENDING };
    } catch (err) {
      if (err instanceof AppError && ['payment_declined', 'unavailable', 'unprocessable', 'conflict'].includes(err.code)) {
        return { order: null, paymentError: { code: err.code, message: err.message } };
      }
      throw err;
    }
  }
  return { order, paymentError: null };
}
