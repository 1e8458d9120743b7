import { outboxBacklog } from '@/lib/events';
import { breakerStatus } from '@/lib/payments';
import { logger } from '@/lib/platform/logger';
import { BREAKER_STATES, metrics } from '@/lib/platform/metrics';
import { checkReadiness } from '@/lib/platform/readiness';

/** The backlog query's own bound: a scrape answers even when the database hangs. */
const OUTBOX_TIMEOUT_MS = 2_000;

const within = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref())]);

/**
 * What is sampled when Prometheus scrapes rather than counted on every event: the readiness
 * probes, the outbox backlog (one query) and the card breaker. A failed probe never fails the
 * scrape: it reports `tillwise_up{component} 0` (and NaN for the backlog it could not read).
 * Part of the composition root: it reads three modules, which lib/platform may not import.
 */
export async function sampleMetrics(): Promise<void> {
  const m = metrics();
  const [readiness, backlog] = await Promise.all([
    checkReadiness(),
    within(outboxBacklog(), OUTBOX_TIMEOUT_MS).catch((err: unknown) => {
      logger.warn({ err }, 'outbox backlog could not be read for metrics');
      return null;
    }),
  ]);
  m.up.set({ component: 'database' }, readiness.checks.database?.status === 'up' ? 1 : 0);
  m.up.set({ component: 'redis' }, readiness.checks.redis?.status === 'up' ? 1 : 0);
  m.up.set({ component: 'outbox' }, backlog ? 1 : 0);
  m.outboxBacklog.set(backlog ? backlog.pending : Number.NaN);
  m.outboxOldestAge.set(backlog ? backlog.oldestSeconds : Number.NaN);
  const { state } = breakerStatus();
  for (const s of BREAKER_STATES) m.breakerState.set({ state: s }, s === state ? 1 : 0);
}
