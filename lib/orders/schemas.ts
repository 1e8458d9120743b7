import { z } from 'zod';
import { orderStatuses, orderTypes } from '@/db/schema/orders';
import { approvalTokenSchema, offlineCashierSchema } from '@/lib/auth';
import { tenders } from '@/lib/payments';
import { dayParam } from '@/lib/platform/calendar';
import { issueWords } from '@/lib/platform/issue-words';

const id = z.uuid();
const money = (what: string) => z.number({ message: `Enter ${what}` }).int('Use whole minor units').min(0, 'Cannot be negative').max(1_000_000_000);

/** Why a typed-in discount is given ("birthday", "cold coffee"): shown on the receipt and in the discounts report. */
const discountReason = z.string().trim().max(80, 'Use at most 80 characters').nullable().default(null).transform((r) => r || null);
/** A percentage or an amount typed in, or a saved discount (Catalog → Discounts) by id: the server reads its value. */
const discountSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percent'), basisPoints: z.number().int().min(1, 'Enter a percentage').max(10_000, 'At most 100 %'), reason: discountReason }),
  z.object({ kind: z.literal('amount'), amount: money('an amount').min(1, 'Enter an amount'), reason: discountReason }),
  z.object({ kind: z.literal('saved'), discountId: id }),
]);
export type DiscountInput = z.output<typeof discountSchema>;

/** A manager (or owner) standing in for the cashier: the token POST /api/v1/approvals gave for their PIN. */
const approvalSchema = approvalTokenSchema;

const orderLineInputSchema = z.object({
  variantId: id,
  quantity: z.number({ message: 'Enter a quantity' }).int('Use whole units').min(1, 'At least 1').max(10_000),
  /** Chosen modifier options (e.g. "Oat milk"); validated against the product's groups. */
  modifierOptionIds: z.array(id).max(50).default([]),
  note: z.string().trim().max(200).nullable().default(null),
  discount: discountSchema.nullable().default(null),
  /** The price typed in for an open-price item ("Custom amount"); refused for any other item. */
  unitPrice: money('the price').optional(),
  /** Hold & fire (tabs.ts): the line's id when it is already on the order (kept, so what was fired is known), its course, held for "Fire course n". */
  lineId: id.optional(),
  course: z.number().int().min(1).max(9).default(1),
  held: z.boolean().default(false),
  /** The guest's seat at the table (dine-in only); null: shared by the table. */
  seat: z.number({ message: 'Enter a seat number' }).int('Use a whole seat number').min(1, 'Seats start at 1').max(99, 'At most seat 99').nullable().default(null),
});

const orderFields = {
  type: z.enum(orderTypes, { message: 'Choose dine-in, takeaway or retail' }),
  /** Defaults to the tenant's default location. */
  locationId: id.optional(),
  shiftId: id.nullable().default(null),
  tableId: id.nullable().default(null),
  covers: z.number().int().min(1).max(200).nullable().default(null),
  customerName: z.string().trim().max(80).nullable().default(null),
  /** The customer profile attached at the register (lib/customers): one of this business's, or 422. */
  customerId: id.nullable().default(null),
  /** Loyalty rewards redeemed on this order (each: the scheme's points for its value off); needs a customer. */
  redeemRewards: z.number({ message: 'Enter how many rewards' }).int('Use whole rewards').min(1, 'At least 1 reward').max(100, 'At most 100 rewards').nullable().default(null),
  note: z.string().trim().max(300).nullable().default(null),
  lines: z.array(orderLineInputSchema).min(1, 'Add at least one item').max(300),
  orderDiscount: discountSchema.nullable().default(null),
  approval: approvalSchema.nullable().default(null),
  /** What the register showed; a different server total is refused (prices changed meanwhile). */
  expectedTotal: money('the total').optional(),
};

const dineIn = (
  v: { type: string; tableId: string | null; covers: number | null; lines: { seat: number | null }[]; customerId: string | null; redeemRewards: number | null; orderDiscount: unknown },
  ctx: z.RefinementCtx,
) => {
  if (v.redeemRewards && !v.customerId) ctx.addIssue({ code: 'custom', path: ['redeemRewards'], message: 'Attach the customer whose points pay for the reward' });
  if (v.redeemRewards && v.orderDiscount) ctx.addIssue({ code: 'custom', path: ['redeemRewards'], message: 'A loyalty reward is the order discount; remove the other one' });
  if (v.type === 'dine_in' && !v.tableId) ctx.addIssue({ code: 'custom', path: ['tableId'], message: 'Choose a table for dine-in' });
  if (v.type !== 'dine_in' && v.tableId) ctx.addIssue({ code: 'custom', path: ['tableId'], message: 'Only dine-in orders have a table' });
  if (v.type !== 'dine_in') {
    v.lines.forEach((l, i) => {
      if (l.seat !== null) ctx.addIssue({ code: 'custom', path: ['lines', i, 'seat'], message: 'Only dine-in lines have a seat' });
    });
  }
};

