import { z } from 'zod';
import { issueWords } from '@/lib/platform/issue-words';

const id = z.uuid();
const note = z.string().trim().max(500).nullable().default(null);
const wholeNumber = () => z.number({ message: 'Enter a whole number' });
const quantity = wholeNumber().int('Use whole units').min(1, 'Use 1 or more').max(1_000_000);
/** What one unit cost, in minor units before tax (null: not known); the catalog's limit for amounts. */
const unitCost = z
  .number({ message: 'Enter a cost in minor units' })
  .int('Use whole minor units')
  .min(0, 'A cost cannot be negative')
  .max(1_000_000_000, 'That amount is too large')
  .nullable();

export const locationInputSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name').max(80),
  address: z.string().trim().max(300).nullable().default(null),
});
export type LocationInput = z.output<typeof locationInputSchema>;

/** Lines with the same item twice are a typo, not a wish: refuse them. */
const distinctItems = <T extends { variantId: string }>(lines: T[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  lines.forEach((l, i) => {
    if (seen.has(l.variantId)) ctx.addIssue({ code: 'custom', path: ['lines', i, 'variantId'], message: 'This item is listed twice', params: issueWords('listedTwice') });
    seen.add(l.variantId);
  });
};

export const receiptInputSchema = z
  .object({
    locationId: id,
    supplier: z.string().trim().max(120).nullable().default(null),
    note,
    lines: z.array(z.object({ variantId: id, quantity, unitCost: unitCost.optional() })).min(1, 'Add at least one item').max(1000),
  })
  .superRefine((v, ctx) => distinctItems(v.lines, ctx));
export type ReceiptInput = z.output<typeof receiptInputSchema>;

export const adjustmentReasons = ['damage', 'theft', 'expired', 'correction', 'other'] as const;

export const adjustmentInputSchema = z
  .object({
    locationId: id,
    reason: z.enum(adjustmentReasons, { message: 'Choose damage, theft, expired, correction or other' }),
    note,
    lines: z
      .array(
        z.object({
          variantId: id,
          /** Signed change: -3 for three broken cups, +1 for one found. */
          delta: wholeNumber().int('Use whole units').min(-1_000_000).max(1_000_000).refine((d) => d !== 0, { message: 'A change of 0 changes nothing', params: issueWords('zeroChange') }),
        }),
      )
      .min(1, 'Add at least one item')
      .max(1000),
  })
  .superRefine((v, ctx) => {
    distinctItems(v.lines, ctx);
    if (v.reason === 'other' && !v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'Say what happened', params: issueWords('sayWhat') });
  });
export type AdjustmentInput = z.output<typeof adjustmentInputSchema>;

export const countInputSchema = z
  .object({
    locationId: id,
    note,
    /** true: only report the differences (preview before applying). */
    dryRun: z.boolean().default(false),
    lines: z
      .array(z.object({ variantId: id, counted: wholeNumber().int('Use whole units').min(0, 'A count cannot be negative').max(1_000_000) }))
      .min(1, 'Count at least one item')
      .max(5000),
  })
  .superRefine((v, ctx) => distinctItems(v.lines, ctx));
export type CountInput = z.output<typeof countInputSchema>;

export const transferInputSchema = z
  .object({
    fromLocationId: id,
    toLocationId: id,
    note,
    lines: z.array(z.object({ variantId: id, quantity })).min(1, 'Add at least one item').max(1000),
  })
  .superRefine((v, ctx) => {
    distinctItems(v.lines, ctx);
    if (v.fromLocationId === v.toLocationId) ctx.addIssue({ code: 'custom', path: ['toLocationId'], message: 'Choose a different location', params: issueWords('otherLocation') });
  });
export type TransferInput = z.output<typeof transferInputSchema>;

export const thresholdInputSchema = z.object({
  locationId: id,
  variantId: id,
  lowStockThreshold: wholeNumber().int('Use whole units').min(0, 'Use 0 or more').max(1_000_000).nullable(),
});
export type ThresholdInput = z.output<typeof thresholdInputSchema>;

const page = {
  skip: z.coerce.number().int().min(0, 'skip must be 0 or more').default(0),
  limit: z.coerce.number().int().min(1, 'limit must be 1 or more').max(500, 'limit must be at most 500').default(100),
};

export const levelsQuerySchema = z.object({
  location: id.optional(),
  lowStock: z.enum(['true', 'false']).transform((v) => v === 'true').default(false),
  variant: id.optional(),
  ...page,
});
export type LevelsQuery = z.output<typeof levelsQuerySchema>;

export const ledgerQuerySchema = z.object({ variant: id.optional(), location: id.optional(), ...page });
export type LedgerQuery = z.output<typeof ledgerQuerySchema>;

const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null).transform((v) => v || null);

/** A supplier: who the store buys from (docs/purchasing.md). */
export const supplierInputSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name').max(120),
  contact: optionalText(120),
  email: z
    .union([z.literal(''), z.email('Enter an email address').max(254)])
    .nullable()
    .default(null)
    .transform((v) => v || null),
  phone: optionalText(40),
  note: optionalText(1000),
});
export type SupplierInput = z.output<typeof supplierInputSchema>;

/** A purchase order drafted by hand: what to buy, for where, from whom, at what unit cost. */
export const purchaseOrderInputSchema = z
  .object({
    locationId: id,
    supplierId: id.nullable().default(null),
    note,
    lines: z.array(z.object({ variantId: id, quantity, unitCost: unitCost.default(null) })).min(1, 'Add at least one item').max(500),
  })
  .superRefine((v, ctx) => distinctItems(v.lines, ctx));
export type PurchaseOrderInput = z.output<typeof purchaseOrderInputSchema>;

/**
 * What arrived of a purchase order: some lines or quantities (the rest stays open), or —
 * without `lines` — everything still open. A unit cost given here replaces the ordered one.
 */
export const purchaseOrderReceiptSchema = z
  .object({
    note,
    lines: z
      .array(z.object({ variantId: id, quantity, unitCost: unitCost.optional() }))
      .min(1, 'Receive at least one item')
      .max(500)
      .optional(),
  })
  .superRefine((v, ctx) => v.lines && distinctItems(v.lines, ctx));
export type PurchaseOrderReceipt = z.output<typeof purchaseOrderReceiptSchema>;

/** A state change that carries nothing (send, cancel): an empty JSON object. */
export const emptyBodySchema = z.object({}).strict();
