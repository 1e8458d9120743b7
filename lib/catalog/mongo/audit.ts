import { recordAuditAfter } from '@/lib/platform/audit';
import type { AuditOf, CatalogRepository, ReferenceStore } from '../repository';

async function auditAfter<T>(tenantId: string, audit: AuditOf<T> | undefined, before: T | null, after: T | null): Promise<void> {
  const entry = audit?.({ before, after });
  if (entry) await recordAuditAfter(tenantId, entry);
}

function auditedStore<T, Input>(store: ReferenceStore<T, Input>): ReferenceStore<T, Input> {
  return {
    ...store,
    async create(tenantId, input, audit) {
      const item = await store.create(tenantId, input);
      await auditAfter(tenantId, audit, null, item);
      return item;
    },
    async update(tenantId, id, input, audit) {
      const before = audit ? await store.get(tenantId, id) : null;
      const item = await store.update(tenantId, id, input);
      if (item) await auditAfter(tenantId, audit, before, item);
      return item;
    },
    async patch(tenantId, id, merge, audit) {
      let before: T | null = null;
      const item = await store.patch(tenantId, id, (current) => merge((before = current)));
      if (item) await auditAfter(tenantId, audit, before, item);
      return item;
    },
    async delete(tenantId, id, audit) {
      const before = audit ? await store.get(tenantId, id) : null;
      const deleted = await store.delete(tenantId, id);
      if (deleted) await auditAfter(tenantId, audit, before, null);
      return deleted;
    },
  };
}

/**
 * MongoDB shares no transaction with the audit log (Postgres), so each write's audit row is
 * written right after the write, from the item read before it (best effort: a failure to
 * write the row is logged, the change stands). The Mongo adapter's own files stay unaware.
 */
export function auditedAfterWrites(repo: CatalogRepository): CatalogRepository {
  return {
    ...repo,
    async createProduct(tenantId, input, audit) {
      const product = await repo.createProduct(tenantId, input);
      await auditAfter(tenantId, audit, null, product);
      return product;
    },
    async updateProduct(tenantId, id, input, audit) {
      const before = audit ? await repo.getProduct(tenantId, id) : null;
      const product = await repo.updateProduct(tenantId, id, input);
      if (product) await auditAfter(tenantId, audit, before, product);
      return product;
    },
    async deleteProducts(tenantId, ids, audit) {
      const before = audit ? await repo.getProducts(tenantId, ids) : [];
      const deleted = await repo.deleteProducts(tenantId, ids);
      for (const p of before) await auditAfter(tenantId, audit, p, null);
      return deleted;
    },
    async importProducts(tenantId, items, onProgress, audit) {
      const result = await repo.importProducts(tenantId, items, onProgress);
      await auditAfter(tenantId, audit, null, result);
      return result;
    },
    categories: auditedStore(repo.categories),
    taxClasses: auditedStore(repo.taxClasses),
    modifierGroups: auditedStore(repo.modifierGroups),
    savedDiscounts: auditedStore(repo.savedDiscounts),
  };
}
