import { and, asc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import { products, productVariants, variantBarcodes } from '@/db/schema/catalog';
import type { Tx } from '@/lib/platform/db';
import { AppError, pgErrorCode } from '@/lib/platform/errors';
import type { Product, Variant, VariantRef } from '../repository';
import type { ProductInput } from '../schemas';
import { chunks, type Clash } from '../shared';

/** Product rows: products, their variants and barcodes, as the product writes and the import share them. */

type ProductRow = typeof products.$inferSelect;

/** A variant's barcodes in the statement that reads the variant, in byte order (as JS sorts them). */
const barcodesOfVariant = sql<string[]>`array(select ${variantBarcodes.barcode} from ${variantBarcodes} where ${variantBarcodes.variantId} = ${productVariants.id} order by ${variantBarcodes.barcode} collate "C")`;

/**
 * Loads variants (each with its barcodes, gathered in the same statement) of `rows` and
 * assembles products in the rows' order. One statement, not two: the register reads every
 * active product on each page load (docs/performance.md).
 */
export async function hydrate(tx: Tx, rows: ProductRow[]): Promise<Product[]> {
  if (rows.length === 0) return [];
  const variantRows = await tx
    .select({
      ...getTableColumns(productVariants),
      barcodes: barcodesOfVariant,
    })
    .from(productVariants)
    .where(inArray(productVariants.productId, rows.map((r) => r.id)))
    .orderBy(asc(productVariants.position), asc(productVariants.createdAt));
  const variantsOf = new Map<string, Variant[]>();
  for (const v of variantRows) {
    const variant = { id: v.id, name: v.name, sku: v.sku, barcodes: v.barcodes, price: v.price, cost: v.cost };
    variantsOf.set(v.productId, [...(variantsOf.get(v.productId) ?? []), variant]);
  }
  return rows.map(({ tenantId: _tenant, ...r }) => ({ ...r, variants: variantsOf.get(r.id) ?? [] }));
}

/** SKUs and barcodes of `input` already used by a product other than `ownProductIds`. */
export async function findClashes(tx: Tx, items: ProductInput[], ownProductIds: string[]): Promise<Clash[]> {
  const skus = items.flatMap((p) => p.variants.map((v) => v.sku));
  const barcodes = items.flatMap((p) => p.variants.flatMap((v) => v.barcodes));
  const notOwn = (column: typeof productVariants.productId) => (ownProductIds.length ? sql`${column} not in ${ownProductIds}` : sql`true`);
  const clashes: Clash[] = [];
  for (const chunk of chunks(skus, 5000)) {
    const rows = await tx
      .select({ sku: productVariants.sku })
      .from(productVariants)
      .where(and(inArray(productVariants.sku, chunk), notOwn(productVariants.productId)));
    clashes.push(...rows.map((r) => ({ kind: 'sku' as const, value: r.sku })));
  }
  for (const chunk of chunks(barcodes, 5000)) {
    const rows = await tx
      .select({ barcode: variantBarcodes.barcode })
      .from(variantBarcodes)
      .innerJoin(productVariants, and(eq(productVariants.tenantId, variantBarcodes.tenantId), eq(productVariants.id, variantBarcodes.variantId)))
      .where(and(inArray(variantBarcodes.barcode, chunk), notOwn(productVariants.productId)));
    clashes.push(...rows.map((r) => ({ kind: 'barcode' as const, value: r.barcode })));
  }
  return clashes;
}

export const productColumns = (tenantId: string, p: ProductInput) => ({
  tenantId,
  name: p.name,
  altName: p.altName ?? null,
  description: p.description,
  categoryId: p.categoryId,
  taxClassId: p.taxClassId,
  photoUrl: p.photoUrl,
  status: p.status,
  trackStock: p.trackStock,
  allowNegativeStock: p.allowNegativeStock,
  openPrice: p.openPrice,
  attributes: p.attributes,
  modifierGroupIds: p.modifierGroupIds,
});

/** Inserts variants (and their barcodes) of the given products in a few statements. */
export async function insertVariants(tx: Tx, tenantId: string, items: { productId: string; variants: ProductInput['variants'] }[]): Promise<void> {
  const variants = items.flatMap(({ productId, variants }) =>
    variants.map((v, position) => ({ tenantId, id: v.id ?? crypto.randomUUID(), productId, name: v.name, sku: v.sku, price: v.price, cost: v.cost ?? null, position, barcodes: v.barcodes })),
  );
  for (const chunk of chunks(variants, 2000)) {
    await tx.insert(productVariants).values(chunk.map(({ barcodes: _b, ...v }) => v));
  }
  const barcodes = variants.flatMap((v) => v.barcodes.map((barcode) => ({ tenantId, barcode, variantId: v.id })));
  for (const chunk of chunks(barcodes, 5000)) await tx.insert(variantBarcodes).values(chunk);
}

export async function replaceProduct(tx: Tx, tenantId: string, id: string, input: ProductInput): Promise<boolean> {
  const [existing] = await tx.select({ id: products.id }).from(products).where(eq(products.id, id)).for('update');
  if (!existing) return false;
  await tx
    .update(products)
    .set({ ...productColumns(tenantId, input), updatedAt: new Date() })
    .where(eq(products.id, id));
  const current = await tx.select({ id: productVariants.id }).from(productVariants).where(eq(productVariants.productId, id));
  const currentIds = new Set(current.map((v) => v.id));
  const kept = input.variants.filter((v) => v.id && currentIds.has(v.id)).map((v) => v.id!);
  const removed = [...currentIds].filter((v) => !kept.includes(v));
  // Barcodes and SKUs move freely between this product's variants: clear, then rewrite.
  if (currentIds.size) await tx.delete(variantBarcodes).where(inArray(variantBarcodes.variantId, [...currentIds]));
  if (removed.length) await tx.delete(productVariants).where(inArray(productVariants.id, removed));
  // Park kept SKUs on unique placeholders first, so two variants can swap SKUs.
  for (const variantId of kept) {
    await tx.update(productVariants).set({ sku: `~${variantId}` }).where(eq(productVariants.id, variantId));
  }
  for (const [position, v] of input.variants.entries()) {
    if (v.id && kept.includes(v.id)) {
      await tx
        .update(productVariants)
        // A cost left out stays as it is (receiving stock keeps it current).
        .set({ name: v.name, sku: v.sku, price: v.price, ...(v.cost !== undefined && { cost: v.cost }), position, updatedAt: new Date() })
        .where(eq(productVariants.id, v.id));
    }
  }
  const added = input.variants.map((v, position) => ({ v, position })).filter(({ v }) => !(v.id && kept.includes(v.id)));
  if (added.length) {
    await tx.insert(productVariants).values(
      added.map(({ v, position }) => ({ tenantId, id: crypto.randomUUID(), productId: id, name: v.name, sku: v.sku, price: v.price, cost: v.cost ?? null, position })),
    );
  }
  const variantIdBySku = new Map(
    (await tx.select({ id: productVariants.id, sku: productVariants.sku }).from(productVariants).where(eq(productVariants.productId, id))).map(
      (v) => [v.sku, v.id],
    ),
  );
  const barcodes = input.variants.flatMap((v) => v.barcodes.map((barcode) => ({ tenantId, barcode, variantId: variantIdBySku.get(v.sku)! })));
  if (barcodes.length) await tx.insert(variantBarcodes).values(barcodes);
  return true;
}

/** Unique violations that slip past the pre-check (a concurrent writer) still read well. */
export async function withClashBackstop<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (pgErrorCode(err) === '23505') throw new AppError('conflict', 'A SKU or barcode of this product is already used by another product', undefined, { words: { key: 'skuTaken' } });
    if (pgErrorCode(err) === '23503') throw new AppError('unprocessable', 'The category or tax class does not exist', undefined, { words: { key: 'gone' } });
    throw err;
  }
}

const variantRefColumns = {
  variantId: productVariants.id,
  productId: productVariants.productId,
  productName: products.name,
  variantName: productVariants.name,
  sku: productVariants.sku,
  price: productVariants.price,
  cost: productVariants.cost,
  categoryId: products.categoryId,
  taxClassId: products.taxClassId,
  trackStock: products.trackStock,
  allowNegativeStock: products.allowNegativeStock,
  openPrice: products.openPrice,
  status: products.status,
  modifierGroupIds: products.modifierGroupIds,
};

export async function variantRefs(tx: Tx, where: SQL): Promise<VariantRef[]> {
  // The barcodes in the same statement (checkout looks variants up on every sale).
  return tx
    .select({ ...variantRefColumns, barcodes: barcodesOfVariant })
    .from(productVariants)
    .innerJoin(products, and(eq(products.tenantId, productVariants.tenantId), eq(products.id, productVariants.productId)))
    .where(where);
}
