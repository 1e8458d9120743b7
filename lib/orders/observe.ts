import { AppError } from '@/lib/platform/errors';
import { CHECKOUT_OUTCOMES, PAYMENT_OUTCOMES, metrics, type CheckoutOutcome, type PaymentOutcome } from '@/lib/platform/metrics';
import { tenders, type Tender } from '@/lib/payments';
import type { OrderView } from './orders';

/**
 * Checkout and tender outcomes for /api/metrics, counted around the module's functions so
 * their code stays as it is. Label objects are made once: a sale costs a counter inc each.
 */
const checkoutLabels = Object.fromEntries(CHECKOUT_OUTCOMES.map((outcome) => [outcome, { outcome }])) as Record<CheckoutOutcome, { outcome: string }>;
const paymentLabels = new Map<string, { tender: string; outcome: string }>();
const paymentLabel = (tender: Tender, outcome: PaymentOutcome) => {
  const key = `${tender}:${outcome}`;
  let labels = paymentLabels.get(key);
  if (!labels) paymentLabels.set(key, (labels = { tender, outcome }));
  return labels;
};
for (const outcome of PAYMENT_OUTCOMES) for (const tender of tenders) metrics().payments.inc(paymentLabel(tender, outcome), 0);

const failed = (err: unknown): 'rejected' | 'error' => (err instanceof AppError && err.status < 500 ? 'rejected' : 'error');

function checkoutOutcome({ order, paymentError }: { order: OrderView; paymentError: { code: string } | null }): CheckoutOutcome {
  if (paymentError) return paymentError.code === 'payment_pending' ? 'payment_pending' : 'payment_failed';
  if (order.status === 'open') return 'parked';
  return order.status === 'completed' || order.status === 'paid' ? 'paid' : 'unpaid';
}

/** Runs a checkout and counts how it ended. */
export async function observeCheckout<R extends { order: OrderView; paymentError: { code: string } | null }>(run: () => Promise<R>): Promise<R> {
  try {
    const result = await run();
    metrics().checkouts.inc(checkoutLabels[checkoutOutcome(result)]);
    return result;
  } catch (err) {
    metrics().checkouts.inc(checkoutLabels[failed(err)]);
    throw err;
  }
}

function paymentFailure(err: unknown): PaymentOutcome {
  if (!(err instanceof AppError)) return 'error';
  if (err.code === 'payment_declined') return 'declined';
  if (err.code === 'unavailable') return 'unavailable';
  return err.status < 500 ? 'refused' : 'error';
}

/** Runs one tender and counts how it ended: captured, pending (card outcome unknown yet), or why not. */
export async function observePayment<R extends { payment: { status: string } }>(tender: Tender, run: () => Promise<R>): Promise<R> {
  try {
    const result = await run();
    metrics().payments.inc(paymentLabel(tender, result.payment.status === 'captured' ? 'captured' : 'pending'));
    return result;
  } catch (err) {
    metrics().payments.inc(paymentLabel(tender, paymentFailure(err)));
    throw err;
  }
}
