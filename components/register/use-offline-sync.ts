'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from './api';
import { isOnline, probe, useOnline } from './connection';
import { drainQueue, refusal } from './offline-drain';
import { endOfflineCashier, refreshPinVerifiers } from './offline-pins';
import { announceQueueChange, deviceOf, dismissRefused, markRefused, markReported, markSynced, onQueueChange, salesOf, type QueuedSale } from './offline-queue';

const PROBE_MS = 5_000;
const RETRY_MS = 5_000;
/** How often a device holding refused sales asks whether a manager dealt with them. */
const ATTENTION_MS = 30_000;


/** What the server's "Needs attention" list keeps of a refused sale (POST /api/v1/offline-sales/refused). */
export function refusedSaleReport(sale: QueuedSale) {
  return {
    saleKey: sale.key,
    provisional: sale.provisional,
    device: deviceOf(sale.provisional),
    registerName: sale.registerName || null,
    cashierId: sale.cashierId ?? null,
    cashierName: sale.cashierName ?? null,
    sale: sale.body,
    total: sale.total,
    currency: sale.currency,
    cashTendered: sale.cashTendered,
    placedAt: sale.placedAt,
    error: sale.error,
  };
}

/**
 * The server's side of this device's refused sales: each one not yet reported is reported (the same
 * sale key is the same report, so a lost answer is safe to repeat); each one a manager has since
 * re-rung or written off (anywhere) leaves this device's list. Answers whether it got through.
 */
export async function followUpRefused(tenantId: string): Promise<boolean> {
  const refused = (await salesOf(tenantId)).filter((s) => s.state === 'refused');
  let changed = false;
  for (const sale of refused.filter((s) => !s.reported && !s.reportRefused && s.error)) {
    const result = await api('/api/v1/offline-sales/refused', { method: 'POST', body: refusedSaleReport(sale), key: `report-${sale.key}`, retries: 1 });
    if (result.ok || refusal(result.error.status, result.error.message)) {
      await markReported(sale.key, result.ok);
      changed = true;
    } else return false;
  }
  for (let i = 0; i < refused.length; i += 100) {
    const keys = refused.slice(i, i + 100).map((s) => s.key);
    const result = await api<{ data: { saleKey: string }[] }>(`/api/v1/offline-sales/refused?status=resolved&keys=${encodeURIComponent(keys.join(','))}`, { retries: 1 });
    if (!result.ok) return false;
    for (const done of result.data.data) {
      await dismissRefused(done.saleKey);
      changed = true;
    }
  }
  if (changed) announceQueueChange();
  return true;
}

/**
 * The offline queue, drained: while the server answers, each queued sale is sent in order
 * (`seq`) with its own Idempotency-Key and body, one at a time, in the background. The server
 * makes one order of a key however often it comes (a sync cut off half-way sends the last one
 * again), so the real order number is kept beside the provisional one. A sale the server
 * refuses for good (a 4xx that is not a transient failure) becomes "needs attention"; a
 * transient failure stops the drain until the next try. Only one tab of the device drains at a
 * time (a Web Lock).
 */
export function useOfflineSync(tenantId: string) {
  const online = useOnline();
  const [sales, setSales] = useState<QueuedSale[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [tick, setTick] = useState(0);
  /** Sent while this page was open: shown with their real numbers until dismissed. */
  const [justSynced, setJustSynced] = useState<{ provisional: string; number: number }[]>([]);
  const draining = useRef(false);

  const reload = useCallback(async () => {
    try {
      setSales(await salesOf(tenantId));
    } catch {
      // No IndexedDB (a private window in some browsers): nothing was or can be queued.
    }
  }, [tenantId]);

  useEffect(() => {
    void reload();
    return onQueueChange(() => void reload());
  }, [reload]);

  // The server answers (page load, back online): this device's offline PIN verifiers are fetched
  // again (someone removed or with a new PIN loses offline access here), and a cashier switched to
  // offline hands back to the signed-in person — their queued sales already carry their proof.
  useEffect(() => {
    if (!online) return;
    void refreshPinVerifiers(tenantId)
      .then((answered) => (answered ? endOfflineCashier(tenantId) : undefined))
      .catch(() => undefined); // no IndexedDB: no offline switching on this browser
  }, [online, tenantId]);

  // Offline: ask the server now and then whether it is back (the normal path asks nothing extra).
  useEffect(() => {
    if (online) return;
    const timer = setInterval(() => void probe(), PROBE_MS);
    return () => clearInterval(timer);
  }, [online]);

  const queued = useMemo(() => sales.filter((s) => s.state === 'queued'), [sales]);
  const hasQueued = queued.length > 0;

  useEffect(() => {
    if (!online || !hasQueued || draining.current) return;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const drain = async () => {
      draining.current = true;
      let stoppedEarly = false;
      try {
        const pending = (await salesOf(tenantId)).filter((s) => s.state === 'queued');
        ({ stoppedEarly } = await drainQueue(pending, {
          online: isOnline,
          synced: async (sale, order) => {
            await markSynced(sale.key, order);
            setJustSynced((prev) => [...prev, { provisional: sale.provisional, number: order.number }]);
          },
          refused: (sale, error) => markRefused(sale.key, error),
          progress: (done, total) => {
            setProgress({ done, total });
            if (done > 0) announceQueueChange();
          },
        }));
        // The refused ones reach a manager: reported to the server's "Needs attention" list.
        if (!stoppedEarly) await followUpRefused(tenantId);
      } finally {
        draining.current = false;
        setProgress(null);
        await reload();
        if (stoppedEarly) retry = setTimeout(() => setTick((n) => n + 1), RETRY_MS);
      }
    };
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    if (locks) void locks.request('tillwise-offline-drain', { ifAvailable: true }, async (lock) => (lock ? drain() : undefined));
    else void drain();
    return () => clearTimeout(retry);
  }, [online, hasQueued, tenantId, tick, reload]);

  // Refused sales held here: reported if they are not yet, and cleared once a manager dealt with them.
  const hasRefused = sales.some((s) => s.state === 'refused');
  useEffect(() => {
    if (!online || !hasRefused) return;
    const check = () => void followUpRefused(tenantId).then(() => reload()).catch(() => undefined);
    check();
    const timer = setInterval(check, ATTENTION_MS);
    return () => clearInterval(timer);
  }, [online, hasRefused, tenantId, reload]);

  const dismiss = useCallback(
    async (key: string) => {
      await dismissRefused(key);
      announceQueueChange();
      await reload();
    },
    [reload],
  );

  return {
    online,
    /** Waiting to be sent, oldest first. */
    queued,
    queuedTotal: queued.reduce((a, s) => a + s.total, 0),
    /** Sent: provisional number → the server's. */
    synced: sales.filter((s) => s.state === 'synced'),
    /** Refused by the server: for a manager to deal with. */
    refused: sales.filter((s) => s.state === 'refused'),
    /** While draining: how many of how many. */
    progress,
    justSynced,
    clearJustSynced: () => setJustSynced([]),
    dismiss,
    /** What this device holds unsent, read from the queue itself (not from a render that may be behind). */
    unsyncedTotal: async () => (await salesOf(tenantId)).filter((s) => s.state === 'queued').reduce((a, s) => a + s.total, 0),
  };
}
