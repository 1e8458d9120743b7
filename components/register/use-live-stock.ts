'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { useTenantEvents } from '@/components/live/use-tenant-events';
import { isLowLevel as isLow } from './stock';
import type { RegisterProduct, RegisterStockLevel } from './types';

type StockEvent = {
  id: string;
  type: string;
  payload: { locationId?: string; variantId?: string; quantity?: number; threshold?: number; productId?: string; soldOut?: boolean };
};

const SEEN_LIMIT = 2_000;
const STOCK_EVENTS = ['StockChanged', 'LowStock', 'ProductOutOfStock', 'ItemAvailabilityChanged'];

/**
 * Stock levels at the register's location and the products' 86 state, kept live from the
 * server-sent event stream (GET /api/v1/events, one connection for both). StockChanged carries
 * the new quantity; LowStock its threshold; ItemAvailabilityChanged an item sold out or back
 * on. Stock events of other locations are ignored; an event seen twice (around a reconnect)
 * is applied once.
 *
 * `knownAt` is when the levels were last known to be the server's: when the page was made
 * (`initialAt`, the server's clock; a page the service worker kept offline is that old), then,
 * once the stream was connected, the moment it was lost (until then they were kept live).
 */
export function useLiveStock(initial: Record<string, RegisterStockLevel>, locationId: string | null, initialProducts: RegisterProduct[], initialAt: string) {
  const [stock, setStock] = useState(initial);
  const [knownAt, setKnownAt] = useState(initialAt);
  const wasConnected = useRef(false);
  const [soldOut, setSoldOut] = useState<Record<string, boolean>>({});
  const seen = useRef(new Set<string>());

  const apply = (message: MessageEvent<string>) => {
    let event: StockEvent;
    try {
      event = JSON.parse(message.data) as StockEvent;
    } catch {
      return;
    }
    const id = event.id ?? message.lastEventId;
    if (id) {
      if (seen.current.has(id)) return;
      seen.current.add(id);
      if (seen.current.size > SEEN_LIMIT) seen.current.delete(seen.current.values().next().value!);
    }
    const { variantId, quantity, threshold, productId, soldOut: out } = event.payload ?? {};
    if (event.type === 'ItemAvailabilityChanged') {
      if (typeof productId === 'string' && typeof out === 'boolean') setSoldOut((prev) => ({ ...prev, [productId]: out }));
      return;
    }
    if (event.payload?.locationId !== locationId || !variantId || typeof quantity !== 'number') return;
    setStock((prev) => {
      const current = prev[variantId];
      const nextThreshold = typeof threshold === 'number' ? threshold : (current?.threshold ?? null);
      return { ...prev, [variantId]: { quantity, threshold: nextThreshold, low: isLow(quantity, nextThreshold) } };
    });
  };
  const connected = useTenantEvents(STOCK_EVENTS, apply, !!locationId);
  useEffect(() => {
    if (connected) wasConnected.current = true;
    else if (wasConnected.current) setKnownAt(new Date().toISOString());
  }, [connected]);
  const products = useMemo(() => initialProducts.map((p) => (p.id in soldOut ? { ...p, soldOut: soldOut[p.id]! } : p)), [initialProducts, soldOut]);

  return { stock, products, connected, knownAt };
}
