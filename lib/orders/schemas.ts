import { z } from 'zod';
import { orderTypes } from '@/db/schema/orders';
import { approvalTokenSchema } from '@/lib/auth';

const id = z.uuid();
const money = (what: string) => z.number({ message: `Enter ${what}` }).int('Use whole minor units').min(0, 'Cannot be negative').max(1_000_000_000);

const discountSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percent'), basisPoints: z.number().int().min(1, 'Enter a percentage').max(10_000, 'At most 100 %') }),
  z.object({ kind: z.literal('amount'), amount: money('an amount').min(1, 'Enter an amount') }),
]);

/** A manager (or owner) standing in for the cashier: the token POST /api/v1/approvals gave for their PIN. */
const approvalSchema = approvalTokenSchema;

const orderLineInputSchema = z.object({
  variantId: id,
  quantity: z.number({ message: 'Enter a quantity' }).int('Use whole units').min(1, 'At least 1').max(10_000),
  /** Chosen modifier options (e.g. "Oat milk"); validated against the product's groups. */
  modifierOptionIds: z.array(id).max(50).default([]),
  note: z.string().trim().max(200).nullable().default(null),
  discount: discountSchema.nullable().default(null),
});

const orderFields = {
  type: z.enum(orderTypes, { message: 'Choose dine-in, takeaway or retail' }),
  /** Defaults to the tenant's default location. */
  locationId: id.optional(),
  shiftId: id.nullable().default(null),
  tableId: id.nullable().default(null),
  covers: z.number().int().min(1).max(200).nullable().default(null),
  customerName: z.string().trim().max(80).nullable().default(null),
  note: z.string().trim().max(300).nullable().default(null),
  lines: z.array(orderLineInputSchema).min(1, 'Add at least one item').max(300),
  orderDiscount: discountSchema.nullable().default(null),
  approval: approvalSchema.nullable().default(null),
  /** What the register showed; a different server total is refused (prices changed meanwhile). */
  expectedTotal: money('the total').optional(),
};

const dineIn = (v: { type: string; tableId: string | null; covers: number | null }, ctx: z.RefinementCtx) => {
  if (v.type === 'dine_in' && !v.tableId) ctx.addIssue({ code: 'custom', path: ['tableId'], message: 'Choose a table for dine-in' });
  if (v.type !== 'dine_in' && v.tableId) ctx.addIssue({ code: 'custom', path: ['tableId'], message: 'Only dine-in orders have a table' });
};

const cashPaymentSchema = z.object({
  tender: z.literal('cash'),
  /** What is put toward the order; defaults to the balance due. */
  amount: money('an amount').min(1).optional(),
  /** Cash handed over (at least the amount); the difference is change. */
  tendered: money('the cash received').min(1),
});
const cardPaymentSchema = z.object({
  tender: z.literal('card'),
  amount: money('an amount').min(1).optional(),
  /** The card token the terminal produced (simulator: tok_visa, tok_declined, ...). */
  source: z.string().trim().min(1).max(100),
});
export const paymentInputSchema = z.discriminatedUnion('tender', [cashPaymentSchema, cardPaymentSchema], { message: 'Choose cash or card' });
export type PaymentInput = z.output<typeof paymentInputSchema>;

export const createOrderSchema = z
  .object({
    ...orderFields,
    /** true: keep the order open (parked, or a dine-in tab) without checking out. */
    park: z.boolean().default(false),
    /** Tenders to take right after checkout, in order (split payment). */
    payments: z.array(paymentInputSchema).max(10).default([]),
  })
  .superRefine((v, ctx) => {
    dineIn(v, ctx);
    if (v.park && v.payments.length) ctx.addIssue({ code: 'custom', path: ['payments'], message: 'A parked order is paid when it is resumed' });
  });
export type CreateOrderInput = z.output<typeof createOrderSchema>;

/** Replaces the contents of an open (parked) order. */
export const updateOrderSchema = z.object(orderFields).superRefine(dineIn);
export type UpdateOrderInput = z.output<typeof updateOrderSchema>;

export const voidOrderSchema = z.object({
  reason: z.string().trim().min(3, 'Say why the order is voided').max(300),
  approval: approvalSchema.nullable().default(null),
});

export const refundOrderSchema = z.object({
  reason: z.string().trim().min(3, 'Say why the money goes back').max(300),
  restock: z.boolean().default(true),
  lines: z
    .array(z.object({ lineId: id, quantity: z.number().int().min(1, 'At least 1') }))
    .min(1, 'Choose what is refunded')
    .max(300),
  approval: approvalSchema.nullable().default(null),
});
export type RefundOrderInput = z.output<typeof refundOrderSchema>;

export const listOrdersQuerySchema = z.object({
  status: z.string().trim().optional(),
  from: z.iso.datetime({ offset: true, message: 'Use an ISO date-time like 2026-11-25T00:00:00Z' }).optional(),
  to: z.iso.datetime({ offset: true, message: 'Use an ISO date-time like 2026-11-25T00:00:00Z' }).optional(),
  shift: id.optional(),
  location: id.optional(),
  number: z.coerce.number().int().min(1).optional(),
  skip: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListOrdersQuery = z.output<typeof listOrdersQuerySchema>;

export const openShiftSchema = z.object({
  registerName: z.string().trim().min(1, 'Name the register').max(40).default('Register 1'),
  locationId: id.optional(),
  openingFloat: money('the starting cash'),
});
export const cashMovementSchema = z.object({
  kind: z.enum(['in', 'out'], { message: 'Choose cash in or cash out' }),
  amount: money('an amount').min(1, 'Enter an amount'),
  reason: z.string().trim().min(3, 'Say why').max(200),
});
export const closeShiftSchema = z.object({ countedCash: money('the cash counted') });
