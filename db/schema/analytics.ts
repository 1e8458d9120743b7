import { bigint, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenancy';

/**
 * lib/analytics' rollups of sales, refunds and voids (definitions in docs/analytics.md). Only
 * lib/analytics reads or writes them: outbox event handlers add each fact once, and
 * `npm run analytics:rebuild` recomputes them from lib/orders' sales read model. Every table is
 * keyed by tenant and business date first (the tenant's day start and time zone), so a date
 * range of one tenant is one index range; money is bigint minor units (sums of a busy year in
 * a currency without minor digits pass 2^31).
 */
const money = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);
const count = (name: string) => integer(name).notNull().default(0);

/**
 * Cost of goods (docs/analytics.md › Margins), net of refunds: `cost` is Σ unit cost × units of
 * lines whose cost was known, `costedSales` their sales before tax; lines without a cost are
 * counted apart (`uncostedItems`, `uncostedSales`), never as free.
 */
const costMeasures = () => ({
  cost: money('cost'),
  costedSales: money('costed_sales'),
  uncostedItems: count('uncosted_items'),
  uncostedSales: money('uncosted_sales'),
});

/** What a product or category sold and gave back (fresh builders per table). */
const itemMeasures = () => ({
  quantity: count('quantity'),
  gross: money('gross'),
  discounts: money('discounts'),
  serviceCharge: money('service_charge'),
  tax: money('tax'),
  refundedQuantity: count('refunded_quantity'),
  refunds: money('refunds'),
  refundTax: money('refund_tax'),
  ...costMeasures(),
});

/** Per business date, location and local wall-clock hour (0–23): the summary, by hour and by day. */
export const analyticsSales = pgTable(
  'analytics_sales',
  {
    tenantId: uuid('tenant_id').notNull(),
    businessDate: date('business_date').notNull(),
    locationId: uuid('location_id').notNull(),
    hour: integer('hour').notNull(),
    orders: count('orders'),
    items: count('items'),
    covers: count('covers'),
    discountedOrders: count('discounted_orders'),
    gross: money('gross'),
    discounts: money('discounts'),
    serviceCharge: money('service_charge'),
    tax: money('tax'),
    /** Tips on the sales' captured payments: the staff's money, never in gross, net or tax. */
    tips: money('tips'),
    refundCount: count('refund_count'),
    refundedItems: count('refunded_items'),
    /** Refunded sales (money back less the tax added on top, for tenants whose prices exclude tax). */
    refunds: money('refunds'),
    refundTax: money('refund_tax'),
    voids: count('voids'),
    voidAmount: money('void_amount'),
    ...costMeasures(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.businessDate, t.locationId, t.hour] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id], name: 'analytics_sales_tenant_fk' }),
  ],
);

/** Per business date, location and variant (names as last sold). */
export const analyticsProducts = pgTable(
  'analytics_products',
  {
    tenantId: uuid('tenant_id').notNull(),
    businessDate: date('business_date').notNull(),
    locationId: uuid('location_id').notNull(),
    variantId: uuid('variant_id').notNull(),
    productId: uuid('product_id').notNull(),
    productName: text('product_name').notNull(),
    variantName: text('variant_name').notNull(),
    ...itemMeasures(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.businessDate, t.locationId, t.variantId] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id], name: 'analytics_products_tenant_fk' }),
  ],
);

/** Per business date, location and the category a line was sold under ('' = none). */
export const analyticsCategories = pgTable(
  'analytics_categories',
  {
    tenantId: uuid('tenant_id').notNull(),
    businessDate: date('business_date').notNull(),
    locationId: uuid('location_id').notNull(),
    categoryKey: text('category_key').notNull(),
    ...itemMeasures(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.businessDate, t.locationId, t.categoryKey] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id], name: 'analytics_categories_tenant_fk' }),
  ],
);

