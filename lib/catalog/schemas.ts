import { z } from 'zod';
import { patchSchema } from '@/lib/platform/validation';
import { issueWords } from '@/lib/platform/issue-words';

/**
 * Catalog input, shared by route handlers, server actions, CSV import and both repository
 * adapters. Everything that can reach MongoDB is a validated scalar here: attribute keys may
 * not start with `$` or contain `.`, so no input can become a query operator or a path.
 */
/** Our own uploaded photos' addresses: `/api/v1/photos/<content hash>/<width>` (lib/catalog/photos.ts). */
export const PHOTO_PATH = /^\/api\/v1\/photos\/([a-f0-9]{32})\/(160|480|1024)$/;

export const MAX_PRICE = 1_000_000_000; // minor units; fits an int4 column with room to add

const moneySchema = z
  .number({ message: 'Enter an amount in minor units' })
  .int('Use whole minor units')
  .min(0, 'A price cannot be negative')
  .max(MAX_PRICE, 'That amount is too large');
const skuSchema = z
  .string()
  .trim()
  .min(1, 'Enter a SKU')
  .max(64, 'Use at most 64 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, 'Use letters, digits, ".", "_", "-" or "/"');
const barcodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{4,64}$/, 'A barcode is 4–64 letters, digits or "-"');
const nameSchema = (max = 120) => z.string().trim().min(1, 'Enter a name').max(max, `Use at most ${max} characters`);
const id = z.uuid();

export const attributeKeySchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9 _-]*$/, 'Attribute names start with a letter and use letters, digits, spaces, "_" or "-"');
const attributeValueSchema = z.union([
  z.string().max(500),
  z.number().finite(),
  z.boolean(),
  z.array(z.string().max(100)).max(50),
]);
/** Keys are checked one by one so each bad name keeps its own message (zod's record says only "Invalid key"). */
const attributesSchema = z.record(z.string(), attributeValueSchema).superRefine((attributes, ctx) => {
  const keys = Object.keys(attributes);
  if (keys.length > 50) ctx.addIssue({ code: 'custom', message: 'Use at most 50 attributes' });
  for (const key of keys) {
    const checked = attributeKeySchema.safeParse(key);
    if (!checked.success) ctx.addIssue({ code: 'custom', path: [key], message: checked.error.issues[0]!.message });
  }
});

const variantInputSchema = z.object({
  /** Present when updating an existing variant (keeps its id, and so its stock). */
  id: id.optional(),
  name: nameSchema(80).default('Default'),
  sku: skuSchema,
  barcodes: z.array(barcodeSchema).max(10).default([]),
  price: moneySchema,
  /**
   * What one unit costs the store, before tax (null: not known). Left out, an existing variant
   * keeps its cost (receiving stock moves it: docs/purchasing.md), a new one has none.
   */
  cost: moneySchema.nullable().optional(),
});

const productFields = {
  name: nameSchema(),
  altName: z.string().trim().max(120, 'Use at most 120 characters').nullable().default(null).transform((v) => v || null),
  description: z.string().trim().max(2000).nullable().default(null),
  categoryId: id.nullable().default(null),
  taxClassId: id.nullable().default(null),
  // An http(s) address, or one of our own uploaded photos (lib/catalog/photos.ts).
  photoUrl: z
    .union([z.string().regex(PHOTO_PATH), z.url({ protocol: /^https?$/, message: 'Enter an http(s) address' }).max(2000)], 'Enter an http(s) address')
    .nullable()
    .default(null),
  status: z.enum(['active', 'archived']).default('active'),
  trackStock: z.boolean().default(true),
  allowNegativeStock: z.boolean().default(false),
  /** The price is typed in at the sale; the variants' prices are what the register suggests. */
  openPrice: z.boolean().default(false),
  attributes: attributesSchema.default({}),
  modifierGroupIds: z.array(id).max(20).default([]),
  variants: z.array(variantInputSchema).min(1, 'A product needs at least one variant').max(100),
};

function uniqueWithinProduct(p: { variants: { id?: string; sku: string; barcodes: string[] }[] }, ctx: z.RefinementCtx) {
  const seen = new Map<string, string>();
  p.variants.forEach((v, i) => {
    const claims: [string, string][] = [
      [`sku:${v.sku.toLowerCase()}`, `variants.${i}.sku`],
      ...v.barcodes.map((b, j) => [`barcode:${b}`, `variants.${i}.barcodes.${j}`] as [string, string]),
      ...(v.id ? [[`id:${v.id}`, `variants.${i}.id`] as [string, string]] : []),
    ];
    for (const [key, path] of claims) {
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)), message: 'Used twice in this product', params: issueWords('usedTwice') });
      else seen.set(key, path);
    }
  });
}

