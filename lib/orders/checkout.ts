import { createHash } from 'node:crypto';
import { attributeOfflineSale, auditOfflineAttribution, type TenantContext } from '@/lib/auth';
import { AppError } from '@/lib/platform/errors';
import { KEY_TTL_HOURS } from '@/lib/platform/idempotency';
import { observeCheckout } from './observe';
import type { PaymentView } from '@/lib/payments';
import { createOrderOnce, getOrder, newOrderView, type OrderView, type WrittenOrder } from './orders';
import { cashWithSale, chargeCardWithSale, PAYMENT_PENDING, payOrder, recordCashWithSale, startCardWithSale, type CashToTake } from './payments';
import type { CreateOrderInput } from './schemas';

/** Why the tenders sent with a checkout stopped (the order stands beside it), or null when all were taken. */
export type CheckoutPaymentError = { code: string; message: string } | null;

/**
 * A sale at the register: the order (placed, or parked with `park`), then the tenders given
 * with it, in order. A tender that fails does not undo the sale: the order stays placed,
 * unpaid or partly paid, and the failure is answered beside it, so the register can offer
 * cash — or, for a card still being confirmed (`payment_pending`), tell the cashier not to
 * charge again.
 *
 * With the request's Idempotency-Key the order's id is derived from it, so the sale is made
 * once even when the key's own record was lost: a request whose order committed but whose
 * answer was never stored (the database went away in between, the process died) is taken over
 * by a retry after the key's in-flight window — the retry finds the order and answers it as
 * it stands, taking no tender again.
 */
export function checkout(ctx: TenantContext, input: CreateOrderInput, idempotencyKey?: string | null): Promise<CheckoutResult> {
  return observeCheckout(() => placeAndPay(ctx, input, idempotencyKey ?? null));
}

type CheckoutResult = { order: OrderView; paymentError: CheckoutPaymentError };

async function placeAndPay(session: TenantContext, input: CreateOrderInput, key: string | null): Promise<CheckoutResult> {
  // A sale rung up offline by someone the register was switched to by PIN: theirs if lib/auth accepts
  // the claim (docs/offline.md), else the session's person's; audited either way, in the sale's transaction.
  const claim = input.offlineCashier && input.placedAt ? input.offlineCashier : null;
  const attribution = claim ? await attributeOfflineSale(session, claim, key) : null;
  const ctx = attribution?.ctx ?? session;
  const orderId = key ? orderIdForKey(ctx.tenantId, key) : crypto.randomUUID();
  const [first, ...rest] = input.payments;
  // The first tender handed over with a sale (the usual checkout) starts in the sale's own
  // transaction: cash is taken there (the order written paid by it, its payment recorded after), a
  // card's pending payment is written there and charged once the sale is committed. A refused
  // tender leaves the sale unpaid beside the refusal.
  const cash = !input.park && first?.tender === 'cash' ? first : null;
  const card = !input.park && first?.tender === 'card' ? first : null;
  const tender: { take: CashToTake | null; refusal: CheckoutPaymentError } = { take: null, refusal: null };
  const paidWithSale = (total: number) => {
    tender.take = null;
    tender.refusal = null;
    try {
      tender.take = cashWithSale(total, cash!);
      return tender.take.amount;
    } catch (err) {
      tender.refusal = refusalOrThrow(err);
      return 0;
    }
  };
  const made = await createOrderOnce(
    ctx,
    input,
    orderId,
    async (tx, written): Promise<WithSale> => {
      if (claim && attribution) await auditOfflineAttribution(tx, session, written.order, claim, attribution);
      if (card) {
        try {
          return { card: { written, pending: await startCardWithSale(tx, ctx, written, card) } };
        } catch (err) {
          return { done: { order: newOrderView(written, []), paymentError: refusalOrThrow(err) } };
        }
      }
      if (!cash) return null;
      if (!tender.take) return { done: { order: newOrderView(written, []), paymentError: tender.refusal } };
      return { done: { order: (await recordCashWithSale(tx, ctx, written, tender.take)).order, paymentError: null } };
    },
    cash ? paidWithSale : undefined,
  );
  if (!made) return { order: await madeEarlierWith(ctx, orderId, input.placedAt), paymentError: null };
  const withSale = made.value;
  if (withSale && 'done' in withSale && (withSale.done.paymentError || rest.length === 0)) return withSale.done;
  const tenders: Tendering[] = [];
  if (withSale && 'card' in withSale) tenders.push(() => chargeCardWithSale(ctx, withSale.card.written, withSale.card.pending, card!));
  for (const next of withSale ? rest : input.payments) tenders.push(() => payOrder(ctx, orderId, next, input.shiftId));
  const { order, paymentError } = await takePayments(tenders);
  return { order: order ?? (await getOrder(ctx, orderId)), paymentError };
}

