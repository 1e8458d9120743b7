import type { ClientSession, Collection, Filter, UpdateFilter } from 'mongodb';
import { AppError } from '@/lib/platform/errors';
import type { Product, Variant, VariantRef } from '../repository';
import type { ProductInput } from '../schemas';
import { chunks, type Clash } from '../shared';
import { assertSafeInput, scoped, str } from './checks';
import type { ProductDoc } from './connection';

/** Product documents: how inputs become documents and documents products (writes and the import share them). */

/** The stored fields of a product input, picked one by one (nothing else of the input is written). */
function productFields(p: ProductInput) {
  return {
    name: str(p.name, 'name'),
    altName: p.altName ? str(p.altName, 'altName') : null,
    description: p.description ?? null,
    categoryId: p.categoryId ?? null,
    taxClassId: p.taxClassId ?? null,
    photoUrl: p.photoUrl ?? null,
    status: p.status,
    trackStock: p.trackStock,
    allowNegativeStock: p.allowNegativeStock,
    openPrice: p.openPrice ?? false,
    attributes: { ...(p.attributes ?? {}) },
    modifierGroupIds: [...(p.modifierGroupIds ?? [])],
  };
}

/**
 * Variants as stored: an input id naming one of `existingIds` keeps it (once — a repeated id
 * gets a new one), every other variant gets a new UUID. On create `existingIds` is empty, so
 * a client can never choose a variant id (stock and orders refer to variant ids).
 */
function variantsWithIds(input: ProductInput['variants'], existing: ReadonlyMap<string, Pick<Variant, 'cost'>>): Variant[] {
  const used = new Set<string>();
  return input.map((v) => {
    const id = v.id && existing.has(v.id) && !used.has(v.id) ? v.id : crypto.randomUUID();
    used.add(id);
    // A cost left out stays as it is (receiving stock keeps it current); a new variant has none.
    const cost = v.cost !== undefined ? v.cost : (existing.get(id)?.cost ?? null);
    return { id, name: v.name, sku: str(v.sku, 'sku'), barcodes: [...v.barcodes].sort(), price: v.price, cost };
  });
}

/** The `$set` of a product write: its fields, its variants and the index arrays derived from them. */
function productSet(p: ProductInput, variants: Variant[], now: Date) {
  const set = {
    ...productFields(p),
    variants,
    skus: variants.map((v) => v.sku),
    barcodes: variants.flatMap((v) => v.barcodes),
    updatedAt: now,
  };
  assertSafeInput(set, 'product');
  return set;
}

export function newProductDoc(tenantId: string, p: ProductInput, now: Date): ProductDoc {
  return { _id: crypto.randomUUID(), tenantId, ...productSet(p, variantsWithIds(p.variants, new Map()), now), createdAt: now, revision: 0 };
}

/** Documents written before costs existed have none. */
const costOf = (v: Partial<Pick<Variant, 'cost'>>): number | null => (typeof v.cost === 'number' ? v.cost : null);

