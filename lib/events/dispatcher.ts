import { and, eq, inArray, sql } from 'drizzle-orm';
import { outboxDeliveries, outboxEvents } from '@/db/schema/events';
import { claimOutboxBatch, withTenant, type Tx } from '@/lib/platform/db';
import { logger } from '@/lib/platform/logger';
import { onEventsAppended } from './outbox';
import type { DomainEvent, EventType } from './types';

/**
 * Delivers outbox events at least once to in-process handlers.
 *
 * - A batch of due events of all tenants is leased (`FOR UPDATE SKIP LOCKED`, then
 *   `next_attempt_at` pushed past the lease), so several app instances never work on the same
 *   event at once. The lease returns only keys; the events are read and marked per tenant,
 *   under RLS like any other tenant data.
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
    const batch = await claimOutboxBatch(BATCH, LEASE_SECONDS);
    for (const event of await readEvents(batch)) if (await deliver(event)) delivered++;
    if (batch.length < BATCH) return delivered;
  }
}

/** The leased events, one read per tenant, in the order they were leased (oldest due first). */
async function readEvents(keys: { tenantId: string; id: string }[]): Promise<DomainEvent[]> {
  const idsByTenant = new Map<string, string[]>();
  for (const { tenantId, id } of keys) {
    const ids = idsByTenant.get(tenantId);
    if (ids) ids.push(id);
    else idsByTenant.set(tenantId, [id]);
  }
  const byId = new Map<string, DomainEvent>();
  for (const [tenantId, ids] of idsByTenant) {
    const rows = await withTenant(tenantId, (tx) =>
      tx
        .select({
          id: outboxEvents.id,
          tenantId: outboxEvents.tenantId,
          type: outboxEvents.type,
          payload: outboxEvents.payload,
          occurredAt: outboxEvents.occurredAt,
        })
        .from(outboxEvents)
        .where(inArray(outboxEvents.id, ids)),
    );
    for (const row of rows) byId.set(row.id, row as DomainEvent);
  }
  return keys.flatMap(({ id }) => byId.get(id) ?? []);
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
  await withTenant(event.tenantId, (tx) =>
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
