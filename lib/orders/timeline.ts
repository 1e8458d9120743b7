import type { TenantContext } from '@/lib/auth';
import { eventsOfEntity, type DomainEvent } from '@/lib/events';

export const ORDER_EVENT_TYPES = ['OrderPlaced', 'PaymentFailed', 'PaymentCaptured', 'OrderPaid', 'OrderRefunded', 'OrderVoided'] as const;
type OrderEventType = (typeof ORDER_EVENT_TYPES)[number];
export type OrderEvent = { [K in OrderEventType]: Omit<DomainEvent<K>, 'tenantId'> }[OrderEventType];

const isOrderEvent = (e: DomainEvent): e is DomainEvent<OrderEventType> => (ORDER_EVENT_TYPES as readonly string[]).includes(e.type);

/**
 * What happened to an order, from the outbox: placed, each payment taken or refused, paid,
 * refunded, voided — oldest first. Events written in one transaction share a time (a capture
 * and "paid"); those keep the order in which they happen. Orders that were never rung up here
 * (the demo's seeded history) have none.
 */
export async function orderTimeline(ctx: TenantContext, orderId: string): Promise<OrderEvent[]> {
  const events = (await eventsOfEntity(ctx.tenantId, { orderId })).filter(isOrderEvent);
  const rank = (e: OrderEvent) => ORDER_EVENT_TYPES.indexOf(e.type);
  return events
    .map(({ tenantId: _t, ...e }) => e as OrderEvent)
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || rank(a) - rank(b));
}
