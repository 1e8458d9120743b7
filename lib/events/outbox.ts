import { outboxEvents } from '@/db/schema/events';
import { afterCommit, type Tx } from '@/lib/platform/db';
import { announceEvents } from './live';
import type { EventPayloads, EventType } from './types';

type Listener = () => void;
const listeners = new Set<Listener>();

/**
 * Appends events to the outbox inside the caller's transaction: they exist if and only if the
 * change they describe committed. After the commit the dispatcher and the tenant's live
 * streams are woken up at once (both also catch up on their own, so a crash between commit
 * and wake-up only delays delivery).
 */
export async function appendEvents(
  tx: Tx,
  tenantId: string,
  events: { [K in EventType]: { type: K; payload: EventPayloads[K] } }[EventType][],
): Promise<void> {
  if (events.length === 0) return;
  await tx.insert(outboxEvents).values(events.map((e) => ({ tenantId, type: e.type, payload: e.payload, orderId: orderIdOf(e.payload) })));
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
