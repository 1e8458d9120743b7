import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenancy';

/**
 * `merged`: an open tab whose lines joined another table's tab (merged_into); `cancelled`: an open
 * tab closed with nothing the kitchen had (seated, nothing ordered or sent). Neither is a sale nor
 * a void in any report.
 */
export const orderStatuses = ['open', 'placed', 'partially_paid', 'paid', 'completed', 'voided', 'partially_refunded', 'refunded', 'merged', 'cancelled'] as const;
export type OrderStatus = (typeof orderStatuses)[number];
export const orderTypes = ['dine_in', 'takeaway', 'retail'] as const;
export type OrderType = (typeof orderTypes)[number];

export type AppliedDiscount = { kind: 'percent'; basisPoints: number } | { kind: 'amount'; amount: number };
/**
 * A discount as the order keeps it: its value, why (a saved discount's name, or what the cashier
 * typed), the saved discount it came from, and the manager who approved it (when one had to).
 */
export type DiscountRecord = AppliedDiscount & {
  approvedBy?: string | null;
  reason?: string | null;
  savedDiscountId?: string | null;
  /** A loyalty reward redeemed at the register: the points it cost (lib/customers' ledger has the row). */
  loyaltyPoints?: number | null;
};
export type LineModifier = { groupId: string; groupName: string; optionId: string; optionName: string; priceDelta: number };

/**
 * An order: its totals are computed on the server (lib/orders/pricing.ts) and stored, with
 * the tax mode and currency it was priced in. Numbered per location per business day.
 */
export const orders = pgTable(
  'orders',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    number: integer('number').notNull(),
    businessDate: date('business_date').notNull(),
    locationId: uuid('location_id').notNull(),
    shiftId: uuid('shift_id'),
    registerName: text('register_name'),
    status: text('status', { enum: orderStatuses }).notNull(),
    type: text('type', { enum: orderTypes }).notNull(),
    tableId: uuid('table_id'),
    covers: integer('covers'),
    customerName: text('customer_name'),
    /** The customer profile attached at the register (lib/customers; no foreign key: another module's table). */
    customerId: uuid('customer_id'),
    note: text('note'),
    currency: text('currency').notNull(),
    pricesIncludeTax: boolean('prices_include_tax').notNull(),
    orderDiscount: jsonb('order_discount').$type<DiscountRecord | null>(),
    /** The service charge the order was priced with (basis points; dine-in only, from the tenant's setting; 0: none). */
    serviceChargeBasisPoints: integer('service_charge_basis_points').notNull().default(0),
    subtotal: integer('subtotal').notNull(),
    discountTotal: integer('discount_total').notNull(),
    serviceChargeTotal: integer('service_charge_total').notNull().default(0),
    taxTotal: integer('tax_total').notNull(),
    total: integer('total').notNull(),
    paidTotal: integer('paid_total').notNull().default(0),
    refundedTotal: integer('refunded_total').notNull().default(0),
    /** Whether the order's items were taken out of stock (placed orders; released on void). */
    stockReserved: boolean('stock_reserved').notNull().default(false),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    placedAt: timestamp('placed_at', { withTimezone: true }),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidReason: text('void_reason'),
    /** Who voided the order, and the manager who approved it when that person could not alone. */
    voidedBy: uuid('voided_by'),
    voidApprovedBy: uuid('void_approved_by'),
    /** The tab this one's lines joined (status `merged`). */
    mergedInto: uuid('merged_into'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('orders_number_key').on(t.tenantId, t.locationId, t.businessDate, t.number),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id], name: 'orders_tenant_fk' }),
    // Every order list runs newest first on (created_at, id); the export's keyset pages use the same order.
    index('orders_created_idx').on(t.tenantId, t.createdAt, t.id),
    index('orders_status_idx').on(t.tenantId, t.status),
    // The order search's own filters that are selective alone (order number, one person, one table).
    index('orders_number_idx').on(t.tenantId, t.number),
    index('orders_staff_idx').on(t.tenantId, t.createdBy, t.createdAt),
    index('orders_table_idx').on(t.tenantId, t.tableId, t.createdAt).where(sql`table_id is not null`),
    index('orders_shift_idx').on(t.tenantId, t.shiftId),
    // A customer's history, newest first.
    index('orders_customer_idx').on(t.tenantId, t.customerId, t.createdAt).where(sql`customer_id is not null`),
    // The sales read model (lib/orders/sales-facts.ts) scans by the time a sale or void happened.
    index('orders_paid_idx').on(t.tenantId, t.paidAt).where(sql`paid_at is not null`),
    index('orders_voided_idx').on(t.tenantId, t.voidedAt).where(sql`voided_at is not null`),
    // One open tab per table (a move or merge frees the old one in the same transaction).
    uniqueIndex('orders_one_open_tab_per_table').on(t.tenantId, t.tableId).where(sql`status = 'open' and table_id is not null`),
    check('orders_amounts_check', sql`${t.total} >= 0 and ${t.paidTotal} >= 0 and ${t.refundedTotal} >= 0 and ${t.refundedTotal} <= ${t.paidTotal}`),
  ],
);

