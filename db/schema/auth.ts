import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenancy';

export const roles = ['owner', 'manager', 'cashier'] as const;
export type Role = (typeof roles)[number];

/** Staff accounts. Emails are stored lower-cased and are unique per tenant, not globally. */
export const users = pgTable(
  'users',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: roles }).notNull(),
    passwordHash: text('password_hash').notNull(),
    /** argon2id hash of the optional 4–6 digit register PIN. */
    pinHash: text('pin_hash'),
    /**
     * The PIN's offline seed (lib/auth/pin-verifier.ts), sealed with AES-256-GCM under a key derived
     * from NEXTAUTH_SECRET: what the server derives each register's offline verifiers from. Set with
     * the PIN (or at the person's next PIN sign-in for PINs set before it existed); null with no PIN.
     */
    pinSeed: text('pin_seed'),
    active: boolean('active').notNull().default(true),
    /**
     * Sessions signed in at or before this time are void (deactivation, role or password
     * change). Redis holds the same for speed; this copy survives a Redis that lost it.
     */
    sessionsValidAfter: timestamp('sessions_valid_after', { withTimezone: true }),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    /** The language this person chose for the interface ('en' | 'my'); null: the tenant's (tenant_settings.locale). */
    locale: text('locale'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('users_tenant_email_key').on(t.tenantId, t.email),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id], name: 'users_tenant_fk' }),
    check('users_role_check', sql`${t.role} in ('owner', 'manager', 'cashier')`),
    check('users_locale_check', sql`${t.locale} in ('en', 'my')`),
  ],
);

export type User = typeof users.$inferSelect;

/**
 * The tenant's offline PIN key epoch (docs/security.md › Offline PIN switching): every register's
 * verifiers are derived under it, so raising it voids them all at their next use on the server and
 * each register fetches new ones at its next sync. No row: epoch 0.
 */
export const offlinePinKeys = pgTable(
  'offline_pin_keys',
  {
    tenantId: uuid('tenant_id').notNull(),
    epoch: integer('epoch').notNull().default(0),
    rotatedAt: timestamp('rotated_at', { withTimezone: true }).notNull().defaultNow(),
    rotatedBy: uuid('rotated_by'),
  },
  (t) => [primaryKey({ columns: [t.tenantId] }), foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id], name: 'offline_pin_keys_tenant_fk' })],
);
export type NewUser = typeof users.$inferInsert;

/**
 * The time clock: one row per stretch someone worked, opened by clocking in and closed by
 * clocking out (or by a manager's correction). At most one open entry per person (partial
 * unique index), so a second clock-in is a conflict, not a second stretch.
 */
export const timeClockEntries = pgTable(
  'time_clock_entries',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    clockedInAt: timestamp('clocked_in_at', { withTimezone: true }).notNull(),
    clockedOutAt: timestamp('clocked_out_at', { withTimezone: true }),
    /** The last manager who corrected it (null: as clocked). */
    correctedBy: uuid('corrected_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id], name: 'time_clock_entries_user_fk' }),
    foreignKey({ columns: [t.tenantId, t.correctedBy], foreignColumns: [users.tenantId, users.id], name: 'time_clock_entries_corrected_by_fk' }),
    uniqueIndex('time_clock_entries_open_key').on(t.tenantId, t.userId).where(sql`clocked_out_at is null`),
    index('time_clock_entries_in_idx').on(t.tenantId, t.clockedInAt),
    check('time_clock_entries_order_check', sql`${t.clockedOutAt} is null or ${t.clockedOutAt} >= ${t.clockedInAt}`),
  ],
);

export type TimeClockEntryRow = typeof timeClockEntries.$inferSelect;

/**
 * API keys for integrations (docs/api.md): a key acts for its business with the permissions its
 * scopes map to (lib/auth/api-scopes.ts), never as a person's role. The secret
 * (`tw_live_<prefix>_<random>`) is shown once; only its SHA-256 is kept, the prefix finds the row.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    /** The public part of the secret (12 hex characters), shown in lists and logs. */
    prefix: text('prefix').notNull(),
    /** SHA-256 (hex) of the whole secret. */
    secretHash: text('secret_hash').notNull(),
    scopes: text('scopes').array().notNull(),
    /** Requests per minute (null: the default, API_KEY_DEFAULT_RATE_LIMIT). */
    rateLimitPerMinute: integer('rate_limit_per_minute'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('api_keys_tenant_prefix_key').on(t.tenantId, t.prefix),
    foreignKey({ columns: [t.tenantId, t.createdBy], foreignColumns: [users.tenantId, users.id], name: 'api_keys_created_by_fk' }),
    foreignKey({ columns: [t.tenantId, t.revokedBy], foreignColumns: [users.tenantId, users.id], name: 'api_keys_revoked_by_fk' }),
    check('api_keys_rate_limit_check', sql`${t.rateLimitPerMinute} is null or ${t.rateLimitPerMinute} between 1 and 100000`),
  ],
);

export type ApiKeyRow = typeof apiKeys.$inferSelect;
