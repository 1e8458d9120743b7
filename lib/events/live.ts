import { EventEmitter } from 'node:events';
import { asc, eq, gt, sql } from 'drizzle-orm';
import { outboxEvents } from '@/db/schema/events';
import { config } from '@/lib/platform/config';
import { withTenant } from '@/lib/platform/db';
import { logger } from '@/lib/platform/logger';
import { redisTransport } from '@/lib/platform/redis';
import type { DomainEvent } from './types';

/**
 * Live fan-out of domain events to open registers and dashboards (server-sent events).
 *
 * The outbox table is the source of truth: a stream reads events from it after its cursor,
 * so a reconnect with Last-Event-ID catches up on what it missed. What travels between app
 * instances is only a wake-up per tenant — Redis pub/sub over TCP (`t:{tenantId}:events`),
 * an in-process emitter without Redis; with the REST transport (no subscriptions) streams
 * poll instead.
 */
const channel = (tenantId: string) => `t:${tenantId}:events`;
const CHANNEL_PATTERN = 't:*:events';

type Hub = {
  local: EventEmitter;
  publish(tenantId: string): void;
  ready: Promise<'push' | 'poll'>;
  pending: Set<Promise<unknown>>;
  close(): Promise<void>;
};
const g = globalThis as typeof globalThis & { __tillwiseLiveHub?: Hub };

function hub(): Hub {
  if (g.__tillwiseLiveHub) return g.__tillwiseLiveHub;
  const local = new EventEmitter().setMaxListeners(0);
  let publisher: { publish(channel: string, message: string): Promise<unknown> } | null = null;
  const connections: { quit(): Promise<unknown> }[] = [];
  const ready = (async (): Promise<'push' | 'poll'> => {
    const transport = await redisTransport();
    if (transport === 'memory') return 'push';
    if (transport === 'rest') return 'poll';
    // TCP: one subscriber connection per process relays every tenant's wake-ups locally.
    const { createClient } = await import('redis');
    const url = config().REDIS_URL!;
    const pub = createClient({ url });
    const sub = createClient({ url });
    for (const c of [pub, sub]) c.on('error', (err) => logger.warn({ err }, 'live events redis connection error'));
    connections.push(pub, sub);
    await Promise.all([pub.connect(), sub.connect()]);
    await sub.pSubscribe(CHANNEL_PATTERN, (_message, ch) => local.emit(ch));
    publisher = pub;
    return 'push';
  })().catch((err) => {
    logger.warn({ err }, 'live events fall back to polling');
    return 'poll' as const;
  });
  const pending = new Set<Promise<unknown>>();
  const instance: Hub = {
    local,
    ready,
    pending,
    async close() {
      await ready;
      await Promise.all(pending);
      await Promise.all(connections.map((c) => c.quit().catch(() => undefined)));
    },
    publish(tenantId) {
      local.emit(channel(tenantId)); // this instance's streams at once
      const sent = ready
        .then(() => publisher?.publish(channel(tenantId), '1'))
        .catch((err) => logger.warn({ err }, 'live wake-up not published'))
        .finally(() => pending.delete(sent));
      pending.add(sent);
    },
  };
  g.__tillwiseLiveHub = instance;
  return instance;
}

/** Wakes every instance's streams of this tenant (called after a commit that appended events). */
export function announceEvents(tenantId: string): void {
  hub().publish(tenantId);
}

/** Sends the wake-ups announced so far and closes the Redis connections (scripts, before exiting). */
export async function closeLiveEvents(): Promise<void> {
  const h = g.__tillwiseLiveHub;
  g.__tillwiseLiveHub = undefined;
  await h?.close();
}

/**
 * Calls `onWake` whenever this tenant may have new events, and on a timer as well: often when
 * push is not available, now and then when it is (a pub/sub message can be lost).
 * Returns an unsubscribe function.
 */
export function onTenantEvents(tenantId: string, onWake: () => void): () => void {
  const h = hub();
  h.local.on(channel(tenantId), onWake);
  let timer: NodeJS.Timeout | undefined;
  void h.ready.then((mode) => {
    timer = setInterval(onWake, mode === 'poll' ? 2_000 : 10_000);
  });
  return () => {
    h.local.off(channel(tenantId), onWake);
    if (timer) clearInterval(timer);
  };
}

/**
 * Events a stream has not sent yet. Transactions commit in a different order than they
 * started, so an event can appear with a time just before one already sent: reading a few
 * seconds back and skipping ids already sent (`seen`) catches those.
 */
const LOOKBACK_SECONDS = 10;

export async function eventsAfter(tenantId: string, since: Date, seen: Set<string>, limit = 200): Promise<DomainEvent[]> {
  const rows = await withTenant(tenantId, (tx) =>
    tx
      .select({ id: outboxEvents.id, tenantId: outboxEvents.tenantId, type: outboxEvents.type, payload: outboxEvents.payload, occurredAt: outboxEvents.occurredAt })
      .from(outboxEvents)
      .where(gt(outboxEvents.occurredAt, sql`${since.toISOString()}::timestamptz - make_interval(secs => ${LOOKBACK_SECONDS})`))
      .orderBy(asc(outboxEvents.occurredAt), asc(outboxEvents.id))
      .limit(limit + seen.size),
  );
  return (rows as DomainEvent[]).filter((e) => !seen.has(e.id)).slice(0, limit);
}

/** The time of the event a client last saw (Last-Event-ID), or null when unknown. */
export async function eventTime(tenantId: string, eventId: string): Promise<Date | null> {
  const [row] = await withTenant(tenantId, (tx) =>
    tx.select({ occurredAt: outboxEvents.occurredAt }).from(outboxEvents).where(eq(outboxEvents.id, eventId)),
  );
  return row?.occurredAt ?? null;
}
