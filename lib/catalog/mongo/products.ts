import type { Collection, Filter } from 'mongodb';
import { AppError } from '@/lib/platform/errors';
import { weightedAverageCost, type ReceivedCost } from '../costing';
import type { Page, Product, ProductMethods, Variant, VariantRef } from '../repository';
import type { ProductListQuery } from '../schemas';
import { clashError } from '../shared';
import { assertSafeInput, badInput, checkProduct, escapeRegex, pageOf, scoped, str, tenant } from './checks';
import { ready, type MongoHandle, type ProductDoc } from './connection';
import { productWriteError } from './errors';
import { findClashes, hasBarcodes, newProductDoc, replaceProduct, toProduct, toVariantRef } from './product-docs';

const refsOf = (docs: ProductDoc[], pick: (v: Variant) => boolean): VariantRef[] =>
  docs.flatMap((d) => (d.variants ?? []).filter(pick).map((v) => toVariantRef(d, v)));

/** Reading and writing single products, and the variant lookups of stock and checkout. */
export function mongoProducts(h: MongoHandle): ProductMethods {
  const products = async () => (await ready(h)).products;
  return {
    async listProducts(tenantId, q: ProductListQuery): Promise<Page<Product>> {
      const t = tenant(tenantId);
      assertSafeInput(q, 'query');
      const { skip, limit } = pageOf(q);
      const status = q.status ?? 'active';
      if (status !== 'active' && status !== 'archived' && status !== 'all') throw badInput('status', 'must be active, archived or all');

      const filter: Filter<ProductDoc> = {};
      if (status !== 'all') filter.status = status;
      if (q.categoryId) filter.categoryId = str(q.categoryId, 'categoryId');
      if (q.search) {
        const search = str(q.search, 'search');
        const term = escapeRegex(search);
        filter.$or = [
          { name: { $regex: term, $options: 'i' } },
          { altName: { $regex: term, $options: 'i' } },
          { skus: { $regex: `^${term}`, $options: 'i' } },
          { ...hasBarcodes, barcodes: search },
        ];
      }
      const col = await products();
      const where = scoped<ProductDoc>(t, filter);
      const [total, docs] = await Promise.all([
        col.countDocuments(where),
        col.find(where, { sort: { name: 1, _id: 1 }, skip, limit }).toArray(),
      ]);
      return { data: docs.map(toProduct), total, skip, limit };
    },

    async getProduct(tenantId, id) {
      const t = tenant(tenantId);
      const key = str(id, 'id');
      const doc = await (await products()).findOne(scoped<ProductDoc>(t, { _id: key }));
      return doc ? toProduct(doc) : null;
    },

    async getProducts(tenantId, ids) {
      const t = tenant(tenantId);
      if (!Array.isArray(ids)) throw badInput('ids', 'must be a list');
      const keys = [...new Set(ids.map((id, i) => str(id, `ids.${i}`)))];
      if (keys.length === 0) return [];
      const docs = await (await products()).find(scoped<ProductDoc>(t, { _id: { $in: keys } })).toArray();
      return docs.map(toProduct);
    },

    async createProduct(tenantId, input) {
      const t = tenant(tenantId);
      checkProduct(input);
      const col = await products();
      try {
        const clashes = await findClashes(col, t, [input], []);
        if (clashes.length) throw clashError(clashes);
        const doc = newProductDoc(t, input, new Date());
        await col.insertOne(doc);
        return toProduct(doc);
      } catch (err) {
        throw productWriteError(err);
      }
    },

    async updateProduct(tenantId, id, input) {
      const t = tenant(tenantId);
      const key = str(id, 'id');
      checkProduct(input);
      const col = await products();
      try {
        const clashes = await findClashes(col, t, [input], [key]);
        if (clashes.length) throw clashError(clashes);
        const doc = await replaceProduct(col, t, key, input);
        return doc ? toProduct(doc) : null;
      } catch (err) {
        throw productWriteError(err);
      }
    },

    async allProducts(tenantId) {
      const t = tenant(tenantId);
      const docs = await (await products()).find(scoped<ProductDoc>(t), { sort: { name: 1, _id: 1 } }).toArray();
      return docs.map(toProduct);
    },

    async activeProducts(tenantId) {
      const t = tenant(tenantId);
      const docs = await (await products()).find(scoped<ProductDoc>(t, { status: 'active' }), { sort: { name: 1, _id: 1 } }).toArray();
      return docs.map(toProduct);
    },

    async getVariants(tenantId, variantIds) {
      const t = tenant(tenantId);
      if (!Array.isArray(variantIds)) throw badInput('variantIds', 'must be a list');
      const ids = [...new Set(variantIds.map((v, i) => str(v, `variantIds.${i}`)))];
      if (ids.length === 0) return [];
      const wanted = new Set(ids);
      const docs = await (await products()).find(scoped<ProductDoc>(t, { 'variants.id': { $in: ids } })).toArray();
      return refsOf(docs, (v) => wanted.has(v.id));
    },

    async findVariantBySku(tenantId, sku) {
      const t = tenant(tenantId);
      const value = str(sku, 'sku');
      const doc = await (await products()).findOne(scoped<ProductDoc>(t, { skus: value }));
      return doc ? (refsOf([doc], (v) => v.sku === value)[0] ?? null) : null;
    },

    async recordReceivedCosts(tenantId, lines) {
      const t = tenant(tenantId);
      const col = await products();
      const costs = new Map<string, number>();
      for (const line of lines) {
        const variantId = str(line.variantId, 'variantId');
        const cost = await averageInto(col, t, variantId, line);
        if (cost !== null) costs.set(variantId, cost);
      }
      return costs;
    },

    async findVariantByBarcode(tenantId, barcode) {
      const t = tenant(tenantId);
      const value = str(barcode, 'barcode');
      const doc = await (await products()).findOne(scoped<ProductDoc>(t, { ...hasBarcodes, barcodes: value }));
      return doc ? (refsOf([doc], (v) => v.barcodes.includes(value))[0] ?? null) : null;
    },
  };
}

const MAX_COST_ATTEMPTS = 5;

/**
 * One variant's cost moved to the weighted average with a receipt: read the product's revision,
 * write only onto that revision (a concurrent write makes it read again). Null: no such variant.
 */
async function averageInto(col: Collection<ProductDoc>, tenantId: string, variantId: string, line: ReceivedCost): Promise<number | null> {
  for (let attempt = 0; attempt < MAX_COST_ATTEMPTS; attempt++) {
    const doc = await col.findOne(scoped<ProductDoc>(tenantId, { 'variants.id': variantId }), { projection: { variants: 1, revision: 1 } });
    const variant = doc?.variants.find((v) => v.id === variantId);
    if (!doc || !variant) return null;
    const current = typeof variant.cost === 'number' ? variant.cost : null;
    const cost = weightedAverageCost(current, line.onHandBefore, line.quantity, line.unitCost);
    const written = await col.updateOne(
      scoped<ProductDoc>(tenantId, { _id: doc._id, revision: doc.revision ?? null, 'variants.id': variantId }),
      { $set: { 'variants.$.cost': cost, updatedAt: new Date() }, $inc: { revision: 1 } },
    );
    if (written.modifiedCount === 1) return cost;
  }
  throw new AppError('conflict', 'The product changed while its cost was being updated; try again');
}