/** Fields every tender may carry: a tip on top of the amount, and the part of a split bill it pays. */
const tenderExtras = {
  /** On top of `amount`: not the order's money (cash covers it from `tendered`, a card is charged it). */
  tip: money('a tip').optional(),
  /** The part of the split bill this tender pays (lib/orders/split.ts); absent: the order as a whole. */
  partId: id.nullish(),
};
const cashPaymentSchema = z.object({
  ...tenderExtras,
  tender: z.literal('cash'),
  /** What is put toward the order; defaults to the balance due. */
  amount: money('an amount').min(1).optional(),
  /** Cash handed over (at least the amount and the tip); the difference is change. */
  tendered: money('the cash received').min(1),
});
const cardPaymentSchema = z.object({
  ...tenderExtras,
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
    /**
     * When the sale was made, as the register recorded it: a sale the register kept while offline,
     * sent once the connection is back with the Idempotency-Key it was given then. It dates the
     * order (its business day, its number on that day, when it was paid), within the business's
     * offline window (`offlineMaxHours`). Absent: now.
     */
    placedAt: z.iso
      .datetime({ offset: true, message: 'Use an ISO 8601 time with its offset, e.g. 2026-12-03T08:15:00Z' })
      .transform((v) => new Date(v))
      .optional(),
    /**
     * Who rang up a sale made offline, when the register was switched to someone else by PIN with
     * no server (docs/offline.md › Switching staff offline): their id, the register's device id and
     * the proof only their PIN could make on that device for this sale's Idempotency-Key. Only with
     * `placedAt`; checked by lib/auth (attributeOfflineSale), else the sale is the session's person's.
     */
    offlineCashier: offlineCashierSchema.optional(),
  })
  .superRefine((v, ctx) => {
    dineIn(v, ctx);
    if (v.offlineCashier && !v.placedAt) ctx.addIssue({ code: 'custom', path: ['offlineCashier'], message: 'Only a sale made offline names its cashier' });
    if (v.placedAt && v.park) ctx.addIssue({ code: 'custom', path: ['placedAt'], message: 'Only a checkout made offline carries its time' });
    v.payments.forEach((p, i) => {
      // Card is disabled offline: a card can only be charged while the gateway answers.
      if (v.placedAt && p.tender === 'card') ctx.addIssue({ code: 'custom', path: ['payments', i, 'tender'], message: 'A sale made offline is paid in cash' });
    });
    if (v.park && v.payments.length) ctx.addIssue({ code: 'custom', path: ['payments'], message: 'A parked order is paid when it is resumed' });
    if (v.park && v.redeemRewards) ctx.addIssue({ code: 'custom', path: ['redeemRewards'], message: 'A loyalty reward is redeemed at checkout' });
    v.payments.forEach((p, i) => {
      if (p.partId) ctx.addIssue({ code: 'custom', path: ['payments', i, 'partId'], message: 'A new order has no split bill yet' });
    });
  });
export type CreateOrderInput = z.output<typeof createOrderSchema>;

/**
 * Replaces the contents of an open (parked) order. `voidApproval`: a manager's `order:void` token
 * for taking off units the kitchen already has (a cashier cannot alone; unfired lines go freely).
 */
export const updateOrderSchema = z
  .object({ ...orderFields, voidApproval: approvalSchema.nullable().default(null) })
  .superRefine((v, ctx) => {
    dineIn(v, ctx);
    if (v.redeemRewards) ctx.addIssue({ code: 'custom', path: ['redeemRewards'], message: 'A loyalty reward is redeemed at checkout' });
  });
export type UpdateOrderInput = z.output<typeof updateOrderSchema>;

/**
 * What POST /orders/quote prices: an order's fields without the table rules — the register prices a
 * dine-in cart (service charge and all) before its table is chosen; checkout checks the table.
 */
export const quoteOrderSchema = z.object(orderFields);
export type QuoteOrderInput = z.output<typeof quoteOrderSchema>;

