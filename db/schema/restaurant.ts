import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
export const tableShapes = ['square', 'round', 'wide'] as const;
export type TableShape = (typeof tableShapes)[number];
/** The floor plan's grid: columns × rows of cells a table is placed on (a wide table takes two columns). */
export const FLOOR_GRID = { columns: 12, rows: 8 } as const;
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
    /** Its cell on the drawn floor plan (both null: not placed, listed by area instead). */
    gridX: integer('grid_x'),
    gridY: integer('grid_y'),
    shape: text('shape', { enum: tableShapes }).notNull().default('square'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('dining_tables_tenant_name_key').on(t.tenantId, t.name),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id], name: 'dining_tables_tenant_fk' }),
    check('dining_tables_seats_check', sql`${t.seats} between 1 and 100`),
    check('dining_tables_covers_check', sql`${t.covers} >= 0`),
    check('dining_tables_grid_check', sql`(${t.gridX} is null) = (${t.gridY} is null) and ${t.gridX} between 0 and 11 and ${t.gridY} between 0 and 7`),
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

/**
 * Where the kitchen makes things: "Kitchen", "Bar". One station per tenant is the default, where
 * every item goes that no route sends elsewhere (partial unique index: at most one default).
 */
export const kitchenStations = pgTable(
  'kitchen_stations',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('kitchen_stations_tenant_name_key').on(t.tenantId, t.name),
    uniqueIndex('kitchen_stations_default_key').on(t.tenantId).where(sql`is_default`),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id], name: 'kitchen_stations_tenant_fk' }),
  ],
);

export const kitchenRouteKinds = ['category', 'product'] as const;
export type KitchenRouteKind = (typeof kitchenRouteKinds)[number];

/**
 * Which station makes a category's or a product's items (a product's route wins over its
 * category's). `station_id` null: no ticket at all (bottled water). Keyed by the catalog's ids,
 * without foreign keys: the catalog may live in MongoDB. Removing a station removes its routes,
 * so its items go back to the default station.
 */
export const kitchenRoutes = pgTable(
  'kitchen_routes',
  {
    tenantId: uuid('tenant_id').notNull(),
    kind: text('kind', { enum: kitchenRouteKinds }).notNull(),
    targetId: uuid('target_id').notNull(),
    stationId: uuid('station_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.kind, t.targetId] }),
    foreignKey({ columns: [t.tenantId, t.stationId], foreignColumns: [kitchenStations.tenantId, kitchenStations.id], name: 'kitchen_routes_station_fk' }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id], name: 'kitchen_routes_tenant_fk' }),
  ],
);

/**
 * A ticket's line: the order line's snapshot as the cook reads it. `course` (absent before hold &
 * fire) groups a ticket; `voided`: units taken off after they were fired ("VOID 1× Mohinga").
 */
export type KitchenTicketLine = { lineId: string; name: string; quantity: number; modifiers: string[]; note: string | null; course?: number; voided?: boolean };

/**
 * What one station must make for one firing of an order (today: its checkout, the OrderPlaced
 * event). On the station's screen until bumped; a void marks it, the screen shows it so. The
 * unique key on (order, station, event) makes a redelivered event fire nothing twice. Order
 * fields are a snapshot (lib/orders' tables are not this module's to join).
 */
export const kitchenTickets = pgTable(
  'kitchen_tickets',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    stationId: uuid('station_id').notNull(),
    orderId: uuid('order_id').notNull(),
    eventId: uuid('event_id').notNull(),
    locationId: uuid('location_id').notNull(),
    orderNumber: integer('order_number').notNull(),
    orderType: text('order_type').notNull(),
    tableName: text('table_name'),
    customerName: text('customer_name'),
    orderNote: text('order_note'),
    lines: jsonb('lines').$type<KitchenTicketLine[]>().notNull(),
    firedAt: timestamp('fired_at', { withTimezone: true }).notNull(),
    bumpedAt: timestamp('bumped_at', { withTimezone: true }),
    bumpedBy: uuid('bumped_by'),
    recalledAt: timestamp('recalled_at', { withTimezone: true }),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('kitchen_tickets_firing_key').on(t.tenantId, t.orderId, t.stationId, t.eventId),
    foreignKey({ columns: [t.tenantId, t.stationId], foreignColumns: [kitchenStations.tenantId, kitchenStations.id], name: 'kitchen_tickets_station_fk' }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id], name: 'kitchen_tickets_tenant_fk' }),
    // A station's screen: its open tickets, oldest first; Recall: its last bumped one.
    index('kitchen_tickets_open_idx').on(t.tenantId, t.stationId, t.firedAt).where(sql`bumped_at is null`),
    index('kitchen_tickets_bumped_idx').on(t.tenantId, t.stationId, t.bumpedAt).where(sql`bumped_at is not null`),
  ],
);
