import type { SampleMethods } from '../repository';
import { badInput, scoped, str, tenant } from './checks';
import { ready, type MongoHandle, type ProductDoc } from './connection';
import { toProduct } from './product-docs';

/** The sample catalog's reads and its one delete, as postgres/samples.ts (variants are embedded, so they go with the document). */
export function mongoSamples(h: MongoHandle): SampleMethods {
  const products = async () => (await ready(h)).products;
  const sample = { 'attributes.sample': true };
  return {
    async countProducts(tenantId) {
      const t = tenant(tenantId);
      const col = await products();
      const [active, removableSamples] = await Promise.all([
        col.countDocuments(scoped<ProductDoc>(t, { status: 'active' })),
        col.countDocuments(scoped<ProductDoc>(t, { status: 'active', ...sample, $expr: { $eq: ['$updatedAt', '$createdAt'] } })),
      ]);
      return { active, removableSamples };
    },

    async sampleProducts(tenantId) {
      const t = tenant(tenantId);
      return (await (await products()).find(scoped<ProductDoc>(t, sample)).toArray()).map(toProduct);
    },

    async deleteProducts(tenantId, ids) {
      const t = tenant(tenantId);
      if (!Array.isArray(ids)) throw badInput('ids', 'must be a list');
      const keys = [...new Set(ids.map((id, i) => str(id, `ids.${i}`)))];
      if (keys.length === 0) return 0;
      return (await (await products()).deleteMany(scoped<ProductDoc>(t, { _id: { $in: keys } }))).deletedCount;
    },
  };
}
