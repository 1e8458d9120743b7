import type { DomainEvent, EventPayloads, EventType } from '@/lib/events';

/**
 * The public event names and what each sends as `data`: the one table (docs/api.md › Webhooks).
 * Each maps one domain event (lib/events/types.ts) to fields chosen on purpose, so an internal
 * change to a payload does not change what integrators receive. A name is only offered when
 * something sends it.
 */
type Mapping<K extends EventType> = { domain: K; description: string; data: (payload: EventPayloads[K]) => Record<string, unknown> };

const mapping = <K extends EventType>(domain: K, description: string, data: (payload: EventPayloads[K]) => Record<string, unknown>): Mapping<K> => ({ domain, description, data });

export const WEBHOOK_EVENTS = {
  'order.placed': mapping('OrderPlaced', 'An order was checked out (its items left stock).', (p) => ({
    orderId: p.orderId,
    number: p.number,
    locationId: p.locationId,
    total: p.total,
    type: p.type ?? null,
    tableId: p.tableId ?? null,
    lines: p.lines.map((l) => ({ variantId: l.variantId, productId: l.productId ?? null, name: l.name ?? null, quantity: l.quantity })),
  })),
  'order.paid': mapping('OrderPaid', 'An order is fully paid.', (p) => ({ orderId: p.orderId, number: p.number, total: p.total, customerId: p.customerId ?? null })),
  'order.refunded': mapping('OrderRefunded', 'Money went back to the customer for some or all of an order.', (p) => ({
    orderId: p.orderId,
    refundId: p.refundId,
    amount: p.amount,
    restocked: p.restocked,
    fullyRefunded: p.fullyRefunded ?? null,
  })),
  'order.voided': mapping('OrderVoided', 'An unpaid order was voided; its stock was released.', (p) => ({ orderId: p.orderId, number: p.number, reason: p.reason })),
  'order.moved': mapping('OrderMoved', 'An open order moved to another table.', (p) => ({ orderId: p.orderId, number: p.number, fromTableId: p.fromTableId, toTableId: p.toTableId })),
  'order.merged': mapping('OrderMerged', "An open tab's lines joined another tab.", (p) => ({ orderId: p.orderId, number: p.number, intoOrderId: p.intoOrderId, intoNumber: p.intoNumber })),
  'payment.captured': mapping('PaymentCaptured', 'A tender was taken (cash, or card once captured).', (p) => ({
    orderId: p.orderId,
    paymentId: p.paymentId,
    tender: p.tender,
    amount: p.amount,
    tip: p.tip ?? 0,
  })),
  'payment.failed': mapping('PaymentFailed', 'A card payment was declined or could not be made.', (p) => ({ orderId: p.orderId, paymentId: p.paymentId, code: p.code })),
  'stock.changed': mapping('StockChanged', 'A stock level changed (receipt, adjustment, count, transfer or sale).', (p) => ({
    locationId: p.locationId,
    variantId: p.variantId,
    delta: p.delta,
    quantity: p.quantity,
    kind: p.kind,
  })),
  'stock.low': mapping('LowStock', 'A level fell to or below its low-stock threshold.', (p) => ({ locationId: p.locationId, variantId: p.variantId, quantity: p.quantity, threshold: p.threshold })),
  'stock.out': mapping('ProductOutOfStock', 'A level reached zero or less.', (p) => ({ locationId: p.locationId, variantId: p.variantId, quantity: p.quantity })),
  'table.status_changed': mapping('TableStatusChanged', 'A table was seated (status occupied, with its covers), cleared (free) or left to be cleaned.', (p) => ({
    tableId: p.tableId,
    status: p.status,
    covers: p.covers,
  })),
  'shift.opened': mapping('ShiftOpened', "A register's shift opened with its starting float.", (p) => ({ shiftId: p.shiftId, registerName: p.registerName, locationId: p.locationId, openingFloat: p.openingFloat })),
  'shift.closed': mapping('ShiftClosed', 'A shift closed with its cash counted.', (p) => ({
    shiftId: p.shiftId,
    registerName: p.registerName,
    locationId: p.locationId,
    countedCash: p.countedCash,
    expectedCash: p.expectedCash,
    difference: p.difference,
  })),
  'item.availability_changed': mapping('ItemAvailabilityChanged', "An item was marked sold out (86'd) or put back on sale.", (p) => ({ productId: p.productId, soldOut: p.soldOut })),
} as const;

export type WebhookEventType = keyof typeof WEBHOOK_EVENTS;
/** The test event the page and the API send on demand; never sent by the outbox. */
export const TEST_EVENT = 'webhook.test';

export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENTS) as WebhookEventType[];

/** The public name of a domain event, or undefined when webhooks do not send it. */
const byDomain = new Map<EventType, WebhookEventType>(WEBHOOK_EVENT_TYPES.map((name) => [WEBHOOK_EVENTS[name].domain, name]));
export const publicNameOf = (type: EventType): WebhookEventType | undefined => byDomain.get(type);

/** The domain events webhooks listen to. */
export const DOMAIN_EVENTS = [...byDomain.keys()];

/**
 * The envelope every delivery sends, stable across versions:
 * `{ id, type, createdAt, tenant: { id, slug }, data }`.
 */
export type WebhookEnvelope = { id: string; type: string; createdAt: string; tenant: { id: string; slug: string }; data: Record<string, unknown> };

export function envelopeOf(event: DomainEvent, tenantSlug: string): WebhookEnvelope | undefined {
  const name = publicNameOf(event.type);
  if (!name) return undefined;
  const map = WEBHOOK_EVENTS[name] as unknown as Mapping<EventType>;
  return { id: event.id, type: name, createdAt: new Date(event.occurredAt).toISOString(), tenant: { id: event.tenantId, slug: tenantSlug }, data: map.data(event.payload as never) };
}
