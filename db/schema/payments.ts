import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { shifts } from './orders';
import { tenants } from './tenancy';

export const tenders = ['cash', 'card'] as const;
export type Tender = (typeof tenders)[number];

/**
 * One tender toward an order. A card payment is written `pending` before the gateway is
 * called (its id is the gateway idempotency key), then `captured` or `failed`; a crash in
 * between leaves it `pending` for the recovery job to settle by asking the gateway.
 */
export const payments = pgTable(
  'payments',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    orderId: uuid('order_id').notNull(),
    shiftId: uuid('shift_id'),
    tender: text('tender', { enum: tenders }).notNull(),
    amount: integer('amount').notNull(),
    status: text('status', { enum: ['pending', 'captured', 'failed'] }).notNull(),
    /** Cash handed over and change given back (cash only). */
    cashTendered: integer('cash_tendered'),
    changeGiven: integer('change_given'),
    /** The card token the terminal produced (simulator test tokens in development). */
    source: text('source'),
    gatewayPaymentId: text('gateway_payment_id'),
    failureCode: text('failure_code'),
    failureMessage: text('failure_message'),
    refundedAmount: integer('refunded_amount').notNull().default(0),
    /**
     * The tip given with this tender, on top of `amount` (a card is charged amount + tip; cash
     * handed over covers both). Not part of the order's total or its sales; never refunded.
     */
    tip: integer('tip').notNull().default(0),
    /** The part of a split bill this tender pays (lib/orders order_split_parts); null: the order as a whole. */
    partId: uuid('part_id'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id], name: 'payments_tenant_fk' }),
    // Money is booked to a real drawer of this tenant (the app also checks it is open and at the order's location).
    foreignKey({ columns: [t.tenantId, t.shiftId], foreignColumns: [shifts.tenantId, shifts.id], name: 'payments_shift_fk' }),
    index('payments_order_idx').on(t.tenantId, t.orderId),
    index('payments_shift_idx').on(t.tenantId, t.shiftId),
    index('payments_pending_idx').on(t.tenantId, t.createdAt).where(sql`status = 'pending'`),
    check('payments_amount_check', sql`${t.amount} > 0 and ${t.refundedAmount} between 0 and ${t.amount}`),
    check('payments_tip_check', sql`${t.tip} >= 0`),
  ],
);

/** Money returned on one payment, by the same tender (card refunds go through the gateway). */
export const paymentRefunds = pgTable(
  'payment_refunds',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    paymentId: uuid('payment_id').notNull(),
    orderId: uuid('order_id').notNull(),
    orderRefundId: uuid('order_refund_id').notNull(),
    shiftId: uuid('shift_id'),
    tender: text('tender', { enum: tenders }).notNull(),
    amount: integer('amount').notNull(),
    status: text('status', { enum: ['pending', 'succeeded', 'failed'] }).notNull(),
    gatewayRefundId: text('gateway_refund_id'),
    failureMessage: text('failure_message'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.paymentId], foreignColumns: [payments.tenantId, payments.id], name: 'payment_refunds_payment_fk' }),
    foreignKey({ columns: [t.tenantId, t.shiftId], foreignColumns: [shifts.tenantId, shifts.id], name: 'payment_refunds_shift_fk' }),
    index('payment_refunds_order_idx').on(t.tenantId, t.orderId),
    index('payment_refunds_shift_idx').on(t.tenantId, t.shiftId).where(sql`shift_id is not null`),
    index('payment_refunds_document_idx').on(t.tenantId, t.orderRefundId),
    check('payment_refunds_amount_check', sql`${t.amount} > 0`),
  ],
);
