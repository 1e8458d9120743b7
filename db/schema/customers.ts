import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenancy';

/**
 * A customer of the business (lib/customers): who they are, how to reach them, and their
 * loyalty points. `phone_digits` is the phone with everything but digits taken out, so
 * "+95 9 123-456" and "959123456" find the same person. Erasing a customer (personal data)
 * blanks every personal field and sets `erased_at`; the row stays so past orders and the
 * points ledger still point at something.
 */
export const customers = pgTable(
  'customers',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    phone: text('phone'),
    phoneDigits: text('phone_digits'),
    email: text('email'),
    note: text('note'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** The sum of the customer's ledger rows, kept in the transaction that writes each row; below zero when a refund took back points already spent. */
    pointsBalance: integer('points_balance').notNull().default(0),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id], name: 'customers_tenant_fk' }),
    // One profile per phone number in a business (erased profiles have none).
    uniqueIndex('customers_phone_key').on(t.tenantId, t.phoneDigits).where(sql`phone_digits is not null`),
    index('customers_name_idx').on(t.tenantId, sql`lower(${t.name})`),
  ],
);
export type CustomerRow = typeof customers.$inferSelect;
export type NewCustomerRow = typeof customers.$inferInsert;

export const loyaltyEntryKinds = ['earn', 'redeem', 'reverse'] as const;
export type LoyaltyEntryKind = (typeof loyaltyEntryKinds)[number];

/**
 * The points ledger: every move of a customer's points, append-only, with the order it belongs
 * to. `earn` (+) when an order is paid, `redeem` (−) when a reward is taken off an order at the
 * register, `reverse` (±) when a refund takes earned points back or a void/full refund gives
 * redeemed points back. `reference_id` is what caused the row (the order for earn/redeem, the
 * refund or the void for a reverse), and (order, kind, reference) is unique: a redelivered
 * event finds its row there and changes nothing.
 */
export const loyaltyLedger = pgTable(
  'loyalty_ledger',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    customerId: uuid('customer_id').notNull(),
    orderId: uuid('order_id').notNull(),
    kind: text('kind', { enum: loyaltyEntryKinds }).notNull(),
    referenceId: uuid('reference_id').notNull(),
    points: integer('points').notNull(),
    /** The money the row is about (minor units): the amount paid for an earn, refunded for a reverse, taken off for a redeem. */
    amount: integer('amount').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id], name: 'loyalty_ledger_customer_fk' }),
    uniqueIndex('loyalty_ledger_once_key').on(t.tenantId, t.orderId, t.kind, t.referenceId),
    index('loyalty_ledger_customer_idx').on(t.tenantId, t.customerId, t.createdAt),
  ],
);
export type LoyaltyEntryRow = typeof loyaltyLedger.$inferSelect;

/**
 * The business's loyalty scheme (one row per tenant; none: no scheme). Earning: `earn_points`
 * for every whole `earn_per_amount` paid (minor units). The reward: `reward_points` points take
 * `reward_value` off an order.
 */
export const loyaltySettings = pgTable(
  'loyalty_settings',
  {
    tenantId: uuid('tenant_id').notNull().primaryKey(),
    earnPoints: integer('earn_points').notNull().default(0),
    earnPerAmount: integer('earn_per_amount').notNull().default(0),
    rewardPoints: integer('reward_points').notNull().default(0),
    rewardValue: integer('reward_value').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id], name: 'loyalty_settings_tenant_fk' }),
    check('loyalty_settings_values_check', sql`${t.earnPoints} >= 0 and ${t.earnPerAmount} >= 0 and ${t.rewardPoints} >= 0 and ${t.rewardValue} >= 0`),
  ],
);
