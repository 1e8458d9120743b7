import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { categories, modifierGroups, products, productVariants, taxClasses, variantBarcodes } from '@/db/schema/catalog';
import { withTenant, type Tx } from '@/lib/platform/db';
import { AppError, duplicateName, pgErrorCode } from '@/lib/platform/errors';
import type {
  CatalogRepository,
  Category,
  ImportedProduct,
  ModifierGroup,
  Product,
  ReferenceStore,
  TaxClass,
  Variant,
  VariantRef,
} from './repository';
import type { CategoryInput, ModifierGroupInput, ProductInput, TaxClassInput } from './schemas';
import { chunks, clashError, escapeLike, withModifierOptionIds, yieldToEventLoop, type Clash } from './shared';

type ProductRow = typeof products.$inferSelect;

/** Loads variants and barcodes of `rows` and assembles products in the rows' order. */
async function hydrate(tx: Tx, rows: ProductRow[]): Promise<Product[]> {
  if (rows.length === 0) return [];
  const variantRows = await tx
    .select()
    .from(productVariants)
    .where(inArray(productVariants.productId, rows.map((r) => r.id)))
    .orderBy(asc(productVariants.position), asc(productVariants.createdAt));
  const barcodeRows = variantRows.length
    ? await tx.select().from(variantBarcodes).where(inArray(variantBarcodes.variantId, variantRows.map((v) => v.id)))
    : [];
  const barcodesOf = new Map<string, string[]>();
  for (const b of barcodeRows) barcodesOf.set(b.variantId, [...(barcodesOf.get(b.variantId) ?? []), b.barcode]);
  const variantsOf = new Map<string, Variant[]>();
  for (const v of variantRows) {
    const variant = { id: v.id, name: v.name, sku: v.sku, barcodes: (barcodesOf.get(v.id) ?? []).sort(), price: v.price };
    variantsOf.set(v.productId, [...(variantsOf.get(v.productId) ?? []), variant]);
  }
  return rows.map(({ tenantId: _tenant, ...r }) => ({ ...r, variants: variantsOf.get(r.id) ?? [] }));
}

