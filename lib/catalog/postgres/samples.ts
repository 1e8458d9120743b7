import { and, eq, inArray, sql } from 'drizzle-orm';
import { products } from '@/db/schema/catalog';
import { withTenant } from '@/lib/platform/db';
import type { SampleMethods } from '../repository';
import { auditIn } from './audit';
import { hydrate } from './product-rows';

const isSample = sql`${products.attributes} @> '{"sample": true}'::jsonb`;

/** The sample catalog's reads and its one delete (variants and barcodes go with the product: ON DELETE CASCADE). */
export function postgresSamples(): SampleMethods {
  return {
    countProducts: (tenantId) =>
      withTenant(tenantId, async (tx) => {
        const [row] = await tx
          .select({
            active: sql<number>`count(*) filter (where ${products.status} = 'active')::int`,
            removableSamples: sql<number>`count(*) filter (where ${products.status} = 'active' and ${isSample} and ${products.updatedAt} = ${products.createdAt})::int`,
          })
          .from(products);
        return row!;
      }),

    sampleProducts: (tenantId) => withTenant(tenantId, async (tx) => hydrate(tx, await tx.select().from(products).where(isSample))),

    deleteProducts: async (tenantId, ids, audit) =>
      ids.length === 0
        ? 0
        : withTenant(tenantId, async (tx) => {
            const before = await hydrate(tx, await tx.select().from(products).where(inArray(products.id, ids)).for('update'));
            await tx.delete(products).where(and(inArray(products.id, ids), eq(products.tenantId, tenantId)));
            for (const p of before) await auditIn(tx, tenantId, audit, p, null);
            return before.length;
          }),
  };
}