/** Seat & start: an empty dine-in tab on a table (the floor's "Seat & start order"). */
export const startTabSchema = z.object({
  tableId: id,
  covers: z.number().int().min(1, 'At least 1 guest').max(200, 'At most 200 guests').default(1),
  shiftId: id.nullable().default(null),
});
export type StartTabInput = z.output<typeof startTabSchema>;

export const moveOrderSchema = z.object({ tableId: z.uuid({ message: 'Choose a table' }) });
export type MoveOrderInput = z.output<typeof moveOrderSchema>;

/** Merge: the other table's open tab (its lines join this one). */
export const mergeOrderSchema = z.object({ orderId: z.uuid({ message: 'Choose the table to merge' }) });
export type MergeOrderInput = z.output<typeof mergeOrderSchema>;

/** Send (no course: every unfired line not held) or "Fire course n" (that course, held or not). */
/** Cancel an empty tab: nothing to say (the order is in the path). */
export const cancelTabSchema = z.strictObject({});

export const fireOrderSchema = z.object({ course: z.number().int().min(1).max(9).optional() });
export type FireOrderInput = z.output<typeof fireOrderSchema>;
/**
 * How to split an unpaid order's bill (lib/orders/split.ts): by item (which units of which
 * lines each part pays; every unit once), by seat (the lines' seats; lines without one are
 * shared) or into equal shares. Replaces the order's plan, keeping parts that have money on them.
 */
export const splitPlanSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('item'),
      parts: z
        .array(
          z.object({
            items: z
              .array(z.object({ lineId: id, quantity: z.number({ message: 'Enter a quantity' }).int('Use whole units').min(1, 'At least 1') }))
              .min(1, 'A part pays for at least one item')
              .max(300),
          }),
        )
        .min(2, 'Split into at least 2 parts')
        .max(50, 'At most 50 parts'),
    }),
    z.object({ kind: z.literal('seat') }),
    z.object({ kind: z.literal('equal'), shares: z.number({ message: 'Enter how many shares' }).int('Use a whole number').min(2, 'At least 2 shares').max(50, 'At most 50 shares') }),
  ],
  { message: 'Split by item, by seat or into equal shares' },
);
export type SplitPlanInput = z.output<typeof splitPlanSchema>;

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
  /** Where the money goes, per tender (adding up to the refund); null: back to the tenders latest first. */
  tenders: z
    .array(z.object({ tender: z.enum(tenders, { message: 'Choose cash or card' }), amount: money('an amount').min(1, 'Enter an amount') }))
    .min(1)
    .max(tenders.length)
    .refine((ts) => new Set(ts.map((t) => t.tender)).size === ts.length, { message: 'Name each tender once', params: issueWords('tenderOnce') })
    .nullable()
    .default(null),
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

/** A query-string field left empty in a form is the same as absent. */
const optionalParam = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());
const businessDay = z.string().refine((v) => dayParam(v) === v, { message: 'Use a date like 2026-11-25', params: issueWords('date') });

/**
 * The order search (admin orders page, CSV export): business days in the tenant's time zone,
 * statuses (comma-separated), tender, staff member, table, location, total between min and max
 * (minor units), order number, shift (its drawer's orders); offset paging. Every field optional.
 * The activity says what the days and the staff member are of: the sale (default), a refund
 * given or a void.
 */
export const orderActivities = ['sold', 'refunded', 'voided'] as const;
const orderSearchFields = z.object({
  from: optionalParam(businessDay),
  to: optionalParam(businessDay),
  status: optionalParam(
    z.preprocess((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v), z.array(z.enum(orderStatuses, { message: 'Not an order status' })).max(orderStatuses.length)),
  ),
  tender: optionalParam(z.enum(tenders, { message: 'Choose cash or card' })),
  staff: optionalParam(id),
  activity: z.preprocess((v) => (v === '' || v === null || v === undefined ? 'sold' : v), z.enum(orderActivities, { message: 'Choose sold, refunded or voided' })),
  table: optionalParam(id),
  location: optionalParam(id),
  shift: optionalParam(id),
  min: optionalParam(z.coerce.number().int('Use whole minor units').min(0).max(1_000_000_000)),
  max: optionalParam(z.coerce.number().int('Use whole minor units').min(0).max(1_000_000_000)),
  number: optionalParam(z.coerce.number().int().min(1).max(1_000_000)),
});
const searchChecks = (v: z.output<typeof orderSearchFields>, ctx: z.RefinementCtx) => {
  if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end date is before the start date', params: issueWords('endBeforeStart') });
  if (v.min !== undefined && v.max !== undefined && v.min > v.max) ctx.addIssue({ code: 'custom', path: ['max'], message: 'The highest total is below the lowest', params: issueWords('maxBelowMin') });
};
export const orderSearchSchema = orderSearchFields
  .extend({ skip: z.coerce.number().int().min(0).max(10_000_000).default(0), limit: z.coerce.number().int().min(1).max(200).default(25) })
  .superRefine(searchChecks);
