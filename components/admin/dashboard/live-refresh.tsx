'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

/** Events after which the dashboard's figures or side panels may have moved. */
const REFRESH_ON = ['SalesFiguresChanged', 'OrderPlaced', 'OrderVoided', 'LowStock', 'StockChanged', 'PaymentFailed'];
const SETTLE_MS = 400;
const RECONNECT_MS = 5_000;

/**
 * Keeps the dashboard live without a reload: on a domain event from the tenant's stream
 * (GET /api/v1/events) it asks the server to render the page again (router.refresh keeps
 * scroll, focus and the chosen range). A burst of events (a busy lunch) becomes one refresh.
 * SalesFiguresChanged is emitted once the rollups moved, so the re-render sees the new sale.
 */
export function LiveRefresh() {
  const router = useRouter();
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let pending: ReturnType<typeof setTimeout> | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const refreshSoon = () => {
      clearTimeout(pending);
      pending = setTimeout(() => router.refresh(), SETTLE_MS);
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
      for (const type of REFRESH_ON) source.addEventListener(type, refreshSoon);
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(pending);
      clearTimeout(retry);
      source?.close();
    };
  }, [router]);

  return (
    <p className="flex items-center gap-2 text-sm text-slate-600" role="status" data-testid="live-status">
      <span aria-hidden className={`inline-block size-2 rounded-full ${connected ? 'bg-emerald-500' : 'bg-slate-300'}`} />
      {connected ? 'Live' : 'Connecting…'}
    </p>
  );
}
