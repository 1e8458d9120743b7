import { eq } from 'drizzle-orm';
import { orders } from '@/db/schema/orders';
import { appendEvents, type EventPayloads } from '@/lib/events';
import {
  chargeCard,
  findPaymentByKey,
  GatewayUnavailableError,
  recordCashPayment,
  settleCardPayment,
  startCardPayment,
  paymentsOfOrder,
  type GatewayPayment,
  type PaymentView,
} from '@/lib/payments';
import { withTenant, type Tx } from '@/lib/platform/db';
import { AppError } from '@/lib/platform/errors';
import { logger } from '@/lib/platform/logger';
import { setTableOccupancy } from '@/lib/restaurant';
import { assertTransition, lockOrder, placeIfOpen, type OrderRow, type SaleContext } from './orders';
import type { PaymentInput } from './schemas';

/**
 * Taking money for an order. Cash is one transaction. A card payment is three steps, so the
 * gateway call never runs inside a database transaction:
 *   1. write a `pending` payment (its id is the gateway idempotency key);
 *   2. call the gateway (timeout, retries with the same key, circuit breaker);
 *   3. settle the payment and the order's totals.
 * A crash between 2 and 3 leaves the payment pending; recovery.ts asks the gateway what
 * happened to that key and finishes step 3 exactly once.
 */
export type PaymentResult = { payment: PaymentView };

/** What the cashier reads when the gateway failed and certainly took nothing (details go to the log). */
const NOT_CHARGED = 'The card service is not answering — nothing was charged. Take cash or try again.';

const DECLINE_WORDS: Record<string, string> = {
  card_declined: 'The card was declined.',
  insufficient_funds: 'The card was declined: insufficient funds.',
  expired_card: 'The card has expired.',
};

/** Adds a captured amount to the order, moving it to partly paid or paid (and completed). */
async function applyCapturedAmount(tx: Tx, order: OrderRow, payment: PaymentView): Promise<void> {
  const paidTotal = order.paidTotal + payment.amount;
  const status = paidTotal >= order.total ? 'paid' : 'partially_paid';
  assertTransition(order.status, status);
  const events: { type: keyof EventPayloads; payload: EventPayloads[keyof EventPayloads] }[] = [
    { type: 'PaymentCaptured', payload: { orderId: order.id, paymentId: payment.id, tender: payment.tender, amount: payment.amount } },
  ];
  if (status === 'paid') {
    // Paid is done: the sale completes, and a dine-in table waits to be cleared.
    await tx
      .update(orders)
      .set({ paidTotal, status: 'completed', paidAt: new Date(), completedAt: new Date(), updatedAt: new Date() })
      .where(eq(orders.id, order.id));
    if (order.tableId) await setTableOccupancy(tx, order.tableId, { status: 'needs_cleaning', covers: 0 });
    events.push({ type: 'OrderPaid', payload: { orderId: order.id, number: order.number, total: order.total } });
  } else {
    await tx.update(orders).set({ paidTotal, status, updatedAt: new Date() }).where(eq(orders.id, order.id));
  }
  await appendEvents(tx, order.tenantId, events as Parameters<typeof appendEvents>[2]);
}

async function assertNoPendingCard(tx: Tx, orderId: string): Promise<void> {
  if ((await paymentsOfOrder(tx, orderId)).some((p) => p.status === 'pending')) {
    throw new AppError('conflict', 'A card payment for this order is still being confirmed; wait a moment before taking another payment');
  }
}

function amountToTake(order: OrderRow, requested: number | undefined): number {
  const balance = order.total - order.paidTotal;
  if (balance <= 0) throw new AppError('conflict', 'This order is already paid');
  const amount = requested ?? balance;
  if (amount > balance) throw new AppError('unprocessable', `Only ${balance} is left to pay`, [{ path: 'amount', message: 'More than the balance due' }]);
  return amount;
}

export async function payOrder(ctx: SaleContext, orderId: string, input: PaymentInput, shiftId: string | null = null): Promise<PaymentResult> {
  return input.tender === 'cash' ? payCash(ctx, orderId, input, shiftId) : payCard(ctx, orderId, input, shiftId);
}

