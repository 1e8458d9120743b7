import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid, foreignKey } from 'drizzle-orm/pg-core';
import { tenants } from './tenancy';

/**
 * Idempotency-Key records of mutating API calls, per tenant. A row is `in_flight` while the
 * first request runs (a concurrent duplicate gets 409), then `completed` with the response
 * to replay. `locked_until` lets a retry take over a key whose request died mid-way.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    tenantId: uuid('tenant_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    state: text('state', { enum: ['in_flight', 'completed'] }).notNull(),
    responseStatus: integer('response_status'),
    responseBody: text('response_body'),
    responseContentType: text('response_content_type'),
    responseLocation: text('response_location'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.key] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id], name: 'idempotency_keys_tenant_fk' }),
    index('idempotency_keys_expires_idx').on(t.tenantId, t.expiresAt),
  ],
);

/**
 * Append-only record of who changed what (the app role may only insert and read it; see
 * db/policies.sql). One row per privileged action, written in the action's transaction by
 * lib/platform/audit.ts; the action names are the fixed vocabulary of audit-actions.ts.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    actorUserId: uuid('actor_user_id'),
    /** The manager whose PIN approved it at the register, when that was not the actor. */
    approverUserId: uuid('approver_user_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    /** The changed fields as they were, and as they became (only those; never a secret). */
    before: jsonb('before').$type<Record<string, unknown>>(),
    after: jsonb('after').$type<Record<string, unknown>>(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    /** Where the request came from (client address, User-Agent) and its id in the logs. */
    ip: text('ip'),
    userAgent: text('user_agent'),
    requestId: text('request_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id], name: 'audit_events_tenant_fk' }),
    // The log newest first, paged by (created_at, id); filtered by action or by person.
    index('audit_events_created_idx').on(t.tenantId, t.createdAt, t.id),
    index('audit_events_action_idx').on(t.tenantId, t.action, t.createdAt, t.id),
    index('audit_events_actor_idx').on(t.tenantId, t.actorUserId, t.createdAt, t.id),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
