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
  await tx.insert(outboxEvents).values(events.map((e) => ({ tenantId, type: e.type, payload: e.payload })));
  afterCommit(tx, () => {
    listeners.forEach((listener) => listener());
    announceEvents(tenantId);
  });
}

/** The dispatcher subscribes here to hear about new events without waiting for its poll. */
export function onEventsAppended(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
