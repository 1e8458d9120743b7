'use client';

import { useCallback, useRef, useState } from 'react';
import { api, needsApproval, newActionKey, type ApiError, type ApiResult } from './api';
import type { QueuedSale } from './offline-queue';
import type { Order, Tender } from './types';

/**
 * Taking a tender for an order that is already checked out (placed or partly paid), shared by
 * the sale screen (use-sale.ts) and the orders screen ("Take payment" on any device):
 * POST /api/v1/orders/{id}/payments into this register's drawer, with one Idempotency-Key
 * per user action that is reused when the same action is tried again after a lost answer.
 */
export type PayOutcome =
  | { kind: 'paid'; order: Order }
  | { kind: 'partial'; order: Order }
  | { kind: 'declined'; order: Order | null; message: string }
  | { kind: 'unavailable'; order: Order | null; message: string }
  | { kind: 'pending'; order: Order }
  | { kind: 'approval'; error: ApiError }
  | { kind: 'error'; error: ApiError }
  /** No server: the cash sale was saved on this device (offline-queue.ts), to be sent when it is back. */
  | { kind: 'saved'; sale: QueuedSale };

export const UNPAID_STATUSES: ReadonlySet<Order['status']> = new Set(['placed', 'partially_paid']);

/** A card payment of this order that the card service has not settled yet. */
export const hasPendingCard = (order: Order | null) => order?.payments.some((p) => p.status === 'pending') ?? false;

/** The answer, and the Idempotency-Key it was sent with (an unanswered checkout is queued offline with the same key). */
export type Send = <T>(method: 'POST' | 'PUT', path: string, body: unknown, timeoutMs?: number) => Promise<ApiResult<T> & { key: string }>;

/** A sender that remembers the key of every action whose answer never came, and reuses it for the same action. */
export function useIdempotentSend(): Send {
  const unanswered = useRef(new Map<string, string>());
  return useCallback(async <T>(method: 'POST' | 'PUT', path: string, body: unknown, timeoutMs = 30_000) => {
    const fingerprint = `${method} ${path} ${JSON.stringify(body)}`;
    const key = unanswered.current.get(fingerprint) ?? newActionKey();
    const result = await api<T>(path, { method, body, key, timeoutMs });
    if (!result.ok && result.error.status === 0) unanswered.current.set(fingerprint, key);
    else unanswered.current.delete(fingerprint);
    return { ...result, key };
  }, []);
}

export const fetchOrder = async (id: string): Promise<Order | null> => {
  const result = await api<Order>(`/api/v1/orders/${encodeURIComponent(id)}`, { retries: 2 });
  return result.ok ? result.data : null;
};

/** What a refused tender means for the person at the till (a generic error is the caller's to show). */
export function paymentRefusal(e: ApiError, current: Order | null): PayOutcome {
  if (e.code === 'payment_declined' || e.status === 402) return { kind: 'declined', order: current, message: e.message };
  if (e.code === 'unavailable' || e.status === 503) return { kind: 'unavailable', order: current, message: e.message };
  if (needsApproval(e)) return { kind: 'approval', error: e };
  return { kind: 'error', error: e };
}

/** One tender toward `orderId`; on a refusal the order is read again (a declined card may still have placed it). */
export async function tenderOrder(send: Send, orderId: string, tender: Tender, shiftId: string | null): Promise<{ outcome: PayOutcome; order: Order | null }> {
  const paid = await send<{ order: Order }>('POST', `/api/v1/orders/${encodeURIComponent(orderId)}/payments`, { ...tender, shiftId });
  if (!paid.ok) {
    const now = await fetchOrder(orderId);
    if (now && hasPendingCard(now)) return { outcome: { kind: 'pending', order: now }, order: now };
    return { outcome: paymentRefusal(paid.error, now), order: now };
  }
  const order = paid.data.order;
  if (paid.status === 202) return { outcome: { kind: 'pending', order }, order };
  return { outcome: order.balanceDue === 0 ? { kind: 'paid', order } : { kind: 'partial', order }, order };
}

/** How to split the bill, as PUT /api/v1/orders/{id}/split takes it. */
export type SplitPlan = { kind: 'seat' } | { kind: 'equal'; shares: number } | { kind: 'item'; parts: { items: { lineId: string; quantity: number }[] }[] };
export type SplitResult = { ok: true; order: Order } | { ok: false; message: string };

/** Creates or replaces the split plan of `orderId` (parts with money on them must stay). */
export async function splitBill(send: Send, orderId: string, plan: SplitPlan): Promise<SplitResult> {
  const result = await send<Order>('PUT', `/api/v1/orders/${encodeURIComponent(orderId)}/split`, plan);
  return result.ok ? { ok: true, order: result.data } : { ok: false, message: result.error.message };
}

/**
 * "Check again" for a pending card: the server asks the card service now and answers the
 * order as it then is (null: no answer). No Idempotency-Key: every check must ask afresh.
 */
export async function recheckCard(orderId: string): Promise<Order | null> {
  const result = await api<Order>(`/api/v1/orders/${encodeURIComponent(orderId)}/payments/recheck`, { method: 'POST', key: null, timeoutMs: 30_000 });
  return result.ok ? result.data : fetchOrder(orderId);
}

/**
 * Paying an order that is already checked out, from a screen other than the sale it started
 * on (the orders list): the payment dialog's `onPay` and `onCheckCard` for that order, with
 * the money going into this device's open shift.
 */
export function useOrderPayment(initial: Order, shiftId: string | null) {
  const send = useIdempotentSend();
  const [order, setOrder] = useState<Order>(initial);
  const [busy, setBusy] = useState(false);

  const pay = useCallback(
    async (tender: Tender): Promise<PayOutcome> => {
      setBusy(true);
      try {
        const { outcome, order: now } = await tenderOrder(send, order.id, tender, shiftId);
        if (now) setOrder(now);
        return outcome;
      } finally {
        setBusy(false);
      }
    },
    [send, order.id, shiftId],
  );

  const checkCard = useCallback(async () => {
    const now = await recheckCard(order.id);
    if (now) setOrder(now);
    return now;
  }, [order.id]);

  const split = useCallback(
    async (plan: SplitPlan): Promise<SplitResult> => {
      const result = await splitBill(send, order.id, plan);
      if (result.ok) setOrder(result.order);
      return result;
    },
    [send, order.id],
  );

  return { order, busy, pay, checkCard, split };
}
