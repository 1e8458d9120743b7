import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { modifierGroups, products, productVariants, taxClasses, variantBarcodes } from '@/db/schema/catalog';
import { withTenant, type Tx } from '@/lib/platform/db';
import type { CatalogRepository, ModifierGroup, ProductMethods } from '../repository';
import { weightedAverageCost } from '../costing';
import { clashError, escapeLike } from '../shared';
import { auditIn } from './audit';
import { modifierGroupColumns, taxClassColumns } from './reference-data';
import { findClashes, hydrate, insertVariants, productColumns, replaceProduct, variantRefs, withClashBackstop } from './product-rows';

/** `fn` in the caller's transaction `outer` when given, else in a tenant transaction of its own. */
const inTenant = <T>(tenantId: string, outer: Tx | undefined, fn: (tx: Tx) => Promise<T>): Promise<T> => (outer ? fn(outer) : withTenant(tenantId, fn));

/** Reading and writing single products, and the variant lookups of stock and checkout. */
export function postgresProducts(): ProductMethods {
  return {
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
              ilike(products.altName, `%${term}%`),
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

    createProduct: (tenantId, input, audit, outer) =>
      withClashBackstop(() =>
        inTenant(tenantId, outer, async (tx) => {
          const clashes = await findClashes(tx, [input], []);
          if (clashes.length) throw clashError(clashes);
          const id = crypto.randomUUID();
          await tx.insert(products).values({ id, ...productColumns(tenantId, input) });
          // A new product gets new variant ids: a client-sent id could adopt another variant's stock history.
          await insertVariants(tx, tenantId, [{ productId: id, variants: input.variants.map(({ id: _id, ...v }) => v) }]);
          const product = (await hydrate(tx, await tx.select().from(products).where(eq(products.id, id))))[0]!;
          await auditIn(tx, tenantId, audit, null, product);
          return product;
        }),
      ),

    updateProduct: (tenantId, id, input, audit) =>
      withClashBackstop(() =>
        withTenant(tenantId, async (tx) => {
          const clashes = await findClashes(tx, [input], [id]);
          if (clashes.length) throw clashError(clashes);
          // Locked from here to the commit: the audit's "before" is what this write replaced.
          const before = audit ? ((await hydrate(tx, await tx.select().from(products).where(eq(products.id, id)).for('update')))[0] ?? null) : null;
          if (!(await replaceProduct(tx, tenantId, id, input))) return null;
          const product = (await hydrate(tx, await tx.select().from(products).where(eq(products.id, id))))[0]!;
          await auditIn(tx, tenantId, audit, before, product);
          return product;
        }),
      ),

    allProducts: (tenantId) =>
      withTenant(tenantId, async (tx) => hydrate(tx, await tx.select().from(products).orderBy(asc(products.name), asc(products.id)))),

    activeProducts: (tenantId, outer) =>
      inTenant(tenantId, outer, async (tx) => hydrate(tx, await tx.select().from(products).where(eq(products.status, 'active')).orderBy(asc(products.name), asc(products.id)))),

    getVariants: async (tenantId, ids) =>
      ids.length === 0 ? [] : withTenant(tenantId, (tx) => variantRefs(tx, inArray(productVariants.id, ids))),

    findVariantBySku: async (tenantId, sku) =>
      (await withTenant(tenantId, (tx) => variantRefs(tx, eq(productVariants.sku, sku))))[0] ?? null,

    recordReceivedCosts: async (tenantId, lines, outer) => {
      const write = async (tx: Tx) => {
        const costs = new Map<string, number>();
        // In variant order, as stock locks its rows: two receipts of the same items cannot deadlock.
        for (const line of [...lines].sort((a, b) => a.variantId.localeCompare(b.variantId))) {
          const [row] = await tx.select({ cost: productVariants.cost }).from(productVariants).where(eq(productVariants.id, line.variantId)).for('update');
          if (!row) continue;
          const cost = weightedAverageCost(costs.get(line.variantId) ?? row.cost, line.onHandBefore, line.quantity, line.unitCost);
          await tx.update(productVariants).set({ cost, updatedAt: new Date() }).where(eq(productVariants.id, line.variantId));
          costs.set(line.variantId, cost);
        }
        return costs;
      };
      return outer ? write(outer) : withTenant(tenantId, write);
    },

    findVariantByBarcode: async (tenantId, barcode) =>
      (await withTenant(tenantId, (tx) =>
        variantRefs(tx, sql`${productVariants.id} = (select variant_id from ${variantBarcodes} where barcode = ${barcode})`),
      ))[0] ?? null,
  };
}

/** The variants with the modifier groups and tax classes they use, in one transaction (the caller's, if given). */
export const getPricing: CatalogRepository['getPricing'] = async (tenantId, ids, tx) => {
  if (ids.length === 0) return { variants: [], modifierGroups: [], taxClasses: [] };
  const read = async (tx: Tx) => {
    const variants = await variantRefs(tx, inArray(productVariants.id, ids));
    const groupIds = [...new Set(variants.flatMap((v) => v.modifierGroupIds))];
    const taxIds = [...new Set(variants.flatMap((v) => v.taxClassId ?? []))];
    // Sent together: one round trip on Postgres (postgres.js pipelines a transaction's queries).
    const [groups, taxes] = await Promise.all([
      groupIds.length ? (tx.select(modifierGroupColumns).from(modifierGroups).where(inArray(modifierGroups.id, groupIds)) as Promise<ModifierGroup[]>) : [],
      taxIds.length ? tx.select(taxClassColumns).from(taxClasses).where(inArray(taxClasses.id, taxIds)) : [],
    ]);
    return { variants, modifierGroups: groups, taxClasses: taxes };
  };
  return tx ? read(tx) : withTenant(tenantId, read);
};
