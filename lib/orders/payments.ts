import type { TenantContext } from '@/lib/auth';
import { eq } from 'drizzle-orm';
import { orders } from '@/db/schema/orders';
import { appendEvents, type EventPayloads } from '@/lib/events';
import {
  capturePayment,
  chargeCard,
  findPaymentByKey,
  GatewayRefusedError,
  GatewayUnavailableError,
  recordCashPayment,
  settleCardPayment,
  startCardPayment,
  paymentsOfOrder,
  voidPayment,
  type GatewayPayment,
  type PaymentView,
} from '@/lib/payments';
import { withTenant, type Tx } from '@/lib/platform/db';
import { AppError } from '@/lib/platform/errors';
import { logger } from '@/lib/platform/logger';
import { setTableOccupancy } from '@/lib/restaurant';
import { observePayment } from './observe';
import { assertTransition, getOrder, lockOrder, newOrderView, orderViewIn, placeIfOpen, type OrderRow, type OrderView, type WrittenOrder } from './orders';
import type { PaymentInput } from './schemas';
import { drawerFor } from './shifts';
import { addToPart, lockPart, type PartRow } from './split-parts';

/**
 * Taking money for an order. Cash is one transaction. A card payment is three steps, so the
 * gateway call never runs inside a database transaction:
 *   1. write a `pending` payment (its id is the gateway idempotency key);
 *   2. call the gateway (timeout, retries with the same key, circuit breaker);
 *   3. settle the payment and the order's totals.
 * The payment is settled as not charged only when no attempt can have reached the gateway.
 * When that is unknown (and asking by key finds nothing yet, or fails) the payment stays
 * `pending`: the order takes no other tender, and recovery.ts keeps asking the gateway until
 * it answers definitively, then finishes step 3 exactly once. A crash between 2 and 3 ends
 * the same way.
 */
/** The tender as taken, and the order as it is after it (what the register shows next). */
export type PaymentResult = { payment: PaymentView; order: OrderView };

/** What the register shows for a card still being confirmed (HTTP 202, or `paymentError` beside a checkout). */
export const PAYMENT_PENDING = {
  code: 'payment_pending',
  message: 'Checking the card with the card service — do not charge it again. The order can take another payment once the card is settled.',
} as const;

const DECLINE_WORDS: Record<string, string> = {
  card_declined: 'The card was declined.',
  insufficient_funds: 'The card was declined: insufficient funds.',
  expired_card: 'The card has expired.',
};

/**
 * Adds a captured amount to the order (and to its split part), moving it to partly paid or paid
 * (and completed). The order's paid total decides its status, split or not; the tip is not the
 * order's money. Answers the order row as it now is.
 */
async function applyCapturedAmount(tx: Tx, order: OrderRow, payment: PaymentView, at = new Date()): Promise<OrderRow> {
  const paidTotal = order.paidTotal + payment.amount;
  const status = paidTotal >= order.total ? 'paid' : 'partially_paid';
  assertTransition(order.status, status);
  if (payment.partId) await addToPart(tx, payment.partId, await lockPart(tx, order.id, payment.partId), payment.amount);
  const [updated] = await tx
    .update(orders)
    // Paid is done: the sale completes.
    .set(status === 'paid' ? { paidTotal, status: 'completed', paidAt: at, completedAt: at, updatedAt: new Date() } : { paidTotal, status, updatedAt: new Date() })
    .where(eq(orders.id, order.id))
    .returning();
  await announceCaptured(tx, order, payment, status === 'paid');
  return updated!;
}

/** PaymentCaptured, and for a tender that paid the order OrderPaid, its dine-in table then waiting to be cleared. */
async function announceCaptured(tx: Tx, order: OrderRow, payment: PaymentView, paidInFull: boolean): Promise<void> {
  const events: { type: keyof EventPayloads; payload: EventPayloads[keyof EventPayloads] }[] = [
    {
      type: 'PaymentCaptured',
      payload: { orderId: order.id, paymentId: payment.id, tender: payment.tender, amount: payment.amount, tip: payment.tip, partId: payment.partId },
    },
  ];
  if (paidInFull) {
    if (order.tableId) await setTableOccupancy(tx, order.tableId, { status: 'needs_cleaning', covers: 0 });
    events.push({ type: 'OrderPaid', payload: { orderId: order.id, number: order.number, total: order.total, customerId: order.customerId } });
  }
  await appendEvents(tx, order.tenantId, events as Parameters<typeof appendEvents>[2]);
}

