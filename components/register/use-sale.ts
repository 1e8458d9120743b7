'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { api, detailsAt, needsApproval, newActionKey, type ApiError } from './api';
import { offlineCashierClaim, type OfflineCashier } from './offline-pins';
import { announceQueueChange, enqueueSale } from './offline-queue';
import { fetchOrder, paymentRefusal, recheckCard, splitBill, tenderOrder, UNPAID_STATUSES as UNPAID, useIdempotentSend, type PayOutcome, type SplitPlan, type SplitResult } from './order-payment';
import { orderInput, type CartState } from './use-cart';
import type { Approval, Order, Shift, Tender } from './types';

/**
 * Turning the cart into money, with the API's guarantees:
 * - checkout = POST /api/v1/orders with the first tender (a parked order being resumed is
 *   first replaced with PUT /api/v1/orders/{id}); later tenders = POST …/{id}/payments;
 * - one Idempotency-Key per user action; if the answer was lost (network, time-out) the
 *   SAME key is used when the person tries the identical action again, so nothing is charged
 *   or created twice;
 * - once checked out, the order is "placed" (its items left stock): the cart is locked to it
 *   until it is paid (or voided);
 * - a card the card service has not confirmed yet (202, or `payment_pending` beside a
 *   checkout) is `pending`: the order takes no other tender until the server settles it, and
 *   `checkCard` asks the server to check with the card service now.
 */
const SALE_IN_PROGRESS_KEY = 'tillwise.saleInProgress';

