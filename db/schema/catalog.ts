import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenants } from './tenancy';

/**
 * The catalog's Postgres adapter (lib/catalog/postgres-repository.ts). With MONGODB_URI set
 * the catalog lives in MongoDB instead and these tables stay empty; nothing outside the
 * catalog module references them (stock and orders keep variant ids, not foreign keys).
 */
const created = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updated = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const tenantFk = (name: string, column: Parameters<typeof foreignKey>[0]['columns'][0]) =>
  foreignKey({ columns: [column], foreignColumns: [tenants.id], name });

export const categories = pgTable(
  'categories',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    color: text('color'),
    /** New products in it track stock (the product form's default); null: the tenant's default. */
    tracksStock: boolean('tracks_stock'),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('categories_tenant_name_key').on(t.tenantId, t.name),
    tenantFk('categories_tenant_fk', t.tenantId),
  ],
);

export const taxClasses = pgTable(
  'tax_classes',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    /** 1 basis point = 0.01 %: 700 is 7 %. */
    rateBasisPoints: integer('rate_basis_points').notNull(),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('tax_classes_tenant_name_key').on(t.tenantId, t.name),
    tenantFk('tax_classes_tenant_fk', t.tenantId),
    check('tax_classes_rate_check', sql`${t.rateBasisPoints} between 0 and 10000`),
  ],
);

/**
 * Saved discounts (Square's "Discounts" in the item library): "Staff meal 50 %", "Happy hour
 * 1,000 off". The register applies one by id; the order keeps a snapshot (kind, value, name
 * as the reason), so editing or deleting one never changes a past order.
 */
export const savedDiscounts = pgTable(
  'saved_discounts',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['percent', 'amount'] }).notNull(),
    basisPoints: integer('basis_points'),
    amount: integer('amount'),
    /** Where the register offers it: on a line, on the whole order, or both. */
    appliesTo: text('applies_to', { enum: ['any', 'line', 'order'] }).notNull().default('any'),
    /** Every use needs a manager's PIN; otherwise it is pre-approved (not held to the discount limit). */
    needsApproval: boolean('needs_approval').notNull().default(false),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('saved_discounts_tenant_name_key').on(t.tenantId, t.name),
    tenantFk('saved_discounts_tenant_fk', t.tenantId),
    check(
      'saved_discounts_value_check',
      sql`(${t.kind} = 'percent' and ${t.basisPoints} between 1 and 10000 and ${t.amount} is null) or (${t.kind} = 'amount' and ${t.amount} > 0 and ${t.basisPoints} is null)`,
    ),
  ],
);

export const modifierGroups = pgTable(
  'modifier_groups',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    minSelect: integer('min_select').notNull().default(0),
    maxSelect: integer('max_select').notNull().default(1),
    /** [{ id, name, priceDelta }] in display order; price deltas in minor units. */
    options: jsonb('options').$type<{ id: string; name: string; priceDelta: number }[]>().notNull().default([]),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('modifier_groups_tenant_name_key').on(t.tenantId, t.name),
    tenantFk('modifier_groups_tenant_fk', t.tenantId),
    check('modifier_groups_select_check', sql`${t.minSelect} >= 0 and ${t.maxSelect} >= greatest(${t.minSelect}, 1)`),
  ],
);

export const products = pgTable(
  'products',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    /** The name in another script (မုန့်ဟင်းခါး beside "Mohinga"): shown under the name at the register, and searched like it. */
    altName: text('alt_name'),
    description: text('description'),
    categoryId: uuid('category_id'),
    taxClassId: uuid('tax_class_id'),
    photoUrl: text('photo_url'),
    status: text('status', { enum: ['active', 'archived'] }).notNull().default('active'),
    trackStock: boolean('track_stock').notNull().default(true),
    allowNegativeStock: boolean('allow_negative_stock').notNull().default(false),
    /** The price is typed in at the sale ("Custom amount", market-price fish); the variants' prices are only a suggestion. */
    openPrice: boolean('open_price').notNull().default(false),
    /** Free-form attributes: allergens, halal, spice level, nutrition, material, ... */
    attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull().default({}),
    modifierGroupIds: uuid('modifier_group_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantFk('products_tenant_fk', t.tenantId),
    foreignKey({ columns: [t.tenantId, t.categoryId], foreignColumns: [categories.tenantId, categories.id], name: 'products_category_fk' }),
    foreignKey({ columns: [t.tenantId, t.taxClassId], foreignColumns: [taxClasses.tenantId, taxClasses.id], name: 'products_tax_class_fk' }),
    index('products_tenant_category_idx').on(t.tenantId, t.categoryId),
    index('products_tenant_name_idx').on(t.tenantId, t.name),
  ],
);

export const productVariants = pgTable(
  'product_variants',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    productId: uuid('product_id').notNull(),
    name: text('name').notNull(),
    sku: text('sku').notNull(),
    /** Price in the tenant currency's minor units (tax-inclusive or not, per tenant setting). */
    price: integer('price').notNull(),
    /**
     * What one unit costs the store, in minor units, before tax (null: not known). Typed in, or
     * the moving weighted average of received stock (docs/purchasing.md); orders snapshot it.
     */
    cost: integer('cost'),
    position: integer('position').notNull().default(0),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('product_variants_tenant_sku_key').on(t.tenantId, t.sku),
    foreignKey({ columns: [t.tenantId, t.productId], foreignColumns: [products.tenantId, products.id], name: 'product_variants_product_fk' })
      .onDelete('cascade'),
    check('product_variants_price_check', sql`${t.price} >= 0`),
    check('product_variants_cost_check', sql`${t.cost} is null or ${t.cost} >= 0`),
    index('product_variants_tenant_product_idx').on(t.tenantId, t.productId),
  ],
);

/** Barcodes are unique per tenant across every variant (a scan must find one item). */
export const variantBarcodes = pgTable(
  'variant_barcodes',
  {
    tenantId: uuid('tenant_id').notNull(),
    barcode: text('barcode').notNull(),
    variantId: uuid('variant_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.barcode] }),
    foreignKey({ columns: [t.tenantId, t.variantId], foreignColumns: [productVariants.tenantId, productVariants.id], name: 'variant_barcodes_variant_fk' })
      .onDelete('cascade'),
    index('variant_barcodes_tenant_variant_idx').on(t.tenantId, t.variantId),
  ],
);
