'use client';

import { useEffect, useRef, useState } from 'react';

const RECONNECT_MS = 5_000;

/**
 * The tenant's server-sent domain events (GET /api/v1/events) of `types`, handed to `onEvent`
 * while `enabled`. EventSource reconnects by itself (sending Last-Event-ID); if the server
 * closed the stream for good (e.g. an error answer), a new one is opened after a few seconds.
 * Answers whether the stream is connected now.
 */
export function useTenantEvents(types: readonly string[], onEvent: (message: MessageEvent<string>) => void, enabled = true): boolean {
  const [connected, setConnected] = useState(false);
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent; // the latest handler, without reconnecting when it changes
  });
  const key = types.join(',');

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const deliver = (message: Event) => handler.current(message as MessageEvent<string>);
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
      for (const type of key.split(',')) source.addEventListener(type, deliver);
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
      setConnected(false);
    };
  }, [key, enabled]);

  return connected;
}
