import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenancy';

/**
 * Stock is kept per (location, variant) in whole units. Variants belong to the catalog
 * (Postgres or MongoDB), so there is no foreign key to them: inventory stores their ids.
 */
export const locations = pgTable(
  'locations',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    address: text('address'),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('locations_tenant_name_key').on(t.tenantId, t.name),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id], name: 'locations_tenant_fk' }),
  ],
);

export const stockLevels = pgTable(
  'stock_levels',
  {
    tenantId: uuid('tenant_id').notNull(),
    locationId: uuid('location_id').notNull(),
    variantId: uuid('variant_id').notNull(),
    quantity: integer('quantity').notNull().default(0),
    /** At or below this quantity the item is "low" (null: no alert). */
    lowStockThreshold: integer('low_stock_threshold'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.locationId, t.variantId] }),
    foreignKey({ columns: [t.tenantId, t.locationId], foreignColumns: [locations.tenantId, locations.id], name: 'stock_levels_location_fk' }),
    index('stock_levels_tenant_variant_idx').on(t.tenantId, t.variantId),
    check('stock_levels_threshold_check', sql`${t.lowStockThreshold} is null or ${t.lowStockThreshold} >= 0`),
  ],
);

export const movementKinds = ['receipt', 'adjustment', 'count', 'transfer_out', 'transfer_in', 'sale', 'return'] as const;
export type MovementKind = (typeof movementKinds)[number];

/** The append-only stock ledger: every change of a level, who made it, why, and the result. */
export const stockMovements = pgTable(
  'stock_movements',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    locationId: uuid('location_id').notNull(),
    variantId: uuid('variant_id').notNull(),
    kind: text('kind', { enum: movementKinds }).notNull(),
    delta: integer('delta').notNull(),
    quantityAfter: integer('quantity_after').notNull(),
    /** damage, theft, correction, ... for adjustments; free text elsewhere. */
    reason: text('reason'),
    note: text('note'),
    /** What caused it: a receipt, count or transfer id, an order id. */
    referenceType: text('reference_type'),
    referenceId: text('reference_id'),
    /** Receipts: what one unit cost, in minor units before tax, when it was given (the variant's average follows it). */
    unitCost: integer('unit_cost'),
    actorUserId: uuid('actor_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.locationId], foreignColumns: [locations.tenantId, locations.id], name: 'stock_movements_location_fk' }),
    check('stock_movements_unit_cost_check', sql`${t.unitCost} is null or ${t.unitCost} >= 0`),
    index('stock_movements_variant_idx').on(t.tenantId, t.variantId, t.createdAt),
    index('stock_movements_reference_idx').on(t.tenantId, t.referenceType, t.referenceId),
    check('stock_movements_delta_check', sql`${t.delta} <> 0`),
  ],
);

/** A document per stock operation (receipt, count, transfer) that ledger rows point to. */
export const stockDocuments = pgTable(
  'stock_documents',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind', { enum: ['receipt', 'adjustment', 'count', 'transfer'] }).notNull(),
    locationId: uuid('location_id').notNull(),
    toLocationId: uuid('to_location_id'),
    note: text('note'),
    /** Supplier for receipts; counted vs expected per line for counts. */
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    actorUserId: uuid('actor_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.locationId], foreignColumns: [locations.tenantId, locations.id], name: 'stock_documents_location_fk' }),
    index('stock_documents_created_idx').on(t.tenantId, t.createdAt),
  ],
);

/** Who the store buys from: purchase orders name one (docs/purchasing.md). */
export const suppliers = pgTable(
  'suppliers',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    /** The person to talk to there. */
    contact: text('contact'),
    email: text('email'),
    phone: text('phone'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('suppliers_tenant_name_key').on(t.tenantId, t.name),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id], name: 'suppliers_tenant_fk' }),
  ],
);

/**
 * A line of a purchase order: a snapshot of the item (name, SKU, level when drafted), what is
 * ordered at what unit cost (minor units before tax; null: not known yet), and how many units
 * have arrived so far. Lines written before purchase orders had no `received`/`unitCost`.
 */
export type PurchaseListLine = {
  variantId: string;
  label: string;
  sku: string;
  onHand: number;
  threshold: number | null;
  quantity: number;
  unitCost?: number | null;
  received?: number;
};

export const purchaseOrderStatuses = ['draft', 'sent', 'partially_received', 'received', 'cancelled'] as const;
export type PurchaseOrderStatus = (typeof purchaseOrderStatuses)[number];

/**
 * A purchase order (it began as the "purchase list": the table keeps that name): what to buy
 * for a location from a supplier, drafted by hand or from low stock. draft → sent → partially
 * received → received, or cancelled before anything arrived (docs/purchasing.md). Each receiving
 * books one stock receipt (`receiptId`: the latest) in the same transaction.
 */
export const purchaseLists = pgTable(
  'purchase_lists',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    locationId: uuid('location_id').notNull(),
    supplierId: uuid('supplier_id'),
    status: text('status', { enum: purchaseOrderStatuses }).notNull().default('draft'),
    lines: jsonb('lines').$type<PurchaseListLine[]>().notNull(),
    note: text('note'),
    receiptId: uuid('receipt_id'),
    createdBy: uuid('created_by').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.locationId], foreignColumns: [locations.tenantId, locations.id], name: 'purchase_lists_location_fk' }),
    foreignKey({ columns: [t.tenantId, t.supplierId], foreignColumns: [suppliers.tenantId, suppliers.id], name: 'purchase_lists_supplier_fk' }),
    index('purchase_lists_created_idx').on(t.tenantId, t.createdAt),
  ],
);
