import { products } from '@/db/schema/catalog';
import { withTenant } from '@/lib/platform/db';
import { AppError } from '@/lib/platform/errors';
import type { CatalogRepository, ImportedProduct } from '../repository';
import { chunks, clashError, yieldToEventLoop } from '../shared';
import { auditIn } from './audit';
import { findClashes, insertVariants, productColumns, replaceProduct, withClashBackstop } from './product-rows';

/** The CSV import's write: every product or none, in one tenant transaction. */
export const importProducts: CatalogRepository['importProducts'] = (tenantId, items: ImportedProduct[], onProgress, audit) =>
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
      const result = { created: creates.length, updated: updates.length };
      await auditIn(tx, tenantId, audit, null, result);
      return result;
    }),
  );