async function assertNoPendingCard(tx: Tx, orderId: string): Promise<void> {
  if ((await paymentsOfOrder(tx, orderId)).some((p) => p.status === 'pending')) {
    throw new AppError('conflict', 'A card payment for this order is still being confirmed; wait a moment before taking another payment');
  }
}

/** What a tender puts toward the order: at most its balance, and at most the balance of the part it pays. */
function amountToTake(order: Pick<OrderRow, 'total' | 'paidTotal'>, requested: number | undefined, part: PartRow | null = null): number {
  const balance = Math.min(order.total - order.paidTotal, part ? part.amount - part.paidTotal : Infinity);
  if (balance <= 0) throw new AppError('conflict', part ? `${part.label} is already paid` : 'This order is already paid');
  const amount = requested ?? balance;
  if (amount > balance) {
    throw new AppError('unprocessable', `Only ${balance} is left to pay${part ? ` on ${part.label}` : ''}`, [{ path: 'amount', message: 'More than the balance due' }]);
  }
  return amount;
}

/** The part a tender names (locked with the order), or null for the order as a whole. */
const partOf = (tx: Tx, orderId: string, input: PaymentInput) => (input.partId ? lockPart(tx, orderId, input.partId) : Promise.resolve(null));

export function payOrder(ctx: TenantContext, orderId: string, input: PaymentInput, shiftId: string | null = null): Promise<PaymentResult> {
  return observePayment(input.tender, () => takeTender(ctx, orderId, input, shiftId));
}

async function takeTender(ctx: TenantContext, orderId: string, input: PaymentInput, shiftId: string | null): Promise<PaymentResult> {
  if (input.tender === 'cash') return payCash(ctx, orderId, input, shiftId);
  const { payment } = await payCard(ctx, orderId, input, shiftId);
  return { payment, order: await getOrder(ctx, orderId) };
}

export type CashInput = Extract<PaymentInput, { tender: 'cash' }>;

/** Cash is taken in one transaction, the order as it now stands read in it too. */
async function payCash(ctx: TenantContext, orderId: string, input: CashInput, shiftId: string | null): Promise<PaymentResult> {
  return withTenant(ctx.tenantId, async (tx) => {
    const order = await placeIfOpen(tx, await lockOrder(tx, orderId));
    await assertNoPendingCard(tx, orderId);
    const take = cashToTake(order, input, await partOf(tx, orderId, input));
    const { payment } = await writeCash(tx, ctx, order, take, await drawerFor(tx, order, shiftId));
    return { payment, order: await orderViewIn(tx, orderId) };
  });
}

/**
 * What the cash handed over with a new sale of `total` puts toward it; a refusal (AppError) when it
 * cannot be taken — not enough cash, nothing due. A new sale has no split part (its schema refuses
 * one) and nothing paid, so this is known before the order is written: checkout writes the order
 * already paid by it (no update after), and the sale stands unpaid beside a refusal.
 */
export const cashWithSale = (total: number, input: CashInput): CashToTake => cashToTake({ total, paidTotal: 0 }, input, null);

/**
 * The cash tender `take` (cashWithSale) of a sale written paid by it, in the sale's own
 * transaction: its payment row and events, into the sale's own shift (checked open at its location
 * by the sale). The order's view is made from the rows written, none read back.
 */
export function recordCashWithSale(tx: Tx, ctx: TenantContext, written: WrittenOrder, take: CashToTake): Promise<PaymentResult> {
  return observePayment('cash', async () => {
    const { order } = written;
    const payment = await recordCashPayment(tx, ctx.tenantId, {
      orderId: order.id,
      shiftId: order.shiftId,
      amount: take.amount,
      tip: take.tip,
      partId: null,
      cashTendered: take.tendered,
      actorUserId: ctx.userId,
    });
    await announceCaptured(tx, order, payment, order.status === 'completed');
    return { payment, order: newOrderView(written, [payment]) };
  });
}

export type CashToTake = { amount: number; tip: number; tendered: number; part: PartRow | null };

