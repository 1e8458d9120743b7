import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenancy';

/** When a menu is offered: days (1 = Monday … 7 = Sunday) and a local time window. */
export type AvailabilityWindow = { days: number[]; start: string; end: string };
export type MenuSection = { id: string; name: string; productIds: string[] };

/**
 * A menu is one document: named sections listing catalog product ids, and availability
 * windows in the tenant's time zone. Sections are stored with the menu (JSONB) because they
 * are always read and written with it.
 */
export const menus = pgTable(
  'menus',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    description: text('description'),
    isActive: boolean('is_active').notNull().default(true),
    availability: jsonb('availability').$type<AvailabilityWindow[]>().notNull().default([]),
    sections: jsonb('sections').$type<MenuSection[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('menus_tenant_name_key').on(t.tenantId, t.name),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id], name: 'menus_tenant_fk' }),
  ],
);

export const tableStatuses = ['free', 'occupied', 'needs_cleaning'] as const;
export type TableStatus = (typeof tableStatuses)[number];

export const diningTables = pgTable(
  'dining_tables',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    seats: integer('seats').notNull(),
    area: text('area').notNull().default('Main'),
    status: text('status', { enum: tableStatuses }).notNull().default('free'),
    /** Guests seated now (0 unless occupied). */
    covers: integer('covers').notNull().default(0),
    position: integer('position').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('dining_tables_tenant_name_key').on(t.tenantId, t.name),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id], name: 'dining_tables_tenant_fk' }),
    check('dining_tables_seats_check', sql`${t.seats} between 1 and 100`),
    check('dining_tables_covers_check', sql`${t.covers} >= 0`),
  ],
);

/**
 * Items "86'd": sold out for now, whatever the stock says (the kitchen ran out of mohinga).
 * The register shows them as sold out and checkout refuses them until they are back on.
 * Keyed by the catalog's product id (no foreign key: the catalog may live in MongoDB).
 */
export const soldOutItems = pgTable(
  'sold_out_items',
  {
    tenantId: uuid('tenant_id').notNull(),
    productId: uuid('product_id').notNull(),
    markedBy: uuid('marked_by').notNull(),
    markedAt: timestamp('marked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.productId] }), foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id], name: 'sold_out_items_tenant_fk' })],
);
