import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenancy';

/**
 * Where a business's events are sent (lib/webhooks, docs/api.md › Webhooks). The signing secret
 * is kept encrypted (AES-256-GCM under a key derived from the app secret): it must be read back to
 * sign, so it cannot be hashed. After a rotation the previous secret also signs for 24 hours.
 * `failing_since`: the first failed attempt since the last success; 24 hours of that turns the
 * endpoint off (`disabled_reason = 'failing'`).
 */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    url: text('url').notNull(),
    description: text('description'),
    /** Public event names (`order.paid`, …), lib/webhooks/event-types.ts. */
    eventTypes: text('event_types').array().notNull(),
    enabled: boolean('enabled').notNull().default(true),
    /** Why it is off: `manual` (someone turned it off) or `failing` (24 hours without a 2xx). */
    disabledReason: text('disabled_reason'),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    secretCiphertext: text('secret_ciphertext').notNull(),
    /** The first characters of the secret, to tell secrets apart on the page (`whsec_AbC1…`). */
    secretPrefix: text('secret_prefix').notNull(),
    previousSecretCiphertext: text('previous_secret_ciphertext'),
    previousSecretExpiresAt: timestamp('previous_secret_expires_at', { withTimezone: true }),
    /** The tenant's slug, for the envelope's `tenant` (tenants are never renamed). */
    tenantSlug: text('tenant_slug').notNull(),
    failingSince: timestamp('failing_since', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id], name: 'webhook_endpoints_tenant_fk' }),
  ],
);
export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;

/**
 * One event for one endpoint: made once per (endpoint, event) however often the outbox delivers the
 * event (the unique key), its body rendered once so every attempt sends the same bytes. `pending`
 * until a 2xx (`succeeded`) or 24 hours of failures (`failed`); `next_attempt_at` is when the worker
 * takes it (pushed past a lease while an attempt is under way).
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    endpointId: uuid('endpoint_id').notNull(),
    /** The envelope's `id` and `Tillwise-Event-Id`: the outbox event's id (a test event's own). */
    eventId: uuid('event_id').notNull(),
    eventType: text('event_type').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: ['pending', 'succeeded', 'failed'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    /** Retries stop 24 hours after this (a manual redelivery starts it again). */
    firstAttemptAt: timestamp('first_attempt_at', { withTimezone: true }).notNull(),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    lastResponseStatus: integer('last_response_status'),
    succeededAt: timestamp('succeeded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('webhook_deliveries_event_key').on(t.tenantId, t.endpointId, t.eventId),
    foreignKey({ columns: [t.tenantId, t.endpointId], foreignColumns: [webhookEndpoints.tenantId, webhookEndpoints.id], name: 'webhook_deliveries_endpoint_fk' }).onDelete('cascade'),
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index('webhook_deliveries_endpoint_idx').on(t.tenantId, t.endpointId, t.createdAt),
  ],
);
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;

/** The delivery log: every attempt, its answer (status, the first few KB of the body) or why there was none. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    deliveryId: uuid('delivery_id').notNull(),
    attempt: integer('attempt').notNull(),
    /** `manual`: a redelivery someone asked for. */
    trigger: text('trigger', { enum: ['scheduled', 'manual'] }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    latencyMs: integer('latency_ms').notNull(),
    responseStatus: integer('response_status'),
    responseBody: text('response_body'),
    /** Why there is no answer, or why it failed: `refused: …` (SSRF guard), `timeout`, a socket error, `redirect not followed`. */
    error: text('error'),
    succeeded: boolean('succeeded').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.deliveryId], foreignColumns: [webhookDeliveries.tenantId, webhookDeliveries.id], name: 'webhook_attempts_delivery_fk' }).onDelete('cascade'),
    index('webhook_attempts_delivery_idx').on(t.tenantId, t.deliveryId, t.attempt),
  ],
);
export type WebhookAttemptRow = typeof webhookAttempts.$inferSelect;
