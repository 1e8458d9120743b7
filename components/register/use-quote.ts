'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { api, needsApproval, type ApiError } from './api';
import type { OfflineQuote, OfflineRefusal } from './offline-quote';
import { pricingInput, type CartState } from './use-cart';
import type { Quote } from './types';

/** Why the device cannot price a cart without its server, as the register's error codes (api-errors.ts). */
const OFFLINE_CODE: Record<OfflineRefusal, string> = {
  discountTyped: 'offline_discount_typed',
  discountApproval: 'offline_discount_approval',
  discountUnknown: 'offline_discount',
  customer: 'offline_customer',
  unknownItem: 'offline_item',
  tooLarge: 'offline_too_large',
};
const offlineProblem = (reason: OfflineRefusal): ApiError => ({ status: 0, code: OFFLINE_CODE[reason], message: `Offline: ${reason}`, details: [] });

const DEBOUNCE_MS = 250;

/**
 * Server prices for the cart: POST /api/v1/orders/quote ~250 ms after the last change (the
 * older request is cancelled). `fresh` says the quote is for exactly what the cart holds now —
 * only then may the register take money with `expectedTotal: quote.total`.
 */
export function useQuote(cart: CartState, onApprovalRejected: (error: ApiError) => void, offline: { now: boolean; price: (cart: CartState) => OfflineQuote } | null = null) {
  const input = useMemo(() => pricingInput(cart), [cart]);
  const signature = useMemo(() => JSON.stringify(input), [input]);
  const [state, setState] = useState<{ signature: string; quote: Quote | null; error: ApiError | null }>({ signature: '', quote: null, error: null });
  const [pending, setPending] = useState(false);
  const [nonce, setNonce] = useState(0);
  const rejected = useRef(onApprovalRejected);
  useEffect(() => {
    rejected.current = onApprovalRejected;
  });

  const offlineNow = offline?.now ?? false;
  const price = useRef(offline?.price);
  useEffect(() => {
    price.current = offline?.price;
  });
  const cartRef = useRef(cart);
  useEffect(() => {
    cartRef.current = cart;
  });
  /** Priced on the device (offline-quote.ts): the server is not there to ask. */
  const priceHere = (): { quote: Quote | null; error: ApiError | null } | null => {
    const local = price.current?.(cartRef.current);
    if (!local) return null;
    return local.ok ? { quote: local.quote, error: null } : { quote: null, error: offlineProblem(local.reason) };
  };

  useEffect(() => {
    if (input.lines.length === 0) {
      setState({ signature, quote: null, error: null });
      setPending(false);
      return;
    }
    if (offlineNow) {
      const here = priceHere();
      if (here) {
        setState({ signature, ...here });
        setPending(false);
        return;
      }
    }
    setPending(true);
    // A newer cart makes this request stale: its answer is ignored. (It is not aborted: a
    // request cut off mid-body only produces noise on the server.)
    let stale = false;
    const timer = setTimeout(async () => {
      // The cart's type (dine-in adds the service charge); the quote does not ask for the table yet.
      const result = await api<Quote>('/api/v1/orders/quote', { method: 'POST', body: input, key: null, retries: 1, timeoutMs: 15_000 });
      if (stale) return;
      if (result.ok) setState({ signature, quote: result.data, error: null });
      else if (result.error.status === 0 && priceHere()) setState({ signature, ...priceHere()! });
      else {
        // An approval token that expired (or whose manager was signed out) is dropped: ask again.
        if (input.approval && needsApproval(result.error)) rejected.current(result.error);
        setState((prev) => ({ signature, quote: prev.quote, error: result.error }));
      }
      setPending(false);
    }, DEBOUNCE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
    // `signature` stands for everything in `input`.
  }, [signature, nonce, offlineNow]); // eslint-disable-line react-hooks/exhaustive-deps

  const fresh = state.signature === signature && !pending;
  return {
    quote: input.lines.length ? state.quote : null,
    /** The quote matches the cart and had no error: safe to check out with its total. */
    ready: fresh && !state.error && state.quote !== null,
    pending: pending || state.signature !== signature,
    error: state.signature === signature ? state.error : null,
    refresh: () => setNonce((n) => n + 1),
  };
}