export const productInputSchema = z.object(productFields).superRefine(uniqueWithinProduct);
export type ProductInput = z.output<typeof productInputSchema>;

/** PATCH: any subset of fields; `variants`, when sent, replaces the list (ids keep variants). */
export const productPatchSchema = patchSchema(z.object(productFields));
export type ProductPatch = z.output<typeof productPatchSchema>;

const pageFields = {
  skip: z.coerce.number().int().min(0, 'skip must be 0 or more').default(0),
  limit: z.coerce.number().int().min(1, 'limit must be 1 or more').max(200, 'limit must be at most 200').default(50),
};

export const productListQuerySchema = z.object({
  search: z.string().trim().max(100).optional(),
  categoryId: id.optional(),
  status: z.enum(['active', 'archived', 'all']).default('active'),
  ...pageFields,
});
export type ProductListQuery = z.output<typeof productListQuerySchema>;

export const listQuerySchema = z.object(pageFields);
export type ListQuery = z.output<typeof listQuerySchema>;

export const categoryInputSchema = z.object({
  name: nameSchema(60),
  position: z.number().int().min(0).max(10_000).default(0),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #1f9d5c')
    .nullable()
    .default(null),
  /**
   * Whether new products in it track stock (the product form's default): false for made-to-order
   * food and drinks, true for packaged goods; null follows the store's default (a tenant setting).
   */
  tracksStock: z.boolean({ message: 'Choose yes, no or the store default' }).nullable().default(null),
});
export type CategoryInput = z.output<typeof categoryInputSchema>;

export const taxClassInputSchema = z.object({
  name: nameSchema(60),
  rateBasisPoints: z.number().int().min(0, 'A rate cannot be negative').max(10_000, 'A rate is at most 100 %'),
});
export type TaxClassInput = z.output<typeof taxClassInputSchema>;

export const discountKinds = ['percent', 'amount'] as const;
export const discountPlaces = ['any', 'line', 'order'] as const;

/**
 * A saved discount: a percentage (basis points) or an amount off, offered on lines, on the
 * whole order or both; `needsApproval` asks for a manager's PIN on every use.
 */
export const savedDiscountInputSchema = z
  .object({
    name: nameSchema(60),
    kind: z.enum(discountKinds, { message: 'Choose percent or amount' }),
    basisPoints: z.number().int().min(1, 'Enter a percentage').max(10_000, 'At most 100 %').nullable().default(null),
    amount: moneySchema.min(1, 'Enter an amount').nullable().default(null),
    appliesTo: z.enum(discountPlaces, { message: 'Choose lines, the order or both' }).default('any'),
    needsApproval: z.boolean().default(false),
  })
  .superRefine((d, ctx) => {
    if (d.kind === 'percent' && d.basisPoints === null) ctx.addIssue({ code: 'custom', path: ['basisPoints'], message: 'Enter a percentage', params: issueWords('percentageOff') });
    if (d.kind === 'amount' && d.amount === null) ctx.addIssue({ code: 'custom', path: ['amount'], message: 'Enter an amount', params: issueWords('amount') });
    // Exactly one value is stored: a PATCH changing the kind clears the other.
    if (d.kind === 'percent' && d.amount !== null) ctx.addIssue({ code: 'custom', path: ['amount'], message: 'A percentage discount has no amount (send null)' });
    if (d.kind === 'amount' && d.basisPoints !== null) ctx.addIssue({ code: 'custom', path: ['basisPoints'], message: 'An amount discount has no percentage (send null)' });
  });
export type SavedDiscountInput = z.output<typeof savedDiscountInputSchema>;

const modifierOptionSchema = z.object({
  id: id.optional(),
  name: nameSchema(60),
  /** Added to the line price, in minor units (negative for "no cheese"). */
  priceDelta: z.number().int().min(-MAX_PRICE).max(MAX_PRICE).default(0),
});

export const modifierGroupInputSchema = z
  .object({
    name: nameSchema(60),
    minSelect: z.number().int().min(0).max(50).default(0),
    maxSelect: z.number().int().min(1).max(50).default(1),
    options: z.array(modifierOptionSchema).min(1, 'Add at least one option').max(50),
  })
  .superRefine((g, ctx) => {
    if (g.maxSelect < g.minSelect) ctx.addIssue({ code: 'custom', path: ['maxSelect'], message: 'Must be at least the minimum', params: issueWords('notBelowMinimum') });
    if (g.minSelect > g.options.length) ctx.addIssue({ code: 'custom', path: ['minSelect'], message: 'More than there are options', params: issueWords('moreThanOptions') });
  });
export type ModifierGroupInput = z.output<typeof modifierGroupInputSchema>;