/** A line keeps a snapshot of what was sold, at what price and tax rate, whatever the catalog says later. */
export const orderLines = pgTable(
  'order_lines',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    orderId: uuid('order_id').notNull(),
    position: integer('position').notNull(),
    variantId: uuid('variant_id').notNull(),
    productId: uuid('product_id').notNull(),
    /** The product's category at the sale (a snapshot like the name): reports by category count it there. */
    categoryId: uuid('category_id'),
    productName: text('product_name').notNull(),
    variantName: text('variant_name').notNull(),
    sku: text('sku').notNull(),
    unitPrice: integer('unit_price').notNull(),
    /** The variant's cost per unit at the sale (a snapshot like the price; null: not known): margins in reports. */
    unitCost: integer('unit_cost'),
    modifiers: jsonb('modifiers').$type<LineModifier[]>().notNull().default([]),
    modifiersTotal: integer('modifiers_total').notNull().default(0),
    quantity: integer('quantity').notNull(),
    note: text('note'),
    discount: jsonb('discount').$type<DiscountRecord | null>(),
    taxRateBasisPoints: integer('tax_rate_basis_points').notNull(),
    gross: integer('gross').notNull(),
    lineDiscount: integer('line_discount').notNull(),
    orderDiscount: integer('order_discount').notNull(),
    net: integer('net').notNull(),
    /** The line's share of the order's service charge (taxed with the line: tax is on net + service charge). */
    serviceCharge: integer('service_charge').notNull().default(0),
    tax: integer('tax').notNull(),
    total: integer('total').notNull(),
    trackStock: boolean('track_stock').notNull(),
    allowNegativeStock: boolean('allow_negative_stock').notNull(),
    refundedQuantity: integer('refunded_quantity').notNull().default(0),
    /** Hold & fire (dine-in tabs): the course, whether it waits for "Fire course n", and how many units the kitchen already has. */
    course: integer('course').notNull().default(1),
    held: boolean('held').notNull().default(false),
    firedQuantity: integer('fired_quantity').notNull().default(0),
    firedAt: timestamp('fired_at', { withTimezone: true }),
    /** The guest's seat (dine-in, set at the register); null: shared by the table (a split by seat spreads it). */
    seat: integer('seat'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orderId], foreignColumns: [orders.tenantId, orders.id], name: 'order_lines_order_fk' }).onDelete('cascade'),
    index('order_lines_order_idx').on(t.tenantId, t.orderId),
    index('order_lines_variant_idx').on(t.tenantId, t.variantId),
    check('order_lines_quantity_check', sql`${t.quantity} > 0 and ${t.refundedQuantity} between 0 and ${t.quantity}`),
    check('order_lines_fired_check', sql`${t.firedQuantity} between 0 and ${t.quantity} and ${t.course} between 1 and 9`),
    check('order_lines_seat_check', sql`${t.seat} is null or ${t.seat} between 1 and 99`),
  ],
);

export const splitKinds = ['item', 'seat', 'equal'] as const;
export type SplitKind = (typeof splitKinds)[number];
/** What a part of a split bill covers: units of a line (by item or seat), or a share of a shared line (`sharedBy` seats). */
export type SplitPartItem = { lineId: string; quantity: number; amount: number; sharedBy?: number };

/**
 * One part of a split bill (lib/orders/split.ts): the parts of an order add up to its total, each is
 * paid with its own tenders (payments.part_id) and `paid_total` is what they took toward it. A part
 * with money on it is never replaced.
 */
