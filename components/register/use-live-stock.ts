'use client';

import { useMemo, useRef, useState } from 'react';
import { useTenantEvents } from '@/components/live/use-tenant-events';
import type { RegisterProduct, RegisterStockLevel } from './types';

type StockEvent = {
  id: string;
  type: string;
  payload: { locationId?: string; variantId?: string; quantity?: number; threshold?: number; productId?: string; soldOut?: boolean };
};

const SEEN_LIMIT = 2_000;
const STOCK_EVENTS = ['StockChanged', 'LowStock', 'ProductOutOfStock', 'ItemAvailabilityChanged'];

const isLow = (quantity: number, threshold: number | null) => quantity <= 0 || (threshold !== null && quantity <= threshold);

/**
 * Stock levels at the register's location and the products' 86 state, kept live from the
 * server-sent event stream (GET /api/v1/events, one connection for both). StockChanged carries
 * the new quantity; LowStock its threshold; ItemAvailabilityChanged an item sold out or back
 * on. Stock events of other locations are ignored; an event seen twice (around a reconnect)
 * is applied once.
 */
export function useLiveStock(initial: Record<string, RegisterStockLevel>, locationId: string | null, initialProducts: RegisterProduct[]) {
  const [stock, setStock] = useState(initial);
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
  const products = useMemo(() => initialProducts.map((p) => (p.id in soldOut ? { ...p, soldOut: soldOut[p.id]! } : p)), [initialProducts, soldOut]);

  return { stock, products, connected };
}