export type OrderSearch = z.output<typeof orderSearchSchema>;
export type OrderSearchFilters = Omit<OrderSearch, 'skip' | 'limit'>;

export const exportKinds = ['orders', 'lines', 'payments'] as const;
export type ExportKind = (typeof exportKinds)[number];
/** The CSV export: what to export and the search's filters (all of the range, streamed: no paging). */
export const orderExportSchema = orderSearchFields
  .extend({ kind: z.enum(exportKinds, { message: 'Export orders, lines or payments' }) })
  .superRefine(searchChecks);
export type OrderExport = z.output<typeof orderExportSchema>;

/** The business day of a shift history (`/api/v1/shifts/days/{date}`): a real calendar day, YYYY-MM-DD. */
export const shiftDaySchema = z.object({ date: z.string().refine((v) => dayParam(v) === v, 'Use a calendar day, YYYY-MM-DD') });

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
// What a drawer holds sums many sales: not bounded by one price's limit (shifts store it as int8).
export const closeShiftSchema = z.object({
  countedCash: z.number({ message: 'Enter the cash counted' }).int('Use whole minor units').min(0, 'Cannot be negative').max(Number.MAX_SAFE_INTEGER),
});

/**
 * An offline sale the server refused for good, as the register that made it reports it (docs/offline.md
 * › Needs attention). `saleKey` is the Idempotency-Key the checkout was sent with: reporting it again is
 * the same report. `sale` is the checkout body exactly as it was sent.
 */
export const reportRefusedSaleSchema = z.object({
  saleKey: z.string().trim().min(1).max(200),
  provisional: z.string().trim().min(1).max(40),
  device: z.string().trim().min(1).max(20),
  registerName: z.string().trim().max(40).nullable().default(null),
  cashierId: id.nullable().default(null),
  cashierName: z.string().trim().max(80).nullable().default(null),
  sale: z.looseObject({
    lines: z.array(z.looseObject({ variantId: id, quantity: z.number().int().min(1).max(10_000) })).min(1).max(300),
    shiftId: id.nullable().optional(),
  }),
  total: money('the total'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'An ISO 4217 currency code'),
  cashTendered: money('the cash received'),
  placedAt: z.iso.datetime({ offset: true, message: 'Use an ISO 8601 time with its offset' }).transform((v) => new Date(v)),
  error: z.object({
    status: z.number().int().min(400).max(499),
    code: z.string().trim().min(1).max(60),
    message: z.string().trim().min(1).max(500),
  }),
});
export type ReportRefusedSaleInput = z.output<typeof reportRefusedSaleSchema>;

/** Which reported sales to list: `open` (default), `resolved` or `all`; `keys`: only these sales (the device asking after its own). */
export const listRefusedSalesQuerySchema = z.strictObject({
  status: z.enum(['open', 'resolved', 'all']).default('open'),
  keys: z
    .string()
    .max(20_000)
    .transform((v) => v.split(',').map((k) => k.trim()).filter(Boolean))
    .pipe(z.array(z.string().max(200)).max(100))
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export type ListRefusedSalesQuery = z.output<typeof listRefusedSalesQuerySchema>;

/**
 * A manager's answer to a refused sale: re-rung as a normal sale now, into the open shift of the
 * register doing it (`shiftId`; priced as today, paid in cash — the cash was taken when it was sold),
 * or written off with the reason.
 */
export const resolveRefusedSaleSchema = z.discriminatedUnion(
  'resolution',
  [
    z.object({ resolution: z.literal('rerung'), shiftId: z.uuid({ message: 'Open a shift on this register first' }) }),
    z.object({ resolution: z.literal('written_off'), reason: z.string().trim().min(3, 'Say why (at least 3 characters)').max(200, 'Use at most 200 characters') }),
  ],
  { message: 'Choose re-ring or write off' },
);
export type ResolveRefusedSaleInput = z.output<typeof resolveRefusedSaleSchema>;
