import { AppError } from '@/lib/platform/errors';
import type { CatalogRepository, ImportedProduct } from '../repository';
import { chunks, clashError } from '../shared';
import { checkProduct, list, str, tenant } from './checks';
import { ready, type MongoHandle } from './connection';
import { productWriteError } from './errors';
import { findClashes, newProductDoc, replaceProduct } from './product-docs';

/**
 * The CSV import's write: all or nothing, in one multi-document transaction. MongoDB only
 * offers those on a replica set or a sharded cluster (Atlas, or `mongod --replSet rs0` +
 * `rs.initiate()` for a single node); everything else of the adapter works on a standalone
 * server too.
 */
export function mongoImportProducts(h: MongoHandle): CatalogRepository['importProducts'] {
  return async (tenantId, items: ImportedProduct[], onProgress) => {
    const t = tenant(tenantId);
    list(items, 'products').forEach((p, i) => checkProduct(p as ImportedProduct, `products.${i}`));
    // Like the Postgres adapter: a product with an id updates it, one without (or with "") is new.
    const updates = items.filter((p) => p.id);
    const creates = items.filter((p) => !p.id);
    const updateIds = updates.map((p, i) => str(p.id, `products.${i}.id`));
    const col = (await ready(h)).products; // indexes exist before the transaction starts
    const session = h.client.startSession();
    try {
      // All or nothing (needs a replica set, see above). withTransaction may run
      // the callback again on a transient error, so progress can restart from 0.
      return await session.withTransaction(async (s) => {
        const clashes = await findClashes(col, t, items, updateIds, s);
        if (clashes.length) throw clashError(clashes);
        let done = 0;
        for (const [i, p] of updates.entries()) {
          if (!(await replaceProduct(col, t, updateIds[i]!, p, s))) throw new AppError('not_found', `Product ${updateIds[i]} no longer exists`);
          onProgress?.(++done);
        }
        for (const chunk of chunks(creates, 1000)) {
          const now = new Date();
          await col.insertMany(
            chunk.map((p) => newProductDoc(t, p, now)),
            { session: s, ordered: true },
          );
          done += chunk.length;
          onProgress?.(done);
        }
        return { created: creates.length, updated: updates.length };
      });
    } catch (err) {
      throw productWriteError(err);
    } finally {
      await session.endSession();
    }
  };
}
