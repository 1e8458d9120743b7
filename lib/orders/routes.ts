import { z } from 'zod';
import { AppError } from '@/lib/platform/errors';
import { PAYMENT_PENDING, payOrder, type PaymentResult } from './payments';
import type { SaleContext } from './orders';
import type { PaymentInput } from './schemas';

export const orderIdSchema = z.uuid('The order id must be a UUID');

/**
 * Takes the tenders sent with a checkout, in order, stopping at the first that fails: the
 * order stays (placed, unpaid or partly paid) and the failure is reported beside it, so the
 * register can offer cash — or, for a card still being confirmed (`payment_pending`), tell
 * the cashier not to charge again.
 */
export async function takePayments(ctx: SaleContext, orderId: string, tenders: PaymentInput[], shiftId: string | null) {
  const taken: PaymentResult['payment'][] = [];
  for (const tender of tenders) {
    try {
      const { payment } = await payOrder(ctx, orderId, tender, shiftId);
      if (payment.status === 'pending') return { taken, paymentError: PAYMENT_PENDING };
      taken.push(payment);
    } catch (err) {
      if (err instanceof AppError && ['payment_declined', 'unavailable', 'unprocessable', 'conflict'].includes(err.code)) {
        return { taken, paymentError: { code: err.code, message: err.message } };
      }
      throw err;
    }
  }
  return { taken, paymentError: null };
}