/** What a cash tender puts toward `order` (and its part), the tip first out of the cash handed over; a refusal (AppError) when it cannot be taken. */
function cashToTake(order: Pick<OrderRow, 'total' | 'paidTotal'>, input: CashInput, part: PartRow | null): CashToTake {
  const tip = input.tip ?? 0;
  const due = Math.min(order.total - order.paidTotal, part ? part.amount - part.paidTotal : Infinity);
  // Cash handed over covers the tip first: what is left goes to the order.
  const amount = amountToTake(order, input.amount ?? Math.max(1, Math.min(input.tendered - tip, due)), part);
  if (input.tendered < amount + tip) {
    const asked = tip ? `${amount} and a tip of ${tip}` : `${amount}`;
    throw new AppError('unprocessable', `Not enough cash: ${input.tendered} handed over for ${asked}`, [{ path: 'tendered', message: 'Less than the amount' }]);
  }
  return { amount, tip, tendered: input.tendered, part };
}

/** The cash tender on the locked, placed `order` into `drawer` (an open shift, or none): the payment, the order's totals. */
async function writeCash(tx: Tx, ctx: TenantContext, order: OrderRow, take: CashToTake, drawer: string | null): Promise<{ payment: PaymentView; order: OrderRow }> {
  const payment = await recordCashPayment(tx, ctx.tenantId, {
    orderId: order.id,
    shiftId: drawer,
    amount: take.amount,
    tip: take.tip,
    partId: take.part?.id ?? null,
    cashTendered: take.tendered,
    actorUserId: ctx.userId,
  });
  return { payment, order: await applyCapturedAmount(tx, order, payment) };
}

async function payCard(ctx: TenantContext, orderId: string, input: CardInput, shiftId: string | null): Promise<Settled> {
  const pending = await withTenant(ctx.tenantId, async (tx) => {
    const order = await placeIfOpen(tx, await lockOrder(tx, orderId));
    await assertNoPendingCard(tx, orderId);
    const part = await partOf(tx, orderId, input);
    return startCardPayment(tx, ctx.tenantId, {
      orderId,
      shiftId: await drawerFor(tx, order, shiftId),
      amount: amountToTake(order, input.amount, part),
      tip: input.tip ?? 0,
      partId: part?.id ?? null,
      source: input.source,
      actorUserId: ctx.userId,
    });
  });
  return chargePending(ctx, pending, input.source);
}

export type CardInput = Extract<PaymentInput, { tender: 'card' }>;

/**
 * Step 1 for the card handed over with a new sale, in the sale's own transaction: its pending
 * payment, into the sale's shift (checked open by the sale). A new sale has no split part and
 * nothing paid, so nothing is locked or read; an amount over the total is refused (AppError)
 * before anything is written, and the sale stands unpaid beside the refusal.
 */
export function startCardWithSale(tx: Tx, ctx: TenantContext, { order }: WrittenOrder, input: CardInput): Promise<PaymentView> {
  const amount = amountToTake(order, input.amount);
  return startCardPayment(tx, ctx.tenantId, { orderId: order.id, shiftId: order.shiftId, amount, tip: input.tip ?? 0, partId: null, source: input.source, actorUserId: ctx.userId });
}

/**
 * Steps 2 and 3 for the card started with a sale (startCardWithSale, committed): the order's view
 * is made from the sale's rows and the settled ones — null when the card did not pay it (still
 * pending, or the order could no longer take it), to be read.
 */
export function chargeCardWithSale(ctx: TenantContext, written: WrittenOrder, pending: PaymentView, input: CardInput): Promise<{ payment: PaymentView; order: OrderView | null }> {
  return observePayment('card', async () => {
    const { payment, order } = await chargePending(ctx, pending, input.source);
    return { payment, order: order ? newOrderView({ order, lines: written.lines }, [payment]) : null };
  });
}

/** A card payment as settled, and the order row as its captured amount left it (null when it was not applied). */
type Settled = { payment: PaymentView; order: OrderRow | null };

