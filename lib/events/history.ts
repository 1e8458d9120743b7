import { asc, eq } from 'drizzle-orm';
import { outboxEvents } from '@/db/schema/events';
import { withTenant } from '@/lib/platform/db';
import type { DomainEvent } from './types';

/** A thing events are about, by the payload field that names it (copied to an indexed column of the outbox). */
export type EventEntity = { orderId: string };

/**
 * What happened to one thing, oldest first: the tenant's outbox events whose payload names it
 * (`{ orderId }`: placed, payments taken or failed, paid, refunded, voided). The outbox is
 * written in the same transaction as each change, so it is the record a timeline reads.
 * Events of one transaction share their time; the caller orders those by meaning.
 */
export async function eventsOfEntity(tenantId: string, entity: EventEntity, limit = 200): Promise<DomainEvent[]> {
  const rows = await withTenant(tenantId, (tx) =>
    tx
      .select({ id: outboxEvents.id, tenantId: outboxEvents.tenantId, type: outboxEvents.type, occurredAt: outboxEvents.occurredAt, payload: outboxEvents.payload })
      .from(outboxEvents)
      .where(eq(outboxEvents.orderId, entity.orderId))
      .orderBy(asc(outboxEvents.occurredAt), asc(outboxEvents.id))
      .limit(limit),
  );
  return rows as DomainEvent[];
}
