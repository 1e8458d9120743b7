import { and, eq, inArray, sql } from 'drizzle-orm';
import { outboxDeliveries, outboxEvents } from '@/db/schema/events';
import { claimOutboxBatch, withSavepoint, withTenant, type Tx } from '@/lib/platform/db';
import { logger } from '@/lib/platform/logger';
import { onEventsAppended } from './outbox';
import type { DomainEvent, EventType } from './types';

/**
 * Delivers outbox events at least once to in-process handlers.
 *
 * - A batch of due events of all tenants is leased (`FOR UPDATE SKIP LOCKED`, then
 *   `next_attempt_at` pushed past the lease), so several app instances never work on the same
 *   event at once. The lease returns only keys; each tenant's events are then read, handled and
 *   marked in **one** transaction of that tenant, under RLS like any other tenant data.
 * - Each handler call runs in a savepoint of that transaction that also records the delivery
 *   (event id, handler name): a handler's changes and "handled" commit together, so a retry or
 *   a second delivery of the event skips it — handlers see each event once in effect. A handler
 *   that throws rolls back to its savepoint only: the others' work stands.
 * - Per-event handlers (`onEvent`) run in the order the events occurred. Batch handlers
 *   (`onEvents`) get all of a tenant's leased events of their type at once, after the per-event
 *   ones — for work that sums (rollups): one set of upserts for many sales instead of one each.
 *   If a batch call throws, each of its events is tried alone, so one bad event holds up no other.
 * - A handler that throws is retried with exponential backoff; the others are not re-run.
 *
 * Why one transaction per tenant batch: bookkeeping (a transaction, a delivery row and a
 * "dispatched" update per event and handler) was most of the statements a sale cost
 * (docs/performance.md).
 */
export type Handler<T extends EventType = EventType> = (tx: Tx, event: DomainEvent<T>) => Promise<void>;
export type BatchHandler<T extends EventType = EventType> = (tx: Tx, events: DomainEvent<T>[]) => Promise<void>;

type Registered = { name: string; batch: boolean; handle: BatchHandler };
const handlers = new Map<EventType, Registered[]>();

function register(type: EventType, entry: Registered): void {
  const list = handlers.get(type) ?? [];
  if (list.some((h) => h.name === entry.name)) return; // modules may be loaded twice (dev reloads)
  list.push(entry);
  handlers.set(type, list);
}

/** Registers `handle` under a stable `name` (the name is what marks an event as handled). */
export function onEvent<T extends EventType>(type: T, name: string, handle: Handler<T>): void {
  register(type, { name, batch: false, handle: (tx, [event]) => handle(tx, event as DomainEvent<T>) });
}

/**
 * Registers a handler that takes a tenant's events of `type` a batch at a time (in the order
 * they occurred). Only for work that does not depend on other handlers' work in the same batch.
 */
export function onEvents<T extends EventType>(type: T, name: string, handle: BatchHandler<T>): void {
  register(type, { name, batch: true, handle: handle as BatchHandler });
}

const BATCH = 100;
const LEASE_SECONDS = 30;
const MAX_BACKOFF_SECONDS = 15 * 60;

/** Delivers every due event once; returns how many events were fully delivered. */
export async function dispatchPending(): Promise<number> {
  let delivered = 0;
  for (;;) {
    const batch = await claimOutboxBatch(BATCH, LEASE_SECONDS);
    for (const [tenantId, ids] of byTenant(batch)) delivered += await deliverBatch(tenantId, ids);
    if (batch.length < BATCH) return delivered;
  }
}

/** The leased keys grouped by tenant, each group in lease order (oldest due first). */
function byTenant(keys: { tenantId: string; id: string }[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const { tenantId, id } of keys) {
    const ids = groups.get(tenantId);
    if (ids) ids.push(id);
    else groups.set(tenantId, [id]);
  }
  return groups;
}

/** Reads, handles and marks one tenant's leased events in one transaction; returns how many were fully delivered. */
async function deliverBatch(tenantId: string, ids: string[]): Promise<number> {
  return withTenant(tenantId, async (tx) => {
    const events = await readEvents(tx, ids);
    const errors = new Map<string, string[]>(); // event id → what failed
    const fail = (handler: Registered, event: DomainEvent, err: unknown) => {
      logger.error({ err, eventId: event.id, eventType: event.type, handler: handler.name, tenantId }, 'event handler failed');
      errors.set(event.id, [...(errors.get(event.id) ?? []), `${handler.name}: ${err instanceof Error ? err.message : String(err)}`]);
    };

    const batches = new Map<Registered, DomainEvent[]>();
    for (const event of events) {
      for (const handler of handlers.get(event.type) ?? []) {
        if (handler.batch) batches.set(handler, [...(batches.get(handler) ?? []), event]);
        else await attempt(tx, handler, [event]).catch((err) => fail(handler, event, err));
      }
    }
    for (const [handler, list] of batches) {
      try {
        await attempt(tx, handler, list);
      } catch (err) {
        if (list.length === 1) fail(handler, list[0]!, err);
        // One bad event must not hold up the rest of the batch: each is tried alone.
        else for (const event of list) await attempt(tx, handler, [event]).catch((e) => fail(handler, event, e));
      }
    }

    const done = events.filter((e) => !errors.has(e.id)).map((e) => e.id);
    if (done.length > 0) {
      await tx
        .update(outboxEvents)
        .set({ dispatchedAt: sql`now()`, attempts: sql`${outboxEvents.attempts} + 1`, lastError: null })
        .where(inArray(outboxEvents.id, done));
    }
    for (const [id, messages] of errors) {
      await tx
        .update(outboxEvents)
        .set({
          attempts: sql`${outboxEvents.attempts} + 1`,
          lastError: messages.join('; ').slice(0, 2000),
          nextAttemptAt: sql`now() + make_interval(secs => least(${MAX_BACKOFF_SECONDS}, 2 ^ ${outboxEvents.attempts}))`,
        })
        .where(and(eq(outboxEvents.tenantId, tenantId), eq(outboxEvents.id, id)));
    }
    return done.length;
  });
}

/** The leased events, in the order they were leased. */
async function readEvents(tx: Tx, ids: string[]): Promise<DomainEvent[]> {
  const rows = await tx
    .select({
      id: outboxEvents.id,
      tenantId: outboxEvents.tenantId,
      type: outboxEvents.type,
      payload: outboxEvents.payload,
      occurredAt: outboxEvents.occurredAt,
    })
    .from(outboxEvents)
    .where(inArray(outboxEvents.id, ids));
  const byId = new Map(rows.map((row) => [row.id, row as DomainEvent]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * One handler call in a savepoint: records the deliveries and runs the handler on the events
 * not delivered to it before. Throws what the handler threw, with its work and records undone.
 */
async function attempt(tx: Tx, handler: Registered, events: DomainEvent[]): Promise<void> {
  await withSavepoint(tx, async (sp) => {
    const claimed = await sp
      .insert(outboxDeliveries)
      .values(events.map((e) => ({ tenantId: e.tenantId, eventId: e.id, handler: handler.name })))
      .onConflictDoNothing()
      .returning({ eventId: outboxDeliveries.eventId });
    const fresh = new Set(claimed.map((c) => c.eventId));
    const todo = events.filter((e) => fresh.has(e.id));
    if (todo.length > 0) await handler.handle(sp, todo);
  });
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