async function payCash(ctx: SaleContext, orderId: string, input: Extract<PaymentInput, { tender: 'cash' }>, shiftId: string | null): Promise<PaymentResult> {
  return withTenant(ctx.tenant.id, async (tx) => {
    const order = await placeIfOpen(tx, await lockOrder(tx, orderId));
    await assertNoPendingCard(tx, orderId);
    const amount = amountToTake(order, input.amount ?? Math.min(input.tendered, order.total - order.paidTotal));
    if (input.tendered < amount) {
      throw new AppError('unprocessable', `Not enough cash: ${input.tendered} handed over for ${amount}`, [{ path: 'tendered', message: 'Less than the amount' }]);
    }
    const payment = await recordCashPayment(tx, ctx.tenant.id, {
      orderId,
      shiftId: shiftId ?? order.shiftId,
      amount,
      cashTendered: input.tendered,
      actorUserId: ctx.user.userId,
    });
    await applyCapturedAmount(tx, order, payment);
    return { payment };
  });
}

async function payCard(ctx: SaleContext, orderId: string, input: Extract<PaymentInput, { tender: 'card' }>, shiftId: string | null): Promise<PaymentResult> {
  const tenantId = ctx.tenant.id;
  const pending = await withTenant(tenantId, async (tx) => {
    const order = await placeIfOpen(tx, await lockOrder(tx, orderId));
    await assertNoPendingCard(tx, orderId);
    return startCardPayment(tx, tenantId, {
      orderId,
      shiftId: shiftId ?? order.shiftId,
      amount: amountToTake(order, input.amount),
      source: input.source,
      actorUserId: ctx.user.userId,
    });
  });

  let outcome: GatewayPayment;
  try {
    outcome = await chargeCard({ merchant: tenantId, amount: pending.amount, currency: ctx.tenant.currency, source: input.source, reference: orderId, idempotencyKey: pending.id });
  } catch (err) {
    if (!(err instanceof GatewayUnavailableError)) throw err;
    if (err.notProcessed) {
      // The breaker stopped it, or the gateway said it processed nothing: it certainly did not happen.
      logger.warn({ paymentId: pending.id, reason: err.message }, 'card payment not processed');
      await settleCard(tenantId, pending.id, null, 'gateway_unavailable', NOT_CHARGED);
      throw err.breakerOpen ? err : new AppError('unavailable', NOT_CHARGED);
    }
    // Every attempt failed without an answer: the gateway may or may not have charged. Ask it.
    const known = await findPaymentByKey(tenantId, pending.id).then(
      (found) => ({ found }),
      () => null,
    );
    if (!known) {
      logger.warn({ paymentId: pending.id, orderId }, 'card payment outcome unknown; left for recovery');
      throw new AppError('unavailable', 'The card payment could not be confirmed. It is checked automatically in a moment — do not charge the card again.');
    }
    if (!known.found) {
      await settleCard(tenantId, pending.id, null, 'gateway_unavailable', NOT_CHARGED);
      throw new AppError('unavailable', NOT_CHARGED);
    }
    outcome = known.found;
  }
  const payment = await settleCard(tenantId, pending.id, outcome);
  if (payment.status === 'failed') {
    const message = DECLINE_WORDS[payment.failureCode ?? ''] ?? 'The card was declined.';
    throw new AppError('payment_declined', message, [{ path: 'payment', message, paymentId: payment.id, code: payment.failureCode }]);
  }
  return { payment };
}

/**
 * Step 3: records the gateway's outcome for a pending card payment and updates the order, once.
 * Also used by the recovery job. A captured payment on an order that can no longer take it
 * (voided meanwhile) is recorded and logged for a manager to refund.
 */
export async function settleCard(
  tenantId: string,
  paymentId: string,
  outcome: GatewayPayment | null,
  code = 'card_declined',
  message = 'Declined',
): Promise<PaymentView> {
  return withTenant(tenantId, async (tx) => {
    const captured = outcome?.status === 'captured';
    const { payment, changed } = await settleCardPayment(
      tx,
      paymentId,
      captured ? { captured: true, gatewayPaymentId: outcome!.id } : { captured: false, code: outcome?.declineCode ?? code, message },
    );
    if (!changed) return payment;
    const order = await lockOrder(tx, payment.orderId);
    if (captured) {
      if (order.paidTotal + payment.amount > order.total || !['placed', 'partially_paid'].includes(order.status)) {
        logger.error({ orderId: order.id, paymentId }, 'card captured for an order that cannot take it; refund it from the order');
        return payment;
      }
      await applyCapturedAmount(tx, order, payment);
    } else {
      await appendEvents(tx, tenantId, [{ type: 'PaymentFailed', payload: { orderId: order.id, paymentId, code: payment.failureCode ?? code } }]);
    }
    return payment;
  });
}