export const orderSplitParts = pgTable(
  'order_split_parts',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    orderId: uuid('order_id').notNull(),
    kind: text('kind', { enum: splitKinds }).notNull(),
    position: integer('position').notNull(),
    label: text('label').notNull(),
    seat: integer('seat'),
    amount: integer('amount').notNull(),
    items: jsonb('items').$type<SplitPartItem[]>().notNull().default([]),
    paidTotal: integer('paid_total').notNull().default(0),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orderId], foreignColumns: [orders.tenantId, orders.id], name: 'order_split_parts_order_fk' }).onDelete('cascade'),
    index('order_split_parts_order_idx').on(t.tenantId, t.orderId, t.position),
    check('order_split_parts_amounts_check', sql`${t.amount} >= 0 and ${t.paidTotal} between 0 and ${t.amount}`),
  ],
);

/** Order numbers: sequential per tenant, location and business day (a row per day, locked to take the next). */
export const orderCounters = pgTable(
  'order_counters',
  {
    tenantId: uuid('tenant_id').notNull(),
    locationId: uuid('location_id').notNull(),
    businessDate: date('business_date').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.locationId, t.businessDate] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id], name: 'order_counters_tenant_fk' }),
  ],
);

/** A refund of an order: which lines, how many, how much, why; the money goes back per tender (payments). */
export const orderRefunds = pgTable(
  'order_refunds',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    orderId: uuid('order_id').notNull(),
    reason: text('reason').notNull(),
    restock: boolean('restock').notNull(),
    /** Per line: units, money back, and the tax inside that money (absent on refunds made before it was kept). */
    lines: jsonb('lines').$type<{ lineId: string; quantity: number; amount: number; tax?: number }[]>().notNull(),
    amount: integer('amount').notNull(),
    /**
     * Two-phase: `pending` while card parts wait for the gateway (nothing about the order has
     * changed yet), `settled` once every part went through, `failed` when the gateway refused.
     */
    status: text('status', { enum: ['pending', 'settled', 'failed'] }).notNull().default('settled'),
    failureMessage: text('failure_message'),
    settledAt: timestamp('settled_at', { withTimezone: true }),
    approvedBy: uuid('approved_by'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orderId], foreignColumns: [orders.tenantId, orders.id], name: 'order_refunds_order_fk' }),
    index('order_refunds_pending_idx').on(t.tenantId, t.createdAt).where(sql`status = 'pending'`),
    index('order_refunds_order_idx').on(t.tenantId, t.orderId),
    index('order_refunds_settled_idx').on(t.tenantId, t.settledAt).where(sql`status = 'settled'`),
  ],
);

/** A register's shift: the cash drawer from opening float to the counted close (one open shift per register). */
export const shifts = pgTable(
  'shifts',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    locationId: uuid('location_id').notNull(),
    registerName: text('register_name').notNull(),
    status: text('status', { enum: ['open', 'closed'] }).notNull().default('open'),
    openingFloat: integer('opening_float').notNull(),
    openedBy: uuid('opened_by').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    closedBy: uuid('closed_by'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    // A drawer sums many amounts: past 2^31 minor units in VND or IDR within a week (an int4 would refuse to close it).
    countedCash: bigint('counted_cash', { mode: 'number' }),
    expectedCash: bigint('expected_cash', { mode: 'number' }),
    /** The Z report as it was at closing. */
    report: jsonb('report').$type<Record<string, unknown>>(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id], name: 'shifts_tenant_fk' }),
    uniqueIndex('shifts_one_open_per_register').on(t.tenantId, t.locationId, t.registerName).where(sql`status = 'open'`),
    check('shifts_float_check', sql`${t.openingFloat} >= 0`),
    index('shifts_closed_idx').on(t.tenantId, t.closedAt).where(sql`status = 'closed'`),
  ],
);

export const cashMovements = pgTable(
  'cash_movements',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    shiftId: uuid('shift_id').notNull(),
    kind: text('kind', { enum: ['in', 'out'] }).notNull(),
    amount: integer('amount').notNull(),
    reason: text('reason').notNull(),
    /** The manager who approved a cash-out above the tenant's limit (null: none was needed). */
    approvedBy: uuid('approved_by'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.shiftId], foreignColumns: [shifts.tenantId, shifts.id], name: 'cash_movements_shift_fk' }),
    check('cash_movements_amount_check', sql`${t.amount} > 0`),
  ],
);

/**
 * The public link of an order's receipt (`/r/<token>` on the tenant's host, docs/receipts.md):
 * one per order, made the first time its receipt is rendered. The token itself is never stored,
 * only its SHA-256: it is an HMAC of the order under a key derived from the app secret, so any
 * reprint shows the same link and a copy of this table opens no receipt.
 */
