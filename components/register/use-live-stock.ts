'use client';

import { useEffect, useRef, useState } from 'react';
import type { RegisterStockLevel } from './types';

type StockEvent = { id: string; type: string; payload: { locationId?: string; variantId?: string; quantity?: number; threshold?: number } };

const SEEN_LIMIT = 2_000;
const RECONNECT_MS = 5_000;

const isLow = (quantity: number, threshold: number | null) => quantity <= 0 || (threshold !== null && quantity <= threshold);

/**
 * Stock levels at the register's location, kept live from the server-sent event stream
 * (GET /api/v1/events). StockChanged carries the new quantity; LowStock its threshold. Events
 * of other locations are ignored; an event seen twice (around a reconnect) is applied once.
 * EventSource reconnects by itself (sending Last-Event-ID); if the server closed the stream
 * for good (e.g. an error answer), a new one is opened after a few seconds.
 */
export function useLiveStock(initial: Record<string, RegisterStockLevel>, locationId: string | null) {
  const [stock, setStock] = useState(initial);
  const [connected, setConnected] = useState(false);
  const seen = useRef(new Set<string>());

  useEffect(() => {
    if (!locationId || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

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
      const { variantId, quantity, threshold } = event.payload ?? {};
      if (event.payload?.locationId !== locationId || !variantId || typeof quantity !== 'number') return;
      setStock((prev) => {
        const current = prev[variantId];
        const nextThreshold = typeof threshold === 'number' ? threshold : (current?.threshold ?? null);
        return { ...prev, [variantId]: { quantity, threshold: nextThreshold, low: isLow(quantity, nextThreshold) } };
      });
    };

    const connect = () => {
      if (stopped) return;
      source = new EventSource('/api/v1/events');
      source.onopen = () => setConnected(true);
      source.onerror = () => {
        setConnected(false);
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          retry = setTimeout(connect, RECONNECT_MS);
        }
      };
      for (const type of ['StockChanged', 'LowStock', 'ProductOutOfStock']) source.addEventListener(type, apply as EventListener);
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
      setConnected(false);
    };
  }, [locationId]);

  return { stock, connected };
}