export function useSale({
  cart,
  shift,
  registerName,
  expectedTotal,
  onShiftProblem,
  onTotalChanged,
  onRestore,
  offline,
}: {
  /**
   * Selling without the server (docs/offline.md): `now` while it cannot be reached; `unsyncedTotal`
   * what this device holds unsent, `maxTotal` the tenant's limit on it (null: none); `cashier` who
   * is ringing it up (kept with the sale: a refused one names them in "Needs attention");
   * `switchedTo` whom an offline "switch staff" made the cashier (offline-pins.ts): their sales carry
   * their proof, so the server records them as theirs.
   */
  offline: { now: boolean; tenantId: string; currency: string; maxTotal: number | null; unsyncedTotal: () => Promise<number>; cashier: { id: string; name: string }; switchedTo: OfflineCashier | null };
  cart: CartState;
  shift: Shift | null;
  registerName: string | null;
  expectedTotal: number | null;
  onShiftProblem: () => void;
  onTotalChanged: () => void;
  /** An unpaid order this register was taking money for before a reload: back on screen. */
  onRestore: (order: Order) => void;
}) {
  const [order, setOrder] = useState<Order | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<null | 'park' | 'send' | 'pay' | 'void'>(null);
  /** One Idempotency-Key per action, reused when the same action is tried again after a lost answer. */
  const send = useIdempotentSend();
  /** A manager's `order:void` token for taking off units the kitchen has: one use, sent with the next PUT. */
  const voidApproval = useRef<Approval | null>(null);
  /** PUT /api/v1/orders/{id}: the open order replaced, carrying the void approval if one was given. */
  const replaceOpen = useCallback(
    async <T,>(id: string, body: object) => {
      const result = await send<T>('PUT', `/api/v1/orders/${id}`, { ...body, voidApproval: voidApproval.current });
      if (result.ok || needsApproval(result.error, 'voidApproval')) voidApproval.current = null; // used, or refused: ask again
      return result;
    },
    [send],
  );

  // The order being paid survives a reload (its items already left stock): remember its id
  // per register, and bring it back on load while it still waits for money.
  const storageKey = registerName ? `${SALE_IN_PROGRESS_KEY}.${registerName}` : null;
  const [restoring, setRestoring] = useState(true);
  const restore = useRef(onRestore);
  useEffect(() => {
    restore.current = onRestore;
  });
  useEffect(() => {
    if (!storageKey) return;
    let id: string | null = null;
    try {
      id = window.localStorage.getItem(storageKey);
    } catch {
      id = null;
    }
    if (!id) return setRestoring(false);
    let cancelled = false;
    void api<Order>(`/api/v1/orders/${encodeURIComponent(id)}`, { retries: 2 }).then((result) => {
      if (cancelled) return;
      if (result.ok && UNPAID.has(result.data.status)) {
        setOrder(result.data);
        restore.current(result.data);
      }
      setRestoring(false);
    });
    return () => {
      cancelled = true;
    };
  }, [storageKey]);
  useEffect(() => {
    if (!storageKey || restoring) return;
    try {
      if (order && UNPAID.has(order.status)) window.localStorage.setItem(storageKey, order.id);
      else window.localStorage.removeItem(storageKey);
    } catch {
      // Private mode: nothing to remember with.
    }
  }, [order, storageKey, restoring]);

  const noteProblem = useCallback(
    (e: ApiError) => {
      setError(e);
      if (/shift is closed|no such shift|shift belongs/i.test(e.message) || detailsAt(e, 'shiftId').length) onShiftProblem();
      if (detailsAt(e, 'expectedTotal').length) onTotalChanged();
    },
    [onShiftProblem, onTotalChanged],
  );

  /** The order as the server answered it, kept while it is being paid (or just paid). */
  const adopt = useCallback((now: Order) => {
    setOrder(UNPAID.has(now.status) || now.status === 'completed' ? now : null);
    return now;
  }, []);

  const syncOrder = useCallback(
    async (id: string) => {
      const now = await fetchOrder(id);
      return now ? adopt(now) : null;
    },
    [adopt],
  );

  /**
   * Keeps the cart as an open order — created, or the resumed one replaced (a dine-in tab stays on
   * its table) — and, for a tab's Send, then POST …/fire: `course` fires that held course, none
   * what is not held.
   */
  const keepOpen = useCallback(
    async (fire: { course?: number } | null): Promise<{ ok: true; order: Order & { fired?: number } } | { ok: false; error: ApiError }> => {
      if (!shift) return { ok: false, error: { status: 0, code: 'shift', message: 'Open a shift first.', details: [] } };
      setBusy(fire ? 'send' : 'park');
      setError(null);
      try {
        const body = orderInput(cart, shift);
        let result = cart.resumed
          ? await replaceOpen<Order & { fired?: number }>(cart.resumed.id, body)
          : await send<Order & { fired?: number }>('POST', '/api/v1/orders', { ...body, park: true });
        if (result.ok && fire) result = await send<Order & { fired: number }>('POST', `/api/v1/orders/${result.data.id}/fire`, fire);
        if (!result.ok) noteProblem(result.error);
        return result.ok ? { ok: true, order: result.data } : result;
      } finally {
        setBusy(null);
      }
    },
    [cart, shift, send, replaceOpen, noteProblem],
  );
  const park = useCallback(() => keepOpen(null), [keepOpen]);
  const sendTab = useCallback((course?: number) => keepOpen(course === undefined ? {} : { course }), [keepOpen]);

  const classifyPaymentError = useCallback(
    (e: ApiError, current: Order | null): PayOutcome => {
      const outcome = paymentRefusal(e, current);
      if (outcome.kind === 'error') noteProblem(e);
      return outcome;
    },
    [noteProblem],
  );

  /**
   * The whole sale in cash, saved on this device (offline-queue.ts) before anything says "paid":
   * `key` and `body` are what the checkout will be sent with when the server is back.
   */
  const saveOffline = useCallback(
    async (tender: Tender, body: Record<string, unknown>, key: string, total: number): Promise<PayOutcome> => {
      const problem = (code: string): PayOutcome => ({ kind: 'error', error: { status: 0, code, message: `Offline: ${code}`, details: [] } });
      if (tender.tender !== 'cash') return problem('offline_card');
      if (tender.amount < total || tender.partId) return problem('offline_whole');
      if (offline.maxTotal !== null && (await offline.unsyncedTotal()) + total > offline.maxTotal) return problem('offline_limit');
      // Made offline (`placedAt`) by someone switched to by PIN here: the sale names them, with their proof for its key.
      const switchedTo = typeof body.placedAt === 'string' ? offline.switchedTo : null;
      const cashier = switchedTo ? { id: switchedTo.userId, name: switchedTo.name } : offline.cashier;
      const sale = await enqueueSale({
        key,
        tenantId: offline.tenantId,
        registerName: registerName ?? '',
        body: switchedTo ? { ...body, offlineCashier: await offlineCashierClaim(switchedTo, key) } : body,
        total,
        currency: offline.currency,
        cashTendered: tender.tendered,
        changeGiven: Math.max(0, tender.tendered - tender.amount - (tender.tip ?? 0)),
        placedAt: typeof body.placedAt === 'string' ? body.placedAt : new Date().toISOString(),
        cashierId: cashier.id,
        cashierName: cashier.name,
      });
      announceQueueChange();
      return { kind: 'saved', sale };
    },
    [offline, registerName],
  );

  /** One tender toward the sale: checks out first if the cart is not an order yet. */
  const pay = useCallback(
    async (tender: Tender, approval: Approval | null = null): Promise<PayOutcome> => {
      if (!shift) return { kind: 'error', error: { status: 0, code: 'shift', message: 'Open a shift first.', details: [] } };
      setBusy('pay');
      setError(null);
      try {
        let target = order;
        if (!target) {
          if (expectedTotal === null) return { kind: 'error', error: { status: 0, code: 'quote', message: 'Wait for the total to update.', details: [] } };
          const body = { ...orderInput({ ...cart, approval: approval ?? cart.approval }, shift), expectedTotal };
          if (cart.resumed) {
            const updated = await replaceOpen<Order>(cart.resumed.id, body);
            if (!updated.ok) return needsApproval(updated.error) ? { kind: 'approval', error: updated.error } : (noteProblem(updated.error), { kind: 'error', error: updated.error });
            target = updated.data;
          } else if (offline.now) {
            // No server: the sale is dated now (`placedAt`) and waits in the queue with its own key.
            return await saveOffline(tender, { ...body, payments: [tender], placedAt: new Date().toISOString() }, newActionKey(), expectedTotal);
          } else {
            const checkout = { ...body, payments: [tender] };
            const created = await send<Order & { paymentError: { code: string; message: string } | null }>('POST', '/api/v1/orders', checkout);
            // The checkout got no answer: it may or may not have reached the server. Queued with the SAME
            // key and the same body, it is one order either way (the server replays a key it has seen).
            if (!created.ok && created.error.status === 0 && tender.tender === 'cash') return await saveOffline(tender, checkout, created.key, expectedTotal);
            if (!created.ok) return needsApproval(created.error) ? { kind: 'approval', error: created.error } : (noteProblem(created.error), { kind: 'error', error: created.error });
            const { paymentError, ...placed } = created.data;
            setOrder(placed);
            if (paymentError?.code === 'payment_pending') return { kind: 'pending', order: placed };
            if (paymentError) {
              const status = { payment_declined: 402, unavailable: 503, conflict: 409 }[paymentError.code] ?? 422;
              return classifyPaymentError({ status, code: paymentError.code, message: paymentError.message, details: [] }, placed);
            }
            return placed.balanceDue === 0 ? { kind: 'paid', order: placed } : { kind: 'partial', order: placed };
          }
        }
        const { outcome, order: now } = await tenderOrder(send, target.id, tender, shift.id);
        if (now) adopt(now);
        if (outcome.kind === 'error') noteProblem(outcome.error);
        return outcome;
      } finally {
        setBusy(null);
      }
    },
    [cart, shift, order, expectedTotal, send, replaceOpen, noteProblem, classifyPaymentError, adopt, offline.now, saveOffline],
  );

  /** Voids the unpaid order being paid (stock goes back); a cashier needs a manager's approval. */
  const voidOrder = useCallback(
    async (reason: string, approval: Approval | null): Promise<{ ok: true } | { ok: false; error: ApiError }> => {
      if (!order) return { ok: true };
      setBusy('void');
      try {
        const result = await send<Order>('POST', `/api/v1/orders/${order.id}/void`, { reason, approval });
        if (!result.ok) return result;
        setOrder(null);
        return { ok: true };
      } finally {
        setBusy(null);
      }
    },
    [order, send],
  );

  /**
   * Before a split: the cart becomes an order waiting for payment (its items leave stock, as
   * with a first tender; a resumed parked order is replaced, then checked out), so its lines
   * can be shared out and the plan stored on the server for every device.
   */
  const ensureOrder = useCallback(async (): Promise<SplitResult> => {
    if (order) return { ok: true, order };
    if (!shift) return { ok: false, message: 'Open a shift first.' };
    if (expectedTotal === null) return { ok: false, message: 'Wait for the total to update.' };
    setError(null);
    const body = { ...orderInput(cart, shift), expectedTotal };
    const created = cart.resumed ? await replaceOpen<Order>(cart.resumed.id, body) : await send<Order>('POST', '/api/v1/orders', body);
    if (!created.ok) return noteProblem(created.error), { ok: false, message: created.error.message };
    const placed = cart.resumed ? await send<Order>('POST', `/api/v1/orders/${created.data.id}/place`, {}) : created;
    if (!placed.ok) return noteProblem(placed.error), { ok: false, message: placed.error.message };
    return { ok: true, order: adopt(placed.data) };
  }, [cart, shift, order, expectedTotal, send, replaceOpen, noteProblem, adopt]);

  const split = useCallback(
    async (plan: SplitPlan): Promise<SplitResult> => {
      if (!order) return { ok: false, message: 'Check the order out first.' };
      const result = await splitBill(send, order.id, plan);
      if (result.ok) adopt(result.order);
      return result;
    },
    [order, send, adopt],
  );

  /** "Check again" for a pending card (order-payment.ts#recheckCard). */
  const checkCard = useCallback(async () => {
    if (!order) return null;
    const now = await recheckCard(order.id);
    return now ? adopt(now) : null;
  }, [order, adopt]);

  const reset = useCallback(() => {
    setOrder(null);
    setError(null);
    voidApproval.current = null;
  }, []);

  /** A manager approved taking off what the kitchen has: the next save of the tab carries it. */
  const approveVoid = useCallback((approval: Approval) => {
    voidApproval.current = approval;
    setError(null);
  }, []);

  return {
    /** The checked-out order being paid (placed / partly paid), or the paid one until "New sale". */
    order,
    locked: order !== null && UNPAID.has(order.status),
    error,
    clearError: () => setError(null),
    busy,
    park,
    send: sendTab,
    pay,
    voidOrder,
    approveVoid,
    reset,
    syncOrder,
    checkCard,
    ensureOrder,
    split,
  };
}