/** Per business date, location and tender: money taken on sales and given back on refunds. */
export const analyticsTenders = pgTable(
  'analytics_tenders',
  {
    tenantId: uuid('tenant_id').notNull(),
    businessDate: date('business_date').notNull(),
    locationId: uuid('location_id').notNull(),
    tender: text('tender').notNull(),
    payments: count('payments'),
    taken: money('taken'),
    refunded: money('refunded'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.businessDate, t.locationId, t.tender] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id], name: 'analytics_tenders_tenant_fk' }),
  ],
);

/** Per business date, location and staff member: sales they rang up, refunds they gave, voids they made. */
export const analyticsStaff = pgTable(
  'analytics_staff',
  {
    tenantId: uuid('tenant_id').notNull(),
    businessDate: date('business_date').notNull(),
    locationId: uuid('location_id').notNull(),
    staffId: uuid('staff_id').notNull(),
    orders: count('orders'),
    items: count('items'),
    gross: money('gross'),
    discounts: money('discounts'),
    serviceCharge: money('service_charge'),
    tax: money('tax'),
    /** Tips on the sales they rang up (the order's server, as on the X/Z report). */
    tips: money('tips'),
    refundCount: count('refund_count'),
    refunds: money('refunds'),
    voids: count('voids'),
    voidAmount: money('void_amount'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.businessDate, t.locationId, t.staffId] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id], name: 'analytics_staff_tenant_fk' }),
  ],
);

/** Per business date, location and tax rate (basis points): what was taxed and the tax. */
export const analyticsTaxRates = pgTable(
  'analytics_tax_rates',
  {
    tenantId: uuid('tenant_id').notNull(),
    businessDate: date('business_date').notNull(),
    locationId: uuid('location_id').notNull(),
    rateBasisPoints: integer('rate_basis_points').notNull(),
    /** Line amounts tax was computed on (after discounts). */
    taxable: money('taxable'),
    tax: money('tax'),
    refunds: money('refunds'),
    refundTax: money('refund_tax'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.businessDate, t.locationId, t.rateBasisPoints] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id], name: 'analytics_tax_rates_tenant_fk' }),
  ],
);

/** Per business date, location and discount reason ('' = none given): money taken off, and on how many orders. */
export const analyticsDiscountReasons = pgTable(
  'analytics_discount_reasons',
  {
    tenantId: uuid('tenant_id').notNull(),
    businessDate: date('business_date').notNull(),
    locationId: uuid('location_id').notNull(),
    reason: text('reason').notNull(),
    orders: count('orders'),
    discounts: money('discounts'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.businessDate, t.locationId, t.reason] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id], name: 'analytics_discount_reasons_tenant_fk' }),
  ],
);

/**
 * Which facts (sale = order id, refund = refund id, void = order id) the rollups hold, with the
 * business date they went to. A handler adds a fact only if it can claim its row, and a rebuild
 * rewrites a window's rows with its sums, so a fact is never counted twice even when its event
 * arrives while (or after) a rebuild already counted it.
 */
export const analyticsFacts = pgTable(
  'analytics_facts',
  {
    tenantId: uuid('tenant_id').notNull(),
    kind: text('kind', { enum: ['sale', 'refund', 'void'] }).notNull(),
    factId: uuid('fact_id').notNull(),
    businessDate: date('business_date').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.kind, t.factId] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id], name: 'analytics_facts_tenant_fk' }),
    index('analytics_facts_date_idx').on(t.tenantId, t.businessDate),
  ],
);

/** The business-day rule the rollups were cut with (a changed day start needs a rebuild). */
export const analyticsState = pgTable(
  'analytics_state',
  {
    tenantId: uuid('tenant_id').notNull().primaryKey(),
    timeZone: text('time_zone').notNull(),
    dayStartsAt: text('day_starts_at').notNull(),
    rebuiltAt: timestamp('rebuilt_at', { withTimezone: true }),
  },
  (t) => [foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id], name: 'analytics_state_tenant_fk' })],
);
