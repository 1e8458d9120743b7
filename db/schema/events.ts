import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid, foreignKey } from 'drizzle-orm/pg-core';
import { tenants } from './tenancy';

/**
 * The transactional outbox: a domain event is written in the same transaction as the change
 * it describes, then delivered at least once by lib/events/dispatcher.ts.
 */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** Past tense: StockChanged, LowStock, ProductOutOfStock, OrderPlaced, ... */
    type: text('type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /**
     * The order the event is about (the payload's `orderId`), as a column so an order's timeline
     * is an index lookup: under row-level security Postgres will not use an index on a jsonb
     * expression (`->>` is not leakproof), only on plain comparisons like this uuid's.
     */
    orderId: uuid('order_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set once every handler has it. */
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id], name: 'outbox_events_tenant_fk' }),
    index('outbox_events_pending_idx').on(t.nextAttemptAt).where(sql`dispatched_at is null`),
    index('outbox_events_tenant_occurred_idx').on(t.tenantId, t.occurredAt),
    // An order's timeline (eventsOfEntity): only events about an order are in it.
    index('outbox_events_order_idx').on(t.tenantId, t.orderId, t.occurredAt).where(sql`order_id is not null`),
  ],
);

/** Which handler has handled which event: written with the handler's own changes. */
export const outboxDeliveries = pgTable(
  'outbox_deliveries',
  {
    tenantId: uuid('tenant_id').notNull(),
    eventId: uuid('event_id').notNull(),
    handler: text('handler').notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.eventId, t.handler] }),
    foreignKey({ columns: [t.tenantId, t.eventId], foreignColumns: [outboxEvents.tenantId, outboxEvents.id], name: 'outbox_deliveries_event_fk' }),
  ],
);