export function toProduct(d: ProductDoc): Product {
  return {
    id: d._id,
    name: d.name,
    // Documents written before alternate names existed have none.
    altName: d.altName ?? null,
    description: d.description ?? null,
    categoryId: d.categoryId ?? null,
    taxClassId: d.taxClassId ?? null,
    photoUrl: d.photoUrl ?? null,
    status: d.status,
    trackStock: d.trackStock,
    allowNegativeStock: d.allowNegativeStock,
    // Documents written before open prices existed have none.
    openPrice: d.openPrice === true,
    attributes: d.attributes ?? {},
    modifierGroupIds: d.modifierGroupIds ?? [],
    variants: (d.variants ?? []).map((v) => ({ id: v.id, name: v.name, sku: v.sku, barcodes: [...(v.barcodes ?? [])].sort(), price: v.price, cost: costOf(v) })),
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

export function toVariantRef(d: ProductDoc, v: Variant): VariantRef {
  return {
    variantId: v.id,
    productId: d._id,
    productName: d.name,
    variantName: v.name,
    sku: v.sku,
    barcodes: [...(v.barcodes ?? [])].sort(),
    price: v.price,
    cost: costOf(v),
    categoryId: d.categoryId ?? null,
    taxClassId: d.taxClassId ?? null,
    trackStock: d.trackStock,
    allowNegativeStock: d.allowNegativeStock,
    // Documents written before open prices existed have none.
    openPrice: d.openPrice === true,
    status: d.status,
    modifierGroupIds: d.modifierGroupIds ?? [],
  };
}

/** Barcode lookups repeat the partial index's condition so the planner can use that index. */
export const hasBarcodes = { 'barcodes.0': { $exists: true } } as const;

/** SKUs and barcodes of `items` already used by a product other than `ownProductIds`. */
export async function findClashes(
  products: Collection<ProductDoc>,
  tenantId: string,
  items: ProductInput[],
  ownProductIds: string[],
  session?: ClientSession,
): Promise<Clash[]> {
  const skus = [...new Set(items.flatMap((p) => p.variants.map((v) => str(v.sku, 'sku'))))];
  const barcodes = [...new Set(items.flatMap((p) => p.variants.flatMap((v) => v.barcodes.map((b) => str(b, 'barcode')))))];
  const notOwn: Filter<ProductDoc> = ownProductIds.length ? { _id: { $nin: ownProductIds } } : {};
  const clashes: Clash[] = [];
  for (const chunk of chunks(skus, 5000)) {
    const wanted = new Set(chunk);
    const docs = await products
      .find(scoped<ProductDoc>(tenantId, { ...notOwn, skus: { $in: chunk } }), { session, projection: { skus: 1 } })
      .toArray();
    for (const d of docs) for (const sku of d.skus) if (wanted.has(sku)) clashes.push({ kind: 'sku', value: sku });
  }
  for (const chunk of chunks(barcodes, 5000)) {
    const wanted = new Set(chunk);
    const docs = await products
      .find(scoped<ProductDoc>(tenantId, { ...notOwn, ...hasBarcodes, barcodes: { $in: chunk } }), { session, projection: { barcodes: 1 } })
      .toArray();
    for (const d of docs) for (const b of d.barcodes) if (wanted.has(b)) clashes.push({ kind: 'barcode', value: b });
  }
  return clashes;
}

const MAX_UPDATE_ATTEMPTS = 5;

/**
 * Replaces product `id` with `input`, keeping the ids of variants that still exist. Optimistic:
 * the write only applies if the product is unchanged since its variants were read (else re-read).
 * Returns null when the product does not exist in this tenant.
 */
export async function replaceProduct(
  products: Collection<ProductDoc>,
  tenantId: string,
  id: string,
  input: ProductInput,
  session?: ClientSession,
): Promise<ProductDoc | null> {
  for (let attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt++) {
    const existing = await products.findOne(scoped<ProductDoc>(tenantId, { _id: id }), { session, projection: { variants: 1, revision: 1 } });
    if (!existing) return null;
    const variants = variantsWithIds(input.variants, new Map((existing.variants ?? []).map((v) => [v.id, { cost: costOf(v) }])));
    const now = new Date();
    const update: UpdateFilter<ProductDoc> = { $set: productSet(input, variants, now), $inc: { revision: 1 } };
    // `?? null`: a document written before revisions existed has none (null matches a missing
    // field); never undefined, which the client would drop from the filter.
    const written = await products.findOneAndUpdate(scoped<ProductDoc>(tenantId, { _id: id, revision: existing.revision ?? null }), update, {
      session,
      returnDocument: 'after',
    });
    if (written) return written;
  }
  throw new AppError('conflict', 'The product changed while it was being saved; try again', undefined, { words: { key: 'changedWhileSaving' } });
}
