import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { outboxDeliveries, outboxEvents } from '@/db/schema/events';
import { claimOutboxBatch, withSavepoint, withTenant, type Tx } from '@/lib/platform/db';
import { logger } from '@/lib/platform/logger';
import { detached, inSpan } from '@/lib/platform/tracing';
import { onEventsAppended } from './outbox';
import type { DomainEvent, EventType } from './types';

/**
 * Delivers outbox events at least once to in-process handlers.
 *
 * - A batch of due events of all tenants is leased (`FOR UPDATE SKIP LOCKED`, then
 *   `next_attempt_at` pushed past the lease), so several app instances never work on the same
 *   event at once. The lease returns only keys; each tenant's events are then read, handled and
 *   marked in **one** transaction of that tenant, under RLS like any other tenant data.
 * - The deliveries (event id, handler name) of the whole batch are recorded first, in one
 *   statement that answers which were never made before; each handler call then runs in a
 *   savepoint of the same transaction. A handler's changes and "handled" commit together, so a
 *   retry or a second delivery of the event skips it — handlers see each event once in effect
 *   (a second dispatcher on the same event waits on the delivery row, then skips it). A handler
 *   that throws rolls back to its savepoint only, and its delivery record is taken back: the
 *   others' work stands, and only it is retried.
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
    for (const [tenantId, ids] of byTenant(batch)) {
      delivered += await inSpan('outbox.deliver', (span) => {
        if (span.isRecording()) span.setAttributes({ 'tenant.id': tenantId, 'outbox.events': ids.length });
        return deliverBatch(tenantId, ids);
      });
    }
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

    const failed: { eventId: string; handler: string }[] = [];
    const fail = (handler: Registered, event: DomainEvent, err: unknown) => {
      logger.error({ err, eventId: event.id, eventType: event.type, handler: handler.name, tenantId }, 'event handler failed');
      errors.set(event.id, [...(errors.get(event.id) ?? []), `${handler.name}: ${err instanceof Error ? err.message : String(err)}`]);
      failed.push({ eventId: event.id, handler: handler.name });
    };

    const fresh = await claimDeliveries(tx, events);
    const batches = new Map<Registered, DomainEvent[]>();
    for (const event of events) {
      for (const handler of handlers.get(event.type) ?? []) {
        if (!fresh.has(deliveryKey(event.id, handler.name))) continue;
        if (!handler.batch) await attempt(tx, handler, [event]).catch((err) => fail(handler, event, err));
        else {
          const list = batches.get(handler);
          if (list) list.push(event);
          else batches.set(handler, [event]);
        }
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
    // What failed was not delivered: its record goes, so the retry runs that handler (and only it).
    if (failed.length > 0) {
      await tx
        .delete(outboxDeliveries)
        .where(or(...failed.map((f) => and(eq(outboxDeliveries.eventId, f.eventId), eq(outboxDeliveries.handler, f.handler)))));
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

const deliveryKey = (eventId: string, handler: string) => `${eventId} ${handler}`;

/** Records a delivery for every event and each of its handlers; answers those not made before (the work to do). */
async function claimDeliveries(tx: Tx, events: DomainEvent[]): Promise<Set<string>> {
  const rows = events.flatMap((e) => (handlers.get(e.type) ?? []).map((h) => ({ tenantId: e.tenantId, eventId: e.id, handler: h.name })));
  if (rows.length === 0) return new Set();
  const claimed = await tx
    .insert(outboxDeliveries)
    .values(rows)
    .onConflictDoNothing()
    .returning({ eventId: outboxDeliveries.eventId, handler: outboxDeliveries.handler });
  return new Set(claimed.map((c) => deliveryKey(c.eventId, c.handler)));
}

/** One handler call in a savepoint: throws what the handler threw, with its work undone. */
const attempt = (tx: Tx, handler: Registered, events: DomainEvent[]) =>
  inSpan(`outbox.handle ${events[0]!.type}`, (span) => {
    if (span.isRecording()) span.setAttributes({ 'tenant.id': events[0]!.tenantId, 'event.type': events[0]!.type, 'event.handler': handler.name, 'outbox.events': events.length });
    return withSavepoint(tx, (sp) => handler.handle(sp, events));
  });

/**
 * How long the dispatcher lets events gather between rounds. A round costs about thirty
 * statements whatever it carries (lease, read, the rollups' reads and upserts, marking) and
 * a few per sale: under load, rounds that start at once after every commit carry one or two
 * sales each, and the outbox cost more than the sale itself. A kitchen ticket or a dashboard
 * figure 0.2 s later is not noticed; an idle till's first sale is dispatched at once.
 */
export const DISPATCH_GAP_MS = 200;

/**
 * A trigger for `task` that runs it at once when it last started at least `gapMs` ago, else
 * once when the gap is over, and never twice at a time: triggers while it runs or waits fold
 * into one more run.
 */
export function gatheringRunner(task: () => Promise<unknown>, gapMs: number): { trigger: () => void; stop: () => void } {
  let running = false;
  let again = false;
  let startedAt = -Infinity;
  let waiting: ReturnType<typeof setTimeout> | undefined;
  const trigger = () => {
    if (running) {
      again = true;
      return;
    }
    if (waiting) return;
    const wait = startedAt + gapMs - Date.now();
    if (wait > 0) {
      waiting = setTimeout(() => {
        waiting = undefined;
        trigger();
      }, wait);
      return;
    }
    running = true;
    startedAt = Date.now();
    // Often woken by a request's commit: the round is not that request's (and may be other tenants' work).
    detached(task)
      .catch((err) => logger.error({ err }, 'event dispatch failed'))
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          trigger();
        }
      });
  };
  return { trigger, stop: () => clearTimeout(waiting) };
}

/**
 * Runs the dispatcher in this process: on every commit that appended events (gathered, see
 * DISPATCH_GAP_MS), and every `pollMs` for retries and events written by other instances.
 * Returns a stop function.
 */
export function startDispatcher(pollMs = 1000, gapMs = DISPATCH_GAP_MS): () => void {
  const { trigger: run, stop } = gatheringRunner(dispatchPending, gapMs);
  const unsubscribe = onEventsAppended(run);
  const timer = setInterval(run, pollMs);
  timer.unref();
  run();
  return () => {
    unsubscribe();
    clearInterval(timer);
    stop();
  };
}