export const receiptLinks = pgTable(
  'receipt_links',
  {
    tenantId: uuid('tenant_id').notNull(),
    orderId: uuid('order_id').notNull(),
    /** SHA-256 (hex) of the token. */
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.orderId] }),
    foreignKey({ columns: [t.tenantId, t.orderId], foreignColumns: [orders.tenantId, orders.id], name: 'receipt_links_order_fk' }).onDelete('cascade'),
    uniqueIndex('receipt_links_token_idx').on(t.tenantId, t.tokenHash),
  ],
);

export const receiptEmailStatuses = ['queued', 'sent'] as const;

/**
 * A receipt someone asked to be emailed: the message as rendered when asked (HTML and text), and
 * whether it went out. The outbox handler (ReceiptEmailRequested) sends a `queued` one and marks it
 * `sent` in the same savepoint, so a redelivered event never sends it twice.
 */
export const receiptEmails = pgTable(
  'receipt_emails',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    orderId: uuid('order_id').notNull(),
    recipient: text('recipient').notNull(),
    /** The business's name as the sender's display name. */
    senderName: text('sender_name').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    status: text('status', { enum: receiptEmailStatuses }).notNull().default('queued'),
    requestedBy: uuid('requested_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** The SMTP server's message id, or `log:` when no SMTP_URL was set and the mail went to the log. */
    messageId: text('message_id'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orderId], foreignColumns: [orders.tenantId, orders.id], name: 'receipt_emails_order_fk' }).onDelete('cascade'),
    index('receipt_emails_order_idx').on(t.tenantId, t.orderId, t.createdAt),
  ],
);

export type ReceiptLinkRow = typeof receiptLinks.$inferSelect;
export type ReceiptEmailRow = typeof receiptEmails.$inferSelect;
export type NewReceiptEmailRow = typeof receiptEmails.$inferInsert;

export const refusedSaleStatuses = ['open', 'rerung', 'written_off'] as const;
export type RefusedSaleStatus = (typeof refusedSaleStatuses)[number];
/** What the offline register had on its receipt: the lines it sent, as the checkout body named them. */
export type RefusedSaleLine = { variantId: string; quantity: number; modifierOptionIds?: string[]; note?: string | null; unitPrice?: number };

/**
 * A sale an offline register made and the server refused for good when it was sent (docs/offline.md
 * › Needs attention): the device reports it so a manager sees it wherever they are, not only on the
 * register that made it. One row per sale: the sale's own Idempotency-Key is unique, so a report
 * sent again is the same row. Open until a manager re-rings it (a normal order, `orderId`) or writes
 * it off with a reason; either is audited.
 */
export const refusedOfflineSales = pgTable(
  'refused_offline_sales',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** The Idempotency-Key the checkout was sent with (the device's queue key). */
    saleKey: text('sale_key').notNull(),
    /** `OFF-<device>-<seq>`: the number on the customer's receipt. */
    provisional: text('provisional').notNull(),
    device: text('device').notNull(),
    registerName: text('register_name'),
    shiftId: uuid('shift_id'),
    /** Who rang it up on the device (null: a device from before it recorded that). */
    cashierId: uuid('cashier_id'),
    cashierName: text('cashier_name'),
    /** Who was signed in when the device reported it. */
    reportedBy: uuid('reported_by').notNull(),
    lines: jsonb('lines').$type<RefusedSaleLine[]>().notNull(),
    /** The whole checkout as the device sent it (re-ringing starts from it). */
    body: jsonb('body').$type<Record<string, unknown>>().notNull(),
    currency: text('currency').notNull(),
    total: integer('total').notNull(),
    cashTendered: integer('cash_tendered').notNull(),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull(),
    errorStatus: integer('error_status').notNull(),
    errorCode: text('error_code').notNull(),
    errorMessage: text('error_message').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow(),
    status: text('status', { enum: refusedSaleStatuses }).notNull().default('open'),
    resolvedBy: uuid('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    /** Why it was written off. */
    resolutionReason: text('resolution_reason'),
    /** The order it was re-rung as. */
    orderId: uuid('order_id'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('refused_offline_sales_key').on(t.tenantId, t.saleKey),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id], name: 'refused_offline_sales_tenant_fk' }),
    index('refused_offline_sales_open_idx').on(t.tenantId, t.reportedAt).where(sql`status = 'open'`),
    check('refused_offline_sales_amounts_check', sql`${t.total} >= 0 and ${t.cashTendered} >= 0`),
  ],
);
export type RefusedOfflineSale = typeof refusedOfflineSales.$inferSelect;