/** Steps 2 and 3 for the pending card payment `pending` (written and committed): the gateway, then the payment's outcome. */
async function chargePending(ctx: TenantContext, pending: PaymentView, source: string): Promise<Settled> {
  const { tenantId } = ctx;
  let outcome: GatewayPayment | null;
  try {
    // The card pays the order's amount and the tip together.
    outcome = await chargeCard({ merchant: tenantId, amount: pending.amount + pending.tip, currency: ctx.tenant.currency, source, reference: pending.orderId, idempotencyKey: pending.id });
  } catch (err) {
    if (err instanceof GatewayUnavailableError && err.notProcessed) {
      // No attempt reached the gateway (breaker open, connection refused, 503): nothing happened.
      await settle(tenantId, pending.id, null, 'gateway_unavailable', err.message);
      throw err;
    }
    if (err instanceof GatewayRefusedError && err.gatewayStatus === 400) {
      // Refused as invalid: the gateway claimed nothing and charged nothing.
      await settle(tenantId, pending.id, null, err.gatewayCode, err.message);
      throw err;
    }
    if (!(err instanceof GatewayUnavailableError || err instanceof GatewayRefusedError)) throw err;
    // Some attempt may have reached the gateway: ask it. "Not found" proves nothing yet (the
    // first request may still be processing there), so the payment stays pending.
    outcome = await findPaymentByKey(tenantId, pending.id).catch(() => null);
    if (!outcome) {
      logger.warn({ paymentId: pending.id, orderId: pending.orderId, reason: err.message }, 'card payment outcome unknown; left pending for recovery');
      return { payment: pending, order: null };
    }
  }
  const settled = await finish(tenantId, pending, outcome).catch((err: unknown) => {
    if (err instanceof GatewayUnavailableError || err instanceof GatewayRefusedError) return { payment: pending, order: null }; // capture of an authorization: recovery retries
    throw err;
  });
  const { payment } = settled;
  if (payment.status === 'failed') {
    const message = DECLINE_WORDS[payment.failureCode ?? ''] ?? 'The card was declined.';
    throw new AppError('payment_declined', message, [{ path: 'payment', message, paymentId: payment.id, code: payment.failureCode }]);
  }
  return settled;
}

/**
 * Settles a pending card payment from what the gateway knows of its key: captured → paid;
 * declined or voided → failed; authorized (never captured) → captured now if the order can
 * still take it, else voided, each with its own idempotency key. Used by payCard and recovery.
 */
export async function finishCardPayment(tenantId: string, payment: PaymentView, found: GatewayPayment): Promise<PaymentView> {
  return (await finish(tenantId, payment, found)).payment;
}

async function finish(tenantId: string, payment: PaymentView, found: GatewayPayment): Promise<Settled> {
  if (found.status !== 'authorized') return settle(tenantId, payment.id, found, 'voided', found.status === 'declined' ? 'Declined' : 'Voided by the card service');
  const takes = await withTenant(tenantId, async (tx) => canTake(tx, await lockOrder(tx, payment.orderId), payment));
  if (takes) return settle(tenantId, payment.id, await capturePayment(found.id, `${payment.id}:capture`));
  logger.warn({ orderId: payment.orderId, paymentId: payment.id }, 'authorized card the order can no longer take; voiding it');
  return settle(tenantId, payment.id, await voidPayment(found.id, `${payment.id}:void`), 'voided', 'The order no longer needed this card payment');
}

/** Whether the order (and the part the payment names, if it still exists) can still take the payment's amount. */
async function canTake(tx: Tx, order: OrderRow, payment: PaymentView): Promise<boolean> {
  if (!['placed', 'partially_paid'].includes(order.status) || order.paidTotal + payment.amount > order.total) return false;
  if (!payment.partId) return true;
  const part = await lockPart(tx, order.id, payment.partId).catch(() => null);
  return part !== null && part.paidTotal + payment.amount <= part.amount;
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
  return (await settle(tenantId, paymentId, outcome, code, message)).payment;
}

async function settle(tenantId: string, paymentId: string, outcome: GatewayPayment | null, code = 'card_declined', message = 'Declined'): Promise<Settled> {
  return withTenant(tenantId, async (tx) => {
    const captured = outcome?.status === 'captured';
    const { payment, changed } = await settleCardPayment(
      tx,
      paymentId,
      captured ? { captured: true, gatewayPaymentId: outcome!.id } : { captured: false, code: outcome?.declineCode ?? code, message },
    );
    if (!changed) return { payment, order: null };
    const order = await lockOrder(tx, payment.orderId);
    if (captured) {
      if (!(await canTake(tx, order, payment))) {
        logger.error({ orderId: order.id, paymentId }, 'card captured for an order that cannot take it; refund it from the order');
        return { payment, order: null };
      }
      return { payment, order: await applyCapturedAmount(tx, order, payment) };
    }
    await appendEvents(tx, tenantId, [{ type: 'PaymentFailed', payload: { orderId: order.id, paymentId, code: payment.failureCode ?? code } }]);
    return { payment, order: null };
  });
}
