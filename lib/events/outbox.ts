import { outboxEvents } from '@/db/schema/events';
import { afterCommit, deferredRows, type Tx } from '@/lib/platform/db';
import { announceEvents } from './live';
import type { EventPayloads, EventType } from './types';

type Listener = () => void;
const listeners = new Set<Listener>();

/** A transaction's events, written in one insert as it commits (a cash sale's three appends: one statement). */
const pending = deferredRows<typeof outboxEvents.$inferInsert>((tx, rows) => tx.insert(outboxEvents).values(rows));

/**
 * Appends events to the outbox inside the caller's transaction: they exist if and only if the
 * change they describe committed. The rows are written as the transaction commits, all of its
 * events in one statement (so a transaction does not see its own events). After the commit the
 * dispatcher and the tenant's live streams are woken up at once (both also catch up on their
 * own, so a crash between commit and wake-up only delays delivery).
 */
export async function appendEvents(
  tx: Tx,
  tenantId: string,
  events: { [K in EventType]: { type: K; payload: EventPayloads[K] } }[EventType][],
): Promise<void> {
  if (events.length === 0) return;
  pending.rows(tx).push(...events.map((e) => ({ tenantId, type: e.type, payload: e.payload, orderId: orderIdOf(e.payload) })));
  afterCommit(tx, () => {
    listeners.forEach((listener) => listener());
    announceEvents(tenantId);
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The order an event is about, kept beside the payload for eventsOfEntity's index. */
const orderIdOf = (payload: object): string | null => {
  const id = (payload as { orderId?: unknown }).orderId;
  return typeof id === 'string' && UUID.test(id) ? id : null;
};

/** The dispatcher subscribes here to hear about new events without waiting for its poll. */
export function onEventsAppended(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