/** SKUs and barcodes of `input` already used by a product other than `ownProductIds`. */
async function findClashes(tx: Tx, items: ProductInput[], ownProductIds: string[]): Promise<Clash[]> {
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

const productColumns = (tenantId: string, p: ProductInput) => ({
  tenantId,
  name: p.name,
  description: p.description,
  categoryId: p.categoryId,
  taxClassId: p.taxClassId,
  photoUrl: p.photoUrl,
  status: p.status,
  trackStock: p.trackStock,
  allowNegativeStock: p.allowNegativeStock,
  attributes: p.attributes,
  modifierGroupIds: p.modifierGroupIds,
});

/** Inserts variants (and their barcodes) of the given products in a few statements. */
async function insertVariants(tx: Tx, tenantId: string, items: { productId: string; variants: ProductInput['variants'] }[]): Promise<void> {
  const variants = items.flatMap(({ productId, variants }) =>
    variants.map((v, position) => ({ tenantId, id: v.id ?? crypto.randomUUID(), productId, name: v.name, sku: v.sku, price: v.price, position, barcodes: v.barcodes })),
  );
  for (const chunk of chunks(variants, 2000)) {
    await tx.insert(productVariants).values(chunk.map(({ barcodes: _b, ...v }) => v));
  }
  const barcodes = variants.flatMap((v) => v.barcodes.map((barcode) => ({ tenantId, barcode, variantId: v.id })));
  for (const chunk of chunks(barcodes, 5000)) await tx.insert(variantBarcodes).values(chunk);
}

async function replaceProduct(tx: Tx, tenantId: string, id: string, input: ProductInput): Promise<boolean> {
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
        .set({ name: v.name, sku: v.sku, price: v.price, position, updatedAt: new Date() })
        .where(eq(productVariants.id, v.id));
    }
  }
  const added = input.variants.map((v, position) => ({ v, position })).filter(({ v }) => !(v.id && kept.includes(v.id)));
  if (added.length) {
    await tx.insert(productVariants).values(
      added.map(({ v, position }) => ({ tenantId, id: crypto.randomUUID(), productId: id, name: v.name, sku: v.sku, price: v.price, position })),
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
async function withClashBackstop<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (pgErrorCode(err) === '23505') throw new AppError('conflict', 'A SKU or barcode of this product is already used by another product');
    if (pgErrorCode(err) === '23503') throw new AppError('unprocessable', 'The category or tax class does not exist');
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
  categoryId: products.categoryId,
  taxClassId: products.taxClassId,
  trackStock: products.trackStock,
  allowNegativeStock: products.allowNegativeStock,
  status: products.status,
};

async function variantRefs(tx: Tx, where: SQL): Promise<VariantRef[]> {
  const rows = await tx
    .select(variantRefColumns)
    .from(productVariants)
    .innerJoin(products, and(eq(products.tenantId, productVariants.tenantId), eq(products.id, productVariants.productId)))
    .where(where);
  if (rows.length === 0) return [];
  const barcodes = await tx
    .select()
    .from(variantBarcodes)
    .where(inArray(variantBarcodes.variantId, rows.map((r) => r.variantId)));
  return rows.map((r) => ({ ...r, barcodes: barcodes.filter((b) => b.variantId === r.variantId).map((b) => b.barcode).sort() }));
}

function referenceStore<T extends { id: string }, Input>(
  table: typeof categories | typeof taxClasses | typeof modifierGroups,
  columns: Record<string, unknown>,
  orderBy: SQL[],
  unlink: (tx: Tx, id: string) => Promise<void>,
  what: string,
): ReferenceStore<T, Input> {
  const t = table as typeof categories;
  const select = (tx: Tx) => tx.select(columns as never).from(t);
  const duplicate = duplicateName(what);
  const write = (tx: Tx, id: string, input: Input) =>
    tx.update(t).set({ ...(input as object), updatedAt: new Date() } as never).where(eq(t.id, id)).returning(columns as never) as unknown as Promise<T[]>;
  return {
    list: (tenantId) => withTenant(tenantId, (tx) => select(tx).orderBy(...orderBy) as unknown as Promise<T[]>),
    page: (tenantId, { skip, limit }) =>
      withTenant(tenantId, async (tx) => {
        const [{ total }] = (await tx.select({ total: sql<number>`count(*)::int` }).from(t)) as [{ total: number }];
        const data = (await select(tx).orderBy(...orderBy).offset(skip).limit(limit)) as unknown as T[];
        return { data, total, skip, limit };
      }),
    async get(tenantId, id) {
      const [row] = (await withTenant(tenantId, (tx) => select(tx).where(eq(t.id, id)))) as T[];
      return row ?? null;
    },
    async create(tenantId, input) {
      const rows = await withTenant(tenantId, (tx) =>
        tx.insert(t).values({ tenantId, ...(input as object) } as never).returning(columns as never),
      ).catch(duplicate);
      return (rows as unknown as T[])[0]!;
    },
    async update(tenantId, id, input) {
      const rows = await withTenant(tenantId, (tx) => write(tx, id, input)).catch(duplicate);
      return rows[0] ?? null;
    },
    patch: (tenantId, id, merge) =>
      withTenant(tenantId, async (tx) => {
        // Locked from the read to the write: a concurrent change waits instead of being lost.
        const [current] = (await select(tx).where(eq(t.id, id)).for('update')) as T[];
        if (!current) return null;
        return (await write(tx, id, merge(current)))[0]!;
      }).catch(duplicate),
    delete: (tenantId, id) =>
      withTenant(tenantId, async (tx) => {
        await unlink(tx, id);
        const rows = await tx.delete(t).where(eq(t.id, id)).returning({ id: t.id });
        return rows.length > 0;
      }),
  };
}

export function postgresCatalogRepository(): CatalogRepository {
  return {
    kind: 'postgres',

    listProducts: (tenantId, q) =>
      withTenant(tenantId, async (tx) => {
        const filters: SQL[] = [];
        if (q.status !== 'all') filters.push(eq(products.status, q.status));
        if (q.categoryId) filters.push(eq(products.categoryId, q.categoryId));
        if (q.search) {
          const term = escapeLike(q.search);
          filters.push(
            or(
              ilike(products.name, `%${term}%`),
              sql`exists (select 1 from ${productVariants} v where v.tenant_id = ${products.tenantId} and v.product_id = ${products.id} and v.sku ilike ${`${term}%`})`,
              sql`exists (select 1 from ${variantBarcodes} b join ${productVariants} v on v.tenant_id = b.tenant_id and v.id = b.variant_id
                          where v.product_id = ${products.id} and b.barcode = ${q.search})`,
            )!,
          );
        }
        const where = filters.length ? and(...filters) : undefined;
        const [{ total }] = (await tx.select({ total: sql<number>`count(*)::int` }).from(products).where(where)) as [{ total: number }];
        const rows = await tx.select().from(products).where(where).orderBy(asc(products.name), asc(products.id)).offset(q.skip).limit(q.limit);
        return { data: await hydrate(tx, rows), total, skip: q.skip, limit: q.limit };
      }),

    getProduct: (tenantId, id) =>
      withTenant(tenantId, async (tx) => {
        const rows = await tx.select().from(products).where(eq(products.id, id));
        return (await hydrate(tx, rows))[0] ?? null;
      }),

    getProducts: async (tenantId, ids) =>
      ids.length === 0 ? [] : withTenant(tenantId, async (tx) => hydrate(tx, await tx.select().from(products).where(inArray(products.id, ids)))),

    createProduct: (tenantId, input) =>
      withClashBackstop(() =>
        withTenant(tenantId, async (tx) => {
          const clashes = await findClashes(tx, [input], []);
          if (clashes.length) throw clashError(clashes);
          const id = crypto.randomUUID();
          await tx.insert(products).values({ id, ...productColumns(tenantId, input) });
          // A new product gets new variant ids: a client-sent id could adopt another variant's stock history.
          await insertVariants(tx, tenantId, [{ productId: id, variants: input.variants.map(({ id: _id, ...v }) => v) }]);
          return (await hydrate(tx, await tx.select().from(products).where(eq(products.id, id))))[0]!;
        }),
      ),

    updateProduct: (tenantId, id, input) =>
      withClashBackstop(() =>
        withTenant(tenantId, async (tx) => {
          const clashes = await findClashes(tx, [input], [id]);
          if (clashes.length) throw clashError(clashes);
          if (!(await replaceProduct(tx, tenantId, id, input))) return null;
          return (await hydrate(tx, await tx.select().from(products).where(eq(products.id, id))))[0]!;
        }),
      ),

    allProducts: (tenantId) =>
      withTenant(tenantId, async (tx) => hydrate(tx, await tx.select().from(products).orderBy(asc(products.name), asc(products.id)))),

    getVariants: async (tenantId, ids) =>
      ids.length === 0 ? [] : withTenant(tenantId, (tx) => variantRefs(tx, inArray(productVariants.id, ids))),

    findVariantBySku: async (tenantId, sku) =>
      (await withTenant(tenantId, (tx) => variantRefs(tx, eq(productVariants.sku, sku))))[0] ?? null,

    findVariantByBarcode: async (tenantId, barcode) =>
      (await withTenant(tenantId, (tx) =>
        variantRefs(tx, sql`${productVariants.id} = (select variant_id from ${variantBarcodes} where barcode = ${barcode})`),
      ))[0] ?? null,

    importProducts: (tenantId, items: ImportedProduct[], onProgress) =>
      withClashBackstop(() =>
        withTenant(tenantId, async (tx) => {
          const updates = items.filter((p) => p.id);
          const creates = items.filter((p) => !p.id);
          const clashes = await findClashes(tx, items, updates.map((p) => p.id!));
          if (clashes.length) throw clashError(clashes);
          let done = 0;
          for (const p of updates) {
            if (!(await replaceProduct(tx, tenantId, p.id!, p))) throw new AppError('not_found', `Product ${p.id} no longer exists`);
            onProgress?.(++done);
            if (done % 200 === 0) await yieldToEventLoop();
          }
          for (const chunk of chunks(creates, 1000)) {
            const ids = chunk.map(() => crypto.randomUUID());
            await tx.insert(products).values(chunk.map((p, i) => ({ id: ids[i]!, ...productColumns(tenantId, p) })));
            await insertVariants(tx, tenantId, chunk.map((p, i) => ({ productId: ids[i]!, variants: p.variants.map(({ id: _id, ...v }) => v) })));
            done += chunk.length;
            onProgress?.(done);
            await yieldToEventLoop();
          }
          return { created: creates.length, updated: updates.length };
        }),
      ),

    categories: referenceStore<Category, CategoryInput>(
      categories,
      { id: categories.id, name: categories.name, position: categories.position, color: categories.color },
      [asc(categories.position), asc(categories.name)],
      async (tx, id) => {
        await tx.update(products).set({ categoryId: null }).where(eq(products.categoryId, id));
      },
      'category',
    ),
    taxClasses: referenceStore<TaxClass, TaxClassInput>(
      taxClasses,
      { id: taxClasses.id, name: taxClasses.name, rateBasisPoints: taxClasses.rateBasisPoints },
      [asc(taxClasses.name)],
      async (tx, id) => {
        await tx.update(products).set({ taxClassId: null }).where(eq(products.taxClassId, id));
      },
      'tax class',
    ),
    modifierGroups: withOptionIds(
      referenceStore<ModifierGroup, ModifierGroupInput>(
        modifierGroups,
        { id: modifierGroups.id, name: modifierGroups.name, minSelect: modifierGroups.minSelect, maxSelect: modifierGroups.maxSelect, options: modifierGroups.options },
        [asc(modifierGroups.name)],
        async (tx, id) => {
          await tx
            .update(products)
            .set({ modifierGroupIds: sql`array_remove(${products.modifierGroupIds}, ${id}::uuid)` })
            .where(sql`${id}::uuid = any(${products.modifierGroupIds})`);
        },
        'modifier group',
      ),
    ),
  };
}

/** Modifier options get stable ids on write (an order line refers to the option it chose). */
function withOptionIds(store: ReferenceStore<ModifierGroup, ModifierGroupInput>): ReferenceStore<ModifierGroup, ModifierGroupInput> {
  return {
    ...store,
    create: (tenantId, input) => store.create(tenantId, withModifierOptionIds(input)),
    update: (tenantId, id, input) => store.update(tenantId, id, withModifierOptionIds(input)),
    patch: (tenantId, id, merge) => store.patch(tenantId, id, (current) => withModifierOptionIds(merge(current))),
  };
}
