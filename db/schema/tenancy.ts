import { char, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Platform table: one row per business. It has no tenant_id and no RLS; the app role may
 * read and insert it, and only lib/tenancy reads it (through withPlatform).
 */
export const tenants = pgTable('tenants', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  /** ISO 4217 code; every money amount of the tenant is an integer of its minor unit. */
  currency: char('currency', { length: 3 }).notNull(),
  /** IANA time zone; business days and reports are cut in it. */
  timeZone: text('time_zone').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type Tenant = typeof tenants.$inferSelect;
export type NewTenant = typeof tenants.$inferInsert;
