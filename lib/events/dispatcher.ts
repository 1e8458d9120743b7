import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import { outboxDeliveries, outboxEvents } from '@/db/schema/events';
import { withDispatcher, withTenant, type Tx } from '@/lib/platform/db';
import { logger } from '@/lib/platform/logger';
import { onEventsAppended } from './outbox';
import type { DomainEvent, EventType } from './types';

/**
 * Delivers outbox events at least once to in-process handlers.
 *
 * - A batch of due events is leased (`FOR UPDATE SKIP LOCKED`, then `next_attempt_at` pushed
 *   past the lease), so several app instances never work on the same event at once.
 * - Each handler runs in its own tenant transaction that also records the delivery
 *   (event id, handler name): a handler's changes and "handled" commit together, so a
 *   retry or a second delivery of the event skips it — handlers see each event once in effect.
 * - A handler that throws is retried with exponential backoff; the others are not re-run.
 */
export type Handler<T extends EventType = EventType> = (tx: Tx, event: DomainEvent<T>) => Promise<void>;

const handlers = new Map<EventType, { name: string; handle: Handler }[]>();

/** Registers `handle` under a stable `name` (the name is what marks an event as handled). */
export function onEvent<T extends EventType>(type: T, name: string, handle: Handler<T>): void {
  const list = handlers.get(type) ?? [];
  if (list.some((h) => h.name === name)) return; // modules may be loaded twice (dev reloads)
  list.push({ name, handle: handle as Handler });
  handlers.set(type, list);
}

const BATCH = 100;
const LEASE_SECONDS = 30;
const MAX_BACKOFF_SECONDS = 15 * 60;

/** Delivers every due event once; returns how many events were fully delivered. */
export async function dispatchPending(): Promise<number> {
  let delivered = 0;
  for (;;) {
    const batch = await leaseBatch();
    for (const event of batch) if (await deliver(event)) delivered++;
    if (batch.length < BATCH) return delivered;
  }
}

async function leaseBatch(): Promise<DomainEvent[]> {
  return withDispatcher(async (tx) => {
    const rows = await tx
      .select({
        id: outboxEvents.id,
        tenantId: outboxEvents.tenantId,
        type: outboxEvents.type,
        payload: outboxEvents.payload,
        occurredAt: outboxEvents.occurredAt,
      })
      .from(outboxEvents)
      .where(and(isNull(outboxEvents.dispatchedAt), lte(outboxEvents.nextAttemptAt, sql`now()`)))
      .orderBy(asc(outboxEvents.nextAttemptAt), asc(outboxEvents.occurredAt))
      .limit(BATCH)
      .for('update', { skipLocked: true });
    for (const row of rows) {
      await tx
        .update(outboxEvents)
        .set({ nextAttemptAt: sql`now() + make_interval(secs => ${LEASE_SECONDS})` })
        .where(and(eq(outboxEvents.tenantId, row.tenantId), eq(outboxEvents.id, row.id)));
    }
    return rows as DomainEvent[];
  });
}

async function deliver(event: DomainEvent): Promise<boolean> {
  const errors: string[] = [];
  for (const { name, handle } of handlers.get(event.type) ?? []) {
    try {
      await withTenant(event.tenantId, async (tx) => {
        const claimed = await tx
          .insert(outboxDeliveries)
          .values({ tenantId: event.tenantId, eventId: event.id, handler: name })
          .onConflictDoNothing()
          .returning({ handler: outboxDeliveries.handler });
        if (claimed.length > 0) await handle(tx, event);
      });
    } catch (err) {
      logger.error({ err, eventId: event.id, eventType: event.type, handler: name, tenantId: event.tenantId }, 'event handler failed');
      errors.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  await withDispatcher((tx) =>
    tx
      .update(outboxEvents)
      .set(
        errors.length === 0
          ? { dispatchedAt: sql`now()`, attempts: sql`${outboxEvents.attempts} + 1`, lastError: null }
          : {
              attempts: sql`${outboxEvents.attempts} + 1`,
              lastError: errors.join('; ').slice(0, 2000),
              nextAttemptAt: sql`now() + make_interval(secs => least(${MAX_BACKOFF_SECONDS}, 2 ^ ${outboxEvents.attempts}))`,
            },
      )
      .where(and(eq(outboxEvents.tenantId, event.tenantId), eq(outboxEvents.id, event.id))),
  );
  return errors.length === 0;
}

/**
 * Runs the dispatcher in this process: on every commit that appended events, and every
 * `pollMs` for retries and events written by other instances. Returns a stop function.
 */
export function startDispatcher(pollMs = 1000): () => void {
  let running = false;
  let again = false;
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    dispatchPending()
      .catch((err) => logger.error({ err }, 'event dispatch failed'))
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          setImmediate(run);
        }
      });
  };
  const unsubscribe = onEventsAppended(run);
  const timer = setInterval(run, pollMs);
  timer.unref();
  run();
  return () => {
    unsubscribe();
    clearInterval(timer);
  };
}