/** What the sale's transaction did with the first tender: its answer, done (cash, or a refusal), or a card to charge once committed. */
type WithSale = { done: CheckoutResult } | { card: { written: WrittenOrder; pending: PaymentView } } | null;

/** A tender to take: the payment as taken, and the order's view after it (null: to be read). */
type Tendering = () => Promise<{ payment: PaymentView; order: OrderView | null }>;

/** A refused tender's answer; any other failure is thrown on. */
function refusalOrThrow(err: unknown): NonNullable<CheckoutPaymentError> {
  const refusal = tenderRefusal(err);
  if (!refusal) throw err;
  return refusal;
}

/** A tender that was refused (the sale stands beside it), as the checkout answers it; undefined for a failure that is not an answer. */
function tenderRefusal(err: unknown): CheckoutPaymentError | undefined {
  if (err instanceof AppError && ['payment_declined', 'unavailable', 'unprocessable', 'conflict'].includes(err.code)) {
    return { code: err.code, message: err.message };
  }
  return undefined;
}

/**
 * The order a checkout with Idempotency-Key `key` makes: a UUID (version 8, RFC 9562) from
 * SHA-256 of the tenant and the key — the same for every retry, another for every key or tenant.
 */
export function orderIdForKey(tenantId: string, key: string): string {
  const bytes = createHash('sha256').update(`tillwise order\n${tenantId}\n${key}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80; // version 8
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The order an earlier request with the same key made. A key is kept KEY_TTL_HOURS: an order
 * older than that is another sale's, whose key the client used again (a new sale needs a new key).
 * An offline sale is dated when it was made (up to offlineMaxHours back), so the same `placedAt`
 * is what says it is the same sale sent again.
 */
async function madeEarlierWith(ctx: TenantContext, orderId: string, placedAt: Date | undefined): Promise<OrderView> {
  const order = await getOrder(ctx, orderId);
  const sameOfflineSale = placedAt !== undefined && order.placedAt?.getTime() === placedAt.getTime();
  if (!sameOfflineSale && Date.now() - order.createdAt.getTime() > KEY_TTL_HOURS * 3600 * 1000) {
    throw new AppError('unprocessable', 'This Idempotency-Key was used for an earlier sale; send a new key with every sale', [{ path: 'Idempotency-Key', message: 'Already used' }]);
  }
  return order;
}

/**
 * Takes the tenders in order, stopping at the first that is not captured. Answers the order
 * as the last tender left it, or null when it must be read again (no tender, or one failed).
 */
async function takePayments(tenders: Tendering[]): Promise<{ order: OrderView | null; paymentError: CheckoutPaymentError }> {
  let order: OrderView | null = null;
  for (const take of tenders) {
    try {
      const taken = await take();
      order = taken.order;
      if (taken.payment.status === 'pending') return { order, paymentError: PAYMENT_PENDING };
    } catch (err) {
      return { order: null, paymentError: refusalOrThrow(err) };
    }
  }
  return { order, paymentError: null };
}
