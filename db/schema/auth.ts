import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
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
    active: boolean('active').notNull().default(true),
    /**
     * Sessions signed in at or before this time are void (deactivation, role or password
     * change). Redis holds the same for speed; this copy survives a Redis that lost it.
     */
    sessionsValidAfter: timestamp('sessions_valid_after', { withTimezone: true }),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('users_tenant_email_key').on(t.tenantId, t.email),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id], name: 'users_tenant_fk' }),
    check('users_role_check', sql`${t.role} in ('owner', 'manager', 'cashier')`),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
