import { api } from './api';
import type { QueuedSale } from './offline-queue';

/**
 * One drain of the offline queue (docs/offline.md): the queued sales, in `seq` order, one at a
 * time, each an ordinary checkout with its own Idempotency-Key and body, through the register's
 * own fetch wrapper (api.ts: the same headers, the same retry of a lost answer). The React hook
 * (use-offline-sync.ts) runs it in the browser against IndexedDB; the drain benchmark
 * (scripts/bench-offline-drain.ts) runs this same function against an in-memory queue.
 */

/** A refusal worth waiting out (the server busy, a key still being worked on), not a sale to look at. */
export const transient = (status: number, message: string) => status === 0 || status === 408 || status === 429 || status >= 500 || (status === 409 && /still in progress/i.test(message));
/** A refusal for good: a 4xx that is neither transient nor a 401 (a session to renew, not a verdict on the sale). */
export const refusal = (status: number, message: string) => status !== 401 && !transient(status, message);

export type DrainSteps = {
  /** False when the connection went again: the drain stops, the rest waits for the next one. */
  online: () => boolean;
  synced: (sale: QueuedSale, order: { id: string; number: number }) => Promise<void>;
  refused: (sale: QueuedSale, error: NonNullable<QueuedSale['error']>) => Promise<void>;
  progress?: (done: number, total: number) => void;
};

/** Sends `pending` in order; answers whether it stopped before the end (offline again, or a transient failure). */
export async function drainQueue(pending: QueuedSale[], steps: DrainSteps): Promise<{ stoppedEarly: boolean }> {
  steps.progress?.(0, pending.length);
  for (const [i, sale] of pending.entries()) {
    if (!steps.online()) return { stoppedEarly: true };
    const result = await api<{ id: string; number: number }>('/api/v1/orders', { method: 'POST', body: sale.body, key: sale.key, retries: 1, timeoutMs: 30_000 });
    if (result.ok) await steps.synced(sale, result.data);
    else if (!refusal(result.error.status, result.error.message)) return { stoppedEarly: true };
    else await steps.refused(sale, { status: result.error.status, code: result.error.code, message: result.error.message });
    steps.progress?.(i + 1, pending.length);
  }
  return { stoppedEarly: false };
}
